import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

export const abwesenheitEntfernen = defineUseCase({
  name: 'termine.abwesenheit-entfernen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z.object({ id: kennung() }),
  audit: ['termin_abwesenheit.deactivate'],
  run: async ({ ctx, actor, input }) => {
    if (!/^[0-9a-f-]{36}$/i.test(input.id)) throw notFound('Die Abwesenheit');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const a = await termineRepository.findAbwesenheit(tx, input.id);
      if (!a) throw notFound('Die Abwesenheit');
      const r = await eigeneRessource(actor, tx, a.ressourceId);
      await termineRepository.deleteAbwesenheit(tx, a.id);
      await recordAudit(tx, actor, { objectType: 'termin_abwesenheit', objectId: a.id, personId: r.userId, action: 'deactivate', purpose: 'Abwesenheit entfernen' });
    });
  },
});
