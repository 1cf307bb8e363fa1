import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** All Kommunen of the actor's Träger, active and deactivated, by name. */
export const kommunenAuflisten = defineUseCase({
  name: 'verwaltung.kommunen-auflisten',
  zugang: 'organisation.verwalten',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }): Promise<Kommune[]> => ctx.db.withTenant(tenantScope(actor), (tx) => organisationRepository.listKommunen(tx)),
});
