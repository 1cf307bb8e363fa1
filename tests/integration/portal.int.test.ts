import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versendeMails } from '../../src/mail/ausgang.ts';
import { startMailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { erinnereAnEntwuerfe } from '../../src/server/portal/erinnerung.ts';
import { CookieJar, createTestApp, csrfFor, postForm, signIn, type TestApp } from '../helpers/app.ts';
import { ausgangFuer, sofortFaellig } from '../helpers/mail-ausgang.ts';

/** Bürgerportal end to end on real PostgreSQL: drafts per step, Antragsdatum, submission, isolation (issue 5). */
let t: TestApp;
let buerger: CookieJar;
let zweite: CookieJar;
let leistung: CookieJar;

async function neuerBuerger(email: string, name: string) {
  await t.ctx.db.withSystem((tx) =>
    tx.execute(sql`insert into users (traeger_id, art, email, name, password_hash, email_verified_at, roles)
      select traeger_id, 'buerger', ${email}, ${name}, password_hash, now(), roles from users where email = 'buerger@musterland.example'`),
  );
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await neuerBuerger('zweite@musterland.example', 'Zweite Person');
  buerger = await signIn(t.app, 'buerger@musterland.example');
  zweite = await signIn(t.app, 'zweite@musterland.example');
  leistung = await signIn(t.app, 'leistung@musterland.example');
});
afterAll(() => t?.close());

const get = (jar: CookieJar, url: string) => t.app.inject({ url, headers: { cookie: jar.header(), accept: 'text/html' } }).then((r) => jar.store(r));

/** Posts a step form and returns where it leads (asserting a redirect). */
async function schritt(jar: CookieJar, url: string, felder: Record<string, string | string[]>): Promise<string> {
  const res = await postForm(t.app, jar, url, felder);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 2000)}`).toBe(302);
  return String(res.headers.location);
}

async function starte(jar: CookieJar, flow = 'erstantrag'): Promise<{ id: string; url: string }> {
  const start = await schritt(jar, '/portal/antrag/neu', { flow });
  const id = start.split('/')[3]!;
  const weiter = await get(jar, start);
  expect(weiter.statusCode).toBe(302);
  return { id, url: String(weiter.headers.location) };
}

async function entwurfRow(id: string) {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ antragsdatum: string | null; aktueller_schritt: string; status: string; daten_enc: string; antrag_id: string | null }>(sql`select antragsdatum::text, aktueller_schritt, status, daten_enc, antrag_id from antrag_entwuerfe where id = ${id}`));
  return r.rows[0]!;
}

const heute = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(t.ctx.clock.now());

/** Walks a whole Erstantrag with partner, one child and a job, starting at the first step. */
async function fuelleErstantrag(jar: CookieJar, url: string): Promise<string> {
  let u = await schritt(jar, url, { beantragt: '1' });
  u = await schritt(jar, u, { vorname: 'Erika', nachname: 'Beispiel', geburtsdatum: '1988-04-12', geschlecht: 'w', staatsangehoerigkeit: 'DE' });
  u = await schritt(jar, u, { familienstand: 'verheiratet' });
  u = await schritt(jar, u, { strasse: 'Lindenweg', hausnummer: '3', plz: '12345', ort: 'Musterstadt' });
  u = await schritt(jar, u, { email: 'erika@example.org' });
  u = await schritt(jar, u, { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Erika Beispiel' });
  u = await schritt(jar, u, { partner: 'ja', kinder: 'ja', weiterePersonen: 'nein' });
  expect(u).toContain('/partner-person');
  u = await schritt(jar, u, { vorname: 'Jonas', nachname: 'Beispiel', geburtsdatum: '1986-01-30', geschlecht: 'm', staatsangehoerigkeit: 'DE' });
  u = await schritt(jar, u, { erwerbsfaehig: 'ja' });
  expect(u).toContain('/schritt/kinder');
  // a list without JS: "add" is a submit button
  u = await schritt(jar, u, { _aktion: 'hinzufuegen:kinder' });
  expect(u).toContain('/schritt/kinder/k1/kind-person');
  u = await schritt(jar, u, { vorname: 'Lena', nachname: 'Beispiel', geburtsdatum: '2018-06-01', geschlecht: 'w', staatsangehoerigkeit: 'DE', verwandtschaft: 'gemeinsames_kind' });
  u = await schritt(jar, u, { kindergeld: 'ja' });
  u = await schritt(jar, u, { kindergeldCent: '255' });
  expect(u).toMatch(/\/schritt\/kinder$/);
  u = await schritt(jar, u, { _aktion: 'weiter' });
  u = await schritt(jar, u, { wohnform: 'miete' });
  u = await schritt(jar, u, { grundmieteCent: '520', nebenkostenCent: '110', heizkostenCent: '85,50', heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '68' });
  u = await schritt(jar, u, { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'nein' });
  u = await schritt(jar, u, { _aktion: 'hinzufuegen:einkommen' });
  u = await schritt(jar, u, { person: 'partner', art: 'arbeit' });
  u = await schritt(jar, u, { arbeitgeber: 'Bäckerei Korn', bruttoCent: '1.200', nettoCent: '950', minijob: 'nein' });
  u = await schritt(jar, u, { _aktion: 'weiter' });
  u = await schritt(jar, u, { vermoegenVorhanden: 'nein' });
  u = await schritt(jar, u, {});
  u = await schritt(jar, u, { vorhanden: 'nein' });
  expect(u).toContain('/zusammenfassung');
  u = await schritt(jar, u, { richtig: '1', mitwirkung: '1' });
  expect(u).toMatch(/\/absenden$/);
  return u;
}

async function musterstadt(): Promise<string> {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where name = 'Musterstadt'`));
  return r.rows[0]!.id;
}

