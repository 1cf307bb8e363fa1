import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bewilligungMonate, bewilligungen, statistikSnapshots, statistikWerte } from '../../src/db/schema/index.ts';
import { clockStartingAt } from '../../src/server/clock.ts';
import { pdfText, useApiTestbed } from '../helpers/api.ts';

/**
 * Issue 15, points 2 and 3 (docs/statistik.md, "Exporte und Pressetext", "Einstellungen und Bezugsgrößen"): the
 * Monatsbericht as CSV, XLSX and PDF – small counts as `*` only in exports meant for publication – the Pressetext
 * draft and its download, the Statistik settings and the versioned Bezugsgrößen, with bad input (400 with field paths),
 * rights and RLS. The figures are written straight into statistik_werte (the snapshot builder has its own tests).
 */

const HEUTE = '2026-12-07';
const b = useApiTestbed({ clock: clockStartingAt(`${HEUTE}T09:30:00+01:00`) });

const M = '2026-10';
/** kennung → wert per month (Träger level) */
const WERTE: Record<string, Record<string, number>> = {
  '2025-10': { bg: 8000, personen: 14500, elb: 10400, nef: 3600 },
  '2026-07': {
    'integration.svb_vollzeit': 40,
    'integration.svb_teilzeit': 2,
    'integration.ausbildung': 5,
    'integration.selbststaendigkeit': 1,
    'integration.minijob': 12,
    integrationen: 46,
  },
  '2026-09': { bg: 7845, personen: 14100, elb: 10010, nef: 3520, 'kosten.gesamt_cent': 123_456_789, 'kosten.lebensunterhalt_cent': 80_000_000, 'kosten.unterkunft_cent': 43_456_789,
    'zahlung.llu_cent': 600_000_000, 'zahlung.luh_cent': 290_000_000, 'zahlung.luh_bund_cent': 150_000_000, 'zahlung.luh_kommunal_cent': 140_000_000, 'zahlung.sofortzuschlag_cent': 8_000_000 },
  [M]: {
    bg: 7741,
    personen: 14000,
    elb: 10000,
    nef: 3500,
    'bg.alleinerziehend': 2,
    lzb: 6700,
    alo: 4000,
    neuantraege: 1,
    'massnahme.teilnehmende': 500,
    'elb.alter.u25': 1200,
    'elb.alter.25_49': 5800,
    'elb.alter.ue50': 3000,
    'elb.geschlecht.w': 5100,
    'elb.geschlecht.m': 4899,
    'elb.geschlecht.d': 1,
  },
};

/** the text of a file answer */
const csvZeilen = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\r\n').map((z) => z.split(';'));
const zeileVon = (zeilen: string[][], kennung: string, monat = M) => zeilen.find((z) => z[2] === kennung && z[3] === monat);

/** an XLSX export, read back with exceljs */
const lies = async (q: string) => {
  const res = await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=xlsx${q}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
};
/** the cells of the row whose first cell is `merkmal` */
const zeile = (wb: ExcelJS.Workbook, blatt: string, merkmal: string) => {
  let gefunden: unknown[] | undefined;
  wb.getWorksheet(blatt)!.eachRow((r) => {
    const werte = (r.values as unknown[]).slice(1);
    if (werte[0] === merkmal) gefunden = werte;
  });
  return gefunden;
};

beforeAll(async () => {
  const traegerId = await b.traeger();
  // the Träger's first data: one Bewilligung (pruefeMonat refuses months before the first Bewilligung month)
  const { bgId } = await b.neuerFall('Statistikexport');
  await b.t.ctx.db.withSystem(async (tx) => {
    const bewilligungId = randomUUID();
    await tx.insert(bewilligungen).values({ traegerId, id: bewilligungId, bgId, von: '2024-01-01', bis: '2024-01-31', vorgang: 'erstbewilligung', status: 'bewilligt', rechtsstand: '2024-01-01', summeCent: 100 });
    await tx.insert(bewilligungMonate).values({ traegerId, bewilligungId, monat: '2024-01', input: {}, ergebnis: { personen: [] }, personen: [], kosten: [], auszahlungCent: 100 });
    for (const monat of Object.keys(WERTE)) {
      await tx.insert(statistikSnapshots).values({ traegerId, monat, stichtag: `${monat}-${monat === '2026-09' ? '30' : '31'}`, status: monat < '2026-08' ? 'endgueltig' : 'vorlaeufig', gebautAm: new Date() });
      await tx.insert(statistikWerte).values(Object.entries(WERTE[monat]!).map(([kennung, wert]) => ({ traegerId, monat, ebene: 'traeger' as const, region: '', kennung, wert })));
    }
  });
});

