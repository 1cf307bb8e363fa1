/**
 * Working an Erstattungsforderung (§ 50 SGB X): Zahlungseingänge reduce the balance, Erlass (§ 44 SGB II) waives
 * all or part of it, Niederschlagung stops collecting for now (the claim stays; a later payment still counts).
 * Pure bookkeeping on integer cents.
 */
import { euroText } from '../berechnung/geld.ts';
import { BewilligungsFehler } from './zeitraum.ts';

export type ForderungsStatus = 'offen' | 'erledigt' | 'erlassen' | 'niedergeschlagen';
export type ForderungsStand = { betragCent: number; offenCent: number; status: ForderungsStatus };
export type ForderungsBuchung = { art: 'zahlung' | 'erlass' | 'niederschlagung'; betragCent?: number | undefined };

export const NORM_ERLASS = '§ 44 SGB II';
/** Niederschlagung follows the budget law of the Träger (federal model: § 59 Abs. 1 Nr. 2 BHO). */
export const NORM_NIEDERSCHLAGUNG = '§ 59 Abs. 1 Nr. 2 BHO bzw. Haushaltsrecht des Trägers';

/** Balance and status after a booking; refuses bookings on a settled claim and amounts above the balance. */
export function bucheForderung(stand: ForderungsStand, b: ForderungsBuchung): ForderungsStand & { gebuchtCent: number } {
  if (stand.status === 'erledigt' || stand.status === 'erlassen') {
    throw new BewilligungsFehler('forderung_erledigt', 'Diese Erstattungsforderung ist bereits erledigt.');
  }
  if (b.art === 'niederschlagung') {
    if (stand.status === 'niedergeschlagen') throw new BewilligungsFehler('bereits_niedergeschlagen', 'Diese Erstattungsforderung ist bereits niedergeschlagen.');
    return { ...stand, status: 'niedergeschlagen', gebuchtCent: 0 };
  }
  const betrag = b.art === 'erlass' && b.betragCent === undefined ? stand.offenCent : (b.betragCent ?? 0);
  if (!Number.isInteger(betrag) || betrag <= 0) throw new BewilligungsFehler('betrag_ungueltig', 'Bitte geben Sie einen Betrag über 0 € an.');
  if (betrag > stand.offenCent) {
    throw new BewilligungsFehler('betrag_zu_hoch', `Der Betrag übersteigt die offene Forderung von ${euroText(stand.offenCent)}.`);
  }
  const offen = stand.offenCent - betrag;
  let status: ForderungsStatus = stand.status;
  if (offen === 0) status = b.art === 'erlass' ? 'erlassen' : 'erledigt';
  return { betragCent: stand.betragCent, offenCent: offen, status, gebuchtCent: betrag };
}
