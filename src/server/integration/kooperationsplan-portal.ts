import { z } from 'zod';
import { kooperationsplanRepository } from '../../db/repositories/kooperationsplan.ts';
import { regimeAm } from '../../domain/foerdern/kooperationsplan.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { defineUseCase } from '../use-case.ts';
import { bgsDesBuergers, planAnsicht } from './kooperationsplan-gemeinsam.ts';

/**
 * Bürgerportal "Mein Kooperationsplan": the plan in force for each person of the citizen's BG (own account or as
 * representative), with a running Schlichtung and the proofs already sent; whether a Schlichtung can be asked for
 * today (only until 30.6.2026). Audited.
 */
export const kooperationsplanPortal = defineUseCase({
  name: 'integration.kooperationsplan-portal',
  zugang: 'portal.nutzen',
  input: z.object({ fuer: z.string().max(40).optional() }),
  audit: ['kooperationsplan.read'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'lesen', tag);
      const bgIds = await bgsDesBuergers(tx, zugriff.buergerId);
      const plaene = [];
      for (const p of await kooperationsplanRepository.geltendeDerBgs(tx, bgIds)) {
        const person = await kooperationsplanRepository.personImFall(tx, p.personId, tag);
        const schlichtung = (await kooperationsplanRepository.schlichtungenDerPerson(tx, p.personId)).find((s) => s.kooperationsplanId === p.id && s.ergebnis === 'laufend' && s.ende >= tag);
        const nachweise = (await kooperationsplanRepository.nachweiseZumPlan(tx, p.id)).map((n) => ({ id: n.id, monat: n.monat, anzahl: n.anzahl }));
        plaene.push({ ...planAnsicht(p), name: `${person?.vorname ?? ''} ${person?.nachname ?? ''}`.trim(), schlichtungBis: schlichtung?.ende ?? null, nachweise });
        await recordAudit(tx, actor, { objectType: 'kooperationsplan', objectId: p.id, personId: p.personId, action: 'read', purpose: 'Bürgerportal: Kooperationsplan ansehen', details: { als: zugriff.als } });
      }
      return { buergerId: zugriff.buergerId, als: zugriff.als, heute: tag, schlichtungMoeglich: regimeAm(tag).wert.schlichtung, plaene };
    });
  },
});
