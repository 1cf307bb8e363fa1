import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { text, zeitpunkt } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

/** An absence of one desk between two instants (API); the planning page enters whole days (`abwesenheitEintragen`). */
export const abwesenheitHinzufuegen = defineUseCase({
  name: 'termine.abwesenheit-hinzufuegen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z
    .object({ ressourceId: kennung(), von: zeitpunkt(), bis: zeitpunkt(), grund: leerAlsFehlend(text(200)) })
    .refine((a) => a.bis.getTime() > a.von.getTime(), { path: ['bis'], message: 'Das Ende muss nach dem Beginn liegen.' }),
  audit: [],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, input.ressourceId);
      return termineRepository.insertAbwesenheit(tx, { traegerId: actor.traegerId, ressourceId: r.id, von: input.von, bis: input.bis, grund: input.grund ?? null });
    }),
});
