import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { sessions } from '../schema/index.ts';

export const sessionRepository = {
  async create(
    tx: Tx,
    row: {
      traegerId: string;
      userId: string;
      tokenHash: string;
      expiresAt: Date;
      secondFactorPending: boolean;
      totpSetupRequired: boolean;
      methode: string;
    },
  ) {
    const [created] = await tx.insert(sessions).values(row).returning();
    return created!;
  },

  async update(
    tx: Tx,
    id: string,
    patch: Partial<Pick<typeof sessions.$inferInsert, 'secondFactorPending' | 'totpSetupRequired' | 'tokenHash' | 'expiresAt'>>,
  ) {
    await tx.update(sessions).set(patch).where(eq(sessions.id, id));
  },

  async touch(tx: Tx, id: string, expiresAt: Date) {
    await tx.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, id));
  },

  async revoke(tx: Tx, id: string) {
    await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  },

  /** "Überall abmelden": ends every session of the user. Returns how many were open. */
  async revokeAllOfUser(tx: Tx, userId: string): Promise<number> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length;
  },
};
