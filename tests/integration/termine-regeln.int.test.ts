import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lokalesDatum, plusTage, STANDARD_REGELN } from '../../src/domain/termine/index.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
/** The application's "now" (business clock, VORORT_TEST_CLOCK) `minuten` later – never the wall clock. */
const spaeter = (minuten: number) => new Date(t.ctx.clock.now().getTime() + minuten * 60_000);

let admin: CookieJar;
let buerger: CookieJar;

type Zeit = { beginn: string; datum: string };

const json = (jar: CookieJar | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { ...(jar ? { cookie: jar.header() } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });

async function freieZeiten(traeger = 'musterland'): Promise<Zeit[]> {
  const heute = lokalesDatum(t.ctx.clock.now());
  const res = await json(null, 'GET', `/api/termine/freie-zeiten?traeger=${traeger}&anliegen=beratung_integration&kanal=vor_ort&von=${heute}&bis=${plusTage(heute, 30)}`);
  expect(res.statusCode).toBe(200);
  return res.json().zeiten as Zeit[];
}

async function speichere(jar: CookieJar, aenderung: Partial<typeof STANDARD_REGELN>) {
  const jetzt = (await json(jar, 'GET', '/api/admin/termin-regeln')).json();
  return json(jar, 'PUT', '/api/admin/termin-regeln', { ...jetzt.regeln, ...aenderung, version: jetzt.version });
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  admin = await signIn(t.app, 'admin@musterland.example');
  buerger = await signIn(t.app, 'buerger@musterland.example');
}, 60_000);
afterAll(() => t.close());

