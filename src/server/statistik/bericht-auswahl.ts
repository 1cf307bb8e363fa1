import { z } from 'zod';
import { statistikBerichtRepository } from '../../db/repositories/statistik-bericht.ts';
import type { Ebene } from '../../domain/statistik/typen.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * What the Steuerung forms offer (docs/statistik.md, "Rechte"): the Ebenen and regions the actor may choose – the
 * whole Träger, every Kommune and Standort for Träger-wide reach, only the own Standorte for Standort reach
 * (teamleitung) – and the latest month with a built snapshot (the default Berichtsmonat).
 */
export const berichtAuswahl = defineUseCase({
  name: 'statistik.bericht-auswahl',
  zugang: 'statistik.lesen',
  input: z.object({}).passthrough(),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const sicht = sichtbareStandorte(actor, 'statistik.lesen');
      const regionen = await statistikBerichtRepository.regionen(tx, sicht === 'alle' ? undefined : sicht);
      const ebenen: Ebene[] = sicht === 'alle' ? ['traeger', 'kommune', 'standort'] : ['standort'];
      return { ebenen, ...regionen, letzterMonat: await statistikBerichtRepository.letzterSnapshotMonat(tx) };
    }),
});