describe('Online-Antrag: drafts', () => {
  it('records the Antragsdatum at the first step, keeps it when the person stops, and resumes at the open step', async () => {
    const { id, url } = await starte(buerger);
    expect(url).toBe(`/portal/antrag/${id}/schritt/antrag`);
    expect((await entwurfRow(id)).antragsdatum).toBeNull();
    const weiter = await schritt(buerger, url, { beantragt: '1' });
    expect(weiter).toBe(`/portal/antrag/${id}/schritt/person`);
    const row = await entwurfRow(id);
    expect(row.antragsdatum).toBe(heute());
    expect(row.daten_enc).not.toContain('beantragt'); // encrypted at rest
    // "another device": a fresh sign-in resumes at the first open step
    const anderesGeraet = await signIn(t.app, 'buerger@musterland.example');
    const portal = await get(anderesGeraet, '/portal');
    expect(portal.body).toContain(`/portal/antrag/${id}`);
    const resume = await get(anderesGeraet, `/portal/antrag/${id}`);
    expect(resume.headers.location).toBe(`/portal/antrag/${id}/schritt/person`);
    // a later step is not reachable yet → redirected to the first open one
    const sprung = await get(anderesGeraet, `/portal/antrag/${id}/schritt/bank`);
    expect(sprung.statusCode).toBe(302);
    expect(sprung.headers.location).toBe(`/portal/antrag/${id}/schritt/person`);
    // starting again returns the same draft (one open application)
    const nochmal = await starte(anderesGeraet);
    expect(nochmal.id).toBe(id);
  });

  it('validates every step on the server with messages next to the fields', async () => {
    const { id } = await starte(buerger);
    const res = await postForm(t.app, buerger, `/portal/antrag/${id}/schritt/person`, { vorname: '', nachname: 'X', geburtsdatum: '31.02.1990', geschlecht: 'w', staatsangehoerigkeit: 'DE' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(res.body).toContain('Bitte geben Sie ein gültiges Datum an');
    expect(res.body).toContain('href="#feld-vorname"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('a list overview does not lead on without the entries the answers require', async () => {
    const { id } = await starte(zweite);
    let u = await schritt(zweite, `/portal/antrag/${id}/schritt/antrag`, { beantragt: '1' });
    u = await schritt(zweite, u, { vorname: 'Zoe', nachname: 'Zweite', geburtsdatum: '1990-01-01', geschlecht: 'w', staatsangehoerigkeit: 'UA' });
    u = await schritt(zweite, u, { familienstand: 'ledig' });
    u = await schritt(zweite, u, { strasse: 'Weg', hausnummer: '1', plz: '12345', ort: 'Musterstadt' });
    u = await schritt(zweite, u, {});
    u = await schritt(zweite, u, { iban: 'DE02120300000000202051', kontoinhaber: 'Zoe Zweite' });
    u = await schritt(zweite, u, { partner: 'nein', kinder: 'ja', weiterePersonen: 'nein' });
    const res = await postForm(t.app, zweite, u, { _aktion: 'weiter' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bitte fügen Sie die nötigen Einträge hinzu');
    // add and remove an entry without JavaScript
    const add = await schritt(zweite, u, { _aktion: 'hinzufuegen:kinder' });
    expect(add).toContain('/kinder/k1/kind-person');
    const rm = await schritt(zweite, u, { _aktion: 'entfernen:kinder:k1' });
    expect(rm).toBe(u);
    expect((await get(zweite, u)).body).toContain('Noch keine Einträge.');
  });
});

describe('Online-Antrag: questions for the new calculation rules (issue #16)', () => {
  it('under 25: school/training/studies; Selbstständigkeit with Einnahmen, Ausgaben, Steuern (errors at the field, no JavaScript); one-off payment', async () => {
    await neuerBuerger('jung@musterland.example', 'Jana Jung');
    const jung = await signIn(t.app, 'jung@musterland.example');
    const { id } = await starte(jung);
    const s = (name: string) => `/portal/antrag/${id}/schritt/${name}`;
    let u = await schritt(jung, s('antrag'), { beantragt: '1' });
    u = await schritt(jung, u, { vorname: 'Jana', nachname: 'Jung', geburtsdatum: '2004-05-01', geschlecht: 'w', staatsangehoerigkeit: 'DE' });
    expect(u).toBe(s('ausbildung'));
    const seite = await get(jung, u);
    expect(seite.body).toContain('besucht eine Schule');
    expect(seite.body).toContain('nichts davon');
    u = await schritt(jung, u, { ausbildung: 'studium' });
    u = await schritt(jung, u, { familienstand: 'ledig' });
    u = await schritt(jung, u, { strasse: 'Weg', hausnummer: '2', plz: '12345', ort: 'Musterstadt' });
    u = await schritt(jung, u, {});
    u = await schritt(jung, u, { iban: 'DE02120300000000202051', kontoinhaber: 'Jana Jung' });
    u = await schritt(jung, u, { partner: 'nein', kinder: 'nein', weiterePersonen: 'nein' });
    u = await schritt(jung, u, { wohnform: 'ohne_kosten' });
    expect(u).toBe(s('einkommen-frage'));
    const frage = (await get(jung, u)).body;
    expect(frage).toContain('einmalige Zahlung');
    // declaring income is not voluntary (§ 60 SGB I): the one-off payment question is required, not "freiwillig"
    expect(frage).not.toContain('freiwillig');
    const ohneAntwort = await postForm(t.app, jung, u, { einkommenVorhanden: 'ja' });
    expect(ohneAntwort.statusCode).toBe(400);
    expect(ohneAntwort.body).toContain('href="#feld-einmalzahlungVorhanden"');
    u = await schritt(jung, u, { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'ja' });
    u = await schritt(jung, u, { _aktion: 'hinzufuegen:einkommen' });
    u = await schritt(jung, u, { person: 'antragsteller', art: 'selbststaendigkeit' });
    expect(u).toBe(s('einkommen/e1/einkommen-selbststaendig'));
    const falsch = await postForm(t.app, jung, u, { taetigkeit: 'Nachhilfe', einnahmenCent: '600', ausgabenCent: '100', steuernCent: '600' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Steuern und Pflichtbeiträge können nicht höher sein als der Gewinn');
    expect(falsch.body).toContain('href="#feld-steuernCent"');
    u = await schritt(jung, u, { taetigkeit: 'Nachhilfe', einnahmenCent: '600', ausgabenCent: '100', steuernCent: '0' });
    expect(u).toBe(s('einkommen'));
    // list entries are named by what they are and whose they are, not "Einkommen in Ihrem Haushalt 1"
    const einkommen = (await get(jung, u)).body;
    expect(einkommen).toContain('Nachhilfe, Jana Jung');
    expect(einkommen).not.toContain('Einkommen in Ihrem Haushalt 1');
    u = await schritt(jung, u, { _aktion: 'weiter' });
    expect(u).toBe(s('einmalzahlungen'));
    u = await schritt(jung, u, { _aktion: 'hinzufuegen:einmalzahlungen' });
    const ohneDatum = await postForm(t.app, jung, u, { person: 'antragsteller', art: 'steuererstattung', einmalbetragCent: '300' });
    expect(ohneDatum.statusCode).toBe(400);
    expect(ohneDatum.body).toContain('href="#feld-zuflussDatum"');
    u = await schritt(jung, u, { person: 'antragsteller', art: 'steuererstattung', einmalbetragCent: '300', zuflussDatum: '01.02.2025' });
    expect(u).toBe(s('einmalzahlungen'));
    u = await schritt(jung, u, { _aktion: 'hinzufuegen:einmalzahlungen' });
    u = await schritt(jung, u, { person: 'antragsteller', art: 'nachzahlung', einmalbetragCent: '50', zuflussDatum: '03.02.2025' });
    const zahlungen = (await get(jung, u)).body;
    expect(zahlungen).toMatch(/Steuererstattung, 300,00\s€/);
    expect(zahlungen).not.toContain('Einmalige Zahlungen 1');
    // the review's "ändern" links name the entry, so that two entries' links differ (WCAG 2.4.4)
    const pruefen = (await get(jung, `/portal/antrag/${id}/pruefen`)).body;
    expect(pruefen).toMatch(/<span class="sr-only">: (<!-- -->)?Steuererstattung, 300,00\s€<\/span>/);
    expect(pruefen).toMatch(/<span class="sr-only">: (<!-- -->)?Nachzahlung[^<]*, 50,00\s€<\/span>/);
    u = await schritt(jung, u, { _aktion: 'weiter' });
    expect(u).toBe(s('vermoegen-frage'));
  });
});

describe('Online-Antrag: submission', () => {
  let entwurfId: string;
  let antragId: string;

  it('walks the whole application, shows the document checklist and submits exactly once', async () => {
    const { id } = await starte(leistungFreierBuerger());
    entwurfId = id;
    const jar = leistungFreierBuerger();
    const absenden = await fuelleErstantrag(jar, `/portal/antrag/${id}/schritt/antrag`);
    const seite = await get(jar, absenden);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Lohnabrechnungen der letzten 3 Monate');
    expect(seite.body).toContain('Mietvertrag');
    expect(seite.body).toContain('accept="image/*,application/pdf"');
    // the demo Kommunen list their PLZ: the Kommune follows from the address, the citizen is not asked
    const kommune = await musterstadt();
    expect(seite.body).toContain('nach der Postleitzahl: Musterstadt');
    expect(seite.body).not.toContain('name="kommuneId"');

    // double submit (two tabs, same draft): one Antrag
    const token = await csrfFor(t.app, jar, absenden);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: absenden,
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.statusCode, b.statusCode]).toEqual([302, 302]);
    const row = await entwurfRow(id);
    expect(row.status).toBe('eingereicht');
    antragId = row.antrag_id!;
    const count = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from antraege where eingereicht_von = (select id from users where email = 'buerger@musterland.example')`));
    expect(count.rows[0]!.n).toBe(1);
    const standort = await t.ctx.db.withSystem((tx) => tx.execute<{ kommune_id: string }>(sql`select s.kommune_id from antraege a join standorte s on s.id = a.standort_id where a.id = ${antragId}`));
    expect(standort.rows[0]!.kommune_id).toBe(kommune);
    // a third submit later still returns the same Antrag
    const c = await postForm(t.app, jar, absenden, {});
    expect([302, 409]).toContain(c.statusCode);
    const count2 = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from antraege where eingereicht_von = (select id from users where email = 'buerger@musterland.example')`));
    expect(count2.rows[0]!.n).toBe(1);
  });

  it('lands in the work queue with the data mapped into the Fallakte structure', async () => {
    const vorrat = await t.app.inject({ url: '/api/antraege', headers: { cookie: leistung.header() } });
    const eintrag = vorrat.json().eintraege.find((e: { id: string }) => e.id === antragId);
    expect(eintrag).toMatchObject({ eingangskanal: 'online', art: 'erstantrag', antragsdatum: heute(), standort: 'Jobcenter Musterstadt' });
    const r = await t.ctx.db.withSystem((tx) => tx.execute<{ payload: { daten: Record<string, unknown> } }>(sql`select payload from antraege where id = ${antragId}`));
    const daten = r.rows[0]!.payload.daten as { personen: Array<Record<string, unknown>>; adresse: Record<string, unknown>; unterkunft: Record<string, unknown>; bank: Record<string, unknown> };
    expect(daten.personen.map((p) => [p.vorname, p.rolle])).toEqual([
      ['Erika', 'antragsteller'],
      ['Jonas', 'partner'],
      ['Lena', 'kind'],
    ]);
    expect(daten.personen[1]!.einkommen).toEqual([{ art: 'erwerbstaetigkeit', bezeichnung: 'Bäckerei Korn', bruttoCent: 120000, nettoCent: 95000 }]);
    expect(daten.personen[2]!.einkommen).toEqual([{ art: 'kindergeld', betragCent: 25500 }]);
    expect(daten.unterkunft).toMatchObject({ grundmieteCent: 52000, nebenkostenCent: 11000, heizkostenCent: 8550 });
    expect(daten.adresse).toMatchObject({ strasse: 'Lindenweg', plz: '12345', ort: 'Musterstadt' });
    expect(daten.bank).toMatchObject({ iban: 'DE02120300000000202051' });
  });

  it('sends an Eingangsbestätigung with the Antragsdatum (PDF in the Postfach, mail)', async () => {
    const r = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ betreff: string; art: string; mime: string; inhalt: Buffer }>(
        sql`select n.betreff, n.art, d.mime, d.inhalt from postfach_nachrichten n join portal_dateien d on d.nachricht_id = n.id where n.antrag_id = ${antragId}`,
      ),
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.art).toBe('eingangsbestaetigung');
    expect(r.rows[0]!.betreff).toContain(heute().split('-').toReversed().join('.'));
    expect(r.rows[0]!.inhalt.subarray(0, 5).toString()).toBe('%PDF-');
    const mail = await t.mail.waitFor((m) => m.subject.startsWith('Eingangsbestätigung'));
    expect(mail.text).toContain(heute().split('-').toReversed().join('.'));
    // an absolute link to the Postfach, built from the configured public URL
    expect(mail.text).toMatch(/https?:\/\/[^\s/]+\/portal\/postfach/);
    // the sender is the Jobcenter's name as configured ("Jobcenter Kreis Musterland"), not "Jobcenter Jobcenter …"
    const absender = await t.ctx.db.withSystem((tx) => tx.execute<{ absender_name: string }>(sql`select absender_name from postfach_nachrichten where antrag_id = ${antragId}`));
    expect(absender.rows[0]!.absender_name).toBe('Jobcenter Kreis Musterland');
  });

  it('another citizen cannot reach the draft, its steps, its files or the JSON API (404)', async () => {
    for (const url of [`/portal/antrag/${entwurfId}`, `/portal/antrag/${entwurfId}/schritt/person`, `/portal/antrag/${entwurfId}/absenden`, `/portal/antrag/${entwurfId}/eingegangen`]) {
      const res = await get(zweite, url);
      expect(res.statusCode, url).toBe(404);
    }
    const api = await t.app.inject({ url: `/api/portal/entwuerfe/${entwurfId}`, headers: { cookie: zweite.header() } });
    expect(api.statusCode).toBe(404);
    const own = await t.app.inject({ url: `/api/portal/entwuerfe/${entwurfId}`, headers: { cookie: buerger.header() } });
    expect(own.statusCode).toBe(200);
    const post = await postForm(t.app, zweite, `/portal/antrag/${entwurfId}/schritt/person`, { vorname: 'Hack' });
    expect(post.statusCode).toBe(404);
    const datei = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from portal_dateien where antrag_id = ${antragId}`));
    for (const { id } of datei.rows) {
      expect((await get(zweite, `/portal/dateien/${id}`)).statusCode).toBe(404);
      expect((await get(buerger, `/portal/dateien/${id}`)).statusCode).toBe(200);
    }
    expect((await get(zweite, '/portal/dateien/not-a-uuid')).statusCode).toBe(404);
  });
});

/** The seeded citizen (kept apart from `zweite`). */
function leistungFreierBuerger(): CookieJar {
  return buerger;
}

describe('Review before the binding submission', () => {
  it('lists every answer by section; "ändern" returns to the review; an incomplete draft says what is missing', async () => {
    await neuerBuerger('pruefen@musterland.example', 'Paula Prüfer');
    const jar = await signIn(t.app, 'pruefen@musterland.example');
    const { id, url } = await starte(jar);
    // incomplete: the review names the missing pages and links there
    let u = await schritt(jar, url, { beantragt: '1' });
    const halb = await get(jar, `/portal/antrag/${id}/pruefen`);
    expect(halb.statusCode).toBe(200);
    expect(halb.body).toContain('Es fehlen noch Angaben');
    expect(halb.body).toContain(`href="/portal/antrag/${id}/schritt/person"`);
    expect(halb.body).not.toContain('weiter zum Absenden');
    // the account's name and e-mail are already filled in; the nationality is a list (plain select)
    const person = await get(jar, u);
    expect(person.body).toContain('value="Paula"');
    expect(person.body).toContain('value="Prüfer"');
    expect(person.body).toMatch(/<select[^>]*name="staatsangehoerigkeit"/);
    expect(person.body).toContain('<option value="DE">Deutschland</option>');
    expect(person.body).toMatch(/Schritt 2 von etwa \d+/);
    // "deutsch" typed (e.g. an enhanced input) is stored as DE
    u = await schritt(jar, u, { vorname: 'Paula', nachname: 'Prüfer', geburtsdatum: '1985-03-03', geschlecht: 'w', staatsangehoerigkeit: 'deutsch' });
    u = await schritt(jar, u, { familienstand: 'ledig' });
    u = await schritt(jar, u, { strasse: 'Am Markt', hausnummer: '1', plz: '12345', ort: 'Musterstadt' });
    const kontakt = await get(jar, u);
    expect(kontakt.body).toContain('value="pruefen@musterland.example"');
    u = await schritt(jar, u, { email: 'pruefen@musterland.example' });
    u = await schritt(jar, u, { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Paula Prüfer' });
    u = await schritt(jar, u, { partner: 'nein', kinder: 'nein', weiterePersonen: 'nein' });
    u = await schritt(jar, u, { wohnform: 'miete' });
    u = await schritt(jar, u, { grundmieteCent: '400', nebenkostenCent: '90', heizkostenCent: '60', heizungsart: 'etage', warmwasserDezentral: 'nein', wohnflaecheQm: '45' });
    u = await schritt(jar, u, { einkommenVorhanden: 'nein', einmalzahlungVorhanden: 'nein' });
    u = await schritt(jar, u, { vermoegenVorhanden: 'nein' });
    u = await schritt(jar, u, {});
    u = await schritt(jar, u, { vorhanden: 'nein' });
    expect(u).toBe(`/portal/antrag/${id}/schritt/zusammenfassung`);
    // the closing step shows every answer with "ändern" links above the declarations
    const zusammenfassung = await get(jar, u);
    expect(zusammenfassung.body).toContain('Deutschland');
    expect(zusammenfassung.body).toContain('Am Markt');
    expect(zusammenfassung.body).toContain(`href="/portal/antrag/${id}/schritt/anschrift?zurueck=abschluss"`);
    // the review page: complete, every section, "ändern" → step → back to the review
    const pruefen = await get(jar, `/portal/antrag/${id}/pruefen`);
    expect(pruefen.body).not.toContain('Es fehlen noch Angaben');
    expect(pruefen.body).toContain('400,00');
    expect(pruefen.body).toContain(`href="/portal/antrag/${id}/schritt/wohnkosten?zurueck=pruefen"`);
    const aendern = await get(jar, `/portal/antrag/${id}/schritt/wohnkosten?zurueck=pruefen`);
    expect(aendern.body).toContain(`action="/portal/antrag/${id}/schritt/wohnkosten?zurueck=pruefen"`);
    const zurueck = await schritt(jar, `/portal/antrag/${id}/schritt/wohnkosten?zurueck=pruefen`, { grundmieteCent: '410', nebenkostenCent: '90', heizkostenCent: '60', heizungsart: 'etage', warmwasserDezentral: 'nein', wohnflaecheQm: '45' });
    expect(zurueck).toBe(`/portal/antrag/${id}/pruefen`);
    const danach = await get(jar, zurueck);
    expect(danach.body).toContain('410,00');
    expect(danach.body).toContain(`href="/portal/antrag/${id}/schritt/zusammenfassung"`);
    // an unknown return target is ignored (no free redirect)
    const fremd = await schritt(jar, `/portal/antrag/${id}/schritt/wohnkosten?zurueck=https://evil.example`, { grundmieteCent: '410', nebenkostenCent: '90', heizkostenCent: '60', heizungsart: 'etage', warmwasserDezentral: 'nein', wohnflaecheQm: '45' });
    expect(fremd).toBe(`/portal/antrag/${id}/schritt/einkommen-frage`);
    // declarations, then the submission page links back to the review
    const absenden = await schritt(jar, `/portal/antrag/${id}/schritt/zusammenfassung`, { richtig: '1', mitwirkung: '1' });
    expect(absenden).toBe(`/portal/antrag/${id}/absenden`);
    expect((await get(jar, absenden)).body).toContain(`href="/portal/antrag/${id}/pruefen"`);
    const daten = (await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: jar.header() } })).json().daten;
    expect(daten.antragsteller.staatsangehoerigkeit).toBe('DE');
  });

  it('the portal links appointment booking', async () => {
    const seite = await get(buerger, '/portal');
    expect(seite.body).toContain('href="/termine"');
  });
});

