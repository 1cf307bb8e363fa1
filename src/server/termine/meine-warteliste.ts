import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { defineUseCase } from '../use-case.ts';

/** A signed-in citizen's own Warteliste entries (`termine.eigene`; other accounts have none). */
export const meineWarteliste = defineUseCase({
  name: 'termine.meine-warteliste',
  zugang: 'termine.eigene',
  input: z.object({}),
  audit: ['warteliste_eintrag.read'],
  run: async ({ ctx, actor }) => {
    if (actor.art !== 'buerger') return [];
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const eintraege = await termineRepository.eintraegeVonBuerger(tx, actor.userId);
      if (eintraege.length) await recordAudit(tx, actor, { objectType: 'warteliste_eintrag', personId: actor.userId, action: 'read', purpose: 'Eigene Einträge auf der Warteliste ansehen' });
      const daten = await termineRepository.stammdaten(tx);
      return eintraege.map((e) => {
        const a = daten.anliegen.find((x) => x.id === e.anliegenId);
        return { ...e, anliegenName: a?.name ?? '', anliegenSchluessel: a?.schluessel ?? '' };
      });
    });
  },
});
