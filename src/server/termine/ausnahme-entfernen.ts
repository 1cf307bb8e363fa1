import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { eigeneRessource } from './ressourcen-zugriff.ts';

/** Removes one exception of a desk (the Teamleitung, or the desk's own person). */
export const ausnahmeEntfernen = defineUseCase({
  name: 'termine.ausnahme-entfernen',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z.object({ id: kennung() }),
  audit: ['termin_ausnahme.deactivate'],
  run: async ({ ctx, actor, input }) => {
    if (!/^[0-9a-f-]{36}$/i.test(input.id)) throw notFound('Die Ausnahme');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const a = await termineRepository.findAusnahme(tx, input.id);
      if (!a) throw notFound('Die Ausnahme');
      await eigeneRessource(actor, tx, a.ressourceId);
      await termineRepository.deleteAusnahme(tx, a.id);
      await recordAudit(tx, actor, { objectType: 'termin_ausnahme', objectId: a.id, action: 'deactivate', purpose: 'Ausnahme der Sprechzeiten entfernen', details: { datum: a.datum } });
    });
  },
});
