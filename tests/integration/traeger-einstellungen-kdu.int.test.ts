import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, postForm, signIn, type TestApp } from '../helpers/app.ts';

/**
 * Admin pages of issue 4 that used to be API-only: the Träger's settings (Vier-Augen thresholds, bank account) and
 * KdU-Richtwerte (new value from a date, ending, overlaps) — through the HTML forms and the JSON API, with optimistic
 * locking, field-bound errors, role checks and audit entries.
 */

let t: TestApp;
let admin: CookieJar;
let leistung: CookieJar;
let beispielAdmin: CookieJar;
let musterland: string;
let musterstadt: string;
let andereKommune: string;

const api = (jar: CookieJar, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jar.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(q))).rows;

const audits = async (objectType: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where traeger_id = ${musterland} and object_type = ${objectType}`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  musterland = (await rows<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))[0]!.id;
  const k = await rows<{ id: string; name: string }>(sql`select id, name from kommunen where traeger_id = ${musterland}`);
  musterstadt = k.find((x) => x.name === 'Musterstadt')!.id;
  andereKommune = k.find((x) => x.name !== 'Musterstadt')!.id;
  admin = await signIn(t.app, 'admin@musterland.example');
  leistung = await signIn(t.app, 'leistung@musterland.example');
  beispielAdmin = await signIn(t.app, 'admin@beispielstadt.example');
}, 120_000);
afterAll(() => t.close());

const einstellungen = (extra: Record<string, string> = {}) => ({
  nachzahlungAb: '1.000,00',
  monatsbetragAb: '',
  erstattungAb: '500',
  aufhebung: '1',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'cobadeffxxx',
  kontoinhaber: 'Kreis Musterland – Jobcenter',
  version: '0',
  ...extra,
});

describe('Einstellungen des Trägers (page)', () => {
  it('is linked from the Verwaltung index and only for admins', async () => {
    const index = await t.app.inject({ url: '/verwaltung', headers: { cookie: admin.header() } });
    expect(index.body).toContain('href="/verwaltung/traeger-einstellungen"');
    expect(index.body).toContain('href="/verwaltung/kdu-richtwerte"');
    expect((await t.app.inject({ url: '/verwaltung/traeger-einstellungen', headers: { cookie: leistung.header() } })).statusCode).toBe(403);
    const leer = await t.app.inject({ url: '/verwaltung/traeger-einstellungen', headers: { cookie: admin.header() } });
    expect(leer.statusCode).toBe(200);
    expect(leer.body).toContain('Noch nicht gespeichert');
  });

  it('shows field errors for a wrong IBAN, an invalid amount and a missing Kontoinhaber, and keeps the input', async () => {
    const r = await postForm(t.app, admin, '/verwaltung/traeger-einstellungen', einstellungen({ iban: 'DE00 1234 5678', erstattungAb: 'viel', kontoinhaber: ' ' }));
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('id="feld-erstattungAb-fehler"');
    // the amount is checked first in the form; once it is fine, the use case checks IBAN and Kontoinhaber
    const r2 = await postForm(t.app, admin, '/verwaltung/traeger-einstellungen', einstellungen({ iban: 'DE00 1234 5678', kontoinhaber: ' ' }));
    expect(r2.statusCode).toBe(400);
    expect(r2.body).toContain('id="feld-iban-fehler"');
    expect(r2.body).toContain('Die IBAN ist ungültig');
    expect(r2.body).toContain('id="feld-kontoinhaber-fehler"');
    expect(r2.body).toContain('value="DE00 1234 5678"');
    expect((await api(admin, 'GET', '/api/admin/traeger-einstellungen')).json()).toMatchObject({ iban: null, version: 0, updatedAt: null });
  });

  it('saves thresholds and account (audited), and a stale form gets a 409 without overwriting', async () => {
    const vorher = await audits('traeger_einstellungen');
    const r = await postForm(t.app, admin, '/verwaltung/traeger-einstellungen', einstellungen());
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/verwaltung/traeger-einstellungen');
    const gespeichert = (await api(admin, 'GET', '/api/admin/traeger-einstellungen')).json();
    expect(gespeichert).toMatchObject({
      vierAugenRegeln: { nachzahlungAbCent: 100_000, monatsbetragAbCent: null, erstattungAbCent: 50_000, ablehnung: false, aufhebung: true, erstbewilligung: false },
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      kontoinhaber: 'Kreis Musterland – Jobcenter',
      version: 1,
    });
    expect(gespeichert.updatedAt).toEqual(expect.any(String));
    expect(await audits('traeger_einstellungen')).toBe(vorher + 1);
    const seite = await t.app.inject({ url: '/verwaltung/traeger-einstellungen', headers: { cookie: admin.header() } });
    expect(seite.body).toContain('value="1000,00"');
    expect(seite.body).toContain('DE89 3704 0044 0532 0130 00');
    // a second tab still holds version 0
    const alt = await postForm(t.app, admin, '/verwaltung/traeger-einstellungen', einstellungen({ kontoinhaber: 'Überschreiben', version: '0' }));
    expect(alt.statusCode).toBe(409);
    expect(alt.body).toContain('inzwischen von jemand anderem geändert');
    expect((await api(admin, 'GET', '/api/admin/traeger-einstellungen')).json().kontoinhaber).toBe('Kreis Musterland – Jobcenter');
  });

  it('ties an invalid threshold from the API to its field', async () => {
    const cur = (await api(admin, 'GET', '/api/admin/traeger-einstellungen')).json();
    const r = await api(admin, 'PUT', '/api/admin/traeger-einstellungen', { ...cur, vierAugenRegeln: { ...cur.vierAugenRegeln, erstattungAbCent: -5 }, iban: cur.iban, kontoinhaber: cur.kontoinhaber });
    expect(r.statusCode).toBe(400);
    expect(r.json().issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('erstattungAbCent') })]));
  });

  it('keeps Träger apart: Beispielstadt sees its own (empty) settings', async () => {
    expect((await api(beispielAdmin, 'GET', '/api/admin/traeger-einstellungen')).json()).toMatchObject({ iban: null, version: 0 });
  });
});

describe('KdU-Richtwerte (pages)', () => {
  let erster: string;

  it('creates Richtwerte through the form; the list groups them by Kommune with their validity', async () => {
    const neu = (f: Record<string, string>) => postForm(t.app, admin, '/verwaltung/kdu-richtwerte', { kommuneId: musterstadt, haushaltsgroesse: '2', bruttokaltmiete: '540,00', heizkosten: '95', gueltigVon: '2024-01-01', gueltigBis: '', ...f });
    expect((await neu({})).statusCode).toBe(302);
    expect((await neu({ kommuneId: andereKommune, haushaltsgroesse: '1', bruttokaltmiete: '410' })).statusCode).toBe(302);
    const fehler = await neu({ haushaltsgroesse: '', bruttokaltmiete: 'abc' });
    expect(fehler.statusCode).toBe(400);
    expect(fehler.body).toContain('id="feld-bruttokaltmiete-fehler"');
    expect(fehler.body).toContain('id="feld-haushaltsgroesse-fehler"');
    const liste = await t.app.inject({ url: '/verwaltung/kdu-richtwerte', headers: { cookie: admin.header() } });
    expect(liste.body).toContain('ab 01.01.2024');
    expect(liste.body).toMatch(/<h2[^>]*>Musterstadt<\/h2>/);
    const r = (await api(admin, 'GET', '/api/admin/kdu-richtwerte')).json();
    erster = r.richtwerte.find((w: { kommuneId: string }) => w.kommuneId === musterstadt).id;
    expect(liste.body).toContain(`href="/verwaltung/kdu-richtwerte/${erster}"`);
  });

  it('an overlapping period is refused with a German message at the date field (409, code zeitraum_ueberschneidung)', async () => {
    const form = await postForm(t.app, admin, '/verwaltung/kdu-richtwerte', { kommuneId: musterstadt, haushaltsgroesse: '2', bruttokaltmiete: '600', heizkosten: '100', gueltigVon: '2024-06-01', gueltigBis: '' });
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain('id="feld-gueltigVon-fehler"');
    expect(form.body).toContain('überschneidet sich mit einem bestehenden Richtwert');
    const a = await api(admin, 'POST', '/api/admin/kdu-richtwerte', { kommuneId: musterstadt, haushaltsgroesse: 2, bruttokaltmieteCent: 60000, heizkostenCent: 10000, gueltigVon: '2023-12-01', gueltigBis: '2024-01-01' });
    expect(a.statusCode).toBe(409);
    expect(a.json()).toMatchObject({ error: 'zeitraum_ueberschneidung' });
  });

  it('a new value from a date closes the old validity the day before and opens a new one (audited)', async () => {
    const seite = await t.app.inject({ url: `/verwaltung/kdu-richtwerte/${erster}`, headers: { cookie: admin.header() } });
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('value="540,00"');
    // a date before the start of the current value is refused at the field
    const zuFrueh = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${erster}`, { _aktion: 'neuer-wert', version: '1', ab: '2023-06-01', bruttokaltmiete: '560', heizkosten: '98' });
    expect(zuFrueh.statusCode).toBe(400);
    expect(zuFrueh.body).toContain('id="feld-ab-fehler"');
    expect(zuFrueh.body).toContain('value="560"');
    const vorher = await audits('kdu_richtwert');
    const ok = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${erster}`, { _aktion: 'neuer-wert', version: '1', ab: '2025-01-01', bruttokaltmiete: '560,00', heizkosten: '98,50' });
    expect(ok.statusCode).toBe(302);
    expect(await audits('kdu_richtwert')).toBe(vorher + 2);
    const werte = await rows<{ gueltig_von: string; gueltig_bis: string | null; bruttokaltmiete_cent: string; heizkosten_cent: string }>(
      sql`select gueltig_von::text, gueltig_bis::text, bruttokaltmiete_cent, heizkosten_cent from kdu_richtwerte where kommune_id = ${musterstadt} and haushaltsgroesse = 2 order by gueltig_von`,
    );
    expect(werte.map((w) => [w.gueltig_von, w.gueltig_bis, Number(w.bruttokaltmiete_cent), Number(w.heizkosten_cent)])).toEqual([
      ['2024-01-01', '2024-12-31', 54000, 9500],
      ['2025-01-01', null, 56000, 9850],
    ]);
    // the old form (version 1) is stale now
    const alt = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${erster}`, { _aktion: 'beenden', version: '1', bis: '2024-06-30' });
    expect(alt.statusCode).toBe(409);
    expect(alt.body).toContain('inzwischen von jemand anderem geändert');
  });

  it('ends a Richtwert; extending it into the next one is an overlap at the field', async () => {
    const r = (await api(admin, 'GET', '/api/admin/kdu-richtwerte')).json();
    const [alt, neu] = r.richtwerte.filter((w: { kommuneId: string; haushaltsgroesse: number }) => w.kommuneId === musterstadt && w.haushaltsgroesse === 2);
    const ende = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${neu.id}`, { _aktion: 'beenden', version: String(neu.version), bis: '2025-12-31' });
    expect(ende.statusCode).toBe(302);
    expect((await api(admin, 'GET', '/api/admin/kdu-richtwerte')).json().richtwerte.find((w: { id: string }) => w.id === neu.id).gueltigBis).toBe('2025-12-31');
    const ueber = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${alt.id}`, { _aktion: 'beenden', version: String(alt.version), bis: '2025-03-31' });
    expect(ueber.statusCode).toBe(409);
    expect(ueber.body).toContain('id="feld-bis-fehler"');
    const vorBeginn = await postForm(t.app, admin, `/verwaltung/kdu-richtwerte/${alt.id}`, { _aktion: 'beenden', version: String(alt.version), bis: '2023-01-01' });
    expect(vorBeginn.statusCode).toBe(400);
    expect(vorBeginn.body).toContain('nicht vor dem Beginn');
  });

  it('the API offers the same: new value from a date and ending, with codes', async () => {
    const r = (await api(admin, 'GET', '/api/admin/kdu-richtwerte')).json();
    const w = r.richtwerte.find((x: { kommuneId: string }) => x.kommuneId === andereKommune);
    const neu = await api(admin, 'POST', `/api/admin/kdu-richtwerte/${w.id}/neuer-wert`, { ab: '2026-01-01', bruttokaltmieteCent: 43000, heizkostenCent: 9000, version: w.version });
    expect(neu.statusCode).toBe(201);
    expect(neu.json()).toMatchObject({ beendet: { gueltigBis: '2025-12-31' }, neu: { gueltigVon: '2026-01-01', gueltigBis: null, bruttokaltmieteCent: 43000 } });
    const ausserhalb = await api(admin, 'POST', `/api/admin/kdu-richtwerte/${neu.json().neu.id}/neuer-wert`, { ab: '2025-06-01', bruttokaltmieteCent: 1, heizkostenCent: 1, version: 1 });
    expect(ausserhalb.statusCode).toBe(400);
    expect(ausserhalb.json().issues[0]).toMatchObject({ path: 'ab', code: 'datum_ausserhalb' });
    const ende = await api(admin, 'POST', `/api/admin/kdu-richtwerte/${neu.json().neu.id}/beenden`, { bis: '2026-06-30', version: 2 });
    expect(ende.statusCode).toBe(409);
    expect(ende.json().error).toBe('version_conflict');
  });

  it('only admins; another Träger gets 404 for a foreign Richtwert', async () => {
    expect((await t.app.inject({ url: `/verwaltung/kdu-richtwerte/${erster}`, headers: { cookie: leistung.header() } })).statusCode).toBe(403);
    expect((await api(leistung, 'POST', `/api/admin/kdu-richtwerte/${erster}/beenden`, { bis: '2030-01-01', version: 1 })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/verwaltung/kdu-richtwerte/${erster}`, headers: { cookie: beispielAdmin.header() } })).statusCode).toBe(404);
    expect((await api(beispielAdmin, 'POST', `/api/admin/kdu-richtwerte/${erster}/beenden`, { bis: '2030-01-01', version: 1 })).statusCode).toBe(404);
  });
});
