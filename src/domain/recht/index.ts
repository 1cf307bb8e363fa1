/**
 * The law of SGB II as dated parameters, known from 2021-01-01 to RECHT_BIS (2026-12-31).
 *
 * `parameterAm(datum)` returns every parameter in force on a calendar date; the Vermögen rule of 2026 is
 * keyed on the start of the Bewilligungszeitraum (§ 65a Abs. 1) and therefore has its own lookup
 * `vermoegensregelFuer(monat, bwzBeginn)`.
 *
 * After RECHT_BIS the law is not yet known (next year's Regelbedarfe are published in the autumn, Bewilligungen
 * run twelve months ahead). Such dates are computed with every parameter as it stood on RECHT_BIS
 * ("fortgeschrieben"): `Parameter.fortgeschrieben` then names that day, and the result, the explanation and the
 * Bescheid say so. Before RECHT_AB there is no law at all (RechtsstandFehler).
 */
import { AUSLEGUNG } from './auslegung.ts';
import {
  EINMALIGE_EINNAHMEN,
  ERWERBSFREIBETRAG,
  JUNGE_ERWERBSTAETIGE,
  SGB12_ERWERBSFREIBETRAG,
  VERSICHERUNGSPAUSCHALE,
  type EinmaligeEinnahmen,
  type Erwerbsfreibetrag,
  type JungeErwerbstaetige,
  type Sgb12Erwerbsfreibetrag,
} from './einkommen.ts';
import { MINIJOB_GRENZE } from './foerdern-integration.ts';
import { KINDERGELD } from './kindergeld.ts';
import { LEISTUNGSNAME, type Leistungsname } from './leistung.ts';
import { MEHRBEDARF_SAETZE, type Mehrbedarfssaetze } from './mehrbedarf.ts';
import { MINDERUNG, type Minderungsregel } from './minderung.ts';
import { REGELBEDARFE, type Regelbedarfsstufen } from './regelbedarf.ts';
import { SOFORTZUSCHLAG } from './sofortzuschlag.ts';
import { gueltigAm, type Gueltig } from './typen.ts';
import { UNTERKUNFT, type Unterkunftsregel } from './unterkunft.ts';
import { VEREINFACHTES_VERFAHREN, VERMOEGEN, type Vermoegensregel } from './vermoegen.ts';

export * from './auslegung.ts';
export * from './einkommen.ts';
export * from './kindergeld.ts';
export * from './leistung.ts';
export * from './mehrbedarf.ts';
export * from './minderung.ts';
export * from './regelbedarf.ts';
export * from './sofortzuschlag.ts';
export * from './typen.ts';
export * from './unterkunft.ts';
export * from './vermoegen.ts';

/** First day the engine has law for. */
export const RECHT_AB = '2021-01-01';
/**
 * Last day for which the law is known (every table's values are entered up to here). Later dates are
 * "fortgeschrieben" with the values of this day. Raise it when a new year's values are entered (docs/berechnung.md).
 */
export const RECHT_BIS = '2026-12-31';

/** Is `datum` ('YYYY-MM-DD') after the last day of known law, so that its values are carried forward? */
export function istFortgeschrieben(datum: string): boolean {
  return datum > RECHT_BIS;
}

/** The day whose law applies to `datum`: `datum` itself, or RECHT_BIS for a carried-forward date. */
export function rechtsdatumFuer(datum: string): string {
  return datum > RECHT_BIS ? RECHT_BIS : datum;
}

export type Parameter = {
  datum: string;
  regelbedarf: Gueltig<Regelbedarfsstufen>;
  mehrbedarf: Gueltig<Mehrbedarfssaetze>;
  erwerbsfreibetrag: Gueltig<Erwerbsfreibetrag>;
  versicherungspauschale: Gueltig<number>;
  minijobGrenze: Gueltig<number>;
  jungeErwerbstaetige: Gueltig<JungeErwerbstaetige>;
  einmalig: Gueltig<EinmaligeEinnahmen>;
  sgb12Erwerbsfreibetrag: Gueltig<Sgb12Erwerbsfreibetrag>;
  sofortzuschlag: Gueltig<number>;
  unterkunft: Gueltig<Unterkunftsregel>;
  minderung: Gueltig<Minderungsregel>;
  leistungsname: Gueltig<Leistungsname>;
  kindergeld: Gueltig<readonly [number, number, number, number]>;
  /**
   * null when the law of `datum` is known; otherwise the last day of known law (RECHT_BIS) whose values are
   * used for `datum` ("fortgeschrieben").
   */
  fortgeschrieben: string | null;
};

const cache = new Map<string, Parameter>();

