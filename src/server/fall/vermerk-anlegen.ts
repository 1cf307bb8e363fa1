import { fallRepository } from '../../db/repositories/fall.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { vermerkSchema } from './schemas.ts';
import { ladeBgFuer } from './zugriff.ts';
import { protokolliere } from './protokolliere.ts';

/** Adds a note to the Fallakte. Notes are never changed (no version needed: nothing is overwritten). */
export const vermerkAnlegen = defineUseCase({
  name: 'fall.vermerk-anlegen',
  zugang: 'angemeldet',
  input: vermerkSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) => {
    const { id } = input;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      const vermerk = await fallRepository.insertVermerk(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        text: input.text,
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
  },
});
