/** IBAN and BIC checks for payments (ibantools). The only accepted form is the electronic one (no spaces). */
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';

export type IbanPruefung = { gueltig: true; iban: string } | { gueltig: false; code: 'iban_ungueltig' | 'iban_nicht_sepa'; message: string };

/** Normalises (spaces removed, upper case) and checks an IBAN: checksum, country format and SEPA area. */
export function pruefeIban(eingabe: string): IbanPruefung {
  const iban = electronicFormatIBAN(eingabe) ?? '';
  if (!isValidIBAN(iban)) return { gueltig: false, code: 'iban_ungueltig', message: 'Die IBAN ist ungültig (Prüfziffer oder Länge stimmen nicht).' };
  if (!isSEPACountry(iban.slice(0, 2))) {
    return { gueltig: false, code: 'iban_nicht_sepa', message: 'Die IBAN gehört zu keinem Land des SEPA-Raums; eine SEPA-Überweisung ist nicht möglich.' };
  }
  return { gueltig: true, iban };
}

export function istGueltigeIban(eingabe: string): boolean {
  return pruefeIban(eingabe).gueltig;
}

/** BIC with 8 or 11 characters, or empty (IBAN-only within SEPA). */
export function istGueltigeBic(bic: string | null | undefined): boolean {
  if (bic === null || bic === undefined || bic === '') return true;
  return isValidBIC(bic.replace(/\s+/g, '').toUpperCase());
}

/** "DE89 3704 0044 0532 0130 00" for display. */
export function ibanLesbar(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

/** Masked for letters and lists: "DE89 **** **** **** **30 00". */
export function ibanMaskiert(iban: string): string {
  const e = electronicFormatIBAN(iban) ?? iban;
  const maskiert = e.slice(0, 4) + e.slice(4, -4).replace(/[A-Z0-9]/g, '*') + e.slice(-4);
  return maskiert.replace(/(.{4})(?=.)/g, '$1 ');
}