/**
 * All parameters in force on `datum` ('YYYY-MM-DD'). Throws RechtsstandFehler before RECHT_AB. After RECHT_BIS
 * every parameter is taken as it stood on RECHT_BIS — all of them alike, so a table with an open end (Kindergeld,
 * Sofortzuschlag) and one that ends on RECHT_BIS (Regelbedarfe) never mix two law stands — and `fortgeschrieben`
 * is set.
 */
export function parameterAm(datum: string): Parameter {
  const vorhanden = cache.get(datum);
  if (vorhanden) return vorhanden;
  if (datum < RECHT_AB) {
    // let gueltigAm produce the uniform error
    gueltigAm([], datum, 'das SGB II');
  }
  const fortgeschrieben = istFortgeschrieben(datum) ? RECHT_BIS : null;
  const d = rechtsdatumFuer(datum);
  const p: Parameter = {
    datum,
    regelbedarf: gueltigAm(REGELBEDARFE, d, 'die Regelbedarfe'),
    mehrbedarf: gueltigAm(MEHRBEDARF_SAETZE, d, 'die Mehrbedarfe'),
    erwerbsfreibetrag: gueltigAm(ERWERBSFREIBETRAG, d, 'den Erwerbstätigenfreibetrag'),
    versicherungspauschale: gueltigAm(VERSICHERUNGSPAUSCHALE, d, 'die Versicherungspauschale'),
    minijobGrenze: gueltigAm(MINIJOB_GRENZE, d, 'die Minijob-Grenze'),
    jungeErwerbstaetige: gueltigAm(JUNGE_ERWERBSTAETIGE, d, 'das Erwerbseinkommen junger Menschen'),
    einmalig: gueltigAm(EINMALIGE_EINNAHMEN, d, 'einmalige Einnahmen'),
    sgb12Erwerbsfreibetrag: gueltigAm(SGB12_ERWERBSFREIBETRAG, d, 'den Absetzbetrag nach § 82 Abs. 3 SGB XII'),
    sofortzuschlag: gueltigAm(SOFORTZUSCHLAG, d, 'den Sofortzuschlag'),
    unterkunft: gueltigAm(UNTERKUNFT, d, 'die Kosten der Unterkunft'),
    minderung: gueltigAm(MINDERUNG, d, 'die Leistungsminderungen'),
    leistungsname: gueltigAm(LEISTUNGSNAME, d, 'den Namen der Leistung'),
    kindergeld: gueltigAm(KINDERGELD, d, 'das Kindergeld'),
    fortgeschrieben,
  };
  if (cache.size > 5000) cache.clear();
  cache.set(datum, p);
  return p;
}

export type VermoegensPruefung =
  | { art: 'regel'; regel: Gueltig<Vermoegensregel> }
  | { art: 'vereinfacht'; regel: typeof VEREINFACHTES_VERFAHREN };

/**
 * The Vermögen rule for a month ('YYYY-MM-DD', first day) in a Bewilligungszeitraum beginning `bwzBeginn`.
 * § 65a Abs. 1: the 2026 rule only for Bewilligungszeiträume that begin on or after 2026-07-01.
 * § 67: for Bewilligungszeiträume beginning in the Corona window, the first six months use the simplified rule.
 */
export function vermoegensregelFuer(monatsbeginn: string, bwzBeginn: string): VermoegensPruefung {
  const v = VEREINFACHTES_VERFAHREN;
  if (bwzBeginn >= v.wert.bwzBeginnAb && bwzBeginn <= AUSLEGUNG.coronaBwzBeginnBis) {
    const [bj, bm] = [Number(bwzBeginn.slice(0, 4)), Number(bwzBeginn.slice(5, 7))];
    const [mj, mm] = [Number(monatsbeginn.slice(0, 4)), Number(monatsbeginn.slice(5, 7))];
    const abstand = mj * 12 + mm - (bj * 12 + bm);
    if (abstand >= 0 && abstand < v.wert.monate) return { art: 'vereinfacht', regel: v };
  }
  const stichtag = bwzBeginn > monatsbeginn ? monatsbeginn : bwzBeginn;
  const regel = gueltigAm(VERMOEGEN, rechtsdatumFuer(monatsbeginn), 'das Vermögen');
  if (regel.wert.art === 'altersgestaffelt' && stichtag < regel.gueltigAb) {
    // Bewilligungszeitraum began before the reform: the 2023 rule continues (§ 65a Abs. 1)
    return { art: 'regel', regel: gueltigAm(VERMOEGEN, '2026-06-30', 'das Vermögen') };
  }
  return { art: 'regel', regel };
}

/** Every dated parameter table with its unit (register.ts; the documentation table is generated from it). */
export { ALLE_TABELLEN, type Parametertabelle } from './register.ts';
