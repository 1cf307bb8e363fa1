import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BezugsgroesseArt } from '../../domain/statistik/typen.ts';
import type { Tx } from '../client.ts';
import { kommunen, statistikBezugsgroessen, statistikEinstellungen } from '../schema/index.ts';

/**
 * Statistik settings of the Träger (docs/statistik.md, "Einstellungen und Bezugsgrößen"): Stichtag, Land (for the
 * Bundesbeteiligung an den KdU) and the limit of small counts in published exports; and the versioned Bezugsgrößen of
 * the Quoten. The Träger comes from RLS (withTenant).
 */

/** The settings as the reports use them; defaults when the Träger never saved them (`version` 0). */
export type StatistikEinstellungen = {
  stichtagTag: number | null;
  land: string | null;
  kleinzahlGrenze: number;
  version: number;
  updatedAt: Date | null;
};

/** Default limit of small counts: the column default of statistik_einstellungen.kleinzahl_grenze. */
const KLEINZAHL_STANDARD = 3;

export type BezugsgroesseEintrag = {
  id: string;
  art: BezugsgroesseArt;
  kommuneId: string | null;
  kommune: string | null;
  gueltigAbMonat: string;
  wert: number;
  quelle: string;
  createdAt: Date;
};

export const statistikEinstellungenRepository = {
  /** The Träger's settings, or the defaults (version 0) when there is no row yet. */
  async lesen(tx: Tx): Promise<StatistikEinstellungen> {
    const [r] = await tx
      .select({
        stichtagTag: statistikEinstellungen.stichtagTag,
        land: statistikEinstellungen.land,
        kleinzahlGrenze: statistikEinstellungen.kleinzahlGrenze,
        version: statistikEinstellungen.version,
        updatedAt: statistikEinstellungen.updatedAt,
      })
      .from(statistikEinstellungen)
      .limit(1);
    return r ?? { stichtagTag: null, land: null, kleinzahlGrenze: KLEINZAHL_STANDARD, version: 0, updatedAt: null };
  },

  /** First save: undefined when a row exists already (then the caller's version 0 is stale). */
  async anlegen(tx: Tx, traegerId: string, werte: { stichtagTag: number | null; land: string | null; kleinzahlGrenze: number }) {
    const [r] = await tx
      .insert(statistikEinstellungen)
      .values({ traegerId, ...werte })
      .onConflictDoNothing()
      .returning({ version: statistikEinstellungen.version });
    return r;
  },

  /** Optimistic locking: undefined when `version` is no longer current. */
  async aendern(tx: Tx, version: number, werte: { stichtagTag: number | null; land: string | null; kleinzahlGrenze: number }) {
    const [r] = await tx
      .update(statistikEinstellungen)
      .set({ ...werte, version: sql`${statistikEinstellungen.version} + 1`, updatedAt: new Date() })
      .where(eq(statistikEinstellungen.version, version))
      .returning({ version: statistikEinstellungen.version });
    return r;
  },

  /** All Bezugsgrößen: by art, Träger before the Kommunen (by name), newest validity first. */
  async bezugsgroessen(tx: Tx): Promise<BezugsgroesseEintrag[]> {
    const rows = await tx
      .select({
        id: statistikBezugsgroessen.id,
        art: statistikBezugsgroessen.art,
        kommuneId: statistikBezugsgroessen.kommuneId,
        kommune: kommunen.name,
        gueltigAbMonat: statistikBezugsgroessen.gueltigAbMonat,
        wert: statistikBezugsgroessen.wert,
        quelle: statistikBezugsgroessen.quelle,
        createdAt: statistikBezugsgroessen.createdAt,
      })
      .from(statistikBezugsgroessen)
      .leftJoin(kommunen, and(eq(kommunen.traegerId, statistikBezugsgroessen.traegerId), eq(kommunen.id, statistikBezugsgroessen.kommuneId)))
      .orderBy(asc(statistikBezugsgroessen.art), sql`${statistikBezugsgroessen.kommuneId} is not null`, asc(kommunen.name), desc(statistikBezugsgroessen.gueltigAbMonat));
    return rows;
  },

  /** A new Bezugsgröße; null when one of the same art, region and month exists (unique constraint). */
  async bezugsgroesseAnlegen(
    tx: Tx,
    row: { traegerId: string; art: BezugsgroesseArt; kommuneId: string | null; gueltigAbMonat: string; wert: number; quelle: string; createdBy: string },
  ): Promise<{ id: string } | null> {
    // the unique constraint (art, region, month; NULLS NOT DISTINCT) decides: nothing inserted = a duplicate
    const [r] = await tx.insert(statistikBezugsgroessen).values(row).onConflictDoNothing().returning({ id: statistikBezugsgroessen.id });
    return r ?? null;
  },
};
