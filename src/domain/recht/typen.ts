/**
 * Building blocks for law parameters that are valid from a date.
 *
 * Every legal amount of the engine lives in a `Gueltig` entry: its value, the first day it
 * applies (`gueltigAb`), optionally its last day (`gueltigBis`), the norm that sets it and the
 * published source. Dates are ISO calendar dates ('YYYY-MM-DD'); they compare as strings.
 */
export type Gueltig<T> = {
  /** first day on which the value applies (inclusive) */
  gueltigAb: string;
  /** last day on which the value applies (inclusive); open-ended when absent */
  gueltigBis?: string;
  wert: T;
  /** the paragraph, e.g. "§ 20 Abs. 2 SGB II" */
  norm: string;
  /** where the value is published (BGBl, statute text, reference notes) */
  quelle: string;
  /**
   * the short citation of the value for documents (the Bescheid's calculation annex), e.g.
   * "§ 20 Abs. 1a SGB II i.V.m. RBSFV 2024"; `fundstelle()` falls back to the norm
   */
  fundstelle?: string;
  /** set when the reference notes mark the value or its date as uncertain */
  unsicher?: string;
};

/** Thrown when the law is asked for a date it does not cover. */
export class RechtsstandFehler extends Error {
  readonly datum: string;
  constructor(name: string, datum: string) {
    super(`Für ${name} ist am ${datum} kein Rechtsstand hinterlegt.`);
    this.name = 'RechtsstandFehler';
    this.datum = datum;
  }
}

/** The entry of `liste` in force on `datum` (the latest `gueltigAb` ≤ datum that has not expired). */
export function gueltigAm<T>(liste: readonly Gueltig<T>[], datum: string, name: string): Gueltig<T> {
  let treffer: Gueltig<T> | undefined;
  for (const eintrag of liste) {
    if (eintrag.gueltigAb <= datum && (eintrag.gueltigBis === undefined || datum <= eintrag.gueltigBis)) {
      if (treffer === undefined || eintrag.gueltigAb > treffer.gueltigAb) treffer = eintrag;
    }
  }
  if (treffer === undefined) throw new RechtsstandFehler(name, datum);
  return treffer;
}

/** The short citation of a parameter's value for documents: its `fundstelle`, else its norm. */
export function fundstelle(g: Gueltig<unknown>): string {
  return g.fundstelle ?? g.norm;
}
