import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, postForm, signIn, type TestApp } from '../helpers/app.ts';

/**
 * OpenID Connect sign-in against a REAL OpenID provider (the `oidc-provider` package) started in this test on a
 * loopback port — the way a Kreis connects its Keycloak or directory. The test plays the browser: it follows the
 * redirects between vorort and the provider by hand and fills in the provider's (development) login and consent
 * pages. vorort's side talks to the provider over real HTTP (discovery, token, userinfo, JWKS).
 */

const CLIENT_ID = 'vorort-musterland';
const CLIENT_SECRET = 'geheimnis-nur-fuer-den-test-0123456789';

/** The provider's directory: account id → e-mail claim. */
const DIRECTORY: Record<string, string> = {
  'kc-leistung': 'leistung@musterland.example',
  'kc-fremd': 'unbekannt@kreis-musterland.example',
  'kc-buerger': 'buerger@musterland.example',
  'kc-andere-stadt': 'admin@beispielstadt.example',
};

let t: TestApp;
let idp: Server;
let issuer = '';
let redirectUri = '';
let providerId = '';

async function startProvider(redirect: string): Promise<{ server: Server; issuer: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(url, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirect],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: (_ctx, id) => {
      const email = DIRECTORY[id];
      if (!email) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email, email_verified: true, name: id }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return { server, issuer: url };
}

/** A minimal cookie store for the browser's conversation with the provider. */
class FetchJar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function location(res: LightMyRequestResponse): string {
  expect([302, 303], `expected a redirect, got ${res.statusCode}: ${res.body.slice(0, 400)}`).toContain(res.statusCode);
  return String(res.headers.location);
}

/**
 * The browser at the provider: follows redirects, signs in as `accountId` on the login page and agrees on the
 * consent page, until the provider sends the browser back to vorort. Returns that URL (the callback with code).
 */
