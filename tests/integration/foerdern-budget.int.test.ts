import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { composeIBAN } from 'ibantools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { massnahmeKontingente, massnahmeTeilnahmen, massnahmen } from '../../src/db/schema/index.ts';
import type { Actor } from '../../src/server/context.ts';
import { tenantScope } from '../../src/server/context.ts';
import { bindeMittel, kostenJeJahr, loeseMittel, pruefeBudget } from '../../src/server/integration/budget-bindung.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';

/**
 * Issue 13, item 6: the Eingliederungsbudget (Soll, Mittelbindung, payments, release, overview, over-budget and
 * concurrent bindings) and the individual Förderleistungen paid through the existing Zahllauf with the cost type
 * Eingliederung. The clock is fixed (7.12.2026), so the Haushaltsjahre below do not depend on the real date.
 */
let t: TestApp;
let musterland: string;
let standortId: string;
let bgId: string;
let personId: string;
let teamleitung: Actor;
const jars: Record<string, CookieJar> = {};

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });

async function actorFor(email: string): Promise<Actor> {
  const r = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string; roles: string[] }>(sql`select id, name, roles from users where email = ${email}`));
  const u = r.rows[0]!;
  const s = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; name: string }>(sql`select s.id, s.name from user_standorte us join standorte s on s.id = us.standort_id where us.user_id = ${u.id}`));
  return { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: s.rows, sessionId: 'test', requestId: 'test' };
}

/** A Maßnahme with one Kontingent and a Teilnahme of the test person (written directly: slice C owns the use cases). */
async function teilnahme(o: { kostenart: 'pauschal' | 'monatlich'; kostenCent: number; titel: 'egt_bund' | 'kommunal_16a'; von: string; bis: string; eingetreten?: boolean; instrument?: 'sgb2_16d_agh' }) {
  return t.ctx.db.withTenant(tenantScope(teamleitung), async (tx) => {
    const [m] = await tx
      .insert(massnahmen)
      .values({ traegerId: musterland, bezeichnung: `Budgettest ${randomUUID().slice(0, 8)}`, instrument: o.instrument ?? (o.titel === 'egt_bund' ? 'sgb3_45_mat' : 'sgb2_16a_schuldnerberatung'), anbieter: 'Bildungswerk Test', kostenJePlatzCent: o.kostenCent, kostenart: o.kostenart, titel: o.titel })
      .returning();
    const [k] = await tx.insert(massnahmeKontingente).values({ traegerId: musterland, massnahmeId: m!.id, standortId, gueltigVon: '2026-01-01', gueltigBis: null, plaetze: 10 }).returning();
    const [tn] = await tx
      .insert(massnahmeTeilnahmen)
      .values({
        traegerId: musterland,
        massnahmeId: m!.id,
        kontingentId: k!.id,
        personId,
        bgId,
        status: o.eingetreten ? 'eingetreten' : 'zugewiesen',
        platzNr: 1,
        geplantVon: o.von,
        geplantBis: o.bis,
        vorgeschlagenAm: '2026-11-01',
        zugewiesenAm: '2026-11-02',
        eintrittAm: o.eingetreten ? o.von : null,
        createdBy: teamleitung.userId,
      })
      .returning();
    return { teilnahmeId: tn!.id, massnahme: m!, kosten: kostenJeJahr({ kostenJePlatzCent: o.kostenCent, kostenart: o.kostenart, von: o.von, bis: o.bis }) };
  });
}

