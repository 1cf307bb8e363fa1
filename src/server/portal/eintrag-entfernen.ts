import { z } from 'zod';
import { eintragEntfernen as entferne } from '../../domain/formular/index.ts';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { notFound } from '../errors.ts';
import { entschluessele, flowVon, nurOffen, speichere } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

/** Removes an entry of a list sub-flow (child, job …) with its answers. */
export const eintragEntfernen = defineUseCase({
  name: 'portal.eintrag-entfernen',
  zugang: 'angemeldet',
  input: z.object({ id: z.string(), liste: z.string().max(100), eintragId: z.string().max(100) }),
  audit: ['antrag_entwurf.update'],
  run: async ({ ctx, actor, input: opts }): Promise<void> => {
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    if (!pf.flow.listen?.[opts.liste]) throw notFound('Die Liste');
    const daten = entschluessele(ctx, entwurf);
    await speichere(tx, ctx, actor, entwurf, entferne(pf.flow, daten, opts.liste, opts.eintragId), {}, 'Eintrag entfernen');
  });
  },
});
