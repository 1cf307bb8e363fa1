import { AppError } from '../../../server/errors.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { web } from '../../web-context.ts';

/** "1.234,56" / "1234,56" / "1234.5" / "" → cents; null for empty; 'ungueltig' for anything else. */
export function parseEuro(raw: string): number | null | 'ungueltig' {
  let s = raw.replace(/[\s€]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return 'ungueltig';
  const [ganz, bruch = ''] = s.split('.');
  return Number(ganz) * 100 + Number(bruch.padEnd(2, '0'));
}

export const BETRAG_FEHLER = 'Bitte einen Betrag in Euro angeben, z. B. 1234,56.';

export function euroText(cent: number | null | undefined): string {
  if (cent === null || cent === undefined) return '–';
  return `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

/** Cents → the form's text ("1234,56"). */
export const euroFeld = (cent: number | null | undefined) => (cent === null || cent === undefined ? '' : (cent / 100).toFixed(2).replace('.', ','));

export const datumText = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');

export function zeitraumText(von: string, bis: string | null): string {
  return bis ? `${datumText(von)} – ${datumText(bis)}` : `ab ${datumText(von)}`;
}

export type FallFormResult = { errors: FieldErrors; values?: Record<string, string>; konflikt?: string; aktion?: string };

/** A use case's refusal → messages at the fields (`feld` maps API paths to form field names). */
export function fallFormFailure(context: unknown, err: unknown, values: Record<string, string>, feld: (path: string) => string, aktion?: string): FallFormResult {
  if (err instanceof AppError && err.status === 400 && err.issues.length) {
    web(context).reply.code(400);
    const errors: FieldErrors = {};
    for (const i of err.issues) errors[feld(i.path.replace(/^(body|querystring)\./, ''))] ??= i.message;
    return { errors, values, aktion };
  }
  if (err instanceof AppError && (err.status === 409 || err.status === 400)) {
    web(context).reply.code(err.status);
    return { errors: {}, values, konflikt: err.message, aktion };
  }
  throw err;
}

export const STATUS_TEXT: Record<string, string> = {
  eingegangen: 'eingegangen',
  in_bearbeitung: 'in Bearbeitung',
  wartet_auf_unterlagen: 'wartet auf Unterlagen',
  entschieden: 'entschieden',
  zurueckgenommen: 'zurückgenommen',
};
export const ART_TEXT: Record<string, string> = { erstantrag: 'Erstantrag', weiterbewilligung: 'Weiterbewilligungsantrag', veraenderung: 'Veränderungsmitteilung' };
export const KANAL_TEXT: Record<string, string> = { papier: 'Papier', telefon: 'Telefon', schalter: 'Schalter', online: 'Online-Portal' };
export const ROLLE_TEXT: Record<string, string> = { antragsteller: 'Antragsteller/in', partner: 'Partner/in', kind: 'Kind', sonstige: 'Sonstige Person' };
export const EINKOMMEN_TEXT: Record<string, string> = {
  erwerbstaetigkeit: 'Erwerbseinkommen',
  kindergeld: 'Kindergeld',
  unterhalt: 'Unterhalt',
  unterhaltsvorschuss: 'Unterhaltsvorschuss',
  rente: 'Rente',
  arbeitslosengeld: 'Arbeitslosengeld',
  krankengeld: 'Krankengeld',
  elterngeld: 'Elterngeld',
  selbststaendigkeit: 'Selbstständigkeit (Gewinn)',
  sonstiges: 'Sonstiges Einkommen',
};
