import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  alsZuordnung,
  dekodiere,
  deutscheZahl,
  leseMonat,
  leseWert,
  leseZuordnungText,
  pruefeCsv,
  STANDARD_SPALTENZUORDNUNG,
  zuordnungAlsText,
} from './vergleich-import.ts';

const KOPF = 'Berichtsmonat;Schlüssel;Jobcenter;Land;Vergleichstyp;Trägerform;Kennzahl;Wert;Zähler;Nenner;Hinweis';
const csv = (...zeilen: string[]) => Buffer.from([KOPF, ...zeilen].join('\n'), 'utf8');
const Z = STANDARD_SPALTENZUORDNUNG;

describe('deutsche Zahlen und Zeichen', () => {
  it('liest 18,1, 1.234,5, −3,2, 18.1 und 1.234', () => {
    expect(deutscheZahl('18,1')).toBe(18.1);
    expect(deutscheZahl('1.234,5')).toBe(1234.5);
    expect(deutscheZahl('−3,2')).toBe(-3.2);
    expect(deutscheZahl('-0,4')).toBe(-0.4);
    expect(deutscheZahl('18.1')).toBe(18.1);
    expect(deutscheZahl('1.234')).toBe(1234);
    expect(deutscheZahl('12a')).toBeNull();
    expect(deutscheZahl('1,2,3')).toBeNull();
    expect(deutscheZahl('')).toBeNull();
  });

  it('Zeichen für fehlende und geheime Werte, Kennzeichen imputiert/eingeschränkt', () => {
    for (const s of ['–', '-', '—', '…', '']) expect(leseWert(s)).toEqual({ ok: true, wert: null, markierung: 'fehlend' });
    for (const s of ['x', '*', '.']) expect(leseWert(s)).toEqual({ ok: true, wert: null, markierung: 'geheim' });
    expect(leseWert('18,1 i')).toEqual({ ok: true, wert: 18.1, markierung: 'imputiert' });
    expect(leseWert('18,1 (e)')).toEqual({ ok: true, wert: 18.1, markierung: 'eingeschraenkt' });
    expect(leseWert('18,1')).toEqual({ ok: true, wert: 18.1, markierung: null });
    expect(leseWert('viel')).toEqual({ ok: false });
  });

  it('Monate', () => {
    expect(leseMonat('2026-11')).toBe('2026-11');
    expect(leseMonat('202611')).toBe('2026-11');
    expect(leseMonat('11/2026')).toBe('2026-11');
    expect(leseMonat('1.2026')).toBe('2026-01');
    expect(leseMonat('2026-13')).toBeNull();
    expect(leseMonat('Nov')).toBeNull();
  });
});

