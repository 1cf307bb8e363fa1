import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import type { Antrag } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize, type Permission } from '../policies.ts';
import { isUuid, standortSichtbar } from './common.ts';

/** Loads an Antrag: another Träger's id is 404, a missing permission 403, another Standort 404. */
export async function ladeAntragFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<Antrag> {
  if (!isUuid(id)) throw notFound('Der Antrag');
  const antrag = await antraegeRepository.find(tx, id);
  if (!antrag) throw notFound('Der Antrag');
  authorize(actor, permission);
  if (!standortSichtbar(actor, antrag.standortId, permission)) throw notFound('Der Antrag');
  return antrag;
}
