import type { Tx } from '../../db/client.ts';
import { potenzialanalyseRepository } from '../../db/repositories/potenzialanalyse.ts';
import { leseDaten } from '../../domain/foerdern/potenzialanalyse.ts';

export type PotenzialanalyseKurz = { fassung: number; erstelltAm: string; erstelltVon: string; anzahlHandlungsbedarfe: number } | null;

/**
 * A summary for the Integrationsakte overview (slice A calls it inside its own audited read): the current Fassung,
 * its date and the number of Handlungsbedarfe — never health data (the health table is not queried), so the count
 * is that of the non-health Handlungsbedarfe. null: no Potenzialanalyse yet.
 */
export async function potenzialanalyseKurz(tx: Tx, personId: string): Promise<PotenzialanalyseKurz> {
  const r = await potenzialanalyseRepository.aktuell(tx, personId);
  if (!r) return null;
  return { fassung: r.fassung, erstelltAm: r.erstelltAm, erstelltVon: r.createdByName, anzahlHandlungsbedarfe: leseDaten(r.daten).handlungsbedarfe.length };
}
