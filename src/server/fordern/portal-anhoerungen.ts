import { z } from 'zod';
import { fordernAnhoerungRepository } from '../../db/repositories/fordern-anhoerung.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { bgsDesBuergers } from '../integration/kooperationsplan-gemeinsam.ts';
import { pruefeZugriff } from '../portal/zugriff.ts';
import { defineUseCase } from '../use-case.ts';
import { kurzansicht, nameDerPerson } from './portal-anhoerung-gemeinsam.ts';

/**
 * Bürgerportal: the Anhörungen of the citizen's BG (own account or as representative, `fuer`), open ones first — for
 * the start page card "Anhörung: bitte antworten bis …" and the list.
 */
export const portalAnhoerungen = defineUseCase({
  name: 'portal.anhoerungen',
  zugang: 'portal.nutzen',
  input: z.object({ fuer: z.string().max(40).optional() }),
  audit: ['minderungsverfahren.search'],
  run: async ({ ctx, actor, input }) => {
    const tag = heute(ctx.clock.now());
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zugriff = await pruefeZugriff(tx, actor, input.fuer || actor.userId, 'lesen', tag);
      const bgIds = await bgsDesBuergers(tx, zugriff.buergerId);
      const anhoerungen = [];
      for (const v of await fordernAnhoerungRepository.anhoerungenDerBgs(tx, bgIds)) anhoerungen.push(kurzansicht(v, await nameDerPerson(tx, v.personId, tag)));
      anhoerungen.sort((a, b) => Number(b.status === 'offen') - Number(a.status === 'offen'));
      if (anhoerungen.length) {
        await recordAudit(tx, actor, { objectType: 'minderungsverfahren', objectId: zugriff.buergerId, action: 'search', purpose: 'Bürgerportal: Anhörungen auflisten', details: { als: zugriff.als, anzahl: anhoerungen.length } });
      }
      return { buergerId: zugriff.buergerId, als: zugriff.als, anhoerungen };
    });
  },
});
