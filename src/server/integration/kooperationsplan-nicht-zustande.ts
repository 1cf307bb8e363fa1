import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { folgeschrittOhnePlan } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { loeseGeltendenAb } from './kooperationsplan-ausfertigen.ts';
import { ladePlanFuer, mitRechtsstand } from './kooperationsplan-gemeinsam.ts';

/**
 * No agreement on the draft: it is recorded as `nicht_zustande_gekommen` and is what stands for the person (the
 * version it was to replace becomes `fortgeschrieben`). What follows depends on the day: Schlichtung (§ 15a a.F.,
 * until 30.6.2026) or the Verwaltungsakt (from 1.7.2026) — the answer says which.
 */
export const kooperationsplanNichtZustande = defineUseCase({
  name: 'integration.kooperationsplan-nicht-zustande',
  zugang: 'angemeldet',
  input: z.object({ id: z.string(), version: z.coerce.number().int().min(0) }),
  audit: ['kooperationsplan.update'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan } = await ladePlanFuer(tx, actor, input.id, 'integration.bearbeiten', tag, true);
      if (plan.status !== 'entwurf') throw new AppError('status_ungueltig', 409, 'Nur für einen Entwurf kann festgehalten werden, dass er nicht zustande gekommen ist.');
      if (plan.version !== input.version) throw versionConflict();
      await loeseGeltendenAb(tx, ctx, actor, plan.personId, plan.id);
      const r = await kooperationsplanRepository.updatePlan(tx, plan.id, plan.version, { status: 'nicht_zustande_gekommen' });
      if (!r) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kooperationsplan',
        objectId: plan.id,
        personId: plan.personId,
        action: 'update',
        purpose: 'Integration: Kooperationsplan nicht zustande gekommen',
        details: { fassung: plan.fassung, status: 'nicht_zustande_gekommen' },
      });
      return { id: plan.id, version: r.version, status: 'nicht_zustande_gekommen' as const, folgeschritt: mitRechtsstand('id', () => folgeschrittOhnePlan(tag)) };
    });
  },
});
