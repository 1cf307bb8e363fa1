import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTokens, kommunen, sessions, standorte, users } from '../../src/db/schema/index.ts';
import { hashToken } from '../../src/server/security/crypto.ts';
import { CookieJar, createTestApp, csrfFor, postForm, signIn, type TestApp } from '../helpers/app.ts';

/**
 * Admin area (issue 2, "Organisation"): Kommunen, Standorte and accounts through the JSON API and the HTML
 * forms, role checks, Träger isolation, validation, optimistic locking and the password-set mail.
 */

let t: TestApp;
let admin: CookieJar;
let beispielAdmin: CookieJar;
let musterland: string;
let beispielstadt: string;
/** Ids of Kreis Musterland records, to try from Stadt Beispielstadt. */
const fremd = { kommune: '', standort: '', user: '' };
let standortMusterstadt: string;
let kommuneMusterstadt: string;
let beispielStandort: string;

type Json = Record<string, unknown>;

const tokenOf = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

function call(jar: CookieJar | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Json) {
  return t.app.inject({
    method,
    url,
    headers: jar ? { cookie: jar.header() } : {},
    ...(payload !== undefined ? { payload } : {}),
  });
}

const systemRows = <T,>(fn: Parameters<typeof t.ctx.db.withSystem<T>>[0]) => t.ctx.db.withSystem(fn);

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const tr = await systemRows((tx) => tx.execute<{ id: string; slug: string }>(sql`select id, slug from traeger`));
  musterland = tr.rows.find((r) => r.slug === 'musterland')!.id;
  beispielstadt = tr.rows.find((r) => r.slug === 'beispielstadt')!.id;
  const k = await systemRows((tx) => tx.select().from(kommunen));
  kommuneMusterstadt = k.find((x) => x.name === 'Musterstadt')!.id;
  fremd.kommune = k.find((x) => x.name === 'Beispieldorf')!.id;
  const s = await systemRows((tx) => tx.select().from(standorte));
  standortMusterstadt = s.find((x) => x.name === 'Jobcenter Musterstadt')!.id;
  fremd.standort = s.find((x) => x.name === 'Jobcenter Seeheim')!.id;
  beispielStandort = s.find((x) => x.traegerId === beispielstadt)!.id;
  const u = await systemRows((tx) => tx.select().from(users));
  fremd.user = u.find((x) => x.email === 'integration@musterland.example')!.id;
  admin = await signIn(t.app, 'admin@musterland.example');
  beispielAdmin = await signIn(t.app, 'admin@beispielstadt.example');
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------------------

