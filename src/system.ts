import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Config } from './config/config.ts';
import { createDatabase, createPoolHolder, type Database } from './db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { seedDemoData } from './db/seed/demo.ts';
import { demoSchreibenErzeugen } from './server/fordern/demo-schreiben.ts';
import { statistikDemoBeimSeed } from './server/statistik/demo-aufbauen.ts';
import { startMailCatcher, type MailCatcher } from './mail/mail-catcher.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { heute, systemClock, type Clock } from './server/clock.ts';
import { hashPassword } from './server/security/passwords.ts';

/**
 * Brings up what vorort needs besides HTTP: the database (embedded or external), migrations, demo data, mail.
 * Used by `vorort start` and by the end-to-end tests, so both run the same path.
 */
export type System = {
  db: Database;
  mailer: Mailer;
  /** Outside production without SMTP_URL: the local mail catcher (shown at /entwicklung/post). */
  mailCatcher: MailCatcher | null;
  embedded: EmbeddedDatabase | null;
  connectionString: string;
  /** Background jobs (pg-boss, own schema `pgboss`, owner connection); null when started with `jobs: false`. */
  boss: PgBoss | null;
  seeded: boolean;
  stop: () => Promise<void>;
};

export class DatabaseUnreachableError extends Error {}

export type SystemOptions = {
  log?: (line: string) => void;
  jobs?: boolean;
  /**
   * Called when the embedded PostgreSQL stopped and could not be started again within VORORT_DB_RESTART_ATTEMPTS
   * attempts. `vorort start` then exits with code 1 so that the service manager restarts it. Default: only logged.
   */
  onFatal?: (message: string) => void;
  /** How often the database is probed with a fresh connection (default 2000 ms). */
  probeIntervalMs?: number;
  /** The application's clock: the demo data's dates are derived from its day (default: the system clock). */
  clock?: Clock;
};

export async function startSystem(config: Config, opts: SystemOptions = {}): Promise<System> {
  const log = opts.log ?? (() => {});
  let embedded: EmbeddedDatabase | null = null;
  let connectionString: string;
  if (config.databaseUrl) {
    connectionString = config.databaseUrl;
  } else {
    log(`Starte eingebetteten PostgreSQL-Server (Daten in ${config.dataDir}) …`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, ausweichen: !config.dataDirGesetzt, hinweis: log });
    connectionString = await ensureDatabase(embedded.connectionString, 'vorort');
  }
  const cleanup: (() => Promise<void> | void)[] = [];
  if (embedded) cleanup.push(() => embedded!.stop());
  try {
    await checkReachable(connectionString);
    await runMigrations(connectionString);
    const db = createDatabase(connectionString, {
      statementTimeoutMs: config.db.statementTimeoutMs,
      connectTimeoutMs: config.db.connectTimeoutMs,
    });
    cleanup.unshift(() => db.close());
    let seeded = false;
    if (config.demoData) seeded = await seedDemoData(db, hashPassword, { heute: heute((opts.clock ?? systemClock).now()) });
    // the letters of the demo Minderungsverfahren (the seed may not render PDFs: src/db does not import src/server)
    if (seeded) await demoSchreibenErzeugen(db, (opts.clock ?? systemClock).now());
    // the Statistik history of the demo (800 BG × 36 months; docs/statistik.md "Demo-Daten und Benchmark")
    if (seeded) await statistikDemoBeimSeed({ db, config, clock: opts.clock ?? systemClock, log });

    let mailCatcher: MailCatcher | null = null;
    let smtpUrl = config.smtpUrl;
    if (!smtpUrl) {
      if (config.env === 'production') throw new Error('SMTP_URL fehlt.');
      mailCatcher = await startMailCatcher({ port: config.devSmtpPort }).catch(() => startMailCatcher({ port: 0 }));
      smtpUrl = `smtp://127.0.0.1:${mailCatcher.port}`;
      cleanup.unshift(() => mailCatcher!.close());
    }
    const mailer = createMailer({ smtpUrl, from: config.mailFrom });
    cleanup.unshift(() => mailer.close());
    let boss: PgBoss | null = null;
    // pg-boss works on a pool of ours, so that its connections can be released like those of the application.
    const jobPool = createPoolHolder({
      connectionString,
      max: 2,
      connectionTimeoutMillis: config.db.connectTimeoutMs,
      idleTimeoutMillis: 10_000,
      application_name: 'vorort-jobs',
    });
    cleanup.unshift(() => jobPool.close());
    if (opts.jobs !== false) {
      boss = new PgBoss({ db: { executeSql: (text, values) => jobPool.current().query(text, values) } });
      boss.on('error', () => {});
      await boss.start();
      const started = boss;
      cleanup.unshift(() => started.stop({ graceful: true, timeout: 5000, close: false }));
    }
    const watch = superviseDatabase({
      connectionString,
      embedded,
      release: () => {
        db.releaseIdle();
        jobPool.renew();
      },
      connectTimeoutMs: config.db.connectTimeoutMs,
      restartAttempts: config.db.restartAttempts,
      intervalMs: opts.probeIntervalMs ?? 2000,
      log,
      onFatal: opts.onFatal ?? log,
    });
    cleanup.unshift(() => watch.stop());
    return {
      boss,
      db,
      mailer,
      mailCatcher,
      embedded,
      connectionString,
      seeded,
      stop: async () => {
        for (const step of cleanup) await step();
      },
    };
  } catch (err) {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => {});
    throw err;
  }
}

