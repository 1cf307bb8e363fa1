import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { presentMassnahme } from './massnahmen-auflisten.ts';
import { idSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme } from './teilnahme-gemeinsam.ts';

/** One Maßnahme with its Kontingente (another Träger's id → 404); for those who keep the programme the Standorte to choose from. */
export const massnahmeLesen = defineUseCase({
  name: 'integration.massnahme-lesen',
  zugang: 'massnahmen.lesen',
  input: idSchema,
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const m = await ladeMassnahme(tx, input.id);
      const standorte = can(actor, 'massnahmen.verwalten') ? await massnahmenRepository.standorte(tx) : [];
      return { ...presentMassnahme(m, await massnahmenRepository.kontingente(tx, [m.id]), tag), standorte };
    });
  },
});
