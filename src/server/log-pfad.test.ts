import { describe, expect, it } from 'vitest';
import { logPfad } from './log-pfad.ts';

describe('logPfad', () => {
  it('drops the query and hides tokens in the path, keeps ids and route words', () => {
    expect(logPfad('/termine/verwalten/q3Vf0xk_9aZ2LmN8pQr7sT1u/video?x=1')).toBe('/termine/verwalten/:geheim/video');
    expect(logPfad('/termine/warteliste/0b7e6a52-3c1d-4f5e-9a8b-1c2d3e4f5a6b.Zm9vYmFyYmF6cXV4')).toBe('/termine/warteliste/:geheim');
    expect(logPfad('/faelle/0b7e6a52-3c1d-4f5e-9a8b-1c2d3e4f5a6b/mitteilungen')).toBe('/faelle/0b7e6a52-3c1d-4f5e-9a8b-1c2d3e4f5a6b/mitteilungen');
    expect(logPfad('/verwaltung/traeger-einstellungen')).toBe('/verwaltung/traeger-einstellungen');
    expect(logPfad('/registrieren/bestaetigen?token=geheim')).toBe('/registrieren/bestaetigen');
  });
});
