import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/server/context.ts';
import { onlineErstantragEingang } from '../../src/server/fall/online-antrag-eingang.ts';
import { scanneQuarantaene } from '../../src/server/portal/dokumente.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { clamdFehlt, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { kleinesPdf, kleinesPng } from '../helpers/testdateien.ts';

/**
 * Issue 5 gaps: a citizen's Veränderungsmitteilung becomes prepared Fallakte changes the caseworker checks, corrects
 * and applies with one confirmation; portal uploads follow the Antrag into the Fallakte's documents (quarantined
 * ones listed as pending, copied once released).
 */
const fehlt = clamdFehlt();
let t: TestApp;
let clamd: TestClamd | undefined;
let buerger: CookieJar;
let leistung: CookieJar;
let buergerId: string;
let traegerId: string;
let bgId: string;
let antragId: string;
let dateiQuarantaene: string;

const get = (jar: CookieJar, url: string) => t.app.inject({ url, headers: { cookie: jar.header(), accept: 'text/html' } }).then((r) => jar.store(r));
const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(query))).rows;

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const dec = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The values a browser would send for the form on the page (inputs, checked boxes, selected options). */
function formularWerte(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  expect(start, `form ${action}`).toBeGreaterThan(-1);
  const form = html.slice(start, html.indexOf('</form>', start));
  const werte: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name || name === '_csrf') continue;
    if (attr(tag, 'type') === 'checkbox') {
      if (/\schecked=""/.test(tag)) werte[name] = attr(tag, 'value') ?? 'on';
    } else werte[name] = dec(attr(tag, 'value') ?? '');
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const gewaehlt = /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(m[2]!) ?? /<option[^>]*value="([^"]*)"/.exec(m[2]!);
    werte[m[1]!] = dec(gewaehlt?.[1] ?? '');
  }
  return werte;
}

/** The citizen walks a change flow and submits it; returns the new Antrag's id. */
async function melde(flow: string, schritte: Record<string, string>[]): Promise<string> {
  const start = await postForm(t.app, buerger, '/portal/antrag/neu', { flow });
  expect(start.statusCode).toBe(302);
  const id = String(start.headers.location).split('/')[3]!;
  let u = String((await get(buerger, `/portal/antrag/${id}`)).headers.location);
  for (const felder of schritte) {
    const r = await postForm(t.app, buerger, u, felder);
    expect(r.statusCode, `${u}: ${r.body.slice(0, 800)}`).toBe(302);
    u = String(r.headers.location);
  }
  expect(u).toBe(`/portal/antrag/${id}/absenden`);
  expect((await postForm(t.app, buerger, u, {})).statusCode).toBe(302);
  return (await q<{ antrag_id: string }>(sql`select antrag_id from antrag_entwuerfe where id = ${id}`))[0]!.antrag_id;
}

const seiteVon = (id: string) => `/faelle/${bgId}/mitteilungen/${id}`;

