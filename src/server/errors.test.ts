import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode, fehler, FEHLERCODES, istErrorCode, meldungZu } from './errors.ts';

describe('ErrorCode: one closed list with a German message each', () => {
  const codes = Object.keys(FEHLERCODES) as ErrorCode[];

  it('lists every code with a German message (and a valid HTTP status where it is fixed)', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*$/);
      const { meldung, status } = FEHLERCODES[code];
      expect(meldung.trim().length, code).toBeGreaterThan(3);
      // German for people: no English sentence slipped in, and it reads as a sentence
      expect(meldung, code).not.toMatch(/\b(the|is|not|please|error)\b/i);
      expect(status === undefined || (status >= 400 && status <= 599), code).toBe(true);
    }
  });

  it('takes the texts of the domain rules from their tables (Termine, Warteliste, uploads)', () => {
    expect(meldungZu('slot_belegt')).toBe('Dieser Termin ist leider schon vergeben.');
    expect(FEHLERCODES.slot_belegt.status).toBe(409);
    expect(meldungZu('raum_geschlossen')).toMatch(/vorbei/);
    expect(meldungZu('checkin_nicht_vor_ort')).toMatch(/nicht vor Ort/);
    expect(istErrorCode('checkin_moeglich')).toBe(false);
    expect(meldungZu('virus_gefunden')).toMatch(/Schadsoftware/);
  });

  it('is closed: an unlisted code does not compile', () => {
    // @ts-expect-error 'gibt_es_nicht' is not an ErrorCode
    const e = new AppError('gibt_es_nicht', 400, 'x');
    expect(e.code).toBe('gibt_es_nicht');
    expect(istErrorCode('gibt_es_nicht')).toBe(false);
    expect(istErrorCode('not_found')).toBe(true);
  });

  it('fehler() builds the error from the list (fixed status, general message, or the specific one)', () => {
    const e = fehler('massenaenderung_laeuft');
    expect(e).toBeInstanceOf(AppError);
    expect([e.code, e.status, e.message]).toEqual(['massenaenderung_laeuft', 409, FEHLERCODES.massenaenderung_laeuft.meldung]);
    expect(fehler('liste_voll', { meldung: 'Höchstens 3 Einträge sind möglich.' }).message).toBe('Höchstens 3 Einträge sind möglich.');
    expect(() => fehler('bad_request')).toThrow(/keinen festen Status/);
    expect(fehler('bad_request', { status: 400 }).status).toBe(400);
  });

  it('the fixed status of the list is the status every literal throw site uses', () => {
    const wurzel = join(import.meta.dirname, '..');
    const abweichend: string[] = [];
    const lauf = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) lauf(p);
        else if (/\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)) {
          for (const m of readFileSync(p, 'utf8').matchAll(/new AppError\(\s*'([a-z_]+)',\s*(\d{3})\b/g)) {
            const eintrag = FEHLERCODES[m[1] as ErrorCode];
            if (!eintrag) abweichend.push(`${p}: ${m[1]} fehlt in der Liste`);
            else if (eintrag.status !== undefined && eintrag.status !== Number(m[2])) abweichend.push(`${p}: ${m[1]} mit ${m[2]} statt ${eintrag.status}`);
          }
        }
      }
    };
    lauf(wurzel);
    expect(abweichend).toEqual([]);
  });
});
