import { AppError } from '../errors.ts';

/** PostgreSQL exclusion violation of the Bewilligungszeitraum → 409. */
export async function ohneUeberschneidung<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let d = 0; e && d < 5; d++) {
      const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
      if (x.code === '23P01' && x.constraint === 'bewilligungen_keine_ueberschneidung') throw ueberschneidungsFehler();
      e = x.cause;
    }
    throw err;
  }
}

export const ueberschneidungsFehler = () =>
  new AppError(
    'bewilligungszeitraum_ueberschneidung',
    409,
    'Für diesen Zeitraum ist bereits eine Bewilligung erteilt. Bewilligungszeiträume dürfen sich nicht überschneiden; ändern Sie die bestehende Bewilligung.',
  );
