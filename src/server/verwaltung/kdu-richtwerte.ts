import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { AppError, validationFailed } from '../errors.ts';
import type { KduEingabe } from './schemas.ts';

/** The check across fields that the schema cannot make: an end before the start. */
export function pruefeZeitraum(e: Pick<KduEingabe, 'gueltigVon' | 'gueltigBis'>): void {
  if (e.gueltigBis && e.gueltigBis < e.gueltigVon) {
    throw validationFailed([{ path: 'gueltigBis', code: 'datum_ungueltig', message: 'Das Ende muss ein Datum nach dem Beginn sein.' }]);
  }
}

/** Runs a write; PostgreSQL's exclusion constraint kdu_richtwerte_keine_ueberschneidung (23P01) becomes a 409 tied to `feld`. */
export async function mitUeberschneidung<T>(fn: () => Promise<T>, feld = 'gueltigVon'): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let d = 0; e && d < 5; d++) {
      const x = e as { code?: unknown; cause?: unknown };
      if (x.code === '23P01') {
        throw new AppError('zeitraum_ueberschneidung', 409, 'Für diese Kommune und Haushaltsgröße gibt es in diesem Zeitraum schon einen Richtwert.', [
          { path: feld, code: 'zeitraum_ueberschneidung', message: 'Der Zeitraum überschneidet sich mit einem bestehenden Richtwert derselben Kommune und Haushaltsgröße.' },
        ]);
      }
      e = x.cause;
    }
    throw err;
  }
}

export const presentKduRichtwert = (r: Awaited<ReturnType<typeof kduRepository.insert>>) => ({
  id: r.id,
  kommuneId: r.kommuneId,
  haushaltsgroesse: r.haushaltsgroesse,
  bruttokaltmieteCent: r.bruttokaltmieteCent,
  heizkostenCent: r.heizkostenCent,
  gueltigVon: r.gueltigVon,
  gueltigBis: r.gueltigBis,
  version: r.version,
});
