import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed, type FieldIssue } from '../errors.ts';
import { standortErreichbar } from '../policies.ts';
import { defineUseCase, zodIssues } from '../use-case.ts';
import { ausnahmeFelder, kennung, mitAusnahmeRegeln } from './eingaben.ts';

const standortAusnahmeEingabe = mitAusnahmeRegeln(z.object({ standortId: kennung(), ...ausnahmeFelder }));

/** The field issues of a Standort's exception (empty: valid), German messages tied to the fields. */
export function pruefeAusnahme(input: Record<string, unknown>): FieldIssue[] {
  const r = standortAusnahmeEingabe.safeParse(input);
  return r.success ? [] : zodIssues(r.error);
}

/** Closed day (or hours) or extra hours for a whole Standort: one Ausnahme on each active desk there. */
export const standortAusnahmeHinzufuegen = defineUseCase({
  name: 'termine.standort-ausnahme-hinzufuegen',
  zugang: 'termine.planen',
  input: standortAusnahmeEingabe,
  audit: ['standort.update'],
  run: async ({ ctx, actor, input }) => {
    if (!standortErreichbar(actor, 'termine.planen', input.standortId)) throw notFound('Der Standort');
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      const ressourcen = daten.ressourcen.filter((r) => r.standortId === input.standortId);
      if (ressourcen.length === 0) throw validationFailed([{ path: 'standortId', code: 'empty', message: 'An diesem Standort gibt es keine buchbaren Plätze.' }]);
      for (const r of ressourcen) {
        await termineRepository.insertAusnahme(tx, { traegerId: actor.traegerId, ressourceId: r.id, art: input.art, datum: input.datum, von: input.von ?? null, bis: input.bis ?? null, grund: input.grund ?? null });
      }
      await recordAudit(tx, actor, { objectType: 'standort', objectId: input.standortId, action: 'update', purpose: 'Ausnahme der Sprechzeiten eines Standorts eintragen', details: { art: input.art, datum: input.datum, plaetze: ressourcen.length } });
      return ressourcen.length;
    });
  },
});