describe('Follow-up of unfinished applications', () => {
  it('staff see unfinished drafts (Standort-scoped) and citizens get one reminder mail', async () => {
    const seite = await get(leistung, '/online-eingang');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Zweite Person');
    expect(seite.body).toContain('zweite@musterland.example');
    // a citizen may not open the staff page
    expect((await get(zweite, '/online-eingang')).statusCode).toBe(403);
    // another Träger's staff see nothing of it
    const fremd = await signIn(t.app, 'admin@beispielstadt.example');
    const fremdSeite = await get(fremd, '/online-eingang');
    expect(fremdSeite.body).not.toContain('Zweite Person');

    expect(await erinnereAnEntwuerfe({ ctx: t.ctx })).toBe(0); // nothing is old enough yet
    const spaeter = new Date(t.ctx.clock.now().getTime() + 4 * 24 * 3600 * 1000);
    const n = await erinnereAnEntwuerfe({ ctx: t.ctx, jetzt: spaeter });
    expect(n).toBeGreaterThanOrEqual(1);
    const mail = await t.mail.waitFor((m) => m.to.includes('zweite@musterland.example') && m.subject.includes('noch nicht abgeschickt'));
    expect(mail.text).toContain('/portal/antrag/');
    expect(await erinnereAnEntwuerfe({ ctx: t.ctx, jetzt: spaeter })).toBe(0); // once per draft
  });
});

