import { BewilligungsFehler } from '../../domain/bewilligung/index.ts';
import { AppError, validationFailed } from '../errors.ts';

/** Domain errors of the bookkeeping → 400 (input) or 409 (state of the Forderung). */
export function alsFehler(err: unknown, pfad: string): never {
  if (err instanceof BewilligungsFehler) {
    if (err.code === 'forderung_erledigt' || err.code === 'bereits_niedergeschlagen') throw new AppError(err.code, 409, err.message);
    throw validationFailed([{ path: pfad, code: err.code, message: err.message }]);
  }
  throw err;
}

