import { fallRepository } from '../../db/repositories/fall.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { ladeBgFuer, protokolliere } from './common.ts';

/** Adds a note to the Fallakte. Notes are never changed (no version needed: nothing is overwritten). */
export async function vermerkAnlegen(opts: { ctx: AppContext; actor: Actor; id: string; text: string }) {
  const { ctx, actor, id } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
    const vermerk = await fallRepository.insertVermerk(tx, {
      traegerId: actor.traegerId,
      bgId: bg.id,
      text: opts.text.trim(),
      createdBy: actor.userId,
      createdByName: actor.name,
    });
    const kurz = vermerk.text.length > 80 ? `${vermerk.text.slice(0, 80)}…` : vermerk.text;
    await protokolliere(tx, actor, {
      bgId: bg.id,
      art: 'vermerk',
      beschreibung: `Vermerk angelegt: „${kurz}“`,
      details: { vermerkId: vermerk.id },
      zweck: 'Leistungssachbearbeitung: Vermerk anlegen',
    });
    return vermerk;
  });
}
