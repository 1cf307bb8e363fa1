import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFor, signIn, type CookieJar, type TestApp } from '../helpers/app.ts';

/**
 * Vergleich mit allen Jobcentern (docs/statistik.md): import of published Kennzahlen (CSV/XLSX, all or nothing, every
 * rejected row reported, re-import replaces), the ranking with "Platz x von n", the header mapping, RLS.
 */

const BEISPIEL = readFileSync(new URL('../../demo/vergleich/kennzahlen-fiktiv.csv', import.meta.url));
const KOPF = 'Berichtsmonat;Schlüssel;Jobcenter;Land;Vergleichstyp;Trägerform;Kennzahl;Wert;Zähler;Nenner;Hinweis';

let t: TestApp;
let controlling: CookieJar;
let teamleitung: CookieJar;
let fremd: CookieJar;

function multipart(felder: Record<string, string>, datei?: { name: string; inhalt: Buffer }) {
  const grenze = `----vorort${Math.random().toString(16).slice(2)}`;
  const teile: Buffer[] = [];
  for (const [k, v] of Object.entries(felder)) teile.push(Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (datei) teile.push(Buffer.from(`--${grenze}\r\nContent-Disposition: form-data; name="datei"; filename="${datei.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), datei.inhalt, Buffer.from('\r\n'));
  teile.push(Buffer.from(`--${grenze}--\r\n`));
  return { body: Buffer.concat(teile), type: `multipart/form-data; boundary=${grenze}` };
}

async function importiere(jar: CookieJar, name: string, inhalt: Buffer, felder: Record<string, string> = {}, url = '/api/statistik/vergleich/importe') {
  const token = await csrfFor(t.app, jar, '/steuerung/vergleich/import');
  const m = multipart({ _csrf: token, ...felder }, { name, inhalt });
  return jar.store(await t.app.inject({ method: 'POST', url, headers: { cookie: jar.header(), 'content-type': m.type }, payload: m.body }));
}

const get = async (jar: CookieJar, url: string) => jar.store(await t.app.inject({ method: 'GET', url, headers: { cookie: jar.header() } }));

const anzahlWerte = async () => Number((await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*)::text as n from vergleich_werte`))).rows[0]!.n);
const wertVon = async (schluessel: string, monat: string, kennzahl: string) =>
  (await t.ctx.db.withSystem((tx) => tx.execute<{ wert: string | null }>(sql`select wert::text from vergleich_werte where schluessel = ${schluessel} and monat = ${monat} and kennzahl = ${kennzahl}`))).rows[0]?.wert ?? null;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  controlling = await signIn(t.app, 'controlling@musterland.example');
  teamleitung = await signIn(t.app, 'teamleitung@musterland.example');
  fremd = await signIn(t.app, 'admin@beispielstadt.example');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('Import der veröffentlichten Kennzahlen', () => {
  it('controlling importiert die fiktive Beispieldatei; der eigene Jobcenter wird festgelegt', async () => {
    const r = await importiere(controlling, 'kennzahlen-fiktiv.csv', BEISPIEL, { eigener: '05999' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ zeilenGelesen: 440, zeilenUebernommen: 440, jobcenter: 40, fiktiv: true, eigener: '05999' });
    expect(await anzahlWerte()).toBe(440);
    const jc = (await get(controlling, '/api/statistik/vergleich/jobcenter')).json().jobcenter as { schluessel: string; eigener: boolean; fiktiv: boolean; traegerTyp: string }[];
    expect(jc).toHaveLength(40);
    expect(jc.filter((j) => j.eigener).map((j) => j.schluessel)).toEqual(['05999']);
    expect(jc.every((j) => j.fiktiv)).toBe(true);
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ action: string; details: { zeilen: number; fiktiv: boolean } }>(sql`select action, details from audit_log where object_type = 'vergleich' order by at, id`));
    expect(audit.rows.map((a) => [a.action, a.details.zeilen, a.details.fiktiv])).toEqual([['create', 440, true]]);
  });

  it('Rangliste K2 2026-11: Platz x von n bundesweit, im Vergleichstyp und im Land; Gleichstand teilt den Rang', async () => {
    const r = await get(controlling, '/api/statistik/vergleich?kennzahl=K2&monat=2026-11');
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ kennzahl: 'K2', monat: '2026-11', richtung: 'hoeher_besser', fiktiv: true });
    const mitWert = (d.zeilen as { wert: number | null }[]).filter((z) => z.wert !== null).length;
    expect(d.n).toBe(mitWert);
    expect(d.eigener).toMatchObject({ schluessel: '05999', wert: 24.3, land: 'NW', vergleichstyp: 'IIb' });
    expect(d.eigener.national.n).toBe(d.n);
    // 05994 and 09991 publish the same 24,3 % – they share the own rank
    const gleich = (d.zeilen as { schluessel: string; rang: number | null }[]).filter((z) => ['05999', '05994', '09991'].includes(z.schluessel));
    expect(new Set(gleich.map((z) => z.rang))).toEqual(new Set([d.eigener.national.rang]));
    const besser = (d.zeilen as { wert: number | null }[]).filter((z) => z.wert !== null && z.wert > 24.3).length;
    expect(d.eigener.national.rang).toBe(besser + 1);
    expect(d.eigener.imLand.n).toBeLessThan(d.n);
    expect(d.eigener.imVergleichstyp.n).toBeLessThan(d.n);
    // without a month: the newest month; K1 lower is better
    const k1 = (await get(controlling, '/api/statistik/vergleich?kennzahl=K1')).json();
    expect(k1).toMatchObject({ monat: '2026-11', richtung: 'niedriger_besser', monate: ['2026-11', '2026-10', '2026-09'] });
    const werte = (k1.zeilen as { wert: number | null }[]).map((z) => z.wert).filter((w): w is number => w !== null);
    expect(werte).toEqual([...werte].sort((a, b) => a - b));
    // no snapshot yet: the own live value is explained, not invented
    expect(d.live.wert).toBeNull();
    expect(d.live.grund).toBeTruthy();
  });

  it('alles oder nichts: eine fehlerhafte Zeile → 400 mit jeder abgelehnten Zeile, nichts übernommen', async () => {
    const datei = Buffer.from([KOPF, '2026-11;05999;Jobcenter Kreis Musterland (fiktiv);NW;IIb;zkT;K2;99,9;;;', '2026-11;05998;X;NW;IIb;gE;K2;viel;;;', '2026-11;05997;Y;NW;IIb;gE;K7;1,0;;;'].join('\n'));
    const r = await importiere(controlling, 'fehlerhaft.csv', datei);
    expect(r.statusCode).toBe(400);
    const b = r.json();
    expect(b.error).toBe('import_zeilen_abgelehnt');
    expect(b.abgelehnt.map((a: { zeile: number; code: string }) => [a.zeile, a.code])).toEqual([
      [3, 'zahl_ungueltig'],
      [4, 'kennzahl_unbekannt'],
    ]);
    expect(await wertVon('05999', '2026-11', 'K2')).toBe('24.30');
    expect(await anzahlWerte()).toBe(440);
    const importe = (await get(controlling, '/api/statistik/vergleich/importe')).json().importe as { id: string; zeilenUebernommen: number; abgelehnt: unknown[] }[];
    expect(importe[0]).toMatchObject({ id: b.importId, zeilenUebernommen: 0 });
    expect(importe[0]!.abgelehnt).toHaveLength(2);
  });

  it('unbekannte Spalten und unlesbare Dateien', async () => {
    const spalten = await importiere(controlling, 'spalten.csv', Buffer.from('Berichtsmonat;Schlüssel;Kennzahl;Wert;Farbe\n2026-11;05999;K2;1,0;blau\n'));
    expect(spalten.statusCode).toBe(400);
    expect(spalten.json()).toMatchObject({ error: 'import_spalten_unbekannt', abgelehnt: [{ zeile: 1, code: 'spalte_unbekannt' }] });
    const kaputt = await importiere(controlling, 'bild.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    expect(kaputt.json()).toMatchObject({ error: 'import_datei_ungueltig' });
    const xlsx = await importiere(controlling, 'kaputt.xlsx', Buffer.from('PK\u0003\u0004kein zip'));
    expect(xlsx.json()).toMatchObject({ error: 'import_datei_ungueltig' });
    const ohne = await importiere(controlling, '', Buffer.alloc(0));
    expect(ohne.statusCode).toBe(400);
    expect(await anzahlWerte()).toBe(440);
  });

  it('ein erneuter Import ersetzt die Werte (Windows-1252, Komma als Trenner)', async () => {
    const text = [KOPF.replaceAll(';', ','), '2026-11,05999,Jobcenter Kreis Musterland (fiktiv),NW,IIb,zkT,K2,"31,5 i",,,'].join('\r\n');
    const r = await importiere(controlling, 'korrektur.csv', iconv.encode(text, 'win1252'), { fiktiv: '1' });
    expect(r.statusCode, r.body).toBe(201);
    expect(await anzahlWerte()).toBe(440);
    expect(await wertVon('05999', '2026-11', 'K2')).toBe('31.50');
    const d = (await get(controlling, '/api/statistik/vergleich?kennzahl=K2&monat=2026-11')).json();
    expect(d.eigener).toMatchObject({ wert: 31.5, markierung: 'imputiert', national: { rang: 1 } });
  });

  it('XLSX-Dateien werden gelesen', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kennzahlen');
    ws.addRow(['# fiktive Testdaten']);
    ws.addRow(KOPF.split(';'));
    ws.addRow(['2026-08', '05999', 'Jobcenter Kreis Musterland (fiktiv)', 'NW', 'IIb', 'zkT', 'K2', 22.7, null, null, null]);
    ws.addRow(['2026-08', '05991', 'Jobcenter Beispielkreis A (fiktiv)', 'NW', 'IIb', 'gE', 'K2', 'x', null, null, null]);
    const r = await importiere(controlling, 'august.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ zeilenUebernommen: 2, fiktiv: true });
    expect(await wertVon('05999', '2026-08', 'K2')).toBe('22.70');
    const d = (await get(controlling, '/api/statistik/vergleich?kennzahl=K2&monat=2026-08')).json();
    expect(d).toMatchObject({ n: 1, eigener: { national: { rang: 1, n: 1 } } });
  });

  it('Spaltenzuordnung ändern, damit importieren, zurücksetzen (Audit vergleich.update)', async () => {
    const token = await csrfFor(t.app, controlling, '/steuerung/vergleich/import');
    const put = (body: unknown) =>
      t.app.inject({ method: 'PUT', url: '/api/statistik/vergleich/spaltenzuordnung', headers: { cookie: controlling.header(), 'x-csrf-token': token }, payload: body as object });
    const falsch = await put({ text: 'farbe = Farbe' });
    expect(falsch.statusCode).toBe(400);
    const r = await put({ zuordnung: { berichtsmonat: ['Monat'], schluessel: ['JC'], kennzahl: ['Code'], wert: ['Prozent'] } });
    expect(r.statusCode, r.body).toBe(200);
    expect((await get(controlling, '/api/statistik/vergleich/spaltenzuordnung')).json()).toMatchObject({ standard: false, zuordnung: { wert: ['Prozent'], name: [] } });
    const imp = await importiere(controlling, 'eigen.csv', Buffer.from('Monat;JC;Code;Prozent\n2026-07;05999;K2;20,0\n'));
    expect(imp.statusCode, imp.body).toBe(201);
    expect((await put({ standard: true })).statusCode).toBe(200);
    expect((await get(controlling, '/api/statistik/vergleich/spaltenzuordnung')).json()).toMatchObject({ standard: true });
    const audit = await t.ctx.db.withSystem((tx) => tx.execute<{ n: string }>(sql`select count(*)::text as n from audit_log where object_type = 'vergleich' and action = 'update'`));
    expect(Number(audit.rows[0]!.n)).toBe(2);
  });

  it('die Seiten: Rangliste mit „Platz x von n“, Upload über das Formular, abgelehnte Zeilen auf der Seite', async () => {
    const seite = await get(controlling, '/steuerung/vergleich?kennzahl=K2&monat=2026-11');
    expect(seite.statusCode).toBe(200);
    expect(seite.body).toContain('Fiktive Beispieldaten');
    expect(seite.body).toMatch(/Platz \d+ von \d+/);
    const ok = await importiere(controlling, 'kennzahlen-fiktiv.csv', BEISPIEL, { eigener: '05999' }, '/steuerung/vergleich/import/datei');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/steuerung\/vergleich\/import\?import=/);
    const nein = await importiere(controlling, 'fehler.csv', Buffer.from(`${KOPF}\n2026-11;05999;A;NW;IIb;zkT;K2;abc;;;\n`), {}, '/steuerung/vergleich/import/datei');
    expect(nein.statusCode).toBe(303);
    const bericht = await get(controlling, String(nein.headers.location).replace(/#.*$/, ''));
    expect(bericht.statusCode).toBe(400);
    expect(bericht.body).toContain('1 Zeile abgelehnt');
    expect(bericht.body).toContain('„abc“ ist keine Zahl');
    const keine = await importiere(controlling, '', Buffer.alloc(0), {}, '/steuerung/vergleich/import/datei');
    expect(keine.headers.location).toContain('fehler=keine_datei');
  });

  it('Rechte: teamleitung liest den Vergleich, importiert aber nicht', async () => {
    expect((await get(teamleitung, '/api/statistik/vergleich?kennzahl=K2')).statusCode).toBe(200);
    expect((await importiere(teamleitung, 'x.csv', BEISPIEL)).statusCode).toBe(403);
    expect((await get(teamleitung, '/steuerung/vergleich/import')).statusCode).toBe(403);
  });

  it('RLS: der zweite Träger sieht nichts davon', async () => {
    const d = (await get(fremd, '/api/statistik/vergleich?kennzahl=K2&monat=2026-11')).json();
    expect(d).toMatchObject({ n: 0, zeilen: [], eigener: null, monate: [] });
    expect((await get(fremd, '/api/statistik/vergleich/jobcenter')).json().jobcenter).toEqual([]);
    expect((await get(fremd, '/api/statistik/vergleich/importe')).json().importe).toEqual([]);
  });
});
