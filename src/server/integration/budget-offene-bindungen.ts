import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Teilnahmen with money still bound, for booking a provider's invoice: Maßnahme, Haushaltsjahr, open amount and the
 * Teilnahme id — no names (the invoice names the Maßnahme and the Teilnahme's number).
 */
export const budgetOffeneBindungen = defineUseCase({
  name: 'integration.budget-offene-bindungen',
  zugang: 'budget.verwalten',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) =>
      (await budgetRepository.offeneTeilnahmeBindungen(tx)).map((r) => ({
        teilnahmeId: r.teilnahmeId!,
        haushaltsjahr: r.haushaltsjahr,
        titel: r.titel,
        massnahme: r.massnahme,
        offenCent: Number(r.offen),
      })),
    ),
});
