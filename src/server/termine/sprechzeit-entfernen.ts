import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

export const sprechzeitEntfernen = defineUseCase({
  name: 'termine.sprechzeit-entfernen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z.object({ ressourceId: kennung(), sprechzeitId: kennung() }),
  audit: [],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const r = await eigeneRessource(actor, tx, input.ressourceId);
      if (!/^[0-9a-f-]{36}$/i.test(input.sprechzeitId) || !(await termineRepository.deleteSprechzeit(tx, r.id, input.sprechzeitId))) throw notFound('Die Sprechzeit');
    }),
});
