import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { AppError } from '../errors.ts';

/** IBAN in electronic form, or a 400 with code iban_ungueltig at `path`. */
export function pruefeIban(iban: string, path: string): string {
  const e = electronicFormatIBAN(iban) ?? '';
  if (!e || !isValidIBAN(e)) {
    throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
      { path, code: 'iban_ungueltig', message: 'Diese IBAN ist nicht gültig. Bitte prüfen Sie Länderkennung, Prüfziffer und Länge.' },
    ]);
  }
  return e;
}
