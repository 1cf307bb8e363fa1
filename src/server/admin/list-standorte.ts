import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** All Standorte of the actor's Träger with the name of their Kommune. */
export const standorteAuflisten = defineUseCase({
  name: 'verwaltung.standorte-auflisten',
  zugang: 'organisation.verwalten',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }): Promise<{ standort: Standort; kommune: string }[]> => ctx.db.withTenant(tenantScope(actor), (tx) => organisationRepository.listStandorte(tx)),
});
