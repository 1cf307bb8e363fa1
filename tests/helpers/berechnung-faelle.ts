/** Small builders for test cases (used by the tests only). */
import type { BerechnungInput, EinkommenInput, PersonInput } from '../../src/domain/berechnung/schema.ts';

export function person(id: string, geburtsdatum: string, rolle: PersonInput['rolle'], mehr: Partial<PersonInput> = {}): PersonInput {
  return { id, geburtsdatum, rolle, ...mehr };
}

export function erwerb(brutto: number, netto: number = brutto, absetzungen?: number): EinkommenInput {
  return absetzungen === undefined ? { art: 'erwerbstaetigkeit', brutto, netto } : { art: 'erwerbstaetigkeit', brutto, netto, absetzungen };
}

export function fall(zeitraum: BerechnungInput['zeitraum'], personen: PersonInput[], mehr: Partial<BerechnungInput> = {}): BerechnungInput {
  return { version: 1, zeitraum, personen, ...mehr };
}

/** Sum of euro amounts in cents, without float drift. */
export function summeCent(werte: readonly number[]): number {
  let s = 0;
  for (const w of werte) s += Math.round(w * 100);
  return s;
}
