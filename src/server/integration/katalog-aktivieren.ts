import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { katalogIdSchema, presentKatalogEintrag } from './katalog-schemas.ts';

/** Activates a deactivated catalogue entry again. */
export const katalogAktivieren = defineUseCase({
  name: 'integration.katalog-aktivieren',
  zugang: 'massnahmen.verwalten',
  input: katalogIdSchema,
  audit: ['handlungsbedarf.activate'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const alt = istUuid(input.id) ? await handlungsbedarfKatalogRepository.find(tx, input.id) : undefined;
      if (!alt) throw notFound('Der Handlungsbedarf');
      if (alt.version !== input.version) throw versionConflict();
      const r = await handlungsbedarfKatalogRepository.update(tx, alt.id, alt.version, { aktiv: true });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, { objectType: 'handlungsbedarf', objectId: r.id, action: 'activate', purpose: 'Katalog der Handlungsbedarfe pflegen', details: { code: r.code } });
      return presentKatalogEintrag(r);
    }),
});
