import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { arbeitsmarktstatus, massnahmen, massnahmeTeilnahmen, type ArbeitsmarktstatusRow } from '../schema/index.ts';

/** A status period as the domain reads it, with the flag "Maßnahme nach § 45 SGB III" taken from its Teilnahme. */
export type StatusZeile = ArbeitsmarktstatusRow & { massnahme45: boolean; massnahmeTitel: string | null };

/** Instruments of § 45 SGB III (§ 18 Abs. 1 S. 2 SGB III: their Maßnahmen do not break the Langzeit count). */
const INSTRUMENTE_45 = ['sgb3_45_mat', 'sgb3_45_mag', 'sgb3_45_mpav'];

export const arbeitsmarktstatusRepository = {
  /** Every period of a person, oldest first, with the Maßnahme it came from (if any). */
  async perioden(tx: Tx, personId: string): Promise<StatusZeile[]> {
    const rows = await tx
      .select({
        a: arbeitsmarktstatus,
        instrument: massnahmen.instrument,
        titel: massnahmen.bezeichnung,
      })
      .from(arbeitsmarktstatus)
      .leftJoin(
        massnahmeTeilnahmen,
        and(
          eq(arbeitsmarktstatus.quelle, 'massnahme_eintritt'),
          eq(massnahmeTeilnahmen.traegerId, arbeitsmarktstatus.traegerId),
          eq(massnahmeTeilnahmen.id, arbeitsmarktstatus.quelleId),
        ),
      )
      .leftJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(eq(arbeitsmarktstatus.personId, personId))
      .orderBy(asc(arbeitsmarktstatus.gueltigVon));
    return rows.map((r) => ({ ...r.a, massnahme45: r.instrument !== null && INSTRUMENTE_45.includes(r.instrument), massnahmeTitel: r.titel ?? null }));
  },

  /** Periods of several persons (for the caseload), oldest first. */
  async periodenVon(tx: Tx, personIds: string[]): Promise<ArbeitsmarktstatusRow[]> {
    if (personIds.length === 0) return [];
    return tx.select().from(arbeitsmarktstatus).where(inArray(arbeitsmarktstatus.personId, personIds)).orderBy(asc(arbeitsmarktstatus.gueltigVon));
  },

  async find(tx: Tx, id: string): Promise<ArbeitsmarktstatusRow | undefined> {
    const [row] = await tx.select().from(arbeitsmarktstatus).where(eq(arbeitsmarktstatus.id, id)).limit(1);
    return row;
  },

  /** Serialises status changes of one person (two tabs, or a fact and a manual entry at once). */
  async sperrePerson(tx: Tx, personId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`arbeitsmarktstatus:${personId}`}, 0))`);
  },

  async insert(tx: Tx, row: typeof arbeitsmarktstatus.$inferInsert): Promise<ArbeitsmarktstatusRow> {
    const [created] = await tx.insert(arbeitsmarktstatus).values(row).returning();
    return created!;
  },

  async setzeBis(tx: Tx, id: string, gueltigBis: string | null): Promise<void> {
    await tx.update(arbeitsmarktstatus).set({ gueltigBis }).where(eq(arbeitsmarktstatus.id, id));
  },

  async update(tx: Tx, id: string, patch: Partial<Pick<typeof arbeitsmarktstatus.$inferInsert, 'gueltigVon' | 'gueltigBis' | 'status' | 'grund' | 'bemerkung'>>): Promise<ArbeitsmarktstatusRow | undefined> {
    const [row] = await tx.update(arbeitsmarktstatus).set(patch).where(eq(arbeitsmarktstatus.id, id)).returning();
    return row;
  },

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(arbeitsmarktstatus).where(eq(arbeitsmarktstatus.id, id));
  },
};

/** The Maßnahme's name for a Teilnahme (the sentence "wegen Eintritt in …"). */
export async function massnahmeZuTeilnahme(tx: Tx, teilnahmeId: string): Promise<string | null> {
  const [row] = await tx
    .select({ name: massnahmen.bezeichnung })
    .from(massnahmeTeilnahmen)
    .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
    .where(eq(massnahmeTeilnahmen.id, teilnahmeId))
    .limit(1);
  return row?.name ?? null;
}
