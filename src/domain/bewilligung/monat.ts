/**
 * Calendar months as 'YYYY-MM' strings and days as 'YYYY-MM-DD' strings (no Date objects, no time zone).
 */
import { isoTag, istKalenderdatum, tageImMonat } from '../berechnung/datum.ts';

const MONATSNAMEN = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;

export function istMonat(m: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
}

export function pruefeMonat(m: string, name = 'Monat'): void {
  if (!istMonat(m)) throw new RangeError(`${name} muss die Form JJJJ-MM haben: ${m}`);
}

export function pruefeTag(t: string, name = 'Datum'): void {
  if (!istKalenderdatum(t)) throw new RangeError(`${name} muss ein Kalenderdatum JJJJ-MM-TT sein: ${t}`);
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function monatPlus(monat: string, n: number): string {
  const idx = Number(monat.slice(0, 4)) * 12 + Number(monat.slice(5, 7)) - 1 + n;
  const jahr = Math.floor(idx / 12);
  const m = idx - jahr * 12 + 1;
  return `${jahr}-${m < 10 ? '0' : ''}${m}`;
}

/** Months from `von` to `bis`, both included. */
export function monateVonBis(von: string, bis: string): string[] {
  const out: string[] = [];
  for (let m = von; m <= bis; m = monatPlus(m, 1)) out.push(m);
  return out;
}

export function monatVon(tag: string): string {
  return tag.slice(0, 7);
}

export function ersterTag(monat: string): string {
  return `${monat}-01`;
}

export function letzterTag(monat: string): string {
  const j = Number(monat.slice(0, 4));
  const m = Number(monat.slice(5, 7));
  return isoTag(j, m, tageImMonat(j, m));
}

/** "Juni 2024" */
export function monatText(monat: string): string {
  return `${MONATSNAMEN[Number(monat.slice(5, 7)) - 1]} ${monat.slice(0, 4)}`;
}

/** "06/2024" */
export function monatKurz(monat: string): string {
  return `${monat.slice(5, 7)}/${monat.slice(0, 4)}`;
}

/** "01.06.2024" */
export function datumText(tag: string): string {
  return `${tag.slice(8, 10)}.${tag.slice(5, 7)}.${tag.slice(0, 4)}`;
}
