/**
 * Field builders for flow pages and the reading of HTML form values.
 *
 * Every builder returns a zod schema for the *stored* (typed) value and records what kind of HTML input feeds it,
 * so `leseFormular` can turn the strings of a form post into typed values: money → integer cents, dates → ISO,
 * radio "ja"/"nein" → boolean, a checkbox that sends nothing when unchecked → false, repeated names → arrays.
 * Validation messages are stable codes (see texte/de.ts `fehler.*`), translated when shown.
 */
import { z } from 'zod';
import { istKalenderdatum } from '../berechnung/datum.ts';
import { istGueltigeIban } from '../zahlung/iban.ts';
import { istLandCode, landAusEingabe } from './laender.ts';

export type FeldArt = 'text' | 'geld' | 'ganzzahl' | 'datum' | 'ja_nein' | 'checkbox' | 'auswahl' | 'mehrfach' | 'land';

const arten = new WeakMap<z.ZodType, FeldArt>();
function markiere<T extends z.ZodType>(schema: T, art: FeldArt): T {
  arten.set(schema, art);
  return schema;
}

/** The kind of a field, looking through optional/nullable/default wrappers. */
export function feldArt(schema: z.ZodType): FeldArt {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    const art = arten.get(s);
    if (art) return art;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else break;
  }
  return 'text';
}

export function istOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

export const MAX_CENT = 100_000_000;

export const feld = {
  text: (max = 200) => markiere(z.string({ error: 'pflichtfeld' }).trim().min(1, { error: 'pflichtfeld' }).max(max, { error: 'zu_lang' }), 'text'),
  /** amount in integer cents */
  geld: () => markiere(z.number({ error: 'pflichtfeld' }).int({ error: 'betrag_ungueltig' }).min(0, { error: 'betrag_negativ' }).max(MAX_CENT, { error: 'betrag_zu_hoch' }), 'geld'),
  ganzzahl: (min = 0, max = 1000) =>
    markiere(z.number({ error: 'pflichtfeld' }).int({ error: 'zahl_ungueltig' }).min(min, { error: 'zu_klein' }).max(max, { error: 'zu_gross' }), 'ganzzahl'),
  datum: () =>
    markiere(
      z
        .string({ error: 'pflichtfeld' })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'datum_ungueltig' })
        .refine(istKalenderdatum, { error: 'datum_ungueltig' }),
      'datum',
    ),
  /** a yes/no question answered with two radio buttons */
  jaNein: () => markiere(z.boolean({ error: 'auswahl_fehlt' }), 'ja_nein'),
  /** a single checkbox; unchecked is false */
  checkbox: () => markiere(z.boolean({ error: 'pflichtfeld' }), 'checkbox'),
  /** a checkbox that must be ticked (declarations) */
  bestaetigung: () => markiere(z.literal(true, { error: 'bestaetigung_fehlt' }), 'checkbox'),
  auswahl: <const T extends readonly [string, ...string[]]>(werte: T) => markiere(z.enum(werte, { error: 'auswahl_fehlt' }), 'auswahl'),
  mehrfach: <const T extends readonly [string, ...string[]]>(werte: T) =>
    markiere(z.array(z.enum(werte, { error: 'auswahl_ungueltig' }), { error: 'pflichtfeld' }).max(werte.length), 'mehrfach'),
  plz: () => markiere(z.string({ error: 'pflichtfeld' }).trim().regex(/^\d{5}$/, { error: 'plz_ungueltig' }), 'text'),
  iban: () =>
    markiere(
      z
        .string({ error: 'pflichtfeld' })
        .transform((v) => v.replace(/\s+/g, '').toUpperCase())
        .pipe(z.string().min(1, { error: 'pflichtfeld' }).refine(istGueltigeIban, { error: 'iban_ungueltig' })),
      'text',
    ),
  email: () => markiere(z.string({ error: 'pflichtfeld' }).trim().max(254, { error: 'zu_lang' }).pipe(z.email({ error: 'email_ungueltig' })), 'text'),
  telefon: () =>
    markiere(
      z.string({ error: 'pflichtfeld' }).trim().regex(/^\+?[0-9 ()/-]{5,30}$/, { error: 'telefon_ungueltig' }),
      'text',
    ),
  /** ISO 3166-1 alpha-2, XX = stateless or unknown; the form offers a list and also accepts "deutsch", "Syrien" … */
  land: () =>
    markiere(
      z
        .string({ error: 'pflichtfeld' })
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: 'land_ungueltig' })
        .refine(istLandCode, { error: 'land_ungueltig' }),
      'land',
    ),
  /** a reference to a person of the application (see personenAuswahl) */
  personRef: () => markiere(z.string({ error: 'auswahl_fehlt' }).min(1, { error: 'auswahl_fehlt' }).max(40), 'auswahl'),
};

