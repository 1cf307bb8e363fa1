import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { berechnenCommand } from './berechnen.ts';

async function lauf(args: string[], eingabe = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await berechnenCommand({ args, stdin: Readable.from([eingabe]), stdout, stderr });
  return { code, out, err };
}

const FALL = {
  version: 1,
  zeitraum: '2024-06',
  personen: [{ id: 'a', geburtsdatum: '1989-04-01', rolle: 'antragsteller' }],
  unterkunft: { grundmiete: 300, nebenkosten: 90, heizkosten: 60 },
};

describe('npx vorort berechnen', () => {
  it('liest von stdin und gibt das Ergebnis-JSON aus (Exit 0)', async () => {
    const r = await lauf([], JSON.stringify(FALL));
    expect(r.code).toBe(0);
    const ergebnis = JSON.parse(r.out);
    expect(ergebnis).toMatchObject({ version: 1, gesamtbedarf: 1013, anspruch: 1013, auszahlung: 1013, leistung: 'Bürgergeld' });
    expect(ergebnis.schritte.length).toBeGreaterThan(0);
  });
  it('liest eine Datei; --ohne-schritte und --kompakt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vorort-'));
    const datei = join(dir, 'fall.json');
    writeFileSync(datei, JSON.stringify(FALL));
    const r = await lauf([datei, '--ohne-schritte', '--kompakt']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out).schritte).toEqual([]);
  });
  it('ungültige Eingabe: Exit 2, Fehler-JSON auf stdout, Hinweis auf stderr', async () => {
    const r = await lauf(['-'], JSON.stringify({ ...FALL, personen: [{ ...FALL.personen[0], geburtsdatum: '2024-07-01' }] }));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      error: 'geburtsdatum_nach_zeitraum',
      pfad: 'personen[0].geburtsdatum',
      message: expect.stringContaining('2024-07-01'),
    });
    expect(r.err).toContain('personen[0].geburtsdatum');
  });
  it.each([
    [{ art: 'selbststaendigkeit', brutto: 800, netto: 900 }, 'netto_groesser_brutto', 'personen[0].einkommen[0].netto'],
    [{ art: 'einmalig', betrag: 500 }, 'schema_ungueltig', 'personen[0].einkommen[0].zufluss'],
  ])('Issue #16, ungültige Einnahme %j: Exit 2 mit %s und Pfad', async (ek, code, pfad) => {
    const r = await lauf(['-'], JSON.stringify({ ...FALL, personen: [{ ...FALL.personen[0], einkommen: [ek] }] }));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ error: code, pfad });
  });
  it('kein JSON: Exit 2 mit json_ungueltig', async () => {
    const r = await lauf([], '{ version: 1');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toBe('json_ungueltig');
  });
  it('fehlende Datei: Exit 2 mit eingabe_nicht_lesbar', async () => {
    const r = await lauf(['/nicht/vorhanden.json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toBe('eingabe_nicht_lesbar');
  });
  it('--help', async () => {
    const r = await lauf(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('berechnen');
  });
});
