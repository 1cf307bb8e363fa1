import ExcelJS from 'exceljs';
import { z } from 'zod';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { monatLang } from '../../domain/berechnung/datum.ts';
import { euroText } from '../../domain/berechnung/geld.ts';
import { INTEGRATIONSART_TEXT } from '../../domain/foerdern/integration.ts';
import { anteil as anteilVon, kleinzahl, type Bestandszahl, type Datenstand, type MonatsberichtDaten, type Quote } from '../../domain/statistik/bericht.ts';
import { definitionTitel } from '../../domain/statistik/definitionen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { haekchen } from '../schemas/formular.ts';
import { textPdf } from '../pdf/dokument.ts';
import { defineUseCase } from '../use-case.ts';
import { bereichSchema } from './bereich.ts';
import { monatsbericht } from './monatsbericht.ts';

/**
 * Exports of the Monatsbericht (docs/statistik.md, "Exporte und Pressetext"): the figures of `statistik.monatsbericht`
 * as PDF (pdfkit, tagged, with Stichtag and data stand), CSV (UTF-8 with BOM, `;`, German numbers, one row per
 * figure) and XLSX (exceljs; sheets Bestand, Integrationen, Kosten, Merkmale). For publication (`veroeffentlichung`)
 * counts from 1 to below the Träger's limit (statistik_einstellungen.kleinzahl_grenze) are shown as `*`, and so are
 * the changes and shares computed from them. Every export is audited (statistik.export).
 */

export const EXPORT_FORMATE = ['pdf', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATE)[number];

export const exportSchema = bereichSchema.extend({
  format: z.enum(EXPORT_FORMATE, { error: 'Bitte wählen Sie PDF, CSV oder XLSX.' }).describe('pdf | csv | xlsx'),
  veroeffentlichung: haekchen().describe('true: kleine Zahlen als * (zur Veröffentlichung)'),
});

// ------------------------------------------------------------------------------------------ rows (pure)

export const BLAETTER = ['Bestand', 'Integrationen', 'Kosten', 'Merkmale'] as const;
export type Blatt = (typeof BLAETTER)[number];
type Einheit = 'Anzahl' | 'Euro' | 'Prozent';
/** A number (cents for Euro), `*` (suppressed) or nothing. */
export type Zelle = number | '*' | null;

export type ExportZeile = {
  bereich: Blatt;
  merkmal: string;
  kennung: string;
  /** the month (or period) the figure belongs to */
  monat: string;
  einheit: Einheit;
  wert: Zelle;
  vormonat: Zelle;
  vorjahr: Zelle;
  deltaVormonat: Zelle;
  deltaVormonatProzent: Zelle;
  deltaVorjahr: Zelle;
  deltaVorjahrProzent: Zelle;
  anteil: Zelle;
  /** data stand of the figure; null when that month has no snapshot */
  stand: Datenstand | null;
  /** why a figure is empty (e.g. a Quote without Bezugsgröße) */
  hinweis: string | null;
  /** sheet Kosten only: which block the row belongs to */
  block?: KostenBlock;
};

/** The two blocks of the sheet Kosten: Leistungen laut Bewilligungen (Leistungsmonat) and gebuchte Auszahlungen (Zahlmonat). */
export type KostenBlock = 'leistungen' | 'auszahlungen';
export const KOSTEN_BLOCK_TITEL: Record<KostenBlock, string> = {
  leistungen: 'Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch)',
  auszahlungen: 'Gebuchte Auszahlungen (nach Zahlmonat)',
};

export const STAND_TEXT: Record<Datenstand, string> = { vorlaeufig: 'vorläufig', endgueltig: 'endgültig' };

const leer = { vormonat: null, vorjahr: null, deltaVormonat: null, deltaVormonatProzent: null, deltaVorjahr: null, deltaVorjahrProzent: null, anteil: null, hinweis: null };

/** A value derived from counts: `*` as soon as one of them is suppressed (nothing stays nothing). */
const abgeleitet = (w: number | null, ...aus: Zelle[]): Zelle => (w !== null && aus.includes('*') ? '*' : w);

/**
 * The report as one list of rows (the CSV, and the sheets and PDF tables are cut from it). `grenze` = the limit of
 * small counts when the export is meant for publication, else null.
 */
