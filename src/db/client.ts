import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg, { Pool, types } from 'pg';

/**
 * A transaction handle. Built without Drizzle's relational schema: repositories use the query builder only, and the
 * relational config would be rebuilt for every transaction (measured as a hot spot in the booking benchmark).
 */
export type Tx = NodePgDatabase;

const DIALEKT = new PgDialect();

/**
 * A statement on the hot path as a named prepared statement: PostgreSQL parses and plans it once per connection,
 * later executions send only the parameters. `name` must be unique per statement text (e.g. `vorort_buchungsdaten`).
 */
export async function vorbereitet<R extends pg.QueryResultRow>(tx: Tx, name: string, abfrage: SQL): Promise<R[]> {
  const { sql: text, params } = DIALEKT.sqlToQuery(abfrage);
  const client = (tx as unknown as { $client: pg.PoolClient }).$client;
  const res = await client.query<R>({ name, text, values: params } as pg.QueryConfig);
  return res.rows;
}

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
  withTenant: <T>(scope: TenantScope, fn: (tx: Tx) => Promise<T>, opts?: TxOptions) => Promise<T>;
  /**
   * Runs `fn` in one transaction as the owner role, across Träger. Only for what cannot know the Träger beforehand:
   * sign-in lookup, session lookup, the public start page, seeding, cross-Träger jobs. Used by src/db/repositories only.
   */
  withSystem: <T>(fn: (tx: Tx) => Promise<T>, opts?: TxOptions) => Promise<T>;
  /**
   * One statement outside any transaction, as `vorort_app` without a Träger (row-level security shows no rows):
   * for calls of the few SECURITY DEFINER functions (src/db/migrations) that answer in one round trip what would
   * otherwise need a `withSystem` transaction, e.g. the session of a token. Used by src/db/repositories only.
   */
  einzelAbfrage: <R extends pg.QueryResultRow>(text: string, values: unknown[], name?: string) => Promise<R[]>;
  /** `SELECT 1` with a short timeout; false when the database cannot be reached. */
  ping: () => Promise<boolean>;
  /**
   * Closes every idle connection now (connections in use close when they are given back); new work opens new ones.
   * Called when the database stops answering, so that a PostgreSQL shutdown ("smart", SIGTERM) is not held up by us.
   */
  releaseIdle: () => void;
  close: () => Promise<void>;
};

/** Per-transaction settings. */
export type TxOptions = {
  /**
   * A longer statement timeout for this transaction only (SET LOCAL), for the few known long operations
   * (a batch of the Massenänderung). 0 = none.
   */
  statementTimeoutMs?: number;
};

/**
 * For the known long transactions (a batch of a Massenänderung with hundreds of cases, its Bescheide): statements
 * may run up to two minutes there instead of the request limit.
 */
export const LONG_TRANSACTION: TxOptions = { statementTimeoutMs: 120_000 };

/** Timeouts of the connection pool (settings VORORT_DB_STATEMENT_TIMEOUT_MS, VORORT_DB_CONNECT_TIMEOUT_MS). */
export type DatabaseOptions = {
  max?: number;
  /** PostgreSQL cancels a statement after this time (statement_timeout); 0 = no limit. Default 5000. */
  statementTimeoutMs?: number;
  /** Waiting for a connection (new or from the pool) ends after this time with an error. Default 3000. */
  connectTimeoutMs?: number;
  /** Idle connections are closed after this time. Default 10 000. */
  idleTimeoutMs?: number;
};

export const DB_DEFAULTS = { statementTimeoutMs: 5000, connectTimeoutMs: 3000, idleTimeoutMs: 10_000 } as const;

/**
 * Added to the statement timeout for the client-side guard: a server that no longer answers at all (frozen, network
 * gone without a reset) cannot cancel the statement itself, so node-postgres gives up a little later on its own.
 */
const READ_TIMEOUT_GRACE_MS = 2000;

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
  '57014', // query_canceled: the statement timeout ended it
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // the Unix socket of a stopped server is gone: connect() says ENOENT
    if (code === 'ENOENT' && (e as { syscall?: unknown }).syscall === 'connect') return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
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

