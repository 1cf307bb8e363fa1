import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { KENNZAHLEN, type Kennzahl, type VergleichMarkierung } from './typen.ts';

/**
 * Import of the published § 48a Kennzahlen of every Jobcenter (docs/statistik.md, "Vergleich mit allen Jobcentern").
 * Pure: bytes (CSV) or cells (XLSX, read by the server) in, checked rows or the list of rejected rows out.
 *
 * Layout: the LONG layout – one row per Jobcenter, Berichtsmonat and Kennzahl. The columns are found by an editable
 * header mapping (logical field → column heading; several headings separated by `|`; case and spaces ignored).
 * Numbers German ("18,1", "1.234,5"; "18.1" is read as 18.1, "1.234" as 1234). Markers in the value column:
 * "–", "-", "—", "…" and an empty cell = fehlend; "x", "*", "." = geheim (value null, `markierung` says which).
 * Flags: a value suffix " i" (imputiert) or " e" (eingeschränkte Aussagekraft), e.g. "18,1 i", or a column mapped to
 * `markierung` with "imputiert"/"i", "eingeschränkt"/"e", "fehlend", "geheim" (empty = none).
 * Lines starting with `#` are comments; a comment containing "fiktiv" marks the file as fictional data.
 */

export const VERGLEICH_FELDER = ['berichtsmonat', 'schluessel', 'name', 'land', 'vergleichstyp', 'traegerTyp', 'kennzahl', 'wert', 'zaehler', 'nenner', 'markierung'] as const;
export type VergleichFeld = (typeof VERGLEICH_FELDER)[number];
/** Logical field → accepted column headings. */
export type Spaltenzuordnung = Record<VergleichFeld, readonly string[]>;

/** Fields every file must have a column for. */
export const PFLICHTFELDER: readonly VergleichFeld[] = ['berichtsmonat', 'schluessel', 'kennzahl', 'wert'];

export const FELD_TEXT: Readonly<Record<VergleichFeld, string>> = {
  berichtsmonat: 'Berichtsmonat (JJJJ-MM, JJJJMM oder MM/JJJJ)',
  schluessel: 'Schlüssel des Jobcenters (5 Ziffern)',
  name: 'Name des Jobcenters',
  land: 'Land (Kürzel wie NW oder Name)',
  vergleichstyp: 'Vergleichstyp (z. B. IIIb)',
  traegerTyp: 'Trägerform (gE oder zkT)',
  kennzahl: 'Kennzahl (K1 … K3E4)',
  wert: 'Wert in Prozent',
  zaehler: 'Zähler',
  nenner: 'Nenner',
  markierung: 'Hinweis (imputiert, eingeschränkt, fehlend, geheim)',
};

/** The default mapping (used while the Träger has not saved its own). */
export const STANDARD_SPALTENZUORDNUNG: Spaltenzuordnung = {
  berichtsmonat: ['Berichtsmonat', 'Monat'],
  schluessel: ['Schlüssel', 'Regionalschlüssel', 'JC-Schlüssel'],
  name: ['Jobcenter', 'Name'],
  land: ['Land', 'Bundesland'],
  vergleichstyp: ['Vergleichstyp'],
  traegerTyp: ['Trägerform', 'Trägertyp'],
  kennzahl: ['Kennzahl'],
  wert: ['Wert'],
  zaehler: ['Zähler'],
  nenner: ['Nenner'],
  markierung: ['Hinweis', 'Markierung'],
};

/** Länder (ISO 3166-2:DE suffix) and their names, for the `land` column. */
export const LAENDER: Readonly<Record<string, string>> = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
};

export type AbgelehnteZeile = { zeile: number; grund: string; code: string };

export type VergleichZeile = {
  zeile: number;
  monat: string;
  schluessel: string;
  kennzahl: Kennzahl;
  wert: number | null;
  zaehler: number | null;
  nenner: number | null;
  markierung: VergleichMarkierung | null;
};

export type VergleichJobcenterZeile = { schluessel: string; name: string; land: string; traegerTyp: 'gE' | 'zkT'; vergleichstyp: string | null; gueltigVon: string };

export type ImportFehlercode = 'import_datei_ungueltig' | 'import_spalten_unbekannt' | 'import_zeilen_abgelehnt';

export type VergleichImportErgebnis =
  | { ok: true; zeilen: VergleichZeile[]; jobcenter: VergleichJobcenterZeile[]; zeilenGelesen: number; fiktiv: boolean }
  | { ok: false; code: ImportFehlercode; abgelehnt: AbgelehnteZeile[]; zeilenGelesen: number; fiktiv: boolean };

