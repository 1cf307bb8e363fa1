import { z } from 'zod';
import { anhoerungsfristEnde } from '../../domain/fordern/fristen.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { einschaetzung, ladeVerfahren, minderungText } from './anhoerung-gemeinsam.ts';
import { antwortDateien } from './antwort-datei.ts';

/**
 * What the Anhörung section of the procedure page needs beyond the procedure itself: whether the 2026 safeguards
 * require a personal Anhörung (and why), the default answer deadline, the Minderung expected, the answer's files.
 * The procedure page (verfahren.tsx via anhoerungLaden) reads it; the page's own read is audited there.
 */
export const anhoerungStand = defineUseCase({
  name: 'fordern.anhoerung-stand',
  zugang: 'fordern.lesen',
  input: z.object({ id: z.string().max(100) }),
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const { v } = await ladeVerfahren(tx, actor, input.id, 'fordern.lesen', tag);
      const standardFrist = anhoerungsfristEnde(tag);
      const e = await einschaetzung(tx, v, v.anhoerungFrist ?? standardFrist);
      return {
        id: v.id,
        verfahren: {
          id: v.id,
          version: v.version,
          status: v.status,
          anhoerungArt: v.anhoerungArt,
          anhoerungAm: v.anhoerungAm,
          anhoerungFrist: v.anhoerungFrist,
          anhoerungSprache: v.anhoerungSprache,
          hatAnhoerungPdf: v.hatAnhoerungPdf,
          anhoerungPostfachId: v.anhoerungPostfachId,
          antwortText: v.antwortText,
          antwortAm: v.antwortAm?.toISOString() ?? null,
          antwortKanal: v.antwortKanal,
          antwortDateiIds: v.antwortDateiIds,
        },
        standardFrist,
        persoenlichNoetig: e.schutz.persoenlicheAnhoerung,
        haertePruefungPflicht: e.schutz.haertePruefungPflicht,
        gruende: e.schutz.gruende,
        minderungText: minderungText(e.vorschlag),
        dateien: await antwortDateien(tx, v.antwortDateiIds),
      };
    });
  },
});
