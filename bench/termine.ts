/**
 * Benchmark: contention on a few appointment slots over HTTP.
 *
 *   npm run bench:termine            (BENCH_ANFRAGEN, BENCH_VERBINDUNGEN, BENCH_SLOTS override the defaults)
 *
 * Starts vorort on a fresh database (embedded PostgreSQL in a temporary directory, or a new database on the server
 * of DATABASE_URL), seeds the demo data, signs in the demo citizen, picks the first free slots of one Anliegen and
 * fires a fixed number of booking requests for exactly those slots with autocannon on 127.0.0.1. Afterwards the
 * database is checked for overlapping active appointments of one Ressource. The last output line is one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { testConfig } from '../src/config/config.ts';
import { buildApp } from '../src/server/app.ts';
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
    console.log(JSON.stringify({ requests, bookingsPerSecond: Math.round((requests / ergebnis.duration) * 10) / 10, p99Ms: ergebnis.latency.p99, doubleBookings }));
    if (doubleBookings !== 0) process.exitCode = 1;
  } finally {
    await app.close();
    await system.stop();
    if (extern) await extern.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
