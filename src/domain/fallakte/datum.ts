/**
 * Calendar helpers for validity periods on ISO dates ('YYYY-MM-DD'). Pure, time-zone independent
 * (days are computed with UTC arithmetic on the date parts only).
 */
import { istKalenderdatum, tageImMonat } from '../berechnung/datum.ts';

export { istKalenderdatum };

const ms = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The day `n` days after `tag` (negative: before). */
export function plusTage(tag: string, n: number): string {
  return iso(ms(tag) + n * 86_400_000);
}

export const tagVorher = (tag: string) => plusTage(tag, -1);
export const tagDanach = (tag: string) => plusTage(tag, 1);

/** 'YYYY-MM' of a day. */
export const monatVon = (tag: string) => tag.slice(0, 7);

export const ersterTag = (monat: string) => `${monat}-01`;

export function letzterTag(monat: string): string {
  const jahr = Number(monat.slice(0, 4));
  const m = Number(monat.slice(5, 7));
  return `${monat}-${String(tageImMonat(jahr, m)).padStart(2, '0')}`;
}

export function istMonat(monat: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(monat);
}

/** The month after 'YYYY-MM'. */
export function naechsterMonat(monat: string): string {
  const jahr = Number(monat.slice(0, 4));
  const m = Number(monat.slice(5, 7));
  return m === 12 ? `${jahr + 1}-01` : `${jahr}-${String(m + 1).padStart(2, '0')}`;
}

/** Whole days between two dates (b − a). */
export function tageZwischen(a: string, b: string): number {
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}