describe('Monatsbericht als CSV, XLSX und PDF', () => {
  it('CSV: UTF-8 mit BOM, Semikolon, deutsche Zahlen, eine Zeile je Zahl; ohne Veröffentlichung echte kleine Zahlen', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="monatsbericht-${M}-traeger.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const zeilen = csvZeilen(res.body);
    expect(zeilen[0]).toEqual(expect.arrayContaining(['Bereich', 'Merkmal', 'Kennung', 'Monat', 'Wert', 'Vormonat', 'Vorjahresmonat', 'Stand']));
    // BG: 7741 against 7845 (−104, −1,3 %) and 8000 (−259, −3,2 %)
    expect(zeileVon(zeilen, 'bg')!.slice(4, 14)).toEqual(['Anzahl', '7741', '7845', '8000', '-104', '-1,3', '-259', '-3,2', '', 'vorläufig']);
    expect(zeileVon(zeilen, 'bg.alleinerziehend')![5]).toBe('2');
    expect(zeileVon(zeilen, 'neuantraege')![5]).toBe('1');
    expect(zeileVon(zeilen, 'integration.svb_teilzeit', '2026-07')![5]).toBe('2');
    expect(zeileVon(zeilen, 'integration.svb_teilzeit', '2026-07')![12]).toBe('3,3');
    expect(zeileVon(zeilen, 'integration.svb_vollzeit', '2026-07')!.at(-2)).toBe('endgültig');
    expect(zeileVon(zeilen, 'kosten.gesamt_cent', '2026-09')![5]).toBe('1234567,89');
    expect(zeileVon(zeilen, 'kosten.gesamt_cent', '2026-01 bis 2026-09')![5]).toBe('1234567,89');
    // Leistungen laut Bewilligungen of the same month: 6 + 2,9 + 0,08 Mio. Euro
    expect(zeileVon(zeilen, 'zahlung.gesamt_cent', '2026-09')!.slice(0, 6)).toEqual(['Kosten', 'Bewilligte Leistungen gesamt', 'zahlung.gesamt_cent', '2026-09', 'Euro', '8980000,00']);
    expect(zeileVon(zeilen, 'zahlung.luh_kommunal_cent', '2026-01 bis 2026-09')![5]).toBe('1400000,00');
    expect(zeileVon(zeilen, 'elb.geschlecht.d')![5]).toBe('1');
    // no Bezugsgröße yet: the Quote is empty with the reason
    expect(zeileVon(zeilen, 'quote.alo')!.slice(5, 6)).toEqual(['']);
    expect(zeileVon(zeilen, 'quote.alo')!.at(-1)).toContain('keine Bezugsgröße');
  });

  it('CSV zur Veröffentlichung: 1 und 2 als *, ebenso Veränderungen und Anteile daraus; 0 und große Zahlen bleiben; protokolliert', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv&veroeffentlichung=true`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('veroeffentlichung.csv');
    const zeilen = csvZeilen(res.body);
    expect(zeileVon(zeilen, 'bg')![5]).toBe('7741');
    expect(zeileVon(zeilen, 'bg.alleinerziehend')![5]).toBe('*');
    expect(zeileVon(zeilen, 'neuantraege')![5]).toBe('*');
    expect(zeileVon(zeilen, 'massnahme.eintritte')![5]).toBe('0');
    const teilzeit = zeileVon(zeilen, 'integration.svb_teilzeit', '2026-07')!;
    expect([teilzeit[5], teilzeit[12]]).toEqual(['*', '*']);
    expect(zeileVon(zeilen, 'integration.svb_vollzeit', '2026-07')![5]).toBe('40');
    expect(zeileVon(zeilen, 'elb.geschlecht.d')!.slice(5, 6)).toEqual(['*']);
    expect(zeileVon(zeilen, 'elb.geschlecht.w')![5]).toBe('5100');
    const audit = await b.t.ctx.db.withSystem((tx) =>
      tx.execute<{ details: { format: string; monat: string } }>(sql`select details from audit_log where object_type = 'statistik' and action = 'export' order by id`),
    );
    expect(audit.rows.map((r) => r.details)).toEqual(expect.arrayContaining([expect.objectContaining({ format: 'csv', monat: M })]));
  });

  it('XLSX: Blätter Bestand, Integrationen, Kosten, Merkmale; Zahlen als Zahlen, * nur zur Veröffentlichung', async () => {
    const echt = await lies('');
    expect(echt.worksheets.map((w) => w.name)).toEqual(['Bestand', 'Integrationen', 'Kosten', 'Merkmale']);
    expect(zeile(echt, 'Bestand', 'Bedarfsgemeinschaften')!.slice(0, 5)).toEqual(['Bedarfsgemeinschaften', 7741, 7845, 8000, -104]);
    expect(zeile(echt, 'Bestand', 'Bedarfsgemeinschaften von Alleinerziehenden')![1]).toBe(2);
    expect(zeile(echt, 'Kosten', 'Ausgaben gesamt')![2]).toBe(1_234_567.89);
    expect(zeile(echt, 'Kosten', 'Bewilligte Leistungen gesamt')![2]).toBe(8_980_000);
    expect(zeile(echt, 'Kosten', 'Bewilligt: Kosten der Unterkunft, davon Bundesbeteiligung')![2]).toBe(1_500_000);
    expect(zeile(echt, 'Kosten', 'Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch)')).toBeDefined();
    expect(zeile(echt, 'Kosten', 'Gebuchte Auszahlungen (nach Zahlmonat)')).toBeDefined();
    const oeffentlich = await lies('&veroeffentlichung=true');
    expect(zeile(oeffentlich, 'Bestand', 'Bedarfsgemeinschaften')![1]).toBe(7741);
    expect(zeile(oeffentlich, 'Bestand', 'Bedarfsgemeinschaften von Alleinerziehenden')![1]).toBe('*');
  });

  it('PDF: Titel, Stichtag, Hinweis „vorläufig“ und die Zahlen (pdftotext)', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Monatsbericht Oktober 2026');
    expect(text).not.toContain(`Monatsbericht ${M}`);
    // short column headers (no word broken in a narrow column) and the share of the Integrationen
    expect(text).toContain('Vormonat Vorjahr ± Vormonat in % ± Vorjahr in %');
    expect(text).toContain('Integrationen zusammen 46 76,7');
    expect(text).toContain('Januar 2026 bis September 2026');
    expect(text).toContain('Stichtag: 31.10.2026');
    expect(text).toContain('VORLÄUFIG');
    for (const zahl of ['7.741', '7.845', '8.000', '-104', '-1,3', '10.000', '1.234.567,89 €', '8.980.000,00 €']) expect(text).toContain(zahl);
    expect(text).toContain('Leistungen für den Monat laut Bewilligungen');
    expect(text).toContain('Gebuchte Auszahlungen (nach Zahlmonat)');
  });

  it('falsche Eingaben: 400 mit Feldpfad; Monat ohne Snapshot 404; Zukunft 400; Rechte', async () => {
    const format = await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=docx`);
    expect(format.statusCode).toBe(400);
    expect(format.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.format']);
    const monat = await b.api('controlling', 'GET', '/api/statistik/monatsbericht/export?monat=2026-13&format=csv');
    expect(monat.json().issues[0].path).toBe('query.monat');
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht/export?monat=2026-11&format=csv')).json().error).toBe('statistik_kein_snapshot');
    expect((await b.api('controlling', 'GET', '/api/statistik/monatsbericht/export?monat=2027-01&format=csv')).json().error).toBe('statistik_monat_zukunft');
    expect((await b.api('leistung', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`)).statusCode).toBe(403);
    expect((await b.api(null, 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`)).statusCode).toBe(401);
    // teamleitung: only its Standorte, never the whole Träger
    expect((await b.api('teamleitung', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`)).json().error).toBe('statistik_ebene_verboten');
  });

  it('Seite /steuerung/monatsbericht/export: Auswahl; mit Format weiter zur Datei', async () => {
    const seite = await b.seite('controlling', `/steuerung/monatsbericht/export?monat=${M}`);
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Veröffentlichung');
    const weiter = await b.seite('controlling', `/steuerung/monatsbericht/export?monat=${M}&format=xlsx&veroeffentlichung=1`);
    expect(weiter.statusCode).toBe(302);
    expect(weiter.headers.location).toBe(`/api/statistik/monatsbericht/export?monat=${M}&ebene=traeger&format=xlsx&veroeffentlichung=true`);
    const falsch = await b.seite('controlling', `/steuerung/monatsbericht/export?monat=${M}&format=doc`);
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte wählen Sie PDF, CSV oder XLSX.');
    // the checks of the file itself happen on the page: German message at the field, never the API's JSON
    const zukunft = await b.seite('controlling', '/steuerung/monatsbericht/export?monat=2027-01&format=pdf');
    expect(zukunft.statusCode).toBe(400);
    expect(zukunft.body).toContain('Der Stichtag dieses Monats liegt in der Zukunft.');
    expect(zukunft.body).not.toContain('statistik_monat_zukunft');
    const frueh = await b.seite('controlling', '/steuerung/monatsbericht/export?monat=1999-01&format=csv');
    expect(frueh.statusCode).toBe(400);
    expect(frueh.body).toContain('Dieser Monat liegt vor den ersten Daten des Trägers.');
    const ohne = await b.seite('controlling', '/steuerung/monatsbericht/export?monat=2026-11&format=csv');
    expect(ohne.statusCode).toBe(404);
    expect(ohne.body).toContain('noch nicht erstellt');
    const fremd = await b.seite('controlling', `/steuerung/monatsbericht/export?monat=${M}&format=csv&bereich=standort:${randomUUID()}`);
    expect(fremd.statusCode).toBe(404);
    expect(fremd.headers.location).toBeUndefined();
    // all three formats, each also for publication
    for (const f of ['pdf', 'xlsx', 'csv']) expect(seite.body).toContain(`value="${f}"`);
  });
});

describe('Pressetext', () => {
  it('Entwurf aus dem Bericht; der bearbeitete Text wird als .txt geladen und protokolliert', async () => {
    const res = await b.api('controlling', 'GET', `/api/statistik/pressetext?monat=${M}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entwurf).toContain('7.741');
    expect(res.json().entwurf).toContain('Für Leistungen im September 2026 wurden 8,98 Mio. Euro bewilligt.');
    expect(res.json().text).toBe(res.json().entwurf);
    const jar = await b.jar('controlling');
    const token = jar.get('vorort_csrf');
    const datei = await b.t.app.inject({
      method: 'POST',
      url: '/api/statistik/pressetext',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token ?? '', monat: M, ebene: 'traeger', text: 'Meine Fassung:\nDie Zahl sinkt.' }).toString(),
    });
    expect(datei.statusCode, datei.body).toBe(200);
    expect(datei.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(datei.headers['content-disposition']).toBe(`attachment; filename="pressetext-${M}.txt"`);
    expect(datei.body).toBe('\uFEFFMeine Fassung:\r\nDie Zahl sinkt.');
    const zuLang = await b.api('controlling', 'POST', '/api/statistik/pressetext', { monat: M, text: 'x'.repeat(20_001) });
    expect(zuLang.json().issues[0].path).toBe('body.text');
    expect((await b.api('integration', 'GET', `/api/statistik/pressetext?monat=${M}`)).statusCode).toBe(403);
  });
});

