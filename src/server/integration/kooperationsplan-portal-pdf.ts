import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { defineUseCase } from '../use-case.ts';
import { dokumentDesPlans } from './kooperationsplan-ausfertigen.ts';
import { bgsDesBuergers, PLAN } from './kooperationsplan-gemeinsam.ts';

/** The citizen's copy of the plan in force (also without online delivery). A plan of another BG → 404. */
export const kooperationsplanPortalPdf = defineUseCase({
  name: 'integration.kooperationsplan-portal-pdf',
  zugang: 'portal.nutzen',
  input: z.object({ id: z.string(), fuer: z.string().max(40).optional() }),
  audit: ['kooperationsplan.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'lesen', tag);
      if (!istUuid(input.id)) throw notFound(PLAN);
      const plan = await kooperationsplanRepository.findPlan(tx, input.id);
      if (!plan || plan.status === 'entwurf' || !(await bgsDesBuergers(tx, zugriff.buergerId)).includes(plan.bgId)) throw notFound(PLAN);
      // an agreed plan without a stored document (older records) is rendered now and stored, not sent to the Postfach
      const pdf = await dokumentDesPlans(tx, ctx, plan);
      if (!pdf) throw notFound(PLAN);
      await recordAudit(tx, actor, { objectType: 'kooperationsplan', objectId: plan.id, personId: plan.personId, action: 'read', purpose: 'Bürgerportal: Kooperationsplan als PDF öffnen', details: { als: zugriff.als, ...(plan.hatDokument ? {} : { nachgetragen: true }) } });
      return { pdf, dateiname: `kooperationsplan-${plan.fassung}.pdf` };
    });
  },
});
