/**
 * Wall-clock time in Europe/Berlin ↔ UTC instants, without the machine's time zone.
 *
 * Everything goes through one `Intl.DateTimeFormat` with `timeZone: 'Europe/Berlin'`; the process TZ is never read
 * (no `getHours()`, no `new Date(y, m, d)`). Calendar dates are ISO strings 'YYYY-MM-DD' and computed with UTC
 * arithmetic; times of day are minutes after local midnight (0–1440).
 *
 * Daylight saving in Germany (EU directive 2000/84/EC, § 4 Einheiten- und Zeitgesetz / Sommerzeitverordnung):
 * last Sunday of March 02:00 CET → 03:00 CEST (the local times 02:00–02:59 do not exist), last Sunday of October
 * 03:00 CEST → 02:00 CET (the local times 02:00–02:59 occur twice).
 */

export const ZEITZONE = 'Europe/Berlin';

const MINUTE = 60_000;
const TAG = 86_400_000;

const formatierer = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZEITZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Local wall-clock reading of an instant. */
export type Wandzeit = {
  /** 'YYYY-MM-DD' */
  datum: string;
  /** minutes after local midnight */
  minuten: number;
  /** 'HH:MM' */
  uhrzeit: string;
  /** ISO weekday, 1 = Montag … 7 = Sonntag */
  wochentag: Wochentag;
  /** offset to UTC in minutes (60 in winter, 120 in summer) */
  offsetMinuten: number;
};

export type Wochentag = 1 | 2 | 3 | 4 | 5 | 6 | 7;

type Teile = { jahr: number; monat: number; tag: number; stunde: number; minute: number; sekunde: number };

/** The reading of `ms` by the Intl formatter (the source of truth; slow: one `formatToParts` per call). */
function teileIntl(ms: number): Teile {
  const werte: Record<string, number> = {};
  for (const teil of formatierer.formatToParts(new Date(ms))) {
    if (teil.type !== 'literal') werte[teil.type] = Number(teil.value);
  }
  return {
    jahr: werte.year ?? 0,
    monat: werte.month ?? 0,
    tag: werte.day ?? 0,
    stunde: werte.hour ?? 0,
    minute: werte.minute ?? 0,
    sekunde: werte.second ?? 0,
  };
}

const STUNDE = 3_600_000;

