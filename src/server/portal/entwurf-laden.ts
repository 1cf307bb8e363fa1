import { z } from 'zod';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { entschluessele, flowVon, type EntwurfAnsicht } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

/** A draft with its decrypted answers, if the actor may read it. */
export const entwurfLaden = defineUseCase({
  name: 'portal.entwurf-laden',
  zugang: 'angemeldet',
  input: z.object({ id: z.string() }),
  audit: ['antrag_entwurf.read'],
  run: async ({ ctx, actor, input: opts }): Promise<EntwurfAnsicht> => {
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf, zugriff } = await ladeEntwurfFuer(tx, actor, opts.id, 'lesen', heute(ctx.clock.now()));
    await recordAudit(tx, actor, { objectType: 'antrag_entwurf', objectId: entwurf.id, action: 'read', purpose: 'Bürgerportal: Antrag ansehen' });
    return { entwurf, daten: entschluessele(ctx, entwurf), pf: flowVon(entwurf), als: zugriff.als };
  });
  },
});