const uebersicht = async (who = 'controlling', jahr = 2026) => {
  const r = await api(who, 'GET', `/api/integration/budget?jahr=${jahr}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

beforeAll(async () => {
  t = await createTestApp({ seed: true, traegerKonto: true, clock: testClock('2026-12-07T09:30:00+01:00') });
  musterland = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))).rows[0]!.id;
  const kommuneId = (await t.ctx.db.withSystem((tx) => tx.execute<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))).rows[0]!.id;
  for (const who of ['leistung', 'integration', 'teamleitung', 'controlling']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  teamleitung = await actorFor('teamleitung@musterland.example');
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum: '2026-11-02',
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Bea', nachname: 'Budgetfall', geburtsdatum: '1985-04-02', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Am Markt', hausnummer: '3', plz: '12345', ort: 'Musterstadt', kommuneId },
    bank: { iban: composeIBAN({ countryCode: 'DE', bban: '120300000000004711' })!, kontoinhaber: 'Bea Budgetfall' },
    unterkunft: { grundmieteCent: 40000, nebenkostenCent: 8000, heizkostenCent: 6000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  bgId = res.json().bg.id;
  standortId = res.json().bg.standortId;
  personId = Object.values(res.json().personIds as Record<string, string>)[0]!;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('Eingliederungsbudget', () => {
  it('teamleitung enters the Soll per Haushaltsjahr and Titel; others may not; controlling reads the overview', async () => {
    for (const [jahr, titel, sollCent] of [
      [2026, 'egt_bund', 10_000_000],
      [2027, 'egt_bund', 5_000_000],
      [2028, 'kommunal_16a', 100_000],
    ] as const) {
      const r = await api('teamleitung', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: jahr, titel, sollCent, bemerkung: 'EinglMV (Test)' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await api('integration', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: 2026, titel: 'egt_bund', sollCent: 1 })).statusCode).toBe(403);
    expect((await api('controlling', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: 2026, titel: 'egt_bund', sollCent: 1 })).statusCode).toBe(403);
    // a stale version is refused, a wrong Titel is a field error
    expect((await api('teamleitung', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: 2026, titel: 'egt_bund', sollCent: 1, version: 99 })).statusCode).toBe(409);
    const falsch = await api('teamleitung', 'PUT', '/api/integration/budget/soll', { haushaltsjahr: 2026, titel: 'egt', sollCent: 1 });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].path).toContain('titel');
    const u = await uebersicht();
    expect(u.jeTitel).toEqual([{ haushaltsjahr: 2026, titel: 'egt_bund', titelText: expect.any(String), sollCent: 10_000_000, gebundenCent: 0, ausgezahltCent: 0, freiCent: 10_000_000 }]);
  });

  it('binds a Teilnahme per year, books an invoice, releases the rest and shows the numbers', async () => {
    const tn = await teilnahme({ kostenart: 'monatlich', kostenCent: 100_000, titel: 'egt_bund', von: '2026-11-15', bis: '2027-02-14', eingetreten: true });
    expect(tn.kosten).toEqual([
      { haushaltsjahr: 2026, betragCent: 153_333 },
      { haushaltsjahr: 2027, betragCent: 150_000 },
    ]);
    await t.ctx.db.withTenant(tenantScope(teamleitung), async (tx) => {
      expect((await pruefeBudget(tx, { titel: 'egt_bund', kosten: tn.kosten })).passt).toBe(true);
      await bindeMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, titel: 'egt_bund', instrument: 'sgb3_45_mat', standortId, kosten: tn.kosten });
    });
    // bound again (e.g. after an approval): nothing is bound twice
    await t.ctx.db.withTenant(tenantScope(teamleitung), (tx) => bindeMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, titel: 'egt_bund', instrument: 'sgb3_45_mat', standortId, kosten: tn.kosten }));
    let u = await uebersicht();
    expect(u.jeTitel[0]).toMatchObject({ sollCent: 10_000_000, gebundenCent: 153_333, ausgezahltCent: 0, freiCent: 10_000_000 - 153_333 });
    expect(u.jeInstrument).toEqual([expect.objectContaining({ instrument: 'sgb3_45_mat', gebundenCent: 153_333 })]);
    expect(u.jeStandort).toEqual([expect.objectContaining({ standortId, gebundenCent: 153_333 })]);
    expect(u.verpflichtungen).toEqual([expect.objectContaining({ haushaltsjahr: 2027, titel: 'egt_bund', gebundenCent: 150_000 })]);

    // an invoice above what is bound in the year → 400 at the amount, nothing booked
    const zuViel = await api('teamleitung', 'POST', '/api/integration/budget/rechnungen', { teilnahmeId: tn.teilnahmeId, betragCent: 153_334, datum: '2026-12-10', beleg: 'R-2026-1' });
    expect(zuViel.statusCode).toBe(400);
    expect(zuViel.json().error).toBe('rechnung_ueber_bindung');
    expect(zuViel.json().issues[0].path).toContain('betragCent');
    expect((await api('controlling', 'POST', '/api/integration/budget/rechnungen', { teilnahmeId: tn.teilnahmeId, betragCent: 1, datum: '2026-12-10', beleg: 'R' })).statusCode).toBe(403);
    expect((await api('teamleitung', 'POST', '/api/integration/budget/rechnungen', { teilnahmeId: randomUUID(), betragCent: 1, datum: '2026-12-10', beleg: 'R' })).statusCode).toBe(404);
    const offen = await api('teamleitung', 'GET', '/api/integration/budget/offene-bindungen');
    expect(offen.json()).toEqual(expect.arrayContaining([expect.objectContaining({ teilnahmeId: tn.teilnahmeId, haushaltsjahr: 2026, offenCent: 153_333 })]));
    const r = await api('teamleitung', 'POST', '/api/integration/budget/rechnungen', { teilnahmeId: tn.teilnahmeId, betragCent: 50_000, datum: '2026-12-10', beleg: 'R-2026-1' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ haushaltsjahr: 2026, gebuchtCent: 50_000, nochGebundenCent: 103_333 });
    u = await uebersicht();
    expect(u.jeTitel[0]).toMatchObject({ gebundenCent: 103_333, ausgezahltCent: 50_000, freiCent: 10_000_000 - 153_333 });

    // Austritt at the end of December: January/February are released, 2026 stays bound
    await t.ctx.db.withTenant(tenantScope(teamleitung), (tx) => loeseMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, ab: '2027-01-01' }));
    u = await uebersicht();
    expect(u.jeTitel[0]).toMatchObject({ gebundenCent: 103_333, ausgezahltCent: 50_000 });
    expect(u.verpflichtungen).toEqual([]);

    // the Schlussrechnung releases the rest of 2026
    const schluss = await api('teamleitung', 'POST', '/api/integration/budget/rechnungen', { teilnahmeId: tn.teilnahmeId, betragCent: 100_000, datum: '2026-12-20', beleg: 'R-2026-2', schlussrechnung: true });
    expect(schluss.statusCode, schluss.body).toBe(201);
    expect(schluss.json().freigegebenCent).toBe(3_333);
    u = await uebersicht();
    expect(u.jeTitel[0]).toMatchObject({ gebundenCent: 0, ausgezahltCent: 150_000, freiCent: 10_000_000 - 150_000 });
  });

  it('a cancelled Teilnahme (never entered) releases everything', async () => {
    const tn = await teilnahme({ kostenart: 'pauschal', kostenCent: 250_000, titel: 'egt_bund', von: '2027-03-01', bis: '2027-08-31' });
    await t.ctx.db.withTenant(tenantScope(teamleitung), (tx) => bindeMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, titel: 'egt_bund', instrument: 'sgb3_45_mat', standortId, kosten: tn.kosten }));
    expect((await uebersicht('controlling', 2027)).jeTitel[0]).toMatchObject({ haushaltsjahr: 2027, gebundenCent: 250_000 });
    await t.ctx.db.withTenant(tenantScope(teamleitung), (tx) => loeseMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, ab: '2026-12-07' }));
    const nachher = await uebersicht('controlling', 2027);
    expect(nachher.jeTitel[0]).toMatchObject({ haushaltsjahr: 2027, gebundenCent: 0, freiCent: 5_000_000 });
    // rows with nothing bound and nothing paid are left out of the breakdowns
    expect(nachher.jeInstrument.filter((z: { gebundenCent: number; ausgezahltCent: number }) => z.gebundenCent === 0 && z.ausgezahltCent === 0)).toEqual([]);
    expect(nachher.jeStandort.filter((z: { gebundenCent: number; ausgezahltCent: number }) => z.gebundenCent === 0 && z.ausgezahltCent === 0)).toEqual([]);
  });

  it('detects a cost beyond the free budget; two concurrent bindings never exceed it together', async () => {
    const a = await teilnahme({ kostenart: 'pauschal', kostenCent: 60_000, titel: 'kommunal_16a', von: '2028-02-01', bis: '2028-04-30' });
    const b = await teilnahme({ kostenart: 'pauschal', kostenCent: 60_000, titel: 'kommunal_16a', von: '2028-02-01', bis: '2028-04-30' });
    await t.ctx.db.withTenant(tenantScope(teamleitung), async (tx) => {
      expect(await pruefeBudget(tx, { titel: 'kommunal_16a', kosten: [{ haushaltsjahr: 2028, betragCent: 100_001 }] })).toEqual({
        passt: false,
        fehlend: [{ haushaltsjahr: 2028, freiCent: 100_000, benoetigtCent: 100_001 }],
      });
      // no Soll at all for 2029: nothing is free
      expect((await pruefeBudget(tx, { titel: 'kommunal_16a', kosten: [{ haushaltsjahr: 2029, betragCent: 1 }] })).passt).toBe(false);
    });
    const versuch = (x: typeof a, warte: number) =>
      t.ctx.db.withTenant(tenantScope(teamleitung), async (tx) => {
        const p = await pruefeBudget(tx, { titel: 'kommunal_16a', kosten: x.kosten });
        await new Promise((r) => setTimeout(r, warte));
        if (p.passt) await bindeMittel(tx, teamleitung, { teilnahmeId: x.teilnahmeId, titel: 'kommunal_16a', instrument: 'sgb2_16a_schuldnerberatung', standortId, kosten: x.kosten });
        return p.passt;
      });
    const ergebnisse = await Promise.all([versuch(a, 150), versuch(b, 0)]);
    expect(ergebnisse.filter(Boolean)).toHaveLength(1);
    const z = (await uebersicht('controlling', 2028)).jeTitel.find((x: { titel: string }) => x.titel === 'kommunal_16a');
    expect(z).toMatchObject({ sollCent: 100_000, gebundenCent: 60_000, freiCent: 40_000 });
  });
});

describe('Förderleistungen through the Zahllauf', () => {
  let einstiegsgeldId: string;

  it('refuses bad input and an exceeded budget on the field; teamleitung may confirm the overrun', async () => {
    const url = `/api/integration/personen/${personId}/foerderleistungen`;
    const lang = await api('integration', 'POST', url, { art: 'einstiegsgeld_16b', betragCent: 30_000, gueltigVon: '2027-01-01', gueltigBis: '2029-06-30' });
    expect(lang.statusCode).toBe(400);
    expect(lang.json().issues[0]).toMatchObject({ path: 'body.gueltigBis', code: 'hoechstdauer_ueberschritten' });
    const ohneEnde = await api('integration', 'POST', url, { art: 'mehraufwand_16d', betragCent: 12_000, gueltigVon: '2027-01-01' });
    expect(ohneEnde.statusCode).toBe(400);
    // 2029 has no EGT Soll: nothing is free
    const ueber = await api('integration', 'POST', url, { art: 'vermittlungsbudget_44', einmalig: true, betragCent: 25_000, gueltigVon: '2029-01-10' });
    expect(ueber.statusCode).toBe(409);
    expect(ueber.json()).toMatchObject({ error: 'budget_ueberschritten', issues: [{ path: 'body.betragCent' }] });
    const tlOhne = await api('teamleitung', 'POST', url, { art: 'vermittlungsbudget_44', einmalig: true, betragCent: 25_000, gueltigVon: '2029-01-10' });
    expect(tlOhne.statusCode).toBe(409);
    expect(tlOhne.json().issues[0].path).toBe('body.ueberschreitungBestaetigt');
    const tl = await api('teamleitung', 'POST', url, { art: 'vermittlungsbudget_44', einmalig: true, betragCent: 25_000, gueltigVon: '2029-01-10', ueberschreitungBestaetigt: true });
    expect(tl.statusCode, tl.body).toBe(201);
    expect((await api('controlling', 'POST', url, { art: 'vermittlungsbudget_44', einmalig: true, betragCent: 25_000, gueltigVon: '2027-01-10' })).statusCode).toBe(403);
    expect((await api('leistung', 'POST', url, { art: 'vermittlungsbudget_44', einmalig: true, betragCent: 25_000, gueltigVon: '2027-01-10' })).statusCode).toBe(403);
  });

  it('an Einstiegsgeld binds budget and is paid by the Zahllauf with the cost type Eingliederung, once', async () => {
    const url = `/api/integration/personen/${personId}/foerderleistungen`;
    const r = await api('integration', 'POST', url, { art: 'einstiegsgeld_16b', betragCent: 30_000, gueltigVon: '2026-12-01', gueltigBis: '2027-05-31' });
    expect(r.statusCode, r.body).toBe(201);
    einstiegsgeldId = r.json().id;
    expect(r.json()).toMatchObject({ status: 'laufend', gesamtCent: 180_000, ausgezahltCent: 0 });

    const lauf = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2026-12' });
    expect(lauf.statusCode, lauf.body).toBe(200);
    const zahlungen = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ id: string; art: string; leistungsmonat: string; betrag_cent: string; verwendungszweck: string }>(
        sql`select id, art, leistungsmonat, betrag_cent, verwendungszweck from zahlungen where bg_id = ${bgId} order by leistungsmonat`,
      ),
    );
    const eg = zahlungen.rows.filter((z) => z.art === 'eingliederung');
    // the run of December pays December and January in advance
    expect(eg.map((z) => [z.leistungsmonat, Number(z.betrag_cent)])).toEqual([
      ['2026-12', 30_000],
      ['2027-01', 30_000],
    ]);
    expect(eg[0]!.verwendungszweck).toMatch(/^Einstiegsgeld 12\/2026 /);
    const buchungen = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ kostenart: string; kostentraeger: string; betrag_cent: string }>(sql`select kostenart, kostentraeger, betrag_cent from buchungen where zahlung_id in (select id from zahlungen where bg_id = ${bgId} and art = 'eingliederung')`),
    );
    expect(buchungen.rows.map((b) => [b.kostenart, b.kostentraeger, Number(b.betrag_cent)])).toEqual([
      ['eingliederung', 'bund', 30_000],
      ['eingliederung', 'bund', 30_000],
    ]);
    const mittel = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ zahlung_id: string; haushaltsjahr: number }>(sql`select a.zahlung_id, b.haushaltsjahr from mittel_auszahlungen a join mittelbindungen b on b.id = a.mittelbindung_id where b.foerderleistung_id = ${einstiegsgeldId} order by b.haushaltsjahr`),
    );
    expect(mittel.rows.map((m) => [m.zahlung_id, m.haushaltsjahr])).toEqual([
      [eg[0]!.id, 2026],
      [eg[1]!.id, 2027],
    ]);

    // idempotent: a second run pays nothing twice
    const zweiter = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat: '2026-12' });
    expect(zweiter.statusCode).toBe(200);
    const nochmal = await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) n from zahlungen where bg_id = ${bgId} and art = 'eingliederung'`));
    expect(Number(nochmal.rows[0]!.n)).toBe(2);

    // the costs report shows the cost type Eingliederung
    const kosten = await api('controlling', 'GET', '/api/kosten?monat=2026-12');
    expect(kosten.statusCode, kosten.body).toBe(200);
    expect(kosten.json().imMonat.jeKostenart.eingliederung).toBeGreaterThanOrEqual(60_000);
    const seite = await t.app.inject({ url: '/kosten?monat=2026-12', headers: { cookie: jars.controlling!.header() } });
    expect(seite.body).toContain('Leistungen zur Eingliederung in Arbeit');

    // the budget: 2026 paid 300 €, 2027 bound 5 months minus the January paid in advance
    const u = await uebersicht('controlling', 2026);
    expect(u.jeInstrument).toEqual(expect.arrayContaining([expect.objectContaining({ instrument: 'sgb2_16b_einstiegsgeld', gebundenCent: 0, ausgezahltCent: 30_000 })]));
    const u27 = await uebersicht('controlling', 2027);
    expect(u27.jeInstrument).toEqual(expect.arrayContaining([expect.objectContaining({ instrument: 'sgb2_16b_einstiegsgeld', gebundenCent: 120_000, ausgezahltCent: 30_000 })]));
  });

  it('a Mehraufwandsentschädigung belongs to an Arbeitsgelegenheit of the person', async () => {
    const mat = await teilnahme({ kostenart: 'pauschal', kostenCent: 0, titel: 'egt_bund', von: '2027-02-01', bis: '2027-07-31' });
    const agh = await teilnahme({ kostenart: 'pauschal', kostenCent: 0, titel: 'egt_bund', von: '2027-02-01', bis: '2027-07-31', instrument: 'sgb2_16d_agh' });
    const url = `/api/integration/personen/${personId}/foerderleistungen`;
    const falsch = await api('integration', 'POST', url, { art: 'mehraufwand_16d', betragCent: 12_000, gueltigVon: '2027-02-01', gueltigBis: '2027-07-31', teilnahmeId: mat.teilnahmeId });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].path).toBe('body.teilnahmeId');
    const r = await api('integration', 'POST', url, { art: 'mehraufwand_16d', betragCent: 12_000, gueltigVon: '2027-02-01', gueltigBis: '2027-07-31', teilnahmeId: agh.teilnahmeId });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ teilnahmeId: agh.teilnahmeId, gesamtCent: 72_000 });
    const liste = (await api('integration', 'GET', url)).json();
    expect(liste.aghTeilnahmen.map((x: { id: string }) => x.id)).toEqual([agh.teilnahmeId]);
  });

  it('ending early: not before what is paid; releases the rest of the binding', async () => {
    const liste = await api('integration', 'GET', `/api/integration/personen/${personId}/foerderleistungen`);
    expect(liste.statusCode).toBe(200);
    const f = liste.json().foerderleistungen.find((x: { id: string }) => x.id === einstiegsgeldId);
    expect(f).toMatchObject({ ausgezahltCent: 60_000, bezahltBis: '2027-01-31' });
    const url = `/api/integration/personen/${personId}/foerderleistungen/${einstiegsgeldId}/beenden`;
    const zuFrueh = await api('integration', 'POST', url, { beendetAm: '2027-01-15', version: f.version });
    expect(zuFrueh.statusCode).toBe(400);
    expect(zuFrueh.json().issues[0].path).toBe('body.beendetAm');
    const ok = await api('integration', 'POST', url, { beendetAm: '2027-02-28', version: f.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'beendet', gesamtCent: 90_000 });
    expect((await api('integration', 'POST', url, { beendetAm: '2027-02-28', version: f.version + 1 })).json().error).toBe('foerderleistung_beendet');
    const u27 = await uebersicht('controlling', 2027);
    // 2027: January paid, February still bound, March–May released
    expect(u27.jeInstrument).toEqual(expect.arrayContaining([expect.objectContaining({ instrument: 'sgb2_16b_einstiegsgeld', gebundenCent: 30_000, ausgezahltCent: 30_000 })]));
  });

  it('controlling sees budget sums only, never a person; reads of Förderleistungen are audited', async () => {
    expect((await api('controlling', 'GET', `/api/integration/personen/${personId}/foerderleistungen`)).statusCode).toBe(403);
    expect((await api('controlling', 'GET', '/api/integration/budget/offene-bindungen')).statusCode).toBe(403);
    const body = JSON.stringify(await uebersicht('controlling', 2026));
    expect(body).not.toContain(personId);
    expect(body).not.toContain(bgId);
    expect(body).not.toContain('Budgetfall');
    expect((await api('leistung', 'GET', `/api/integration/personen/${personId}/foerderleistungen`)).statusCode).toBe(200);
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*) n from audit_log where object_type = 'foerderleistung' and action = 'read' and person_id = ${personId}`));
    expect(Number(audit.rows[0]!.n)).toBeGreaterThanOrEqual(2);
    // another Träger's person id → 404
    expect((await api('integration', 'GET', `/api/integration/personen/${randomUUID()}/foerderleistungen`)).statusCode).toBe(404);
  });
});

const teilhabe = async (jahr: number) => ((await uebersicht('controlling', jahr)).jeInstrument as { instrument: string; gebundenCent: number }[]).find((z) => z.instrument === 'sgb2_16i_teilhabe')?.gebundenCent ?? 0;

describe('Mittelbindung follows a changed cost', () => {
  it('a shorter period releases, a longer one adds — per year', async () => {
    const tn = await teilnahme({ kostenart: 'monatlich', kostenCent: 10_000, titel: 'egt_bund', von: '2027-11-01', bis: '2028-02-29', eingetreten: true });
    const binde = (kosten: { haushaltsjahr: number; betragCent: number }[]) =>
      t.ctx.db.withTenant(tenantScope(teamleitung), (tx) => bindeMittel(tx, teamleitung, { teilnahmeId: tn.teilnahmeId, titel: 'egt_bund', instrument: 'sgb2_16i_teilhabe', standortId, kosten }));
    await binde(tn.kosten);
    expect([await teilhabe(2027), await teilhabe(2028)]).toEqual([20_000, 20_000]);
    await binde(kostenJeJahr({ kostenJePlatzCent: 10_000, kostenart: 'monatlich', von: '2027-11-01', bis: '2027-12-31' }));
    expect([await teilhabe(2027), await teilhabe(2028)]).toEqual([20_000, 0]);
    await binde(kostenJeJahr({ kostenJePlatzCent: 10_000, kostenart: 'monatlich', von: '2027-11-01', bis: '2028-03-31' }));
    expect([await teilhabe(2027), await teilhabe(2028)]).toEqual([20_000, 30_000]);
  });
});
