import { z } from 'zod';
import { statistikEinstellungenRepository } from '../../db/repositories/statistik-einstellungen.ts';
import { BUNDESLAENDER } from '../../domain/statistik/merkmale.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * The Statistik settings of the Träger (docs/statistik.md, "Einstellungen und Bezugsgrößen"): Stichtag (day of the
 * month, null = the last calendar day), Land (decides the Bundesbeteiligung an den KdU; null = not set, the whole KdU
 * counts as kommunal) and the limit of small counts in published exports. Defaults with version 0 before the first save.
 */
export const statistikEinstellungen = defineUseCase({
  name: 'statistik.einstellungen',
  zugang: 'statistik.lesen',
  input: z.object({}),
  audit: [],
  run: ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const e = await statistikEinstellungenRepository.lesen(tx);
      return {
        stichtagTag: e.stichtagTag,
        land: e.land,
        landName: BUNDESLAENDER.find((l) => l.code === e.land)?.name ?? null,
        kleinzahlGrenze: e.kleinzahlGrenze,
        version: e.version,
        updatedAt: e.updatedAt ? e.updatedAt.toISOString() : null,
      };
    }),
});
