import { z } from 'zod';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { dokumentDesPlans } from './kooperationsplan-ausfertigen.ts';
import { ladePlanFuer } from './kooperationsplan-gemeinsam.ts';

/** The document as it was handed out (Textform plan or Verwaltungsakt; rendered and stored on demand when an agreed plan has none). Audited. */
export const kooperationsplanPdfLaden = defineUseCase({
  name: 'integration.kooperationsplan-pdf',
  zugang: 'angemeldet',
  input: z.object({ id: z.string() }),
  audit: ['kooperationsplan.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { plan } = await ladePlanFuer(tx, actor, input.id, 'integration.lesen', tag);
      const pdf = await dokumentDesPlans(tx, ctx, plan);
      if (!pdf) throw new AppError('not_found', 404, 'Zu diesem Plan gibt es noch kein Dokument (erst nach der Vereinbarung).');
      await recordAudit(tx, actor, { objectType: 'kooperationsplan', objectId: plan.id, personId: plan.personId, action: 'read', purpose: 'Integration: Kooperationsplan als PDF öffnen', details: { fassung: plan.fassung, art: plan.art, ...(plan.hatDokument ? {} : { nachgetragen: true }) } });
      return { pdf, dateiname: `${plan.art === 'verwaltungsakt' ? 'verwaltungsakt' : 'kooperationsplan'}-${plan.fassung}-${plan.abgestimmtAm ?? plan.erstelltAm}.pdf` };
    });
  },
});
