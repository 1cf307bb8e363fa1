import { describe, expect, it } from 'vitest';
import { platz, platzText, rangliste, RANKING_RICHTUNG } from './ranking.ts';
import { KENNZAHLEN } from './typen.ts';

const w = (schluessel: string, wert: number | null, markierung: 'imputiert' | 'geheim' | null = null) => ({ schluessel, wert, markierung });

describe('rangliste', () => {
  it('K2: höher ist besser, Gleichstand teilt den niedrigsten Rang (1, 1, 3)', () => {
    const r = rangliste([w('00003', 20), w('00001', 25.4), w('00002', 25.4), w('00004', 18.1)], 'K2');
    expect(r.map((x) => [x.schluessel, x.rang])).toEqual([
      ['00001', 1],
      ['00002', 1],
      ['00003', 3],
      ['00004', 4],
    ]);
    expect(r.every((x) => x.n === 4)).toBe(true);
  });

  it('K1 und K3: niedriger ist besser (Veränderungsraten)', () => {
    expect(rangliste([w('a', 1.5), w('b', -2.3), w('c', 0)], 'K1').map((x) => x.schluessel)).toEqual(['b', 'c', 'a']);
    expect(rangliste([w('a', 1.5), w('b', -2.3), w('c', 0)], 'K3').map((x) => x.schluessel)).toEqual(['b', 'c', 'a']);
  });

  it('fehlende und geheime Werte zählen nicht in n; imputierte bleiben markiert im Rang', () => {
    const r = rangliste([w('a', null, 'geheim'), w('b', 10, 'imputiert'), w('c', 12), w('d', null)], 'K2');
    expect(r).toEqual([
      { schluessel: 'c', wert: 12, rang: 1, n: 2, markierung: null },
      { schluessel: 'b', wert: 10, rang: 2, n: 2, markierung: 'imputiert' },
    ]);
  });

  it('drei Gleiche am Ende teilen Rang 2', () => {
    expect(rangliste([w('a', 5), w('b', 7), w('c', 7), w('d', 7)], 'K1').map((x) => x.rang)).toEqual([1, 2, 2, 2]);
  });

  it('platz und platzText', () => {
    const werte = [w('a', 5), w('b', 7), w('c', null)];
    expect(platz(werte, 'K2', 'a')).toEqual({ rang: 2, n: 2 });
    expect(platz(werte, 'K2', 'c')).toBeNull();
    expect(platzText({ rang: 5, n: 407 })).toBe('Platz 5 von 407');
  });

  it('jede Kennzahl hat eine Richtung', () => {
    expect(KENNZAHLEN.filter((k) => !RANKING_RICHTUNG[k])).toEqual([]);
    expect(RANKING_RICHTUNG.K2).toBe('hoeher_besser');
    expect(RANKING_RICHTUNG.K1).toBe('niedriger_besser');
    expect(RANKING_RICHTUNG.K3).toBe('niedriger_besser');
  });

  it('leere Liste', () => {
    expect(rangliste([], 'K2')).toEqual([]);
  });
});
