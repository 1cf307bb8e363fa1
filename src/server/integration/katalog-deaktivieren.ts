import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { katalogIdSchema, presentKatalogEintrag } from './katalog-schemas.ts';

/** Deactivates a catalogue entry: it can no longer be newly chosen; people who have it keep it. */
export const katalogDeaktivieren = defineUseCase({
  name: 'integration.katalog-deaktivieren',
  zugang: 'massnahmen.verwalten',
  input: katalogIdSchema,
  audit: ['handlungsbedarf.deactivate'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const alt = istUuid(input.id) ? await handlungsbedarfKatalogRepository.find(tx, input.id) : undefined;
      if (!alt) throw notFound('Der Handlungsbedarf');
      if (alt.version !== input.version) throw versionConflict();
      const r = await handlungsbedarfKatalogRepository.update(tx, alt.id, alt.version, { aktiv: false });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'handlungsbedarf', objectId: r.id, action: 'deactivate', purpose: 'Katalog der Handlungsbedarfe pflegen', details: { code: r.code } });
      return presentKatalogEintrag(r);
    }),
});
