import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kontingentAendernSchema } from './massnahmen-schemas.ts';

/** Changes the number of places or the end of a Kontingent; it cannot shrink below a place that is taken. */
export const kontingentAendern = defineUseCase({
  name: 'integration.kontingent-aendern',
  zugang: 'massnahmen.verwalten',
  input: kontingentAendernSchema,
  audit: ['kontingent.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const vorher = istUuid(input.id) ? await massnahmenRepository.findKontingent(tx, input.id) : undefined;
      if (!vorher) throw notFound('Das Kontingent');
      const hoechster = await massnahmenRepository.hoechsterBelegterPlatz(tx, vorher.id);
      const fehler = [];
      if (input.plaetze < hoechster) fehler.push({ path: 'plaetze', code: 'plaetze_belegt', message: `Platz ${hoechster} ist belegt. Es müssen mindestens ${hoechster} Plätze bleiben.` });
      if (input.gueltigBis && input.gueltigBis < vorher.gueltigVon) fehler.push({ path: 'gueltigBis', code: 'zeitraum_ungueltig', message: 'Das Ende liegt vor dem Beginn.' });
      if (fehler.length) throw validationFailed(fehler);
      const k = await massnahmenRepository.updateKontingent(tx, vorher.id, input.version, { plaetze: input.plaetze, ...(input.gueltigBis !== undefined ? { gueltigBis: input.gueltigBis } : {}) });
      if (!k) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kontingent',
        objectId: k.id,
        action: 'update',
        purpose: 'Maßnahmenprogramm pflegen: Plätze je Standort',
        details: { massnahmeId: k.massnahmeId, standortId: k.standortId, plaetze: k.plaetze, von: k.gueltigVon, bis: k.gueltigBis },
      });
      return k;
    }),
});
