import { bescheidRepository } from '../../db/repositories/bescheide.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { text } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { can } from '../policies.ts';
import { presentBewilligung } from './darstellung.ts';

/** Bewilligungen (with months of the latest ones) and Bescheide of a BG; audited as a read of benefit data. */
export const bewilligungenListen = defineUseCase({
  name: 'bewilligung.listen',
  zugang: 'angemeldet',
  input: z.object({ id: text(100).describe('ID der Bedarfsgemeinschaft') }),
  audit: ['bewilligung.read'],
  run: async ({ ctx, actor, input }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, input.id, 'bewilligung.lesen');
    const liste = await bewilligungRepository.listByBg(tx, bg.id);
    const bewilligungen = [];
    for (const b of liste) {
      const zeigeMonate = b.status !== 'ersetzt';
      bewilligungen.push(presentBewilligung(b, zeigeMonate ? await bewilligungRepository.monate(tx, b.id) : undefined));
    }
    const bescheide = (await bescheidRepository.listByBg(tx, bg.id)).map((x) => ({ ...x, createdAt: x.createdAt.toISOString() }));
    const erstattungen = can(actor, 'bewilligung.bearbeiten')
      ? (await bewilligungRepository.erstattungenByBg(tx, bg.id)).map((e) => ({
          id: e.id,
          betragCent: e.betragCent,
          offenCent: e.offenCent ?? e.betragCent,
          status: e.status,
          norm: e.norm,
          createdAt: e.createdAt.toISOString(),
        }))
      : [];
    await recordAudit(tx, actor, {
      objectType: 'bewilligung',
      objectId: bg.id,
      action: 'read',
      purpose: actor.roles.includes('leistung') ? 'Leistungssachbearbeitung: Bewilligungen einsehen' : 'Bewilligungen einsehen',
      details: { anzahl: liste.length },
    });
    return { bgId: bg.id, fallnummer: bg.fallnummer, version: bg.version, bewilligungen, bescheide, erstattungen };
  }),
});
