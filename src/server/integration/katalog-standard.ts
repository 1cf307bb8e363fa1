import { z } from 'zod';
import { handlungsbedarfKatalogRepository } from '../../db/repositories/handlungsbedarf-katalog.ts';
import { STANDARD_HANDLUNGSBEDARFE } from '../../domain/foerdern/potenzialanalyse.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** Adds the entries of the standard catalogue (STANDARD_HANDLUNGSBEDARFE) whose code the Träger does not have yet. */
export const katalogStandardUebernehmen = defineUseCase({
  name: 'integration.katalog-standard-uebernehmen',
  zugang: 'massnahmen.verwalten',
  input: z.object({}),
  audit: ['handlungsbedarf.create'],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const anzahl = await handlungsbedarfKatalogRepository.ergaenze(tx, actor.traegerId, STANDARD_HANDLUNGSBEDARFE);
      await recordAudit(tx, actor, { objectType: 'handlungsbedarf', action: 'create', purpose: 'Katalog der Handlungsbedarfe pflegen: Standardkatalog übernehmen', details: { anzahl } });
      return { hinzugefuegt: anzahl };
    }),
});
