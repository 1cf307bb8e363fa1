import { z } from 'zod';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The Bezugsgrößen of the Quoten (docs/statistik.md, "Einstellungen und Bezugsgrößen"): zivile Erwerbspersonen (the
 * denominator of the SGB II-Arbeitslosenquote) and Bevölkerung bis zur Altersgrenze (SGB II-Quote), for the Träger or
 * a Kommune, each valid from a Berichtsmonat until the next entry of the same art and region. Aggregates only.
 */
export const bezugsgroessen = defineUseCase({
  name: 'statistik.bezugsgroessen',
  zugang: 'statistik.lesen',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const eintraege = await statistikEinstellungenRepository.bezugsgroessen(tx);
      const kommunen = (await organisationRepository.listKommunen(tx)).map((k) => ({ id: k.id, name: k.name }));
      return {
        bezugsgroessen: eintraege.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
        kommunen: kommunen.sort((a, b) => a.name.localeCompare(b.name, 'de')),
      };
    }),
});
