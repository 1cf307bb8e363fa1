import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { loginThrottle } from '../schema/index.ts';

export const throttleRepository = {
  async get(tx: Tx, key: string) {
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    return row;
  },

  /** Counts one failure within the window; locks the key for `lockSeconds` when `maxFailures` is reached. */
  async recordFailure(tx: Tx, key: string, opts: { windowSeconds: number; maxFailures: number; lockSeconds: number }) {
    const [row] = await tx
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${opts.windowSeconds}) then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${opts.windowSeconds}) then now() else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning();
    if (row && row.failures >= opts.maxFailures) {
      await tx
        .update(loginThrottle)
        .set({ lockedUntil: sql`now() + make_interval(secs => ${opts.lockSeconds})`, failures: 0, windowStartedAt: sql`now()` })
        .where(eq(loginThrottle.key, key));
    }
  },

  async clear(tx: Tx, key: string) {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
  },
};
