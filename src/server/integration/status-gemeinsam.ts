import { z } from 'zod';
import { ARBEITSMARKTSTATUS, STATUS_GRUENDE } from '../../domain/foerdern/typen.ts';
import type { StatusFehler } from '../../domain/foerdern/status.ts';
import { fehler, validationFailed } from '../errors.ts';

export const statusFeld = () => z.enum(ARBEITSMARKTSTATUS, { error: 'Bitte wählen Sie den Status.' }).describe('arbeitslos | arbeitsuchend | nicht_arbeitsuchend');
/** Optional field: missing, null or blank → null. */
export const leerOderFehlendAlsNull = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v), schema.nullable());
export const grundFeld = () =>
  leerOderFehlendAlsNull(z.enum(STATUS_GRUENDE, { error: 'Bitte wählen Sie einen Grund aus der Liste.' })).describe('Pflicht außer bei „arbeitslos“');

/** A refusal of the status rules (domain) as the API error: overlap → `status_ueberschneidung`, others → validation. */
export function alsFehler(f: StatusFehler) {
  const issue = { path: f.feld, code: f.code, message: f.meldung };
  if (f.code === 'status_ueberschneidung') return fehler('status_ueberschneidung', { meldung: f.meldung, issues: [issue] });
  return validationFailed([issue]);
}

/** PostgreSQL's exclusion constraint (two writes at once) ends as the same 400 as the checked overlap. */
export async function ohneStatusUeberschneidung<T>(fn: () => Promise<T>, feld = 'gueltigVon'): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let d = 0; e && d < 5; d++) {
      const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
      if (x.code === '23P01' && x.constraint === 'arbeitsmarktstatus_keine_ueberschneidung') {
        throw alsFehler({ code: 'status_ueberschneidung', feld, meldung: 'Für diesen Zeitraum ist inzwischen ein anderer Arbeitsmarktstatus erfasst worden. Bitte laden Sie die Seite neu.' });
      }
      e = x.cause;
    }
    throw err;
  }
}
