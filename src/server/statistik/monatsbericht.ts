import { statistikBerichtRepository } from '../../db/repositories/statistik-bericht.ts';
import { statistikRepository } from '../../db/repositories/statistik.ts';
import { ersterBerichtsmonat, monatsbericht as baueMonatsbericht, type Datenstand, type MonatsberichtDaten } from '../../domain/statistik/bericht.ts';
import { stichtagVon } from '../../domain/statistik/merkmale.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { bereichSchema, pruefeBereich, pruefeMonat } from './bereich.ts';

/**
 * Monatsbericht (docs/statistik.md, "Monatsbericht"): the figures of a Berichtsmonat for the Träger, a Kommune or a
 * Standort, read from the stored snapshot figures (statistik_werte) of m − 24 … m, with Δ Vormonat/Vorjahresmonat,
 * the Integrationen three months back, the Leistungen laut Bewilligungen and the booked payments of the month before
 * and the year to date, the quotes where a
 * Bezugsgröße is entered, breakdowns and the chart series. Aggregates only (no person data, no audit); real counts –
 * small cells are suppressed only in exports meant for publication.
 */
export const monatsbericht = defineUseCase({
  name: 'statistik.monatsbericht',
  zugang: 'statistik.lesen',
  input: bereichSchema,
  audit: [],
  run: async ({ ctx, actor, input }): Promise<MonatsberichtDaten> =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const region = await pruefeBereich(tx, actor, { ebene: input.ebene, region: input.region });
      const stichtagTag = await statistikBerichtRepository.stichtagTag(tx);
      const stichtag = stichtagVon(input.monat, stichtagTag);
      await pruefeMonat(tx, input.monat, stichtag, heute(ctx.clock.now()));
      const von = ersterBerichtsmonat(input.monat);
      const snapshots = await statistikBerichtRepository.snapshots(tx, von, input.monat);
      const stand = new Map<string, Datenstand>(snapshots.filter((s) => s.gebaut).map((s) => [s.monat, s.status === 'endgueltig' ? 'endgueltig' : 'vorlaeufig']));
      if (!stand.has(input.monat)) throw fehler('statistik_kein_snapshot');
      const werte = await statistikBerichtRepository.werte(tx, { von, bis: input.monat, ebene: input.ebene, region });
      const kommuneId = input.ebene === 'kommune' ? region : null;
      const bezug = {
        zivile_erwerbspersonen: input.ebene === 'standort' ? null : await statistikBerichtRepository.bezugsgroesse(tx, 'zivile_erwerbspersonen', kommuneId, input.monat),
        bevoelkerung_bis_altersgrenze: input.ebene === 'standort' ? null : await statistikBerichtRepository.bezugsgroesse(tx, 'bevoelkerung_bis_altersgrenze', kommuneId, input.monat),
      };
      const name = input.ebene === 'traeger' ? null : await statistikBerichtRepository.regionName(tx, input.ebene, region);
      return baueMonatsbericht({
        monat: input.monat,
        stichtag: snapshots.find((s) => s.monat === input.monat)?.stichtag ?? stichtag,
        ebene: input.ebene,
        region: { id: region || null, name: name ?? (input.ebene === 'traeger' ? actor.traegerName : '') },
        // a month without a built snapshot has no figures (a rebuilt month keeps its last complete figures)
        werte: (m) => (stand.has(m) ? (werte.get(m) ?? new Map<string, number>()) : undefined),
        datenstand: (m) => stand.get(m),
        bezugsgroesse: (art) => bezug[art],
        ersterDatenmonat: await statistikRepository.ersterDatenmonat(tx),
        stichtagTag,
      });
    }),
});
