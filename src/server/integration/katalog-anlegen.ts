import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { katalogAnlegenSchema, presentKatalogEintrag } from './katalog-schemas.ts';

/** A new Handlungsbedarf in the Träger's catalogue; the code is unique within the Träger and never changes. */
export const katalogAnlegen = defineUseCase({
  name: 'integration.katalog-anlegen',
  zugang: 'massnahmen.verwalten',
  input: katalogAnlegenSchema,
  audit: ['handlungsbedarf.create'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (await handlungsbedarfKatalogRepository.findByCode(tx, input.code)) {
        throw validationFailed([{ path: 'code', code: 'code_vergeben', message: 'Diesen Code gibt es im Katalog schon. Bitte einen anderen wählen.' }]);
      }
      const r = await handlungsbedarfKatalogRepository.insert(tx, { traegerId: actor.traegerId, ...input });
      await recordAudit(tx, actor, { objectType: 'handlungsbedarf', objectId: r.id, action: 'create', purpose: 'Katalog der Handlungsbedarfe pflegen', details: { code: r.code } });
      return presentKatalogEintrag(r);
    }),
});
