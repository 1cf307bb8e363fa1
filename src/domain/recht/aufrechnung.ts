import { gueltigAm, type Gueltig } from './typen.ts';

/** Aufrechnung with Erstattungs- and Ersatzansprüchen against the running benefit (§ 43 SGB II). */
export type Aufrechnungsregel = {
  /** Erstattungsansprüche from § 41a (abschließende Feststellung) or § 48 Abs. 1 S. 2 Nr. 3 SGB X (income) i.V.m. § 50 SGB X */
  minderProzent: number;
  /** all other claims (e.g. § 48 Abs. 1 S. 2 Nr. 2 or 4 SGB X, Ersatzansprüche §§ 34, 34a) */
  regelProzent: number;
  /** all Aufrechnungen of the person together, including Darlehen (§ 42a Abs. 2), at most (§ 43 Abs. 2 S. 2) */
  hoechstProzent: number;
  /** it ends at the latest after this many months (§ 43 Abs. 4 S. 2: three years) */
  hoechstMonate: number;
};

export const AUFRECHNUNG: readonly Gueltig<Aufrechnungsregel>[] = [
  {
    gueltigAb: '2016-08-01',
    wert: { minderProzent: 10, regelProzent: 30, hoechstProzent: 30, hoechstMonate: 36 },
    norm: '§ 43 Abs. 2 und 4 SGB II',
    quelle:
      'SGB II § 43 i.d.F. des 9. SGB II-ÄndG v. 26.07.2016 (BGBl. I S. 1824): Abs. 2 S. 1 10 % bei § 41a und § 48 Abs. 1 S. 2 Nr. 3 SGB X, sonst 30 %; Abs. 2 S. 2 zusammen höchstens 30 %; Abs. 4 S. 2 spätestens drei Jahre (BSG 09.03.2016 B 14 AS 20/15 R)',
  },
];

/** The Aufrechnung rule in force on `datum` ('YYYY-MM-DD'): the rates (10 % / 30 %), the joint maximum, the longest duration. */
export function aufrechnungsregelAm(datum: string): Gueltig<Aufrechnungsregel> {
  return gueltigAm(AUFRECHNUNG, datum, 'die Aufrechnung');
}
