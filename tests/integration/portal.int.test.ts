import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versendeMails } from '../../src/mail/ausgang.ts';
import { startMailCatcher } from '../../src/mail/mail-catcher.ts';
import { createMailer } from '../../src/mail/mailer.ts';
import { erinnereAnEntwuerfe } from '../../src/server/portal/erinnerung.ts';
import { createTestApp, csrfFor, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
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

const heute = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

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
  u = await schritt(jar, u, { einkommenVorhanden: 'ja' });
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
    expect(daten.unterkunft).toEqual({ grundmieteCent: 52000, nebenkostenCent: 11000, heizkostenCent: 8550 });
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
    const spaeter = new Date(Date.now() + 4 * 24 * 3600 * 1000);
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

  it('shows the amount the engine computes for the same facts, anonymously, storing nothing', async () => {
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
    const res = await t.app.inject({ url: `/anspruch-pruefen?berechnen=1&${new URLSearchParams(fakten).toString()}` });
    expect(res.statusCode).toBe(200);
    const betrag = /data-testid="betrag">([^<]+)</.exec(res.body)![1]!;
    expect(betrag.replace(/&nbsp;|\u00a0/g, ' ')).toContain(euroText(Math.round(erwartet.auszahlung * 100)).replace(/\u00a0/g, ' '));
    expect(res.body).toContain(erwartet.schritte[0]!.text.replace(/&/g, '&amp;').slice(0, 30));
    expect(await zaehle()).toBe(vorher);
    // invalid input: message next to the field, no result
    const falsch = await t.app.inject({ url: '/anspruch-pruefen?berechnen=1&geburtsdatum=kein-datum' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte geben Sie ein gültiges Datum an');
    // English
    const en = await t.app.inject({ url: `/anspruch-pruefen?lang=en&berechnen=1&${new URLSearchParams(fakten).toString()}` });
    expect(en.body).toContain('Your estimated entitlement');
    // the calculation steps in the page's language; the norms stay German and are marked so
    expect(en.body).toContain('Standard needs (Regelbedarf), level 2: you');
    expect(en.body).toContain('Child benefit (Kindergeld): child 1');
    expect(en.body).toContain('<td class="kern-table__cell" lang="de">§ 20 Abs. 4 SGB II</td>');
    expect(en.body).not.toContain('Regelbedarf Stufe 2 für antragsteller');
    const tr = await t.app.inject({ url: `/anspruch-pruefen?lang=tr&berechnen=1&${new URLSearchParams(fakten).toString()}` });
    expect(tr.body).toContain('Temel ihtiyaç (Regelbedarf), seviye 2: siz');
  });

  it('the link starts the real application pre-filled with these answers', async () => {
    await neuerBuerger('dritte@musterland.example', 'Dritte Person');
    const dritte = await signIn(t.app, 'dritte@musterland.example');
    const url = `/portal/antrag/neu?${new URLSearchParams({ flow: 'erstantrag', ...fakten }).toString()}`;
    const seite = await get(dritte, url);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('name="grundmiete" value="500"');
    const felder = Object.fromEntries([...seite.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]).filter(([k]) => k !== '_csrf'));
    const start = await schritt(dritte, '/portal/antrag/neu', felder);
    const id = start.split('/')[3]!;
    const api = await t.app.inject({ url: `/api/portal/entwuerfe/${id}`, headers: { cookie: dritte.header() } });
    const daten = api.json().daten;
    expect(daten.antragsdatum).toBeUndefined(); // set only when the person states that they apply
    expect(daten.antragsteller).toEqual({ geburtsdatum: '1990-05-05' });
    expect(daten.haushalt).toEqual({ partner: true, kinder: true, weiterePersonen: false });
    expect(daten.unterkunft).toMatchObject({ wohnform: 'miete', grundmieteCent: 50000 });
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
    const spaeter = new Date(Date.now() + 4 * 24 * 3600 * 1000);
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
