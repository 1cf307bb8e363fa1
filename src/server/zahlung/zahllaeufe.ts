import { zahlungRepository } from '../../db/repositories/zahlungen.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** Overview of the payment runs (controlling, teamleitung, leistung): counts and sums, no bank details. */
export const zahllaeufe = defineUseCase({
  name: 'leistung.zahllaeufe',
  zugang: 'zahllauf.uebersicht',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) =>
    (await zahlungRepository.listLaeufe(tx)).map((l) => ({
      id: l.id,
      zahlmonat: l.zahlmonat,
      nr: l.nr,
      status: l.status,
      startedAt: l.startedAt.toISOString(),
      finishedAt: l.finishedAt ? l.finishedAt.toISOString() : null,
      anzahl: l.anzahl,
      summeCent: l.summeCent,
      hatDatei: l.hatDatei,
      zurueckgestellt: ((l.zurueckgestellt as unknown[] | null) ?? []).length,
    })),
  ),
});
