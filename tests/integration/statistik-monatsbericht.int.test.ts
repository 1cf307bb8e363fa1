import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bewilligungMonate, bewilligungen, statistikBezugsgroessen, statistikSnapshots, statistikWerte } from '../../src/db/schema/index.ts';
import { clockStartingAt } from '../../src/server/clock.ts';
import { monatsbericht } from '../../src/server/statistik/monatsbericht.ts';
import { useApiTestbed } from '../helpers/api.ts';

/**
 * Issue 15, point 2 (docs/statistik.md, "Monatsbericht"): the Monatsbericht of a month for the Träger, a Kommune and
 * a Standort from the stored figures – Δ Vormonat/Vorjahresmonat, Integrationen three months back, costs of the month
 * before and the year to date, quotes only with a Bezugsgröße of at least 15,000 – with bad months (400), a missing
 * snapshot (404), the rights of teamleitung and RLS. The figures are written straight into statistik_werte (the
 * snapshot builder has its own tests).
 */

const HEUTE = '2026-12-07';
const b = useApiTestbed({ clock: clockStartingAt(`${HEUTE}T09:30:00+01:00`) });

const M = '2026-11';
type Werte = Record<string, number>;
/** month → ebene:region → figures; region filled in beforeAll */
const TRAEGER: Record<string, Werte> = {
  '2025-11': { bg: 7861, personen: 14200, elb: 10500, nef: 3700, alo: 4300 },
  '2025-08': { integrationen: 160 },
  '2026-01': { 'kosten.gesamt_cent': 900_000_000, 'kosten.eingliederung_cent': 1_000_000, 'zahlung.llu_cent': 500_000_000, 'zahlung.luh_cent': 300_000_000 },
  '2026-08': { 'integration.svb_vollzeit': 100, 'integration.svb_teilzeit': 60, 'integration.gefoerdert_16e': 8, 'integration.minijob': 85, integrationen: 168 },
  '2026-10': {
    bg: 7845,
    personen: 14100,
    elb: 10400,
    nef: 3700,
    alo: 4100,
    'kosten.gesamt_cent': 898_000_000,
    'kosten.lebensunterhalt_cent': 600_000_000,
    'kosten.unterkunft_cent': 290_000_000,
    'kosten.unterkunft_bund_cent': 150_000_000,
    'kosten.unterkunft_kommunal_cent': 140_000_000,
    // Leistungen for October laut Bewilligungen (Zahlungsanspruch), independent of the bookings
    'zahlung.llu_cent': 610_000_000,
    'zahlung.luh_cent': 280_000_000,
    'zahlung.luh_bund_cent': 140_000_000,
    'zahlung.luh_kommunal_cent': 140_000_000,
    'zahlung.sofortzuschlag_cent': 8_000_000,
  },
  [M]: {
    bg: 7741,
    personen: 14024,
    elb: 10312,
    nef: 3712,
    alo: 4000,
    neuantraege: 2,
    'massnahme.teilnehmende': 934,
    'massnahme.eintritte': 120,
    'elb.alter.u25': 1500,
    'elb.geschlecht.w': 5156,
    'alo.alter.ue50': 1000,
  },
};

/** the last day of a month (the default Stichtag) */
const letzter = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

let kommune: Record<string, string> = {};
let standort: Record<string, string> = {};