/** Raw values of a form post (fastify formbody: repeated names become arrays). */
export type FormEingabe = Record<string, string | string[] | undefined>;

export type Umwandlung = { ok: true; wert: unknown } | { ok: false; code: string };

function einzeln(roh: string | string[] | undefined): string | undefined {
  const v = Array.isArray(roh) ? roh[roh.length - 1] : roh;
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** "1.234,56 €", "1234,5", "1234.56", "12" → cents; undefined for an empty field. */
export function parseGeld(eingabe: string): number | null {
  let s = eingabe.replace(/\s|\u00a0/g, '').replace(/(€|EUR)$/i, '');
  if (s.includes(',')) {
    if (!/^\d{1,3}(\.\d{3})*(,\d{0,2})?$/.test(s) && !/^\d+(,\d{0,2})?$/.test(s)) return null;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const cent = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cent) ? cent : null;
}

/** "2025-03-04" (input type=date) or "4.3.2025" → ISO; null if not a date. */
export function parseDatum(eingabe: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(eingabe)) return istKalenderdatum(eingabe) ? eingabe : null;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(eingabe);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return istKalenderdatum(iso) ? iso : null;
}

/** Converts one raw form value according to the kind of its field. */
export function wandleUm(art: FeldArt, roh: string | string[] | undefined): Umwandlung {
  if (art === 'checkbox') {
    const v = einzeln(roh);
    return { ok: true, wert: v !== undefined && v !== 'off' && v !== 'false' && v !== 'nein' };
  }
  if (art === 'mehrfach') {
    const liste = (Array.isArray(roh) ? roh : roh === undefined ? [] : [roh]).map((v) => v.trim()).filter((v) => v !== '');
    return { ok: true, wert: [...new Set(liste)] };
  }
  const v = einzeln(roh);
  if (v === undefined) return { ok: true, wert: undefined };
  switch (art) {
    case 'geld': {
      const c = parseGeld(v);
      return c === null ? { ok: false, code: 'betrag_ungueltig' } : { ok: true, wert: c };
    }
    case 'ganzzahl':
      return /^-?\d{1,9}$/.test(v) ? { ok: true, wert: Number(v) } : { ok: false, code: 'zahl_ungueltig' };
    case 'datum': {
      const d = parseDatum(v);
      return d === null ? { ok: false, code: 'datum_ungueltig' } : { ok: true, wert: d };
    }
    case 'land': {
      const code = landAusEingabe(v);
      return code ? { ok: true, wert: code } : { ok: false, code: 'land_ungueltig' };
    }
    case 'ja_nein':
      if (v === 'ja' || v === 'true') return { ok: true, wert: true };
      if (v === 'nein' || v === 'false') return { ok: true, wert: false };
      return { ok: false, code: 'auswahl_fehlt' };
    default:
      return { ok: true, wert: v };
  }
}

/** Shows a stored value in an HTML input again (cents → "1234,56", booleans → "ja"/"nein"). */
export function alsFormwert(art: FeldArt, wert: unknown): string | string[] | undefined {
  if (wert === undefined || wert === null) return undefined;
  if (art === 'geld' && typeof wert === 'number') {
    const euro = Math.floor(wert / 100);
    const rest = wert % 100;
    return rest === 0 ? String(euro) : `${euro},${String(rest).padStart(2, '0')}`;
  }
  if (art === 'ja_nein' && typeof wert === 'boolean') return wert ? 'ja' : 'nein';
  if (art === 'checkbox' && typeof wert === 'boolean') return wert ? 'on' : undefined;
  if (art === 'mehrfach' && Array.isArray(wert)) return wert.map(String);
  return String(wert);
}
