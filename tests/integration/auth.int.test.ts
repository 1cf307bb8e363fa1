import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/security/crypto.ts';
import { CookieJar, createTestApp, postForm, signIn, type TestApp } from '../helpers/app.ts';
import { loescheVerfalleneMails, merkeMailVor, versendeMails } from '../../src/mail/ausgang.ts';
import { ausgangFuer, sofortFaellig } from '../helpers/mail-ausgang.ts';
import { startMailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer } from '../../src/mail/mailer.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

const PASSWORD = 'vorort-demo';

/* ---------- helpers ---------- */

const get = (jar: CookieJar, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: jar.header(), ...headers } }).then((r) => jar.store(r));

const apiLogin = (jar: CookieJar, email: string, password: string, totp?: string) =>
  t.app
    .inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: jar.header() }, payload: { email, password, ...(totp ? { totp } : {}) } })
    .then((r) => jar.store(r));

/** A sign-in through the API from a given client address. */
const loginFrom = (ip: string, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { email, password } });

/** Lets the locks of a throttle key run out (instead of waiting the minutes). */
const expireLocks = (key: string) =>
  t.ctx.db.withSystem((tx) => tx.execute(sql`update login_throttle set locked_until = now() - interval '1 second' where key = ${key}`));

const me = (jar: CookieJar) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header() } });

