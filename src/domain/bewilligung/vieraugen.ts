/**
 * Vier-Augen-Prinzip, configurable per Träger: a second person (role teamleitung) must approve a decision only
 * when one of the Träger's thresholds is reached – not for every small change.
 */
import { z } from 'zod';
import { euroText } from '../berechnung/geld.ts';

const centFeld = z.number().int().min(0).nullable();

/** Stored per Träger (JSON). A `null` threshold is switched off. */
export const vierAugenRegelnSchema = z.strictObject({
  /** a Nachzahlung of at least this many cents */
  nachzahlungAbCent: centFeld,
  /** any monthly payment of the BG of at least this many cents */
  monatsbetragAbCent: centFeld,
  /** an Erstattungsforderung of at least this many cents */
  erstattungAbCent: centFeld,
  /** every Ablehnung */
  ablehnung: z.boolean(),
  /** every Aufhebung */
  aufhebung: z.boolean(),
  /** every Erstbewilligung (first decision for a new case) */
  erstbewilligung: z.boolean(),
});

export type VierAugenRegeln = z.infer<typeof vierAugenRegelnSchema>;

/** A sensible starting configuration for a new Träger. */
export const STANDARD_VIER_AUGEN_REGELN: VierAugenRegeln = {
  nachzahlungAbCent: 100_000,
  monatsbetragAbCent: 300_000,
  erstattungAbCent: 100_000,
  ablehnung: false,
  aufhebung: true,
  erstbewilligung: false,
};

export type Vorgangsart = 'erstbewilligung' | 'weiterbewilligung' | 'aenderung' | 'ablehnung' | 'aufhebung' | 'abschliessende_feststellung';

export type Vorgang = {
  art: Vorgangsart;
  nachzahlungCent?: number;
  /** highest monthly payment of the BG in the decision */
  hoechsterMonatsbetragCent?: number;
  erstattungCent?: number;
};

export type VierAugenGrund = { code: 'nachzahlung' | 'monatsbetrag' | 'erstattung' | 'ablehnung' | 'aufhebung' | 'erstbewilligung'; text: string };

export type VierAugenPruefung = { erforderlich: boolean; gruende: VierAugenGrund[] };

/** Does this decision need a second approval under the Träger's rules? Returns every reason that applies. */
export function vierAugenErforderlich(regeln: VierAugenRegeln, vorgang: Vorgang): VierAugenPruefung {
  const gruende: VierAugenGrund[] = [];
  const nz = vorgang.nachzahlungCent ?? 0;
  if (regeln.nachzahlungAbCent !== null && nz > 0 && nz >= regeln.nachzahlungAbCent) {
    gruende.push({ code: 'nachzahlung', text: `Nachzahlung ${euroText(nz)} erreicht die Grenze von ${euroText(regeln.nachzahlungAbCent)}` });
  }
  const mb = vorgang.hoechsterMonatsbetragCent ?? 0;
  if (regeln.monatsbetragAbCent !== null && mb > 0 && mb >= regeln.monatsbetragAbCent) {
    gruende.push({ code: 'monatsbetrag', text: `Monatsbetrag ${euroText(mb)} erreicht die Grenze von ${euroText(regeln.monatsbetragAbCent)}` });
  }
  const er = vorgang.erstattungCent ?? 0;
  if (regeln.erstattungAbCent !== null && er > 0 && er >= regeln.erstattungAbCent) {
    gruende.push({ code: 'erstattung', text: `Erstattungsforderung ${euroText(er)} erreicht die Grenze von ${euroText(regeln.erstattungAbCent)}` });
  }
  if (regeln.ablehnung && vorgang.art === 'ablehnung') gruende.push({ code: 'ablehnung', text: 'Jede Ablehnung wird von einer zweiten Person freigegeben' });
  if (regeln.aufhebung && vorgang.art === 'aufhebung') gruende.push({ code: 'aufhebung', text: 'Jede Aufhebung wird von einer zweiten Person freigegeben' });
  if (regeln.erstbewilligung && vorgang.art === 'erstbewilligung') {
    gruende.push({ code: 'erstbewilligung', text: 'Jede Erstbewilligung wird von einer zweiten Person freigegeben' });
  }
  return { erforderlich: gruende.length > 0, gruende };
}
