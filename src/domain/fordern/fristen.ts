/**
 * Fristen of a Minderungsverfahren (docs/fordern.md, "Regeln nach Datum"): Feststellungsfrist (§ 31b Abs. 1 S. 5
 * SGB II), the Wiedervorlage before it runs out, the answer deadline of a written Anhörung and the Bekanntgabe of a
 * letter (§ 37 Abs. 2 SGB X). Pure; dates 'YYYY-MM-DD'.
 */
import { letzterTag, monatPlus } from '../bewilligung/monat.ts';
import { plusTage } from '../fallakte/datum.ts';
import { BEKANNTGABE, FORDERN_AUSLEGUNG, MINDERUNG_FESTSTELLUNG } from '../recht/fordern.ts';
import { gueltigAm, type Gueltig } from '../recht/typen.ts';
import { bundesweiteFeiertage } from '../termine/feiertage.ts';

/**
 * `tag` plus `n` calendar months, the same day number (§ 26 Abs. 1 SGB X i.V.m. § 188 Abs. 2 BGB); when the later
 * month is shorter, its last day (31.08. + 6 Monate = 28./29.02.). `n` may be negative.
 */
export function plusMonateTag(tag: string, n: number): string {
  const monat = monatPlus(tag.slice(0, 7), n);
  const ende = letzterTag(monat);
  const t = tag.slice(8, 10);
  return t > ende.slice(8, 10) ? ende : `${monat}-${t}`;
}

/** the entry in force on `tag`; before the first entry (2021-01-01) the first one, so no date throws */
function regelAm<T>(liste: readonly Gueltig<T>[], tag: string, name: string): Gueltig<T> {
  return tag < liste[0]!.gueltigAb ? liste[0]! : gueltigAm(liste, tag, name);
}

/** last day of the Feststellungsfrist: pflichtverletzungAm + 6 months (§ 31b Abs. 1 S. 5) */
export function feststellungsfristEnde(pflichtverletzungAm: string): string {
  const r = regelAm(MINDERUNG_FESTSTELLUNG, pflichtverletzungAm, 'Feststellungsfrist');
  return plusMonateTag(pflichtverletzungAm, r.wert.fristMonate);
}

/** day the Wiedervorlage warns (FORDERN_AUSLEGUNG.fristWarnungTageVorher before fristEnde, not before `heute`) */
export function fristWarnungAm(fristEnde: string, heute: string): string {
  const tag = plusTage(fristEnde, -FORDERN_AUSLEGUNG.fristWarnungTageVorher);
  return tag < heute ? heute : tag;
}

/** Saturday, Sunday or a nationwide public holiday (Länder holidays are not known here). */
export function istKeinWerktag(tag: string): boolean {
  const wochentag = new Date(`${tag}T00:00:00Z`).getUTCDay();
  if (wochentag === 0 || wochentag === 6) return true;
  return bundesweiteFeiertage(Number(tag.slice(0, 4))).some((f) => f.datum === tag);
}

/** the next Werktag from `tag` on (`tag` itself when it is one) – § 26 Abs. 3 SGB X */
export function naechsterWerktag(tag: string): string {
  let t = tag;
  while (istKeinWerktag(t)) t = plusTage(t, 1);
  return t;
}

/**
 * default answer deadline of a written Anhörung sent on `versandAm`: FORDERN_AUSLEGUNG.anhoerungsfristTage after its
 * Bekanntgabe; a deadline on a Saturday, Sunday or nationwide holiday moves to the next Werktag (§ 26 Abs. 3 SGB X)
 */
export function anhoerungsfristEnde(versandAm: string): string {
  return naechsterWerktag(plusTage(bekanntgabeAm(versandAm), FORDERN_AUSLEGUNG.anhoerungsfristTage));
}

/**
 * Bekanntgabe of a letter sent by post (or to the Postfach) on `datum`: § 37 Abs. 2 SGB X – the 3rd day after posting
 * until 31.12.2024, the 4th day from 1.1.2025 (Postrechtsmodernisierungsgesetz); no shift for weekends
 * (FORDERN_AUSLEGUNG.bekanntgabeFiktionAmWochenende). A letter handed over in person is bekanntgegeben that day.
 */
export function bekanntgabeAm(datum: string): string {
  const r = regelAm(BEKANNTGABE, datum, 'Bekanntgabe (§ 37 Abs. 2 SGB X)');
  return plusTage(datum, r.wert.tagNachAufgabe);
}

/** the last day a Bescheid can be posted so that its Bekanntgabe still falls within `fristEnde` */
export function spaetesterVersandAm(fristEnde: string): string {
  let tag = fristEnde;
  while (bekanntgabeAm(tag) > fristEnde) tag = plusTage(tag, -1);
  return tag;
}
