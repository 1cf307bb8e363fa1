import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users, type AuditEntry } from '../../src/db/schema/index.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * Audit trail of Sozialdaten access (issue 2, item 6): entries for reads and changes of accounts with actor,
 * role, purpose and request id; append-only at the database; search by person, actor and period; and the
 * development mailbox.
 */

let t: TestApp;
let admin: CookieJar;
let beispielAdmin: CookieJar;
let musterland: string;
const ids = { admin: '', leistung: '', integration: '', buerger: '', beispielAdmin: '' };
let counter = 0;
/** A fresh request id per call, so each test finds exactly the entries its own request wrote. */
const rid = (label: string) => `${label}-${Date.now()}-${++counter}`.slice(0, 64);

type Json = Record<string, unknown>;

function call(jar: CookieJar | null, method: 'GET' | 'POST' | 'PATCH', url: string, opts: { payload?: Json; requestId?: string } = {}) {
  return t.app.inject({
    method,
    url,
    headers: { ...(jar ? { cookie: jar.header() } : {}), ...(opts.requestId ? { 'x-request-id': opts.requestId } : {}) },
    ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
  });
}

const entriesOf = (requestId: string): Promise<AuditEntry[]> =>
  t.ctx.db.withSystem((tx) => tx.select().from(auditLog).where(eq(auditLog.requestId, requestId)).orderBy(auditLog.id));

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const rows = await t.ctx.db.withSystem((tx) => tx.select().from(users));
  const id = (email: string) => rows.find((u) => u.email === email)!.id;
  ids.admin = id('admin@musterland.example');
  ids.leistung = id('leistung@musterland.example');
  ids.integration = id('integration@musterland.example');
  ids.buerger = id('buerger@musterland.example');
  ids.beispielAdmin = id('admin@beispielstadt.example');
  musterland = rows.find((u) => u.email === 'admin@musterland.example')!.traegerId;
  admin = await signIn(t.app, 'admin@musterland.example');
  beispielAdmin = await signIn(t.app, 'admin@beispielstadt.example');
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------------------

