/**
 * Pure calendar helpers on ISO dates ('YYYY-MM-DD') and months ('YYYY-MM').
 * No `Date` objects: results never depend on the machine's time zone.
 */

export type Tag = { jahr: number; monat: number; tag: number };

const zwei = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/** Parses 'YYYY-MM-DD' (no validation beyond the shape). */
export function parseTag(iso: string): Tag {
  return { jahr: zwei(iso, 0) * 100 + zwei(iso, 2), monat: zwei(iso, 5), tag: zwei(iso, 8) };
}

export function istSchaltjahr(jahr: number): boolean {
  return (jahr % 4 === 0 && jahr % 100 !== 0) || jahr % 400 === 0;
}

export function tageImMonat(jahr: number, monat: number): number {
  if (monat === 2) return istSchaltjahr(jahr) ? 29 : 28;
  return monat === 4 || monat === 6 || monat === 9 || monat === 11 ? 30 : 31;
}

/** True for a real calendar date in the form 'YYYY-MM-DD'. */
export function istKalenderdatum(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const t = parseTag(iso);
  return t.jahr >= 1 && t.monat >= 1 && t.monat <= 12 && t.tag >= 1 && t.tag <= tageImMonat(t.jahr, t.monat);
}

/** Month number for distances: year × 12 + month − 1. */
export function monatsindex(jahr: number, monat: number): number {
  return jahr * 12 + monat - 1;
}

/** Index of a 'YYYY-MM' or 'YYYY-MM-DD' string. */
export function monatsindexVon(iso: string): number {
  return monatsindex(zwei(iso, 0) * 100 + zwei(iso, 2), zwei(iso, 5));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoTag(jahr: number, monat: number, tag: number): string {
  return `${jahr}-${pad2(monat)}-${pad2(tag)}`;
}

/**
 * Age reached in the given month: completed years on the birthday if it falls in that month, i.e. the
 * reading "the new age applies for the whole month of the birthday" (AUSLEGUNG.altersstufenwechsel).
 */
export function alterImMonat(geburt: Tag, jahr: number, monat: number): number {
  return jahr - geburt.jahr - (geburt.monat > monat ? 1 : 0);
}

/** Completed years of life on a given day (birthday counts). */
export function alterAmTag(geburt: Tag, tag: Tag): number {
  let alter = tag.jahr - geburt.jahr;
  if (tag.monat < geburt.monat || (tag.monat === geburt.monat && tag.tag < geburt.tag)) alter -= 1;
  return alter;
}

/** Compares two Tag values: negative, 0 or positive. */
export function vergleiche(a: Tag, b: Tag): number {
  return a.jahr - b.jahr || a.monat - b.monat || a.tag - b.tag;
}

const MONATSNAMEN = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] as const;

/** "Dezember 2026" */
export function monatLang(jahr: number, monat: number): string {
  return `${MONATSNAMEN[monat - 1]} ${jahr}`;
}

/** 'YYYY-MM-DD' → "1. Dezember 2026" (the form used in every explanation text; never ISO). */
export function datumLang(iso: string): string {
  const t = parseTag(iso);
  return `${t.tag}. ${monatLang(t.jahr, t.monat)}`;
}
