import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { katalogAendernSchema, presentKatalogEintrag } from './katalog-schemas.ts';

/**
 * Changes the wording or Schlüsselgröße of a catalogue entry. Code and `gesundheitsbezogen` stay as created: stored
 * Potenzialanalysen refer to the code, and their health items were filed apart because of the flag.
 */
export const katalogAendern = defineUseCase({
  name: 'integration.katalog-aendern',
  zugang: 'massnahmen.verwalten',
  input: katalogAendernSchema,
  audit: ['handlungsbedarf.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const alt = istUuid(input.id) ? await handlungsbedarfKatalogRepository.find(tx, input.id) : undefined;
      if (!alt) throw notFound('Der Handlungsbedarf');
      if (alt.version !== input.version) throw versionConflict();
      const patch = { ...(input.bezeichnung !== undefined ? { bezeichnung: input.bezeichnung } : {}), ...(input.schluesselgroesse !== undefined ? { schluesselgroesse: input.schluesselgroesse } : {}) };
      const r = await handlungsbedarfKatalogRepository.update(tx, alt.id, alt.version, patch);
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'handlungsbedarf', objectId: r.id, action: 'update', purpose: 'Katalog der Handlungsbedarfe pflegen', details: { code: r.code, felder: Object.keys(patch) } });
      return presentKatalogEintrag(r);
    }),
});
