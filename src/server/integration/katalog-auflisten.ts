import { z } from 'zod';
import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { presentKatalogEintrag } from './katalog-schemas.ts';

/** The Träger's catalogue of Handlungsbedarfe (active and deactivated); no person's data, so no audit entry. */
export const katalogAuflisten = defineUseCase({
  name: 'integration.katalog-auflisten',
  zugang: ['integration.lesen', 'massnahmen.verwalten'],
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => ({
      eintraege: (await handlungsbedarfKatalogRepository.list(tx)).map(presentKatalogEintrag),
      darfVerwalten: can(actor, 'massnahmen.verwalten'),
    })),
});
