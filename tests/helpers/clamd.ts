/**
 * Starts a private clamd for tests: temporary config, Unix socket in a temp dir, and a signature database of our own
 * (signature downloads are impossible here) that contains only the EICAR test file – as an MD5 hash signature
 * (.hdb, "md5:size:name") and as a body signature (.ndb) so that EICAR inside a bigger stream is found too.
 *
 *   const clamd = await startClamd();   // undefined if clamd is not installed (and REQUIRE_CLAMAV is not 1)
 *   … scanne(datei, { socket: clamd.socket }) …
 *   await clamd.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLAMD_BINARY = process.env.CLAMD_BINARY ?? '/usr/sbin/clamd';

/** The standard anti-virus test file (harmless; every scanner reports it). Assembled so this file is not flagged itself. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');
export const EICAR_SIGNATUR = 'Vorort.Test.EICAR';

export type TestClamd = { socket: string; verzeichnis: string; stop: () => Promise<void> };

export function clamdVorhanden(): boolean {
  return existsSync(CLAMD_BINARY);
}

/** Skip reason for tests, or undefined when clamd can run. With REQUIRE_CLAMAV=1 a missing clamd is an error. */
export function clamdFehlt(): string | undefined {
  if (clamdVorhanden()) return undefined;
  if (process.env.REQUIRE_CLAMAV === '1') throw new Error(`REQUIRE_CLAMAV=1, aber ${CLAMD_BINARY} fehlt (Debian-Paket clamav-daemon).`);
  return `${CLAMD_BINARY} fehlt – Virenscan-Tests übersprungen (apt-get install clamav-daemon; REQUIRE_CLAMAV=1 macht daraus einen Fehler)`;
}

function pingt(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection(socket);
    let antwort = '';
    c.setTimeout(1000, () => c.destroy());
    c.on('connect', () => c.write('zPING\0'));
    c.on('data', (d) => (antwort += d.toString()));
    c.on('close', () => resolve(antwort.startsWith('PONG')));
    c.on('error', () => resolve(false));
  });
}

export async function startClamd(optionen: { startTimeoutMs?: number } = {}): Promise<TestClamd> {
  const verzeichnis = await mkdtemp(join(tmpdir(), 'vorort-clamd-'));
  const db = join(verzeichnis, 'db');
  const socket = join(verzeichnis, 'clamd.sock');
  await import('node:fs/promises').then((fs) => fs.mkdir(db));
  const md5 = createHash('md5').update(EICAR).digest('hex');
  await writeFile(join(db, 'vorort-test.hdb'), `${md5}:${Buffer.byteLength(EICAR)}:${EICAR_SIGNATUR}\n`);
  await writeFile(join(db, 'vorort-test.ndb'), `${EICAR_SIGNATUR}.Body:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const user = process.getuid?.() === 0 ? 'User root\n' : '';
  const conf = join(verzeichnis, 'clamd.conf');
  await writeFile(
    conf,
    [
      `LocalSocket ${socket}`,
      'LocalSocketMode 600',
      `DatabaseDirectory ${db}`,
      `TemporaryDirectory ${verzeichnis}`,
      'Foreground yes',
      'LogTime no',
      'LogVerbose no',
      'StreamMaxLength 25M',
      'MaxThreads 4',
      'ReadTimeout 10',
      'CommandReadTimeout 5',
      'SelfCheck 0',
      'OfficialDatabaseOnly no',
      user,
    ].join('\n'),
  );
  const prozess: ChildProcess = spawn(CLAMD_BINARY, ['--foreground', `--config-file=${conf}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let ausgabe = '';
  prozess.stdout?.on('data', (d) => (ausgabe += d.toString()));
  prozess.stderr?.on('data', (d) => (ausgabe += d.toString()));
  let beendet = false;
  const ende = new Promise<void>((resolve) =>
    prozess.on('exit', () => {
      beendet = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (!beendet) {
      prozess.kill('SIGTERM');
      const zeit = setTimeout(() => prozess.kill('SIGKILL'), 5000);
      await ende;
      clearTimeout(zeit);
    }
    await rm(verzeichnis, { recursive: true, force: true });
  };

  const frist = Date.now() + (optionen.startTimeoutMs ?? 30_000);
  while (Date.now() < frist) {
    if (beendet) break;
    if (existsSync(socket) && (await pingt(socket))) return { socket, verzeichnis, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`clamd ist nicht gestartet:\n${ausgabe.slice(-2000)}`);
}
