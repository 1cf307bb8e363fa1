import type { Tx } from '../../db/client.ts';
import { minderungsverfahrenRepository, type VerfahrenMitKontext } from '../../db/repositories/minderungsverfahren.ts';
import type { Actor } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize, standortErreichbar, type Permission } from '../policies.ts';
import { istUuid } from '../schemas/grenzen.ts';

export type { VerfahrenMitKontext };

export const VERFAHREN_NICHT_GEFUNDEN = 'Das Minderungsverfahren';

/**
 * Loads a Minderungsverfahren for an action, like the Fallakte loads a BG: an unknown or malformed id or one of another
 * Träger (RLS) answers 404; within the Träger a missing permission is 403; a procedure whose BG belongs to a Standort
 * the permission does not reach for the actor answers 404 (the id is never disclosed). `sperren` locks the row
 * (SELECT … FOR UPDATE) for a change.
 */
export async function ladeVerfahrenFuer(tx: Tx, actor: Actor, id: string, permission: Permission, sperren = false): Promise<VerfahrenMitKontext> {
  if (!istUuid(id)) throw notFound(VERFAHREN_NICHT_GEFUNDEN);
  const v = await minderungsverfahrenRepository.findMitKontext(tx, id, sperren);
  if (!v) throw notFound(VERFAHREN_NICHT_GEFUNDEN);
  authorize(actor, permission);
  if (!standortErreichbar(actor, permission, v.standortId)) throw notFound(VERFAHREN_NICHT_GEFUNDEN);
  return v;
}

/** Purpose of the audit entries (design: "Fordern: Anhörung versenden"). */
export const zweckFordern = (was: string): string => `Fordern: ${was}`;
