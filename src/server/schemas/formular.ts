import { z } from 'zod';
import { kalenderdatum } from './grenzen.ts';

/**
 * Input shapes that a form sends as text and an API client as JSON values. Each schema accepts both, so a page can
 * hand its raw form fields to a use case and get the same checks — and the same German field messages — as the API.
 */

export const BETRAG_FEHLER = 'Bitte einen Betrag in Euro angeben, z. B. 1234,56.';

/**
 * Euro text as people write it ("1.234,56", "1234.5", "12 €") → integer cents; null for an empty text; undefined
 * for anything that is not an amount. Numbers are not accepted here: see `euroCent`.
 */
export function euroTextInCent(raw: string): number | null | undefined {
  let s = raw.replace(/[\s\u00a0€]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return undefined;
  const [ganz, bruch = ''] = s.split('.');
  return Number(ganz) * 100 + Number(bruch.padEnd(2, '0'));
}

const CENT_MAX = 99_999_999_99;

/**
 * An amount in cents (integer ≥ 0). The API sends an integer number of cents; a form sends euro text ("1.234,56"),
 * which becomes cents. An empty form field counts as missing.
 */
export const euroCent = (fehler = BETRAG_FEHLER) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const cent = euroTextInCent(v);
      return cent === null ? undefined : cent === undefined ? v : cent;
    },
    z.number({ error: fehler }).int({ error: fehler }).min(0, { error: fehler }).max(CENT_MAX, { error: fehler }),
  );

/** Like `euroCent`, but an empty form field (or null) means "no amount" (null). */
export const euroCentOderNull = (fehler = BETRAG_FEHLER) =>
  z.preprocess((v) => (v === '' || (typeof v === 'string' && v.trim() === '') ? null : v), euroCent(fehler).nullable());

/** A checkbox: the form sends "1"/"on" when ticked and nothing otherwise; the API a boolean. */
export const haekchen = () => z.preprocess((v) => (v === '1' || v === 'on' || v === 'true' ? true : v === '' || v === '0' || v === 'false' || v === undefined ? false : v), z.boolean());

/** An optional text field: empty or blank text from a form means "none" (null). */
export const leerAlsNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable());

/** A whole number typed into a form ("62") or sent as a number by the API. */
export const ganzzahl = (fehler: string, min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d{1,12}\s*$/.test(v) ? Number(v) : v), z.number({ error: fehler }).int({ error: fehler }).min(min, { error: fehler }).max(max, { error: fehler }));

/** The optimistic-locking version of a form ("3") or of the API (3). */
export const version = () => ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 0, 2_147_483_647);

/** An optional field: empty or blank text from a form means "not given" (undefined). */
export const leerAlsFehlend = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A list: the API sends an array, a form a textarea with one entry per line (blank lines dropped). */
export const zeilenListe = <S extends z.ZodType>(eintrag: S) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(eintrag),
  );

/** Checkbox group or multiple select: a form sends one value (string) or several (array); none → undefined. */
export const mehrfachAuswahl = <S extends z.ZodType>(eintrag: S) =>
  z.preprocess((v) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : typeof v === 'string' ? [v] : v), z.array(eintrag).min(1).optional());

/** A date as people type it (TT.MM.JJJJ) becomes JJJJ-MM-TT; other text is trimmed and left for the schema to judge. */
export const deutschesDatum = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v.trim();
};

/** A month as people type it (MM/JJJJ or MM.JJJJ) becomes JJJJ-MM; other text is trimmed and left for the schema. */
export const deutscherMonat = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d{1,2})[./](\d{4})\s*$/.exec(v);
  return m ? `${m[2]}-${m[1]!.padStart(2, '0')}` : v.trim();
};

/** A calendar date from a form (TT.MM.JJJJ) or the API (JJJJ-MM-TT), checked like `kalenderdatum`. */
export const tagesdatum = () => z.preprocess(deutschesDatum, kalenderdatum());
