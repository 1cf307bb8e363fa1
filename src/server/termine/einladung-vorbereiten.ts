import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** What the invitation form offers: every Anliegen of the Träger (staff may invite to those not bookable online too). */
export const einladungVorbereiten = defineUseCase({
  name: 'termine.einladung-vorbereiten',
  zugang: 'termine.bearbeiten',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      return { anliegen: daten.anliegen.map((a) => ({ id: a.id, name: a.name })) };
    }),
});
