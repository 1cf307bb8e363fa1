import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { planSchema, pruefePlan } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { feldfehler, ladePlanFuer } from './kooperationsplan-gemeinsam.ts';

export const entwurfAendernSchema = planSchema.extend({ id: z.string(), version: z.coerce.number().int().min(0) });

/** Changes a draft (only a draft; an agreed plan is changed by Fortschreibung). A step due before today → 400. */
export const kooperationsplanEntwurfAendern = defineUseCase({
  name: 'integration.kooperationsplan-entwurf-aendern',
  zugang: 'angemeldet',
  input: entwurfAendernSchema,
  audit: ['kooperationsplan.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      if (plan.status !== 'entwurf') throw new AppError('status_ungueltig', 409, 'Nur ein Entwurf kann geändert werden. Ein vereinbarter Plan wird fortgeschrieben.');
      if (plan.version !== input.version) throw versionConflict();
      const fehler = pruefePlan(input, plan.erstelltAm > tag ? plan.erstelltAm : tag);
      if (fehler.length) throw feldfehler(fehler);
      const r = await kooperationsplanRepository.updatePlan(tx, plan.id, input.version, { eingliederungsziel: input.eingliederungsziel, inhalt: input.inhalt });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: plan.id,
        personId: plan.personId,
        action: 'update',
        purpose: 'Integration: Entwurf des Kooperationsplans ändern',
        details: { fassung: plan.fassung, status: 'entwurf' },
      });
      return { id: plan.id, version: r.version };
    });
  },
});
