import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { ressourcenZugriff } from './ressourcen-zugriff.ts';

/** Bookable desks the actor reaches: of their Standorte (Träger-wide for admin planning), or only their own desk. */
export const ressourcenAuflisten = defineUseCase({
  name: 'termine.ressourcen-auflisten',
  zugang: ['termine.bearbeiten', 'termine.eigenerKalender', 'termine.planen'],
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      const ressourcen = daten.ressourcen.filter((r) => ressourcenZugriff(actor, r) !== null);
      return ressourcen.map((r) => ({
        ...r,
        /** may the actor maintain this desk's hours, exceptions and absences */
        darfPflegen: ressourcenZugriff(actor, r) === 'pflegen',
        sprechzeiten: daten.sprechzeiten.filter((s) => s.ressourceId === r.id),
        ausnahmen: daten.ausnahmen.filter((a) => a.ressourceId === r.id),
      }));
    }),
});
