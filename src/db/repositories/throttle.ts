import { and, eq, gt, like, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { loginThrottle } from '../schema/index.ts';

export type ThrottleLimits = {
  windowSeconds: number;
  maxFailures: number;
  lockSeconds: number;
  /**
   * Growing locks: each further lock of the same key within `memorySeconds` lasts twice as long as the one before
   * (lockSeconds, 2 × lockSeconds, 4 × …), at most `maxLockSeconds`. The number of locks is kept in the row
   * `stufe:<key>` (failures = locks so far, window_started_at = time of the last lock).
   */
  growth?: { maxLockSeconds: number; memorySeconds: number };
};

/** The row that remembers how often `key` was locked (growing locks). */
const strikeKey = (key: string) => `stufe:${key}`;

export const throttleRepository = {
  async get(tx: Tx, key: string) {
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
    return row;
  },

  /**
   * Counts one failure within the window; locks the key when `maxFailures` is reached (for `lockSeconds`, or growing,
   * see ThrottleLimits.growth). Returns the row as it is afterwards.
   */
  async recordFailure(tx: Tx, key: string, opts: ThrottleLimits) {
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
    if (!row || row.failures < opts.maxFailures) return row;
    let lockSeconds = opts.lockSeconds;
    if (opts.growth) {
      const [strikes] = await tx
        .insert(loginThrottle)
        .values({ key: strikeKey(key), failures: 1 })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: sql`case when ${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${opts.growth.memorySeconds}) then 1 else ${loginThrottle.failures} + 1 end`,
            windowStartedAt: sql`now()`,
          },
        })
        .returning();
      const n = Math.min(strikes?.failures ?? 1, 30);
      lockSeconds = Math.min(opts.lockSeconds * 2 ** (n - 1), opts.growth.maxLockSeconds);
    }
    const [locked] = await tx
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${lockSeconds})`, failures: 0, windowStartedAt: sql`now()` })
      .where(eq(loginThrottle.key, key))
      .returning();
    return locked;
  },

  /** Forgets the failures of `key`; with `history` also how often it was locked. */
  async clear(tx: Tx, key: string, opts: { history?: boolean } = {}) {
    await tx.delete(loginThrottle).where(opts.history ? or(eq(loginThrottle.key, key), eq(loginThrottle.key, strikeKey(key))) : eq(loginThrottle.key, key));
  },

  /** Forgets every key starting with `prefix`, with its lock history. */
  async clearPrefix(tx: Tx, prefix: string) {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    await tx.delete(loginThrottle).where(or(like(loginThrottle.key, pattern), like(loginThrottle.key, `stufe:${pattern}`)));
  },

  /** Marks `key` (e.g. an address that signed in to an account) as seen now. */
  async touch(tx: Tx, key: string) {
    await tx
      .insert(loginThrottle)
      .values({ key, failures: 0 })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { windowStartedAt: sql`now()` } });
  },

  /** Whether `key` was touched within the last `seconds`. */
  async seenWithin(tx: Tx, key: string, seconds: number): Promise<boolean> {
    const [row] = await tx
      .select({ key: loginThrottle.key })
      .from(loginThrottle)
      .where(and(eq(loginThrottle.key, key), gt(loginThrottle.windowStartedAt, sql`now() - make_interval(secs => ${seconds})`)))
      .limit(1);
    return !!row;
  },
};
