import { describe, expect, it } from 'vitest';
import { kleinzahl, quote, veraenderung } from './bericht.ts';

describe('veraenderung', () => {
  it.each([
    // Kleve November 2020: 7.741 BG, 104 weniger als im Vormonat
    [7741, 7845, -104, -1.3],
    [8139, 7683, 456, 5.9],
    [6013, 6312, -299, -4.7],
    [100, 100, 0, 0],
    // exact halves round away from zero
    [1005, 1000, 5, 0.5],
    [10_045, 10_000, 45, 0.5],
    [9_955, 10_000, -45, -0.5],
    [2_001, 2_000, 1, 0.1],
    [1, 2000, -1999, -100],
  ])('%d gegen %d: %d, %d %%', (jetzt, vorher, absolut, prozent) => {
    expect(veraenderung(jetzt, vorher)).toEqual({ absolut, prozent });
  });

  it('ohne Vorwert oder mit Vorwert 0: prozent null', () => {
    expect(veraenderung(5, 0)).toEqual({ absolut: 5, prozent: null });
    expect(veraenderung(5, null)).toEqual({ absolut: null, prozent: null });
    expect(veraenderung(null, 5)).toEqual({ absolut: null, prozent: null });
  });

  it('eine kleine Abnahme rundet auf 0, nicht auf −0', () => {
    expect(Object.is(veraenderung(99_999, 100_000).prozent, 0)).toBe(true);
  });
});

describe('kleinzahl', () => {
  it.each([
    [0, 3, 0],
    [1, 3, '*'],
    [2, 3, '*'],
    [3, 3, 3],
    [250, 3, 250],
    [4, 5, '*'],
  ] as const)('%d bei Grenze %d → %s', (wert, grenze, erwartet) => {
    expect(kleinzahl(wert, grenze)).toBe(erwartet);
  });
});

describe('quote', () => {
  it('Prozent mit einer Nachkommastelle, ab einer Bezugsgröße von 15.000', () => {
    // MKK November 2019: 6.013 Arbeitslose SGB II bei rund 229.000 zivilen Erwerbspersonen ≈ 2,6 %
    expect(quote(6013, 229_000, '2019-11')).toBe(2.6);
    expect(quote(150, 15_000, '2024-06')).toBe(1);
    // 1 / 15.000 × 100 = 0,00666… → 0,0
    expect(quote(1, 15_000, '2024-06')).toBe(0);
    // 15,05 % → 15,1 (half up)
    expect(quote(3010, 20_000, '2024-06')).toBe(15.1);
  });
  it('keine Quote ohne oder unter der Mindest-Bezugsgröße', () => {
    expect(quote(100, 14_999, '2024-06')).toBeNull();
    expect(quote(100, null, '2024-06')).toBeNull();
    expect(quote(100, 0, '2024-06')).toBeNull();
  });
});
