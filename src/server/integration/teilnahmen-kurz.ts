import type { Tx } from '../../db/client.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';

/**
 * Summary of a person's Teilnahmen for the Integrationsakte overview (slice A calls it inside its own read, which
 * audits the access): how many are open, running and finished, and the link to the page.
 */
export async function teilnahmenKurz(tx: Tx, personId: string) {
  const n = await teilnahmenRepository.zusammenfassung(tx, personId);
  return {
    offen: (n.vorschlag ?? 0) + (n.warteliste ?? 0) + (n.wartet_auf_genehmigung ?? 0) + (n.zugewiesen ?? 0),
    laufend: n.eingetreten ?? 0,
    beendet: n.ausgetreten ?? 0,
    link: `/integration/personen/${personId}/massnahmen`,
  };
}
