import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { mitUeberschneidung, presentKduRichtwert, pruefeZeitraum } from './kdu-richtwerte.ts';
import { kduAendernSchema } from './schemas.ts';

/** Changes a KdU-Richtwert in place (with the version read). */
export const kduRichtwertAendern = defineUseCase({
  name: 'verwaltung.kdu-richtwert-aendern',
  zugang: 'kdu.verwalten',
  input: kduAendernSchema,
  audit: ['kdu_richtwert.update'],
  run: async ({ ctx, actor, input }) => {
    const { id, version, ...eingabe } = input;
    pruefeZeitraum(eingabe);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!istUuid(id) || !(await kduRepository.find(tx, id))) throw notFound('Der Richtwert');
      const r = await mitUeberschneidung(() => kduRepository.update(tx, id, version, { ...eingabe, gueltigBis: eingabe.gueltigBis || null }));
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'kdu_richtwert', objectId: r.id, action: 'update', purpose: 'KdU-Richtwerte pflegen' });
      return presentKduRichtwert(r);
    });
  },
});
