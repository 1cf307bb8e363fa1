/**
 * Benchmark: contention on a few appointment slots over HTTP.
 *
 *   npm run bench:termine            (BENCH_ANFRAGEN, BENCH_VERBINDUNGEN, BENCH_SLOTS override the defaults)
 *
 * Starts vorort on a fresh database (embedded PostgreSQL in a temporary directory, or a new database on the server
 * of DATABASE_URL), seeds the demo data, signs in the demo citizen, picks the first free slots of one Anliegen and
 * fires a fixed number of booking requests for exactly those slots with autocannon on 127.0.0.1. Afterwards the
 * database is checked for overlapping active appointments of one Ressource. Then pgbench (select-only, `-S`) runs
 * against the same PostgreSQL server with the same number of connections, as the yardstick of what the database
 * itself can do on this machine. The last output line is one JSON object
 * (`bookingsPerSecond`, `p99Ms`, `doubleBookings`, `pgbenchTps`, `ratioToPgbench`).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { testConfig } from '../src/config/config.ts';
import { buildApp } from '../src/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { startSystem } from '../src/system.ts';

const ANFRAGEN = Number(process.env.BENCH_ANFRAGEN ?? 3000);
const VERBINDUNGEN = Number(process.env.BENCH_VERBINDUNGEN ?? 50);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 5);

async function frischeDatenbank(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vorort_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * pgbench -S (select-only, 10 s) on a fresh database of the same server, `verbindungen` clients; tps without the
 * connection set-up, or null when pgbench is not installed (Debian: postgresql-client).
 */
async function pgbench(serverUrl: string, verbindungen: number): Promise<number | null> {
  const db = await frischeDatenbank(serverUrl);
  try {
    const u = new URL(db.url);
    const env = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password), PGDATABASE: u.pathname.slice(1) };
    try {
      execFileSync('pgbench', ['-i', '-s', '1', '-q'], { env, stdio: 'ignore' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const out = execFileSync('pgbench', ['-S', '-n', '-c', String(verbindungen), '-j', '2', '-T', '10'], { env, encoding: 'utf8' });
    const tps = /tps = ([0-9.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([0-9.]+)/.exec(out);
    return tps ? Number(tps[1]) : null;
  } finally {
    await db.drop();
  }
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vorort-bench-'));
  const extern = process.env.DATABASE_URL ? await frischeDatenbank(process.env.DATABASE_URL) : null;
  const config = testConfig({ dataDir, databaseUrl: extern?.url, demoData: true, logLevel: 'silent' });
  console.log(extern ? 'Datenbank: neue Datenbank auf DATABASE_URL' : 'Datenbank: eingebetteter PostgreSQL (temporär)');
  const system = await startSystem(config, { log: (l) => console.log(l), jobs: false });
  const app = await buildApp({ config, db: system.db, mailer: system.mailer, mailCatcher: system.mailCatcher, clock: systemClock }, { logger: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const basis = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const login = await fetch(`${basis}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'buerger@musterland.example', password: 'vorort-demo' }) });
    if (login.status !== 200) throw new Error(`Anmeldung fehlgeschlagen: ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const heute = new Date().toISOString().slice(0, 10);
    const bis = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const zeitenAntwort = await fetch(`${basis}/api/termine/freie-zeiten?anliegen=leistungsfragen&kanal=vor_ort&von=${heute}&bis=${bis}`);
    const zeiten = ((await zeitenAntwort.json()) as { zeiten: { beginn: string; plaetze: number }[] }).zeiten.slice(0, SLOTS);
    if (zeiten.length < SLOTS) throw new Error('Nicht genug freie Zeiten für den Benchmark.');
    const plaetze = zeiten.reduce((s, z) => s + z.plaetze, 0);
    console.log(`${ANFRAGEN} Buchungsanfragen über ${VERBINDUNGEN} Verbindungen für ${SLOTS} Zeiten (${plaetze} Plätze) …`);

    const status = new Map<number, number>();
    const ergebnis = await autocannon({
      url: `${basis}/api/termine`,
      connections: VERBINDUNGEN,
      amount: ANFRAGEN,
      timeout: 30,
      headers: { cookie, 'content-type': 'application/json' },
      requests: zeiten.map((z) => ({ method: 'POST' as const, body: JSON.stringify({ anliegenId: 'leistungsfragen', kanal: 'vor_ort', beginn: z.beginn }) })),
      setupClient: (client) => {
        client.on('response', (statusCode: number) => status.set(statusCode, (status.get(statusCode) ?? 0) + 1));
      },
    });
    const gebucht = status.get(201) ?? 0;
    const belegt = status.get(409) ?? 0;
    console.log(`Antworten: ${[...status].map(([s, n]) => `${s}: ${n}`).join(', ')}`);

    const pruefung = new Client({ connectionString: system.connectionString });
    await pruefung.connect();
    const doppelt = await pruefung.query<{ n: number }>(`
      select count(*)::int as n from termine a join termine b
        on a.traeger_id = b.traeger_id and a.ressource_id = b.ressource_id and a.id < b.id
       and tstzrange(a.beginn, a.blockiert_bis) && tstzrange(b.beginn, b.blockiert_bis)
      where a.status <> 'abgesagt' and b.status <> 'abgesagt'`);
    const anzahl = await pruefung.query<{ n: number }>(`select count(*)::int as n from termine where status = 'gebucht'`);
    await pruefung.end();
    const doubleBookings = doppelt.rows[0]!.n;
    console.log(`Gebucht: ${gebucht} (in der Datenbank: ${anzahl.rows[0]!.n}, Plätze: ${plaetze}); 409: ${belegt}; Fehler: ${ergebnis.errors}; Timeouts: ${ergebnis.timeouts}`);
    if (gebucht !== plaetze || anzahl.rows[0]!.n !== plaetze) console.log('WARNUNG: Anzahl der Buchungen weicht von den Plätzen ab.');
    const requests = ergebnis.requests.total;
    const bookingsPerSecond = Math.round((requests / ergebnis.duration) * 10) / 10;
    console.log(`pgbench -S mit ${VERBINDUNGEN} Verbindungen auf demselben Server …`);
    const pgbenchTps = await pgbench(system.connectionString, VERBINDUNGEN);
    const ratioToPgbench = pgbenchTps ? Math.round((bookingsPerSecond / pgbenchTps) * 1000) / 1000 : null;
    console.log(JSON.stringify({ requests, bookingsPerSecond, p99Ms: ergebnis.latency.p99, doubleBookings, pgbenchTps: pgbenchTps === null ? null : Math.round(pgbenchTps), ratioToPgbench }));
    if (doubleBookings !== 0) process.exitCode = 1;
  } finally {
    await app.close();
    await system.stop();
    if (extern) await extern.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
