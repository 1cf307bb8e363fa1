import { z } from 'zod';
import { eintragHinzufuegen as fuegeHinzu, eintraege } from '../../domain/formular/index.ts';
import { tenantScope } from '../context.ts';
import { heute } from '../clock.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, notFound } from '../errors.ts';
import { entschluessele, flowVon, nurOffen, speichere } from './entwurf-gemeinsam.ts';
import { ladeEntwurfFuer } from './zugriff.ts';

/** Adds an entry to a list sub-flow (child, job …) and returns the address of its first step. */
export const eintragHinzufuegen = defineUseCase({
  name: 'portal.eintrag-hinzufuegen',
  zugang: 'angemeldet',
  input: z.object({ id: z.string(), liste: z.string().max(100) }),
  audit: ['antrag_entwurf.update'],
  run: async ({ ctx, actor, input: opts }): Promise<string> => {
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const { entwurf } = await ladeEntwurfFuer(tx, actor, opts.id, 'handeln', heute(ctx.clock.now()), true);
    nurOffen(entwurf);
    const pf = flowVon(entwurf);
    const l = pf.flow.listen?.[opts.liste];
    if (!l) throw notFound('Die Liste');
    const daten = entschluessele(ctx, entwurf);
    if (eintraege(daten, opts.liste).length >= l.max) throw new AppError('liste_voll', 400, `Höchstens ${l.max} Einträge sind möglich.`);
    const r = fuegeHinzu(pf.flow, daten, opts.liste);
    await speichere(tx, ctx, actor, entwurf, r.daten, { aktuellerSchritt: r.adresse }, 'Eintrag hinzufügen');
    return r.adresse;
  });
  },
});