describe('Einstellungen und Bezugsgrößen', () => {
  it('Einstellungen: Vorgaben mit Version 0, falsche Eingaben mit Feldpfaden, Speichern, veraltete Version 409', async () => {
    const vorher = await b.api('controlling', 'GET', '/api/statistik/einstellungen');
    expect(vorher.json()).toMatchObject({ stichtagTag: null, land: null, kleinzahlGrenze: 3, version: 0 });
    const falsch = await b.api('controlling', 'PUT', '/api/statistik/einstellungen', { stichtagTag: 31, land: 'XX', kleinzahlGrenze: 50, version: 0 });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.kleinzahlGrenze', 'body.land', 'body.stichtagTag']);
    const gespeichert = await b.api('admin', 'PUT', '/api/statistik/einstellungen', { stichtagTag: null, land: 'NW', kleinzahlGrenze: 5, version: 0 });
    expect(gespeichert.statusCode, gespeichert.body).toBe(200);
    expect(gespeichert.json()).toMatchObject({ land: 'NW', landName: 'Nordrhein-Westfalen', kleinzahlGrenze: 5, version: 1 });
    expect((await b.api('controlling', 'PUT', '/api/statistik/einstellungen', { stichtagTag: null, land: 'NW', kleinzahlGrenze: 3, version: 0 })).statusCode).toBe(409);
    expect((await b.api('teamleitung', 'PUT', '/api/statistik/einstellungen', { stichtagTag: null, land: 'NW', kleinzahlGrenze: 3, version: 1 })).statusCode).toBe(403);
    // the new limit applies to published exports: 4 (Minijob count 12 stays, Ausbildung 5 stays, Selbständigkeit 1 → *)
    const csv = csvZeilen((await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv&veroeffentlichung=true`)).body);
    expect(zeileVon(csv, 'integration.ausbildung', '2026-07')![5]).toBe('5');
    expect(zeileVon(csv, 'integration.selbststaendigkeit', '2026-07')![5]).toBe('*');
    const zurueck = await b.api('controlling', 'PUT', '/api/statistik/einstellungen', { stichtagTag: null, land: 'NW', kleinzahlGrenze: 3, version: 1 });
    expect(zurueck.json().version).toBe(2);
    const audit = await b.t.ctx.db.withSystem((tx) => tx.execute<{ details: { feld: string } }>(sql`select details from audit_log where object_type = 'statistik' and action = 'update' order by id`));
    expect(audit.rows.map((r) => r.details.feld)).toEqual(['land,kleinzahlGrenze', 'kleinzahlGrenze']);
  });

  it('Bezugsgrößen: anlegen, doppelt 409, falsche Eingaben 400 mit Feldpfaden, endgültige Monate nicht; versioniert', async () => {
    const { Musterstadt } = await b.kommunen();
    const neu = await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: M, wert: 229_000, quelle: 'Statistik der BA, Bezugsgrößen 2026' });
    expect(neu.statusCode, neu.body).toBe(201);
    const doppelt = await b.api('admin', 'POST', '/api/statistik/bezugsgroessen', { art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: M, wert: 230_000, quelle: 'nochmal' });
    expect(doppelt.statusCode).toBe(409);
    expect(doppelt.json()).toMatchObject({ error: 'bezugsgroesse_besteht', issues: [{ path: 'body.gueltigAbMonat' }] });
    const falsch = await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'einwohner', kommuneId: 'x', gueltigAbMonat: '2026-13', wert: 0, quelle: ' ' });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.art', 'body.gueltigAbMonat', 'body.kommuneId', 'body.quelle', 'body.wert']);
    const unbekannt = await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'bevoelkerung_bis_altersgrenze', kommuneId: randomUUID(), gueltigAbMonat: M, wert: 5000, quelle: 'Zensus' });
    expect(unbekannt.json().issues[0].path).toBe('body.kommuneId');
    // Stichtag 31.7.2026 + Wartezeit → endgültig: the figures of July are never changed afterwards
    const endgueltig = await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: '2026-07', wert: 1, quelle: 'x' });
    expect(endgueltig.json().issues[0].path).toBe('body.gueltigAbMonat');
    expect((await b.api('teamleitung', 'POST', '/api/statistik/bezugsgroessen', { art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: '2026-12', wert: 1, quelle: 'x' })).statusCode).toBe(403);
    expect(
      (await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'bevoelkerung_bis_altersgrenze', kommuneId: Musterstadt, gueltigAbMonat: '2026-12', wert: 40_000, quelle: 'Zensus 2022, fortgeschrieben' }))
        .statusCode,
    ).toBe(201);
    // a later value applies from its month only: October keeps 229.000 (Quote 4.000 / 229.000 = 1,7 %)
    expect((await b.api('controlling', 'POST', '/api/statistik/bezugsgroessen', { art: 'zivile_erwerbspersonen', kommuneId: null, gueltigAbMonat: '2026-11', wert: 100_000, quelle: 'neu' })).statusCode).toBe(201);
    const liste = await b.api('teamleitung', 'GET', '/api/statistik/bezugsgroessen');
    expect(liste.statusCode).toBe(200);
    expect(liste.json().bezugsgroessen.map((e: { art: string; kommune: string | null; gueltigAbMonat: string; wert: number }) => [e.art, e.kommune, e.gueltigAbMonat, e.wert])).toEqual([
      ['bevoelkerung_bis_altersgrenze', 'Musterstadt', '2026-12', 40_000],
      ['zivile_erwerbspersonen', null, '2026-11', 100_000],
      ['zivile_erwerbspersonen', null, M, 229_000],
    ]);
    const csv = csvZeilen((await b.api('controlling', 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`)).body);
    expect(zeileVon(csv, 'quote.alo')![5]).toBe('1,7');
    expect(zeileVon(csv, 'quote.alo')!.at(-1)).toBe('Bezugsgröße 229.000 (gültig ab 2026-10)');
  });

  it('RLS: der zweite Träger sieht weder Bezugsgrößen noch Einstellungen des ersten', async () => {
    const fremd = 'admin@beispielstadt.example';
    expect((await b.api(fremd, 'GET', '/api/statistik/bezugsgroessen')).json().bezugsgroessen).toEqual([]);
    expect((await b.api(fremd, 'GET', '/api/statistik/einstellungen')).json()).toMatchObject({ land: null, version: 0 });
    expect((await b.api(fremd, 'GET', `/api/statistik/monatsbericht/export?monat=${M}&format=csv`)).statusCode).toBe(400);
  });
});

