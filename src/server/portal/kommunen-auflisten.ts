import { z } from 'zod';
import { portalRepository } from '../../db/repositories/portal.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** The active Kommunen of the Träger with their Postleitzahlen (to place an address of an application). */
export const portalKommunenAuflisten = defineUseCase({
  name: 'portal.kommunen-auflisten',
  zugang: 'angemeldet',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }) => ctx.db.withTenant(tenantScope(actor), (tx) => portalRepository.kommunen(tx)),
});
