import { berechne, istBerechnungsFehler, type BerechnungErgebnis } from '../../domain/berechnung/index.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../policies.ts';

export type BerechnenOptions = {
  actor: Actor;
  /** A case in the exchange format v1 (docs/berechnung.md); validated by the engine itself. */
  input: unknown;
};

/**
 * Computes the entitlement of one Bedarfsgemeinschaft for one month (or part of one) with the engine in
 * src/domain/berechnung. Nothing is stored: the facts are neither saved nor logged.
 */
export function berechnen(opts: BerechnenOptions): BerechnungErgebnis {
  authorize(opts.actor, 'berechnung.ausfuehren');
  try {
    return berechne(opts.input);
  } catch (err) {
    if (istBerechnungsFehler(err)) {
      throw new AppError(err.code, 400, err.message, [{ path: err.pfad, code: err.code, message: err.message }], { pfad: err.pfad });
    }
    throw err;
  }
}
