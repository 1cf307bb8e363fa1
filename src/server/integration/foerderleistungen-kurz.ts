import type { Tx } from '../../db/client.ts';
import { foerderleistungenRepository } from '../../db/repositories/foerderleistungen.ts';
import { presentFoerderleistung } from './foerderleistung-gemeinsam.ts';

/**
 * Summary of a person's Förderleistungen for the Integrationsakte overview (the caller audits the read): how many,
 * which are running on `tag`, and what was paid so far.
 */
export async function foerderleistungenKurz(tx: Tx, personId: string, tag: string) {
  const rows = await foerderleistungenRepository.liste(tx, personId);
  const bezahlt = await foerderleistungenRepository.bezahlteMonate(tx, rows.map((r) => r.id));
  const alle = rows.map((r) => presentFoerderleistung(r, bezahlt.get(r.id) ?? [], tag));
  return {
    anzahl: alle.length,
    laufend: alle.filter((f) => f.status === 'laufend').map((f) => ({ id: f.id, artText: f.artText, betragCent: f.betragCent, einmalig: f.einmalig })),
    ausgezahltCent: alle.reduce((s, f) => s + f.ausgezahltCent, 0),
    link: `/integration/personen/${personId}/foerderleistungen`,
  };
}
