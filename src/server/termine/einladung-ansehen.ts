import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { betreuungRepository } from '../../db/repositories/betreuung.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { can, standortErreichbar } from '../policies.ts';
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
      // the invited person of the Fallakte (name + link to the Integrationsakte) when the actor may read the Fallakte
      const p = e.personId ? await betreuungRepository.personKontext(tx, e.personId, heute(ctx.clock.now())) : undefined;
      const person = p && can(actor, 'fall.lesen') && standortErreichbar(actor, 'fall.lesen', p.standortId) ? { personId: p.personId, bgId: p.bgId, name: `${p.vorname} ${p.nachname}` } : null;
      return { einladung: e, termin: t, person };
    }),
});
