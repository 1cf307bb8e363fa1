/**
 * Public holidays that apply in every German Land.
 *
 * Public holidays are Land law (the Feiertagsgesetze of the 16 Länder); only the Tag der Deutschen Einheit is set
 * by federal law (Art. 2 Abs. 2 Einigungsvertrag of 31.8.1990). The nine days below appear in all sixteen Land
 * laws. Land-specific days (Heilige Drei Könige, Fronleichnam, Reformationstag, Allerheiligen, Frauentag,
 * Weltkindertag, Buß- und Bettag, Mariä Himmelfahrt, Augsburger Friedensfest …) are NOT included: each Träger adds
 * them as input for its Standorte (`Feiertag[]` in `verfuegbarkeit.ts`). Ostersonntag and Pfingstsonntag are Sundays
 * and are left out.
 *
 * 2017 only: the 500th anniversary of the Reformation (31.10.2017) was a public holiday in all Länder by one-off
 * Land decisions; it is included for that year.
 */
import { plusTage } from './zeit.ts';

export type Feiertag = {
  /** 'YYYY-MM-DD' */
  datum: string;
  name: string;
};

/** Easter Sunday of the Gregorian calendar (the "anonymous Gregorian" algorithm, Meeus/Jones/Butcher). */
export function ostersonntag(jahr: number): string {
  if (!Number.isInteger(jahr) || jahr < 1583 || jahr > 9999) throw new RangeError(`Jahr außerhalb des gregorianischen Kalenders: ${jahr}`);
  const a = jahr % 19;
  const b = Math.floor(jahr / 100);
  const c = jahr % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monat = Math.floor((h + l - 7 * m + 114) / 31);
  const tag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jahr}-${String(monat).padStart(2, '0')}-${String(tag).padStart(2, '0')}`;
}

/** The nationwide public holidays of a year, sorted by date. */
export function bundesweiteFeiertage(jahr: number): Feiertag[] {
  const ostern = ostersonntag(jahr);
  const j = String(jahr);
  const liste: Feiertag[] = [
    { datum: `${j}-01-01`, name: 'Neujahr' },
    { datum: plusTage(ostern, -2), name: 'Karfreitag' },
    { datum: plusTage(ostern, 1), name: 'Ostermontag' },
    { datum: `${j}-05-01`, name: 'Tag der Arbeit' },
    { datum: plusTage(ostern, 39), name: 'Christi Himmelfahrt' },
    { datum: plusTage(ostern, 50), name: 'Pfingstmontag' },
    { datum: `${j}-10-03`, name: 'Tag der Deutschen Einheit' },
    { datum: `${j}-12-25`, name: '1. Weihnachtstag' },
    { datum: `${j}-12-26`, name: '2. Weihnachtstag' },
  ];
  if (jahr === 2017) liste.push({ datum: '2017-10-31', name: 'Reformationstag (500. Jahrestag)' });
  return liste.sort((x, y) => x.datum.localeCompare(y.datum));
}

/** Nationwide holidays of every year from `vonJahr` to `bisJahr`. */
export function feiertageDerJahre(vonJahr: number, bisJahr: number): Feiertag[] {
  const alle: Feiertag[] = [];
  for (let jahr = vonJahr; jahr <= bisJahr; jahr++) alle.push(...bundesweiteFeiertage(jahr));
  return alle;
}
