import { TerminFehler, type FreieZeit } from '../../domain/termine/index.ts';
import { AppError } from '../errors.ts';

export type AlternativeDto = { beginn: string; ende: string; standortId: string; kanaele: string[]; datum: string; uhrzeit: string };

export const alsAlternative = (z: FreieZeit): AlternativeDto => ({
  beginn: z.beginn.toISOString(),
  ende: z.ende.toISOString(),
  standortId: z.standortId,
  kanaele: z.kanaele,
  datum: z.datum,
  uhrzeit: z.uhrzeit,
});

/**
 * A refused booking as an HTTP error: slot taken / nobody available → 409 (with fresh alternatives when taken),
 * unknown Anliegen → 404, every other rule (past, lead time, horizon, channel, hours, grid) → 400.
 */
export function terminFehler(f: TerminFehler, alternativen: FreieZeit[] = []): AppError {
  const status = f.status === 409 ? 409 : f.status === 404 ? 404 : 400;
  const extra = f.code === 'slot_belegt' || f.code === 'nicht_verfuegbar' ? { alternativen: alternativen.map(alsAlternative) } : {};
  return new AppError(f.code, status, f.message, [], extra);
}

export const slotBelegt = (alternativen: FreieZeit[]) => terminFehler(new TerminFehler('slot_belegt'), alternativen);