describe('Termin-Regeln je Träger', () => {
  it('nur die Verwaltung (admin) liest und ändert sie; ohne Eintrag gelten die Standardwerte (Version 0)', async () => {
    const r = await json(admin, 'GET', '/api/admin/termin-regeln');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ regeln: STANDARD_REGELN, standard: STANDARD_REGELN, version: 0, updatedAt: null });
    for (const email of ['buerger@musterland.example', 'teamleitung@musterland.example', 'integration@musterland.example']) {
      const jar = email.startsWith('buerger') ? buerger : await signIn(t.app, email);
      expect((await json(jar, 'GET', '/api/admin/termin-regeln')).statusCode).toBe(403);
      expect((await json(jar, 'PUT', '/api/admin/termin-regeln', { ...STANDARD_REGELN, horizontTage: 1, version: 0 })).statusCode).toBe(403);
    }
    expect((await json(null, 'GET', '/api/admin/termin-regeln')).statusCode).toBe(401);
    expect((await postForm(t.app, buerger, '/verwaltung/termin-regeln', { ...Object.fromEntries(Object.entries(STANDARD_REGELN).map(([k, v]) => [k, String(v)])), version: '0' })).statusCode).toBe(403);
  });

  it('ungültige Werte → 400 mit deutscher Meldung je Regel; nichts gespeichert', async () => {
    const r = await json(admin, 'PUT', '/api/admin/termin-regeln', { ...STANDARD_REGELN, horizontTage: 0, checkinVorMinuten: 2.5, angebotGueltigMinuten: 99_999, version: 0 });
    expect(r.statusCode).toBe(400);
    const issues = r.json().issues as { path: string; code: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['angebotGueltigMinuten', 'checkinVorMinuten', 'horizontTage']);
    expect(issues.find((i) => i.path === 'horizontTage')).toMatchObject({ code: 'regel_ungueltig', message: 'Der Buchungshorizont muss eine ganze Zahl von 1 bis 365 Tage sein.' });
    expect((await json(admin, 'GET', '/api/admin/termin-regeln')).json().version).toBe(0);
  });

  it('Horizont und Vorlauf des Trägers ändern die freien Zeiten und die Prüfung der Buchung', async () => {
    const vorher = await freieZeiten();
    const grenze = plusTage(lokalesDatum(t.ctx.clock.now()), 5);
    expect(vorher.some((z) => z.datum > grenze)).toBe(true);
    const spaet = vorher.find((z) => z.datum > grenze)!;
    // a lead time one hour beyond the first free time of the default rules
    const nah = vorher[0]!;
    const vorlaufMinuten = Math.ceil((new Date(nah.beginn).getTime() - t.ctx.clock.now().getTime()) / 60_000) + 60;

    const r = await speichere(admin, { horizontTage: 5, vorlaufMinuten });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 1, regeln: { horizontTage: 5, vorlaufMinuten } });

    const nachher = await freieZeiten();
    expect(nachher.length).toBeGreaterThan(0);
    expect(nachher.every((z) => z.datum <= grenze)).toBe(true);
    expect(nachher.every((z) => new Date(z.beginn).getTime() >= t.ctx.clock.now().getTime() + (vorlaufMinuten - 1) * 60_000)).toBe(true);
    expect(nachher.map((z) => z.beginn)).not.toContain(nah.beginn);
    // another Träger keeps its own (default) rules
    const anderer = await signIn(t.app, 'admin@beispielstadt.example');
    expect((await json(anderer, 'GET', '/api/admin/termin-regeln')).json()).toMatchObject({ version: 0, regeln: STANDARD_REGELN });

    const b = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: spaet.beginn });
    expect(b.statusCode).toBe(400);
    expect(b.json().error).toBe('ausserhalb_horizont');
    const n = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: nah.beginn });
    expect(n.statusCode).toBe(400);
    expect(n.json().error).toBe('vorlauf_unterschritten');
    expect((await speichere(admin, { horizontTage: STANDARD_REGELN.horizontTage, vorlaufMinuten: STANDARD_REGELN.vorlaufMinuten })).statusCode).toBe(200);
  });

  it('Fristen zum Verschieben und Absagen folgen den Regeln des Trägers', async () => {
    const zeiten = (await freieZeiten()).filter((z) => new Date(z.beginn).getTime() > t.ctx.clock.now().getTime() + 30 * 3_600_000);
    const r = await json(buerger, 'POST', '/api/termine', { anliegenId: 'beratung_integration', kanal: 'vor_ort', beginn: zeiten[0]!.beginn });
    expect(r.statusCode).toBe(201);
    const id = r.json().id as string;
    // 30+ hours ahead: with the default 24 h moving is allowed; with 30 days it is not any more
    expect((await speichere(admin, { verschiebenBisStunden: 14 * 24 })).statusCode).toBe(200);
    const v = await json(buerger, 'POST', `/api/termine/${id}/verschieben`, { beginn: zeiten[1]!.beginn });
    expect(v.statusCode).toBe(400);
    expect(v.json().error).toBe('frist_abgelaufen_verschieben');
    // 3 hours ahead: the default (24 h) refuses a cancellation; a Träger allowing it up to the start accepts it
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update termine set beginn = ${spaeter(180)}, ende = ${spaeter(210)}, blockiert_bis = ${spaeter(210)} where id = ${id}`));
    expect((await json(buerger, 'POST', `/api/termine/${id}/absagen`)).json().error).toBe('frist_abgelaufen_absagen');
    expect((await speichere(admin, { absagenBisStunden: 0 })).statusCode).toBe(200);
    const a = await json(buerger, 'POST', `/api/termine/${id}/absagen`);
    expect(a.statusCode).toBe(200);
    expect(a.json().status).toBe('abgesagt');
  });

  it('veraltete Version → 409 version_conflict; die spätere Änderung überschreibt nichts', async () => {
    const jetzt = (await json(admin, 'GET', '/api/admin/termin-regeln')).json();
    const erste = await json(admin, 'PUT', '/api/admin/termin-regeln', { ...jetzt.regeln, erinnerungVorStunden: 48, version: jetzt.version });
    expect(erste.statusCode).toBe(200);
    const zweite = await json(admin, 'PUT', '/api/admin/termin-regeln', { ...jetzt.regeln, erinnerungVorStunden: 12, version: jetzt.version });
    expect(zweite.statusCode).toBe(409);
    expect(zweite.json().error).toBe('version_conflict');
    expect((await json(admin, 'GET', '/api/admin/termin-regeln')).json().regeln.erinnerungVorStunden).toBe(48);
    // a second "first save" (version 0) of a Träger that has rules is a conflict too
    expect((await json(admin, 'PUT', '/api/admin/termin-regeln', { ...STANDARD_REGELN, version: 0 })).statusCode).toBe(409);
  });

  it('Formular ohne JavaScript: Fehler am Feld (400), Speichern mit Redirect, Zugriffsprotokoll', async () => {
    const seite = await t.app.inject({ method: 'GET', url: '/verwaltung/termin-regeln', headers: { cookie: admin.header() } });
    expect(seite.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(seite.body)![1]!;
    const felder = Object.fromEntries(
      Object.keys(STANDARD_REGELN).map((k) => [k, new RegExp(`name="${k}"[^>]*value="(\\d+)"`).exec(seite.body)?.[1] ?? '']),
    ) as Record<string, string>;
    expect(felder.erinnerungVorStunden).toBe('48');

    const falsch = await postForm(t.app, admin, '/verwaltung/termin-regeln', { ...felder, horizontTage: 'viele', videoOffenNachMinuten: '5', version });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte eine ganze Zahl angeben.');
    // the message sits at the field and the field points to it
    expect(falsch.body).toMatch(/id="[^"]*horizontTage-fehler"/);
    expect(/<input[^>]*id="feld-horizontTage"[^>]*>/.exec(falsch.body)?.[0]).toMatch(/aria-describedby="feld-horizontTage-fehler[^"]*"[^>]*aria-invalid="true"/);
    expect(falsch.body).toContain('value="viele"');

    const zuKurz = await postForm(t.app, admin, '/verwaltung/termin-regeln', { ...felder, videoOffenNachMinuten: '5', version });
    expect(zuKurz.statusCode).toBe(400);
    expect(zuKurz.body).toContain('Die Öffnung des Video-Raums nach Beginn muss eine ganze Zahl von 15 bis 480 Minuten sein.');

    const ok = await postForm(t.app, admin, '/verwaltung/termin-regeln', { ...felder, checkinVorMinuten: '45', version });
    expect([302, 303]).toContain(ok.statusCode);
    expect((await json(admin, 'GET', '/api/admin/termin-regeln')).json().regeln.checkinVorMinuten).toBe(45);

    const veraltet = await postForm(t.app, admin, '/verwaltung/termin-regeln', { ...felder, version });
    expect(veraltet.statusCode).toBe(409);
    expect(veraltet.body).toContain('inzwischen von jemand anderem geändert');

    const log = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ details: { geaendert: Record<string, { vorher: number; nachher: number }> } }>(sql`select details from audit_log where object_type = 'termin_regeln' order by id desc limit 1`),
    );
    expect(log.rows[0]!.details.geaendert).toEqual({ checkinVorMinuten: { vorher: 30, nachher: 45 } });
  });
});
