/** German texts of the Fallakte for people: dates, amounts and the names of channels, kinds, states and roles. */

/** Formats 'YYYY-MM-DD' as German date text. */
export const datumText = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export const euroText = (cent: number) =>
  `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

export const KANAL_TEXT: Record<string, string> = { papier: 'Papier', telefon: 'Telefon', schalter: 'Schalter', online: 'online', intern: 'intern (Integration)' };
export const ART_TEXT: Record<string, string> = { erstantrag: 'Erstantrag', weiterbewilligung: 'Weiterbewilligungsantrag', veraenderung: 'Veränderungsmitteilung' };
export const STATUS_TEXT: Record<string, string> = {
  eingegangen: 'eingegangen',
  in_bearbeitung: 'in Bearbeitung',
  wartet_auf_unterlagen: 'wartet auf Unterlagen',
  entschieden: 'entschieden',
  zurueckgenommen: 'zurückgenommen',
};
export const ROLLE_TEXT: Record<string, string> = { antragsteller: 'Antragsteller/in', partner: 'Partner/in', kind: 'Kind', sonstige: 'sonstige Person im Haushalt' };
