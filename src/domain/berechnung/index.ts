/**
 * Leistungsberechnung SGB II – public API.
 *
 *  - `berechne(input: unknown)`: validates (schema and facts) and computes; throws BerechnungsFehler.
 *  - `berechneValidiert(input, optionen)`: the fast core for input that has already passed `pruefe`;
 *    `{ erklaerung: false }` skips the explanation texts (amounts are computed in full).
 */
import { berechneKern, type KernOptionen } from './kern.ts';
import { BerechnungsFehler, fehlerAusZod } from './fehler.ts';
import { pruefeFakten } from './pruefung.ts';
import { berechnungInputSchema, type BerechnungErgebnis, type BerechnungInput } from './schema.ts';

export { BerechnungsFehler, type FehlerCode } from './fehler.ts';
export type { KernOptionen } from './kern.ts';
export { einmaligeEinnahmenFestlegen, fortschreibungsText, NORM_FORTSCHREIBUNG } from './kern.ts';
export * from './schema.ts';

/** Validates the exchange format and the facts; returns the typed input or throws BerechnungsFehler. */
export function pruefe(input: unknown): BerechnungInput {
  const r = berechnungInputSchema.safeParse(input);
  if (!r.success) throw fehlerAusZod(r.error, input);
  pruefeFakten(r.data);
  return r.data;
}

/** Validates and computes one case (exchange format version 1). */
export function berechne(input: unknown, optionen?: KernOptionen): BerechnungErgebnis {
  return berechneKern(pruefe(input), optionen);
}

/** Computes an already validated case (see `pruefe`) – for bulk recomputation. */
export function berechneValidiert(input: BerechnungInput, optionen?: KernOptionen): BerechnungErgebnis {
  return berechneKern(input, optionen);
}

export function istBerechnungsFehler(e: unknown): e is BerechnungsFehler {
  return e instanceof BerechnungsFehler;
}
