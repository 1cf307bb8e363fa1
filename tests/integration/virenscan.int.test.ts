/**
 * Virus scanning against a real clamd with our own EICAR signature database (tests/helpers/clamd.ts).
 * Skipped with a message if clamd is not installed, unless REQUIRE_CLAMAV=1.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clamdErreichbar, pruefeUpload, scanne } from '../../src/server/dokumente/virenscan.ts';
import { clamdFehlt, EICAR, EICAR_SIGNATUR, startClamd, type TestClamd } from '../helpers/clamd.ts';
import { kleinesPdf, kleinesPng } from '../helpers/testdateien.ts';

const fehlt = clamdFehlt();
if (fehlt) console.warn(fehlt);

describe.skipIf(fehlt !== undefined)('Virenscan mit clamd', () => {
  let clamd: TestClamd;
  beforeAll(async () => {
    clamd = await startClamd();
  }, 60_000);
  afterAll(async () => {
    await clamd?.stop();
  });

  it('antwortet auf PING', async () => {
    expect(await clamdErreichbar(clamd.socket)).toBe(true);
  });

  it('lässt ein PDF und ein PNG durch', async () => {
    const pdf = await pruefeUpload(kleinesPdf(), { socket: clamd.socket });
    expect(pdf).toMatchObject({ ergebnis: 'angenommen', mime: 'application/pdf' });
    const png = await pruefeUpload(kleinesPng(), { socket: clamd.socket });
    expect(png).toMatchObject({ ergebnis: 'angenommen', mime: 'image/png' });
  });

  it('meldet die EICAR-Testdatei als infiziert', async () => {
    const r = await scanne(Buffer.from(EICAR), { socket: clamd.socket });
    expect(r).toMatchObject({
      status: 'infiziert',
      signatur: expect.stringContaining(EICAR_SIGNATUR),
      code: 'virus_gefunden',
      message: expect.stringMatching(/Schadsoftware gefunden/),
    });
  });

  it('weist ein PDF mit eingebettetem EICAR ab, auch über mehrere Blöcke verteilt', async () => {
    const r = await pruefeUpload(kleinesPdf('harmlos', EICAR), { socket: clamd.socket, chunkBytes: 50 });
    expect(r).toMatchObject({ ergebnis: 'abgelehnt', code: 'virus_gefunden' });
  });

  it('prüft den Typ vor dem Scan: EICAR als Text ist schon kein erlaubter Dateityp', async () => {
    const r = await pruefeUpload(Buffer.from(EICAR), { socket: clamd.socket });
    expect(r).toMatchObject({ ergebnis: 'abgelehnt', code: 'dateityp_nicht_erlaubt' });
  });

  it('ein gestoppter clamd ergibt "nicht erreichbar" und Quarantäne, nie "sauber"', async () => {
    const zweiter = await startClamd();
    await zweiter.stop();
    const scan = await scanne(kleinesPdf(), { socket: zweiter.socket, timeoutMs: 2000 });
    expect(scan).toMatchObject({ status: 'nicht_erreichbar', code: 'scanner_nicht_erreichbar' });
    const upload = await pruefeUpload(kleinesPng(), { socket: zweiter.socket, timeoutMs: 2000 });
    expect(upload).toMatchObject({ ergebnis: 'quarantaene', code: 'scanner_nicht_erreichbar', mime: 'image/png' });
    expect(await clamdErreichbar(zweiter.socket)).toBe(false);
  }, 60_000);
});

describe('Virenscan ohne clamd', () => {
  let verzeichnis: string;
  let stumm: Server | undefined;
  const offen: Socket[] = [];
  beforeAll(async () => {
    verzeichnis = await mkdtemp(join(tmpdir(), 'vorort-stumm-'));
  });
  afterAll(async () => {
    for (const s of offen) s.destroy();
    await new Promise<void>((r) => (stumm ? stumm.close(() => r()) : r()));
    await rm(verzeichnis, { recursive: true, force: true });
  });

  it('fehlender Socket → nicht erreichbar', async () => {
    const r = await scanne(kleinesPdf(), { socket: join(verzeichnis, 'gibt-es-nicht.sock') });
    expect(r.status).toBe('nicht_erreichbar');
  });

  it('ein Socket, der nie antwortet → Zeitüberschreitung, nicht erreichbar', async () => {
    const pfad = join(verzeichnis, 'stumm.sock');
    const server = createServer((s) => {
      offen.push(s);
      s.resume(); // reads, never answers
    });
    stumm = server;
    await new Promise<void>((r) => server.listen(pfad, () => r()));
    const start = Date.now();
    const r = await scanne(kleinesPdf(), { socket: pfad, timeoutMs: 300 });
    expect(r).toMatchObject({ status: 'nicht_erreichbar', grund: expect.stringMatching(/Zeitüberschreitung/) });
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
