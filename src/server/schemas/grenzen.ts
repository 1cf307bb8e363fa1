import { z } from 'zod';
import { istKalenderdatum } from '../../domain/berechnung/datum.ts';

/**
 * Shared checks at the boundary (issue 11): what reaches a use case or PostgreSQL must be storable and well-formed.
 * Every message is German and readable — never a raw regular expression. The same rules back the global input
 * check in src/server/app.ts (`unspeicherbareStelle`), which refuses NUL and lone surrogates in every request.
 */

/** NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its partner (not valid UTF-8). */
export function istSpeicherbar(s: string): boolean {
  return !s.includes('\u0000') && !EINZELNES_SURROGAT.test(s);
}

const EINZELNES_SURROGAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNZULAESSIGE_ZEICHEN = 'Der Text enthält unzulässige Zeichen (z. B. ein Nullzeichen). Bitte entfernen Sie sie.';

/**
 * The first place in a parsed request part (query, params, body) whose text PostgreSQL could not store, as a dotted
 * path (`body.email`), or null. Looks into arrays and plain objects up to a fixed depth; keys are checked too.
 */
export function unspeicherbareStelle(wert: unknown, pfad: string, tiefe = 0): string | null {
  if (typeof wert === 'string') return istSpeicherbar(wert) ? null : pfad;
  if (tiefe > 20 || wert === null || typeof wert !== 'object') return null;
  if (Buffer.isBuffer(wert)) return null;
  const eintraege: [string, unknown][] = Array.isArray(wert) ? wert.map((v, i) => [String(i), v]) : Object.entries(wert);
  for (const [k, v] of eintraege) {
    if (!istSpeicherbar(k)) return pfad;
    const stelle = unspeicherbareStelle(v, pfad ? `${pfad}.${k}` : k, tiefe + 1);
    if (stelle) return stelle;
  }
  return null;
}

/** Text of at most `max` characters, storable in PostgreSQL. */
export const text = (max: number) => z.string().max(max).refine(istSpeicherbar, { error: UNZULAESSIGE_ZEICHEN });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is an id in the form PostgreSQL's uuid type accepts (any version). */
export const istUuid = (s: string) => UUID.test(s);

/** An id (UUID, any version: PostgreSQL's uuid type). */
export const uuid = (was = 'Die Kennung') => z.string().regex(UUID, { error: `${was} ist keine gültige Kennung (UUID).` }).describe('ID (UUID)');

/** A calendar date that exists: JJJJ-MM-TT (2025-02-30, 2025-13-01 and 0000-00-00 are refused). */
export const kalenderdatum = () =>
  z
    .string()
    .max(10, { error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.', abort: true })
    .refine(istKalenderdatum, { error: 'Dieses Datum gibt es nicht.' })
    .describe('Kalenderdatum JJJJ-MM-TT');

/** A calendar month JJJJ-MM. */
export const kalendermonat = () =>
  z
    .string()
    .max(7, { error: 'Bitte einen Monat im Format JJJJ-MM angeben.' })
    .refine((s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s) && s >= '0001-01', { error: 'Bitte einen Monat im Format JJJJ-MM angeben.' })
    .describe('Monat JJJJ-MM');

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A wall-clock time HH:MM (00:00 to 24:00). */
export const uhrzeit = () =>
  z
    .string()
    .max(5, { error: 'Bitte eine Uhrzeit im Format HH:MM angeben.' })
    .refine((s) => HHMM.test(s), { error: 'Bitte eine Uhrzeit im Format HH:MM angeben.' })
    .describe('Uhrzeit HH:MM');

export const istUhrzeit = (s: string) => HHMM.test(s);

/** Minutes since midnight of a valid HH:MM. */
export const minutenVon = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/**
 * Refinement for objects with `von` and `bis` (times HH:MM or dates JJJJ-MM-TT, compared as text, which orders both
 * correctly): `bis` must lie after `von` (strictly for times, not before for dates). Skips when either is missing or
 * malformed (their own schema reports that).
 */
export function vonVorBis<T extends { von?: string | null | undefined; bis?: string | null | undefined }>(art: 'uhrzeit' | 'datum') {
  return (wert: T, ctx: z.RefinementCtx) => {
    const { von, bis } = wert;
    if (!von || !bis) return;
    if (art === 'uhrzeit') {
      if (istUhrzeit(von) && istUhrzeit(bis) && minutenVon(von) >= minutenVon(bis)) ctx.addIssue({ code: 'custom', path: ['bis'], message: 'Das Ende muss nach dem Beginn liegen.' });
    } else if (istKalenderdatum(von) && istKalenderdatum(bis) && bis < von) {
      ctx.addIssue({ code: 'custom', path: ['bis'], message: 'Das Ende darf nicht vor dem Beginn liegen.' });
    }
  };
}

const ISO_ZEITPUNKT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time, ISO 8601 with time zone (`2026-03-02T09:30:00+01:00`) → Date. Its calendar date must exist
 * (JavaScript would quietly turn 2026-02-30 into 2 March): the same message as `kalenderdatum`.
 */
export const zeitpunkt = () =>
  z
    .string()
    .max(40, { error: 'Bitte einen Zeitpunkt im Format JJJJ-MM-TTTHH:MM mit Zeitzone angeben.' })
    .refine((s) => ISO_ZEITPUNKT.test(s) && !Number.isNaN(new Date(s).getTime()), { error: 'Bitte einen Zeitpunkt im Format JJJJ-MM-TTTHH:MM mit Zeitzone angeben.', abort: true })
    .refine((s) => istKalenderdatum(s.slice(0, 10)), { error: 'Dieses Datum gibt es nicht.' })
    .transform((s) => new Date(s))
    .describe('Zeitpunkt (ISO 8601 mit Zeitzone)');
