import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client, type QueryResultRow } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer as createTcpServer } from 'node:net';
import { testConfig } from '../../src/config/config.ts';
import { freePort, startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { buildApp } from '../../src/app.ts';
import { startSystem } from '../../src/system.ts';
import { testClock } from '../helpers/clock.ts';

/**
 * The embedded PostgreSQL server (ADR 0002): started and stopped by vorort, data kept across restarts,
 * a second vorort on the same data directory refused, and a stop that needs no recovery at the next start.
 * These tests start real servers (as root they run as the `postgres` OS user, like `npm start` does).
 */

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vorort-embedded-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * The cluster state recorded in global/pg_control (ControlFileData.state, an int32 at byte 16 after the
 * system identifier and two version numbers — the same layout in PostgreSQL 15 to 18).
 * 1 = shut down cleanly, 6 = in production (running, or not properly shut down).
 */
function clusterState(dataDir: string): number {
  return readFileSync(path.join(dataDir, 'pg', 'global', 'pg_control')).readInt32LE(16);
}
const SHUT_DOWN = 1;
const IN_PRODUCTION = 6;

async function query<T extends QueryResultRow>(connectionString: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function spawnNode(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<Exit> } {
  // a small Statistik history keeps the first seed quick here (npm start's default is larger: docs/statistik.md)
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', VORORT_DEMO_STATISTIK_BG: '60', ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor(check: () => boolean, ms: number, what: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A second process that tries to start the embedded server on the same data directory. */
async function secondStart(dataDir: string): Promise<{ name: string; message: string; locked: boolean }> {
  const script = `
    const { startEmbeddedPostgres, DataDirLockedError } = await import(${JSON.stringify(path.join(root, 'src/db/embedded.ts'))});
    try {
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      await db.stop();
      console.log(JSON.stringify({ name: 'started', message: '', locked: false }));
    } catch (err) {
      console.log(JSON.stringify({ name: err.constructor.name, message: err.message, locked: err instanceof DataDirLockedError }));
    }`;
  const run = spawnNode(['--import', 'tsx', '--input-type=module', '-e', script], {});
  const result = await within(run.exited, 60_000, 'second start');
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as { name: string; message: string; locked: boolean };
}

describe('embedded PostgreSQL', () => {
  it('keeps data across a clean stop and restart and refuses a second start on the same data', { timeout: 180_000 }, async () => {
    const dataDir = tempDataDir();
    const firstLog: string[] = [];
    const first = await startEmbeddedPostgres({ dataDir, log: (l) => firstLog.push(l) });
    await query(first.connectionString, 'CREATE TABLE merkzettel (text text NOT NULL)');
    await query(first.connectionString, 'INSERT INTO merkzettel VALUES ($1)', ['bleibt erhalten']);
    expect(existsSync(path.join(dataDir, 'vorort.lock'))).toBe(true);
    expect(clusterState(dataDir)).toBe(IN_PRODUCTION);

    // A second vorort on the same directory stops with a clear German message and touches nothing.
    const second = await secondStart(dataDir);
    expect(second.locked, JSON.stringify(second)).toBe(true);
    expect(second.name).toBe('DataDirLockedError');
    expect(second.message).toContain(`Das Datenverzeichnis ${dataDir} wird bereits von einem anderen vorort-Prozess (PID ${process.pid}) verwendet`);
    expect(second.message).toContain('VORORT_DATA_DIR');
    expect(await query(first.connectionString, 'SELECT text FROM merkzettel')).toEqual([{ text: 'bleibt erhalten' }]);

    await within(first.stop(), 30_000, 'stop');
    expect(existsSync(path.join(dataDir, 'vorort.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(clusterState(dataDir)).toBe(SHUT_DOWN);
    expect(firstLog.join('\n')).toMatch(/database system is shut down/);

    const restartLog: string[] = [];
    const again = await startEmbeddedPostgres({ dataDir, log: (l) => restartLog.push(l) });
    try {
      expect(await query(again.connectionString, 'SELECT text FROM merkzettel')).toEqual([{ text: 'bleibt erhalten' }]);
      const log = restartLog.join('\n');
      expect(log).toMatch(/database system is ready to accept connections/);
      expect(log).not.toMatch(/not properly shut down|automatic recovery|redo starts/);
      expect(log).toMatch(/database system was shut down at/);
    } finally {
      await again.stop();
    }
    expect(clusterState(dataDir)).toBe(SHUT_DOWN);
  });

  it.skipIf(userInfo().uid !== 0)('as root, refuses a data directory the postgres user cannot reach, naming the folder', async () => {
    const outer = tempDataDir(); // created with mode 700, like /root
    const dataDir = path.join(outer, 'innen', 'data');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      new RegExp(`Dieser Benutzer kann ${outer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} nicht betreten`),
    );
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'vorort.lock'))).toBe(false);
  });

  it('`vorort start` serves the demo, refuses a second start and stops cleanly on SIGTERM', { timeout: 240_000 }, async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const env = { VORORT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', VORORT_DEV_SMTP_PORT: '0' };
    const server = spawnNode([path.join(root, 'bin/vorort.mjs'), 'start'], env);
    let serverExit: Exit | null = null;
    void server.exited.then((e) => (serverExit = e));
    await waitFor(
      () => server.output().stdout.includes('vorort läuft auf') || serverExit !== null,
      120_000,
      () => JSON.stringify(server.output()),
    );
    expect(serverExit, JSON.stringify(server.output())).toBeNull();
    const startOutput = server.output().stdout;
    expect(startOutput).toContain('Demo-Zugänge (Passwort für alle: vorort-demo)');
    expect(startOutput).toContain('admin@beispielstadt.example');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const start = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(start).toContain('Jobcenter Musterstadt');

    // The same data directory a second time: a clear message, exit code ≠ 0, the first server unharmed.
    const other = spawnNode([path.join(root, 'bin/vorort.mjs'), 'start'], { ...env, PORT: String(await freePort()) });
    const otherExit = await within(other.exited, 60_000, 'second vorort start');
    expect(otherExit.code).toBe(1);
    expect(otherExit.stderr).toContain(`wird bereits von einem anderen vorort-Prozess (PID ${server.child.pid}) verwendet`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    server.child.kill('SIGTERM');
    const exit = await within(server.exited, 60_000, 'vorort stop on SIGTERM');
    expect(exit.code, JSON.stringify(exit)).toBe(0);
    expect(exit.stdout).toContain('SIGTERM empfangen');
    expect(existsSync(path.join(dataDir, 'vorort.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(clusterState(dataDir)).toBe(SHUT_DOWN);

    // The next start finds everything as it was: migrations are up to date, the data is there.
    const migrate = spawnNode([path.join(root, 'bin/vorort.mjs'), 'migrate'], env);
    const migrated = await within(migrate.exited, 90_000, 'vorort migrate');
    expect(migrated.code, JSON.stringify(migrated)).toBe(0);
    expect(migrated.stdout).toContain('Migrationen angewendet');
    expect(clusterState(dataDir)).toBe(SHUT_DOWN);
  });

  it('notices when its PostgreSQL stops (fast, smart, crash) and serves again by itself', { timeout: 300_000 }, async () => {
    const dataDir = tempDataDir();
    const logs: string[] = [];
    const config = testConfig({ dataDir, demoData: true });
    const system = await startSystem(config, { log: (l) => logs.push(l), probeIntervalMs: 500 });
    const app = await buildApp({ config, db: system.db, mailer: system.mailer, mailCatcher: system.mailCatcher, clock: testClock() }, { logger: false });
    const embedded = system.embedded!;
    const login = async () => {
      const started = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leistung@musterland.example', password: 'vorort-demo' } });
      return { status: res.statusCode, ms: performance.now() - started };
    };
    /** After the postmaster went away: every request answers (503 or 200) within 5 s, and 200 again within 30 s. */
    const recovers = async (stoppedAt: number) => {
      const statuses: number[] = [];
      for (;;) {
        const r = await login();
        expect(r.ms, `a request took ${Math.round(r.ms)} ms`).toBeLessThan(5000);
        expect([200, 503]).toContain(r.status);
        statuses.push(r.status);
        if (r.status === 200) break;
        expect(performance.now() - stoppedAt, `still ${r.status} after 30 s: ${logs.join(' | ')}`).toBeLessThan(30_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return statuses;
    };
    const gone = (pid: number) => waitFor(() => !alive(pid), 30_000, () => `postmaster ${pid} still running: ${logs.join(' | ')}`);
    try {
      expect((await login()).status).toBe(200);

      // 1. A fast shutdown by someone else (SIGINT to the postmaster): vorort starts it again.
      const first = embedded.postmasterPid()!;
      process.kill(first, 'SIGINT');
      await gone(first);
      const outage = await recovers(performance.now());
      expect(embedded.postmasterPid()).not.toBe(first);
      expect(outage.at(-1)).toBe(200);
      expect(logs.join('\n')).toMatch(/Der eingebettete PostgreSQL-Server hat sich unerwartet beendet \(Exit-Code 0\)/);
      expect(logs.join('\n')).toMatch(/Der eingebettete PostgreSQL-Server läuft wieder/);

      // 2. A smart shutdown (SIGTERM) waits for every client to disconnect: vorort lets go of its idle connections,
      //    so it completes while the application is idle — and then the server comes back.
      expect((await login()).status).toBe(200);
      const second = embedded.postmasterPid()!;
      const smartAt = performance.now();
      process.kill(second, 'SIGTERM');
      await gone(second);
      expect(performance.now() - smartAt).toBeLessThan(20_000);
      await recovers(performance.now());

      // 3. A crash (SIGKILL): PostgreSQL recovers from its WAL on the restart, nothing committed is lost.
      const third = embedded.postmasterPid()!;
      process.kill(third, 'SIGKILL');
      await gone(third);
      const crashAt = performance.now();
      await recovers(crashAt);
      const users = await system.db.withSystem((tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from users`));
      expect(users.rows[0]!.n).toBeGreaterThan(0);
      // No personal data in what vorort logged about it.
      expect(logs.join('\n')).not.toMatch(/leistung@|vorort-demo/);
    } finally {
      await app.close();
      await system.stop();
    }
    expect(existsSync(path.join(dataDir, 'vorort.lock'))).toBe(false);
  });

  it.skipIf(userInfo().uid !== 0)(
    'as root, `npm start` from a checkout inside a 0700 folder runs: cluster and programs go where the postgres user reaches them',
    { timeout: 300_000 },
    async () => {
      // A checkout in a private folder (like /root/vorort): the folder is 0700, the files are hard links of this one.
      const privat = tempDataDir();
      expect(statSync(privat).mode & 0o777).toBe(0o700);
      const checkout = path.join(privat, 'vorort');
      mkdirSync(checkout);
      for (const teil of ['bin', 'src', 'node_modules', 'package.json', 'tsconfig.json']) {
        // hard links where the file system allows them, a copy otherwise
        const kopiert = spawnSync('cp', ['-al', path.join(root, teil), checkout]).status === 0 || spawnSync('cp', ['-a', path.join(root, teil), checkout]).status === 0;
        expect(kopiert).toBe(true);
      }
      // Where the reachable copies go (default /var/lib/vorort); a fresh folder so the test leaves nothing behind.
      const ort = tempDataDir();
      const port = await freePort();
      const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', VORORT_DEMO_STATISTIK_BG: '60', PORT: String(port), HOST: '127.0.0.1', VORORT_DEV_SMTP_PORT: '0', VORORT_POSTGRES_ORT: ort };
      delete childEnv.DATABASE_URL;
      delete childEnv.VORORT_DATA_DIR;
      // the same command as `npm start`
      const server = spawn(process.execPath, ['bin/vorort.mjs', 'start'], { cwd: checkout, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(server);
      let out = '';
      server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      let beendet = false;
      server.on('exit', () => (beendet = true));
      await waitFor(() => out.includes('vorort läuft auf') || beendet, 240_000, () => out);
      expect(beendet, out).toBe(false);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      // The notice says where the data went; the cluster and the programs are there.
      expect(out).toMatch(/die Datenbank liegt in .*cluster-[0-9a-f]{12}/);
      expect(readdirSync(ort).some((n) => n.startsWith('cluster-'))).toBe(true);
      // (a checkout whose node_modules is a link to a reachable folder needs no copy of the programs)
      const programmeKopiert = readdirSync(ort).some((n) => n.startsWith('postgres-'));
      expect(programmeKopiert).toBe(!lstatSync(path.join(root, 'node_modules')).isSymbolicLink());
      const exit = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await within(exit, 60_000, 'vorort stop on SIGTERM');
    },
  );

  it('gives up after the configured restart attempts and says so (vorort start then exits with 1)', { timeout: 180_000 }, async () => {
    const dataDir = tempDataDir();
    const config = testConfig({ dataDir, db: { statementTimeoutMs: 5000, connectTimeoutMs: 3000, restartAttempts: 2 } });
    let fatal = '';
    const system = await startSystem(config, { jobs: false, probeIntervalMs: 500, onFatal: (m) => (fatal = m) });
    const port = Number(new URL(system.connectionString).port);
    const blocker = createTcpServer();
    try {
      const pid = system.embedded!.postmasterPid()!;
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !alive(pid), 30_000, () => 'postmaster still running');
      // Someone else takes the port: the restarts cannot succeed.
      await new Promise<void>((resolve, reject) => blocker.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
      await waitFor(() => fatal !== '', 60_000, () => 'no fatal report');
      expect(fatal).toContain('nach 2 Versuchen nicht wieder starten');
      expect(fatal).toContain('Exit-Code 1');
    } finally {
      blocker.close();
      await system.stop();
    }
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