describe('Anspruch prüfen (public pre-check)', () => {
  const fakten = {
    geburtsdatum: '1990-05-05',
    partner: 'ja',
    partnerGeburtsdatum: '1991-01-01',
    kind1: '2019-03-03',
    kindergeld: '255',
    grundmiete: '500',
    nebenkosten: '100',
    heizkosten: '80',
    brutto: '1000',
    netto: '800',
  };

  it('shows the amount the engine computes for the same facts, anonymously, storing nothing in the database', async () => {
    const { berechne } = await import('../../src/domain/berechnung/index.ts');
    const { euroText } = await import('../../src/domain/berechnung/geld.ts');
    const monat = heute().slice(0, 7);
    const erwartet = berechne({
      version: 1,
      zeitraum: monat,
      leistungsbeginn: monat,
      bewilligungszeitraumBeginn: monat,
      personen: [
        { id: 'antragsteller', rolle: 'antragsteller', geburtsdatum: '1990-05-05', einkommen: [{ art: 'erwerbstaetigkeit', brutto: 1000, netto: 800 }] },
        { id: 'partner', rolle: 'partner', geburtsdatum: '1991-01-01' },
        { id: 'k1', rolle: 'kind', geburtsdatum: '2019-03-03', einkommen: [{ art: 'kindergeld', betrag: 255 }] },
      ],
      unterkunft: { grundmiete: 500, nebenkosten: 100, heizkosten: 80 },
    });
    expect(erwartet.auszahlung).toBeGreaterThan(0);
    const zaehle = async () =>
      (await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select (select count(*) from antrag_entwuerfe)::int + (select count(*) from audit_log)::int as n`))).rows[0]!.n;
    const vorher = await zaehle();
    const anonym = new CookieJar();
    // the form posts (with the CSRF token): no figure in any URL
    const seite = await get(anonym, '/anspruch-pruefen');
    expect(seite.body).toMatch(/<form [^>]*action="\/anspruch-pruefen" method="post"/);
    expect(seite.body).not.toContain('method="get"');
    const res = await postForm(t.app, anonym, '/anspruch-pruefen', fakten);
    expect(res.statusCode).toBe(200);
    const betrag = /data-testid="betrag">([^<]+)</.exec(res.body)![1]!;
    expect(betrag.replace(/&nbsp;|\u00a0/g, ' ')).toContain(euroText(Math.round(erwartet.auszahlung * 100)).replace(/\u00a0/g, ' '));
    expect(res.body).toContain(erwartet.schritte[0]!.text.replace(/&/g, '&amp;').slice(0, 30));
    expect(await zaehle()).toBe(vorher);
    // the link to the application carries no figures
    const link = /href="(\/portal\/antrag\/neu[^"]*)"/.exec(res.body)![1]!.replace(/&amp;/g, '&');
    expect(link).toBe('/portal/antrag/neu?flow=erstantrag&vorpruefung=1');
    // the answers wait in a sealed, httpOnly, SameSite=Lax cookie with a short lifetime — never readable in clear
    const cookie = (res.cookies as Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string; maxAge?: number }>).find((c) => c.name === 'vorort_vorpruefung')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.maxAge).toBeLessThanOrEqual(4 * 3600);
    expect(cookie.value).not.toContain('1990');
    expect(cookie.value).not.toContain('500');
    // coming back shows the answers and the result again (e.g. after looking at the sign-in page)
    const wieder = await get(anonym, '/anspruch-pruefen');
    expect(wieder.body).toContain('data-testid="betrag"');
    expect(wieder.body).toContain('value="500"');
    // a tampered cookie is ignored
    const fremd = new CookieJar();
    const kaputt = await t.app.inject({ url: '/anspruch-pruefen', headers: { cookie: `vorort_vorpruefung=${cookie.value.slice(0, -4)}AAAA` } });
    expect(kaputt.statusCode).toBe(200);
    expect(kaputt.body).not.toContain('data-testid="betrag"');
    void fremd;
    // "delete my answers" removes the cookie
    const weg = await postForm(t.app, anonym, '/anspruch-pruefen', { _aktion: 'vergessen' });
    expect(weg.statusCode).toBe(200);
    expect(anonym.get('vorort_vorpruefung')).toBeUndefined();
    // invalid input: message next to the field, no result, no cookie
    const falsch = await postForm(t.app, new CookieJar(), '/anspruch-pruefen', { geburtsdatum: 'kein-datum' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte geben Sie ein gültiges Datum an');
    expect((falsch.cookies as Array<{ name: string }>).some((c) => c.name === 'vorort_vorpruefung')).toBe(false);
    // without the CSRF token the post is refused
    const ohne = await postForm(t.app, new CookieJar(), '/anspruch-pruefen', fakten, { csrf: null });
    expect(ohne.statusCode).toBe(403);
    // English
    const enJar = new CookieJar();
    const en = await postForm(t.app, enJar, '/anspruch-pruefen?lang=en', fakten);
    expect(en.body).toContain('Your estimated entitlement');
    // the calculation steps in the page's language; the norms stay German and are marked so
    expect(en.body).toContain('Standard needs (Regelbedarf), level 2: you');
    expect(en.body).toContain('Child benefit (Kindergeld): child 1');
    expect(en.body).toContain('lang="de">§ 20 Abs. 4 SGB II</span>');
    expect(en.body).not.toContain('Regelbedarf Stufe 2 für antragsteller');
    const tr = await postForm(t.app, new CookieJar(), '/anspruch-pruefen?lang=tr', fakten);
    expect(tr.body).toContain('Temel ihtiyaç (Regelbedarf), seviye 2: siz');
  });

  it('sign-in from the pre-check starts the real application pre-filled; the cookie is used up', async () => {
    await neuerBuerger('dritte@musterland.example', 'Dritte Person');
    const dritte = await signIn(t.app, 'dritte@musterland.example');
    await postForm(t.app, dritte, '/anspruch-pruefen', fakten);
    expect(dritte.get('vorort_vorpruefung')).toBeTruthy();
    const seite = await get(dritte, '/portal/antrag/neu?flow=erstantrag&vorpruefung=1');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Antrag mit Ihren Angaben beginnen');
    expect(seite.body).not.toContain('500');
    const start = await schritt(dritte, '/portal/antrag/neu', { flow: 'erstantrag' });
    expect(dritte.get('vorort_vorpruefung')).toBeUndefined();
    const id = start.split('/')[3]!;
    const api = await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: dritte.header() } });
    const daten = api.json().daten;
    expect(daten.antragsdatum).toBeUndefined(); // set only when the person states that they apply
    // the pre-check's answers plus the account's name and e-mail
    expect(daten.antragsteller).toEqual({ geburtsdatum: '1990-05-05', vorname: 'Dritte', nachname: 'Person' });
    expect(daten.kontakt).toEqual({ email: 'dritte@musterland.example' });
    expect(daten.haushalt).toEqual({ partner: true, kinder: true, weiterePersonen: false });
    expect(daten.unterkunft).toMatchObject({ wohnform: 'miete', grundmieteCent: 50000 });
  });

  it('a pre-check restored into an open draft never overwrites the answers given there', async () => {
    await neuerBuerger('vierte@musterland.example', 'Vierte Person');
    const vierte = await signIn(t.app, 'vierte@musterland.example');
    const { id, url } = await starte(vierte);
    let u = await schritt(vierte, url, { beantragt: '1' });
    u = await schritt(vierte, u, { vorname: 'Vera', nachname: 'Vier', geburtsdatum: '1970-02-02', geschlecht: 'w', staatsangehoerigkeit: 'deutsch' });
    await postForm(t.app, vierte, '/anspruch-pruefen', fakten);
    const wieder = await schritt(vierte, '/portal/antrag/neu', { flow: 'erstantrag' });
    expect(wieder).toBe(`/portal/antrag/${id}`);
    const daten = (await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: vierte.header() } })).json().daten;
    expect(daten.antragsteller).toMatchObject({ vorname: 'Vera', nachname: 'Vier', geburtsdatum: '1970-02-02', staatsangehoerigkeit: 'DE' });
    expect(daten.antragsdatum).toBeTruthy();
    // gaps are filled from the pre-check
    expect(daten.unterkunft).toMatchObject({ grundmieteCent: 50000 });
  });
});

describe('the way from the pre-check through registration', () => {
  it('keeps `weiter` (a local path only) through sign-in, registration and the confirmation mail', async () => {
    const ziel = '/portal/antrag/neu?flow=erstantrag&vorpruefung=1';
    const anmelden = await t.app.inject({ url: `/anmelden?weiter=${encodeURIComponent(ziel)}` });
    expect(anmelden.body).toContain(`href="/registrieren?weiter=${encodeURIComponent(ziel).replace(/&/g, '&amp;')}"`);
    const jar = new CookieJar();
    const reg = await get(jar, `/registrieren?weiter=${encodeURIComponent(ziel)}`);
    expect(reg.body).toContain(`name="weiter" value="${ziel.replace(/&/g, '&amp;')}"`);
    const res = await postForm(t.app, jar, `/registrieren?weiter=${encodeURIComponent(ziel)}`, {
      name: 'Neue Person',
      email: 'neu-weiter@example.org',
      password: 'ein-sicheres-passwort',
      password2: 'ein-sicheres-passwort',
      weiter: ziel,
    });
    expect(res.statusCode).toBe(302);
    const mail = await t.mail.waitFor((m) => m.to.includes('neu-weiter@example.org'));
    const link = /(https?:\/\/\S+\/registrieren\/bestaetigen\?\S+)/.exec(mail.text)![1]!;
    expect(new URL(link).searchParams.get('weiter')).toBe(ziel);
    const pfad = link.replace(/^https?:\/\/[^/]+/, '');
    const bestaetigen = await get(jar, pfad);
    expect(bestaetigen.body).toContain(`action="/registrieren/bestaetigen?weiter=${encodeURIComponent(ziel).replace(/&/g, '&amp;')}"`);
    const token = new URL(link).searchParams.get('token')!;
    const ok = await postForm(t.app, jar, `/registrieren/bestaetigen?weiter=${encodeURIComponent(ziel)}`, { token });
    expect(ok.body).toContain(`href="/anmelden?weiter=${encodeURIComponent(ziel).replace(/&/g, '&amp;')}"`);
    // sign-in leads to the target
    const login = await postForm(t.app, jar, '/anmelden', { email: 'neu-weiter@example.org', password: 'ein-sicheres-passwort', weiter: ziel });
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toBe(ziel);
  });

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x'])('never redirects to another site: %j', async (boese) => {
    const { lokalesZiel } = await import('../../src/server/auth/register.ts');
    const ziel = lokalesZiel(boese);
    expect(ziel === undefined || new URL(ziel, 'https://vorort.example').host === 'vorort.example').toBe(true);
    const reg = await t.app.inject({ url: `/registrieren?weiter=${encodeURIComponent(boese)}` });
    expect(reg.body).not.toContain('evil.example');
    const login = await postForm(t.app, new CookieJar(), '/anmelden', { email: 'buerger@musterland.example', password: 'vorort-demo', weiter: boese });
    expect(login.statusCode).toBe(302);
    expect(String(login.headers.location)).toMatch(/^\/(?!\/)/);
    expect(String(login.headers.location)).not.toContain('evil.example');
  });
});

describe('Kommune from the PLZ', () => {
  it('the Verwaltung lists a Kommune\'s PLZ; the submission derives the Kommune from it and asks only when ambiguous', async () => {
    const admin = await signIn(t.app, 'admin@musterland.example');
    const kommuneId = await musterstadt();
    const seite = await get(admin, `/verwaltung/kommunen/${kommuneId}`);
    expect(seite.statusCode).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(seite.body)![1]!;
    const falsch = await postForm(t.app, admin, `/verwaltung/kommunen/${kommuneId}`, { name: 'Musterstadt', ags: '', postleitzahlen: '12345, 1234', version });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Postleitzahlen mit genau 5 Ziffern');
    const ok = await postForm(t.app, admin, `/verwaltung/kommunen/${kommuneId}`, { name: 'Musterstadt', ags: '', postleitzahlen: '12346 12345', version });
    expect(ok.statusCode, ok.body.slice(0, 800)).toBe(302);
    const gespeichert = await t.ctx.db.withSystem((tx) => tx.execute<{ postleitzahlen: string[] }>(sql`select postleitzahlen from kommunen where id = ${kommuneId}`));
    expect(gespeichert.rows[0]!.postleitzahlen).toEqual(['12345', '12346']);

    // unique: the citizen is not asked, the Antrag goes to Musterstadt's Standort
    await neuerBuerger('plz@musterland.example', 'Paula Plz');
    const paula = await signIn(t.app, 'plz@musterland.example');
    const { id, url } = await starte(paula);
    const absenden = await fuelleErstantrag(paula, url);
    const formular = await get(paula, absenden);
    expect(formular.body).toContain('nach der Postleitzahl: Musterstadt');
    expect(formular.body).not.toContain('name="kommuneId"');
    expect(await schritt(paula, absenden, {})).toBe(`/portal/antrag/${id}/eingegangen`);
    const antrag = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ kommune: string }>(sql`select k.name as kommune from antraege a join standorte s on s.id = a.standort_id join kommunen k on k.id = s.kommune_id where a.id = (select antrag_id from antrag_entwuerfe where id = ${id})`),
    );
    expect(antrag.rows[0]!.kommune).toBe('Musterstadt');

    // ambiguous: a second Kommune lists the same PLZ → the citizen chooses between the two
    await t.ctx.db.withSystem((tx) => tx.execute(sql`update kommunen set postleitzahlen = '{12345}' where name <> 'Musterstadt' and traeger_id = (select traeger_id from kommunen where id = ${kommuneId})`));
    await neuerBuerger('plz2@musterland.example', 'Piet Plz');
    const piet = await signIn(t.app, 'plz2@musterland.example');
    const zweiter = await starte(piet);
    const absenden2 = await fuelleErstantrag(piet, zweiter.url);
    const auswahl = await get(piet, absenden2);
    expect(auswahl.body).toContain('name="kommuneId"');
    const optionen = [...auswahl.body.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const anzahl = await t.ctx.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from kommunen where '12345' = any(postleitzahlen)`));
    expect(anzahl.rows[0]!.n).toBeGreaterThan(1);
    expect(optionen).toHaveLength(anzahl.rows[0]!.n);
    const ohne = await postForm(t.app, piet, absenden2, {});
    expect(ohne.statusCode).toBe(400);
  });
});