/**
 * Watches the database while vorort runs:
 * - every `intervalMs` a fresh connection (not one from the pool, which may still hold sessions of a server that is
 *   shutting down) asks `SELECT 1`. When that fails, the idle connections of both pools are closed, so a PostgreSQL
 *   shutdown that waits for its clients ("smart", SIGTERM) can finish; requests meanwhile answer 503.
 * - the embedded PostgreSQL: when its postmaster exits without vorort asking, it is started again after 0.5, 1, 2,
 *   4 … s (at most `restartAttempts` times). If it does not come back, `onFatal` is called (vorort start: exit 1).
 * Log lines are German and carry no personal data.
 */
export function superviseDatabase(o: {
  connectionString: string;
  embedded: EmbeddedDatabase | null;
  release: () => void;
  connectTimeoutMs: number;
  restartAttempts: number;
  intervalMs: number;
  log: (line: string) => void;
  onFatal: (message: string) => void;
}): { stop: () => void } {
  let stopped = false;
  let probing = false;
  let restarting = false;
  let reachable = true;

  const timer = setInterval(() => {
    if (probing || restarting || stopped) return;
    probing = true;
    void probe(o.connectionString, o.connectTimeoutMs)
      .then((ok) => {
        if (stopped || restarting) return;
        if (!ok) {
          if (reachable) o.log('Die Datenbank antwortet nicht. Offene Verbindungen werden geschlossen; Anfragen erhalten bis auf Weiteres 503.');
          reachable = false;
          o.release();
        } else if (!reachable) {
          reachable = true;
          o.log('Die Datenbank ist wieder erreichbar.');
        }
      })
      .finally(() => {
        probing = false;
      });
  }, o.intervalMs);
  timer.unref();

  const embedded = o.embedded;
  if (embedded) {
    embedded.onUnexpectedExit(({ code, signal }) => {
      if (stopped || restarting) return;
      restarting = true;
      reachable = false;
      o.release();
      o.log(`Der eingebettete PostgreSQL-Server hat sich unerwartet beendet (${signal ? `Signal ${signal}` : `Exit-Code ${code}`}).`);
      void (async () => {
        for (let attempt = 1; attempt <= o.restartAttempts; attempt++) {
          const wait = Math.min(500 * 2 ** (attempt - 1), 30_000);
          o.log(`Neustart des eingebetteten PostgreSQL-Servers in ${wait / 1000} s (Versuch ${attempt} von ${o.restartAttempts}) …`);
          await sleep(wait);
          if (stopped) return;
          try {
            await embedded.restart();
            if (stopped) return;
            o.release(); // connections to the old server are useless
            restarting = false;
            reachable = true;
            o.log('Der eingebettete PostgreSQL-Server läuft wieder.');
            return;
          } catch (err) {
            o.log(`Neustart fehlgeschlagen: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        if (stopped) return;
        o.onFatal(
          `Der eingebettete PostgreSQL-Server ließ sich nach ${o.restartAttempts} Versuchen nicht wieder starten. ` +
            'vorort beendet sich mit Exit-Code 1, damit die Dienstverwaltung (z. B. systemd) es neu startet.',
        );
      })();
    });
  }

  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** A fresh connection and `SELECT 1`; false when that fails or takes too long. */
async function probe(connectionString: string, connectTimeoutMs: number): Promise<boolean> {
  const client = new Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs, query_timeout: 2000, application_name: 'vorort-probe' });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkReachable(connectionString: string): Promise<void> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    const where = safeTarget(connectionString);
    throw new DatabaseUnreachableError(
      `Die Datenbank ${where} ist nicht erreichbar (${err instanceof Error ? err.message : String(err)}). Prüfen Sie DATABASE_URL und ob der PostgreSQL-Server läuft.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Host, port and database of a connection string, without user or password (for messages and logs). */
export function safeTarget(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(ungültige DATABASE_URL)';
  }
}

/** Creates database `name` on the server if it does not exist; returns its connection string. */
export async function ensureDatabase(serverConnectionString: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverConnectionString });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const u = new URL(serverConnectionString);
  u.pathname = `/${name}`;
  return u.toString();
}
