import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { potenzialanalyseGesundheit, potenzialanalysen } from '../schema/index.ts';

/**
 * Potenzialanalyse, versioned (one row per Fassung, never updated), and its health part in a table of its own.
 * The health functions are named `…Gesundheit…`: only use cases that checked `potenzialanalyse.gesundheit` call them.
 */
export const potenzialanalyseRepository = {
  /** All Fassungen of the person, oldest first (without health data). */
  async fassungen(tx: Tx, personId: string) {
    return tx.select().from(potenzialanalysen).where(eq(potenzialanalysen.personId, personId)).orderBy(asc(potenzialanalysen.fassung));
  },

  /** The latest Fassung (without health data). */
  async aktuell(tx: Tx, personId: string) {
    const [r] = await tx.select().from(potenzialanalysen).where(eq(potenzialanalysen.personId, personId)).orderBy(desc(potenzialanalysen.fassung)).limit(1);
    return r;
  },

  async insert(tx: Tx, row: typeof potenzialanalysen.$inferInsert) {
    const [r] = await tx.insert(potenzialanalysen).values(row).returning();
    return r!;
  },

  /** Health parts of the given Fassungen (special category: only for holders of potenzialanalyse.gesundheit). */
  async gesundheitZu(tx: Tx, potenzialanalyseIds: readonly string[]) {
    if (!potenzialanalyseIds.length) return [];
    return tx.select().from(potenzialanalyseGesundheit).where(inArray(potenzialanalyseGesundheit.potenzialanalyseId, [...potenzialanalyseIds]));
  },

  async insertGesundheit(tx: Tx, row: typeof potenzialanalyseGesundheit.$inferInsert) {
    const [r] = await tx.insert(potenzialanalyseGesundheit).values(row).returning({ id: potenzialanalyseGesundheit.id });
    return r!;
  },

  /**
   * Carries the health part of one Fassung over to the next one inside the database, without reading it into the
   * application (a save by someone without the right to see it must not drop it). Returns whether there was one.
   */
  async gesundheitUebernehmen(tx: Tx, o: { traegerId: string; vonId: string; nachId: string }) {
    const r = await tx.execute(sql`
      insert into ${potenzialanalyseGesundheit} (traeger_id, potenzialanalyse_id, person_id, daten)
      select traeger_id, ${o.nachId}, person_id, daten from ${potenzialanalyseGesundheit}
      where traeger_id = ${o.traegerId} and potenzialanalyse_id = ${o.vonId}`);
    return (r.rowCount ?? 0) > 0;
  },
};
