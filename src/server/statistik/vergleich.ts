import { z } from 'zod';
import { vergleichRepository } from '../../db/repositories/vergleich.ts';
import { KENNZAHL_TEXT } from '../../domain/statistik/kennzahlen.ts';
import { platz, rangliste, RANKING_RICHTUNG, type Richtung } from '../../domain/statistik/ranking.ts';
import { KENNZAHLEN, type Kennzahl, type VergleichMarkierung } from '../../domain/statistik/typen.ts';
import { LAENDER } from '../../domain/statistik/vergleich-import.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { statistikKennzahlen } from './kennzahlen.ts';

/**
 * Vergleich mit allen Jobcentern (docs/statistik.md): the published value of a Kennzahl in a month for every Jobcenter,
 * ranked nationally, within the Vergleichstyp and within the Land ("Platz x von n"), with the Träger's own published
 * value beside its live value (the use case 'statistik.kennzahlen'). Public aggregates; no audit event.
 * Without `monat`: the newest month with published values of the Kennzahl.
 */

export type Platz = { rang: number; n: number } | null;

export type VergleichZeileAntwort = {
  rang: number | null;
  schluessel: string;
  name: string | null;
  land: string | null;
  landName: string | null;
  vergleichstyp: string | null;
  traegerTyp: string | null;
  wert: number | null;
  markierung: VergleichMarkierung | null;
  eigener: boolean;
  fiktiv: boolean;
};

export type VergleichAntwort = {
  kennzahl: Kennzahl;
  kennzahlName: string;
  richtung: Richtung;
  monat: string | null;
  /** months with published values of this Kennzahl, newest first */
  monate: string[];
  /** some value of the month comes from a file marked as fictional */
  fiktiv: boolean;
  /** Jobcenter with a value (the n of the national ranking) */
  n: number;
  eigener: {
    schluessel: string;
    name: string;
    land: string;
    landName: string | null;
    vergleichstyp: string | null;
    wert: number | null;
    markierung: VergleichMarkierung | null;
    national: Platz;
    imVergleichstyp: Platz;
    imLand: Platz;
  } | null;
  /** the Träger's own value computed live from its snapshots (same Kennzahl and month); `grund` when there is none */
  live: { wert: number | null; grund: string | null };
  zeilen: VergleichZeileAntwort[];
};

export const vergleichInput = z.object({
  kennzahl: z.enum(KENNZAHLEN).default('K2').or(z.literal('').transform((): Kennzahl => 'K2')),
  monat: kalendermonat().optional().or(z.literal('').transform(() => undefined)),
});

export const statistikVergleich = defineUseCase({
  name: 'statistik.vergleich',
  zugang: 'statistik.lesen',
  input: vergleichInput,
  audit: [],
  run: async ({ ctx, actor, input }): Promise<VergleichAntwort> => {
    const kennzahl = input.kennzahl;
    const richtung = RANKING_RICHTUNG[kennzahl];
    const basis = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const monate = await vergleichRepository.monate(tx, kennzahl);
      const monat = input.monat ?? monate[0] ?? null;
      const werte = monat ? await vergleichRepository.werte(tx, kennzahl, monat) : [];
      const eigenerJc = await vergleichRepository.eigener(tx);
      return { monate, monat, werte, eigenerJc };
    });
    const { monate, monat, werte, eigenerJc } = basis;
    const national = rangliste(werte, kennzahl, richtung);
    const rangVon = new Map(national.map((r) => [r.schluessel, r.rang]));
    const zeilen: VergleichZeileAntwort[] = werte
      .map((w) => ({
        rang: rangVon.get(w.schluessel) ?? null,
        schluessel: w.schluessel,
        name: w.name,
        land: w.land,
        landName: w.land ? (LAENDER[w.land] ?? w.land) : null,
        vergleichstyp: w.vergleichstyp,
        traegerTyp: w.traegerTyp,
        wert: w.wert,
        markierung: w.markierung,
        eigener: w.eigener,
        fiktiv: w.fiktiv,
      }))
      .sort((a, b) => (a.rang ?? Infinity) - (b.rang ?? Infinity) || a.schluessel.localeCompare(b.schluessel));

    let eigener: VergleichAntwort['eigener'] = null;
    if (eigenerJc) {
      const w = werte.find((x) => x.schluessel === eigenerJc.schluessel);
      const gruppe = (f: (x: (typeof werte)[number]) => boolean) => platz(werte.filter(f), kennzahl, eigenerJc.schluessel, richtung);
      eigener = {
        schluessel: eigenerJc.schluessel,
        name: eigenerJc.name,
        land: eigenerJc.land,
        landName: LAENDER[eigenerJc.land] ?? null,
        vergleichstyp: eigenerJc.vergleichstyp,
        wert: w?.wert ?? null,
        markierung: w?.markierung ?? null,
        national: platz(werte, kennzahl, eigenerJc.schluessel, richtung),
        imVergleichstyp: eigenerJc.vergleichstyp ? gruppe((x) => x.vergleichstyp === eigenerJc.vergleichstyp) : null,
        imLand: gruppe((x) => x.land === eigenerJc.land),
      };
    }

    // the own live value: the Kennzahlen engine on the Träger's snapshots of the same month
    let live: VergleichAntwort['live'] = { wert: null, grund: 'Für diesen Monat gibt es keine veröffentlichten Werte.' };
    if (monat) {
      try {
        const k = await statistikKennzahlen.execute({ ctx, actor, input: { monat, ebene: 'traeger' } });
        const v = k.ergebnis.kennzahlen[kennzahl];
        live = v ? { wert: v.wert, grund: null } : { wert: null, grund: 'Der Wert ist für diesen Monat nicht bestimmbar (Nenner 0 oder fehlende Monate).' };
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        live = { wert: null, grund: err.message };
      }
    }

    return {
      kennzahl,
      kennzahlName: KENNZAHL_TEXT[kennzahl].name,
      richtung,
      monat,
      monate,
      fiktiv: werte.some((w) => w.fiktiv),
      n: national.length,
      eigener,
      live,
      zeilen,
    };
  },
});