describe('role checks', () => {
  const apiRoutes: [method: 'GET' | 'POST' | 'PATCH', url: () => string, payload?: Json][] = [
    ['GET', () => '/api/admin/kommunen'],
    ['POST', () => '/api/admin/kommunen', { name: 'Irgendwo' }],
    ['GET', () => `/api/admin/kommunen/${kommuneMusterstadt}`],
    ['PATCH', () => `/api/admin/kommunen/${kommuneMusterstadt}`, { version: 1, name: 'X' }],
    ['POST', () => `/api/admin/kommunen/${kommuneMusterstadt}/deactivate`],
    ['GET', () => '/api/admin/standorte'],
    ['POST', () => `/api/admin/standorte/${standortMusterstadt}/activate`],
    ['GET', () => '/api/admin/users'],
    ['POST', () => '/api/admin/users', { name: 'X', email: 'x@musterland.example', roles: ['admin'] }],
    ['GET', () => `/api/admin/users/${fremd.user}`],
    ['POST', () => `/api/admin/users/${fremd.user}/deactivate`],
    ['GET', () => '/api/admin/audit'],
  ];
  const pages = [
    '/verwaltung',
    '/verwaltung/kommunen',
    '/verwaltung/kommunen/neu',
    '/verwaltung/standorte',
    '/verwaltung/standorte/neu',
    '/verwaltung/benutzer',
    '/verwaltung/benutzer/neu',
    '/verwaltung/protokoll',
  ];

  it('anonymous callers get 401 from the API and are sent to sign-in from the pages', async () => {
    for (const [method, url, payload] of apiRoutes) {
      const res = await call(null, method, url(), payload);
      expect({ route: `${method} ${url()}`, status: res.statusCode, error: res.json().error }).toEqual({ route: `${method} ${url()}`, status: 401, error: 'unauthenticated' });
    }
    for (const page of [...pages, `/verwaltung/benutzer/${fremd.user}`]) {
      const res = await call(null, 'GET', page);
      expect({ page, redirect: [302, 303].includes(res.statusCode), location: res.headers.location }).toEqual({ page, redirect: true, location: `/anmelden?weiter=${encodeURIComponent(page)}` });
    }
  });

  for (const email of ['leistung', 'integration', 'teamleitung', 'controlling', 'buerger'].map((r) => `${r}@musterland.example`)) {
    it(`${email} gets 403 from every admin route and page`, async () => {
      const jar = await signIn(t.app, email);
      for (const [method, url, payload] of apiRoutes) {
        const res = await call(jar, method, url(), payload);
        expect({ route: `${method} ${url()}`, status: res.statusCode, error: res.json().error }).toEqual({ route: `${method} ${url()}`, status: 403, error: 'forbidden' });
      }
      for (const page of pages) {
        const res = await call(jar, 'GET', page);
        expect({ page, status: res.statusCode }).toEqual({ page, status: 403 });
        expect(res.body).toContain('Dafür fehlt Ihnen die Berechtigung.');
      }
      // A form post is refused too, and changes nothing.
      const res = await postForm(t.app, jar, '/verwaltung/kommunen/neu', { name: `Von ${email}` });
      expect(res.statusCode).toBe(403);
      const rows = await systemRows((tx) => tx.select().from(kommunen).where(eq(kommunen.name, `Von ${email}`)));
      expect(rows).toHaveLength(0);
    });
  }

  it('the admin reaches every page of the admin area', async () => {
    for (const page of [...pages, `/verwaltung/kommunen/${kommuneMusterstadt}`, `/verwaltung/standorte/${standortMusterstadt}`, `/verwaltung/benutzer/${fremd.user}`]) {
      const res = await call(admin, 'GET', page);
      expect({ page, status: res.statusCode, h1: res.body.match(/<h1[\s>]/g)?.length }).toEqual({ page, status: 200, h1: 1 });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('Träger isolation', () => {
  it('the Beispielstadt admin lists only Beispielstadt records', async () => {
    const k = (await call(beispielAdmin, 'GET', '/api/admin/kommunen')).json() as { kommunen: { id: string; name: string }[] };
    expect(k.kommunen.map((x) => x.name)).toEqual(['Beispielstadt']);
    const s = (await call(beispielAdmin, 'GET', '/api/admin/standorte')).json() as { standorte: { id: string }[] };
    expect(s.standorte.map((x) => x.id)).toEqual([beispielStandort]);
    const u = (await call(beispielAdmin, 'GET', '/api/admin/users')).json() as { benutzer: { email: string }[] };
    expect(u.benutzer.length).toBeGreaterThan(0);
    expect(u.benutzer.every((x) => !x.email.endsWith('musterland.example'))).toBe(true);
    const search = (await call(beispielAdmin, 'GET', '/api/admin/users?q=musterland')).json() as { benutzer: unknown[] };
    expect(search.benutzer).toHaveLength(0);
    const page = await call(beispielAdmin, 'GET', '/verwaltung/benutzer');
    expect(page.body).not.toContain('musterland.example');
    const kommunenPage = await call(beispielAdmin, 'GET', '/verwaltung/kommunen');
    expect(kommunenPage.body).not.toContain('Musterstadt');
  });

  it('Musterland ids are 404 for the Beispielstadt admin on GET, PATCH, deactivate and activate', async () => {
    const cases: [string, string][] = [
      ['kommunen', fremd.kommune],
      ['standorte', fremd.standort],
      ['users', fremd.user],
    ];
    for (const [area, id] of cases) {
      const get = await call(beispielAdmin, 'GET', `/api/admin/${area}/${id}`);
      expect({ area, status: get.statusCode, error: get.json().error }).toEqual({ area, status: 404, error: 'not_found' });
      const patch = await call(beispielAdmin, 'PATCH', `/api/admin/${area}/${id}`, { version: 1, name: 'Übernommen' });
      expect({ area, status: patch.statusCode }).toEqual({ area, status: 404 });
      for (const action of ['deactivate', 'activate']) {
        const res = await call(beispielAdmin, 'POST', `/api/admin/${area}/${id}/${action}`);
        expect({ area, action, status: res.statusCode }).toEqual({ area, action, status: 404 });
      }
    }
    const link = await call(beispielAdmin, 'POST', `/api/admin/users/${fremd.user}/password-link`);
    expect(link.statusCode).toBe(404);
    for (const page of [`/verwaltung/kommunen/${fremd.kommune}`, `/verwaltung/standorte/${fremd.standort}`, `/verwaltung/benutzer/${fremd.user}`]) {
      const res = await call(beispielAdmin, 'GET', page);
      expect({ page, status: res.statusCode }).toEqual({ page, status: 404 });
    }
    const form = await postForm(t.app, beispielAdmin, `/verwaltung/benutzer/${fremd.user}`, { _aktion: 'deaktivieren', version: '1' }, { csrf: await csrfFor(t.app, beispielAdmin, '/verwaltung') });
    expect(form.statusCode).toBe(404);
    // Nothing of Musterland changed.
    const [k] = await systemRows((tx) => tx.select().from(kommunen).where(eq(kommunen.id, fremd.kommune)));
    expect(k).toMatchObject({ name: 'Beispieldorf', aktiv: true, version: 1 });
    const [u] = await systemRows((tx) => tx.select().from(users).where(eq(users.id, fremd.user)));
    expect(u).toMatchObject({ aktiv: true, version: 1 });
  });

  it('cannot assign another Träger’s Kommune or Standort', async () => {
    const s = await call(beispielAdmin, 'POST', '/api/admin/standorte', {
      name: 'Außenstelle',
      kommuneId: kommuneMusterstadt,
      strasse: 'Weg 1',
      plz: '54321',
      ort: 'Beispielstadt',
    });
    expect(s.statusCode).toBe(400);
    expect(s.json().issues).toEqual([expect.objectContaining({ path: 'body.kommuneId' })]);
    const u = await call(beispielAdmin, 'POST', '/api/admin/users', {
      name: 'Neu',
      email: 'neu-fremd@beispielstadt.example',
      roles: ['leistung'],
      standortIds: [standortMusterstadt],
    });
    expect(u.statusCode).toBe(400);
    expect(u.json().issues).toEqual([expect.objectContaining({ path: 'body.standortIds' })]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('Kommunen', () => {
  it('creates, changes, deactivates and reactivates a Kommune through the API', async () => {
    const created = await call(admin, 'POST', '/api/admin/kommunen', { name: 'Neudorf', ags: '09999004' });
    expect(created.statusCode).toBe(201);
    const k = created.json();
    expect(k).toMatchObject({ name: 'Neudorf', ags: '09999004', aktiv: true, version: 1 });

    const list = (await call(admin, 'GET', '/api/admin/kommunen')).json() as { kommunen: { name: string }[] };
    expect(list.kommunen.map((x) => x.name)).toContain('Neudorf');

    const changed = await call(admin, 'PATCH', `/api/admin/kommunen/${k.id}`, { version: 1, name: 'Neudorf am See', ags: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Neudorf am See', ags: null, version: 2 });

    const off = await call(admin, 'POST', `/api/admin/kommunen/${k.id}/deactivate`, { version: 2 });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ aktiv: false, version: 3 });
    const on = await call(admin, 'POST', `/api/admin/kommunen/${k.id}/activate`);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ aktiv: true, version: 4 });
    expect((await call(admin, 'GET', `/api/admin/kommunen/${k.id}`)).json()).toMatchObject({ name: 'Neudorf am See', aktiv: true });
  });

  it('rejects bad input with field paths, and duplicate names as a field error', async () => {
    const bad = await call(admin, 'POST', '/api/admin/kommunen', { name: '  ', ags: '1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('validation_failed');
    const paths = (bad.json().issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['body.ags', 'body.name']);
    const dup = await call(admin, 'POST', '/api/admin/kommunen', { name: 'Musterstadt' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues).toEqual([{ path: 'body.name', code: 'name_taken', message: 'Eine Kommune mit diesem Namen gibt es schon.' }]);
    // The same name in another Träger is fine.
    const other = await call(beispielAdmin, 'POST', '/api/admin/kommunen', { name: 'Musterstadt' });
    expect(other.statusCode).toBe(201);
  });

  it('refuses a stale version with 409 and overwrites nothing', async () => {
    const k = (await call(admin, 'POST', '/api/admin/kommunen', { name: 'Konfliktdorf' })).json();
    expect((await call(admin, 'PATCH', `/api/admin/kommunen/${k.id}`, { version: 1, name: 'Erste Änderung' })).statusCode).toBe(200);
    const stale = await call(admin, 'PATCH', `/api/admin/kommunen/${k.id}`, { version: 1, name: 'Zweite Änderung' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict' });
    expect(stale.json().message).toMatch(/inzwischen von jemand anderem geändert/);
    const staleOff = await call(admin, 'POST', `/api/admin/kommunen/${k.id}/deactivate`, { version: 1 });
    expect(staleOff.statusCode).toBe(409);
    const [row] = await systemRows((tx) => tx.select().from(kommunen).where(eq(kommunen.id, k.id)));
    expect(row).toMatchObject({ name: 'Erste Änderung', version: 2, aktiv: true });
  });

  it('keeps a Kommune with active Standorte active', async () => {
    const res = await call(admin, 'POST', `/api/admin/kommunen/${kommuneMusterstadt}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('kommune_in_use');
  });

  it('works through the HTML forms with the CSRF token', async () => {
    const noToken = await postForm(t.app, admin, '/verwaltung/kommunen/neu', { name: 'Ohne Token' }, { csrf: null });
    expect(noToken.statusCode).toBe(403);

    const invalid = await postForm(t.app, admin, '/verwaltung/kommunen/neu', { name: '', ags: 'abc' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Bitte geben Sie den Namen der Kommune an.');
    expect(invalid.body).toContain('Der Amtliche Gemeindeschlüssel besteht aus genau 8 Ziffern.');
    expect(invalid.body).toMatch(/aria-invalid="true"/);

    const created = await postForm(t.app, admin, '/verwaltung/kommunen/neu', { name: 'Formulardorf', ags: '' });
    expect(created.statusCode).toBe(302);
    expect(created.headers.location).toBe('/verwaltung/kommunen');
    const list = await call(admin, 'GET', '/verwaltung/kommunen');
    expect(list.body).toContain('Die Kommune „Formulardorf“ wurde angelegt.');
    const [row] = await systemRows((tx) => tx.select().from(kommunen).where(eq(kommunen.name, 'Formulardorf')));
    expect(row).toMatchObject({ traegerId: musterland, ags: null, version: 1 });

    const dup = await postForm(t.app, admin, '/verwaltung/kommunen/neu', { name: 'Formulardorf' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('Eine Kommune mit diesem Namen gibt es schon.');

    const url = `/verwaltung/kommunen/${row!.id}`;
    const saved = await postForm(t.app, admin, url, { _aktion: 'speichern', version: '1', name: 'Formularstadt', ags: '09999005' });
    expect(saved.statusCode).toBe(302);
    const stale = await postForm(t.app, admin, url, { _aktion: 'speichern', version: '1', name: 'Veraltet', ags: '' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Der Eintrag wurde inzwischen von jemand anderem geändert.');
    // The form now offers what is stored, with the current version.
    expect(stale.body).toContain('value="Formularstadt"');
    expect(stale.body).toContain('name="version" value="2"');

    const off = await postForm(t.app, admin, url, { _aktion: 'deaktivieren', version: '2' });
    expect(off.statusCode).toBe(302);
    const page = await call(admin, 'GET', url);
    expect(page.body).toContain('wurde deaktiviert');
    expect(page.body).toContain('Kommune aktivieren');
    const [after] = await systemRows((tx) => tx.select().from(kommunen).where(eq(kommunen.id, row!.id)));
    expect(after).toMatchObject({ name: 'Formularstadt', ags: '09999005', aktiv: false, version: 3 });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('Standorte', () => {
  const base = { strasse: 'Am Markt 1', plz: '12345', ort: 'Musterstadt', oeffnungszeiten: 'Mo–Fr 8:00–12:00' };

  it('creates, changes, deactivates and reactivates a Standort through the API', async () => {
    const created = await call(admin, 'POST', '/api/admin/standorte', { ...base, name: 'Jobcenter Nord', kommuneId: kommuneMusterstadt, telefon: '0123 555-400', email: 'Nord@Jobcenter.Musterland.example' });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ name: 'Jobcenter Nord', kommune: 'Musterstadt', email: 'nord@jobcenter.musterland.example', aktiv: true, version: 1 });

    const changed = await call(admin, 'PATCH', `/api/admin/standorte/${s.id}`, { version: 1, kommuneId: fremd.kommune, oeffnungszeiten: 'Mo 8:00–12:00\nDo 14:00–18:00' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ kommune: 'Beispieldorf', version: 2, oeffnungszeiten: 'Mo 8:00–12:00\nDo 14:00–18:00' });

    // The public start page lists active Standorte only.
    expect((await call(null, 'GET', '/')).body).toContain('Jobcenter Nord');
    const off = await call(admin, 'POST', `/api/admin/standorte/${s.id}/deactivate`);
    expect(off.json()).toMatchObject({ aktiv: false, version: 3 });
    expect((await call(null, 'GET', '/')).body).not.toContain('Jobcenter Nord');
    const on = await call(admin, 'POST', `/api/admin/standorte/${s.id}/activate`);
    expect(on.json()).toMatchObject({ aktiv: true, version: 4 });

    const stale = await call(admin, 'PATCH', `/api/admin/standorte/${s.id}`, { version: 2, name: 'Veraltet' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('version_conflict');
  });

  it('rejects bad input with field paths', async () => {
    const res = await call(admin, 'POST', '/api/admin/standorte', { name: 'Unvollständig', kommuneId: 'keine-id', plz: '1234', strasse: '', ort: 'X', email: 'kein-mail' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['body.email', 'body.kommuneId', 'body.plz', 'body.strasse']);
    const dup = await call(admin, 'POST', '/api/admin/standorte', { ...base, name: 'Jobcenter Musterstadt', kommuneId: kommuneMusterstadt });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues).toEqual([expect.objectContaining({ path: 'body.name', code: 'name_taken' })]);
  });

  it('works through the HTML forms', async () => {
    const invalid = await postForm(t.app, admin, '/verwaltung/standorte/neu', { name: 'Süd', kommuneId: '', strasse: 'Weg 2', plz: 'abc', ort: 'Musterstadt' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Die Postleitzahl besteht aus genau 5 Ziffern.');
    expect(invalid.body).toContain('Bitte wählen Sie die Kommune, in der der Standort liegt.');
    const created = await postForm(t.app, admin, '/verwaltung/standorte/neu', { name: 'Jobcenter Süd', kommuneId: kommuneMusterstadt, strasse: 'Weg 2', plz: '12345', ort: 'Musterstadt', telefon: '', email: '', oeffnungszeiten: 'Di 9:00–11:00' });
    expect(created.statusCode).toBe(302);
    const [row] = await systemRows((tx) => tx.select().from(standorte).where(eq(standorte.name, 'Jobcenter Süd')));
    expect(row).toMatchObject({ traegerId: musterland, telefon: null, email: null, oeffnungszeiten: 'Di 9:00–11:00' });
    const url = `/verwaltung/standorte/${row!.id}`;
    const saved = await postForm(t.app, admin, url, { _aktion: 'speichern', version: '1', name: 'Jobcenter Süd', kommuneId: kommuneMusterstadt, strasse: 'Weg 4', plz: '12345', ort: 'Musterstadt', telefon: '0123 555-500', email: '', oeffnungszeiten: '' });
    expect(saved.statusCode).toBe(302);
    const off = await postForm(t.app, admin, url, { _aktion: 'deaktivieren', version: '2' });
    expect(off.statusCode).toBe(302);
    const [after] = await systemRows((tx) => tx.select().from(standorte).where(eq(standorte.id, row!.id)));
    expect(after).toMatchObject({ strasse: 'Weg 4', telefon: '0123 555-500', aktiv: false, version: 3 });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('accounts', () => {
  it('creates a staff account whose password-set mail arrives and whose link works', async () => {
    const res = await call(admin, 'POST', '/api/admin/users', {
      name: 'Nina Neu',
      email: ' Nina.Neu@Musterland.example ',
      roles: ['leistung', 'integration'],
      standortIds: [standortMusterstadt],
    });
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      art: 'staff',
      name: 'Nina Neu',
      email: 'nina.neu@musterland.example',
      roles: ['leistung', 'integration'],
      standorte: [{ id: standortMusterstadt, name: 'Jobcenter Musterstadt' }],
      aktiv: true,
      passwortGesetzt: false,
      passwortMail: 'versandt',
      version: 1,
    });
    const mail = await t.mail.waitFor((m) => m.to.includes('nina.neu@musterland.example'));
    expect(mail.subject).toContain('Passwort');
    expect(mail.text).toContain('Guten Tag Nina Neu');
    expect(mail.text).toContain('72 Stunden');
    const token = /\/passwort-neu\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    // Only the hash is stored, for the purpose "passwort_zuruecksetzen", valid 72 hours.
    const [row] = await systemRows((tx) => tx.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token!))));
    expect(row).toMatchObject({ userId: u.id, zweck: 'passwort_zuruecksetzen', usedAt: null });
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);

    // The person follows the link and signs in with the password of their choice.
    const jar = new CookieJar();
    const set = await postForm(t.app, jar, `/passwort-neu?token=${token}`, { token: token!, password: 'ein-gutes-passwort', password2: 'ein-gutes-passwort' }, { csrf: await csrfFor(t.app, jar, `/passwort-neu?token=${token}`) });
    expect(set.statusCode).toBe(302);
    const signedIn = await signIn(t.app, 'nina.neu@musterland.example', 'ein-gutes-passwort');
    const me = (await call(signedIn, 'GET', '/api/me')).json();
    expect(me).toMatchObject({ roles: ['leistung', 'integration'], standorte: [{ id: standortMusterstadt }] });
  });

  it('checks roles, Standorte and duplicate e-mail addresses', async () => {
    const noRole = await call(admin, 'POST', '/api/admin/users', { name: 'Ohne Rolle', email: 'ohne-rolle@musterland.example', roles: [] });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().issues).toEqual([expect.objectContaining({ path: 'body.roles', message: 'Bitte wählen Sie mindestens eine Rolle.' })]);

    const unknownRole = await call(admin, 'POST', '/api/admin/users', { name: 'X', email: 'x1@musterland.example', roles: ['buerger'] });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().issues[0].path).toBe('body.roles.0');

    const noStandort = await call(admin, 'POST', '/api/admin/users', { name: 'Ohne Standort', email: 'ohne-standort@musterland.example', roles: ['teamleitung'] });
    expect(noStandort.statusCode).toBe(400);
    expect(noStandort.json().issues).toEqual([expect.objectContaining({ path: 'body.standortIds', code: 'standort_required' })]);

    const controlling = await call(admin, 'POST', '/api/admin/users', { name: 'Cora Controlling', email: 'cora@musterland.example', roles: ['controlling'] });
    expect(controlling.statusCode).toBe(201);
    expect(controlling.json().standorte).toEqual([]);

    for (const email of ['LEISTUNG@musterland.example', 'admin@beispielstadt.example']) {
      const dup = await call(admin, 'POST', '/api/admin/users', { name: 'Doppelt', email, roles: ['admin'] });
      expect({ email, status: dup.statusCode }).toEqual({ email, status: 400 });
      expect(dup.json().issues).toEqual([{ path: 'body.email', code: 'email_taken', message: 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.' }]);
    }
    const badMail = await call(admin, 'POST', '/api/admin/users', { name: 'X', email: 'kein-mail', roles: ['admin'] });
    expect(badMail.json().issues).toEqual([expect.objectContaining({ path: 'body.email' })]);
  });

  it('changes an account with optimistic locking', async () => {
    const u = (await call(admin, 'POST', '/api/admin/users', { name: 'Udo Update', email: 'udo@musterland.example', roles: ['leistung'], standortIds: [standortMusterstadt] })).json();
    const changed = await call(admin, 'PATCH', `/api/admin/users/${u.id}`, { version: 1, roles: ['leistung', 'teamleitung'], standortIds: [standortMusterstadt, fremd.standort] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ roles: ['leistung', 'teamleitung'], version: 2 });
    expect(changed.json().standorte.map((s: { id: string }) => s.id).sort()).toEqual([standortMusterstadt, fremd.standort].sort());

    const stale = await call(admin, 'PATCH', `/api/admin/users/${u.id}`, { version: 1, name: 'Verloren' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('version_conflict');
    const [row] = await systemRows((tx) => tx.select().from(users).where(eq(users.id, u.id)));
    expect(row).toMatchObject({ name: 'Udo Update', version: 2 });

    const taken = await call(admin, 'PATCH', `/api/admin/users/${u.id}`, { version: 2, email: 'admin@musterland.example' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().issues[0]).toMatchObject({ path: 'body.email', code: 'email_taken' });
    const lastStandort = await call(admin, 'PATCH', `/api/admin/users/${u.id}`, { version: 2, standortIds: [] });
    expect(lastStandort.statusCode).toBe(400);
    expect(lastStandort.json().issues[0]).toMatchObject({ path: 'body.standortIds', code: 'standort_required' });
  });

  it('protects the admin’s own account: no self-deactivation, no dropping the own admin role', async () => {
    const me = (await call(admin, 'GET', '/api/me')).json();
    const off = await call(admin, 'POST', `/api/admin/users/${me.id}/deactivate`);
    expect(off.statusCode).toBe(409);
    expect(off.json().error).toBe('own_account');
    const detail = (await call(admin, 'GET', `/api/admin/users/${me.id}`)).json();
    const drop = await call(admin, 'PATCH', `/api/admin/users/${me.id}`, { version: detail.version, roles: ['controlling'] });
    expect(drop.statusCode).toBe(400);
    expect(drop.json().issues[0]).toMatchObject({ path: 'body.roles', code: 'own_admin_role' });
    const [row] = await systemRows((tx) => tx.select().from(users).where(eq(users.id, me.id)));
    expect(row).toMatchObject({ aktiv: true, roles: ['admin'] });
    // Adding a role to oneself is fine.
    const add = await call(admin, 'PATCH', `/api/admin/users/${me.id}`, { version: detail.version, roles: ['admin', 'controlling'] });
    expect(add.statusCode).toBe(200);
    const page = await call(admin, 'GET', `/verwaltung/benutzer/${me.id}`);
    expect(page.body).toContain('Das ist Ihr eigenes Konto.');
    expect(page.body).not.toContain('Konto deaktivieren');
  });

  it('deactivation ends every session of the account; reactivation lets the person in again', async () => {
    const victim = (await call(admin, 'POST', '/api/admin/users', { name: 'Dora Deaktiviert', email: 'dora@musterland.example', roles: ['controlling'] })).json();
    await systemRows((tx) => tx.update(users).set({ passwordHash: sql`(select password_hash from users where email = 'controlling@musterland.example')` }).where(eq(users.id, victim.id)));
    const jar1 = await signIn(t.app, 'dora@musterland.example');
    const jar2 = await signIn(t.app, 'dora@musterland.example');
    expect((await call(jar1, 'GET', '/api/me')).statusCode).toBe(200);

    const off = await call(admin, 'POST', `/api/admin/users/${victim.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ aktiv: false });
    for (const jar of [jar1, jar2]) expect((await call(jar, 'GET', '/api/me')).statusCode).toBe(401);
    const open = await systemRows((tx) => tx.select().from(sessions).where(and(eq(sessions.userId, victim.id), sql`${sessions.revokedAt} is null`)));
    expect(open).toHaveLength(0);
    const login = await call(null, 'POST', '/api/auth/login', { email: 'dora@musterland.example', password: 'vorort-demo' });
    expect(login.statusCode).toBe(403);
    expect(login.json().error).toBe('account_inactive');
    // A deactivated account gets no password link.
    expect((await call(admin, 'POST', `/api/admin/users/${victim.id}/password-link`)).statusCode).toBe(409);

    const on = await call(admin, 'POST', `/api/admin/users/${victim.id}/activate`);
    expect(on.json()).toMatchObject({ aktiv: true });
    await signIn(t.app, 'dora@musterland.example');
  });

  it('lists citizen accounts read-only and can deactivate and reactivate them', async () => {
    const list = (await call(admin, 'GET', '/api/admin/users?art=buerger')).json() as { benutzer: { id: string; art: string; email: string; emailBestaetigt: boolean; aktiv: boolean }[] };
    expect(list.benutzer.every((b) => b.art === 'buerger')).toBe(true);
    const buerger = list.benutzer.find((b) => b.email === 'buerger@musterland.example')!;
    expect(buerger).toMatchObject({ emailBestaetigt: true, aktiv: true });
    const staff = (await call(admin, 'GET', '/api/admin/users?art=staff')).json() as { benutzer: { art: string }[] };
    expect(staff.benutzer.every((b) => b.art === 'staff')).toBe(true);

    const detail = (await call(admin, 'GET', `/api/admin/users/${buerger.id}`)).json();
    const patch = await call(admin, 'PATCH', `/api/admin/users/${buerger.id}`, { version: detail.version, name: 'Anders' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error).toBe('read_only');
    expect((await call(admin, 'POST', `/api/admin/users/${buerger.id}/password-link`)).statusCode).toBe(409);

    const page = await call(admin, 'GET', `/verwaltung/benutzer/${buerger.id}`);
    expect(page.body).toContain('Bürgerinnen und Bürger pflegen ihre Angaben selbst.');
    expect(page.body).not.toContain('Änderungen speichern');

    const off = await postForm(t.app, admin, `/verwaltung/benutzer/${buerger.id}`, { _aktion: 'deaktivieren', version: String(detail.version) });
    expect(off.statusCode).toBe(302);
    const login = await call(null, 'POST', '/api/auth/login', { email: 'buerger@musterland.example', password: 'vorort-demo' });
    expect(login.json().error).toBe('account_inactive');
    const on = await call(admin, 'POST', `/api/admin/users/${buerger.id}/activate`);
    expect(on.json()).toMatchObject({ aktiv: true });
    await signIn(t.app, 'buerger@musterland.example');
  });

  it('resending the password link voids the earlier one', async () => {
    const u = (await call(admin, 'POST', '/api/admin/users', { name: 'Rita Resend', email: 'rita@musterland.example', roles: ['admin'] })).json();
    const first = await t.mail.waitFor((m) => m.to.includes('rita@musterland.example'));
    const again = await call(admin, 'POST', `/api/admin/users/${u.id}/password-link`);
    expect(again.statusCode).toBe(200);
    expect(again.json().passwortMail).toBe('versandt');
    const second = await t.mail.waitFor((m) => m.to.includes('rita@musterland.example') && m.id !== first.id);
    expect(second.text).toContain('neuen Link');
    const rows = await systemRows((tx) => tx.select().from(authTokens).where(eq(authTokens.userId, u.id)));
    const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
    expect(byHash.get(hashToken(tokenOf(first.text)))!.usedAt).not.toBeNull();
    expect(byHash.get(hashToken(tokenOf(second.text)))!.usedAt).toBeNull();
  });

  it('works through the HTML forms: search, create, edit, version conflict', async () => {
    const search = await call(admin, 'GET', '/verwaltung/benutzer?q=lena&art=staff');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('leistung@musterland.example');
    expect(search.body).not.toContain('integration@musterland.example');
    const buerger = await call(admin, 'GET', '/verwaltung/benutzer?art=buerger');
    expect(buerger.body).toContain('buerger@musterland.example');
    expect(buerger.body).not.toContain('admin@musterland.example');

    const invalid = await postForm(t.app, admin, '/verwaltung/benutzer/neu', { name: 'Fritz Form', email: 'fritz@musterland.example', roles: ['leistung'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Bitte ordnen Sie mindestens einen Standort zu.');
    expect(invalid.body).toContain('value="Fritz Form"');

    const created = await postForm(t.app, admin, '/verwaltung/benutzer/neu', { name: 'Fritz Form', email: 'fritz@musterland.example', roles: ['leistung'], standortIds: [standortMusterstadt] });
    expect(created.statusCode).toBe(302);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/verwaltung\/benutzer\/[0-9a-f-]{36}$/);
    await t.mail.waitFor((m) => m.to.includes('fritz@musterland.example'));
    const detail = await call(admin, 'GET', location);
    expect(detail.body).toContain('Eine E-Mail mit dem Link zum Festlegen des Passworts ist an fritz@musterland.example verschickt.');

    const saved = await postForm(t.app, admin, location, { _aktion: 'speichern', version: '1', name: 'Fritz Formular', email: 'fritz@musterland.example', roles: ['leistung', 'integration'], standortIds: [standortMusterstadt] });
    expect(saved.statusCode).toBe(302);
    const stale = await postForm(t.app, admin, location, { _aktion: 'speichern', version: '1', name: 'Veraltet', email: 'fritz@musterland.example', roles: ['leistung'], standortIds: [standortMusterstadt] });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('inzwischen von jemand anderem geändert');
    const id = location.split('/').pop()!;
    const [row] = await systemRows((tx) => tx.select().from(users).where(eq(users.id, id)));
    expect(row).toMatchObject({ name: 'Fritz Formular', roles: ['leistung', 'integration'], version: 2 });

    const link = await postForm(t.app, admin, location, { _aktion: 'passwort_link' });
    expect(link.statusCode).toBe(302);
    const mails = t.mail.messages.filter((m) => m.to.includes('fritz@musterland.example'));
    await t.mail.waitFor((m) => m.to.includes('fritz@musterland.example') && m.id !== mails[0]!.id);
  });

  it('keeps the account and says so when the password-set mail cannot be sent', async () => {
    const send = t.ctx.mailer.send;
    t.ctx.mailer.send = async () => {
      throw new Error('SMTP nicht erreichbar');
    };
    try {
      const res = await call(admin, 'POST', '/api/admin/users', { name: 'Olga Offline', email: 'olga@musterland.example', roles: ['controlling'] });
      expect(res.statusCode).toBe(201);
      expect(res.json().passwortMail).toBe('fehlgeschlagen');
      const again = await call(admin, 'POST', `/api/admin/users/${res.json().id}/password-link`);
      expect(again.json().passwortMail).toBe('fehlgeschlagen');
      const form = await postForm(t.app, admin, '/verwaltung/benutzer/neu', { name: 'Otto Offline', email: 'otto.offline@musterland.example', roles: ['admin'] });
      expect(form.statusCode).toBe(302);
      expect(form.headers.location).toMatch(/\?mail=fehlgeschlagen$/);
      const page = await call(admin, 'GET', form.headers.location as string);
      expect(page.body).toContain('Die E-Mail konnte nicht verschickt werden');
    } finally {
      t.ctx.mailer.send = send;
    }
    const rows = await systemRows((tx) => tx.select().from(users).where(sql`${users.email} in ('olga@musterland.example', 'otto.offline@musterland.example')`));
    expect(rows).toHaveLength(2);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nicht-da']) {
      expect((await call(admin, 'GET', `/api/admin/users/${id}`)).statusCode).toBe(404);
      expect((await call(admin, 'GET', `/api/admin/kommunen/${id}`)).statusCode).toBe(404);
      expect((await call(admin, 'PATCH', `/api/admin/standorte/${id}`, { version: 1 })).statusCode).toBe(404);
      expect((await call(admin, 'GET', `/verwaltung/benutzer/${id}`)).statusCode).toBe(404);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('OpenAPI', () => {
  it('describes the admin API', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const p of ['/api/admin/kommunen', '/api/admin/kommunen/{id}', '/api/admin/standorte', '/api/admin/users', '/api/admin/users/{id}/deactivate', '/api/admin/audit']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(Object.keys(doc.paths['/api/admin/users/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
  });
});