beforeAll(async () => {
  const traegerId = await b.traeger();
  kommune = await b.kommunen();
  const { bgId } = await b.neuerFall('Monatsbericht');
  const controlling = await b.actor('controlling');
  await b.t.ctx.db.withSystem(async (tx) => {
    standort = Object.fromEntries((await tx.execute<{ id: string; name: string }>(sql`select id, name from standorte where traeger_id = ${traegerId}`)).rows.map((r) => [r.name, r.id]));
    // the Träger's first data: a Bewilligung of 2024-01 (pruefeMonat refuses months before it)
    const bewilligungId = randomUUID();
    await tx.insert(bewilligungen).values({ traegerId, id: bewilligungId, bgId, von: '2024-01-01', bis: '2024-01-31', vorgang: 'erstbewilligung', status: 'bewilligt', rechtsstand: '2024-01-01', summeCent: 100 });
    await tx.insert(bewilligungMonate).values({ traegerId, bewilligungId, monat: '2024-01', input: {}, ergebnis: { personen: [] }, personen: [], kosten: [], auszahlungCent: 100 });
    for (const monat of Object.keys(TRAEGER)) {
      await tx.insert(statistikSnapshots).values({ traegerId, monat, stichtag: letzter(monat), status: monat <= '2026-08' ? 'endgueltig' : 'vorlaeufig', gebautAm: new Date() });
      await tx.insert(statistikWerte).values(Object.entries(TRAEGER[monat]!).map(([kennung, wert]) => ({ traegerId, monat, ebene: 'traeger' as const, region: '', kennung, wert })));
    }
    // a first build still running: no figures yet
    await tx.insert(statistikSnapshots).values({ traegerId, monat: '2026-09', stichtag: '2026-09-30', status: 'im_aufbau' });
    await tx.insert(statistikWerte).values([
      { traegerId, monat: M, ebene: 'kommune', region: kommune.Musterstadt!, kennung: 'bg', wert: 3000 },
      { traegerId, monat: M, ebene: 'kommune', region: kommune.Musterstadt!, kennung: 'alo', wert: 1200 },
      { traegerId, monat: M, ebene: 'kommune', region: kommune.Musterstadt!, kennung: 'kosten.gesamt_cent', wert: 5 },
      { traegerId, monat: '2026-10', ebene: 'kommune', region: kommune.Musterstadt!, kennung: 'kosten.gesamt_cent', wert: 300_000_000 },
      { traegerId, monat: M, ebene: 'standort', region: standort['Jobcenter Musterstadt']!, kennung: 'bg', wert: 1500 },
      { traegerId, monat: '2026-10', ebene: 'standort', region: standort['Jobcenter Musterstadt']!, kennung: 'zahlung.llu_cent', wert: 12_345_600 },
      // Beispieldorf: Leistungen laut Bewilligungen, but no Zahllauf booked anything
      { traegerId, monat: M, ebene: 'kommune', region: kommune.Beispieldorf!, kennung: 'bg', wert: 40 },
      { traegerId, monat: '2026-10', ebene: 'kommune', region: kommune.Beispieldorf!, kennung: 'zahlung.llu_cent', wert: 4_000_000 },
      { traegerId, monat: '2026-10', ebene: 'kommune', region: kommune.Beispieldorf!, kennung: 'zahlung.luh_cent', wert: 2_500_000 },
      { traegerId, monat: M, ebene: 'standort', region: standort['Jobcenter Seeheim']!, kennung: 'bg', wert: 700 },
    ]);
    await tx.insert(statistikBezugsgroessen).values([
      { traegerId, art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: '2026-05', wert: 229_000, quelle: 'BA-Statistik (Test)', createdBy: controlling.userId },
      { traegerId, art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: '2027-05', wert: 1_000_000, quelle: 'später gültig (Test)', createdBy: controlling.userId },
      { traegerId, art: 'bevoelkerung_bis_altersgrenze', kommuneId: null, gueltigAbMonat: '2025-05', wert: 300_000, quelle: 'Test', createdBy: controlling.userId },
      { traegerId, art: 'zivile_erwerbspersonen', kommuneId: kommune.Musterstadt!, gueltigAbMonat: '2026-05', wert: 14_999, quelle: 'Test', createdBy: controlling.userId },
    ]);
  });
});

