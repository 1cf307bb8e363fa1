import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';
import { ausnahmeFelder, kennung, mitAusnahmeRegeln } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

/**
 * An Ausnahme of one desk: extra hours (`zusaetzlich`, times required) or closed (whole day or hours) – the same
 * rules the free-time search relies on and the Standort-wide Ausnahme of the planning page uses.
 */
export const ausnahmeHinzufuegen = defineUseCase({
  name: 'termine.ausnahme-hinzufuegen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: mitAusnahmeRegeln(z.object({ ressourceId: kennung(), ...ausnahmeFelder })),
  audit: [],
  run: async ({ ctx, actor, input: a }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, a.ressourceId);
      return termineRepository.insertAusnahme(tx, { traegerId: actor.traegerId, ressourceId: r.id, art: a.art, datum: a.datum, von: a.von ?? null, bis: a.bis ?? null, grund: a.grund ?? null });
    }),
});