/** A table read from a file: the heading row and the data rows, each with its line number in the file. */
export type Tabelle = { kopf: { zeile: number; zellen: string[] }; zeilen: { zeile: number; zellen: string[] }[]; fiktiv: boolean };

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/* ---------------------------------------------------------------- mapping text ("Feld = Überschrift | Überschrift") */

export function zuordnungAlsText(z: Spaltenzuordnung): string {
  return VERGLEICH_FELDER.map((f) => `${f} = ${z[f].join(' | ')}`).join('\n');
}

/** Reads the mapping editor's text; every line "feld = Überschrift [| Überschrift …]". Missing fields: no column. */
export function leseZuordnungText(text: string): { ok: true; zuordnung: Spaltenzuordnung } | { ok: false; fehler: string[] } {
  const z = Object.fromEntries(VERGLEICH_FELDER.map((f) => [f, [] as string[]])) as Record<VergleichFeld, string[]>;
  const fehler: string[] = [];
  const gesehen = new Map<string, VergleichFeld>();
  text.split(/\r?\n/).forEach((roh, i) => {
    const zeile = roh.trim();
    if (!zeile || zeile.startsWith('#')) return;
    const m = /^([A-Za-z]+)\s*=\s*(.*)$/.exec(zeile);
    const feld = m ? VERGLEICH_FELDER.find((f) => f.toLowerCase() === m[1]!.toLowerCase()) : undefined;
    if (!m || !feld) {
      fehler.push(`Zeile ${i + 1}: „${zeile.slice(0, 60)}“ ist keine Zuordnung der Form „Feld = Spaltenüberschrift“ mit einem bekannten Feld.`);
      return;
    }
    for (const kopf of m[2]!.split('|').map((s) => s.trim()).filter(Boolean)) {
      const vorher = gesehen.get(norm(kopf));
      if (vorher && vorher !== feld) fehler.push(`Zeile ${i + 1}: Die Überschrift „${kopf}“ ist schon dem Feld ${vorher} zugeordnet.`);
      gesehen.set(norm(kopf), feld);
      z[feld].push(kopf);
    }
  });
  for (const f of PFLICHTFELDER) if (z[f].length === 0) fehler.push(`Das Feld ${f} braucht eine Spaltenüberschrift.`);
  return fehler.length ? { ok: false, fehler } : { ok: true, zuordnung: z };
}

/** A stored mapping (jsonb) as a mapping; anything unreadable → null (the caller uses the default). */
export function alsZuordnung(wert: unknown): Spaltenzuordnung | null {
  if (typeof wert !== 'object' || wert === null) return null;
  const o = wert as Record<string, unknown>;
  const z = {} as Record<VergleichFeld, string[]>;
  for (const f of VERGLEICH_FELDER) {
    const v = o[f];
    z[f] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  }
  return PFLICHTFELDER.every((f) => z[f].length > 0) ? z : null;
}

/* ---------------------------------------------------------------- bytes → table */

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252; null for binary garbage (NUL, control characters). */
export function dekodiere(inhalt: Uint8Array): { text: string; kodierung: 'utf-8' | 'windows-1252' } | null {
  let text: string;
  let kodierung: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inhalt);
  } catch {
    text = iconv.decode(Buffer.from(inhalt), 'win1252');
    kodierung = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text)) return null;
  return { text, kodierung };
}

/** CSV text → table. Separator `;`, `,` or tab (the one found in the heading line). null when there is no heading. */
export function leseCsv(text: string): Tabelle | null {
  const zeilen = text.split(/\r?\n/);
  const kopfzeile = zeilen.find((z) => z.trim() && !z.trimStart().startsWith('#'));
  if (!kopfzeile) return null;
  const fiktiv = zeilen.some((z) => z.trimStart().startsWith('#') && /fiktiv/i.test(z));
  const zaehle = (c: string) => kopfzeile.split(c).length - 1;
  const delimiter = [';', '\t', ','].reduce((best, c) => (zaehle(c) > zaehle(best) ? c : best), ';');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, comment: '#', comment_no_infix: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: true }) as unknown as typeof records;
  } catch {
    return null;
  }
  const [kopf, ...rest] = records;
  if (!kopf) return null;
  return {
    kopf: { zeile: kopf.info.lines, zellen: kopf.record },
    zeilen: rest.filter((r) => r.record.some((c) => c.trim())).map((r) => ({ zeile: r.info.lines, zellen: r.record })),
    fiktiv,
  };
}