/** Runs `f` with a mailer that talks real SMTP to a port nobody listens on. */
async function ohneMailserver<T>(f: () => Promise<T>): Promise<T> {
  const echt = t.ctx.mailer;
  const tot = await startMailCatcher();
  const port = tot.port;
  await tot.close();
  t.ctx.mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: t.ctx.config.mailFrom });
  try {
    return await f();
  } finally {
    t.ctx.mailer.close();
    t.ctx.mailer = echt;
  }
}
const imAusgang = async (to: string) => (await ausgangFuer(t, to)).map((r) => ({ anlass: r.anlass, versuche: r.versuche, fehler_code: r.fehlerCode }));
/** The outbox job's next run for this recipient (its back-off has passed). */
async function jobLaeuft(to: string) {
  await sofortFaellig(t, (await ausgangFuer(t, to)).map((r) => r.id));
  expect(await versendeMails({ ctx: t.ctx })).toBeGreaterThanOrEqual(1);
}

describe('Portal mails through the outbox', () => {
  it('mail server down: the submission succeeds, the Eingangsbestätigung waits in the outbox and is sent once the server is back', async () => {
    await neuerBuerger('ohne.smtp@musterland.example', 'Olga Ohnepost');
    const olga = await signIn(t.app, 'ohne.smtp@musterland.example');
    const { id, url } = await starte(olga);
    const absenden = await fuelleErstantrag(olga, url);
    // (the PLZ test before made 12345 ambiguous: the citizen names the Kommune)
    const res = await ohneMailserver(async () => postForm(t.app, olga, absenden, { kommuneId: await musterstadt() }));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/portal/antrag/${id}/eingegangen`);
    const row = await entwurfRow(id);
    expect(row.status).toBe('eingereicht');
    // the Postfach has the Eingangsbestätigung; the mail is kept, not lost
    const nachricht = await t.ctx.db.withSystem((tx) => tx.execute<{ art: string }>(sql`select art from postfach_nachrichten where antrag_id = ${row.antrag_id}`));
    expect(nachricht.rows.map((r) => r.art)).toEqual(['eingangsbestaetigung']);
    expect(await imAusgang('ohne.smtp@musterland.example')).toEqual([{ anlass: 'portal_eingangsbestaetigung', versuche: 1, fehler_code: 'ESOCKET' }]);
    expect(t.mail.messages.some((m) => m.to.includes('ohne.smtp@musterland.example'))).toBe(false);

    await jobLaeuft('ohne.smtp@musterland.example');
    const mail = await t.mail.waitFor((m) => m.to.includes('ohne.smtp@musterland.example'));
    expect(mail.subject).toContain('Eingangsbestätigung');
    expect(mail.text).toContain(heute().split('-').toReversed().join('.'));
    expect(await imAusgang('ohne.smtp@musterland.example')).toEqual([]);
  });

  it('mail server down: the draft reminder is queued once and sent later, never twice', async () => {
    await neuerBuerger('erinnerung.tot@musterland.example', 'Rita Reminder');
    const rita = await signIn(t.app, 'erinnerung.tot@musterland.example');
    const { id } = await starte(rita);
    const spaeter = new Date(t.ctx.clock.now().getTime() + 4 * 24 * 3600 * 1000);
    const n = await ohneMailserver(() => erinnereAnEntwuerfe({ ctx: t.ctx, jetzt: spaeter }));
    expect(n).toBeGreaterThanOrEqual(1);
    expect(await imAusgang('erinnerung.tot@musterland.example')).toEqual([{ anlass: 'portal_erinnerung', versuche: 1, fehler_code: 'ESOCKET' }]);
    const erinnert = await t.ctx.db.withSystem((tx) => tx.execute<{ am: Date | null }>(sql`select erinnerung_gesendet_am as am from antrag_entwuerfe where id = ${id}`));
    expect(erinnert.rows[0]!.am).not.toBeNull();
    // the next hourly run does not queue it again
    expect(await erinnereAnEntwuerfe({ ctx: t.ctx, jetzt: spaeter })).toBe(0);
    expect(await imAusgang('erinnerung.tot@musterland.example')).toHaveLength(1);

    await jobLaeuft('erinnerung.tot@musterland.example');
    const mail = await t.mail.waitFor((m) => m.to.includes('erinnerung.tot@musterland.example'));
    expect(mail.text).toContain(`/portal/antrag/${id}`);
    expect(await imAusgang('erinnerung.tot@musterland.example')).toEqual([]);
  });
});

describe('mails of the system', () => {
  it('contain absolute links only (no href="/…", no bare /portal/… path)', () => {
    // every mail this file made the system send: registration, Eingangsbestätigung, reminders …
    expect(t.mail.messages.length).toBeGreaterThanOrEqual(4);
    const relativ = /href=["']\/(?!\/)|(^|[\s(<"'„:])\/(portal|anmelden|registrieren|termine|passwort|anspruch-pruefen)\b/m;
    for (const m of t.mail.messages) {
      expect(relativ.test(m.text), `${m.subject}: ${m.text}`).toBe(false);
      expect(m.html ? relativ.test(m.html) : false, `${m.subject} (HTML)`).toBe(false);
      expect(m.text).toMatch(/https?:\/\/\S+/);
    }
  });
});
