import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { entschluessele, nurOffen, speichere } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

/** Discards an unfinished draft (the person no longer wants to apply). */
export const entwurfVerwerfen = defineUseCase({
  name: 'portal.entwurf-verwerfen',
  zugang: 'angemeldet',
  input: z.object({ id: z.string() }),
  audit: ['antrag_entwurf.update'],
  run: async ({ ctx, actor, input: opts }): Promise<void> => {
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    await speichere(tx, ctx, actor, entwurf, entschluessele(ctx, entwurf), { status: 'verworfen' }, 'Antrag verwerfen');
  });
  },
});
