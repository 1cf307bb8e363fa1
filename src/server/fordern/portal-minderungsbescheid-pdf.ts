import { z } from 'zod';
import { fordernEntscheidungRepository as repo } from '../../db/repositories/fordern-entscheidung.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { bgsDesBuergers } from '../integration/kooperationsplan-gemeinsam.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

const BESCHEID = 'Der Minderungsbescheid';

/** The citizen's copy of a Minderungsbescheid of their own BG (also without online delivery). Another BG → 404. */
export const portalMinderungsbescheidPdf = defineUseCase({
  name: 'portal.minderungsbescheid-pdf',
  zugang: 'portal.nutzen',
  input: z.object({ id: z.string().max(100), fuer: z.string().max(40).optional() }),
  audit: ['minderungsverfahren.export'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'lesen', tag);
      if (!istUuid(input.id)) throw notFound(BESCHEID);
      const v = await repo.findVerfahren(tx, input.id);
      if (!v || !v.bescheidPdf || !(await bgsDesBuergers(tx, zugriff.buergerId)).includes(v.bgId)) throw notFound(BESCHEID);
      await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: v.id, personId: v.personId, action: 'export', purpose: 'Bürgerportal: Minderungsbescheid als PDF öffnen', details: { schritt: 'bescheid', dokument: 'minderungsbescheid', als: zugriff.als } });
      return { pdf: v.bescheidPdf, dateiname: `minderungsbescheid-${v.aktenzeichen}.pdf` };
    });
  },
});
