import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { traegerEinstellungen } from '../schema/index.ts';

/** Träger settings for benefits (one row per Träger). */
export const einstellungenRepository = {
  async find(tx: Tx) {
    const [row] = await tx.select().from(traegerEinstellungen).limit(1);
    return row;
  },
  async insert(tx: Tx, row: typeof traegerEinstellungen.$inferInsert) {
    const [r] = await tx.insert(traegerEinstellungen).values(row).onConflictDoNothing().returning();
    return r;
  },
  /** Optimistic locking: undefined when `version` is no longer current. */
  async update(tx: Tx, version: number, patch: Partial<typeof traegerEinstellungen.$inferInsert>) {
    const [r] = await tx
      .update(traegerEinstellungen)
      .set({ ...patch, version: sql`${traegerEinstellungen.version} + 1`, updatedAt: new Date() })
      .where(eq(traegerEinstellungen.version, version))
      .returning();
    return r;
  },
};