/* ---------------------------------------------------------------- cells */

/** German number ("18,1", "1.234,5", "−3,2"); also "18.1". null when it is not a number. */
export function deutscheZahl(s: string): number | null {
  const t = s.trim().replace(/^\u2212/, '-').replace(/^\+/, '');
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(t)) normal = t.replace(',', '.');
  else if (/^-?\d+\.\d+$/.test(t)) normal = t;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

const FEHLEND = new Set(['', '–', '-', '—', '…', '...']);
const GEHEIM = new Set(['x', 'X', '*', '.']);

/** A value cell: number with optional flag suffix, or a marker. */
export function leseWert(s: string): { ok: true; wert: number | null; markierung: VergleichMarkierung | null } | { ok: false } {
  const t = s.trim();
  if (FEHLEND.has(t)) return { ok: true, wert: null, markierung: 'fehlend' };
  if (GEHEIM.has(t)) return { ok: true, wert: null, markierung: 'geheim' };
  const m = /^(.*\d)\s*\(?([ie])\)?$/i.exec(t);
  const zahl = deutscheZahl(m ? m[1]! : t);
  if (zahl === null) return { ok: false };
  const flag = m ? m[2]!.toLowerCase() : null;
  return { ok: true, wert: zahl, markierung: flag === 'i' ? 'imputiert' : flag === 'e' ? 'eingeschraenkt' : null };
}

const MARKIERUNG_TEXT: Readonly<Record<string, VergleichMarkierung>> = {
  i: 'imputiert',
  imputiert: 'imputiert',
  e: 'eingeschraenkt',
  eingeschraenkt: 'eingeschraenkt',
  eingeschränkt: 'eingeschraenkt',
  'eingeschränkte aussagekraft': 'eingeschraenkt',
  fehlend: 'fehlend',
  geheim: 'geheim',
};

