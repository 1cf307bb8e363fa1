import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { antragStatusSchema } from './schemas.ts';
import { versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './zugriff.ts';
import { ART_TEXT, datumText, STATUS_TEXT } from './texte.ts';
import { protokolliere } from './protokolliere.ts';

/** Moves an Antrag through the queue (e.g. "wartet auf Unterlagen", "zurückgenommen"). */
export const antragStatusSetzen = defineUseCase({
  name: 'fall.antrag-status-setzen',
  zugang: 'angemeldet',
  input: antragStatusSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) => {
    const { id, status, version } = input;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
      if (antrag.version !== version) throw versionConflict();
      const erledigt = status === 'entschieden' || status === 'zurueckgenommen';
      const updated = await antraegeRepository.update(tx, id, version, { status, erledigtAm: erledigt ? ctx.clock.now() : null });
      if (!updated) throw versionConflict();
      if (antrag.bgId) {
        await protokolliere(tx, actor, {
          bgId: antrag.bgId,
          art: 'antrag_status',
          beschreibung: `${ART_TEXT[antrag.art]} vom ${datumText(antrag.antragsdatum)}: Status „${STATUS_TEXT[status] ?? status}“.`,
          details: { antragId: id, von: antrag.status, nach: status },
          zweck: 'Leistungssachbearbeitung: Antrag bearbeiten',
        });
      }
      return updated;
    });
  },
});
