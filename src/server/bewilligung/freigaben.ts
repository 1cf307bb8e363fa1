import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { visibleStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { presentBewilligung } from './darstellung.ts';

/** The approval queue of teamleitung: drafts waiting for a second person, within the caller's Standorte. */
export const freigabenListen = defineUseCase({
  name: 'bewilligung.freigaben-listen',
  zugang: 'bewilligung.freigeben',
  input: z.object({}),
  audit: ['bewilligung.search'],
  run: async ({ ctx, actor }) =>
  ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await bewilligungRepository.freigabeErforderlich(tx, visibleStandorte(actor, 'bewilligung.freigeben'));
    await recordAudit(tx, actor, { objectType: 'bewilligung', action: 'search', purpose: 'Teamleitung: Freigaben prüfen', details: { anzahl: rows.length } });
    return rows.map((r) => ({ ...presentBewilligung(r.b), fallnummer: r.fallnummer, eigene: r.b.createdBy === actor.userId }));
  }),
});
