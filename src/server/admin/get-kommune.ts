import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { requireUuid } from './common.ts';
import { idInputSchema } from './schemas.ts';

/** One Kommune of the actor's Träger; another Träger's or an unknown id is "not found". */
export const kommuneLaden = defineUseCase({
  name: 'verwaltung.kommune-laden',
  zugang: 'organisation.verwalten',
  input: idInputSchema,
  audit: [],
  run: async ({ ctx, actor, input }): Promise<Kommune> => {
    requireUuid(input.id, 'Die Kommune');
    const kommune = await ctx.db.withTenant(tenantScope(actor), (tx) => organisationRepository.findKommune(tx, input.id));
    if (!kommune) throw notFound('Die Kommune');
    return kommune;
  },
});