/** Offset (local reading − instant, in ms) at `ms` from the Intl formatter. */
function offsetIntl(ms: number): number {
  const t = teileIntl(ms);
  return Date.UTC(t.jahr, t.monat - 1, t.tag, t.stunde, t.minute, t.sekunde) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Offsets per UTC hour. Slot computation asks for the offset of the same few hundred hours again and again (every
 * booking and every refused booking computes slots for days ahead), and `formatToParts` was the hottest function of
 * the booking path. Berlin changes its offset only at full UTC hours (01:00 UTC), so one Intl reading per UTC hour
 * suffices; an hour whose start and end disagree (none since 1893) is not cached and read by Intl every time.
 */
const offsetJeStunde = new Map<number, number>();
const OHNE_CACHE = Number.NaN;

function offsetMs(ms: number): number {
  const stunde = Math.floor(ms / STUNDE);
  const gemerkt = offsetJeStunde.get(stunde);
  if (gemerkt !== undefined) return Number.isNaN(gemerkt) ? offsetIntl(ms) : gemerkt;
  const anfang = offsetIntl(stunde * STUNDE);
  const ende = offsetIntl(stunde * STUNDE + STUNDE - 1);
  if (offsetJeStunde.size >= 100_000) offsetJeStunde.clear();
  offsetJeStunde.set(stunde, anfang === ende ? anfang : OHNE_CACHE);
  return anfang === ende ? anfang : offsetIntl(ms);
}

/** The Berlin wall-clock reading of `ms`: the instant shifted by the offset, read with UTC getters. */
function teile(ms: number): Teile {
  const d = new Date(ms + offsetMs(ms));
  return { jahr: d.getUTCFullYear(), monat: d.getUTCMonth() + 1, tag: d.getUTCDate(), stunde: d.getUTCHours(), minute: d.getUTCMinutes(), sekunde: d.getUTCSeconds() };
}

/** The local wall-clock time of `ms`, read as if it were UTC (ms since epoch of the local reading). */
function lokalAlsUtc(ms: number): number {
  return ms + offsetMs(ms);
}

/** Offset of Europe/Berlin to UTC at an instant, in minutes. */
export function offsetMinuten(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.round((lokalAlsUtc(ms) - ms) / MINUTE);
}

const zwei = (n: number) => String(n).padStart(2, '0');

export function uhrzeitText(minuten: number): string {
  return `${zwei(Math.floor(minuten / 60))}:${zwei(minuten % 60)}`;
}

/** 'HH:MM' → minutes after midnight; '24:00' is allowed as the end of a day. */
export function uhrzeitMinuten(uhrzeit: string): number {
  const treffer = /^(\d{2}):(\d{2})$/.exec(uhrzeit);
  if (!treffer) throw new RangeError(`Ungültige Uhrzeit: ${uhrzeit}`);
  const stunden = Number(treffer[1]);
  const minuten = Number(treffer[2]);
  if (minuten > 59 || stunden > 24 || (stunden === 24 && minuten > 0)) throw new RangeError(`Ungültige Uhrzeit: ${uhrzeit}`);
  return stunden * 60 + minuten;
}

/** The Berlin wall-clock reading of an instant. */
export function wandzeit(instant: Date | number): Wandzeit {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const t = teile(ms);
  const datum = `${t.jahr}-${zwei(t.monat)}-${zwei(t.tag)}`;
  const minuten = t.stunde * 60 + t.minute;
  return {
    datum,
    minuten,
    uhrzeit: uhrzeitText(minuten),
    wochentag: wochentagVon(datum),
    offsetMinuten: Math.round((Date.UTC(t.jahr, t.monat - 1, t.tag, t.stunde, t.minute, t.sekunde) - ms) / MINUTE),
  };
}

/** Parsed ISO dates (a few hundred distinct dates are parsed over and over while computing slots). */
const datumCache = new Map<string, number>();

function datumMs(datum: string): number {
  const gemerkt = datumCache.get(datum);
  if (gemerkt !== undefined) return gemerkt;
  const ms = datumMsPruefen(datum);
  if (datumCache.size >= 20_000) datumCache.clear();
  datumCache.set(datum, ms);
  return ms;
}

function datumMsPruefen(datum: string): number {
  const treffer = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!treffer) throw new RangeError(`Ungültiges Datum: ${datum}`);
  const ms = Date.UTC(Number(treffer[1]), Number(treffer[2]) - 1, Number(treffer[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== datum) throw new RangeError(`Ungültiges Datum: ${datum}`);
  return ms;
}

export function istDatum(text: string): boolean {
  try {
    datumMs(text);
    return true;
  } catch {
    return false;
  }
}

/** Calendar arithmetic on ISO dates (no time zone involved). */
export function plusTage(datum: string, tage: number): string {
  return new Date(datumMs(datum) + tage * TAG).toISOString().slice(0, 10);
}

export function wochentagVon(datum: string): Wochentag {
  const tag = new Date(datumMs(datum)).getUTCDay();
  return (tag === 0 ? 7 : tag) as Wochentag;
}

/** Every date from `von` to `bis` (both inclusive). */
export function tageZwischen(von: string, bis: string): string[] {
  const tage: string[] = [];
  for (let d = von; d <= bis; d = plusTage(d, 1)) tage.push(d);
  return tage;
}

/** How a wall-clock time maps to instants on a given day. */
export type Abbildung =
  | { art: 'eindeutig'; instant: number }
  /** fall-back hour: the time occurs twice (first in summer time, then in winter time) */
  | { art: 'doppelt'; frueh: number; spaet: number }
  /** spring-forward gap: the time does not exist; `danach` is the first real instant after the gap */
  | { art: 'luecke'; danach: number };

/** All instants at which Berlin clocks show `datum` `minuten` (minutes may be 1440 = next midnight). */
export function abbilden(datum: string, minuten: number): Abbildung {
  const ziel = datumMs(datum) + minuten * MINUTE;
  // Berlin's offset is +1 h or +2 h; look at the offsets around the target and test each candidate.
  const offsets = new Set([offsetMinuten(ziel - 14 * 3_600_000), offsetMinuten(ziel), offsetMinuten(ziel + 14 * 3_600_000)]);
  const treffer = [...offsets]
    .map((o) => ziel - o * MINUTE)
    .filter((kandidat) => lokalAlsUtc(kandidat) === ziel)
    .sort((a, b) => a - b);
  const [erster, zweiter] = treffer;
  if (erster !== undefined && zweiter !== undefined && zweiter !== erster) return { art: 'doppelt', frueh: erster, spaet: zweiter };
  if (erster !== undefined) return { art: 'eindeutig', instant: erster };
  // Gap: the first instant whose local reading is at or after the target (local time is monotonic around a gap).
  const kandidaten = [...offsets].map((o) => ziel - o * MINUTE);
  let unten = Math.min(...kandidaten);
  let oben = Math.max(...kandidaten);
  while (oben - unten > MINUTE) {
    const mitte = unten + Math.floor((oben - unten) / 2 / MINUTE) * MINUTE;
    if (lokalAlsUtc(mitte) >= ziel) oben = mitte;
    else unten = mitte;
  }
  return { art: 'luecke', danach: lokalAlsUtc(unten) >= ziel ? unten : oben };
}

/**
 * One instant for a wall-clock time: in a gap the first real instant after it; in the doubled hour the earlier
 * (`'frueh'`) or the later (`'spaet'`) occurrence.
 */
export function instantAus(datum: string, minuten: number, wahl: 'frueh' | 'spaet' = 'frueh'): number {
  const a = abbilden(datum, minuten);
  if (a.art === 'eindeutig') return a.instant;
  if (a.art === 'luecke') return a.danach;
  return wahl === 'frueh' ? a.frueh : a.spaet;
}

/** Local date 'YYYY-MM-DD' of an instant in Berlin. */
export function lokalesDatum(instant: Date | number): string {
  return wandzeit(instant).datum;
}

/** 'YYYY-MM-DDTHH:MM+02:00' – an unambiguous local reading (for logs, APIs and tests). */
export function lokalIso(instant: Date | number): string {
  const w = wandzeit(instant);
  const o = w.offsetMinuten;
  return `${w.datum}T${w.uhrzeit}${o >= 0 ? '+' : '-'}${zwei(Math.floor(Math.abs(o) / 60))}:${zwei(Math.abs(o) % 60)}`;
}

const WOCHENTAGE = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** German display: 'Mittwoch, 15. Juli 2026, 09:00 Uhr'. */
export function deutscheAnzeige(instant: Date | number): string {
  const w = wandzeit(instant);
  const [jahr, monat, tag] = w.datum.split('-').map(Number) as [number, number, number];
  return `${WOCHENTAGE[w.wochentag - 1]}, ${tag}. ${MONATE[monat - 1]} ${jahr}, ${w.uhrzeit} Uhr`;
}

/** German date: '15.07.2026'. */
export function deutschesDatum(datum: string): string {
  const [jahr, monat, tag] = datum.split('-');
  return `${tag}.${monat}.${jahr}`;
}
