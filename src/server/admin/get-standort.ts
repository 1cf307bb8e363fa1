import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { requireUuid } from './common.ts';
import { idInputSchema } from './schemas.ts';

/** One Standort of the actor's Träger with its Kommune's name; another Träger's or an unknown id is "not found". */
export const standortLaden = defineUseCase({
  name: 'verwaltung.standort-laden',
  zugang: 'organisation.verwalten',
  input: idInputSchema,
  audit: [],
  run: async ({ ctx, actor, input }): Promise<{ standort: Standort; kommune: string }> => {
    requireUuid(input.id, 'Der Standort');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const standort = await organisationRepository.findStandort(tx, input.id);
      if (!standort) throw notFound('Der Standort');
      const kommune = await organisationRepository.findKommune(tx, standort.kommuneId);
      return { standort, kommune: kommune?.name ?? '' };
    });
  },
});