export function createDatabase(connectionString: string, opts: DatabaseOptions = {}): Database {
  const statementTimeoutMs = opts.statementTimeoutMs ?? DB_DEFAULTS.statementTimeoutMs;
  const pools = createPoolHolder({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? DB_DEFAULTS.connectTimeoutMs,
    idleTimeoutMillis: opts.idleTimeoutMs ?? DB_DEFAULTS.idleTimeoutMs,
    application_name: 'vorort',
    // Safe by default: every session starts as the RLS-bound application role (startup parameter, no extra query);
    // withSystem switches to the owner with SET LOCAL ROLE NONE for its transaction only.
    options: '-c role=vorort_app',
    // Startup parameter as well: no statement of a request runs longer than this (0 = off).
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });

  /**
   * Opens the transaction and sets it up in ONE round trip: `BEGIN`, the role and the settings travel as one simple-
   * protocol query (several statements, no parameters — values are quoted with the driver's `escapeLiteral`).
   */
  async function run<T>(
    prelude: (client: pg.PoolClient) => string,
    fn: (tx: Tx) => Promise<T>,
    txOpts: TxOptions | undefined,
  ): Promise<T> {
    const client = await pools.current().connect();
    const timeoutMs = txOpts?.statementTimeoutMs ?? statementTimeoutMs;
    const readTimeoutMs = timeoutMs > 0 ? timeoutMs + READ_TIMEOUT_GRACE_MS : 0;
    // Every query of this transaction carries the client-side guard (node-postgres `query_timeout`).
    const guarded = readTimeoutMs > 0 ? withReadTimeout(client, readTimeoutMs) : client;
    let broken = false;
    try {
      const timeout = txOpts?.statementTimeoutMs !== undefined ? `; SET LOCAL statement_timeout = ${Math.max(0, Math.trunc(txOpts.statementTimeoutMs))}` : '';
      await guarded.query(`BEGIN${timeout}; ${prelude(client)}`);
      const tx = drizzle(guarded);
      const result = await fn(tx);
      await guarded.query('COMMIT');
      return result;
    } catch (err) {
      // After a client-side timeout the connection is in an unknown state: drop it without waiting for ROLLBACK.
      if (isReadTimeout(err)) {
        broken = true;
      } else {
        try {
          await guarded.query('ROLLBACK');
        } catch {
          broken = true;
        }
      }
      if (isDatabaseUnavailable(err)) broken = true;
      throw err;
    } finally {
      client.release(broken ? true : undefined);
    }
  }

  return {
    get pool() {
      return pools.current();
    },
    withTenant: (scope, fn, txOpts) =>
      run(
        (client) =>
          'SET LOCAL ROLE vorort_app; SELECT ' +
          [
            ['vorort.traeger_id', scope.traegerId],
            ['vorort.user_id', scope.userId ?? ''],
            ['vorort.request_id', scope.requestId ?? ''],
          ]
            .map(([name, wert]) => `set_config('${name}', ${client.escapeLiteral(ohneNul(wert!))}, true)`)
            .join(', '),
        fn,
        txOpts,
      ),
    withSystem: (fn, txOpts) =>
      run(
        () => 'SET LOCAL ROLE NONE',
        fn,
        txOpts,
      ),
    einzelAbfrage: async <R extends pg.QueryResultRow>(text: string, values: unknown[], name?: string) => {
      const timeout = statementTimeoutMs > 0 ? statementTimeoutMs + READ_TIMEOUT_GRACE_MS : undefined;
      const res = await pools.current().query<R>({ ...(name ? { name } : {}), text, values, ...(timeout ? { query_timeout: timeout } : {}) } as pg.QueryConfig);
      return res.rows;
    },
    ping: async () => {
      let client: pg.PoolClient | undefined;
      try {
        client = await pools.current().connect();
        await client.query({ text: 'SELECT 1', query_timeout: 2000 } as pg.QueryConfig);
        client.release();
        return true;
      } catch {
        client?.release(true);
        return false;
      }
    },
    releaseIdle: () => pools.renew(),
    close: () => pools.close(),
  };
}

/**
 * A pg pool that can be replaced: `renew()` puts a fresh pool in place and ends the old one, which closes its idle
 * connections at once and the others as soon as they are given back.
 */
export function createPoolHolder(config: pg.PoolConfig): { current: () => pg.Pool; renew: () => void; close: () => Promise<void> } {
  const make = () => {
    const p = new Pool(config);
    // A lost connection is reported on the pool; without a listener it would crash the process.
    p.on('error', () => {});
    p.on('connect', (client) => {
      // A connection that drops while checked out (database restarted mid-request) emits 'error' on the client,
      // where the pool listens only while the client is idle: without this the process would crash. The failure
      // still reaches the caller as the rejected query, and run() discards the broken client.
      client.on('error', () => {});
    });
    return p;
  };
  let pool = make();
  const ending = new Set<Promise<void>>();
  const retire = (p: pg.Pool) => {
    const done: Promise<void> = p.end().catch(() => {});
    ending.add(done);
    void done.then(() => ending.delete(done));
  };
  return {
    current: () => pool,
    renew: () => {
      const old = pool;
      pool = make();
      retire(old);
    },
    close: async () => {
      retire(pool);
      await Promise.all(ending);
    },
  };
}

/** The same client, with a client-side read timeout on every query (drizzle passes query config objects). */
/** PostgreSQL text cannot hold NUL; ids and request ids never contain one, but a setting must never fail on it. */
const ohneNul = (s: string) => s.split(String.fromCharCode(0)).join('');

function withReadTimeout(client: pg.PoolClient, ms: number): pg.PoolClient {
  const query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config === 'object' && config !== null && typeof (config as { submit?: unknown }).submit === 'function') {
      return (client.query as (...a: unknown[]) => unknown)(config, ...rest); // a cursor or other submittable: as is
    }
    const withTimeout = typeof config === 'string' ? { text: config, query_timeout: ms } : { ...(config as object), query_timeout: ms };
    return (client.query as (...a: unknown[]) => unknown)(withTimeout, ...rest);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'query') return query;
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function isReadTimeout(err: unknown): boolean {
  return err instanceof Error && /Query read timeout/.test(err.message);
}
