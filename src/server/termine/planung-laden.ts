import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { lokalesDatum } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { can, standortErreichbar } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { ressourcenZugriff } from './ressourcen-zugriff.ts';

/**
 * Planning by the Teamleitung (issue 6): everything the planning page shows – the desks the actor maintains with
 * their upcoming exceptions and absences, and the Standorte in reach of `termine.planen`.
 */
export const planungLaden = defineUseCase({
  name: 'termine.planung-laden',
  zugang: ['termine.eigenerKalender', 'termine.planen'],
  input: z.object({}),
  audit: ['termin_abwesenheit.read'],
  run: async ({ ctx, actor }) => {
    const jetzt = ctx.clock.now();
    const leitung = can(actor, 'termine.planen');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      const ressourcen = daten.ressourcen.filter((r) => ressourcenZugriff(actor, r) === 'pflegen');
      const ids = ressourcen.map((r) => r.id);
      const ausnahmen = await termineRepository.ausnahmenAb(tx, ids, lokalesDatum(jetzt));
      const abwesenheiten = await termineRepository.abwesenheitenAb(tx, ids, jetzt);
      if (abwesenheiten.length) await recordAudit(tx, actor, { objectType: 'termin_abwesenheit', action: 'read', purpose: 'Abwesenheiten für die Terminplanung ansehen', details: { anzahl: abwesenheiten.length } });
      const standorte = daten.standorte.filter((s) => standortErreichbar(actor, 'termine.planen', s.id) && ressourcen.some((r) => r.standortId === s.id));
      return { leitung, heute: lokalesDatum(jetzt), standorte: standorte.map((s) => ({ id: s.id, name: s.name })), ressourcen, ausnahmen, abwesenheiten };
    });
  },
});
