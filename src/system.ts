import { Client } from 'pg';
import PgBoss from 'pg-boss';
import type { Config } from './config/config.ts';
import { createDatabase, type Database } from './db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { seedDemoData } from './db/seed/demo.ts';
import { startMailCatcher, type MailCatcher } from './mail/mail-catcher.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
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

export async function startSystem(config: Config, opts: { log?: (line: string) => void; jobs?: boolean } = {}): Promise<System> {
  const log = opts.log ?? (() => {});
  let embedded: EmbeddedDatabase | null = null;
  let connectionString: string;
  if (config.databaseUrl) {
    connectionString = config.databaseUrl;
  } else {
    log(`Starte eingebetteten PostgreSQL-Server (Daten in ${config.dataDir}) …`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    connectionString = await ensureDatabase(embedded.connectionString, 'vorort');
  }
  const cleanup: (() => Promise<void> | void)[] = [];
  if (embedded) cleanup.push(() => embedded!.stop());
  try {
    await checkReachable(connectionString);
    await runMigrations(connectionString);
    const db = createDatabase(connectionString);
    cleanup.unshift(() => db.close());
    let seeded = false;
    if (config.demoData) seeded = await seedDemoData(db, hashPassword);

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
    if (opts.jobs !== false) {
      boss = new PgBoss({ connectionString, max: 2 });
      boss.on('error', () => {});
      await boss.start();
      const started = boss;
      cleanup.unshift(() => started.stop({ graceful: true, timeout: 5000 }));
    }
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
