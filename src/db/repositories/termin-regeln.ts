import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { terminRegeln } from '../schema/index.ts';

export type TerminRegelnRow = typeof terminRegeln.$inferSelect;
type Werte = Omit<typeof terminRegeln.$inferInsert, 'traegerId' | 'createdAt' | 'updatedAt' | 'version'>;

/**
 * The Träger's Termine rules (one row per Träger, none = defaults). Every query names the Träger itself, so it works in
 * a tenant transaction (RLS checks as well) and for system work that reads the rules of a known Träger.
 */
export const terminRegelnRepository = {
  async find(tx: Tx, traegerId: string): Promise<TerminRegelnRow | undefined> {
    const [row] = await tx.select().from(terminRegeln).where(eq(terminRegeln.traegerId, traegerId)).limit(1);
    return row;
  },

  /** First save (version 0 in the form): undefined when a concurrent first save won. */
  async insert(tx: Tx, traegerId: string, werte: Werte): Promise<TerminRegelnRow | undefined> {
    const [row] = await tx.insert(terminRegeln).values({ traegerId, ...werte }).onConflictDoNothing().returning();
    return row;
  },

  /** Optimistic locking: undefined when the stored version is not `version`. */
  async update(tx: Tx, traegerId: string, version: number, werte: Werte): Promise<TerminRegelnRow | undefined> {
    const [row] = await tx
      .update(terminRegeln)
      .set({ ...werte, version: sql`${terminRegeln.version} + 1`, updatedAt: new Date() })
      .where(and(eq(terminRegeln.traegerId, traegerId), eq(terminRegeln.version, version)))
      .returning();
    return row;
  },
};
