import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let kommune: string;
const jars: Record<string, CookieJar> = {};

const get = async (who: string, url: string) => jars[who]!.store(await t.app.inject({ url, headers: { cookie: jars[who]!.header(), accept: 'text/html' } }));

const formular = (mehr: Record<string, string> = {}) => ({
  antragsdatum: '2024-06-12',
  eingangskanal: 'papier',
  kinder: '2',
  a_vorname: 'Aylin',
  a_nachname: 'Formular',
  a_geburtsdatum: '1985-03-10',
  a_staat: 'de',
  a_erwerb_bezeichnung: 'Bäckerei Korn',
  a_erwerb_brutto: '1.600,00',
  a_erwerb_netto: '1200',
  b_vorname: 'Ben',
  b_nachname: 'Formular',
  b_geburtsdatum: '1987-05-10',
  b_staat: 'TR',
  b_erwerb_brutto: '400',
  b_erwerb_netto: '400',
  k0_vorname: 'Clara',
  k0_nachname: 'Formular',
  k0_geburtsdatum: '2017-01-10',
  k0_staat: 'DE',
  k0_kindergeld: '250,00',
  k1_vorname: 'David',
  k1_nachname: 'Formular',
  k1_geburtsdatum: '2010-01-10',
  k1_staat: 'DE',
  k1_kindergeld: '250,00',
  adresse_strasse: 'Lindenweg',
  adresse_hausnummer: '4',
  adresse_plz: '12345',
  adresse_ort: 'Musterstadt',
  adresse_kommune: kommune,
  bank_iban: 'DE02 1203 0000 0000 2020 51',
  bank_kontoinhaber: 'Aylin Formular',
  unterkunft_grundmiete: '570',
  unterkunft_nebenkosten: '140',
  unterkunft_heizkosten: '140',
  _aktion: 'speichern',
  ...mehr,
});

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const k = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where name = 'Musterstadt'`));
  kommune = k.rows[0]!.id;
  for (const who of ['leistung', 'integration', 'admin']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
});
afterAll(() => t.close());

describe('Seiten der Fallakte', () => {
  let akteUrl = '';

  it('shows Fälle and Arbeitsvorrat in the navigation for caseworkers only', async () => {
    const l = await get('leistung', '/arbeitsplatz');
    expect(l.body).toContain('href="/faelle"');
    expect(l.body).toContain('href="/arbeitsvorrat"');
    expect(l.body).toContain('Es liegen keine offenen Anträge vor.');
    const a = await get('admin', '/arbeitsplatz');
    expect(a.body).not.toContain('href="/faelle"');
    expect((await get('admin', '/faelle')).statusCode).toBe(403);
  });

  it('"Weiteres Kind hinzufügen" re-renders the form with one more child group', async () => {
    const res = await postForm(t.app, jars.leistung!, '/faelle/neu', { ...formular({ kinder: '0' }), _aktion: 'kind' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Kind 1');
    expect(res.body).toContain('name="k0_vorname"');
    expect(res.body).toContain('value="Aylin"');
    expect(res.body).not.toContain('name="k1_vorname"');
  });

  it('an invalid IBAN and a bad amount are shown at their fields', async () => {
    const res = await postForm(t.app, jars.leistung!, '/faelle/neu', formular({ bank_iban: 'DE02120300000000202052', unterkunft_grundmiete: 'viel' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#feld-unterkunft_grundmiete"');
    expect(res.body).toContain('aria-invalid="true"');
    // IBAN is checked by the use case once the form is otherwise valid.
    const iban = await postForm(t.app, jars.leistung!, '/faelle/neu', formular({ bank_iban: 'DE02120300000000202052' }));
    expect(iban.statusCode).toBe(400);
    expect(iban.body).toContain('href="#feld-bank_iban"');
    expect(iban.body).toContain('Diese IBAN ist nicht gültig');
  });

  it('records a paper Erstantrag and opens the Fallakte', async () => {
    const res = await postForm(t.app, jars.leistung!, '/faelle/neu', formular());
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(302);
    akteUrl = String(res.headers.location);
    expect(akteUrl).toMatch(/^\/faelle\/[0-9a-f-]{36}$/);
    const page = await get('leistung', `${akteUrl}?stichtag=2024-06-15`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1[^>]*>Fallakte BG-\d{6}<\/h1>/);
    for (const n of ['Formular, Aylin', 'Formular, Ben', 'Formular, Clara', 'Formular, David']) expect(page.body).toContain(n);
    expect(page.body).toContain('DE02 1203 0000 0000 2020 51');
    expect(page.body).toContain('1.600,00 €');
    expect(page.body).toContain('Jobcenter Musterstadt');
  });

  it('integration sees the Fallakte without bank details and without edit forms', async () => {
    const page = await get('integration', akteUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Formular, Aylin');
    expect(page.body).not.toContain('DE02');
    expect(page.body).not.toContain('Vermerk speichern');
  });

  it('adds a Vermerk, a Wiedervorlage and a new job ab 2024-08-01 through the page', async () => {
    const v = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'vermerk', vermerk_text: 'Antrag vollständig.' });
    expect(v.statusCode).toBe(302);
    const wv = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'wiedervorlage', wv_faellig: '2024-07-01', wv_grund: 'Kontoauszüge prüfen', wv_mir: '1' });
    expect(wv.statusCode).toBe(302);
    const page = await get('leistung', akteUrl);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const ben = /<option value="([0-9a-f-]{36})">Ben Formular<\/option>/.exec(page.body)![1]!;
    const job = new RegExp(`<option value="([0-9a-f-]{36})">Ben Formular: Erwerbseinkommen</option>`).exec(page.body)![1]!;
    const ek = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'einkommen', version, ek_person: ben, ek_id: job, ek_ab: '2024-08-01', ek_art: 'erwerbstaetigkeit', ek_brutto: '2000', ek_netto: '1500' });
    expect(ek.statusCode, ek.body.slice(0, 1500)).toBe(302);
    const juli = await get('leistung', `${akteUrl}?stichtag=2024-07-31`);
    expect(juli.body).toContain('brutto 400,00 €');
    const august = await get('leistung', `${akteUrl}?stichtag=2024-08-01`);
    expect(august.body).toContain('brutto 2.000,00 €');
    expect(august.body).not.toContain('brutto 400,00 €');
    expect(august.body).toContain('Antrag vollständig.');
    expect(august.body).toContain('Kontoauszüge prüfen');
    // The same stale version again: conflict, shown on the page.
    const stale = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'einkommen', version, ek_person: ben, ek_ab: '2024-09-01', ek_art: 'kindergeld', ek_betrag: '10' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('inzwischen von jemand anderem geändert');
  });

  it('the work queue lists the Antrag; "Mir zuweisen" assigns it; the start page counts it', async () => {
    const start = await get('leistung', '/arbeitsplatz');
    expect(start.body).toContain('1 offener Antrag an Ihren Standorten');
    const vorrat = await get('leistung', '/arbeitsvorrat');
    expect(vorrat.statusCode).toBe(200);
    expect(vorrat.body).toContain('Formular, Aylin');
    expect(vorrat.body).toContain('Kontoauszüge prüfen');
    const antrag = /name="antrag" value="([0-9a-f-]{36})"/.exec(vorrat.body)![1]!;
    const version = /name="version" value="(\d+)"/.exec(vorrat.body)![1]!;
    const res = await postForm(t.app, jars.leistung!, '/arbeitsvorrat', { antrag, version, zurueck: '/arbeitsvorrat', _aktion: 'mir' });
    expect(res.statusCode).toBe(302);
    const mine = await get('leistung', '/arbeitsvorrat?bearbeiter=ich');
    expect(mine.body).toContain('Lena Leistung');
    expect(mine.body).toContain('in Bearbeitung');
    const keine = await get('leistung', '/arbeitsvorrat?bearbeiter=niemand');
    expect(keine.body).toContain('Keine Anträge für diese Auswahl.');
  });

  it('search page finds by name and tells when nothing matches', async () => {
    const hit = await get('leistung', '/faelle?name=Formular');
    expect(hit.body).toContain('Treffer (4)');
    const none = await get('leistung', '/faelle?name=Niemand');
    expect(none.body).toContain('Keine Fallakte gefunden');
    const bad = await get('leistung', '/faelle?name=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('mindestens zwei Zeichen');
  });
  it('records a move, new housing costs, a new bank account, a Veränderungsmitteilung and a status from the page', async () => {
    const version = () => get('leistung', akteUrl).then((p) => /name="version" value="(\d+)"/.exec(p.body)![1]!);
    const seeheim = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where name = 'Seeheim am Muster'`))).rows[0]!.id;
    const ku = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'unterkunft', version: await version(), ku_ab: '2024-10-01', ku_grundmiete: '600', ku_nebenkosten: '140', ku_heizkosten: '150' });
    expect(ku.statusCode, ku.body.slice(0, 500)).toBe(302);
    const badIban = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'bank', version: await version(), bk_ab: '2024-10-01', bk_iban: 'DE99 1234', bk_kontoinhaber: 'A' });
    expect(badIban.statusCode).toBe(400);
    expect(badIban.body).toContain('href="#feld-bk_iban"');
    const bank = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'bank', version: await version(), bk_ab: '2024-10-01', bk_iban: 'DE89 3704 0044 0532 0130 00', bk_kontoinhaber: 'Ben Formular' });
    expect(bank.statusCode).toBe(302);
    const vm = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'antrag', an_art: 'veraenderung', an_datum: '2024-07-25', an_kanal: 'telefon' });
    expect(vm.statusCode).toBe(302);
    const seite = await get('leistung', `${akteUrl}?stichtag=2024-10-15`);
    expect(seite.body).toContain('600,00 €');
    expect(seite.body).toContain('DE89 3704 0044 0532 0130 00');
    expect(seite.body).toContain('Veränderungsmitteilung vom 25.07.2024 (Telefon)');
    const antrag = /name="antrag" value="([0-9a-f-]{36})"/.exec(seite.body)!;
    const antragVersion = new RegExp(`name="antrag" value="${antrag[1]}"/><input type="hidden" name="version" value="(\\d+)"`).exec(seite.body)![1]!;
    const st = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'status', antrag: antrag[1]!, version: antragVersion, status: 'wartet_auf_unterlagen' });
    expect(st.statusCode).toBe(302);
    expect((await get('leistung', akteUrl)).body).toContain('wartet auf Unterlagen');
    // A move to a Kommune of another Standort hands the case over: it is no longer visible to leistung (Musterstadt).
    const umzug = await postForm(t.app, jars.leistung!, akteUrl, { _aktion: 'adresse', version: await version(), ad_ab: '2024-11-01', ad_strasse: 'Uferweg', ad_hausnummer: '9', ad_plz: '12347', ad_ort: 'Seeheim am Muster', ad_kommune: seeheim });
    expect(umzug.statusCode, umzug.body.slice(0, 500)).toBe(302);
    expect(umzug.headers.location).toBe('/faelle');
    expect((await get('leistung', akteUrl)).statusCode).toBe(404);
    // Its open Anträge went with it: nothing of it is left in the queue at Musterstadt.
    expect((await get('leistung', '/arbeitsvorrat')).body).not.toContain('Formular, Aylin');
  });
});
