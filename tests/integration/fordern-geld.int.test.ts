import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope, type Actor } from '../../src/server/context.ts';
import { wendeMinderungenAn } from '../../src/server/fordern/minderung-anwenden.ts';
import { starteMassenaenderung } from '../../src/server/massenaenderung/steuerung.ts';
import { verarbeiteMassenaenderung } from '../../src/server/massenaenderung/verarbeite.ts';
import { zahllauf } from '../../src/server/zahlung/zahllauf.ts';
import { createTestApp, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

// Fordern → Geld (issue 14, point 4; docs/fordern.md "Geld"): a decided Minderung reaches the Bewilligung and the
// SEPA file to the cent; Aufhebung → Nachzahlung; early end; Massenänderung keeps it; Zahllauf at the same time.
let t: TestApp;
let musterland: string;
let musterstadt: string;
let leistung: Actor;
let teamleitung: Actor;
const jars: Record<string, CookieJar> = {};

const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: jars[who]!.header(), ...(payload ? { 'content-type': 'application/json' } : {}) }, payload: payload as never });
const sys = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await t.ctx.db.withSystem((tx) => tx.execute<T>(q))).rows;

async function actorFor(email: string): Promise<Actor> {
  const u = (await sys<{ id: string; name: string; roles: string[] }>(sql`select id, name, roles from users where email = ${email}`))[0]!;
  return { userId: u.id, traegerId: musterland, traegerName: 'Kreis Musterland', art: 'staff', email, name: u.name, roles: u.roles as Actor['roles'], standorte: [], sessionId: 'test', requestId: 'test' };
}

/** A single person without income (Regelbedarfsstufe 1), Erstantrag on `antragsdatum`, Bewilligung decided. */
async function fall(nachname: string, antragsdatum: string, iban: string) {
  const res = await api('leistung', 'POST', '/api/faelle', {
    antragsdatum,
    eingangskanal: 'papier',
    personen: [{ ref: 'a', vorname: 'Sven', nachname, geburtsdatum: '1988-03-03', staatsangehoerigkeit: 'DE', rolle: 'antragsteller' }],
    adresse: { strasse: 'Am Markt', hausnummer: '3', plz: '12345', ort: 'Musterstadt', kommuneId: musterstadt },
    bank: { iban, kontoinhaber: `Sven ${nachname}` },
    unterkunft: { grundmieteCent: 40000, nebenkostenCent: 6000, heizkostenCent: 5000 },
  });
  if (res.statusCode !== 201) throw new Error(`Erstantrag: ${res.statusCode} ${res.body}`);
  const bgId = res.json().bg.id as string;
  const b = (await api('leistung', 'POST', `/api/faelle/${bgId}/bewilligungen`, {})).json().bewilligung;
  const fr = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/freigeben`, { version: b.version });
  expect(fr.json().bewilligung?.status, fr.body).toBe('bewilligt');
  const personId = (await sys<{ person_id: string }>(sql`select person_id from bg_mitgliedschaften where bg_id = ${bgId}`))[0]!.person_id;
  const voll = new Map((await sys<{ monat: string; a: number }>(sql`select monat, auszahlung_cent::int as a from bewilligung_monate where bewilligung_id = ${b.id}`)).map((r) => [r.monat, r.a]));
  return { bgId, personId, voll };
}

/** A decided Minderung (what slice D's decision writes): procedure + leistungsminderungen row. */
async function minderungFestgestellt(f: { bgId: string; personId: string }, o: { prozent: number; von: string; bis: string; betragCent: number }) {
  const v = (
    await sys<{ id: string }>(sql`insert into minderungsverfahren (traeger_id, person_id, bg_id, aktenzeichen, anlass_art, anlass_text, tatbestand,
      pflichtverletzung_am, frist_ende, belehrung_art, belehrung_am, status, created_by)
      values (${musterland}, ${f.personId}, ${f.bgId}, ${`M-TEST-${randomBytes(4).toString('hex')}`}, 'manuell', 'Meldetermin versäumt', '32',
        ${`${o.von}-01`}::date - 40, ${`${o.von}-01`}::date + 140, 'schriftlich', ${`${o.von}-01`}::date - 60, 'festgestellt', ${leistung.userId}) returning id`)
  )[0]!;
  return (
    await sys<{ id: string }>(sql`insert into leistungsminderungen (traeger_id, verfahren_id, person_id, bg_id, tatbestand, art, stufe, prozent, betrag_cent,
      von_monat, bis_monat, festgestellt_am, pflichtverletzung_am)
      values (${musterland}, ${v.id}, ${f.personId}, ${f.bgId}, '32', 'minderung', 1, ${o.prozent}, ${o.betragCent}, ${o.von}, ${o.bis},
        ${`${o.von}-01`}::date - 20, ${`${o.von}-01`}::date - 40) returning id`)
  )[0]!.id;
}

const anwenden = (bgId: string, abMonat: string, heute: string, grund = 'Minderung festgestellt') =>
  t.ctx.db.withTenant(tenantScope(leistung), (tx) => wendeMinderungenAn(tx, leistung, { bgId, abMonat, grund, heute }));

/** The payment of a month as recorded and as it stands in the pain.001 file of its run (cents). */
async function zahlung(bgId: string, monat: string, art = 'laufend') {
  const rows = await sys<{ betrag_cent: number; aufrechnung_cent: number; end_to_end_id: string; pain001: string | null }>(sql`
    select z.betrag_cent::int, z.aufrechnung_cent::int, z.end_to_end_id, l.pain001 from zahlungen z join zahllaeufe l on l.id = z.zahllauf_id
    where z.bg_id = ${bgId} and z.leistungsmonat = ${monat} and z.art = ${art} order by z.schluessel`);
  return rows.map((r) => {
    const m = new RegExp(`<EndToEndId>${r.end_to_end_id}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">([0-9.]+)</InstdAmt>`).exec(r.pain001 ?? '');
    return { betragCent: r.betrag_cent, aufrechnungCent: r.aufrechnung_cent, dateiCent: m ? Math.round(Number(m[1]) * 100) : null };
  });
}