export function leseMonat(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-?(\d{2})(-\d{2})?$/.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1]!.padStart(2, '0')}` : null;
  return null;
}

function leseLand(s: string): string | null {
  const t = s.trim();
  if (/^[A-Za-z]{2}$/.test(t) && LAENDER[t.toUpperCase()]) return t.toUpperCase();
  const treffer = Object.entries(LAENDER).find(([, name]) => norm(name) === norm(t));
  return treffer ? treffer[0] : null;
}

function leseTraegerTyp(s: string): 'gE' | 'zkT' | null {
  const t = norm(s);
  if (t === 'ge' || t.startsWith('gemeinsame einrichtung')) return 'gE';
  if (t === 'zkt' || t.startsWith('zugelassene') || t.startsWith('zugelassener')) return 'zkT';
  return null;
}

function leseKennzahl(s: string): Kennzahl | null {
  const t = s.replace(/\s+/g, '').toUpperCase();
  return (KENNZAHLEN as readonly string[]).includes(t) ? (t as Kennzahl) : null;
}

/* ---------------------------------------------------------------- table → rows */

const WERT_GRENZE = 9_999_999;

const deutsch = (x: number) => x.toLocaleString('de-DE', { maximumFractionDigits: 3 });
/** Change rates (K1, K1E1, K1E2, K3: (Zähler/Nenner − 1) × 100) cannot fall below −100 %. */
const AENDERUNGSRATEN: readonly Kennzahl[] = ['K1', 'K1E1', 'K1E2', 'K3'];
/** Shares of a group (K2E3: of the svb-Integrationen; K3E2: of the LZB) lie between 0 and 100 %. */
const ANTEILE: readonly Kennzahl[] = ['K2E3', 'K3E2'];

/**
 * Why a published value is impossible for its Kennzahl (null: possible): a change rate below −100 %, a quota (K1E3,
 * K1E4, K2 …) below 0, a share outside 0 … 100 %. A value like that is a column mix-up or a typing error in the file.
 */
export function unmoeglicherWert(k: Kennzahl, wert: number): string | null {
  if (AENDERUNGSRATEN.includes(k)) return wert < -100 ? `${k} ist eine Veränderungsrate und kann nicht unter −100 % liegen (Wert ${deutsch(wert)}).` : null;
  if (wert < 0) return `${k} ist eine Quote und kann nicht negativ sein (Wert ${deutsch(wert)}).`;
  if (ANTEILE.includes(k) && wert > 100) return `${k} ist ein Anteil und kann nicht über 100 % liegen (Wert ${deutsch(wert)}).`;
  return null;
}
const ZAHL_GRENZE = 99_999_999_999_999;

/**
 * Checks a table against the mapping. Every column must be mapped (else import_spalten_unbekannt), every row must
 * be valid (else import_zeilen_abgelehnt with every rejected row) – all or nothing.
 */
export function pruefeTabelle(tabelle: Tabelle, zuordnung: Spaltenzuordnung): VergleichImportErgebnis {
  const zeilenGelesen = tabelle.zeilen.length;
  const fiktiv = tabelle.fiktiv;
  const spalte = new Map<VergleichFeld, number>();
  const abgelehnt: AbgelehnteZeile[] = [];
  tabelle.kopf.zellen.forEach((kopf, i) => {
    if (!kopf.trim()) return;
    const feld = VERGLEICH_FELDER.find((f) => zuordnung[f].some((k) => norm(k) === norm(kopf)));
    if (!feld) abgelehnt.push({ zeile: tabelle.kopf.zeile, code: 'spalte_unbekannt', grund: `Die Spalte „${kopf.trim().slice(0, 80)}“ ist keinem Feld zugeordnet.` });
    else if (spalte.has(feld)) abgelehnt.push({ zeile: tabelle.kopf.zeile, code: 'spalte_doppelt', grund: `Die Spalte „${kopf.trim().slice(0, 80)}“ gehört zum Feld ${feld}, das schon eine Spalte hat.` });
    else spalte.set(feld, i);
  });
  for (const f of PFLICHTFELDER) {
    if (!spalte.has(f)) abgelehnt.push({ zeile: tabelle.kopf.zeile, code: 'spalte_fehlt', grund: `Es fehlt eine Spalte für das Feld ${f} (${FELD_TEXT[f]}).` });
  }
  if (abgelehnt.length) return { ok: false, code: 'import_spalten_unbekannt', abgelehnt, zeilenGelesen, fiktiv };
  if (zeilenGelesen === 0) return { ok: false, code: 'import_datei_ungueltig', abgelehnt: [{ zeile: tabelle.kopf.zeile, code: 'keine_zeilen', grund: 'Die Datei enthält unter der Überschrift keine Zeilen.' }], zeilenGelesen, fiktiv };

  const zeilen: VergleichZeile[] = [];
  const jobcenter = new Map<string, VergleichJobcenterZeile & { zeile: number }>();
  const schluesselGesehen = new Map<string, number>();
  for (const { zeile, zellen } of tabelle.zeilen) {
    const zelle = (f: VergleichFeld) => {
      const i = spalte.get(f);
      return i === undefined ? undefined : (zellen[i] ?? '').trim();
    };
    const gruende: { code: string; grund: string }[] = [];
    const nein = (code: string, grund: string) => gruende.push({ code, grund });
    const monat = leseMonat(zelle('berichtsmonat')!);
    if (!monat) nein('monat_ungueltig', `Der Berichtsmonat „${zelle('berichtsmonat')!.slice(0, 20)}“ ist kein Monat (JJJJ-MM).`);
    let schluessel = zelle('schluessel')!;
    if (/^\d{4}$/.test(schluessel)) schluessel = `0${schluessel}`; // a spreadsheet dropped the leading zero
    if (!/^\d{5,8}$/.test(schluessel)) nein('schluessel_ungueltig', `Der Schlüssel „${schluessel.slice(0, 20)}“ besteht nicht aus 5 bis 8 Ziffern.`);
    const kennzahl = leseKennzahl(zelle('kennzahl')!);
    if (!kennzahl) nein('kennzahl_unbekannt', `„${zelle('kennzahl')!.slice(0, 20)}“ ist keine Kennzahl nach § 48a SGB II (K1 … K3E4).`);
    const w = leseWert(zelle('wert')!);
    if (!w.ok) nein('zahl_ungueltig', `Der Wert „${zelle('wert')!.slice(0, 20)}“ ist keine Zahl (z. B. 18,1) und kein bekanntes Zeichen für fehlende Werte.`);
    else if (w.wert !== null && Math.abs(w.wert) > WERT_GRENZE) nein('zahl_ungueltig', 'Der Wert ist zu groß.');
    else if (w.wert !== null && kennzahl) {
      const warum = unmoeglicherWert(kennzahl, w.wert);
      if (warum) nein('wert_unmoeglich', warum);
    }
    const zahl = (f: 'zaehler' | 'nenner') => {
      const s = zelle(f);
      if (s === undefined || FEHLEND.has(s) || GEHEIM.has(s)) return null;
      const n = deutscheZahl(s);
      if (n === null || Math.abs(n) > ZAHL_GRENZE) {
        nein('zahl_ungueltig', `${f === 'zaehler' ? 'Der Zähler' : 'Der Nenner'} „${s.slice(0, 20)}“ ist keine Zahl.`);
        return null;
      }
      return n;
    };
    const zaehler = zahl('zaehler');
    const nenner = zahl('nenner');
    let markierung: VergleichMarkierung | null = w.ok ? w.markierung : null;
    const mText = zelle('markierung');
    if (mText) {
      const m = MARKIERUNG_TEXT[norm(mText)];
      if (!m) nein('markierung_unbekannt', `Der Hinweis „${mText.slice(0, 30)}“ ist unbekannt (imputiert, eingeschränkt, fehlend, geheim).`);
      else if (w.ok && w.wert !== null && (m === 'fehlend' || m === 'geheim')) nein('markierung_widerspruch', `Der Hinweis „${mText.slice(0, 30)}“ passt nicht zu einem Wert.`);
      else if (!markierung || markierung === 'fehlend') markierung = m;
    }
    // the Jobcenter's master data, when the file has it
    const name = zelle('name');
    const landText = zelle('land');
    const typText = zelle('traegerTyp');
    const vtyp = zelle('vergleichstyp');
    let jc: VergleichJobcenterZeile | null = null;
    if (name && landText && typText) {
      const land = leseLand(landText);
      const traegerTyp = leseTraegerTyp(typText);
      if (!land) nein('land_ungueltig', `„${landText.slice(0, 30)}“ ist kein Land (Kürzel wie NW oder der Name).`);
      if (!traegerTyp) nein('traeger_typ_ungueltig', `Die Trägerform „${typText.slice(0, 30)}“ ist weder gE noch zkT.`);
      if (vtyp && vtyp.length > 20) nein('vergleichstyp_ungueltig', 'Der Vergleichstyp ist länger als 20 Zeichen.');
      if (name.length > 200) nein('name_ungueltig', 'Der Name ist länger als 200 Zeichen.');
      if (land && traegerTyp && monat) jc = { schluessel, name, land, traegerTyp, vergleichstyp: vtyp || null, gueltigVon: monat };
    }
    if (monat && kennzahl) {
      const k = `${schluessel}|${monat}|${kennzahl}`;
      const erste = schluesselGesehen.get(k);
      if (erste !== undefined) nein('doppelt', `Diese Kennzahl steht für diesen Jobcenter und Monat schon in Zeile ${erste}.`);
      else schluesselGesehen.set(k, zeile);
    }
    if (jc) {
      const vorher = jobcenter.get(schluessel);
      if (vorher && (vorher.name !== jc.name || vorher.land !== jc.land || vorher.traegerTyp !== jc.traegerTyp || vorher.vergleichstyp !== jc.vergleichstyp)) {
        nein('jobcenter_widerspruch', `Name, Land, Trägerform oder Vergleichstyp des Jobcenters ${schluessel} weichen von Zeile ${vorher.zeile} ab.`);
      } else if (!vorher) jobcenter.set(schluessel, { ...jc, zeile });
      else if (jc.gueltigVon < vorher.gueltigVon) vorher.gueltigVon = jc.gueltigVon;
    }
    if (gruende.length) {
      abgelehnt.push({ zeile, code: gruende[0]!.code, grund: gruende.map((g) => g.grund).join(' ') });
      continue;
    }
    zeilen.push({ zeile, monat: monat!, schluessel, kennzahl: kennzahl!, wert: w.ok ? w.wert : null, zaehler, nenner, markierung });
  }
  if (abgelehnt.length) return { ok: false, code: 'import_zeilen_abgelehnt', abgelehnt, zeilenGelesen, fiktiv };
  return { ok: true, zeilen, jobcenter: [...jobcenter.values()].map(({ zeile: _z, ...j }) => j), zeilenGelesen, fiktiv };
}

/** A CSV file (bytes) checked against the mapping. */
export function pruefeCsv(inhalt: Uint8Array, zuordnung: Spaltenzuordnung): VergleichImportErgebnis {
  const text = dekodiere(inhalt);
  const tabelle = text ? leseCsv(text.text) : null;
  if (!tabelle) {
    return {
      ok: false,
      code: 'import_datei_ungueltig',
      abgelehnt: [{ zeile: 0, code: 'import_datei_ungueltig', grund: 'Die Datei ist keine lesbare CSV-Datei (UTF-8 oder Windows-1252, getrennt durch Semikolon oder Komma).' }],
      zeilenGelesen: 0,
      fiktiv: false,
    };
  }
  return pruefeTabelle(tabelle, zuordnung);
}
