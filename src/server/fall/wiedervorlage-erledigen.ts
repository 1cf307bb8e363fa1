import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { wiedervorlageErledigenSchema } from './schemas.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { datumText } from './texte.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { ladeBgFuer } from './zugriff.ts';
import { protokolliere } from './protokolliere.ts';

/** Marks a follow-up as done. */
export const wiedervorlageErledigen = defineUseCase({
  name: 'fall.wiedervorlage-erledigen',
  zugang: 'angemeldet',
  input: wiedervorlageErledigenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input }) => {
    const { id, version } = input;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!istUuid(id)) throw notFound('Die Wiedervorlage');
      const wv = await antraegeRepository.findWiedervorlage(tx, id);
      if (!wv) throw notFound('Die Wiedervorlage');
      await ladeBgFuer(tx, actor, wv.bgId, 'fall.bearbeiten');
      // Follow-ups of the integration side close themselves when their result is recorded (Kooperationsplan review,
      // Nachfrage zur Beschäftigung) – not by a click in the Fallakte.
      if (wv.art === 'minderung_frist') throw new AppError('wiedervorlage_eigener_abschluss', 409, 'Diese Wiedervorlage gehört zu einem Minderungsverfahren und wird erledigt, sobald das Verfahren entschieden oder eingestellt ist.');
      if (wv.art !== 'allgemein') throw new AppError('wiedervorlage_eigener_abschluss', 409, 'Diese Wiedervorlage gehört zur Integrationsarbeit und wird dort erledigt, sobald das Ergebnis erfasst ist.');
      if (wv.erledigtAm) throw new AppError('schon_erledigt', 409, 'Diese Wiedervorlage ist schon erledigt.');
      if (wv.version !== version) throw versionConflict();
      const updated = await antraegeRepository.updateWiedervorlage(tx, id, version, { erledigtAm: ctx.clock.now(), erledigtVon: actor.userId });
      if (!updated) throw versionConflict();
      await protokolliere(tx, actor, {
        bgId: wv.bgId,
        art: 'wiedervorlage_erledigt',
        beschreibung: `Wiedervorlage zum ${datumText(wv.faelligAm)} erledigt: ${wv.grund}`,
        details: { wiedervorlageId: id },
        zweck: 'Leistungssachbearbeitung: Wiedervorlage erledigen',
      });
      return updated;
    });
  },
});
