import { describe, expect, it } from 'vitest';
import { berechne, pruefe } from '../src/domain/berechnung/index.ts';
import { erzeugeBg, prng } from './bestand.ts';

describe('synthetischer Bestand für den Benchmark', () => {
  it('ist deterministisch und besteht die Eingabeprüfung', () => {
    const a = prng(42);
    const b = prng(42);
    for (let i = 0; i < 2000; i++) {
      const fa = erzeugeBg(a, { jahr: 2025, monat: 6 });
      expect(erzeugeBg(b, { jahr: 2025, monat: 6 })).toEqual(fa);
      expect(() => pruefe(fa)).not.toThrow();
    }
  });
  it('liefert mit und ohne Prüfung dieselben Beträge', () => {
    const r = prng(7);
    const f = erzeugeBg(r, { jahr: 2024, monat: 3 });
    expect(berechne(f).auszahlung).toBeGreaterThanOrEqual(0);
  });
});
