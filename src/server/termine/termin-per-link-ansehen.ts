import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { terminAnsicht, verschiebeZiele } from './termin-ansicht.ts';
import { LINK_UNGUELTIG, linkAufloesen } from './verwaltung-per-link.ts';

/** Shows the appointment behind a personal link (read is recorded in the audit trail). */
export const terminPerLinkAnsehen = defineUseCase({
  name: 'termine.termin-per-link-ansehen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200), ziele: z.boolean().optional().describe('auch die Zeiten, auf die der Termin verschoben werden kann (Seite)') }),
  audit: ['termin.read'],
  run: async ({ ctx, input }) => {
    const jetzt = ctx.clock.now();
    const l = await linkAufloesen(ctx, input.token, jetzt);
    const r = await ctx.db.withTenant({ traegerId: l.traegerId, userId: null, requestId: null }, async (tx) => {
      const t = await termineRepository.findTermin(tx, l.terminId);
      if (!t || t.verwaltungTokenHash !== l.hash) throw new AppError('link_ungueltig', 404, LINK_UNGUELTIG);
      await recordAudit(tx, { system: 'terminlink', traegerId: l.traegerId }, { objectType: 'termin', objectId: t.id, action: 'read', purpose: 'Termin ansehen (persönlicher Link)' });
      return terminAnsicht(tx, t, l.traegerId, jetzt);
    });
    const ziele = await verschiebeZiele(ctx, l.traegerId, r, input.ziele);
    return { ...r, ziele };
  },
});