const lauf = async (zahlmonat: string) => {
  const r = await api('leistung', 'POST', '/api/zahllaeufe', { zahlmonat });
  expect(r.statusCode, r.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  musterland = (await sys<{ id: string }>(sql`select id from traeger where slug = 'musterland'`))[0]!.id;
  musterstadt = (await sys<{ id: string }>(sql`select id from kommunen where traeger_id = ${musterland} and name = 'Musterstadt'`))[0]!.id;
  for (const who of ['leistung', 'admin']) jars[who] = await signIn(t.app, `${who}@musterland.example`);
  leistung = await actorFor('leistung@musterland.example');
  teamleitung = await actorFor('teamleitung@musterland.example');
  const regeln = { nachzahlungAbCent: null, monatsbetragAbCent: null, erstattungAbCent: null, ablehnung: false, aufhebung: false, erstbewilligung: false };
  const e = await api('admin', 'PUT', '/api/admin/traeger-einstellungen', { vierAugenRegeln: regeln, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', kontoinhaber: 'Kreis Musterland Jobcenter', version: 0 });
  if (e.statusCode !== 200) throw new Error(`Einstellungen: ${e.body}`);
}, 60_000);
afterAll(() => t.close());

describe('Fordern → Geld', () => {
  // runs first: its Zahlläufe (2025) would otherwise also pay the 2024 case's open months
  it('Zahllauf while a Minderung is decided: old or new amount, never both; the difference follows; § 43 Abs. 3 with the month’s Minderung', async () => {
    const f = await fall('Parallel', '2025-06-10', 'DE02100100100006820101');
    const juni = f.voll.get('2025-06')!;
    const juli = f.voll.get('2025-07')!;
    let minderung: Awaited<ReturnType<typeof anwenden>> | undefined;
    let freigeben!: () => void;
    const offen = new Promise<void>((r) => (freigeben = r));
    let fertig: Promise<void> | undefined;
    // batch 1 pays June (old amount) and commits; then the Minderung is decided (10 % June–July) and holds its lock
    // while batch 2 (July, planned with the old version) starts: it waits and then finds the old version replaced
    await zahllauf({
      ctx: t.ctx,
      actor: leistung,
      zahlmonat: '2025-06',
      batchGroesse: 1,
      nachBatch: async (nr) => {
        if (nr !== 1) return;
        await minderungFestgestellt(f, { prozent: 10, von: '2025-06', bis: '2025-07', betragCent: 5630 });
        let gesperrt!: () => void;
        const lockDa = new Promise<void>((r) => (gesperrt = r));
        fertig = t.ctx.db.withTenant(tenantScope(leistung), async (tx) => {
          minderung = await wendeMinderungenAn(tx, leistung, { bgId: f.bgId, abMonat: '2025-06', grund: 'Meldeversäumnis', heute: '2025-06-20' });
          gesperrt();
          await offen;
        });
        await lockDa;
        setTimeout(freigeben, 400);
      },
    });
    await fertig;
    // June was paid in full before the decision → counted as paid: Erstattungsforderung of 56.30 €
    expect(minderung).toMatchObject({ nachzahlungCent: 0, ueberzahlungCent: 5630 });
    expect((await zahlung(f.bgId, '2025-06')).map((z) => z.betragCent)).toEqual([juni]);
    const forderung = (await sys<{ id: string; betrag_cent: number }>(sql`select id, betrag_cent::int from erstattungsforderungen where bg_id = ${f.bgId}`));
    expect(forderung.map((x) => x.betrag_cent)).toEqual([5630]);
    // July was not paid with the old amount; the next run pays the new one – one payment, reduced by 56.30 €
    expect(await zahlung(f.bgId, '2025-07')).toEqual([]);
    await lauf('2025-06');
    expect(await zahlung(f.bgId, '2025-07')).toEqual([{ betragCent: juli - 5630, aufrechnungCent: 0, dateiCent: juli - 5630 }]);

    // § 43 Abs. 3: the Aufrechnung of the Forderung (10 % from September) meets a 30 % Minderung decided afterwards for
    // September: no room in September; October without Minderung: 10 % of 563 € = 56.30 € are set off
    const fd = (await api('leistung', 'GET', `/api/erstattungsforderungen/${forderung[0]!.id}`)).json();
    const auf = await api('leistung', 'POST', `/api/erstattungsforderungen/${fd.id}/aufrechnung`, {
      personId: f.personId,
      ab: '2025-09',
      tatbestand: 'einkommen',
      grund: 'Keine besondere Härte erkennbar.',
      anhoerungAm: '2025-07-25',
      version: fd.version,
    });
    expect(auf.statusCode, auf.body).toBe(201);
    await minderungFestgestellt(f, { prozent: 30, von: '2025-09', bis: '2025-09', betragCent: 16890 });
    expect((await anwenden(f.bgId, '2025-09', '2025-07-28')).monate).toEqual([{ monat: '2025-09', altCent: f.voll.get('2025-09')!, neuCent: f.voll.get('2025-09')! - 16890 }]);
    await lauf('2025-07');
    await lauf('2025-08');
    expect(await zahlung(f.bgId, '2025-09')).toEqual([{ betragCent: f.voll.get('2025-09')! - 16890, aufrechnungCent: 0, dateiCent: f.voll.get('2025-09')! - 16890 }]);
    await lauf('2025-09');
    expect(await zahlung(f.bgId, '2025-10')).toEqual([{ betragCent: f.voll.get('2025-10')! - 5630, aufrechnungCent: 5630, dateiCent: f.voll.get('2025-10')! - 5630 }]);
  });

  it('10 % of 563 € = 56.30 € less in the SEPA file in the months concerned; Aufhebung → Nachzahlung; early end; Massenänderung keeps it', async () => {
    const f = await fall('Geld', '2024-06-12', 'DE02120300000000202051');
    const voll = (m: string) => f.voll.get(m)!;
    const laufend = async (m: string) => (await zahlung(f.bgId, m)).map((z) => z.dateiCent);
    await lauf('2024-06');
    expect(await laufend('2024-06')).toEqual([voll('2024-06')]);
    expect(await laufend('2024-07')).toEqual([voll('2024-07')]);

    // Minderung 10 % August–October 2024: new version 'minderung', approved, no Bescheid; nothing paid yet → no Korrektur
    const m1 = await minderungFestgestellt(f, { prozent: 10, von: '2024-08', bis: '2024-10', betragCent: 5630 });
    const r1 = await anwenden(f.bgId, '2024-08', '2024-07-15');
    expect(r1).toMatchObject({ nachzahlungCent: 0, ueberzahlungCent: 0 });
    expect(r1.monate).toEqual(['2024-08', '2024-09', '2024-10'].map((monat) => ({ monat, altCent: voll(monat), neuCent: voll(monat) - 5630 })));
    const versionen = await sys<{ vorgang: string; status: string; approved_by: string | null }>(sql`select vorgang, status, approved_by from bewilligungen where bg_id = ${f.bgId} order by computed_at`);
    expect(versionen).toEqual([
      { vorgang: 'erstbewilligung', status: 'ersetzt', approved_by: leistung.userId },
      { vorgang: 'minderung', status: 'bewilligt', approved_by: leistung.userId },
    ]);
    const input = (await sys<{ input: { personen: { minderungProzent?: number }[] } }>(sql`select m.input from bewilligung_monate m join bewilligungen b on b.id = m.bewilligung_id
      where b.bg_id = ${f.bgId} and b.status = 'bewilligt' and m.monat = '2024-08'`))[0]!.input;
    expect(input.personen[0]!.minderungProzent).toBe(10);
    // the same decision again changes nothing and creates nothing
    expect(await anwenden(f.bgId, '2024-08', '2024-07-15')).toMatchObject({ bewilligungIds: [], monate: [] });
    expect((await sys<{ n: number }>(sql`select count(*)::int as n from bewilligungen where bg_id = ${f.bgId}`))[0]!.n).toBe(2);

    await lauf('2024-07');
    await lauf('2024-08');
    expect(await laufend('2024-08')).toEqual([voll('2024-08') - 5630]);
    expect(await laufend('2024-09')).toEqual([voll('2024-09') - 5630]);

    // Widerspruch granted: the Minderung is lifted → August and September were paid reduced → Nachzahlung 2 × 56.30 €
    await sys(sql`update leistungsminderungen set aufgehoben_am = '2024-09-20', aufhebung_grund = 'Widerspruch abgeholfen', version = version + 1 where id = ${m1}`);
    const r2 = await anwenden(f.bgId, '2024-08', '2024-09-20', 'Minderung aufgehoben');
    expect(r2).toMatchObject({ nachzahlungCent: 11260, ueberzahlungCent: 0 });
    await lauf('2024-09');
    expect(await laufend('2024-10')).toEqual([voll('2024-10')]);
    expect((await zahlung(f.bgId, '2024-08', 'nachzahlung')).map((z) => z.dateiCent)).toEqual([5630]);
    expect((await zahlung(f.bgId, '2024-09', 'nachzahlung')).map((z) => z.dateiCent)).toEqual([5630]);

    // a new Minderung November 2024–March 2025, ended early from February (the person complied)
    const m2 = await minderungFestgestellt(f, { prozent: 10, von: '2024-11', bis: '2025-03', betragCent: 5630 });
    expect((await anwenden(f.bgId, '2024-11', '2024-10-15')).monate.map((m) => m.monat)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    await lauf('2024-10');
    expect(await laufend('2024-11')).toEqual([voll('2024-11') - 5630]);
    await sys(sql`update leistungsminderungen set beendet_ab_monat = '2025-02', beendet_grund = 'Pflicht nachgeholt', version = version + 1 where id = ${m2}`);
    const r3 = await anwenden(f.bgId, '2025-02', '2024-11-20', 'Minderung vorzeitig beendet');
    expect(r3.monate).toEqual(['2025-02', '2025-03'].map((monat) => ({ monat, altCent: voll(monat) - 5630, neuCent: voll(monat) })));

    // Massenänderung from January 2025 (simulated: the stored amounts are 10 € off) keeps the running Minderung
    const aktuell = (await sys<{ id: string }>(sql`select id from bewilligungen where bg_id = ${f.bgId} and status = 'bewilligt'`))[0]!.id;
    await sys(sql`update bewilligung_monate set auszahlung_cent = auszahlung_cent - 1000,
      personen = jsonb_set(personen, '{0,auszahlungCent}', to_jsonb((personen->0->>'auszahlungCent')::int - 1000))
      where bewilligung_id = ${aktuell} and monat >= '2025-01'`);
    const job = await starteMassenaenderung({ ctx: t.ctx, actor: teamleitung, input: { ab: '2025-01-01', grund: 'Neue Werte 2025' }, hintergrund: false });
    await verarbeiteMassenaenderung({ ctx: t.ctx, traegerId: musterland, id: job.id });
    const nachMassen = await sys<{ monat: string; a: number; input: { personen: { minderungProzent?: number }[] } }>(sql`select m.monat, m.auszahlung_cent::int as a, m.input
      from bewilligung_monate m join bewilligungen b on b.id = m.bewilligung_id where b.bg_id = ${f.bgId} and b.status = 'bewilligt' and b.massenaenderung_id = ${job.id}
      and m.monat in ('2025-01', '2025-02') order by m.monat`);
    expect(nachMassen.map((m) => [m.monat, m.a, m.input.personen[0]!.minderungProzent ?? 0])).toEqual([
      ['2025-01', voll('2025-01') - 5630, 10],
      ['2025-02', voll('2025-02'), 0],
    ]);

    await lauf('2024-11');
    await lauf('2024-12');
    await lauf('2025-01');
    expect(await laufend('2024-12')).toEqual([voll('2024-12') - 5630]);
    expect(await laufend('2025-01')).toEqual([voll('2025-01') - 5630]);
    expect(await laufend('2025-02')).toEqual([voll('2025-02')]);
    // months never touched by a Minderung were paid as decided
    expect(await laufend('2024-07')).toEqual([voll('2024-07')]);

    // an Änderung of the Fallakte later (new Bewilligung computed from the Fallakte) keeps the Minderung as a fact
    const b = (await api('leistung', 'GET', `/api/faelle/${f.bgId}/bewilligungen`)).json().bewilligungen.find((x: { status: string }) => x.status === 'bewilligt');
    const ae = await api('leistung', 'POST', `/api/bewilligungen/${b.id}/aenderung`, { ab: '2025-01-01', grund: 'Prüfung', version: b.version });
    // the Fallakte gives the same amounts as decided (the Minderung of January is read from the fact): nothing to change
    expect(ae.json().error, ae.body).toBe('keine_aenderung');
  });
});