describe('entries for reads', () => {
  it('records reading an account through the API with actor, role, purpose and request id', async () => {
    const requestId = rid('lesen-api');
    const res = await call(admin, 'GET', `/api/admin/users/${ids.leistung}`, { requestId });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe(requestId);
    const entries = await entriesOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      traegerId: musterland,
      actorUserId: ids.admin,
      actorRole: 'admin',
      objectType: 'user',
      objectId: ids.leistung,
      personId: ids.leistung,
      action: 'read',
      purpose: 'Benutzerverwaltung: Konto ansehen',
      requestId,
    });
  });

  it('records reading an account on the page', async () => {
    const requestId = rid('lesen-seite');
    const res = await call(admin, 'GET', `/verwaltung/benutzer/${ids.integration}`, { requestId });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('integration@musterland.example');
    expect(await entriesOf(requestId)).toEqual([
      expect.objectContaining({ action: 'read', personId: ids.integration, actorUserId: ids.admin, purpose: 'Benutzerverwaltung: Konto ansehen' }),
    ]);
  });

  it('records every list and search of accounts with the filter and the accounts shown', async () => {
    const requestId = rid('suche-api');
    const res = await call(admin, 'GET', '/api/admin/users?q=lena', { requestId });
    expect(res.json().benutzer.map((u: { id: string }) => u.id)).toEqual([ids.leistung]);
    const [entry] = await entriesOf(requestId);
    expect(entry).toMatchObject({ objectType: 'user', action: 'search', personId: null, purpose: 'Benutzerverwaltung: Konten suchen' });
    expect(entry!.details).toEqual({ filter: { art: 'alle', suche: 'lena' }, anzahl: 1, treffer: [ids.leistung] });

    const pageId = rid('liste-seite');
    await call(admin, 'GET', '/verwaltung/benutzer?art=buerger', { requestId: pageId });
    const [pageEntry] = await entriesOf(pageId);
    expect(pageEntry).toMatchObject({ action: 'search', purpose: 'Benutzerverwaltung: Kontenliste ansehen' });
    expect((pageEntry!.details as { treffer: string[] }).treffer).toContain(ids.buerger);
  });

  it('a refused read (another Träger’s account) records nothing', async () => {
    const requestId = rid('fremd');
    expect((await call(beispielAdmin, 'GET', `/api/admin/users/${ids.leistung}`, { requestId })).statusCode).toBe(404);
    expect(await entriesOf(requestId)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('entries for changes', () => {
  it('records creating an account and the password-set mail in the same request', async () => {
    const requestId = rid('anlegen');
    const res = await call(admin, 'POST', '/api/admin/users', { requestId, payload: { name: 'Paula Protokoll', email: 'paula@musterland.example', roles: ['controlling'] } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const entries = await entriesOf(requestId);
    expect(entries.map((e) => [e.action, e.purpose])).toEqual([
      ['create', 'Benutzerverwaltung: Konto anlegen'],
      ['password_link', 'Benutzerverwaltung: Link zum Festlegen des Passworts senden'],
    ]);
    for (const e of entries) expect(e).toMatchObject({ objectId: id, personId: id, actorUserId: ids.admin, actorRole: 'admin' });
    expect(entries[0]!.details).toMatchObject({ felder: ['name', 'email', 'roles'] });
    // Neither the token nor its hash goes into the trail.
    const mail = await t.mail.waitFor((m) => m.to.includes('paula@musterland.example'));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it('records which fields changed, deactivation and reactivation', async () => {
    const created = (await call(admin, 'POST', '/api/admin/users', { payload: { name: 'Otto Ändern', email: 'otto@musterland.example', roles: ['controlling'] } })).json();
    const updateId = rid('aendern');
    const res = await call(admin, 'PATCH', `/api/admin/users/${created.id}`, { requestId: updateId, payload: { version: 1, name: 'Otto Geändert', email: 'otto.neu@musterland.example', roles: ['controlling'] } });
    expect(res.statusCode).toBe(200);
    const [update] = await entriesOf(updateId);
    expect(update).toMatchObject({ action: 'update', purpose: 'Benutzerverwaltung: Konto ändern', personId: created.id });
    expect(update!.details).toEqual({ felder: ['name', 'email'] });
    expect(JSON.stringify(update!.details)).not.toContain('otto.neu@');

    const offId = rid('deaktivieren');
    await call(admin, 'POST', `/api/admin/users/${created.id}/deactivate`, { requestId: offId });
    expect(await entriesOf(offId)).toEqual([expect.objectContaining({ action: 'deactivate', purpose: 'Benutzerverwaltung: Konto deaktivieren', personId: created.id })]);
    const onId = rid('aktivieren');
    await call(admin, 'POST', `/api/admin/users/${created.id}/activate`, { requestId: onId });
    expect(await entriesOf(onId)).toEqual([expect.objectContaining({ action: 'activate', purpose: 'Benutzerverwaltung: Konto wieder aktivieren' })]);
  });

  it('an update that changes nothing records the read, not a change', async () => {
    const detail = (await call(admin, 'GET', `/api/admin/users/${ids.leistung}`)).json();
    const requestId = rid('unveraendert');
    const res = await call(admin, 'PATCH', `/api/admin/users/${ids.leistung}`, { requestId, payload: { version: detail.version, name: detail.name } });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(detail.version);
    expect((await entriesOf(requestId)).map((e) => e.action)).toEqual(['read']);
  });

  it('records changes made through the HTML forms', async () => {
    const res = await postForm(t.app, admin, '/verwaltung/kommunen/neu', { name: 'Protokollhausen', ags: '' });
    expect(res.statusCode).toBe(302);
    const rows = await t.ctx.db.withSystem((tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.objectType, 'kommune'), eq(auditLog.action, 'create'))),
    );
    expect(rows).toEqual([expect.objectContaining({ actorUserId: ids.admin, actorRole: 'admin', purpose: 'Organisationsverwaltung: Kommune anlegen', details: { felder: ['name'] } })]);
    expect(rows[0]!.requestId).toBeTruthy();
  });

  it('a refused change (stale version, duplicate e-mail) leaves no entry', async () => {
    const staleId = rid('veraltet');
    const stale = await call(admin, 'PATCH', `/api/admin/users/${ids.integration}`, { requestId: staleId, payload: { version: 99, name: 'Niemand' } });
    expect(stale.statusCode).toBe(409);
    expect(await entriesOf(staleId)).toEqual([]);
    const dupId = rid('doppelt');
    const dup = await call(admin, 'POST', '/api/admin/users', { requestId: dupId, payload: { name: 'Doppelt', email: 'leistung@musterland.example', roles: ['admin'] } });
    expect(dup.statusCode).toBe(400);
    expect(await entriesOf(dupId)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('append-only at the database', () => {
  it('the application role may neither update nor delete entries', async () => {
    for (const statement of [sql`update audit_log set purpose = 'geändert'`, sql`delete from audit_log`]) {
      await expect(t.ctx.db.withTenant({ traegerId: musterland }, (tx) => tx.execute(statement))).rejects.toMatchObject({
        cause: { code: '42501', message: expect.stringContaining('permission denied') },
      });
    }
  });

  it('not even the owner role can update, delete or truncate (trigger)', async () => {
    for (const statement of [sql`update audit_log set purpose = 'geändert'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      await expect(t.ctx.db.withSystem((tx) => tx.execute(statement))).rejects.toMatchObject({
        cause: { code: '42501', message: expect.stringContaining('append-only') },
      });
    }
    const [row] = await t.ctx.db.withSystem((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.purpose, 'geändert')));
    expect(row!.n).toBe(0);
  });

  it('the application role cannot write entries for another Träger', async () => {
    const other = (await t.ctx.db.withSystem((tx) => tx.select().from(users).where(eq(users.id, ids.beispielAdmin))))[0]!.traegerId;
    await expect(
      t.ctx.db.withTenant({ traegerId: musterland }, (tx) =>
        tx.insert(auditLog).values({ traegerId: other, actorRole: 'admin', objectType: 'user', action: 'read', purpose: 'Fälschung' }),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('searching the audit trail', () => {
  /** Entries at fixed times around Berlin's midnights (and the change to summer time on 31 March 2024). */
  const fixed: [string, string][] = [
    ['2024-03-09T22:30:00Z', 'vor'], // 9 March, 23:30 Berlin
    ['2024-03-09T23:30:00Z', 'erster'], // 10 March, 00:30 Berlin
    ['2024-03-10T22:59:00Z', 'letzter'], // 10 March, 23:59 Berlin
    ['2024-03-10T23:00:00Z', 'nach'], // 11 March, 00:00 Berlin
    ['2024-03-30T23:30:00Z', 'sommer-anfang'], // 31 March, 00:30 CET
    ['2024-03-31T21:59:00Z', 'sommer-ende'], // 31 March, 23:59 CEST
    ['2024-03-31T22:00:00Z', 'april'], // 1 April, 00:00 CEST
  ];

  beforeAll(async () => {
    await t.ctx.db.withSystem((tx) =>
      tx.insert(auditLog).values(
        fixed.map(([at, label]) => ({
          traegerId: musterland,
          at: new Date(at),
          actorUserId: ids.leistung,
          actorRole: 'leistung',
          objectType: 'user',
          objectId: ids.buerger,
          personId: ids.buerger,
          action: 'read',
          purpose: `Zeitraumtest ${label}`,
        })),
      ),
    );
  });

  type Result = { eintraege: { purpose: string; at: string; actorUserId: string; personId: string; actorName: string; personName: string }[]; weitere: boolean; person: { id: string } | null };
  const search = async (query: string, jar = admin) => {
    const res = await call(jar, 'GET', `/api/admin/audit?${query}`);
    return { status: res.statusCode, body: res.json() as Result & { error?: string; issues?: { path: string; code: string }[]; kandidaten?: Record<string, { email: string }[]> } };
  };
  const purposes = (r: Result) => r.eintraege.map((e) => e.purpose);

  it('filters by period in calendar days of Europe/Berlin, both ends inclusive', async () => {
    const march10 = await search(`person=${ids.buerger}&von=2024-03-10&bis=2024-03-10`);
    expect(march10.status).toBe(200);
    expect(purposes(march10.body)).toEqual(['Zeitraumtest letzter', 'Zeitraumtest erster']);
    const dst = await search(`person=${ids.buerger}&von=2024-03-31&bis=2024-03-31`);
    expect(purposes(dst.body)).toEqual(['Zeitraumtest sommer-ende', 'Zeitraumtest sommer-anfang']);
    const from = await search(`person=${ids.buerger}&von=2024-03-11&bis=2024-03-31`);
    expect(purposes(from.body)).toEqual(['Zeitraumtest sommer-ende', 'Zeitraumtest sommer-anfang', 'Zeitraumtest nach']);
    const until = await search(`person=${ids.buerger}&bis=2024-03-09`);
    expect(purposes(until.body)).toEqual(['Zeitraumtest vor']);
  });

  it('filters by person given as id, e-mail address or name, and by actor', async () => {
    // Something to find: the admin reads the citizen's account.
    await call(admin, 'GET', `/api/admin/users/${ids.buerger}`);
    for (const person of [ids.buerger, 'buerger@musterland.example', 'BUERGER@musterland.example', 'Max Mustermann', 'mustermann']) {
      const r = await search(`person=${encodeURIComponent(person)}&von=2024-01-01`);
      expect({ person, status: r.status, id: r.body.person?.id }).toEqual({ person, status: 200, id: ids.buerger });
      expect(r.body.eintraege.length).toBeGreaterThanOrEqual(fixed.length + 1);
      expect(r.body.eintraege.filter((e) => e.personId !== ids.buerger && !e.purpose.startsWith('Benutzerverwaltung: Konten'))).toEqual([]);
    }
    const byAdmin = await search(`person=${ids.buerger}&actor=admin%40musterland.example`);
    expect(byAdmin.body.eintraege.length).toBeGreaterThan(0);
    expect(byAdmin.body.eintraege.every((e) => e.actorUserId === ids.admin)).toBe(true);
    expect(byAdmin.body.eintraege[0]).toMatchObject({ actorName: 'Anna Admin', personName: 'Max Mustermann' });
    const byLeistung = await search(`person=${ids.buerger}&actor=${ids.leistung}`);
    expect(byLeistung.body.eintraege).toHaveLength(fixed.length);
  });

  it('finds list views that showed the person', async () => {
    await call(admin, 'GET', '/api/admin/users?q=ivo');
    const r = await search(`person=${ids.integration}`);
    expect(r.body.eintraege.some((e) => e.purpose === 'Benutzerverwaltung: Konten suchen')).toBe(true);
  });

  it('records every search of the trail, not within its own result', async () => {
    const requestId = rid('protokoll-suche');
    const res = await call(admin, 'GET', `/api/admin/audit?person=${ids.buerger}&von=2024-03-10&bis=2024-03-10`, { requestId });
    expect(res.json().eintraege.every((e: { objectType: string }) => e.objectType !== 'audit_log')).toBe(true);
    const [entry] = await entriesOf(requestId);
    expect(entry).toMatchObject({
      objectType: 'audit_log',
      action: 'search',
      personId: ids.buerger,
      actorUserId: ids.admin,
      actorRole: 'admin',
      purpose: 'Datenschutzkontrolle: Zugriffsprotokoll durchsuchen',
    });
    expect(entry!.details).toMatchObject({ filter: { person: ids.buerger, von: '2024-03-10', bis: '2024-03-10' }, anzahl: 2 });
    // The next search shows it.
    const next = await search(`actor=${ids.admin}`);
    expect(next.body.eintraege.some((e) => e.purpose === 'Datenschutzkontrolle: Zugriffsprotokoll durchsuchen')).toBe(true);
  });

  it('pages through long results', async () => {
    const first = await search(`person=${ids.buerger}&bis=2024-12-31&limit=3`);
    expect(first.body.eintraege).toHaveLength(3);
    expect(first.body.weitere).toBe(true);
    const rest = await search(`person=${ids.buerger}&bis=2024-12-31&limit=3&offset=6`);
    expect(purposes(rest.body)).toEqual(['Zeitraumtest vor']);
    expect(rest.body.weitere).toBe(false);
  });

  it('rejects bad filters with field paths', async () => {
    const order = await search('von=2024-03-10&bis=2024-03-01');
    expect(order.status).toBe(400);
    expect(order.body.issues).toEqual([expect.objectContaining({ path: 'querystring.bis' })]);
    const badDate = await search('von=2024-02-30');
    expect(badDate.status).toBe(400);
    expect(badDate.body.issues![0]!.path).toBe('querystring.von');
    const nobody = await search('person=niemand-bekanntes');
    expect(nobody.status).toBe(400);
    expect(nobody.body.issues).toEqual([expect.objectContaining({ path: 'querystring.person', code: 'not_found' })]);
    const many = await search('actor=musterland.example');
    expect(many.status).toBe(400);
    expect(many.body.issues).toEqual([expect.objectContaining({ path: 'querystring.actor', code: 'ambiguous' })]);
    expect(many.body.kandidaten!.actor!.length).toBeGreaterThan(1);
  });

  it('shows another Träger nothing of Kreis Musterland', async () => {
    const r = await search(`person=${ids.buerger}`, beispielAdmin);
    expect(r.status).toBe(200);
    expect(r.body.eintraege).toEqual([]);
    const all = await search('', beispielAdmin);
    expect(all.body.eintraege.every((e) => e.actorUserId === ids.beispielAdmin)).toBe(true);
    const byEmail = await search('person=buerger%40musterland.example', beispielAdmin);
    expect(byEmail.status).toBe(400);
  });

  it('the page searches only when asked, shows Berlin times and offers matching accounts', async () => {
    const before = await t.ctx.db.withSystem((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.objectType, 'audit_log')));
    const empty = await call(admin, 'GET', '/verwaltung/protokoll');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('Ergebnis');
    const after = await t.ctx.db.withSystem((tx) => tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.objectType, 'audit_log')));
    expect(after[0]!.n).toBe(before[0]!.n);

    const page = await call(admin, 'GET', '/verwaltung/protokoll?person=buerger%40musterland.example&actor=&von=2024-03-10&bis=2024-03-10');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Zeitraumtest erster');
    expect(page.body).toContain('10.03.2024, 00:30:00');
    expect(page.body).toContain('Lena Leistung (leistung)');
    expect(page.body).not.toContain('Zeitraumtest vor');

    const ambiguous = await call(admin, 'GET', '/verwaltung/protokoll?person=musterland&actor=&von=&bis=');
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.body).toContain('Mehrere Konten passen');
    expect(ambiguous.body).toMatch(/href="\/verwaltung\/protokoll\?person=[0-9a-f-]{36}/);

    const leistung = await signIn(t.app, 'leistung@musterland.example');
    expect((await call(leistung, 'GET', '/verwaltung/protokoll?person=x')).statusCode).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('development mailbox', () => {
  it('lists caught mail newest first with clickable links, for anyone outside production', async () => {
    await call(admin, 'POST', '/api/admin/users', { payload: { name: 'Mia Mail', email: 'mia@musterland.example', roles: ['controlling'] } });
    await t.mail.waitFor((m) => m.to.includes('mia@musterland.example'));
    const res = await call(null, 'GET', '/entwicklung/post');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Werkzeug für Entwicklung und Demo');
    expect(res.body).toContain('mia@musterland.example');
    expect(res.body).toMatch(/<a class="kern-link" href="http:\/\/[^"]+\/passwort-neu\?token=[A-Za-z0-9_-]+">/);
    const mia = res.body.indexOf('mia@musterland.example');
    const paula = res.body.indexOf('paula@musterland.example');
    expect(paula).toBeGreaterThan(mia); // newest first
    expect((await call(admin, 'GET', '/entwicklung/post')).statusCode).toBe(200);
  });

  it('does not exist in production or without the mail catcher', async () => {
    const env = t.ctx.config.env;
    t.ctx.config.env = 'production';
    try {
      expect((await call(null, 'GET', '/entwicklung/post')).statusCode).toBe(404);
    } finally {
      t.ctx.config.env = env;
    }
    const catcher = t.ctx.mailCatcher;
    t.ctx.mailCatcher = null;
    try {
      expect((await call(null, 'GET', '/entwicklung/post')).statusCode).toBe(404);
    } finally {
      t.ctx.mailCatcher = catcher;
    }
  });
});
