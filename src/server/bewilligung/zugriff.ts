import type { Tx } from '../../db/client.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import type { Bedarfsgemeinschaft, Bewilligung } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import type { Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export const BEWILLIGUNG = 'Die Bewilligung';

/** Loads a Bewilligung and its BG with the usual 404-before-403 rule (other Träger/Standort → 404). */
export async function ladeBewilligungFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<{ b: Bewilligung; bg: Bedarfsgemeinschaft }> {
  if (!istUuid(id)) throw notFound(BEWILLIGUNG);
  const b = await bewilligungRepository.find(tx, id);
  if (!b) throw notFound(BEWILLIGUNG);
  const bg = await ladeBgFuer(tx, actor, b.bgId, permission);
  return { b, bg };
}
