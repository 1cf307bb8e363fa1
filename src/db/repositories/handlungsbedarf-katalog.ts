import { and, asc, eq, sql } from 'drizzle-orm';
import type { Schluesselgroesse } from '../../domain/foerdern/typen.ts';
import type { Tx } from '../client.ts';
import { handlungsbedarfKatalog } from '../schema/index.ts';

/** The Träger's catalogue of Handlungsbedarfe (Potenzialanalyse). RLS limits every query to the actor's Träger. */
export const handlungsbedarfKatalogRepository = {
  async list(tx: Tx) {
    return tx.select().from(handlungsbedarfKatalog).orderBy(asc(handlungsbedarfKatalog.schluesselgroesse), asc(handlungsbedarfKatalog.bezeichnung));
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(handlungsbedarfKatalog).where(eq(handlungsbedarfKatalog.id, id)).limit(1);
    return r;
  },
  async findByCode(tx: Tx, code: string) {
    const [r] = await tx.select().from(handlungsbedarfKatalog).where(eq(handlungsbedarfKatalog.code, code)).limit(1);
    return r;
  },
  async insert(tx: Tx, row: typeof handlungsbedarfKatalog.$inferInsert) {
    const [r] = await tx.insert(handlungsbedarfKatalog).values(row).returning();
    return r!;
  },
  /** Adds the entries whose code the Träger does not have yet; returns how many were added. */
  async ergaenze(tx: Tx, traegerId: string, eintraege: readonly { code: string; schluesselgroesse: Schluesselgroesse; bezeichnung: string; gesundheitsbezogen: boolean }[]) {
    if (!eintraege.length) return 0;
    const neu = await tx
      .insert(handlungsbedarfKatalog)
      .values(eintraege.map((e) => ({ ...e, traegerId })))
      .onConflictDoNothing({ target: [handlungsbedarfKatalog.traegerId, handlungsbedarfKatalog.code] })
      .returning({ id: handlungsbedarfKatalog.id });
    return neu.length;
  },
  async update(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof handlungsbedarfKatalog.$inferInsert, 'bezeichnung' | 'schluesselgroesse' | 'aktiv'>>) {
    const [r] = await tx
      .update(handlungsbedarfKatalog)
      .set({ ...patch, updatedAt: sql`now()`, version: sql`${handlungsbedarfKatalog.version} + 1` })
      .where(and(eq(handlungsbedarfKatalog.id, id), eq(handlungsbedarfKatalog.version, version)))
      .returning();
    return r;
  },
};
