import type { Tx } from '../../db/client.ts';
import { erstattungRepository } from '../../db/repositories/erstattungen.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { standortSichtbar } from '../fall/zugriff.ts';
import { authorize } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export const FORDERUNG = 'Die Erstattungsforderung';

/** Loads a Forderung for the caller: other Träger or Standort → 404, no permission → 403. */
export async function ladeForderungFuer(tx: Tx, actor: Actor, id: string) {
  if (!istUuid(id)) throw notFound(FORDERUNG);
  const r = await erstattungRepository.find(tx, id);
  if (!r) throw notFound(FORDERUNG);
  authorize(actor, 'bewilligung.bearbeiten');
  if (!standortSichtbar(actor, r.standortId, 'bewilligung.bearbeiten')) throw notFound(FORDERUNG);
  return r;
}

