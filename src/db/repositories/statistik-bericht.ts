import { and, asc, between, eq, inArray, isNull, lte, desc, sql } from 'drizzle-orm';
import type { BezugsgroesseArt, Ebene, SnapshotStatus } from '../../domain/statistik/typen.ts';
import type { Tx } from '../client.ts';
import { kommunen, standorte, statistikBezugsgroessen, statistikEinstellungen, statistikSnapshots, statistikWerte } from '../schema/index.ts';

/**
 * Reads of the Monatsbericht (docs/statistik.md, "Monatsbericht"): the aggregated figures of statistik_werte for a
 * range of months of one Ebene/region, the snapshots' status, the Bezugsgrößen valid for a month and the settings.
 * The Träger comes from RLS (withTenant).
 */
export type SnapshotStand = { monat: string; stichtag: string; status: SnapshotStatus; gebaut: boolean };

export const statistikBerichtRepository = {
  /** kennung → wert per month for monat von … bis (inclusive) of one Ebene and region ('' = Träger). */
  async werte(tx: Tx, o: { von: string; bis: string; ebene: Ebene; region: string }): Promise<Map<string, Map<string, number>>> {
    const rows = await tx
      .select({ monat: statistikWerte.monat, kennung: statistikWerte.kennung, wert: statistikWerte.wert })
      .from(statistikWerte)
      .where(and(between(statistikWerte.monat, o.von, o.bis), eq(statistikWerte.ebene, o.ebene), eq(statistikWerte.region, o.region)));
    const out = new Map<string, Map<string, number>>();
    for (const r of rows) {
      let m = out.get(r.monat);
      if (!m) out.set(r.monat, (m = new Map()));
      m.set(r.kennung, Number(r.wert));
    }
    return out;
  },

  /**
   * Snapshots of the months von … bis. `gebaut`: its figures are complete (a first build still `im_aufbau` has
   * none; a rebuild keeps the previous build's figures until it writes the new ones in one transaction).
   */
  async snapshots(tx: Tx, von: string, bis: string): Promise<SnapshotStand[]> {
    const rows = await tx
      .select({ monat: statistikSnapshots.monat, stichtag: statistikSnapshots.stichtag, status: statistikSnapshots.status, gebautAm: statistikSnapshots.gebautAm })
      .from(statistikSnapshots)
      .where(between(statistikSnapshots.monat, von, bis))
      .orderBy(asc(statistikSnapshots.monat));
    return rows.map((r) => ({ monat: r.monat, stichtag: r.stichtag, status: r.status, gebaut: r.status !== 'im_aufbau' || r.gebautAm !== null }));
  },

  /** The latest month with a built snapshot (the pages' default month), NULL when there is none. */
  async letzterSnapshotMonat(tx: Tx): Promise<string | null> {
    const [row] = await tx
      .select({ monat: statistikSnapshots.monat })
      .from(statistikSnapshots)
      .where(sql`${statistikSnapshots.status} <> 'im_aufbau' or ${statistikSnapshots.gebautAm} is not null`)
      .orderBy(desc(statistikSnapshots.monat))
      .limit(1);
    return row?.monat ?? null;
  },

  /** The Bezugsgröße of an art valid for the Berichtsmonat (latest gueltig_ab_monat ≤ monat); kommuneId null = Träger. */
  async bezugsgroesse(tx: Tx, art: BezugsgroesseArt, kommuneId: string | null, monat: string): Promise<{ wert: number; gueltigAb: string } | null> {
    const [row] = await tx
      .select({ wert: statistikBezugsgroessen.wert, gueltigAb: statistikBezugsgroessen.gueltigAbMonat })
      .from(statistikBezugsgroessen)
      .where(
        and(
          eq(statistikBezugsgroessen.art, art),
          kommuneId === null ? isNull(statistikBezugsgroessen.kommuneId) : eq(statistikBezugsgroessen.kommuneId, kommuneId),
          lte(statistikBezugsgroessen.gueltigAbMonat, monat),
        ),
      )
      .orderBy(desc(statistikBezugsgroessen.gueltigAbMonat))
      .limit(1);
    return row ?? null;
  },

  /** The Träger's Stichtag setting (day of month; NULL = last day) – defaults when no settings row exists. */
  async stichtagTag(tx: Tx): Promise<number | null> {
    const [row] = await tx.select({ tag: statistikEinstellungen.stichtagTag }).from(statistikEinstellungen).limit(1);
    return row?.tag ?? null;
  },

  /** Name of a Kommune or Standort (for the report's heading). */
  async regionName(tx: Tx, ebene: Exclude<Ebene, 'traeger'>, id: string): Promise<string | null> {
    const t = ebene === 'kommune' ? kommunen : standorte;
    const [row] = await tx.select({ name: t.name }).from(t).where(eq(t.id, id)).limit(1);
    return row?.name ?? null;
  },

  /** Kommunen and Standorte for the region select (Standorte optionally restricted to ids). */
  async regionen(tx: Tx, standortIds?: readonly string[]): Promise<{ kommunen: { id: string; name: string }[]; standorte: { id: string; name: string; kommune: string }[] }> {
    const k = standortIds ? [] : await tx.select({ id: kommunen.id, name: kommunen.name }).from(kommunen).orderBy(asc(kommunen.name));
    const s =
      standortIds && standortIds.length === 0
        ? []
        : await tx
            .select({ id: standorte.id, name: standorte.name, kommune: kommunen.name })
            .from(standorte)
            .innerJoin(kommunen, and(eq(kommunen.traegerId, standorte.traegerId), eq(kommunen.id, standorte.kommuneId)))
            .where(standortIds ? inArray(standorte.id, [...standortIds]) : undefined)
            .orderBy(asc(standorte.name));
    return { kommunen: k, standorte: s };
  },
};
