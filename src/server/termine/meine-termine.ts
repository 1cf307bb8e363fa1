import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { forbidden } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * A signed-in citizen's own appointments (permission table: `termine.eigene`, own objects only – the query names the
 * citizen). Staff accounts are refused (403); the read is recorded like the citizen's own Warteliste.
 */
export const meineTermine = defineUseCase({
  name: 'termine.meine-termine',
  zugang: 'termine.eigene',
  input: z.object({}),
  audit: ['termin.read'],
  run: async ({ ctx, actor }) => {
    if (actor.art !== 'buerger') throw forbidden();
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const termine = await termineRepository.termineVonBuerger(tx, actor.userId);
      if (termine.length) await recordAudit(tx, actor, { objectType: 'termin', personId: actor.userId, action: 'read', purpose: 'Eigene Termine ansehen' });
      return termine;
    });
  },
});