/** Path and query of a redirect (the app answers form posts with 302/303 and a local Location). */
function location(res: LightMyRequestResponse): string {
  expect([302, 303], `expected a redirect, got ${res.statusCode}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
  return String(res.headers.location);
}

function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`hidden field ${name} not found`);
  return m[1]!.replace(/&amp;/g, '&');
}

function totpSecretOf(html: string): string {
  const m = /data-totp-secret="([A-Z2-7]+)"/.exec(html);
  if (!m) throw new Error('TOTP secret not shown on the page');
  return m[1]!;
}

const totp = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
/** The code for the current 30-second step, or `offset` steps later (accepted with one step of drift). */
const codeFor = (secret: string, offset = 0) => totp(secret).generate({ timestamp: Date.now() + offset * 30_000 });
/** A six-digit code that is valid for none of the steps the server would accept right now. */
function wrongCode(secret: string): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((o) => codeFor(secret, o)));
  return ['000000', '111111', '222222', '123456'].find((c) => !valid.has(c))!;
}

/** Signs in through the HTML form like a browser; returns the jar and the redirect target. */
async function formLogin(email: string, password = PASSWORD, weiter = '') {
  const jar = new CookieJar();
  const res = await postForm(t.app, jar, '/anmelden', { email, password, weiter });
  return { jar, res };
}

const linkIn = (text: string, path: string) => {
  const m = new RegExp(`https?://\\S+${path.replace(/[/?]/g, (c) => `\\${c}`)}\\S*`).exec(text);
  if (!m) throw new Error(`no link to ${path} in mail:\n${text}`);
  const url = new URL(m[0]);
  return { full: m[0], path: url.pathname + url.search, token: url.searchParams.get('token') ?? '' };
};

async function userCount(email: string): Promise<number> {
  const res = await t.ctx.db.withSystem((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from users where lower(email) = lower(${email})`),
  );
  return res.rows[0]!.n;
}

/* ---------- password sign-in ---------- */

describe('sign-in with e-mail and password', () => {
  it('API: the right password answers 200 with the person and an httpOnly SameSite session cookie', async () => {
    const jar = new CookieJar();
    const res = await apiLogin(jar, 'leistung@musterland.example', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'leistung@musterland.example', roles: ['leistung'], traeger: { name: 'Kreis Musterland' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/vorort_sitzung=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await me(jar)).statusCode).toBe(200);
  });

  it('API: a wrong password answers 401 invalid_credentials and sets no session', async () => {
    const jar = new CookieJar();
    const res = await apiLogin(jar, 'leistung@musterland.example', 'falsches-passwort');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_credentials');
    expect(jar.get('vorort_sitzung')).toBeUndefined();
    // An unknown address gets exactly the same answer.
    const unknown = await apiLogin(new CookieJar(), 'niemand@musterland.example', 'falsches-passwort');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toBe('invalid_credentials');
  });

  it('HTML form: the right password leads to the work area, with a working session', async () => {
    const { jar, res } = await formLogin('leistung@musterland.example');
    expect(location(res)).toBe('/arbeitsplatz');
    const page = await get(jar, '/arbeitsplatz');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lena Leistung');
  });

  it('HTML form: goes on to a local "weiter" target, never to another host', async () => {
    const local = await formLogin('leistung@musterland.example', PASSWORD, '/konto');
    expect(location(local.res)).toBe('/konto');
    const foreign = await formLogin('leistung@musterland.example', PASSWORD, '//evil.example/x');
    expect(location(foreign.res)).toBe('/arbeitsplatz');
  });

  it('HTML form: a wrong password shows the error at the field and in the summary (401)', async () => {
    const { jar, res } = await formLogin('leistung@musterland.example', 'falsches-passwort');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('E-Mail-Adresse oder Passwort ist nicht richtig.');
    expect(res.body).toContain('data-error-summary');
    expect(res.body).toMatch(/aria-invalid="true"/);
    expect(jar.get('vorort_sitzung')).toBeUndefined();
  });
});

/* ---------- lockout ---------- */

describe('lockout after repeated failures', () => {
  const email = 'integration@musterland.example';

  it('five wrong passwords from one address lock that account there: 429 with retry-after, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await apiLogin(new CookieJar(), email, `falsch-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const locked = await apiLogin(new CookieJar(), email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('too_many_attempts');
    expect(locked.json().message).toContain('in einer Minute');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('the sign-in form says so as well (429, no session)', async () => {
    const { jar, res } = await formLogin(email);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
    expect(jar.get('vorort_sitzung')).toBeUndefined();
  });

  it('other accounts are not affected', async () => {
    expect((await apiLogin(new CookieJar(), 'controlling@musterland.example', PASSWORD)).statusCode).toBe(200);
  });

  it('the same account from another address is not affected either', async () => {
    expect((await loginFrom('10.20.0.9', email, PASSWORD)).statusCode).toBe(200);
  });

  it('repeated failures for one (address, account): the lock grows 1, 2, 4 minutes', async () => {
    const ip = '10.20.1.1';
    const who = 'leistung@musterland.example';
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) expect((await loginFrom(ip, who, `falsch-${round}-${i}`)).statusCode).toBe(401);
      const locked = await loginFrom(ip, who, PASSWORD);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error).toBe('too_many_attempts');
      waits.push(Number(locked.headers['retry-after']));
      await expireLocks(`paar:${hashToken(who)}:${hashToken(ip)}`); // as if the minutes had passed
    }
    expect(waits[0]).toBeGreaterThan(50);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits[1]).toBeGreaterThan(110);
    expect(waits[1]).toBeLessThanOrEqual(120);
    expect(waits[2]).toBeGreaterThan(230);
    expect(waits[2]).toBeLessThanOrEqual(240);
    // Once the lock is over, the right password gets in and the history of this pair is forgotten.
    expect((await loginFrom(ip, who, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await loginFrom(ip, who, `wieder-${i}`)).statusCode).toBe(401);
    const again = await loginFrom(ip, who, PASSWORD);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('30 failures from one address against many accounts do not lock out the admin with the right password there', async () => {
    const ip = '10.20.2.2';
    for (let i = 0; i < 30; i++) {
      const target = i < 4 ? 'buerger@musterland.example' : `geraten-${i}@musterland.example`;
      expect((await loginFrom(ip, target, `passwort-${i}`)).statusCode, `attempt ${i}`).toBe(401);
    }
    const admin = await loginFrom(ip, 'admin@musterland.example', PASSWORD);
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ email: 'admin@musterland.example' });
    // But guessing from there is slowed: one more failure for an account locks that account at this address …
    expect((await loginFrom(ip, 'teamleitung@musterland.example', 'falsch')).statusCode).toBe(401);
    const slowed = await loginFrom(ip, 'teamleitung@musterland.example', PASSWORD);
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // … and only there.
    expect((await loginFrom('10.20.2.3', 'teamleitung@musterland.example', PASSWORD)).statusCode).toBe(200);
  });

  it('distributed guessing: 20 failures from many addresses hold the account up for a minute, not for good', async () => {
    const who = 'controlling@musterland.example';
    // Signed in before from this address: it stays usable during the account lock.
    expect((await loginFrom('10.20.3.1', who, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await loginFrom(`10.21.0.${i + 1}`, who, `raten-${i}`)).statusCode).toBe(401);
    const elsewhere = await loginFrom('10.22.0.1', who, PASSWORD);
    expect(elsewhere.statusCode).toBe(429);
    expect(Number(elsewhere.headers['retry-after'])).toBeLessThanOrEqual(60);
    await expireLocks(`konto:${hashToken(who)}`);
    // After the lock the right password gets in from anywhere.
    expect((await loginFrom('10.22.0.1', who, PASSWORD)).statusCode).toBe(200);
  });

  it('an address the account signed in from before is not held up by the account lock', async () => {
    const who = 'integration@musterland.example';
    expect((await loginFrom('10.23.0.1', who, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await loginFrom(`10.24.0.${i + 1}`, who, `raten-${i}`)).statusCode).toBe(401);
    expect((await loginFrom('10.25.0.1', who, PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom('10.23.0.1', who, PASSWORD)).statusCode).toBe(200);
  });
});

/* ---------- TOTP ---------- */

describe('TOTP second factor', () => {
  const email = 'teamleitung@musterland.example';
  let secret = '';
  let usedCode = '';
  let fullJar: CookieJar;

  it('set-up on /konto/totp shows a QR code and the secret; a wrong code is refused, the right one enables TOTP', async () => {
    const jar = await signIn(t.app, email);
    const page = await get(jar, '/konto/totp');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<div class="qr"><svg role="img" aria-label="[^"]+"/);
    secret = totpSecretOf(page.body);
    const sealed = hidden(page.body, 'sealed');

    const wrong = await postForm(t.app, jar, '/konto/totp', { aktion: 'einrichten', sealed, code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Der Sicherheitscode ist nicht richtig oder abgelaufen.');
    // The same secret is offered again, so the app does not need to be set up twice.
    expect(totpSecretOf(wrong.body)).toBe(secret);

    const ok = await postForm(t.app, jar, '/konto/totp', { aktion: 'einrichten', sealed, code: codeFor(secret) });
    expect(location(ok)).toBe('/konto/totp');
    const after = await get(jar, '/konto/totp');
    expect(after.body).toContain('Der zweite Faktor ist eingerichtet.');
    expect(after.body).not.toContain('data-totp-secret');
  });

  it('the API then asks for the code (401 totp_required)', async () => {
    const res = await apiLogin(new CookieJar(), email, PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('totp_required');
  });

  it('the form sign-in stops at the second factor; a wrong code is refused, a right one completes the session', async () => {
    const { jar, res } = await formLogin(email, PASSWORD, '/konto');
    expect(location(res)).toBe('/anmelden/zweiter-faktor?weiter=%2Fkonto');
    const pendingToken = jar.get('vorort_sitzung');
    expect(pendingToken).toBeTruthy();
    // Password alone is not a sign-in: no API access, pages send back to the code.
    expect((await me(jar)).statusCode).toBe(401);
    expect(location(await get(jar, '/arbeitsplatz'))).toBe('/anmelden/zweiter-faktor');

    const wrong = await postForm(t.app, jar, '/anmelden/zweiter-faktor?weiter=%2Fkonto', { weiter: '/konto', code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Der Sicherheitscode ist nicht richtig oder abgelaufen.');
    expect((await me(jar)).statusCode).toBe(401);

    // The set-up used the current step; the next step's code is accepted (one step of drift).
    usedCode = codeFor(secret, 1);
    const ok = await postForm(t.app, jar, '/anmelden/zweiter-faktor?weiter=%2Fkonto', { weiter: '/konto', code: usedCode });
    expect(location(ok)).toBe('/konto');
    expect(jar.get('vorort_sitzung')).not.toBe(pendingToken);
    const who = await me(jar);
    expect(who.statusCode).toBe(200);
    expect(who.json().email).toBe(email);
    fullJar = jar;
  });

  it('a code that was already used is refused (form and API)', async () => {
    const { jar, res } = await formLogin(email);
    expect(location(res)).toMatch(/^\/anmelden\/zweiter-faktor/);
    const replay = await postForm(t.app, jar, '/anmelden/zweiter-faktor', { weiter: '', code: usedCode });
    expect(replay.statusCode).toBe(401);
    expect((await me(jar)).statusCode).toBe(401);

    const api = await apiLogin(new CookieJar(), email, PASSWORD, usedCode);
    expect(api.statusCode).toBe(401);
    expect(api.json().error).toBe('totp_invalid');
  });

  it('refused codes count against the sign-in throttle of the account', async () => {
    // Since the last successful sign-in: the replayed code on the form and the one through the API.
    const key = `konto:${hashToken(email)}`;
    const failures = await t.ctx.db.withSystem((tx) => tx.execute<{ failures: number }>(sql`select failures from login_throttle where key = ${key}`));
    expect(failures.rows[0]?.failures).toBe(2);
  });

  it('is only offered to staff: citizens get 403 on /konto/totp', async () => {
    const jar = await signIn(t.app, 'buerger@musterland.example');
    const res = await get(jar, '/konto/totp');
    expect(res.statusCode).toBe(403);
  });

  describe('when the Träger requires TOTP', () => {
    let admin: CookieJar;

    it('only admins may open the sign-in settings', async () => {
      const leistung = await signIn(t.app, 'leistung@musterland.example');
      expect((await get(leistung, '/verwaltung/anmeldung')).statusCode).toBe(403);
      admin = (await formLogin('admin@musterland.example')).jar;
      const page = await get(admin, '/verwaltung/anmeldung');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="kern-heading-large">Anmeldung und Sicherheit</h1>');
    });

    it('the admin switches the requirement on', async () => {
      const res = await postForm(t.app, admin, '/verwaltung/anmeldung', { aktion: 'totp_pflicht', totpPflicht: '1' });
      expect(location(res)).toBe('/verwaltung/anmeldung');
      const page = await get(admin, '/verwaltung/anmeldung');
      expect(page.body).toContain('Der zweite Faktor ist jetzt für alle Mitarbeitenden Pflicht.');
      expect(page.body).toMatch(/name="totpPflicht" checked=""/);
    });

    it('staff without TOTP must set it up before anything else; afterwards the session is complete', async () => {
      const email2 = 'controlling@musterland.example';
      const api = await apiLogin(new CookieJar(), email2, PASSWORD);
      expect(api.statusCode).toBe(403);
      expect(api.json().error).toBe('totp_setup_required');

      const { jar, res } = await formLogin(email2);
      expect(location(res)).toBe('/anmelden/totp-einrichten');
      expect((await me(jar)).statusCode).toBe(401);
      expect(location(await get(jar, '/arbeitsplatz'))).toBe('/anmelden/totp-einrichten');
      expect(location(await get(jar, '/konto'))).toBe('/anmelden/totp-einrichten');

      const page = await get(jar, '/anmelden/totp-einrichten');
      expect(page.statusCode).toBe(200);
      const s = totpSecretOf(page.body);
      const sealed = hidden(page.body, 'sealed');
      const wrong = await postForm(t.app, jar, '/anmelden/totp-einrichten', { sealed, code: wrongCode(s) });
      expect(wrong.statusCode).toBe(400);
      expect((await me(jar)).statusCode).toBe(401);

      const ok = await postForm(t.app, jar, '/anmelden/totp-einrichten', { sealed, code: codeFor(s) });
      expect(location(ok)).toBe('/arbeitsplatz');
      const who = await me(jar);
      expect(who.statusCode).toBe(200);
      expect(who.json().email).toBe(email2);
      // From now on this account signs in with a code.
      expect((await apiLogin(new CookieJar(), email2, PASSWORD)).json().error).toBe('totp_required');
    });

    it('the second factor cannot be switched off while it is required', async () => {
      const page = await get(fullJar, '/konto/totp');
      expect(page.body).toContain('kann deshalb nicht abgeschaltet werden');
      const res = await postForm(t.app, fullJar, '/konto/totp', { aktion: 'abschalten', code: codeFor(secret, 1) });
      expect(res.statusCode).toBe(409);
      const still = await t.ctx.db.withSystem((tx) =>
        tx.execute<{ on: boolean }>(sql`select totp_enabled_at is not null as on from users where email = ${email}`),
      );
      expect(still.rows[0]!.on).toBe(true);
    });

    it('the admin switches the requirement off again', async () => {
      const res = await postForm(t.app, admin, '/verwaltung/anmeldung', { aktion: 'totp_pflicht' });
      expect(location(res)).toBe('/verwaltung/anmeldung');
      expect((await apiLogin(new CookieJar(), 'leistung@musterland.example', PASSWORD)).statusCode).toBe(200);
    });
  });
});

/* ---------- registration ---------- */

describe('citizen self-registration with e-mail verification', () => {
  it('registration → verification mail over SMTP → the link shows a button → confirming enables sign-in', async () => {
    const addr = 'erika.neu@post.example';
    const jar = new CookieJar();
    const form = await get(jar, '/registrieren');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label class="kern-label" for="feld-password2">');

    const res = await postForm(t.app, jar, '/registrieren', { name: 'Erika Neu', email: addr, password: 'sicheres-passwort-1', password2: 'sicheres-passwort-1' });
    expect(location(res)).toBe('/registrieren/gesendet');
    expect((await get(jar, '/registrieren/gesendet')).body).toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');

    const mail = await t.mail.waitFor((m) => m.to.includes(addr));
    expect(mail.subject).toContain('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toContain('Guten Tag Erika Neu');
    const link = linkIn(mail.text, '/registrieren/bestaetigen?token=');

    // Not verified yet: no sign-in (API and form).
    const early = await apiLogin(new CookieJar(), addr, 'sicheres-passwort-1');
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toBe('email_not_verified');
    const earlyForm = await formLogin(addr, 'sicheres-passwort-1');
    expect(earlyForm.res.statusCode).toBe(403);
    expect(earlyForm.res.body).toContain('Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse');

    // Opening the link (or a mail scanner prefetching it) only shows a button.
    const page = await get(new CookieJar(), link.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('E-Mail-Adresse jetzt bestätigen');
    expect(hidden(page.body, 'token')).toBe(link.token);
    expect((await apiLogin(new CookieJar(), addr, 'sicheres-passwort-1')).statusCode).toBe(403);

    const visitor = new CookieJar();
    const confirmed = await postForm(t.app, visitor, '/registrieren/bestaetigen', { token: link.token }, { csrf: await csrfOf(visitor, link.path) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('E-Mail-Adresse bestätigt');

    const after = await apiLogin(new CookieJar(), addr, 'sicheres-passwort-1');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ email: addr, art: 'buerger', roles: ['buerger'], traeger: { name: 'Kreis Musterland' } });

    // Single use.
    const again = await postForm(t.app, visitor, '/registrieren/bestaetigen', { token: link.token }, { csrf: await csrfOf(visitor, link.path) });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Der Link ist ungültig oder abgelaufen');
  });

  it('an address that already has an account gets a hint mail instead, and the page looks the same', async () => {
    const addr = 'buerger@musterland.example';
    const res = await postForm(t.app, new CookieJar(), '/registrieren', { name: 'Jemand', email: 'Buerger@Musterland.example', password: 'anderes-passwort', password2: 'anderes-passwort' });
    expect(location(res)).toBe('/registrieren/gesendet');
    const mail = await t.mail.waitFor((m) => m.to.map((x) => x.toLowerCase()).includes(addr) && m.subject.includes('bereits ein Konto'));
    expect(mail.text).toContain('/passwort-vergessen');
    expect(mail.text).not.toContain('/registrieren/bestaetigen');
    expect(await userCount(addr)).toBe(1);
    // The old password still works, the new one does not.
    expect((await apiLogin(new CookieJar(), addr, PASSWORD)).statusCode).toBe(200);
    expect((await apiLogin(new CookieJar(), addr, 'anderes-passwort')).statusCode).toBe(401);
  });

  it('the form checks its fields and shows every problem at the field and in the summary', async () => {
    const res = await postForm(t.app, new CookieJar(), '/registrieren', { name: '', email: 'keine-adresse', password: 'kurz', password2: 'anders' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bitte geben Sie Ihren Namen an.');
    expect(res.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse an.');
    expect(res.body).toContain('Das Passwort muss mindestens 10 Zeichen lang sein.');
    expect(res.body).toContain('href="#feld-email"');
    const mismatch = await postForm(t.app, new CookieJar(), '/registrieren', { name: 'A B', email: 'a.b@post.example', password: 'lang-genug-123', password2: 'lang-genug-124' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Die Passwörter stimmen nicht überein.');
    expect(await userCount('a.b@post.example')).toBe(0);
  });

  it('mail server down: registration still succeeds, the link mail waits in the outbox and is sent once the server is back', async () => {
    const addr = 'ohne.smtp@post.example';
    const echt = t.ctx.mailer;
    // a real SMTP connection to a port nobody listens on (the catcher is closed right away)
    const tot = await startMailCatcher();
    const port = tot.port;
    await tot.close();
    t.ctx.mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: t.ctx.config.mailFrom });
    try {
      const res = await postForm(t.app, new CookieJar(), '/registrieren', { name: 'Ohne Server', email: addr, password: 'sicheres-passwort-9', password2: 'sicheres-passwort-9' });
      expect(location(res)).toBe('/registrieren/gesendet');
    } finally {
      t.ctx.mailer.close();
      t.ctx.mailer = echt;
    }
    const wartend = await ausgangFuer(t, addr);
    expect(wartend.map((w) => [w.anlass, w.versuche, w.fehlerCode])).toEqual([['registrierung', 1, 'ESOCKET']]);
    // stored only encrypted: neither the address nor the link is readable in the table
    expect(wartend[0]!.inhalt).not.toContain(addr);
    expect(wartend[0]!.inhalt).not.toContain('bestaetigen');
    expect(wartend[0]!.mail.text).toContain('/registrieren/bestaetigen?token=');
    expect(t.mail.messages.some((m) => m.to.includes(addr))).toBe(false);
    // the job's run: the mail is due after its back-off
    await sofortFaellig(t, wartend.map((w) => w.id));
    expect(await versendeMails({ ctx: t.ctx })).toBe(1);
    const mail = await t.mail.waitFor((m) => m.to.includes(addr));
    expect(mail.text).toContain('/registrieren/bestaetigen?token=');
    expect(await ausgangFuer(t, addr)).toHaveLength(0);
  });

  it('an outbox mail that could not be sent before its expiry is deleted unsent', async () => {
    const addr = 'verfallen@post.example';
    const vorgemerkt = await t.ctx.db.withSystem(async (tx) => {
      const traegerId = (await tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`)).rows[0]!.id;
      return merkeMailVor(tx, { secret: t.ctx.config.secret, traegerId, anlass: 'passwort_vergessen', mail: { to: addr, subject: 'x', text: 'y' }, verfaelltAm: new Date(Date.now() - 1000) });
    });
    expect(await versendeMails({ ctx: t.ctx, vorgemerkt: [vorgemerkt] })).toBe(0);
    expect(await loescheVerfalleneMails({ ctx: t.ctx })).toBe(1);
    expect(await ausgangFuer(t, addr)).toHaveLength(0);
    expect(t.mail.messages.some((m) => m.to.includes(addr))).toBe(false);
  });

  it('API: register → 202 and a mail in the chosen language; verify-email → 200, a second time 400 token_invalid', async () => {
    const addr = 'jan.api@post.example';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { cookie: 'vorort_sprache=en' },
      payload: { name: 'Jan Api', email: addr, password: 'api-passwort-123' },
    });
    expect(res.statusCode).toBe(202);
    const mail = await t.mail.waitFor((m) => m.to.includes(addr));
    expect(mail.subject).toContain('Please confirm your email address');
    const { token } = linkIn(mail.text, '/registrieren/bestaetigen?token=');

    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'nicht-echt' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('token_invalid');

    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('token_invalid');
    expect((await apiLogin(new CookieJar(), addr, 'api-passwort-123')).statusCode).toBe(200);

    const invalid = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { name: 'X', email: 'kaputt', password: 'kurz' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toBe('validation_failed');
    expect(invalid.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'password']);
  });
});

/** The form token a page hands out (the value of the vorort_csrf cookie, also when the page has no form). */
async function csrfOf(jar: CookieJar, url: string): Promise<string> {
  const page = await get(jar, url);
  return /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? jar.get('vorort_csrf') ?? '';
}

/* ---------- password reset ---------- */

describe('password reset by e-mail link', () => {
  const email = 'buerger@musterland.example';

  it('the request page answers the same for known and unknown addresses; only the known one gets a mail', async () => {
    const unknown = await postForm(t.app, new CookieJar(), '/passwort-vergessen', { email: 'unbekannt@post.example' });
    const known = await postForm(t.app, new CookieJar(), '/passwort-vergessen', { email });
    expect(location(unknown)).toBe('/passwort-vergessen?gesendet=1');
    expect(location(known)).toBe(location(unknown));
    await t.mail.waitFor((m) => m.to.includes(email) && m.subject.includes('Neues Passwort'));
    expect(t.mail.messages.some((m) => m.to.includes('unbekannt@post.example'))).toBe(false);
    const page = await get(new CookieJar(), '/passwort-vergessen?gesendet=1');
    expect(page.body).toContain('Wenn es ein Konto mit dieser Adresse gibt');
  });

  it('the link sets a new password: the old one stops working and every session ends', async () => {
    const sessionA = await signIn(t.app, email);
    const sessionB = await signIn(t.app, email);
    const mail = await t.mail.waitFor((m) => m.to.includes(email) && m.subject.includes('Neues Passwort'));
    const link = linkIn(mail.text, '/passwort-neu?token=');

    const jar = new CookieJar();
    const page = await get(jar, link.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Neues Passwort festlegen');

    const mismatch = await postForm(t.app, jar, link.path, { token: link.token, password: 'neues-passwort-1', password2: 'neues-passwort-2' }, { csrf: hidden(page.body, '_csrf') });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Die Passwörter stimmen nicht überein.');

    const ok = await postForm(t.app, jar, link.path, { token: link.token, password: 'neues-passwort-1', password2: 'neues-passwort-1' }, { csrf: hidden(page.body, '_csrf') });
    expect(location(ok)).toBe('/anmelden');
    expect((await get(jar, '/anmelden')).body).toContain('Ihr Passwort wurde geändert.');

    expect((await me(sessionA)).statusCode).toBe(401);
    expect((await me(sessionB)).statusCode).toBe(401);
    expect((await apiLogin(new CookieJar(), email, PASSWORD)).statusCode).toBe(401);
    expect((await apiLogin(new CookieJar(), email, 'neues-passwort-1')).statusCode).toBe(200);

    // Single use.
    const reused = await get(new CookieJar(), link.path);
    expect(reused.body).toContain('Der Link ist ungültig oder abgelaufen');
    const reusedPost = await postForm(t.app, jar, link.path, { token: link.token, password: 'noch-ein-passwort', password2: 'noch-ein-passwort' }, { csrf: hidden(page.body, '_csrf') });
    expect(reusedPost.statusCode).toBe(400);
  });

  it('API: request → 202 (same for unknown), confirm → 200, again → 400 token_invalid', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'gibt-es-nicht@post.example' } });
    expect(unknown.statusCode).toBe(202);
    const before = t.mail.messages.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual(unknown.json());
    const mail = await t.mail.waitFor((m) => m.id > before && m.to.includes(email));
    const { token } = linkIn(mail.text, '/passwort-neu?token=');

    const short = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'kurz' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toBe('validation_failed');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: PASSWORD } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('token_invalid');
    expect((await apiLogin(new CookieJar(), email, PASSWORD)).statusCode).toBe(200);
  });
});

/* ---------- CSRF ---------- */

describe('CSRF protection', () => {
  it('a form post without _csrf is refused with 403 csrf_failed', async () => {
    const jar = new CookieJar();
    await get(jar, '/anmelden');
    const html = await postForm(t.app, jar, '/anmelden', { email: 'leistung@musterland.example', password: PASSWORD }, { csrf: null });
    expect(html.statusCode).toBe(403);
    expect(html.body).toContain('Die Anfrage konnte nicht überprüft werden.');
    expect(jar.get('vorort_sitzung')).toBeUndefined();

    const json = await t.app.inject({
      method: 'POST',
      url: '/anmelden',
      headers: { cookie: jar.header(), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'leistung@musterland.example', password: PASSWORD }).toString(),
    });
    expect(json.statusCode).toBe(403);
    expect(json.json().error).toBe('csrf_failed');
  });

  it('a form post with a token that does not match the cookie is refused', async () => {
    const jar = new CookieJar();
    await get(jar, '/anmelden');
    const res = await postForm(t.app, jar, '/anmelden', { email: 'leistung@musterland.example', password: PASSWORD }, { csrf: 'x'.repeat(43) });
    expect(res.statusCode).toBe(403);
  });

  it('a JSON API call with a foreign Origin is refused; the own origin passes', async () => {
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'leistung@musterland.example', password: PASSWORD },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error).toBe('csrf_failed');
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://vorort.example', host: 'vorort.example' },
      payload: { email: 'leistung@musterland.example', password: PASSWORD },
    });
    expect(own.statusCode).toBe(200);
  });

  it('a request the browser marks as cross-site is refused, even with a valid form token', async () => {
    const jar = new CookieJar();
    const token = await csrfOf(jar, '/anmelden');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'leistung@musterland.example', password: PASSWORD },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().error).toBe('csrf_failed');
    const form = await t.app.inject({
      method: 'POST',
      url: '/anmelden',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      payload: new URLSearchParams({ _csrf: token, email: 'leistung@musterland.example', password: PASSWORD }).toString(),
    });
    expect(form.statusCode).toBe(403);
  });
});

/* ---------- sign-out ---------- */

describe('sign-out', () => {
  it('API: logout ends this session only', async () => {
    const a = await signIn(t.app, 'leistung@musterland.example');
    const b = await signIn(t.app, 'leistung@musterland.example');
    const token = a.get('vorort_sitzung')!;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: a.header() } });
    expect(res.statusCode).toBe(204);
    const reuse = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `vorort_sitzung=${token}` } });
    expect(reuse.statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
  });

  it('the header button (form POST /abmelden) ends the session', async () => {
    const { jar } = await formLogin('leistung@musterland.example');
    const token = jar.get('vorort_sitzung')!;
    const res = await postForm(t.app, jar, '/abmelden', {}, { csrf: await csrfOf(jar, '/arbeitsplatz') });
    expect(location(res)).toBe('/');
    const reuse = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `vorort_sitzung=${token}` } });
    expect(reuse.statusCode).toBe(401);
  });

  it('sign-out everywhere (API) ends every session of the account', async () => {
    const a = await signIn(t.app, 'leistung@musterland.example');
    const b = await signIn(t.app, 'leistung@musterland.example');
    const other = await signIn(t.app, 'admin@musterland.example');
    const tokenA = a.get('vorort_sitzung')!;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: a.header() } });
    expect(res.statusCode).toBe(200);
    expect(res.json().beendet).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `vorort_sitzung=${tokenA}` } })).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
  });

  it('sign-out everywhere from "Mein Konto" (form) ends every session of the account', async () => {
    const a = await signIn(t.app, 'buerger@musterland.example');
    const b = await signIn(t.app, 'buerger@musterland.example');
    const res = await postForm(t.app, a, '/konto', {});
    expect(location(res)).toBe('/anmelden');
    expect((await me(b)).statusCode).toBe(401);
  });
});