async function atProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new FetchJar();
  let next: { url: string; method: 'GET' | 'POST'; body?: URLSearchParams } = { url: authorizationUrl, method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: next.body?.toString(),
    });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      const target = new URL(res.headers.get('location')!, next.url);
      if (target.href.startsWith(redirectUri)) return target;
      next = { url: target.href, method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}:\n${html.slice(0, 400)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at the provider:\n${html.slice(0, 400)}`);
    const target = new URL(action.replace(/&amp;/g, '&'), next.url).href;
    if (html.includes('name="prompt" value="login"')) {
      next = { url: target, method: 'POST', body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'egal' }) };
    } else if (html.includes('name="prompt" value="consent"')) {
      next = { url: target, method: 'POST', body: new URLSearchParams({ prompt: 'consent' }) };
    } else {
      throw new Error(`unexpected page at the provider:\n${html.slice(0, 400)}`);
    }
  }
  throw new Error('too many redirects at the provider');
}

/** The whole round trip: button on vorort's sign-in page → provider → callback. Returns vorort's answer. */
async function signInThroughProvider(accountId: string, weiter = '') {
  const jar = new CookieJar();
  const start = await postForm(t.app, jar, `/anmelden/oidc/${providerId}`, { weiter }, { csrf: await csrfFromSignInPage(jar) });
  const authorizationUrl = location(start);
  expect(authorizationUrl.startsWith(`${issuer}/`)).toBe(true);
  const params = new URL(authorizationUrl).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(params.get('redirect_uri')).toBe(redirectUri);
  const flowCookie = String(start.headers['set-cookie']);
  expect(flowCookie).toMatch(/vorort_oidc=[^;]+;.*HttpOnly/i);

  const back = await atProvider(authorizationUrl, accountId);
  expect(back.searchParams.get('code')).toBeTruthy();
  const res = jar.store(await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: jar.header() } }));
  return { jar, res, callbackPath: back.pathname + back.search };
}

async function csrfFromSignInPage(jar: CookieJar): Promise<string> {
  const res = jar.store(await t.app.inject({ method: 'GET', url: '/anmelden', headers: { cookie: jar.header() } }));
  return /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
}

const me = (jar: CookieJar) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: jar.header() } });

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const base = await t.listen(); // sets publicUrl, the base of the redirect URI
  redirectUri = `${base}/anmelden/oidc/callback`;
  const started = await startProvider(redirectUri);
  idp = started.server;
  issuer = started.issuer;
});

afterAll(async () => {
  idp?.closeAllConnections();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
  await t.close();
});

describe('OpenID Connect sign-in (per Träger)', () => {
  let admin: CookieJar;

  it('refuses a plain-http issuer that is not on the loopback interface', async () => {
    admin = await signIn(t.app, 'admin@musterland.example');
    const res = await postForm(t.app, admin, '/verwaltung/anmeldung', {
      aktion: 'anbieter_neu',
      label: 'Unsicher',
      issuer: 'http://login.kreis-musterland.example/realms/jobcenter',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('muss mit https:// beginnen');
    expect(res.body).toContain('href="#feld-issuer"');
  });

  it('the admin connects the provider; the secret is stored encrypted and the sign-in page offers it', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/verwaltung/anmeldung', headers: { cookie: admin.header() } });
    expect(page.body).toContain(redirectUri);

    const res = await postForm(t.app, admin, '/verwaltung/anmeldung', {
      aktion: 'anbieter_neu',
      label: 'Kreisverwaltung',
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(location(res)).toBe('/verwaltung/anmeldung');

    const rows = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ id: string; client_secret_enc: string; slug: string }>(
        sql`select p.id, p.client_secret_enc, t.slug from oidc_provider p join traeger t on t.id = p.traeger_id`,
      ),
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.slug).toBe('musterland');
    expect(rows.rows[0]!.client_secret_enc).not.toContain(CLIENT_SECRET);
    providerId = rows.rows[0]!.id;

    const signInPage = await t.app.inject({ method: 'GET', url: '/anmelden' });
    expect(signInPage.body).toContain(`action="/anmelden/oidc/${providerId}"`);
    expect(signInPage.body).toContain('Anmelden mit Kreisverwaltung');
  });

  it('a staff member known to vorort signs in through the provider and gets a full session', async () => {
    const { jar, res } = await signInThroughProvider('kc-leistung', '/konto');
    expect(location(res)).toBe('/konto');
    const who = await me(jar);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ email: 'leistung@musterland.example', roles: ['leistung'], traeger: { name: 'Kreis Musterland' } });

    // The identity is linked on first use, and the link is in the audit trail.
    const linked = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ oidc_issuer: string; oidc_subject: string }>(sql`select oidc_issuer, oidc_subject from users where email = 'leistung@musterland.example'`),
    );
    expect(linked.rows[0]).toEqual({ oidc_issuer: issuer, oidc_subject: 'kc-leistung' });
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'user' and purpose like 'Erste Anmeldung über OpenID Connect%'`),
    );
    expect(audit.rows[0]!.n).toBe(1);
    const session = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ methode: string }>(sql`select s.methode from sessions s join users u on u.id = s.user_id where u.email = 'leistung@musterland.example' order by s.created_at desc limit 1`),
    );
    expect(session.rows[0]!.methode).toBe('oidc');
  });

  it('later sign-ins go by issuer and subject (no second link)', async () => {
    const { jar, res } = await signInThroughProvider('kc-leistung');
    expect(location(res)).toBe('/arbeitsplatz');
    expect((await me(jar)).json().email).toBe('leistung@musterland.example');
    const audit = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where purpose like 'Erste Anmeldung über OpenID Connect%'`),
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('a person unknown to vorort is refused with a clear German page and no session', async () => {
    const { jar, res } = await signInThroughProvider('kc-fremd');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('<h1 class="kern-heading-large">Anmeldung nicht möglich</h1>');
    expect(res.body).toContain('gibt es kein Konto in vorort');
    expect(jar.get('vorort_sitzung')).toBeUndefined();
    expect((await me(jar)).statusCode).toBe(401);
    // No account was created.
    const rows = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from users where email = 'unbekannt@kreis-musterland.example'`));
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('a citizen account with the reported address is refused (staff only)', async () => {
    const { jar, res } = await signInThroughProvider('kc-buerger');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('nur für Mitarbeitende');
    expect(jar.get('vorort_sitzung')).toBeUndefined();
  });

  it("staff of another Träger cannot sign in through this Träger's provider", async () => {
    const { jar, res } = await signInThroughProvider('kc-andere-stadt');
    expect(res.statusCode).toBe(403);
    expect(jar.get('vorort_sitzung')).toBeUndefined();
  });

  it('a callback without the flow cookie, or a code used twice, is refused', async () => {
    const { callbackPath } = await signInThroughProvider('kc-leistung');
    // Same code again, but from a browser that never started the flow.
    const stranger = await t.app.inject({ method: 'GET', url: callbackPath });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('Anmeldung nicht möglich');
    expect(String(stranger.headers['set-cookie'] ?? '')).not.toMatch(/vorort_sitzung=[^;]+/);

    // A fresh flow, but the callback carries a different state than the one vorort sent.
    const jar = new CookieJar();
    const start = await postForm(t.app, jar, `/anmelden/oidc/${providerId}`, { weiter: '' }, { csrf: await csrfFromSignInPage(jar) });
    const back = await atProvider(location(start), 'kc-leistung');
    back.searchParams.set('state', 'gefaelscht');
    const forged = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: jar.header() } });
    expect(forged.statusCode).toBe(400);
    expect(String(forged.headers['set-cookie'] ?? '')).not.toMatch(/vorort_sitzung=[^;]+/);
  });

  it('the start of a sign-in needs the CSRF token like every form', async () => {
    const jar = new CookieJar();
    await csrfFromSignInPage(jar);
    const res = await postForm(t.app, jar, `/anmelden/oidc/${providerId}`, { weiter: '' }, { csrf: null });
    expect(res.statusCode).toBe(403);
  });

  it('a switched-off provider disappears from the sign-in page and cannot be used', async () => {
    const off = await postForm(t.app, admin, '/verwaltung/anmeldung', { aktion: 'anbieter_aktiv', providerId, aktiv: '0' });
    expect(location(off)).toBe('/verwaltung/anmeldung');
    const page = await t.app.inject({ method: 'GET', url: '/anmelden' });
    expect(page.body).not.toContain(`/anmelden/oidc/${providerId}`);
    const jar = new CookieJar();
    const start = await postForm(t.app, jar, `/anmelden/oidc/${providerId}`, { weiter: '' }, { csrf: await csrfFromSignInPage(jar) });
    expect(start.statusCode).toBe(404);
  });

  it("another Träger's admin cannot switch this provider (404, not 403)", async () => {
    const other = await signIn(t.app, 'admin@beispielstadt.example');
    const res = await postForm(t.app, other, '/verwaltung/anmeldung', { aktion: 'anbieter_aktiv', providerId, aktiv: '1' });
    expect(res.statusCode).toBe(404);
  });
});