export function exportZeilen(b: MonatsberichtDaten, grenze: number | null): ExportZeile[] {
  const klein = (w: number | null): Zelle => (w === null ? null : grenze === null ? w : kleinzahl(w, grenze));
  const zeilen: ExportZeile[] = [];

  const bestand = (r: Bestandszahl, merkmal = definitionTitel(r.kennung), bereich: Blatt = 'Bestand', monat = b.monat): ExportZeile => {
    const wert = klein(r.wert);
    const vormonat = klein(r.vormonat);
    const vorjahr = klein(r.vorjahr);
    return {
      bereich,
      merkmal,
      kennung: r.kennung,
      monat,
      einheit: 'Anzahl',
      wert,
      vormonat,
      vorjahr,
      deltaVormonat: abgeleitet(r.deltaVormonat.absolut, wert, vormonat),
      deltaVormonatProzent: abgeleitet(r.deltaVormonat.prozent, wert, vormonat),
      deltaVorjahr: abgeleitet(r.deltaVorjahr.absolut, wert, vorjahr),
      deltaVorjahrProzent: abgeleitet(r.deltaVorjahr.prozent, wert, vorjahr),
      anteil: null,
      stand: r.datenstand,
      hinweis: null,
    };
  };
  const quoteZeile = (q: Quote, merkmal: string, zaehler: number | null): ExportZeile => ({
    ...leer,
    bereich: 'Bestand',
    merkmal,
    kennung: q.kennung,
    monat: b.monat,
    einheit: 'Prozent',
    wert: abgeleitet(q.wert, klein(zaehler)),
    stand: q.datenstand,
    hinweis:
      q.grund === 'keine_bezugsgroesse'
        ? 'nicht ausgewiesen: keine Bezugsgröße eingetragen'
        : q.grund === 'bezugsgroesse_zu_klein'
          ? 'nicht ausgewiesen: Bezugsgröße zu klein'
          : q.bezugsgroesse
            ? `Bezugsgröße ${q.bezugsgroesse.wert.toLocaleString('de-DE')} (gültig ab ${q.bezugsgroesse.gueltigAb})`
            : null,
  });

  const s = b.bestand;
  zeilen.push(
    bestand(s.bg, 'Bedarfsgemeinschaften'),
    bestand(s.personen, 'Personen in Bedarfsgemeinschaften'),
    bestand(s.elb, 'Erwerbsfähige Leistungsberechtigte (eLb)'),
    bestand(s.nef, 'Nicht erwerbsfähige Leistungsberechtigte (Sozialgeld, in der Regel Kinder)'),
    bestand(s.bgAlleinerziehend, 'Bedarfsgemeinschaften von Alleinerziehenden'),
    bestand(s.lzb, 'Langzeitleistungsbeziehende'),
    bestand(b.arbeitslose, 'Arbeitslose SGB II'),
    quoteZeile(b.arbeitslosenquote, 'SGB II-Arbeitslosenquote in %', b.arbeitslose.wert),
    quoteZeile(b.sgb2Quote, 'SGB II-Quote in %', s.elb.wert === null || s.nef.wert === null ? null : s.elb.wert + s.nef.wert),
    bestand(b.neuantraege, 'Neuanträge'),
    bestand(b.massnahmeTeilnehmende, 'Teilnehmende an Maßnahmen'),
    bestand(b.massnahmeEintritte, 'Eintritte in Maßnahmen'),
  );

  const i = b.integrationen;
  const integrationsZeile = (merkmal: string, kennung: string, anzahl: number, anteil: number | null): ExportZeile => {
    const wert = klein(anzahl);
    return { ...leer, bereich: 'Integrationen', merkmal, kennung, monat: i.monat, einheit: 'Anzahl', wert, anteil: abgeleitet(anteil, wert), stand: i.datenstand };
  };
  for (const a of i.arten) zeilen.push(integrationsZeile(INTEGRATIONSART_TEXT[a.art], a.kennung, a.anzahl, a.anteil));
  zeilen.push(
    integrationsZeile('darunter sozialversicherungspflichtig (Vollzeit, Teilzeit, § 16e SGB II)', 'integration.svb', i.svb.anzahl, i.svb.anteil),
    (() => {
      // the share of all Arbeitsaufnahmen, as the page shows it
      const zusammen = bestand(i.integrationen, 'Integrationen zusammen', 'Integrationen', i.monat);
      return { ...zusammen, anteil: abgeleitet(i.integrationen.wert === null ? null : anteilVon(i.integrationen.wert, i.gesamt), zusammen.wert) };
    })(),
    integrationsZeile(INTEGRATIONSART_TEXT[i.minijob.art], i.minijob.kennung, i.minijob.anzahl, i.minijob.anteil),
    ...i.oeffentlichGefoerdert.map((a) => integrationsZeile(INTEGRATIONSART_TEXT[a.art], a.kennung, a.anzahl, a.anteil)),
    integrationsZeile('Arbeitsaufnahmen zusammen (Integrationen und Minijobs)', 'integration.gesamt', i.gesamt, null),
  );

  const l = b.leistungen;
  if (l) {
    const posten = [
      [l.gesamt, 'Bewilligte Leistungen gesamt'],
      [l.lebensunterhalt, 'Bewilligt: Regelbedarf und Mehrbedarf (Lebensunterhalt)'],
      [l.unterkunft, 'Bewilligt: Kosten der Unterkunft (brutto)'],
      [l.unterkunftBund, 'Bewilligt: Kosten der Unterkunft, davon Bundesbeteiligung'],
      [l.unterkunftKommunal, 'Bewilligt: Kosten der Unterkunft, davon kommunaler Anteil'],
      [l.sofortzuschlag, 'Bewilligt: Kindersofortzuschlag'],
    ] as const;
    for (const [r, merkmal] of posten) {
      zeilen.push({ ...leer, bereich: 'Kosten', block: 'leistungen', merkmal, kennung: r.kennung, monat: l.monat, einheit: 'Euro', wert: r.monatCent, stand: l.datenstand });
    }
    for (const [r, merkmal] of posten) {
      zeilen.push({ ...leer, bereich: 'Kosten', block: 'leistungen', merkmal, kennung: r.kennung, monat: `${l.jahrVon} bis ${l.monat}`, einheit: 'Euro', wert: r.jahrCent, stand: l.datenstand });
    }
  }

  const k = b.kosten;
  if (k) {
    const posten = [
      [k.gesamt, 'Ausgaben gesamt'],
      [k.lebensunterhalt, 'Regelbedarf und Mehrbedarf (Lebensunterhalt)'],
      [k.unterkunft, 'Kosten der Unterkunft (brutto)'],
      [k.unterkunftBund, 'Kosten der Unterkunft: Bundesbeteiligung'],
      [k.unterkunftKommunal, 'Kosten der Unterkunft: kommunaler Anteil'],
      [k.sofortzuschlag, 'Kindersofortzuschlag'],
      [k.einmalig, 'Einmalige Leistungen'],
      ...(k.eingliederung ? ([[k.eingliederung, 'Eingliederungsleistungen']] as const) : []),
    ] as const;
    for (const [r, merkmal] of posten) {
      zeilen.push({ ...leer, bereich: 'Kosten', block: 'auszahlungen', merkmal, kennung: r.kennung, monat: k.monat, einheit: 'Euro', wert: r.monatCent, stand: k.datenstand });
    }
    for (const [r, merkmal] of posten) {
      zeilen.push({ ...leer, bereich: 'Kosten', block: 'auszahlungen', merkmal, kennung: r.kennung, monat: `${k.jahrVon} bis ${k.monat}`, einheit: 'Euro', wert: r.jahrCent, stand: k.datenstand });
    }
  }

  for (const x of ['elb', 'alo'] as const) {
    const a = b.aufteilung[x];
    const gruppe = x === 'elb' ? 'eLb' : 'Arbeitslose';
    const gesamt = klein(a.gesamt);
    zeilen.push({ ...leer, bereich: 'Merkmale', merkmal: `${gruppe} insgesamt`, kennung: a.gesamtKennung, monat: b.monat, einheit: 'Anzahl', wert: gesamt, stand: b.datenstand });
    for (const r of [...a.alter, ...a.geschlecht, a.alleinerziehend, ...a.staat]) {
      const wert = klein(r.wert);
      zeilen.push({ ...leer, bereich: 'Merkmale', merkmal: definitionTitel(r.kennung), kennung: r.kennung, monat: b.monat, einheit: 'Anzahl', wert, anteil: abgeleitet(r.anteil, wert, gesamt), stand: b.datenstand });
    }
  }
  return zeilen;
}

