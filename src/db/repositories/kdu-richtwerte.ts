import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { kduRichtwerte } from '../schema/index.ts';

export const kduRepository = {
  async list(tx: Tx) {
    return tx.select().from(kduRichtwerte).orderBy(asc(kduRichtwerte.kommuneId), asc(kduRichtwerte.haushaltsgroesse), asc(kduRichtwerte.gueltigVon));
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(kduRichtwerte).where(eq(kduRichtwerte.id, id)).limit(1);
    return r;
  },
  /** All values of a Kommune (any household size), for month-by-month look-up. */
  async fuerKommune(tx: Tx, kommuneId: string) {
    return tx.select().from(kduRichtwerte).where(eq(kduRichtwerte.kommuneId, kommuneId));
  },
  async insert(tx: Tx, row: typeof kduRichtwerte.$inferInsert) {
    const [r] = await tx.insert(kduRichtwerte).values(row).returning();
    return r!;
  },
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof kduRichtwerte.$inferInsert>) {
    const [r] = await tx
      .update(kduRichtwerte)
      .set({ ...patch, version: sql`${kduRichtwerte.version} + 1` })
      .where(and(eq(kduRichtwerte.id, id), eq(kduRichtwerte.version, version)))
      .returning();
    return r;
  },
  async delete(tx: Tx, id: string, version: number) {
    const r = await tx.delete(kduRichtwerte).where(and(eq(kduRichtwerte.id, id), eq(kduRichtwerte.version, version))).returning();
    return r.length > 0;
  },
};