beforeAll(async () => {
  if (!fehlt) clamd = await startClamd();
  t = await createTestApp({ seed: true, config: clamd ? { clamdSocket: clamd.socket } : {} });
  const r = await q<{ id: string; traeger_id: string; kommune: string }>(
    sql`select u.id, u.traeger_id, (select id from kommunen k where k.traeger_id = u.traeger_id and k.name = 'Musterstadt') as kommune from users u where u.email = 'buerger@musterland.example'`,
  );
  const row = r[0]!;
  buergerId = row.id;
  traegerId = row.traeger_id;
  const actor: Actor = { userId: row.id, traegerId, traegerName: 'Kreis Musterland', art: 'buerger', email: 'buerger@musterland.example', name: 'Max Mustermann', roles: ['buerger'], standorte: [], sessionId: 's', requestId: 'r' };
  const antrag = await onlineErstantragEingang.execute({
    ctx: t.ctx,
    actor,
    input: {
      antragsdatum: '2025-03-03',
      eingangskanal: 'online',
      personen: [
        { ref: 'a', vorname: 'Max', nachname: 'Mustermann', geburtsdatum: '1979-09-09', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' },
        { ref: 'b', vorname: 'Erika', nachname: 'Mustermann', geburtsdatum: '1982-02-02', staatsangehoerigkeit: 'DE', rolle: 'partner' },
      ],
      adresse: { strasse: 'Portalweg', hausnummer: '1', plz: '12345', ort: 'Musterstadt', kommuneId: row.kommune },
      bank: { iban: 'DE02120300000000202051', kontoinhaber: 'Max Mustermann' },
      unterkunft: { grundmieteCent: 45000, nebenkostenCent: 9000, heizkostenCent: 7000 },
    },
  });
  antragId = antrag.id;
  // two uploads of the application: one scanned clean, one still in quarantine (scanner was unreachable)
  const datei = (name: string, inhalt: Buffer, status: string, nachweis: string) =>
    q<{ id: string }>(sql`insert into portal_dateien (traeger_id, buerger_id, antrag_id, nachweis, dateiname, mime, groesse, sha256, inhalt, status, scan_ergebnis, hochgeladen_von)
      values (${traegerId}, ${buergerId}, ${antragId}, ${nachweis}, ${name}, ${name.endsWith('.pdf') ? 'application/pdf' : 'image/png'}, ${inhalt.length}, ${createHash('sha256').update(inhalt).digest('hex')}, ${inhalt}, ${status}, ${status === 'sauber' ? 'OK' : 'nicht_erreichbar'}, ${buergerId}) returning id`);
  await datei('lohn.png', kleinesPng(), 'sauber', 'lohnabrechnungen');
  dateiQuarantaene = (await datei('mietvertrag.pdf', kleinesPdf(), 'quarantaene', 'mietvertrag'))[0]!.id;
  leistung = await signIn(t.app, 'leistung@musterland.example');
  buerger = await signIn(t.app, 'buerger@musterland.example');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await clamd?.stop();
});

describe('Uploads follow the Antrag into the Fallakte', () => {
  it('takeover copies clean files into the documents and lists quarantined ones as pending', async () => {
    const res = await postForm(t.app, leistung, '/arbeitsvorrat', { antrag: antragId, version: '1', _aktion: 'uebernehmen' });
    expect(res.statusCode).toBe(302);
    bgId = String(res.headers.location).split('/').pop()!;
    const doks = await q<{ titel: string; dateiname: string; antrag_id: string; bg_id: string }>(sql`select titel, dateiname, antrag_id, bg_id from fall_dokumente where bg_id = ${bgId}`);
    expect(doks).toHaveLength(1);
    expect(doks[0]).toMatchObject({ dateiname: 'lohn.png', antrag_id: antragId, bg_id: bgId });
    expect(doks[0]!.titel).toMatch(/Lohn.*\(Bürgerportal\)$/);
    const links = await q<{ dateiname: string; fall_dokument_id: string | null }>(sql`select dateiname, fall_dokument_id from portal_dateien where antrag_id = ${antragId} order by dateiname`);
    expect(links.map((l) => [l.dateiname, l.fall_dokument_id !== null])).toEqual([
      ['lohn.png', true],
      ['mietvertrag.pdf', false],
    ]);
    const akte = await get(leistung, `/faelle/${bgId}`);
    expect(akte.body).toContain('lohn.png');
    expect(akte.body).toContain('Nachweise in der Virenprüfung');
    expect(akte.body).toContain('mietvertrag.pdf (hochgeladen am');
    // the history and the audit trail name the copy
    expect((await q(sql`select 1 from fall_ereignisse where bg_id = ${bgId} and art = 'dokument' and beschreibung like '%Bürgerportal%'`)).length).toBe(1);
    expect((await q(sql`select 1 from audit_log where object_id = ${bgId} and purpose = 'Nachweis aus dem Bürgerportal in die Fallakte übernehmen'`)).length).toBe(1);
  });

  it.skipIf(fehlt !== undefined)('a quarantined file released by the scan follows into the documents, once', async () => {
    const r = await scanneQuarantaene({ ctx: t.ctx });
    expect(r.freigegeben).toBe(1);
    const doks = await q<{ dateiname: string }>(sql`select dateiname from fall_dokumente where bg_id = ${bgId} order by dateiname`);
    expect(doks.map((d) => d.dateiname)).toEqual(['lohn.png', 'mietvertrag.pdf']);
    expect((await q<{ fall_dokument_id: string | null }>(sql`select fall_dokument_id from portal_dateien where id = ${dateiQuarantaene}`))[0]!.fall_dokument_id).not.toBeNull();
    await scanneQuarantaene({ ctx: t.ctx });
    expect((await q(sql`select 1 from fall_dokumente where bg_id = ${bgId}`)).length).toBe(2);
    expect((await get(leistung, `/faelle/${bgId}`)).body).not.toContain('Nachweise in der Virenprüfung');
  });
});

describe('Veränderungsmitteilung applied to the Fallakte', () => {
  it('new job: the proposal is pre-filled, the caseworker confirms once, the Fallakte has the income', async () => {
    const id = await melde('veraenderung-arbeit', [
      { person: 'Erika Mustermann', aenderung: 'neue_arbeit', ab: '2025-06-01' },
      { arbeitgeber: 'Bäckerei Korn', bruttoCent: '1.800', nettoCent: '1.350' },
      { richtig: '1' },
    ]);
    const akte = await get(leistung, `/faelle/${bgId}`);
    expect(akte.body).toContain(`href="${seiteVon(id)}"`);
    expect(akte.body).toContain('noch nicht übernommen');
    expect((await get(leistung, '/online-eingang')).body).toContain(`href="${seiteVon(id)}"`);
    const seite = await get(leistung, seiteVon(id));
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Bäckerei Korn');
    const werte = formularWerte(seite.body, seiteVon(id));
    const erika = (await q<{ person_id: string }>(sql`select person_id from person_stammdaten where vorname = 'Erika'`))[0]!.person_id;
    expect(werte).toMatchObject({ v0_typ: 'einkommen', v0_anwenden: '1', v0_ab: '2025-06-01', v0_personId: erika, v0_einkommenId: '', v0_art: 'erwerbstaetigkeit', v0_bruttoCent: '1800,00', v0_nettoCent: '1350,00' });
    // nothing is applied by looking at it
    expect((await q(sql`select 1 from person_einkommen where person_id = ${erika}`)).length).toBe(0);

    const res = await postForm(t.app, leistung, seiteVon(id), werte);
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(302);
    const ek = await q<{ art: string; brutto_cent: number; netto_cent: number; bezeichnung: string; gueltig_von: string }>(
      sql`select art, brutto_cent, netto_cent, bezeichnung, gueltig_von::text from person_einkommen where person_id = ${erika}`,
    );
    expect(ek).toEqual([{ art: 'erwerbstaetigkeit', brutto_cent: 180000, netto_cent: 135000, bezeichnung: 'Bäckerei Korn', gueltig_von: '2025-06-01' }]);
    const antrag = (await q<{ status: string; payload: { angewendet?: { aenderungen: number } } }>(sql`select status, payload from antraege where id = ${id}`))[0]!;
    expect(antrag.status).toBe('in_bearbeitung');
    expect(antrag.payload.angewendet?.aenderungen).toBe(1);
    const audit = await q<{ purpose: string }>(sql`select purpose from audit_log where object_id in (${bgId}, ${id}) and actor_user_id = (select id from users where email = 'leistung@musterland.example') order by id`);
    expect(audit.map((a) => a.purpose)).toEqual(expect.arrayContaining(['Leistungssachbearbeitung: Veränderungsmitteilung prüfen', 'Leistungssachbearbeitung: Fallakte ändern', 'Leistungssachbearbeitung: Veränderungsmitteilung übernehmen']));
    expect((await get(leistung, `/faelle/${bgId}`)).body).toContain('Veränderungsmitteilung vom');

    // applying twice is refused, and the page no longer offers the form
    const nochmal = await postForm(t.app, leistung, seiteVon(id), werte);
    expect(nochmal.statusCode).toBe(409);
    expect(nochmal.body).toContain('wurde am');
    expect((await get(leistung, seiteVon(id))).body).not.toContain(`action="${seiteVon(id)}"`);
  });

  it('a move: address and housing costs in one confirmation; the caseworker corrects a value; all or nothing', async () => {
    const id = await melde('veraenderung-umzug', [
      { datum: '2025-08-01', zusicherungBeantragt: 'ja' },
      { strasse: 'Neue Straße', hausnummer: '7', plz: '12345', ort: 'Musterstadt' },
      { wohnform: 'miete' },
      { grundmieteCent: '500', nebenkostenCent: '100', heizkostenCent: '80', heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '60' },
      { richtig: '1' },
    ]);
    const seite = await get(leistung, seiteVon(id));
    expect(seite.body).toContain('Zusicherung');
    const werte = formularWerte(seite.body, seiteVon(id));
    expect(werte).toMatchObject({ v0_typ: 'adresse', v0_strasse: 'Neue Straße', v1_typ: 'unterkunft', v1_grundmieteCent: '500,00' });
    expect(werte.v0_kommuneId).toMatch(/^[0-9a-f-]{36}$/);

    // a wrong correction: nothing is saved, the message stands at the field
    const falsch = await postForm(t.app, leistung, seiteVon(id), { ...werte, v1_heizkostenCent: 'achtzig' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('id="feld-v1_heizkostenCent"');
    expect(falsch.body).toContain('Bitte einen Betrag in Euro angeben');
    // the page keeps the caseworker's input
    expect(falsch.body).toContain('value="achtzig"');

    // the second change fails inside the transaction (no housing costs to end on that day): the address is not kept either
    const halb = await postForm(t.app, leistung, seiteVon(id), { ...werte, v1_keine: '1', v1_ab: '2024-01-01' });
    expect(halb.statusCode).toBe(409);
    expect(halb.body).toContain('Änderung 2:');
    expect((await q(sql`select 1 from bg_adressen where bg_id = ${bgId}`)).length).toBe(1);

    const res = await postForm(t.app, leistung, seiteVon(id), { ...werte, v1_heizkostenCent: '95' });
    expect(res.statusCode, res.body.slice(0, 1000)).toBe(302);
    expect(await q(sql`select strasse, gueltig_von::text from bg_adressen where bg_id = ${bgId} order by gueltig_von`)).toEqual([
      { strasse: 'Portalweg', gueltig_von: expect.any(String) },
      { strasse: 'Neue Straße', gueltig_von: '2025-08-01' },
    ]);
    const ku = await q<{ grundmiete_cent: number; heizkosten_cent: number }>(sql`select grundmiete_cent, heizkosten_cent from bg_unterkunft where bg_id = ${bgId} and gueltig_von = '2025-08-01'`);
    expect(ku).toEqual([{ grundmiete_cent: 50000, heizkosten_cent: 9500 }]);
  });

  it('a failing change rolls back the others (version of the Fallakte; person to choose)', async () => {
    const id = await melde('veraenderung-person-weg', [{ name: 'Jemand Unbekanntes', auszugAm: '2025-09-01', neueAnschriftBekannt: 'nein' }, { richtig: '1' }]);
    const seite = await get(leistung, seiteVon(id));
    expect(seite.body).toContain('nicht eindeutig zu finden');
    const werte = formularWerte(seite.body, seiteVon(id));
    expect(werte.v0_personId).toBe('');
    const ohne = await postForm(t.app, leistung, seiteVon(id), werte);
    expect(ohne.statusCode).toBe(400);
    expect(ohne.body).toContain('Bitte wählen Sie die Person aus.');
    // stale version of the Fallakte → 409, nothing changed
    const erika = (await q<{ person_id: string }>(sql`select person_id from person_stammdaten where vorname = 'Erika'`))[0]!.person_id;
    const alt = await postForm(t.app, leistung, seiteVon(id), { ...werte, v0_personId: erika, version: String(Number(werte.version) - 1) });
    expect(alt.statusCode).toBe(409);
    expect(alt.body).toContain('inzwischen von jemand anderem geändert');
    expect((await q(sql`select 1 from bg_mitgliedschaften where person_id = ${erika} and gueltig_bis is not null`)).length).toBe(0);
    const ok = await postForm(t.app, leistung, seiteVon(id), { ...werte, v0_personId: erika });
    expect(ok.statusCode, ok.body.slice(0, 800)).toBe(302);
    expect(await q(sql`select gueltig_bis::text from bg_mitgliedschaften where person_id = ${erika}`)).toEqual([{ gueltig_bis: '2025-08-31' }]);
  });

  it('a birth becomes a new child of the BG; an absence closes without a change', async () => {
    const geburt = await melde('veraenderung-geburt', [{ vorname: 'Lina', nachname: 'Mustermann', geburtsdatum: '2025-10-10', geschlecht: 'w' }, { kindergeldBeantragt: 'ja' }, { richtig: '1' }]);
    const werte = formularWerte((await get(leistung, seiteVon(geburt))).body, seiteVon(geburt));
    expect(werte).toMatchObject({ v0_typ: 'person_aufnehmen', v0_rolle: 'kind', v0_ab: '2025-10-10', v0_staatsangehoerigkeit: 'DE' });
    expect((await postForm(t.app, leistung, seiteVon(geburt), werte)).statusCode).toBe(302);
    expect(await q(sql`select m.rolle, m.gueltig_von::text from bg_mitgliedschaften m join person_stammdaten s on s.person_id = m.person_id where s.vorname = 'Lina'`)).toEqual([{ rolle: 'kind', gueltig_von: '2025-10-10' }]);

    const weg = await melde('veraenderung-abwesenheit', [{ von: '2025-11-01', bis: '2025-11-14', grund: 'urlaub' }, { richtig: '1' }]);
    const seite = await get(leistung, seiteVon(weg));
    expect(seite.body).toContain('Ortsabwesenheit vom 01.11.2025 bis 14.11.2025');
    const res = await postForm(t.app, leistung, seiteVon(weg), formularWerte(seite.body, seiteVon(weg)));
    expect(res.statusCode).toBe(302);
    expect((await q(sql`select 1 from fall_ereignisse where bg_id = ${bgId} and beschreibung like '%keine Änderung der Fallakte%'`)).length).toBe(1);
  });

  it('the JSON API offers the same proposals and applies them (errors at body.aenderungen.<n>.<field>)', async () => {
    const id = await melde('veraenderung-bank', [{ iban: 'DE89 3704 0044 0532 0130 00', kontoinhaber: 'Max Mustermann' }, { ab: '2025-11-01' }, { richtig: '1' }]);
    const api = (method: 'GET' | 'POST', payload?: unknown) =>
      t.app.inject({ method, url: `/api/faelle/${bgId}/mitteilungen/${id}`, headers: { cookie: leistung.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });
    const g = await api('GET');
    expect(g.statusCode).toBe(200);
    const m = g.json<{ bg: { version: number }; antrag: { version: number }; vorschlaege: Record<string, unknown>[] }>();
    expect(m.vorschlaege).toEqual([{ typ: 'bank', ab: '2025-11-01', iban: 'DE89370400440532013000', kontoinhaber: 'Max Mustermann' }]);
    const falsch = await api('POST', { version: m.bg.version, antragVersion: m.antrag.version, aenderungen: [{ ...m.vorschlaege[0], iban: 'DE00 0000' }] });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json<{ issues: { path: string; code: string }[] }>().issues).toEqual([expect.objectContaining({ path: 'body.aenderungen.0.iban', code: 'iban_ungueltig' })]);
    const ok = await api('POST', { version: m.bg.version, antragVersion: m.antrag.version, aenderungen: m.vorschlaege });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ aenderungen: number }>().aenderungen).toBe(1);
    expect(await q(sql`select iban from bg_bankverbindungen where bg_id = ${bgId} and gueltig_von = '2025-11-01'`)).toEqual([{ iban: 'DE89370400440532013000' }]);
  });

  it('integration staff see the Mitteilung without the account: no IBAN in the page, the answers or the proposals', async () => {
    const id = await melde('veraenderung-bank', [{ iban: 'DE75 5121 0800 1245 1261 99', kontoinhaber: 'Max Mustermann' }, { ab: '2025-11-01' }, { richtig: '1' }]);
    const integration = await signIn(t.app, 'integration@musterland.example');
    const api = await t.app.inject({ method: 'GET', url: `/api/faelle/${bgId}/mitteilungen/${id}`, headers: { cookie: integration.header() } });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.body).not.toMatch(/DE75|5121|kontoinhaber|iban/i);
    expect(api.json<{ vorschlaege: unknown[] }>().vorschlaege).toEqual([]);
    const seite = await get(integration, seiteVon(id));
    expect(seite.statusCode).toBe(200);
    expect(seite.body).not.toMatch(/DE75|5121 0800/);
    // leistung sees it (the filter is not hiding everything)
    const voll = await t.app.inject({ method: 'GET', url: `/api/faelle/${bgId}/mitteilungen/${id}`, headers: { cookie: leistung.header() } });
    expect(voll.body).toContain('DE75512108001245126199');
  });

  it('only staff of the case reach the page: the citizen and other ids get 404', async () => {
    const [a] = await q<{ id: string }>(sql`select id from antraege where bg_id = ${bgId} and art = 'veraenderung' limit 1`);
    expect((await get(buerger, seiteVon(a!.id))).statusCode).not.toBe(200);
    expect((await get(leistung, `/faelle/${bgId}/mitteilungen/${antragId}`)).statusCode).toBe(409);
    expect((await get(leistung, `/faelle/${bgId}/mitteilungen/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

describe('Language of the account', () => {
  it('the language switch stores the citizen account language; mails to the citizen go out in it with the German text below', async () => {
    expect((await q<{ sprache: string }>(sql`select sprache from users where id = ${buergerId}`))[0]!.sprache).toBe('de');
    const seite = await get(buerger, '/portal?lang=tr');
    expect(seite.statusCode).toBe(200);
    expect((await q<{ sprache: string }>(sql`select sprache from users where id = ${buergerId}`))[0]!.sprache).toBe('tr');
    expect((await q(sql`select 1 from audit_log where object_type = 'user' and object_id = ${buergerId} and purpose = 'Bürgerportal: Sprache wählen'`)).length).toBe(1);
    // the same choice again writes nothing; staff accounts are not touched
    await get(buerger, '/portal?lang=tr');
    expect((await q(sql`select 1 from audit_log where object_type = 'user' and object_id = ${buergerId} and purpose = 'Bürgerportal: Sprache wählen'`)).length).toBe(1);
    await get(leistung, '/arbeitsplatz?lang=uk');
    expect((await q<{ sprache: string }>(sql`select sprache from users where email = 'leistung@musterland.example'`))[0]!.sprache).toBe('de');

    await melde('veraenderung-bank', [{ iban: 'DE89370400440532013000', kontoinhaber: 'Max Mustermann' }, { ab: '2025-12-01' }, { richtig: '1' }]);
    const mail = await t.mail.waitFor((m) => m.to.includes('buerger@musterland.example') && m.subject.startsWith('Alındı onayı'));
    expect(mail.text).toContain('bize ulaştı');
    expect(mail.text).toContain('bei uns ist eingegangen: Veränderungsmitteilung');
  });
});