// ------------------------------------------------------------------------------------------ formatting

const ZAHL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const PROZENT = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A cell for the CSV: German decimal comma, no thousands separator (spreadsheets read it as a number). */
function csvZahl(r: Zelle, einheit: Einheit): string {
  if (r === null) return '';
  if (r === '*') return '*';
  if (einheit === 'Euro') return (r / 100).toFixed(2).replace('.', ',');
  if (einheit === 'Prozent') return r.toFixed(1).replace('.', ',');
  return String(r);
}

/** A cell for people (PDF): thousands separator, sign for changes, euro with €. */
function lesbar(r: Zelle, einheit: Einheit, vorzeichen = false): string {
  if (r === null) return '';
  if (r === '*') return '*';
  const plus = vorzeichen && r > 0 ? '+' : '';
  if (einheit === 'Euro') return euroText(r);
  if (einheit === 'Prozent') return `${plus}${PROZENT.format(r)}`;
  return `${plus}${ZAHL.format(r)}`;
}

const csvFeld = (t: string): string => (/[;"\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);

export const CSV_KOPF = [
  'Bereich',
  'Merkmal',
  'Kennung',
  'Monat',
  'Einheit',
  'Wert',
  'Vormonat',
  'Vorjahresmonat',
  'Veränderung zum Vormonat',
  'Veränderung zum Vormonat in %',
  'Veränderung zum Vorjahresmonat',
  'Veränderung zum Vorjahresmonat in %',
  'Anteil in %',
  'Stand',
  'Hinweis',
];

/** The CSV: UTF-8 with BOM, `;`, CRLF, one row per figure. */
export function exportCsv(zeilen: readonly ExportZeile[]): Buffer {
  const text = [
    CSV_KOPF.join(';'),
    ...zeilen.map((r) =>
      [
        r.bereich,
        r.merkmal,
        r.kennung,
        r.monat,
        r.einheit,
        csvZahl(r.wert, r.einheit),
        csvZahl(r.vormonat, r.einheit),
        csvZahl(r.vorjahr, r.einheit),
        csvZahl(r.deltaVormonat, r.einheit),
        csvZahl(r.deltaVormonatProzent, 'Prozent'),
        csvZahl(r.deltaVorjahr, r.einheit),
        csvZahl(r.deltaVorjahrProzent, 'Prozent'),
        csvZahl(r.anteil, 'Prozent'),
        r.stand ? STAND_TEXT[r.stand] : '',
        r.hinweis ?? '',
      ]
        .map(csvFeld)
        .join(';'),
    ),
  ].join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/** `kurz`: the header in the PDF (narrow columns; the full title in CSV and XLSX). */
type Spalte = { titel: string; kurz?: string; breite: number; wert: (r: ExportZeile) => { zelle: Zelle; einheit: Einheit; vorzeichen?: boolean } | string };

const text = (f: (r: ExportZeile) => string) => f;
const SPALTEN: Record<Blatt, Spalte[]> = {
  Bestand: [
    { titel: 'Merkmal', breite: 44, wert: text((r) => (r.hinweis ? `${r.merkmal} (${r.hinweis})` : r.merkmal)) },
    { titel: 'Wert', breite: 12, wert: (r) => ({ zelle: r.wert, einheit: r.einheit }) },
    { titel: 'Vormonat', breite: 12, wert: (r) => ({ zelle: r.vormonat, einheit: r.einheit }) },
    { titel: 'Vorjahresmonat', kurz: 'Vorjahr', breite: 14, wert: (r) => ({ zelle: r.vorjahr, einheit: r.einheit }) },
    { titel: 'Veränderung zum Vormonat', kurz: '± Vormonat', breite: 14, wert: (r) => ({ zelle: r.deltaVormonat, einheit: r.einheit, vorzeichen: true }) },
    { titel: 'in %', breite: 8, wert: (r) => ({ zelle: r.deltaVormonatProzent, einheit: 'Prozent', vorzeichen: true }) },
    { titel: 'Veränderung zum Vorjahresmonat', kurz: '± Vorjahr', breite: 14, wert: (r) => ({ zelle: r.deltaVorjahr, einheit: r.einheit, vorzeichen: true }) },
    { titel: 'in % ', breite: 8, wert: (r) => ({ zelle: r.deltaVorjahrProzent, einheit: 'Prozent', vorzeichen: true }) },
  ],
  Integrationen: [
    { titel: 'Art der Arbeitsaufnahme', breite: 60, wert: text((r) => r.merkmal) },
    { titel: 'Anzahl', breite: 12, wert: (r) => ({ zelle: r.wert, einheit: 'Anzahl' }) },
    { titel: 'Anteil in %', breite: 12, wert: (r) => ({ zelle: r.anteil, einheit: 'Prozent' }) },
  ],
  Kosten: [
    { titel: 'Position', breite: 48, wert: text((r) => r.merkmal) },
    { titel: 'Zeitraum', breite: 22, wert: text((r) => r.monat) },
    { titel: 'Betrag', breite: 20, wert: (r) => ({ zelle: r.wert, einheit: 'Euro' }) },
  ],
  Merkmale: [
    { titel: 'Merkmal', breite: 50, wert: text((r) => r.merkmal) },
    { titel: 'Anzahl', breite: 12, wert: (r) => ({ zelle: r.wert, einheit: 'Anzahl' }) },
    { titel: 'Anteil in %', breite: 12, wert: (r) => ({ zelle: r.anteil, einheit: 'Prozent' }) },
  ],
};

/** Heading line of a sheet / PDF section: which month the figures belong to and their stand. */
const standZusatz = (s: Datenstand | null): string => (s ? `, Stand: ${STAND_TEXT[s]}` : ', keine Daten');

function blattTitel(b: MonatsberichtDaten, blatt: Blatt): string {
  if (blatt === 'Bestand') return `Bestand am Stichtag ${deutschesDatum(b.stichtag)} und Bewegungen im ${monateText(b.monat)}${standZusatz(b.datenstand)}`;
  if (blatt === 'Integrationen') return `Arbeitsaufnahmen im ${monateText(b.integrationen.monat)} (Berichtsmonat abzüglich der Wartezeit der Statistik)${standZusatz(b.integrationen.datenstand)}`;
  if (blatt === 'Kosten') {
    const km = b.leistungen ?? b.kosten;
    return km
      ? `Leistungen laut Bewilligungen (Leistungsmonat) und gebuchte Auszahlungen (Zahlmonat) ${monateText(km.monat)} und ${monateText(km.jahrVon)} bis ${monateText(km.monat)}${standZusatz(km.datenstand)}`
      : 'Leistungen und Auszahlungen';
  }
  return `Merkmale der eLb und der Arbeitslosen am Stichtag ${deutschesDatum(b.stichtag)}${standZusatz(b.datenstand)}`;
}

/** "2026-11" → "November 2026" (also inside a text such as "2026-01 bis 2026-10") */
const monateText = (t: string): string => t.replace(/\b(\d{4})-(\d{2})\b(?!-)/g, (_, j: string, m: string) => monatLang(Number(j), Number(m)));

const deutschesDatum = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const KEINE_KOSTEN = 'Auszahlungen werden je Träger und Kommune gebucht, nicht je Standort.';
const KEINE_AUSZAHLUNGEN = 'Für diesen Monat sind keine Auszahlungen gebucht.';
const KEINE_LEISTUNGEN = 'Für diesen Monat liegen keine Leistungen laut Bewilligungen vor.';

/**
 * The sheet Kosten in two blocks with their heading and, instead of rows, a note when a block has nothing: no
 * Leistungen (no snapshot of the month), no bookings at a Standort, no bookings in the month (rows only when the year
 * has some).
 */
function kostenBloecke(b: MonatsberichtDaten, zeilen: readonly ExportZeile[]): { titel: string; hinweise: string[]; zeilen: ExportZeile[] }[] {
  const k = b.kosten;
  const keineImMonat = k !== null && (k.gesamt.monatCent ?? 0) === 0;
  const keineImJahr = k !== null && (k.gesamt.jahrCent ?? 0) === 0;
  return [
    { titel: KOSTEN_BLOCK_TITEL.leistungen, hinweise: b.leistungen ? [] : [KEINE_LEISTUNGEN], zeilen: zeilen.filter((r) => r.bereich === 'Kosten' && r.block === 'leistungen') },
    {
      titel: KOSTEN_BLOCK_TITEL.auszahlungen,
      hinweise: k === null ? [KEINE_KOSTEN] : keineImMonat ? [KEINE_AUSZAHLUNGEN] : [],
      zeilen: keineImJahr ? [] : zeilen.filter((r) => r.bereich === 'Kosten' && r.block === 'auszahlungen'),
    },
  ];
}

function regionText(b: MonatsberichtDaten): string {
  return b.ebene === 'traeger' ? b.region.name : `${b.ebene === 'kommune' ? 'Kommune' : 'Standort'} ${b.region.name}`;
}

const standHinweis = (b: MonatsberichtDaten): string =>
  b.datenstand === 'vorlaeufig'
    ? 'Stand der Daten: vorläufig. Nachträge können die Zahlen noch ändern; endgültig werden sie nach der Wartezeit der Statistik.'
    : 'Stand der Daten: endgültig.';

const kleinHinweis = (grenze: number | null): string | null =>
  grenze !== null && grenze > 1 ? `Zur Veröffentlichung: Zahlen von 1 bis ${grenze - 1} sind durch * ersetzt, ebenso daraus berechnete Veränderungen und Anteile.` : null;

/** The XLSX: one sheet per part, numbers as numbers (German display formats), `*` as text. */
export async function exportXlsx(b: MonatsberichtDaten, zeilen: readonly ExportZeile[], grenze: number | null, erstellt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vorort';
  wb.created = erstellt;
  wb.title = `Monatsbericht ${monateText(b.monat)}`;
  for (const blatt of BLAETTER) {
    const ws = wb.addWorksheet(blatt);
    const spalten = SPALTEN[blatt];
    ws.columns = spalten.map((s) => ({ width: s.breite }));
    ws.addRow([`Monatsbericht ${monateText(b.monat)} – ${regionText(b)}`]).font = { bold: true, size: 13 };
    ws.addRow([blattTitel(b, blatt)]);
    ws.addRow([standHinweis(b)]);
    const klein = kleinHinweis(grenze);
    if (klein) ws.addRow([klein]);
    ws.addRow([]);
    const kopfzeile = () => {
      ws.addRow(spalten.map((s) => s.titel.trim())).font = { bold: true };
    };
    const bloecke = blatt === 'Kosten' ? kostenBloecke(b, zeilen) : [{ titel: null, hinweise: [], zeilen: zeilen.filter((r) => r.bereich === blatt) }];
    for (const [n, block] of bloecke.entries()) {
      if (block.titel) {
        if (n > 0) ws.addRow([]);
        ws.addRow([block.titel]).font = { bold: true, size: 12 };
      }
      for (const h of block.hinweise) ws.addRow([h]);
      if (block.zeilen.length > 0 || !block.titel) kopfzeile();
      zeilenSchreiben(ws, spalten, block.zeilen);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Data rows of a sheet: numbers as numbers with German display formats, `*` as text. */
function zeilenSchreiben(ws: ExcelJS.Worksheet, spalten: readonly Spalte[], inhalt: readonly ExportZeile[]): void {
  for (const r of inhalt) {
    const row = ws.addRow(
      spalten.map((s) => {
        const w = s.wert(r);
        if (typeof w === 'string') return w;
        if (w.zelle === null) return null;
        if (w.zelle === '*') return '*';
        return w.einheit === 'Euro' ? w.zelle / 100 : w.zelle;
      }),
    );
    spalten.forEach((s, n) => {
      const w = s.wert(r);
      if (typeof w === 'string') return;
      const cell = row.getCell(n + 1);
      cell.numFmt = w.einheit === 'Euro' ? '#,##0.00 "€"' : w.einheit === 'Prozent' ? '0.0' : '#,##0';
      cell.alignment = { horizontal: 'right' };
    });
  }
}

type PdfTabellenZelle = { text: string; type?: 'TH' | 'TD'; scope?: 'column' | 'row'; align?: 'left' | 'right' };

/** The PDF: title, Stichtag, data stand ("vorläufig"), then one table per part. */
export async function exportPdf(b: MonatsberichtDaten, zeilen: readonly ExportZeile[], grenze: number | null, erstellt: Date): Promise<Buffer> {
  const titel = `Monatsbericht ${monateText(b.monat)} – ${regionText(b)}`;
  const { doc, absatz, abschliessen } = textPdf({ Title: titel, Author: 'vorort', CreationDate: erstellt });
  absatz(titel, { fett: true, groesse: 15, typ: 'H1', abstand: 0.4 });
  absatz(`Stichtag: ${deutschesDatum(b.stichtag)}. Erstellt am ${deutschesDatum(erstellt.toISOString().slice(0, 10))}.`);
  absatz(b.datenstand === 'vorlaeufig' ? `VORLÄUFIG – ${standHinweis(b)}` : standHinweis(b), { fett: b.datenstand === 'vorlaeufig' });
  const klein = kleinHinweis(grenze);
  if (klein) absatz(klein);
  absatz('Aggregierte Zahlen aus den Monats-Snapshots; Definitionen jeder Zahl unter „Steuerung – Definitionen“.', { abstand: 0.6 });
  for (const blatt of BLAETTER) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    absatz(blatt === 'Bestand' ? 'Bestand und Bewegungen' : blatt === 'Integrationen' ? 'Integrationen und Arbeitsaufnahmen' : blatt === 'Kosten' ? 'Leistungen und Kosten' : 'Merkmale', { fett: true, groesse: 12, typ: 'H2', abstand: 0.2 });
    absatz(blattTitel(b, blatt), { groesse: 9 });
    const spalten = SPALTEN[blatt];
    const kopf: PdfTabellenZelle[] = spalten.map((s, n) => ({ text: (s.kurz ?? s.titel).trim(), type: 'TH', scope: 'column', align: n === 0 ? 'left' : 'right' }));
    const bloecke = blatt === 'Kosten' ? kostenBloecke(b, zeilen) : [{ titel: null, hinweise: [], zeilen: zeilen.filter((r) => r.bereich === blatt) }];
    for (const block of bloecke) {
      if (block.titel) absatz(block.titel, { fett: true, groesse: 10, typ: 'H3', abstand: 0.2 });
      for (const h of block.hinweise) absatz(h);
      if (block.zeilen.length === 0) continue;
      const daten = block.zeilen.map((r): PdfTabellenZelle[] =>
        spalten.map((s, n) => {
          const w = s.wert(r);
          if (typeof w === 'string') return n === 0 ? { text: w, type: 'TH', scope: 'row' } : { text: monateText(w) };
          return { text: lesbar(w.zelle, w.einheit, w.vorzeichen), align: 'right' };
        }),
      );
      tabelle(doc, [kopf, ...daten], spalten.map((s) => s.breite));
    }
  }
  return abschliessen();
}

/**
 * A table that is not cut badly at a page break: when it fits on a fresh page but not on the rest of this one, it
 * starts on the next page; a table longer than a page is split with the header row repeated, never leaving a lone row.
 */
function tabelle(doc: PDFKit.PDFDocument, zeilen: PdfTabellenZelle[][], breiten: number[]): void {
  const verfuegbar = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const summe = breiten.reduce((s, x) => s + x, 0);
  const spalten = breiten.map((x) => (x / summe) * verfuegbar);
  const [kopf, ...rumpf] = zeilen;
  if (!kopf) return;
  const hoehe = (r: PdfTabellenZelle[]): number => {
    doc.fontSize(8);
    return Math.max(...r.map((c, n) => doc.font(c.type === 'TH' ? 'Helvetica-Bold' : 'Helvetica').heightOfString(c.text, { width: (spalten[n] ?? verfuegbar) - 6 }))) + 5;
  };
  const unten = () => doc.page.height - doc.page.margins.bottom;
  const seite = unten() - doc.page.margins.top;
  const kopfHoehe = hoehe(kopf);
  const hoehen = rumpf.map(hoehe);
  const gesamt = kopfHoehe + hoehen.reduce((s, h) => s + h, 0);
  if (doc.y + gesamt > unten() && gesamt <= seite) doc.addPage();
  let teil: PdfTabellenZelle[][] = [];
  let platz = unten() - doc.y - kopfHoehe;
  rumpf.forEach((r, n) => {
    const h = hoehen[n] ?? 0;
    if (h > platz && teil.length > 0) {
      // keep at least two rows together on either side of the break
      const rest = rumpf.length - n;
      if (teil.length === 1 || rest === 1) {
        const zurueck = teil.length === 1 ? teil.splice(0) : teil.splice(-1);
        if (teil.length > 0) pdfTabelle(doc, [kopf, ...teil], spalten);
        teil = zurueck;
      } else {
        pdfTabelle(doc, [kopf, ...teil], spalten);
        teil = [];
      }
      doc.addPage();
      platz = unten() - doc.y - kopfHoehe - teil.reduce((s, x) => s + hoehe(x), 0);
    }
    teil.push(r);
    platz -= h;
  });
  if (teil.length > 0) pdfTabelle(doc, [kopf, ...teil], spalten);
  doc.moveDown(0.8);
}

/** pdfkit's table (0.17+) with the structure options not in @types/pdfkit. */
function pdfTabelle(doc: PDFKit.PDFDocument, zeilen: PdfTabellenZelle[][], spalten: number[]): void {
  const data = zeilen.map((r) =>
    r.map((c) => ({
      text: c.text.replace(/\u2212/g, '-').replace(/[\u00a0\u202f\u2009]/g, ' '),
      type: c.type ?? 'TD',
      ...(c.scope ? { scope: c.scope } : {}),
      align: { x: c.align ?? 'left', y: 'top' },
      font: { src: c.type === 'TH' ? 'Helvetica-Bold' : 'Helvetica' },
    })),
  );
  doc.font('Helvetica').fontSize(8).fillColor('black');
  doc.x = doc.page.margins.left;
  (doc as unknown as { table(o: unknown): unknown }).table({
    columnStyles: spalten,
    defaultStyle: { padding: [2, 3, 2, 3], border: 0.5, borderColor: '#999999', fontSize: 8 },
    data,
  });
}

const ascii = (t: string): string =>
  t
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

export const EXPORT_MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export of one Monatsbericht: file name, content type and bytes. */
export const monatsberichtExport = defineUseCase({
  name: 'statistik.monatsbericht-export',
  zugang: 'statistik.lesen',
  input: exportSchema,
  audit: ['statistik.export'],
  run: async ({ ctx, actor, input }) => {
    const { format, veroeffentlichung, ...bereich } = input;
    const bericht = await monatsbericht.run({ ctx, actor, input: bereich });
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const grenze = veroeffentlichung ? (await statistikEinstellungenRepository.lesen(tx)).kleinzahlGrenze : null;
      const zeilen = exportZeilen(bericht, grenze);
      const erstellt = ctx.clock.now();
      const inhalt = format === 'csv' ? exportCsv(zeilen) : format === 'xlsx' ? await exportXlsx(bericht, zeilen, grenze, erstellt) : await exportPdf(bericht, zeilen, grenze, erstellt);
      await recordAudit(tx, actor, {
        objectType: 'statistik',
        objectId: bereich.region ?? actor.traegerId,
        action: 'export',
        purpose: veroeffentlichung ? 'Monatsbericht zur Veröffentlichung exportieren' : 'Monatsbericht exportieren',
        details: { monat: bereich.monat, ebene: bereich.ebene, format },
      });
      const region = bericht.ebene === 'traeger' ? '' : `-${ascii(bericht.region.name) || bericht.ebene}`;
      return {
        dateiname: `monatsbericht-${bericht.monat}-${bericht.ebene}${region}${veroeffentlichung ? '-veroeffentlichung' : ''}.${format}`,
        mimeType: EXPORT_MIME[format],
        inhalt,
      };
    });
  },
});
