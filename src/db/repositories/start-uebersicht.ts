import { and, eq, gte, inArray, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../client.ts';
import { antraege, bedarfsgemeinschaften, bewilligungen, minderungsverfahren, termine, wiedervorlagen } from '../schema/index.ts';

/** Standorte a count is limited to: 'alle' (Träger-wide) or a list (empty = nothing). */
export type Standorte = 'alle' | string[];

function imStandort(col: AnyPgColumn, s: Standorte): SQL | undefined {
  if (s === 'alle') return undefined;
  return s.length ? inArray(col, s) : sql`false`;
}

/** Counts for the staff start page. Only numbers, no personal data. */
export const startUebersichtRepository = {
  /** Bewilligungen waiting for the second person (Vier-Augen-Prinzip). */
  async freigabenOffen(tx: Tx, s: Standorte): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(bewilligungen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bewilligungen.traegerId), eq(bedarfsgemeinschaften.id, bewilligungen.bgId)))
      .where(and(eq(bewilligungen.status, 'freigabe_erforderlich'), imStandort(bedarfsgemeinschaften.standortId, s)));
    return r?.n ?? 0;
  },
  /** Minderungsbescheide waiting for the second person (Fordern, Vier-Augen-Prinzip). */
  async minderungenZurFreigabe(tx: Tx, s: Standorte): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(minderungsverfahren)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, minderungsverfahren.traegerId), eq(bedarfsgemeinschaften.id, minderungsverfahren.bgId)))
      .where(and(eq(minderungsverfahren.status, 'freigabe_erforderlich'), imStandort(bedarfsgemeinschaften.standortId, s)));
    return r?.n ?? 0;
  },
  /** Appointments (not cancelled) beginning in [von, bis), per Standort. */
  async termineJeStandort(tx: Tx, f: { von: Date; bis: Date; standorte: Standorte }): Promise<{ standortId: string; anzahl: number }[]> {
    return tx
      .select({ standortId: termine.standortId, anzahl: sql<number>`count(*)::int` })
      .from(termine)
      .where(and(gte(termine.beginn, f.von), lt(termine.beginn, f.bis), ne(termine.status, 'abgesagt'), imStandort(termine.standortId, f.standorte)))
      .groupBy(termine.standortId);
  },
  /** Open Wiedervorlagen due today and overdue (due before today). */
  async wiedervorlagenFaellig(tx: Tx, f: { heute: string; standorte: Standorte }): Promise<{ heute: number; ueberfaellig: number }> {
    const [r] = await tx
      .select({
        heute: sql<number>`count(*) filter (where ${wiedervorlagen.faelligAm} = ${f.heute})::int`,
        ueberfaellig: sql<number>`count(*) filter (where ${wiedervorlagen.faelligAm} < ${f.heute})::int`,
      })
      .from(wiedervorlagen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, wiedervorlagen.traegerId), eq(bedarfsgemeinschaften.id, wiedervorlagen.bgId)))
      .where(and(isNull(wiedervorlagen.erledigtAm), lte(wiedervorlagen.faelligAm, f.heute), imStandort(bedarfsgemeinschaften.standortId, f.standorte)));
    return { heute: r?.heute ?? 0, ueberfaellig: r?.ueberfaellig ?? 0 };
  },
  /** Online applications received and not yet taken up (status 'eingegangen'). */
  async onlineAntraegeNeu(tx: Tx, s: Standorte): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(antraege)
      .where(and(eq(antraege.eingangskanal, 'online'), eq(antraege.status, 'eingegangen'), imStandort(antraege.standortId, s)));
    return r?.n ?? 0;
  },
  /** Open Anträge (not decided, not withdrawn). */
  async antraegeOffen(tx: Tx, s: Standorte): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(antraege)
      .where(and(inArray(antraege.status, ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen']), imStandort(antraege.standortId, s)));
    return r?.n ?? 0;
  },
};
