import type { Tx } from '../../db/client.ts';
import { integrationenRepository } from '../../db/repositories/integrationen.ts';
import { INTEGRATIONSART_TEXT, laeuftAm, ZAEHLART } from '../../domain/foerdern/integration.ts';
import { gezaehlt } from './integrationen-gemeinsam.ts';

/**
 * Summary of a person's job starts for the Integrationsakte overview (slice A calls it inside its own read, which
 * audits the access): how many were recorded and how they count, the running Beschäftigungsperiode and the next
 * 6-month follow-up. `tag` decides what is running (default: every period without an end).
 */
export async function integrationenKurz(tx: Tx, personId: string, tag?: string) {
  const zeilen = await integrationenRepository.vonPerson(tx, personId);
  const zaehlt = gezaehlt(zeilen);
  const offen = await integrationenRepository.offeneNachhaltigkeit(tx, personId);
  const laufend = zeilen.find((i) => (tag ? laeuftAm(i, tag) : i.ende === null));
  const naechste = offen.map((w) => w.faelligAm).toSorted()[0] ?? null;
  return {
    anzahl: zeilen.length,
    integrationen: zaehlt.size,
    minijobs: zeilen.filter((i) => ZAEHLART[i.art] === 'minijob').length,
    oeffentlichGefoerdert: zeilen.filter((i) => ZAEHLART[i.art] === 'oeffentlich_gefoerdert').length,
    laufend: laufend ? { id: laufend.id, art: laufend.art, artText: INTEGRATIONSART_TEXT[laufend.art], arbeitgeber: laufend.arbeitgeber, beginn: laufend.beginn, wochenstunden: Number(laufend.wochenstunden) } : null,
    naechsteNachhaltigkeit: naechste,
    link: `/integration/personen/${personId}/integrationen`,
  };
}