describe('Monatsbericht (API)', () => {
  it('Träger: Bestand mit Vormonat und Vorjahresmonat, Integrationen drei Monate zuvor, Kosten des Vormonats, Quoten', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=traeger`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ monat: M, stichtag: '2026-11-30', ebene: 'traeger', region: { id: null, name: 'Kreis Musterland' }, datenstand: 'vorlaeufig' });
    // 7741 vs 7845 (−104; −1.3257 % → −1.3) and vs 7861 (−120; −1.5265 % → −1.5) – the seed's figures
    expect(r.bestand.bg).toEqual({ kennung: 'bg', wert: 7741, vormonat: 7845, vorjahr: 7861, deltaVormonat: { absolut: -104, prozent: -1.3 }, deltaVorjahr: { absolut: -120, prozent: -1.5 }, datenstand: 'vorlaeufig' });
    expect(r.bestand.nef.wert).toBe(3712);
    expect(r.bestand.personen.wert).toBe(14024);
    // Integrationen of August (three months back, endgültig); 168 svB of 253 with Minijobs = 66.4 %
    expect(r.integrationen).toMatchObject({ monat: '2026-08', datenstand: 'endgueltig', gesamt: 253, svb: { anzahl: 168, anteil: 66.4 } });
    expect(r.integrationen.minijob).toMatchObject({ anzahl: 85, anteil: 33.6 });
    // 168 vs 160 in 2025-08: +8 = +5.0 %
    expect(r.integrationen.integrationen).toMatchObject({ kennung: 'integrationen', wert: 168, vorjahr: 160, deltaVorjahr: { absolut: 8, prozent: 5 } });
    // costs: October, and January … October (only Jan and Oct have bookings here)
    expect(r.kosten).toMatchObject({ monat: '2026-10', jahrVon: '2026-01', datenstand: 'vorlaeufig' });
    expect(r.kosten.gesamt).toEqual({ kennung: 'kosten.gesamt_cent', monatCent: 898_000_000, jahrCent: 1_798_000_000 });
    expect(r.kosten.unterkunftKommunal.monatCent).toBe(140_000_000);
    expect(r.kosten.eingliederung).toEqual({ kennung: 'kosten.eingliederung_cent', monatCent: 0, jahrCent: 1_000_000 });
    // Leistungen laut Bewilligungen of the same month: 610 + 280 + 8 = 898 Mio. Cent; the year: + 500 + 300 in January
    expect(r.leistungen).toMatchObject({ monat: '2026-10', jahrVon: '2026-01', datenstand: 'vorlaeufig' });
    expect(r.leistungen.gesamt).toEqual({ kennung: 'zahlung.gesamt_cent', monatCent: 898_000_000, jahrCent: 1_698_000_000 });
    expect(r.leistungen.lebensunterhalt).toEqual({ kennung: 'zahlung.llu_cent', monatCent: 610_000_000, jahrCent: 1_110_000_000 });
    expect(r.leistungen.unterkunftBund.monatCent).toBe(140_000_000);
    expect(r.leistungen.sofortzuschlag.monatCent).toBe(8_000_000);
    expect(r.reihen.leistungen).toHaveLength(13);
    expect(r.reihen.leistungen.at(-1)).toEqual({ monat: '2026-10', datenstand: 'vorlaeufig', lebensunterhaltCent: 610_000_000, unterkunftCent: 280_000_000, sofortzuschlagCent: 8_000_000, gesamtCent: 898_000_000 });
    // Arbeitslosenquote 4000 / 229000 = 1.7467 % → 1.7 (the Bezugsgröße valid from 2026-05; the one from 2027-05 not yet)
    expect(r.arbeitslosenquote).toMatchObject({ kennung: 'quote.alo', wert: 1.7, grund: null, bezugsgroesse: { wert: 229_000, gueltigAb: '2026-05' } });
    // SGB II-Quote (10312 + 3712) / 300000 = 4.6747 % → 4.7
    expect(r.sgb2Quote).toMatchObject({ wert: 4.7, grund: null });
    expect(r.arbeitslose.deltaVorjahr).toEqual({ absolut: -300, prozent: -7 });
    expect(r.neuantraege.wert).toBe(2); // staff see real small counts
    expect(r.massnahmeTeilnehmende.wert).toBe(934);
    expect(r.aufteilung.elb.alter[0]).toEqual({ schluessel: 'u25', kennung: 'elb.alter.u25', wert: 1500, anteil: 14.5 });
    expect(r.reihen.bestand).toHaveLength(25);
    expect(r.reihen.bestand.at(-2)).toEqual({ monat: '2026-10', datenstand: 'vorlaeufig', bg: 7845, elb: 10400 });
    // 2026-09 is still im_aufbau: no figures
    expect(r.reihen.bestand.at(-3)).toEqual({ monat: '2026-09', datenstand: null, bg: null, elb: null });
    expect(r.reihen.integrationen.at(-1).arten.svb_vollzeit).toBe(100);
  });

  it('Kommune: eigene Zahlen, Quote bei Bezugsgröße unter 15.000 nicht ausgewiesen; Standort: keine Kosten, keine Quote', async () => {
    const k = await b.api('controlling', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=kommune&region=${kommune.Musterstadt}`);
    expect(k.statusCode, k.body).toBe(200);
    expect(k.json()).toMatchObject({ ebene: 'kommune', region: { id: kommune.Musterstadt, name: 'Musterstadt' } });
    expect(k.json().bestand.bg.wert).toBe(3000);
    expect(k.json().bestand.bg.vormonat).toBe(0);
    expect(k.json().arbeitslosenquote).toMatchObject({ wert: null, grund: 'bezugsgroesse_zu_klein', bezugsgroesse: { wert: 14_999 } });
    expect(k.json().sgb2Quote).toMatchObject({ wert: null, grund: 'keine_bezugsgroesse' });
    expect(k.json().kosten.gesamt.monatCent).toBe(300_000_000);
    const s = await b.api('controlling', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${standort['Jobcenter Seeheim']}`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ ebene: 'standort', region: { name: 'Jobcenter Seeheim' }, kosten: null, arbeitslosenquote: { wert: null, grund: 'keine_bezugsgroesse' } });
    expect(s.json().bestand.bg.wert).toBe(700);
    // Leistungen are stored per Standort too
    const eigen = await b.api('controlling', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${standort['Jobcenter Musterstadt']}`);
    expect(eigen.json().leistungen.lebensunterhalt.monatCent).toBe(12_345_600);
    expect(eigen.json().kosten).toBeNull();
  });

  it('Monat in der Zukunft, vor den Daten, ungültig → 400; ohne fertigen Snapshot → 404', async () => {
    const zukunft = await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-12');
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.json()).toMatchObject({ error: 'statistik_monat_zukunft' });
    expect(zukunft.json().issues[0].path).toBe('query.monat');
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2023-12')).json()).toMatchObject({ error: 'statistik_monat_vor_daten' });
    const falsch = await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-13');
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues[0].path).toBe('query.monat');
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-11&ebene=land')).statusCode).toBe(400);
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-11&ebene=kommune')).statusCode).toBe(400);
    const imAufbau = await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-09');
    expect(imAufbau.statusCode).toBe(404);
    expect(imAufbau.json()).toMatchObject({ error: 'statistik_kein_snapshot' });
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht?monat=2026-07')).json()).toMatchObject({ error: 'statistik_kein_snapshot' });
    expect((await b.api('controlling', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${randomUUID()}`)).statusCode).toBe(404);
  });

  it('Teamleitung: nur eigene Standorte (anderer Standort 404, Träger und Kommune 403); ohne Recht 403, anonym 401', async () => {
    const eigen = await b.api('teamleitung', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${standort['Jobcenter Musterstadt']}`);
    expect(eigen.statusCode, eigen.body).toBe(200);
    expect(eigen.json().bestand.bg.wert).toBe(1500);
    expect((await b.api('teamleitung', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${standort['Jobcenter Seeheim']}`)).statusCode).toBe(404);
    expect((await b.api('teamleitung', 'GET', `/api/statistik/monatsbericht?monat=${M}`)).json()).toMatchObject({ error: 'statistik_ebene_verboten' });
    expect((await b.api('teamleitung', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=kommune&region=${kommune.Musterstadt}`)).statusCode).toBe(403);
    expect((await b.api('leistung', 'GET', `/api/statistik/monatsbericht?monat=${M}`)).statusCode).toBe(403);
    expect((await b.api(null, 'GET', `/api/statistik/monatsbericht?monat=${M}`)).statusCode).toBe(401);
    // the use case directly (pages call it so)
    const actor = { ...(await b.actor('teamleitung')), standorte: [] };
    await expect(monatsbericht.execute({ ctx: b.t.ctx, actor, input: { monat: M, ebene: 'standort', region: standort['Jobcenter Musterstadt'] } })).rejects.toMatchObject({ status: 404 });
  });

  it('RLS: der andere Träger sieht nichts davon', async () => {
    const r = await b.api('admin@beispielstadt.example', 'GET', `/api/statistik/monatsbericht?monat=${M}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('statistik_monat_vor_daten');
    expect((await b.api('admin@beispielstadt.example', 'GET', `/api/statistik/monatsbericht?monat=${M}&ebene=standort&region=${standort['Jobcenter Musterstadt']}`)).statusCode).toBe(404);
    const roh = await b.t.ctx.db.withTenant({ traegerId: await b.traeger('beispielstadt') }, (tx) =>
      tx.execute<{ n: string }>(sql`select (select count(*) from statistik_werte) + (select count(*) from statistik_snapshots) + (select count(*) from statistik_bezugsgroessen) as n`),
    );
    expect(Number(roh.rows[0]!.n)).toBe(0);
  });
});

describe('Seite /steuerung/monatsbericht', () => {
  it('zeigt alle Zahlen mit Definition, Datenstand, Diagramme mit Tabellen und die Exporte', async () => {
    const seite = await b.seite('controlling', '/steuerung/monatsbericht');
    expect(seite.statusCode).toBe(200);
    const html = seite.body;
    // default month: the latest built snapshot
    expect(html).toContain('Berichtsmonat November 2026, Stichtag 30.11.2026');
    expect(html).toContain('7.741');
    expect(html).toContain('−104 (−1,3 %)');
    expect(html).toContain('href="/steuerung/definitionen#bg"');
    expect(html).toContain('href="/steuerung/definitionen#kosten-unterkunft_kommunal_cent"');
    expect(html).toContain('Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch)');
    expect(html).toContain('Gebuchte Auszahlungen (nach Zahlmonat)');
    expect(html).toContain('href="/steuerung/definitionen#zahlung-luh_bund_cent"');
    expect(html).toContain('href="/steuerung/definitionen#zahlung-gesamt_cent"');
    expect(html).toContain('href="/steuerung/definitionen#quote-alo"');
    expect(html).toContain('Leistungen laut Bewilligungen je Monat');
    expect(html).toContain('href="/steuerung/definitionen#integration-svb_vollzeit"');
    expect(html).toContain('Integrationen im August 2026');
    expect(html).toContain('66,4 %');
    expect(html).toContain('1,7 %');
    expect(html).toContain('vorläufig');
    expect(html).toContain('endgültig');
    expect(html.match(/role="img"/g)).toHaveLength(3);
    expect(html.match(/<summary[^>]*>Daten als Tabelle/g)).toHaveLength(3);
    expect(html).toContain('/steuerung/monatsbericht/export?monat=2026-11&amp;ebene=traeger&amp;region=&amp;format=pdf');
    expect(html).toContain('/steuerung/pressetext?monat=2026-11');
    expect(html).not.toContain('Monatsbericht</td>'); // never a person's name (the Fall is "Monatsbericht")
    expect(html).not.toContain('Aylin');
  });

  it('Teamleitung: nur eigene Standorte zur Auswahl, Träger-Ebene mit Hinweis; kein Snapshot mit Hinweis', async () => {
    const tl = await b.seite('teamleitung', `/steuerung/monatsbericht?monat=${M}&bereich=standort:${standort['Jobcenter Musterstadt']}`);
    expect(tl.statusCode).toBe(200);
    expect(tl.body).toContain('Standort Jobcenter Musterstadt');
    expect(tl.body).not.toContain('Standort Jobcenter Seeheim');
    expect(tl.body).not.toContain('Ganzer Träger');
    expect(tl.body).toContain('1.500');
    const traeger = await b.seite('teamleitung', `/steuerung/monatsbericht?monat=${M}&ebene=traeger`);
    expect(traeger.statusCode).toBe(200);
    expect(traeger.body).toContain('Diese Auswertung steht Ihnen nur für Ihre Standorte zur Verfügung.');
    const ohne = await b.seite('controlling', '/steuerung/monatsbericht?monat=2026-09');
    expect(ohne.body).toContain('Für diesen Monat gibt es noch keine Statistik.');
    expect(ohne.body).toContain('href="/steuerung/daten"');
    const zukunft = await b.seite('controlling', '/steuerung/monatsbericht?monat=2027-01');
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.body).toContain('Der Stichtag dieses Monats liegt in der Zukunft.');
    expect((await b.seite('leistung', '/steuerung/monatsbericht')).statusCode).toBe(403);
  });

  it('ohne gebuchte Auszahlungen: Hinweis statt einer Tabelle mit Nullen, die Leistungen laut Bewilligungen stehen da', async () => {
    const dorf = await b.seite('controlling', `/steuerung/monatsbericht?monat=${M}&bereich=kommune:${kommune.Beispieldorf}`);
    expect(dorf.statusCode).toBe(200);
    expect(dorf.body).toContain('Für diesen Monat sind keine Auszahlungen gebucht.');
    expect(dorf.body).not.toContain('Gebuchte Auszahlungen Oktober 2026');
    // 40.000 € + 25.000 € = 65.000 €
    expect(dorf.body).toMatch(/65\.000,00(&nbsp;|\s|\u00a0)€/);
    expect(dorf.body.match(/role="img"/g)).toHaveLength(3);
  });
});
