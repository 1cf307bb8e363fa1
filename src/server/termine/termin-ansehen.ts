import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { darfSehen, terminNichtGefunden } from './gemeinsam.ts';
import { terminAnsicht, verschiebeZiele } from './termin-ansicht.ts';

/**
 * One appointment for its page: the citizen's own, or one of the staff member's Standorte (otherwise 404) – with the
 * Anliegen, the Standort's address (where to go for an on-site appointment) and whether the citizen may still move
 * or cancel it online. The read is recorded in the audit trail.
 */
export const terminAnsehen = defineUseCase({
  name: 'termine.termin-ansehen',
  zugang: 'angemeldet',
  input: z.object({ id: kennung(), ziele: z.boolean().optional().describe('auch die Zeiten, auf die der Termin verschoben werden kann (Seite)') }),
  audit: ['termin.read'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    if (!istUuid(input.id)) throw terminNichtGefunden();
    const r = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const t = await termineRepository.findTermin(tx, input.id);
      if (!t || !darfSehen(actor, t)) throw terminNichtGefunden();
      await recordAudit(tx, actor, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'read', purpose: 'Termin ansehen' });
      return terminAnsicht(tx, t, actor.traegerId, jetzt);
    });
    const ziele = await verschiebeZiele(ctx, actor.traegerId, r, input.ziele);
    return { ...r, ziele };
  },
});