describe('Seite /steuerung/einstellungen', () => {
  it('zeigt Einstellungen und Bezugsgrößen; Fehler am Feld; speichert', async () => {
    const seite = await b.seite('controlling', '/steuerung/einstellungen');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('229.000');
    const version = /name="version" value="(\d+)"/.exec(seite.body)![1]!;
    const falsch = await b.formular('controlling', '/steuerung/einstellungen', { formular: 'einstellungen', stichtagTag: '30', land: 'NW', kleinzahlGrenze: 'drei', version });
    expect(falsch.statusCode).toBe(400);
    expect(falsch.body).toContain('Bitte eine ganze Zahl von 0 bis 20 angeben.');
    const ok = await b.formular('controlling', '/steuerung/einstellungen', { formular: 'einstellungen', stichtagTag: 'letzter', land: 'NW', kleinzahlGrenze: '3', version });
    expect(ok.statusCode).toBe(302);
    const doppelt = await b.formular('controlling', '/steuerung/einstellungen', { formular: 'bezugsgroesse', art: 'zivile_erwerbspersonen', kommuneId: '', gueltigAbMonat: M, wert: '1000', quelle: 'x' });
    expect(doppelt.statusCode).toBe(409);
    expect(doppelt.body).toContain('Für diese Art, Region und diesen Monat gibt es schon einen Eintrag.');
    expect((await b.seite('teamleitung', '/steuerung/einstellungen')).statusCode).toBe(403);
  });
});
