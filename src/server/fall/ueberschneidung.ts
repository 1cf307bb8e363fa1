import { AppError } from '../errors.ts';

export const ueberschneidung = (message = 'Für diesen Zeitraum gibt es schon einen Eintrag; Zeiträume dürfen sich nicht überschneiden.') =>
  new AppError('zeitraum_ueberschneidung', 409, message);

/** PostgreSQL exclusion violation (23P01) → 409 with a clear code; the constraint name picks the message. */
export async function mitUeberschneidungsFehler<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let depth = 0; e && depth < 5; depth++) {
      const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
      if (x.code === '23P01') {
        if (x.constraint === 'bg_mitgliedschaften_keine_ueberschneidung') {
          throw new AppError('person_in_anderer_bg', 409, 'Die Person gehört in diesem Zeitraum schon zu einer anderen Bedarfsgemeinschaft.');
        }
        throw ueberschneidung();
      }
      e = x.cause;
    }
    throw err;
  }
}
