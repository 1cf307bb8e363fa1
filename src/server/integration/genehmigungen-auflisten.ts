import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { teilnahmenRepository } from '../../db/repositories/teilnahmen.ts';
import { TITEL_TEXT } from '../../domain/foerdern/budget.ts';
import type { BudgetTitel } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { sichtbareStandorte } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';
import { kostenJeJahr } from './budget-bindung.ts';
import { presentTeilnahme, zweckTeilnahme } from './teilnahme-gemeinsam.ts';

/**
 * Zuweisungen over the free budget that wait for the Teamleitung (persons of the actor's Standorte), each with what
 * the decision needs: the budget Titel and per Haushaltsjahr the cost needed and the budget free now (Soll − bound −
 * paid, as the budget check computes it — here read without taking the budget locks).
 */
export const genehmigungenAuflisten = defineUseCase({
  name: 'integration.genehmigungen-auflisten',
  zugang: 'zuweisung.genehmigen',
  input: z.strictObject({}),
  audit: ['teilnahme.search'],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const zeilen = await teilnahmenRepository.wartenAufGenehmigung(tx, sichtbareStandorte(actor, 'zuweisung.genehmigen'));
      await recordAudit(tx, actor, {
        objectType: 'teilnahme',
        action: 'search',
        purpose: zweckTeilnahme(actor, 'Zuweisungen über dem freien Budget genehmigen'),
        details: { anzahl: zeilen.length, treffer: zeilen.map((zeile) => zeile.personId), ansicht: 'genehmigungen' },
      });
      const massnahmen = new Map<string, NonNullable<Awaited<ReturnType<typeof massnahmenRepository.find>>>>();
      for (const zeile of zeilen) {
        if (!massnahmen.has(zeile.massnahmeId)) {
          const m = await massnahmenRepository.find(tx, zeile.massnahmeId);
          if (m) massnahmen.set(zeile.massnahmeId, m);
        }
      }
      const freiCache = new Map<string, number>();
      const frei = async (titel: BudgetTitel, jahr: number) => {
        const key = `${titel}:${jahr}`;
        if (!freiCache.has(key)) {
          const soll = (await budgetRepository.findSoll(tx, jahr, titel))?.sollCent ?? 0;
          const v = (await budgetRepository.verbrauchJeJahr(tx, titel, [jahr])).get(jahr) ?? { gebundenCent: 0, ausgezahltCent: 0 };
          freiCache.set(key, soll - v.gebundenCent - v.ausgezahltCent);
        }
        return freiCache.get(key)!;
      };
      const liste = [];
      for (const zeile of zeilen) {
        const m = massnahmen.get(zeile.massnahmeId);
        const jahre = [];
        if (m) {
          for (const k of kostenJeJahr({ kostenJePlatzCent: m.kostenJePlatzCent, kostenart: m.kostenart, von: zeile.geplantVon, bis: zeile.geplantBis })) {
            if (k.betragCent > 0) jahre.push({ haushaltsjahr: k.haushaltsjahr, benoetigtCent: k.betragCent, freiCent: await frei(m.titel, k.haushaltsjahr) });
          }
        }
        liste.push({ ...presentTeilnahme(zeile), budget: m ? { titel: m.titel, titelText: TITEL_TEXT[m.titel], jahre } : null });
      }
      return liste;
    }),
});
