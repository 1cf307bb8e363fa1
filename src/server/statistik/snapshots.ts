import { z } from 'zod';
import { statistikRepository } from '../../db/repositories/statistik.ts';
import { statistikSnapshotRepository } from '../../db/repositories/statistik-snapshot.ts';
import { statistikKennzahlenRepository } from '../../db/repositories/statistik-kennzahlen.ts';
import { plusMonate } from '../../domain/statistik/kennzahlen.ts';
import { datenstand, stichtagVon } from '../../domain/statistik/merkmale.ts';
import type { SnapshotStatus } from '../../domain/statistik/typen.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { reichweite } from '../policies.ts';
import { defineUseCase } from '../use-case.ts';

export type SnapshotUebersichtZeile = {
  monat: string;
  stichtag: string;
  /** null: not built yet */
  status: SnapshotStatus | null;
  /** what the data stand is (or will be) by the Wartezeit */
  datenstand: 'vorlaeufig' | 'endgueltig';
  lauf: number | null;
  gebautAm: string | null;
  /** persons in the counted BGs of the Träger (statistik_werte `personen`, as the Monatsbericht); null: not built or not visible */
  personen: number | null;
  /** Bedarfsgemeinschaften of the Träger (statistik_werte `bg`: BGs with an eLb or NEF receiving, as the Monatsbericht) */
  bg: number | null;
  dauerMs: number | null;
};

/**
 * "Stand der Daten" (docs/statistik.md, "Monats-Snapshots"): every month from the Träger's first data up to the last
 * month whose Stichtag has passed, newest first, with the snapshot's status (vorläufig/endgültig/im Aufbau or not
 * built), build number, time and counts. The counts are the report's (statistik_werte `bg`/`personen` of the Träger),
 * not the build log's row counts; an actor with Standort reach (teamleitung) sees no Träger-wide counts
 * (`zahlenSichtbar` false, counts null) – only status and dates. Aggregated metadata only.
 */
export const statistikSnapshots = defineUseCase({
  name: 'statistik.snapshots',
  zugang: 'statistik.lesen',
  input: z.object({}).passthrough(),
  audit: [],
  run: async ({ ctx, actor }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const tag = heute(ctx.clock.now());
      const erster = await statistikRepository.ersterDatenmonat(tx);
      const { stichtagTag } = await statistikSnapshotRepository.einstellungen(tx);
      const gebaut = new Map((await statistikSnapshotRepository.liste(tx)).map((s) => [s.monat, s]));
      const zahlenSichtbar = reichweite(actor, 'statistik.lesen') === 'traeger';
      const bestand = zahlenSichtbar ? await statistikKennzahlenRepository.traegerBestand(tx) : new Map<string, { bg: number | null; personen: number | null }>();
      const monate: SnapshotUebersichtZeile[] = [];
      const letzter = [...gebaut.keys()].sort().at(-1);
      const bis = (m: string) => stichtagVon(m, stichtagTag) <= tag || (letzter !== undefined && m <= letzter);
      const start = erster ?? [...gebaut.keys()].sort()[0];
      if (start) {
        for (let m = start; bis(m); m = plusMonate(m, 1)) {
          const s = gebaut.get(m);
          monate.push({
            monat: m,
            stichtag: s?.stichtag ?? stichtagVon(m, stichtagTag),
            status: s?.status ?? null,
            datenstand: datenstand(m, stichtagTag, tag),
            lauf: s?.lauf ?? null,
            gebautAm: s?.gebautAm ? new Date(s.gebautAm).toISOString() : null,
            personen: s && s.gebautAm ? (bestand.get(m)?.personen ?? (zahlenSichtbar ? 0 : null)) : null,
            bg: s && s.gebautAm ? (bestand.get(m)?.bg ?? (zahlenSichtbar ? 0 : null)) : null,
            dauerMs: s?.protokoll?.dauerMs ?? null,
          });
        }
      }
      return { heute: tag, ersterDatenmonat: erster, zahlenSichtbar, monate: monate.toReversed() };
    }),
});
