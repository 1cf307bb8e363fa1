import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { darfSehen } from './gemeinsam.ts';

/** An Einladung with its text and outcome (staff of the appointment's Standort; otherwise 404). */
export const einladungAnsehen = defineUseCase({
  name: 'termine.einladung-ansehen',
  zugang: 'termine.bearbeiten',
  input: z.object({ id: kennung() }),
  audit: ['einladung.read'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const e = await termineRepository.findEinladung(tx, input.id);
      const t = e && (await termineRepository.findTermin(tx, e.terminId));
      if (!e || !t || !darfSehen(actor, t)) throw notFound('Die Einladung');
      await recordAudit(tx, actor, { objectType: 'einladung', objectId: e.id, personId: e.personId, action: 'read', purpose: 'Einladung ansehen' });
      return { einladung: e, termin: t };
    }),
});
