import type { BewilligungMonat } from '../../db/schema/index.ts';
import type { BerechnungErgebnis, BerechnungInput } from '../../domain/berechnung/schema.ts';
import { zeitraumAusMonaten, type MonatsErgebnis, type PersonBetrag, type ZeitraumErgebnis } from '../../domain/bewilligung/index.ts';

/** Stored months → the domain's period result (for Bescheide and comparisons). */
export function zeitraumAusGespeichert(monate: readonly BewilligungMonat[]): ZeitraumErgebnis {
  const ms: MonatsErgebnis[] = monate.map((m) => ({
    monat: m.monat,
    auszahlungCent: m.auszahlungCent,
    personen: m.personen as PersonBetrag[],
    input: m.input as BerechnungInput,
    ergebnis: m.ergebnis as BerechnungErgebnis,
  }));
  return zeitraumAusMonaten(ms);
}
