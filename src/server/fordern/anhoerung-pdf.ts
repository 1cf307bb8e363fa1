import { z } from 'zod';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { ANHOERUNG, ladeVerfahren } from './anhoerung-gemeinsam.ts';

/** The stored Anhörungsschreiben of a procedure (to print for post, or to read again). 404 before it was sent. */
export const anhoerungPdfLaden = defineUseCase({
  name: 'fordern.anhoerung-pdf',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100) }),
  audit: ['minderungsverfahren.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.lesen', tag);
      const pdf = await fordernAnhoerungRepository.pdf(tx, v.id);
      if (!pdf) throw notFound(ANHOERUNG);
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'read', purpose: 'Fordern: Anhörungsschreiben öffnen', details: { schritt: 'anhoerung_pdf', dokument: 'anhoerung' } });
      return { pdf, dateiname: `anhoerung-${v.aktenzeichen}.pdf` };
    });
  },
});
