import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { euroText } from '../../src/domain/berechnung/geld.ts';
import type { Actor } from '../../src/server/context.ts';
import { zahllauf } from '../../src/server/zahlung/zahllauf.ts';
import { createTestApp, postForm, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

// Aufrechnung (§ 43 SGB II): declaration with Aufrechnungsbescheid, deduction in the idempotent Zahllauf (issue 4).
let t: TestApp;
let musterland: string;
let musterstadt: string;
const jars: Record<string, CookieJar> = {};
const ordner = mkdtempSync(join(tmpdir(), 'vorort-aufrechnung-'));

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
const seite = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: jars[who]!.header() } });
const sys = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(q))).rows;

function textAusPdf(pdf: Buffer, name: string): string {
  const datei = join(ordner, `${name}.pdf`);
  writeFileSync(datei, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', datei, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function actorFor(email: string): Promise<Actor> {
  const r = await sys<{ id: string; name: string; roles: string[] }>(sql`select id, name, roles from users where email = ${email}`);
  const u = r[0]!;
  return { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: [], sessionId: 'test', requestId: 'test' };
}

/** Single parent (Mara, Regelbedarfsstufe 1) with a child, Erstantrag 12 June 2024, small earnings; decided and paid June–August. */
async function fallMitForderung(nachname: string, iban: string) {
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2024-06-12',
    eingangskanal: 'papier',
    personen: [
      { ref: 'a', vorname: 'Mara', nachname, geburtsdatum: '1990-02-01', staatsangehoerigkeit: 'DE', rolle: 'antragsteller', einkommen: [{ art: 'erwerbstaetigkeit', bezeichnung: 'Kiosk', bruttoCent: 60000, nettoCent: 52000 }] },
      { ref: 'k', vorname: 'Tim', nachname, geburtsdatum: '2016-04-04', staatsangehoerigkeit: 'DE', rolle: 'kind', einkommen: [{ art: 'kindergeld', betragCent: 25000 }] },
    ],
    adresse: { strasse: 'Am Markt', hausnummer: '7', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban, kontoinhaber: `Mara ${nachname}` },
    unterkunft: { grundmieteCent: 45000, nebenkostenCent: 9000, heizkostenCent: 8000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  const bgId = res.json().bg.id as string;
  const b = (await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).json().bewilligung;
  const fr = (await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version })).json().bewilligung;
  expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-07' })).statusCode).toBe(200);
  // reported late: Mara earns more from July → July and August were overpaid (Erstattungsforderung, § 50 SGB X)
  const akte = (await api('leistung', 'GET', `/api/faelle/${bgId}`)).json();
  const mara = akte.zustand.personen.find((p: { vorname: string }) => p.vorname === 'Mara');
  const einkommen = akte.daten?.einkommen?.find?.((e: { personId: string }) => e.personId === mara.id) ?? mara.einkommen?.[0];
  const e = await api('leistung', 'POST', `/api/faelle/${bgId}/einkommen`, {
    version: akte.bg.version,
    ab: '2024-07-01',
    personId: mara.id,
    einkommenId: einkommen.id,
    einkommen: { art: 'erwerbstaetigkeit', bezeichnung: 'Kiosk', bruttoCent: 90000, nettoCent: 72000 },
  });
  expect(e.statusCode, e.body).toBe(200);
  const a = (await api('leistung', 'POST', `/api/bewilligungen/${fr.id}/aenderung`, { ab: '2024-07-01', grund: 'Höherer Lohn', version: fr.version })).json();
  const frei = await api('leistung', 'POST', `/api/bewilligungen/${a.bewilligung.id}/freigeben`, { version: a.bewilligung.version });
  expect(frei.json().bewilligung?.status, frei.body).toBe('bewilligt');
  const f = (await api('leistung', 'GET', '/api/erstattungsforderungen?stand=offen')).json().forderungen.find((x: { bgId: string }) => x.bgId === bgId);
  expect(f, 'Erstattungsforderung').toBeDefined();
  return { bgId, maraId: mara.id as string, forderung: f as { id: string; betragCent: number; offenCent: number; version: number } };
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  musterland = (await sys<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))[0]!.id;
  musterstadt = (await sys<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))[0]!.id;
  for (const who of ['leistung', 'integration', 'teamleitung', 'admin', 'controlling']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  jars.fremd = await signIn(t.app, 'admin@beispielstadt.example');
  const regeln = { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: null, ablehnung: false, aufhebung: false, erstbewilligung: false };
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(ordner, { recursive: true, force: true });
});