describe('Kodierung', () => {
  it('UTF-8 und Windows-1252 werden erkannt', () => {
    expect(dekodiere(Buffer.from('Trägerform', 'utf8'))).toEqual({ text: 'Trägerform', kodierung: 'utf-8' });
    expect(dekodiere(iconv.encode('Trägerform', 'win1252'))).toEqual({ text: 'Trägerform', kodierung: 'windows-1252' });
  });

  it('Binärdaten sind ungültig', () => {
    expect(dekodiere(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBeNull();
    const r = pruefeCsv(Buffer.from([0x00, 0x01, 0x02, 0x81]), Z);
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.code).toBe('import_datei_ungueltig');
  });

  it('eine Datei in Windows-1252 mit Komma als Trenner wird gelesen', () => {
    const text = ['# Fiktive Beispieldaten', KOPF.replaceAll(';', ','), '2026-11,05999,"Jobcenter Beispielkreis (fiktiv)",NW,IIIb,zkT,K2,"25,4",,,'].join('\r\n');
    const r = pruefeCsv(iconv.encode(text, 'win1252'), Z);
    expect(r).toMatchObject({ ok: true, fiktiv: true, zeilen: [{ zeile: 3, schluessel: '05999', kennzahl: 'K2', wert: 25.4, markierung: null }] });
    expect(r.ok ? r.jobcenter : []).toEqual([{ schluessel: '05999', name: 'Jobcenter Beispielkreis (fiktiv)', land: 'NW', traegerTyp: 'zkT', vergleichstyp: 'IIIb', gueltigVon: '2026-11' }]);
  });
});

describe('pruefeCsv', () => {
  it('liest gültige Zeilen mit Markierungen', () => {
    const r = pruefeCsv(csv('2026-11;05154;Kreis A;Nordrhein-Westfalen;IIIb;gE;K2;18,1 i;1.234;6.818;', '2026-11;05155;Kreis B;NW;IIIb;gemeinsame Einrichtung;k1;x;;;', '2026-11;5156;Kreis C;NW;IIa;zkT;K3;-1,5;;;eingeschränkt'), Z);
    expect(r.ok).toBe(true);
    expect(r.ok ? r.zeilen : []).toEqual([
      { zeile: 2, monat: '2026-11', schluessel: '05154', kennzahl: 'K2', wert: 18.1, zaehler: 1234, nenner: 6818, markierung: 'imputiert' },
      { zeile: 3, monat: '2026-11', schluessel: '05155', kennzahl: 'K1', wert: null, zaehler: null, nenner: null, markierung: 'geheim' },
      { zeile: 4, monat: '2026-11', schluessel: '05156', kennzahl: 'K3', wert: -1.5, zaehler: null, nenner: null, markierung: 'eingeschraenkt' },
    ]);
    expect(r.ok ? r.jobcenter.map((j) => [j.schluessel, j.land, j.traegerTyp]) : []).toEqual([
      ['05154', 'NW', 'gE'],
      ['05155', 'NW', 'gE'],
      ['05156', 'NW', 'zkT'],
    ]);
  });

  it('meldet jede abgelehnte Zeile mit Zeilennummer, Grund und Code', () => {
    const r = pruefeCsv(
      csv(
        '2026-11;05154;Kreis A;NW;IIIb;gE;K2;18,1;;;',
        '2026-13;05154;Kreis A;NW;IIIb;gE;K2;18,1;;;',
        '2026-11;ABC;Kreis A;NW;IIIb;gE;K2;18,1;;;',
        '2026-11;05154;Kreis A;NW;IIIb;gE;K9;18,1;;;',
        '2026-11;05154;Kreis A;NW;IIIb;gE;K1;achtzehn;;;',
        '2026-11;05154;Kreis A;NW;IIIb;gE;K2;19,0;;;',
        '2026-11;05157;Kreis D;XX;IIIb;gE;K2;19,0;;;',
        '2026-11;05158;Kreis E;NW;IIIb;gE;K2;19,0;;;vielleicht',
      ),
      Z,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.code).toBe('import_zeilen_abgelehnt');
    expect(r.ok ? [] : r.abgelehnt.map((a) => [a.zeile, a.code])).toEqual([
      [3, 'monat_ungueltig'],
      [4, 'schluessel_ungueltig'],
      [5, 'kennzahl_unbekannt'],
      [6, 'zahl_ungueltig'],
      [7, 'doppelt'],
      [8, 'land_ungueltig'],
      [9, 'markierung_unbekannt'],
    ]);
    expect(r.ok ? '' : r.abgelehnt[3]!.grund).toContain('„achtzehn“ ist keine Zahl');
    expect(r.zeilenGelesen).toBe(8);
  });

  it.each([
    ['K1', '-100,1', 'Veränderungsrate'],
    ['K3', '-250', 'Veränderungsrate'],
    ['K2', '-0,1', 'Quote'],
    ['K1E3', '-3', 'Quote'],
    ['K2E3', '100,5', 'Anteil'],
    ['K3E2', '101', 'Anteil'],
  ])('ein unmöglicher Wert für %s (%s) wird abgelehnt: wert_unmoeglich', (k, wert, art) => {
    const r = pruefeCsv(csv(`2026-11;05154;Kreis A;NW;IIIb;gE;${k};${wert};;;`), Z);
    expect(r.ok ? [] : r.abgelehnt.map((a) => a.code)).toEqual(['wert_unmoeglich']);
    expect(r.ok ? '' : r.abgelehnt[0]!.grund).toContain(art);
  });

  it.each([
    ['K1', '-100'],
    ['K3', '250,5'],
    ['K2', '0'],
    ['K2', '120'],
    ['K2E3', '100'],
    ['K3E2', '0'],
  ])('ein möglicher Grenzwert für %s (%s) wird übernommen', (k, wert) => {
    expect(pruefeCsv(csv(`2026-11;05154;Kreis A;NW;IIIb;gE;${k};${wert};;;`), Z).ok).toBe(true);
  });

  it('unbekannte oder fehlende Spalten → import_spalten_unbekannt', () => {
    const r = pruefeCsv(Buffer.from('Berichtsmonat;Schlüssel;Kennzahl;Wert;Farbe\n2026-11;05154;K2;18,1;blau\n'), Z);
    expect(r).toMatchObject({ ok: false, code: 'import_spalten_unbekannt', abgelehnt: [{ zeile: 1, code: 'spalte_unbekannt' }] });
    const ohne = pruefeCsv(Buffer.from('Berichtsmonat;Schlüssel;Kennzahl\n2026-11;05154;K2\n'), Z);
    expect(ohne).toMatchObject({ ok: false, code: 'import_spalten_unbekannt', abgelehnt: [{ code: 'spalte_fehlt' }] });
  });

  it('eine leere Datei ist ungültig', () => {
    expect(pruefeCsv(Buffer.from(''), Z)).toMatchObject({ ok: false, code: 'import_datei_ungueltig' });
    expect(pruefeCsv(Buffer.from(`${KOPF}\n`), Z)).toMatchObject({ ok: false, code: 'import_datei_ungueltig' });
  });

  it('eine eigene Zuordnung mit anderen Überschriften', () => {
    const z = leseZuordnungText('berichtsmonat = Monat\nschluessel = Regionalschluessel | JC\nkennzahl = Code\nwert = Prozent');
    expect(z.ok).toBe(true);
    const r = pruefeCsv(Buffer.from('MONAT,jc,code,prozent\n202611,05154,K2,"18,1"\n'), z.ok ? z.zuordnung : Z);
    expect(r).toMatchObject({ ok: true, zeilen: [{ monat: '2026-11', schluessel: '05154', wert: 18.1 }], jobcenter: [] });
  });
});

describe('Zuordnung als Text', () => {
  it('Standard hin und zurück', () => {
    const z = leseZuordnungText(zuordnungAlsText(STANDARD_SPALTENZUORDNUNG));
    expect(z).toEqual({ ok: true, zuordnung: STANDARD_SPALTENZUORDNUNG });
    expect(alsZuordnung(STANDARD_SPALTENZUORDNUNG)).toEqual(STANDARD_SPALTENZUORDNUNG);
    expect(alsZuordnung({ wert: 'Wert' })).toBeNull();
  });

  it('Fehler: unbekanntes Feld, fehlendes Pflichtfeld, doppelte Überschrift', () => {
    const z = leseZuordnungText('farbe = Farbe\nberichtsmonat = Monat\nschluessel = Monat\nwert = Wert');
    expect(z.ok).toBe(false);
    expect(z.ok ? [] : z.fehler).toHaveLength(3);
  });
});
