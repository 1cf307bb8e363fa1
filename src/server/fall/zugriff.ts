import type { Tx } from '../../db/client.ts';
import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { Antrag, Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

/**
 * Who reaches a Fallakte and its Anträge: by permission and by Standort (berechtigungen.ts). An id of another Träger
 * (RLS) or of a Standort the actor does not work for answers 404 (its existence is not disclosed); within reach, a
 * missing permission is 403.
 */

export const FALL_NICHT_GEFUNDEN = 'Die Fallakte';

/** Does the permission (default: reading Fallakten) reach objects of this Standort for the actor? */
export function standortSichtbar(actor: Actor, standortId: string, permission: Permission = 'fall.lesen'): boolean {
  return standortErreichbar(actor, permission, standortId);
}

/** Loads a BG for an action (404 / 403 / 404 as above). */
export async function ladeBgFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<Bedarfsgemeinschaft> {
  if (!istUuid(id)) throw notFound(FALL_NICHT_GEFUNDEN);
  const bg = await fallRepository.findBg(tx, id);
  if (!bg) throw notFound(FALL_NICHT_GEFUNDEN);
  authorize(actor, permission);
  if (!standortSichtbar(actor, bg.standortId, permission)) throw notFound(FALL_NICHT_GEFUNDEN);
  return bg;
}

/** Loads an Antrag for an action (404 / 403 / 404 as above). */
export async function ladeAntragFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<Antrag> {
  if (!istUuid(id)) throw notFound('Der Antrag');
  const antrag = await antraegeRepository.find(tx, id);
  if (!antrag) throw notFound('Der Antrag');
  authorize(actor, permission);
  if (!standortSichtbar(actor, antrag.standortId, permission)) throw notFound('Der Antrag');
  return antrag;
}
