import { z } from 'zod';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { TITEL_TEXT, uebersicht } from '../../domain/foerdern/budget.ts';
import { INSTRUMENT_TEXT } from '../../domain/foerdern/instrumente.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { ganzzahl, leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';

/** A row with nothing bound and nothing paid (e.g. all its bindings released) says nothing: left out. */
const mitBetrag = (x: { gebundenCent: number; ausgezahltCent: number }) => x.gebundenCent !== 0 || x.ausgezahltCent !== 0;

export type BudgetUebersicht = Awaited<ReturnType<typeof budgetUebersicht.run>>;

/**
 * The Eingliederungsbudget of a Haushaltsjahr (default: the current one): Soll / gebunden / ausgezahlt / frei per
 * Titel, what is bound and paid per instrument and per Standort, and the Verpflichtungen for later years. Sums
 * only — no person, no Teilnahme — so controlling may read it (`budget.lesen`, aggregate).
 */
export const budgetUebersicht = defineUseCase({
  name: 'integration.budget-uebersicht',
  zugang: 'budget.lesen',
  input: z.object({ jahr: leerAlsFehlend(ganzzahl('Bitte ein Haushaltsjahr zwischen 2000 und 2100 angeben.', 2000, 2100)).describe('Haushaltsjahr (Standard: laufendes Jahr)') }),
  audit: [],
  run: async ({ ctx, actor, input }) => {
    const laufend = Number(heute(ctx.clock.now()).slice(0, 4));
    const jahr = input.jahr ?? laufend;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const soll = await budgetRepository.sollListe(tx);
      const bindungen = await budgetRepository.bindungenAggregiert(tx);
      const namen = new Map((await budgetRepository.standortNamen(tx)).map((s) => [s.id, s.name]));
      const u = uebersicht({ jahr, jahre: [jahr], soll, bindungen });
      return {
        jahr,
        laufendesJahr: laufend,
        jeTitel: u.jeTitel.filter((x) => x.sollCent !== null || mitBetrag(x)).map((x) => ({ ...x, titelText: TITEL_TEXT[x.titel] })),
        jeInstrument: u.jeInstrument.filter(mitBetrag).map((x) => ({ haushaltsjahr: x.haushaltsjahr, titel: x.titel, instrument: x.instrument, instrumentText: `${INSTRUMENT_TEXT[x.instrument].bezeichnung} (${INSTRUMENT_TEXT[x.instrument].norm})`, gebundenCent: x.gebundenCent, ausgezahltCent: x.ausgezahltCent })),
        jeStandort: u.jeStandort.filter(mitBetrag).map((x) => ({ haushaltsjahr: x.haushaltsjahr, titel: x.titel, standortId: x.standortId, standort: namen.get(x.standortId) ?? 'unbekannt', gebundenCent: x.gebundenCent, ausgezahltCent: x.ausgezahltCent })),
        verpflichtungen: u.verpflichtungen.map((v) => ({ ...v, titelText: TITEL_TEXT[v.titel] })),
        soll: soll.map((s) => ({ haushaltsjahr: s.haushaltsjahr, titel: s.titel, titelText: TITEL_TEXT[s.titel], sollCent: s.sollCent, bemerkung: s.bemerkung, version: s.version })),
      };
    });
  },
});
