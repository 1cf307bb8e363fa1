import { z } from 'zod';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeVerfahren } from './entscheidung-gemeinsam.ts';

/** The Minderungsbescheid as issued (stored at the Feststellung). Audited. */
export const fordernBescheidPdf = defineUseCase({
  name: 'fordern.bescheid-pdf',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100) }),
  audit: ['minderungsverfahren.export'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.lesen', tag);
      if (!v.bescheidPdf) throw new AppError('not_found', 404, 'Zu diesem Verfahren gibt es keinen Minderungsbescheid.');
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'export', purpose: 'Fordern: Minderungsbescheid als PDF öffnen', details: { schritt: 'bescheid', dokument: 'minderungsbescheid' } });
      return { pdf: v.bescheidPdf, dateiname: `minderungsbescheid-${v.aktenzeichen}.pdf` };
    });
  },
});
