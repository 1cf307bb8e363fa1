import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { instantAus, lokalesDatum } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound } from '../errors.ts';
import { ganzzahl, leerAlsFehlend } from '../schemas/formular.ts';
import { kalenderdatum, text } from '../schemas/grenzen.ts';
import { standortErreichbar } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';

const TAG = 86_400_000;

export const kalenderEingabe = z.object({
  ansicht: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['person', 'team', 'standort']).default('person')),
  /** first day shown; default today (the application's clock) */
  datum: leerAlsFehlend(kalenderdatum()),
  tage: z.preprocess((v) => (v === '' ? undefined : v), ganzzahl('Bitte einen Zeitraum von 1 bis 7 Tagen angeben.', 1, 7).default(1)),
  ressourceId: leerAlsFehlend(kennung()),
  standortId: leerAlsFehlend(kennung()),
  team: leerAlsFehlend(text(100)),
});

/**
 * Calendar of one person (own desk or a given Ressource), a team (Ressourcen with the team label) or a Standort,
 * for one day or a week from `datum`, with status, check-in and the Einladung of each appointment (one query).
 */
export const kalenderAnsehen = defineUseCase({
  name: 'termine.kalender-ansehen',
  zugang: 'termine.bearbeiten',
  input: kalenderEingabe,
  audit: ['terminkalender.read'],
  run: async ({ ctx, actor, input }) => {
    const datum = input.datum ?? lokalesDatum(ctx.clock.now());
    const von = new Date(instantAus(datum, 0));
    const erlaubt = (standortId: string) => standortErreichbar(actor, 'termine.bearbeiten', standortId);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const daten = await termineRepository.stammdaten(tx);
      let ressourcen = daten.ressourcen.filter((r) => erlaubt(r.standortId));
      if (input.ansicht === 'person') ressourcen = ressourcen.filter((r) => (input.ressourceId ? r.id === input.ressourceId : r.userId === actor.userId));
      if (input.ansicht === 'team') ressourcen = ressourcen.filter((r) => r.team === (input.team ?? null) || (input.team === undefined && r.standortId === input.standortId));
      if (input.ansicht === 'standort') {
        if (!input.standortId || !erlaubt(input.standortId)) throw notFound('Der Standort');
        ressourcen = ressourcen.filter((r) => r.standortId === input.standortId);
      }
      const termine = await termineRepository.termineImZeitraum(tx, { von, bis: new Date(von.getTime() + input.tage * TAG), ressourceIds: ressourcen.map((r) => r.id) });
      const einladungen = await termineRepository.einladungenZuTerminen(tx, termine.filter((t) => t.art === 'einladung').map((t) => t.id));
      await recordAudit(tx, actor, { objectType: 'terminkalender', action: 'read', purpose: 'Terminkalender ansehen', details: { ansicht: input.ansicht, anzahl: termine.length } });
      return {
        ansicht: input.ansicht,
        datum,
        tage: input.tage,
        ressourcen: ressourcen.map((r) => ({ id: r.id, name: r.name, standortId: r.standortId })),
        termine: termine.map((t) => ({ ...t, einladungId: einladungen.get(t.id) ?? null })),
        anliegen: daten.anliegen,
      };
    });
  },
});
