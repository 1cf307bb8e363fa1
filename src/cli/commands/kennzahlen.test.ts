import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kennzahlenCommand } from './kennzahlen.ts';

async function lauf(args: string[], eingabe = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await kennzahlenCommand({ args, stdin: Readable.from([eingabe]), stdout, stderr });
  return { code, out, err };
}

/** Two eLb all year; one of them takes up svb in March 2024 (in B(Feb) and B(Mar)). */
const DATEI = {
  version: 1,
  bezugsmonat: '2024-12',
  personen: [
    { id: 'a', elb: [{ von: '2022-01-01', bis: null }], ereignisse: [{ datum: '2024-03-01', art: 'svb' }], svBeschaeftigung: [{ von: '2024-03-01', bis: null }] },
    { id: 'b', elb: [{ von: '2023-06-01', bis: null }] },
  ],
  leistungen: [
    { monat: '2024-12', llu: 1100, luh: 800 },
    { monat: '2023-12', llu: 1000, luh: 800 },
  ],
};

describe('npx vorort kennzahlen', () => {
  it('liest von stdin und gibt das Ergebnis-JSON aus (Exit 0)', async () => {
    const r = await lauf([], JSON.stringify(DATEI));
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out);
    expect(e.version).toBe(1);
    expect(e.bezugsmonat).toBe('2024-12');
    expect(Object.keys(e.kennzahlen)).toHaveLength(15);
    expect(e.kennzahlen.K1).toEqual({ wert: 10, zaehler: 1100, nenner: 1000 });
    expect(e.kennzahlen.K2).toEqual({ wert: 50, zaehler: 1, nenner: 2 }); // 1 / Ø 2
    expect(e.kennzahlen.K2E3).toEqual({ wert: 100, zaehler: 1, nenner: 1 });
    expect(e.kennzahlen.K3).toEqual({ wert: 0, zaehler: 1, nenner: 1 }); // a is LZB in both Decembers
    expect(e.kennzahlen.K2E1).toEqual({ wert: 0, zaehler: 0, nenner: 2 });
  });
  it('liest eine Datei; --kompakt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vorort-'));
    const datei = join(dir, 'kennzahlen.json');
    writeFileSync(datei, JSON.stringify(DATEI));
    const r = await lauf([datei, '--kompakt']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out).kennzahlen.K1E2).toEqual({ wert: 0, zaehler: 2, nenner: 2 });
  });
  it('ungültige Eingabe: Exit 2, Fehler-JSON auf stdout, Hinweis auf stderr', async () => {
    const r = await lauf(['-'], JSON.stringify({ ...DATEI, personen: [DATEI.personen[0], DATEI.personen[0]] }));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: 'id_doppelt', pfad: 'personen[1].id', message: expect.stringContaining('"a"') });
    expect(r.err).toContain('personen[1].id');
  });
  it('unbekanntes Feld: Exit 2 mit schema_ungueltig', async () => {
    const r = await lauf([], JSON.stringify({ ...DATEI, leistungen: [{ monat: '2024-12', llu: 1, luh: 1, kosten: 3 }] }));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: 'schema_ungueltig', pfad: 'leistungen[0]', message: 'leistungen[0]: unbekannte Angabe "kosten".' });
  });
  it('kein JSON: Exit 2 mit json_ungueltig', async () => {
    const r = await lauf([], '{ version: 1');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toBe('json_ungueltig');
  });
  it('fehlende Datei, unbekannte Option: Exit 2', async () => {
    const r = await lauf(['/nicht/vorhanden.json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toBe('eingabe_nicht_lesbar');
    const o = await lauf(['--schnell']);
    expect(o.code).toBe(2);
    expect(JSON.parse(o.out).error).toBe('aufruf_ungueltig');
  });
  it('--help', async () => {
    const r = await lauf(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kennzahlen');
  });
  it('als Prozess über bin/vorort.mjs: Exit 0 und Exit 2', () => {
    const bin = fileURLToPath(new URL('../../../bin/vorort.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'kennzahlen', '-', '--kompakt'], { input: JSON.stringify(DATEI), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).kennzahlen.K1.wert).toBe(10);
    const schlecht = spawnSync(process.execPath, [bin, 'kennzahlen'], { input: JSON.stringify({ ...DATEI, version: 2 }), encoding: 'utf8' });
    expect(schlecht.status).toBe(2);
    expect(JSON.parse(schlecht.stdout)).toMatchObject({ error: 'schema_ungueltig', pfad: 'version' });
  }, 30_000);
});