describe('Aufrechnung (§ 43 SGB II)', () => {
  let fall: Awaited<ReturnType<typeof fallMitForderung>>;
  let aufrechnungId: string;

  it('is declared by a Verwaltungsakt: 10 % of the Regelbedarf, Aufrechnungsbescheid as PDF; bad input and rights', async () => {
    fall = await fallMitForderung('Aufrechnung', 'DE02120300000000202051');
    const f = fall.forderung;
    const eingabe = {
      personId: fall.maraId,
      ab: '2024-09',
      tatbestand: 'einkommen',
      grund: 'Keine besondere Härte erkennbar; Ratenzahlung nicht vereinbart.',
      anhoerungAm: '2024-08-20',
      version: f.version,
    };
    expect((await api('integration', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, eingabe)).statusCode).toBe(403);
    expect((await api('fremd', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, eingabe)).statusCode).toBe(404);
    const falsch = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, personId: '00000000-0000-4000-8000-000000000000', ab: '09/2024', grund: ' ' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['ab', 'grund', 'personId']);
    expect((await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, version: 99 })).json().error).toBe('version_conflict');
    const ohneLeistung = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, ab: '2025-09' });
    expect(ohneLeistung.json().error).toBe('keine_laufende_leistung');
    // August is already paid (Zahllauf 07/2024 paid up to 08/2024): the Aufrechnung cannot reach back
    const gezahlt = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, ab: '2024-08' });
    expect(gezahlt.statusCode).toBe(400);
    expect(gezahlt.json().issues).toEqual([expect.objectContaining({ path: 'ab', code: 'monat_bereits_gezahlt' })]);
    // Anhörung (§ 24 SGB X): required, not in the future; the exception Nr. 7 only below 70 €
    const ohneAnhoerung = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, anhoerungAm: null });
    expect(ohneAnhoerung.json().issues).toEqual([expect.objectContaining({ path: 'anhoerungAm', code: 'anhoerung_fehlt' })]);
    const zukunft = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, anhoerungAm: '2099-01-01' });
    expect(zukunft.json().issues).toEqual([expect.objectContaining({ path: 'anhoerungAm', code: 'datum_zukunft' })]);
    const ausnahme = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, anhoerungAm: null, anhoerungAusnahme: 'nr7' });
    expect(f.offenCent).toBeGreaterThanOrEqual(7000);
    expect(ausnahme.json().issues).toEqual([expect.objectContaining({ path: 'anhoerungAusnahme', code: 'ausnahme_unzulaessig' })]);

    const res = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, eingabe);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    aufrechnungId = r.aufrechnung.id;
    // Regelbedarfsstufe 1 in 2024: 563 € → 10 % = 56.30 €
    expect(r.ersterBetragCent).toBe(5630);
    expect(r.aufrechnung).toMatchObject({ prozent: 10, abMonat: '2024-09', bisMonat: '2027-08', status: 'laufend', tatbestand: 'einkommen' });
    expect(r.aufrechnung.norm).toContain('§ 43 Abs. 1, Abs. 2 S. 1 SGB II');
    const text = textAusPdf((await api('leistung', 'GET', `/api/bescheide/${r.bescheid.id}.pdf`)).rawPayload, 'aufrechnung');
    expect(text).toContain('Aufrechnungsbescheid');
    expect(text).toContain('Mara Aufrechnung');
    expect(text).toContain('ab 01.09.2024');
    expect(text).toContain(euroText(5630));
    expect(text).toContain(euroText(f.betragCent));
    expect(text).toContain('§ 43 Abs. 4 SGB II');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    // a Widerspruch has aufschiebende Wirkung: § 39 SGB II does not name the Aufrechnung
    expect(text).toContain('aufschiebende Wirkung (§ 86a Abs. 1 SGG');
    expect(text).not.toContain('keine aufschiebende Wirkung');
    expect(r.aufrechnung).toMatchObject({ anhoerungAm: '2024-08-20', anhoerungAusnahme: null });
    // listed with the Bescheide of the case; a second Aufrechnung of the same Forderung is refused
    const liste = (await api('leistung', 'GET', `/api/faelle/${fall.bgId}/bewilligungen`)).json();
    expect(liste.bescheide.map((b: { art: string }) => b.art)).toContain('aufrechnung');
    const detail = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json();
    expect(detail.aufrechnungen).toHaveLength(1);
    const nochmal = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, { ...eingabe, version: detail.version });
    expect(nochmal.json().error).toBe('aufrechnung_laeuft');
    const html = (await seite('leistung', `/erstattungen/${f.id}`)).body;
    expect(html).toContain('10 % des Regelbedarfs ab 09/2024');
    expect(html).toContain(`href="/api/bescheide/${r.bescheid.id}.pdf"`);
  });

  it('the Zahllauf deducts it with the payment; crash after every payment resumes without double or missing deductions', async () => {
    const brutto = (await sys<{ a: number }>(sql`select m.auszahlung_cent::int as a from bewilligung_monate m join bewilligungen b on b.id = m.bewilligung_id
      where b.bg_id = ${fall.bgId} and b.status = 'bewilligt' and m.monat = '2024-09'`))[0]!.a;
    const actor = await actorFor('leistung@musterland.example');
    let abstuerze = 0;
    const meldungen = new Set<string>();
    for (;;) {
      try {
        await zahllauf({
          ctx: t.ctx,
          actor,
          zahlmonat: '2024-08',
          batchGroesse: 1,
          nachBatch: (nr) => {
            if (nr === 1) throw new Error('Absturz simuliert');
          },
        });
        break;
      } catch (err) {
        meldungen.add((err as Error).message);
        abstuerze++;
        if (abstuerze > 200) throw err;
      }
    }
    // every run stopped after its first committed payment until nothing was left to pay
    expect(abstuerze).toBeGreaterThan(0);
    expect([...meldungen]).toEqual(['Absturz simuliert']);
    const z = await sys<{ betrag_cent: number; aufrechnung_cent: number; id: string; verwendungszweck: string }>(
      sql`select id, betrag_cent::int, aufrechnung_cent::int, verwendungszweck from zahlungen where bg_id = ${fall.bgId} and leistungsmonat = '2024-09'`,
    );
    expect(z).toHaveLength(1);
    expect(z[0]).toMatchObject({ betrag_cent: brutto - 5630, aufrechnung_cent: 5630 });
    expect(z[0]!.verwendungszweck).toContain('abzgl. Aufrechnung 56,30 EUR');
    // cost bookings stay the gross benefit
    const gebucht = await sys<{ s: number }>(sql`select sum(betrag_cent)::int as s from buchungen where zahlung_id = ${z[0]!.id}`);
    expect(gebucht[0]!.s).toBe(brutto);
    const vorgaenge = await sys<{ betrag_cent: number; zahlung_id: string }>(sql`select betrag_cent::int, zahlung_id from erstattung_vorgaenge where forderung_id = ${fall.forderung.id} and art = 'aufrechnung'`);
    expect(vorgaenge).toEqual([{ betrag_cent: 5630, zahlung_id: z[0]!.id }]);
    const offen = (await api('leistung', 'GET', `/api/erstattungsforderungen/${fall.forderung.id}`)).json();
    expect(offen.offenCent).toBe(fall.forderung.betragCent - 5630);
    expect(offen.vorgaenge.at(-1)).toMatchObject({ art: 'aufrechnung', betragCent: 5630 });
    // a second run of the month: nothing twice
    const zweiter = (await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-08' })).json();
    expect(zweiter.neu).toBe(0);
    expect((await sys<{ n: number }>(sql`select count(*)::int as n from erstattung_vorgaenge where forderung_id = ${fall.forderung.id} and art = 'aufrechnung'`))[0]!.n).toBe(1);
    // the SEPA file of the run carries the reduced amounts (control sum = sum of the payments)
    const lauf = (await sys<{ pain001: string; summe_cent: number }>(sql`select pain001, summe_cent::int from zahllaeufe where zahlmonat = '2024-08' and status = 'fertig' order by nr desc limit 1`))[0]!;
    const summe = (await sys<{ s: number }>(sql`select sum(betrag_cent)::int as s from zahlungen where zahlmonat = '2024-08'`))[0]!.s;
    expect(lauf.summe_cent).toBe(summe);
    expect(lauf.pain001).toContain(`<CtrlSum>${(summe / 100).toFixed(2)}</CtrlSum>`);
    // Kosten: expenditure is the gross benefit (bookings), the Aufrechnung a separate line
    const kosten = (await api('controlling', 'GET', '/api/kosten?monat=2024-08')).json();
    const gesamt = (await sys<{ s: number }>(sql`select sum(betrag_cent)::int as s from buchungen where zahlmonat = '2024-08'`))[0]!.s;
    expect(kosten.imMonat.gesamtCent).toBe(gesamt);
    expect(kosten.aufrechnung.imMonatCent).toBe(5630);
    expect(gesamt - summe).toBe(5630);
    expect((await seite('controlling', '/kosten?monat=2024-08')).body).toContain('Einnahmen aus Aufrechnung');
  });

  it('ends when the person’s own share is paid off (§ 43: only the own debt): the last month takes only the rest', async () => {
    let monat = '2024-09';
    for (let i = 0; i < 24; i++) {
      const f = (await api('leistung', 'GET', `/api/erstattungsforderungen/${fall.forderung.id}`)).json();
      if (f.aufrechnungen[0].status !== 'laufend') break;
      const r = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: monat });
      expect(r.statusCode, r.body).toBe(200);
      const [j, m] = monat.split('-').map(Number) as [number, number];
      monat = m === 12 ? `${j + 1}-01` : `${j}-${String(m + 1).padStart(2, '0')}`;
    }
    const f = (await api('leistung', 'GET', `/api/erstattungsforderungen/${fall.forderung.id}`)).json();
    const anteil = f.personen.find((p: { id: string }) => p.id === fall.maraId).betragCent as number;
    expect(anteil).toBeGreaterThan(0);
    expect(anteil).toBeLessThan(fall.forderung.betragCent);
    // Mara repaid her share; the child's share stays open (not set off against Mara's benefit)
    expect(f).toMatchObject({ status: 'offen', offenCent: fall.forderung.betragCent - anteil });
    expect(f.aufrechnungen[0].status).toBe('beendet');
    const abzuege = f.vorgaenge.filter((v: { art: string }) => v.art === 'aufrechnung').map((v: { betragCent: number }) => v.betragCent);
    expect(abzuege.reduce((s: number, x: number) => s + x, 0)).toBe(anteil);
    expect(abzuege.length).toBeGreaterThan(2);
    expect(abzuege.slice(0, -1).every((x: number) => x === 5630)).toBe(true);
    expect(abzuege.at(-1)).toBeLessThan(5630);
    expect(abzuege.at(-1)).toBe(anteil - 5630 * (abzuege.length - 1));
    // afterwards the full benefit is paid again
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: monat })).statusCode).toBe(200);
    const danach = await sys<{ aufrechnung_cent: number }>(sql`select aufrechnung_cent::int from zahlungen where bg_id = ${fall.bgId} and zahlmonat = ${monat}`);
    expect(danach).toEqual([{ aufrechnung_cent: 0 }]);
    expect(aufrechnungId).toBe(f.aufrechnungen[0].id);
  });

  it('page: declares an Aufrechnung with a plain form; errors at the fields', async () => {
    const zweiter = await fallMitForderung('Formular', 'DE02100100100006820101');
    const f = zweiter.forderung;
    const falsch = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, { vorgang: 'aufrechnung', aufPerson: zweiter.maraId, aufAb: 'bald', aufTatbestand: 'einkommen', aufGrund: '', version: String(f.version) });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('href="#feld-aufAb"');
    expect(falsch.body).toContain('href="#feld-aufGrund"');
    expect(falsch.body).toContain('href="#feld-aufAnhoerungAm"');
    const ok = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, {
      vorgang: 'aufrechnung',
      aufPerson: zweiter.maraId,
      aufAb: '12/2024',
      aufTatbestand: 'sonstige',
      aufGrund: 'Mitteilungspflicht grob fahrlässig verletzt.',
      aufAnhoerungAm: '01.11.2024',
      aufAusnahme: '',
      version: String(f.version),
    });
    expect(ok.statusCode, ok.body).toBe(302);
    const d = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json();
    // 30 % of 563 € = 168.90 €
    expect(d.aufrechnungen[0]).toMatchObject({ prozent: 30, abMonat: '2024-12', anhoerungAm: '2024-11-01' });

    // Widerspruch received: the Aufrechnung is suspended (aufschiebende Wirkung) by the form; the Zahllauf skips it
    const a = d.aufrechnungen[0];
    const ohneGrund = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, { vorgang: 'aufrechnungStatus', aufrechnungId: `${a.id}:${a.version}`, statusAktion: 'aussetzen', statusGrund: '' });
    expect(ohneGrund.statusCode).toBe(400);
    expect(ohneGrund.body).toContain('href="#feld-statusGrund"');
    const aus = await postForm(t.app, jars.leistung!, `/erstattungen/${f.id}`, { vorgang: 'aufrechnungStatus', aufrechnungId: `${a.id}:${a.version}`, statusAktion: 'aussetzen', statusGrund: 'Widerspruch vom 05.12.2024' });
    expect(aus.statusCode, aus.body).toBe(302);
    const veraltet = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnungen/${a.id}/status`, { aktion: 'beenden', grund: 'x', version: a.version });
    expect(veraltet.json().error).toBe('version_conflict');
    const ausgesetzt = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json().aufrechnungen[0];
    expect(ausgesetzt).toMatchObject({ status: 'ausgesetzt', version: a.version + 1 });
    const verlauf = await sys<{ beschreibung: string }>(sql`select beschreibung from fall_ereignisse where bg_id = ${zweiter.bgId} and art = 'aufrechnung_ausgesetzt'`);
    expect(verlauf[0]!.beschreibung).toContain('Widerspruch vom 05.12.2024');
    expect((await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2024-11' })).statusCode).toBe(200);
    const dez = await sys<{ aufrechnung_cent: number }>(sql`select aufrechnung_cent::int from zahlungen where bg_id = ${zweiter.bgId} and leistungsmonat = '2024-12'`);
    expect(dez).toEqual([{ aufrechnung_cent: 0 }]);
    // the Forderung is aufgehoben in the Widerspruch: the Aufrechnung ends
    const ende = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnungen/${a.id}/status`, { aktion: 'beenden', grund: 'Widerspruch abgeholfen', version: ausgesetzt.version });
    expect(ende.json()).toMatchObject({ status: 'beendet' });
    const nochmal = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnungen/${a.id}/status`, { aktion: 'fortsetzen', grund: 'x', version: ende.json().version });
    expect(nochmal.json().error).toBe('aufrechnung_status');
  });

  it('against the child: Bescheid to the child, at most its own share; a Zahlungseingang paying off the Forderung ends it', async () => {
    const dritter = await fallMitForderung('Eingang', 'DE12500105170648489890');
    const f = dritter.forderung;
    const tim = ((await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json().personen as { id: string; betragCent: number }[]).find((p) => p.id !== dritter.maraId)!;
    const res = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/aufrechnung`, {
      personId: tim.id,
      ab: '2024-12',
      tatbestand: 'einkommen',
      grund: 'Ermessen ausgeübt.',
      anhoerungAm: '2024-12-01',
      version: f.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    // Regelbedarfsstufe 5 in 2024: 390 € → 10 % = 39.00 €, but never more than the child's own share
    expect(res.json().ersterBetragCent).toBe(Math.min(3900, tim.betragCent));
    const text = textAusPdf((await api('leistung', 'GET', `/api/bescheide/${res.json().bescheid.id}.pdf`)).rawPayload, 'aufrechnung-kind');
    // addressed to the person whose claim is set off
    expect(text.indexOf('Tim Eingang')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Tim Eingang')).toBeLessThan(text.indexOf('Aufrechnungsbescheid'));
    const d = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json();
    const z = await api('leistung', 'POST', `/api/erstattungsforderungen/${f.id}/zahlungen`, { betragCent: d.offenCent, datum: '2025-01-10', version: d.version });
    expect(z.statusCode, z.body).toBe(200);
    const nach = (await api('leistung', 'GET', `/api/erstattungsforderungen/${f.id}`)).json();
    expect(nach.status).toBe('erledigt');
    expect(nach.aufrechnungen).toEqual([expect.objectContaining({ status: 'beendet' })]);
    const verlauf = await sys<{ details: { aufrechnungenBeendet?: string[] } }>(sql`select details from fall_ereignisse where bg_id = ${dritter.bgId} and art = 'erstattung_zahlung'`);
    expect(verlauf[0]!.details.aufrechnungenBeendet).toEqual([res.json().aufrechnung.id]);
  });
});
