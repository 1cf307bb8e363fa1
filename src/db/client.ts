import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg, { Pool, types } from 'pg';

/**
 * A transaction handle. Built without Drizzle's relational schema: repositories use the query builder only, and the
 * relational config would be rebuilt for every transaction (measured as a hot spot in the booking benchmark).
 */
export type Tx = NodePgDatabase;

/** Who is acting in a tenant transaction: written to the connection so RLS and triggers can see it. */
export type TenantScope = {
  traegerId: string;
  userId?: string | null;
  requestId?: string | null;
};

export type Database = {
  pool: pg.Pool;
  /**
   * Runs `fn` in one transaction as the application role `vorort_app`, limited by row-level security to one Träger.
   * This is how every request touches Jobcenter data.
   */
  withTenant: <T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * Runs `fn` in one transaction as the owner role, across Träger. Only for what cannot know the Träger beforehand:
   * sign-in lookup, session lookup, the public start page, seeding, cross-Träger jobs. Used by src/db/repositories only.
   */
  withSystem: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /** `SELECT 1` with a short timeout; false when the database cannot be reached. */
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
};

/** Error codes of node-postgres / PostgreSQL meaning "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// int8 (count, sum) as JS numbers; dates stay ISO strings (calendar dates, no time zone shifts).
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.DATE, (v) => v);

export function createDatabase(connectionString: string, opts: { max?: number } = {}): Database {
  const pool = new Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: 'vorort',
    // Safe by default: every session starts as the RLS-bound application role (startup parameter, no extra query);
    // withSystem switches to the owner with SET LOCAL ROLE NONE for its transaction only.
    options: '-c role=vorort_app',
  });
  // A lost connection is reported on the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    // A connection that drops while checked out (database restarted mid-request) emits 'error' on the client,
    // where the pool listens only while the client is idle: without this the process would crash. The failure
    // still reaches the caller as the rejected query, and run() discards the broken client.
    client.on('error', () => {});
  });

  async function run<T>(prelude: (client: pg.PoolClient) => Promise<void>, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await prelude(client);
      const tx = drizzle(client);
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (isDatabaseUnavailable(err)) broken = true;
      throw err;
    } finally {
      client.release(broken ? true : undefined);
    }
  }

  return {
    pool,
    withTenant: (scope, fn) =>
      run(async (client) => {
        await client.query('SET LOCAL ROLE vorort_app');
        await client.query(
          "SELECT set_config('vorort.traeger_id', $1, true), set_config('vorort.user_id', $2, true), set_config('vorort.request_id', $3, true)",
          [scope.traegerId, scope.userId ?? '', scope.requestId ?? ''],
        );
      }, fn),
    withSystem: (fn) =>
      run(async (client) => {
        await client.query('SET LOCAL ROLE NONE');
      }, fn),
    ping: async () => {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        await client.query({ text: 'SELECT 1', query_timeout: 2000 } as pg.QueryConfig);
        client.release();
        return true;
      } catch {
        client?.release(true);
        return false;
      }
    },
    close: () => pool.end(),
  };
}
