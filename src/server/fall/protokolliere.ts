import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';

/** One line of the Fallakte's history (readable German) plus the audit entry of the change. */
export async function protokolliere(
  tx: Tx,
  actor: Actor,
  e: { bgId: string; art: string; beschreibung: string; personId?: string | null; details?: Record<string, unknown>; zweck?: string },
) {
  await fallRepository.insertEreignis(tx, {
    traegerId: actor.traegerId,
    bgId: e.bgId,
    actorUserId: actor.userId,
    actorName: actor.name,
    art: e.art,
    beschreibung: e.beschreibung,
    personId: e.personId ?? null,
    details: e.details ?? null,
  });
  // A change of the whole BG (address, housing, notes …) concerns everyone in it: they are named in
  // `details.treffer`, so "who touched my data" finds it (src/db/repositories/audit.ts).
  const treffer = e.personId ? undefined : await fallRepository.personIdsDerBg(tx, e.bgId);
  await recordAudit(tx, actor, {
    objectType: 'fallakte',
    objectId: e.bgId,
    personId: e.personId ?? null,
    action: e.art === 'fall_angelegt' ? 'create' : 'update',
    purpose: e.zweck ?? 'Leistungssachbearbeitung: Fallakte ändern',
    details: { art: e.art, ...(treffer ? { treffer } : {}) },
  });
}
