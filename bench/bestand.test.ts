import { describe, expect, it } from 'vitest';
import { berechne, berechneValidiert, pruefe, type BerechnungInput } from '../src/domain/berechnung/index.ts';
import { erzeugeBg, prng } from './bestand.ts';

/**
 * The synthetic stock of the Massenänderung benchmark must be valid input AND look like the stock it claims to model
 * (bench/bestand.ts: BA Eckwerte Dec 2024) — otherwise the benchmark measures something else.
 */

const alterIn = (geburtsdatum: string, zeitraum: BerechnungInput['zeitraum']) => {
  const [gj, gm] = geburtsdatum.split('-').map(Number) as [number, number];
  const [j, m] = (typeof zeitraum === 'string' ? zeitraum : zeitraum.von).split('-').map(Number) as [number, number];
  return j - gj - (m < gm ? 1 : 0);
};

const erwachsene = (f: BerechnungInput) => f.personen.filter((p) => p.rolle !== 'kind').length;
const minderjaehrige = (f: BerechnungInput) => f.personen.filter((p) => p.rolle === 'kind' && alterIn(p.geburtsdatum, f.zeitraum) < 18).length;

function stichprobe(n: number, seed: number, jahr = 2025, monat = 6): BerechnungInput[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => erzeugeBg(r, { jahr, monat }));
}

describe('synthetischer Bestand für den Benchmark', () => {
  it('ist deterministisch: gleicher Startwert, gleicher Bestand; anderer Startwert, anderer Bestand', () => {
    expect(stichprobe(500, 42)).toEqual(stichprobe(500, 42));
    expect(stichprobe(50, 42)).not.toEqual(stichprobe(50, 43));
  });

  it('jede BG ist gültige Eingabe, unverändert durch die Prüfung, mit plausiblen Personen und Beträgen', () => {
    for (const f of stichprobe(2000, 7)) {
      // the schema check neither refuses nor rewrites the generated input
      expect(pruefe(f)).toEqual(f);
      expect(f.zeitraum).toBe('2025-06');
      expect(f.leistungsbeginn! <= '2025-06').toBe(true);
      const antragsteller = f.personen.filter((p) => p.rolle === 'antragsteller');
      expect(antragsteller).toHaveLength(1);
      expect(f.personen.filter((p) => p.rolle === 'partner').length).toBeLessThanOrEqual(1);
      const alterA = alterIn(antragsteller[0]!.geburtsdatum, f.zeitraum);
      expect(alterA).toBeGreaterThanOrEqual(24);
      expect(alterA).toBeLessThanOrEqual(64);
      for (const k of f.personen.filter((p) => p.rolle === 'kind')) {
        const alter = alterIn(k.geburtsdatum, f.zeitraum);
        expect(alter).toBeGreaterThanOrEqual(0);
        expect(alter).toBeLessThan(25);
        expect(alter).toBeLessThan(alterA);
        expect(k.einkommen?.some((e) => e.art === 'kindergeld')).toBe(true);
      }
      const u = f.unterkunft!;
      for (const betrag of [u.grundmiete, u.nebenkosten, u.heizkosten]) {
        expect(betrag).toBeGreaterThan(0);
        // whole cents
        expect(Math.abs(betrag * 100 - Math.round(betrag * 100))).toBeLessThan(1e-6);
      }
      const ergebnis = berechneValidiert(f);
      expect(ergebnis.auszahlung).toBeGreaterThanOrEqual(0);
      // the checked and the unchecked path give the same amounts
      expect(berechne(f).auszahlung).toBe(ergebnis.auszahlung);
    }
  });

  it('trifft die Mischung des Bestands (BA-Eckwerte Dez. 2024) auf wenige Prozentpunkte', () => {
    const bgs = stichprobe(20_000, 11);
    const anteil = (pred: (f: BerechnungInput) => boolean) => bgs.filter(pred).length / bgs.length;
    // 53 % single adults, 17 % single parents, 13 % couples without, 17 % couples with children
    expect(anteil((f) => erwachsene(f) === 1 && minderjaehrige(f) === 0 && f.personen.length === 1)).toBeCloseTo(0.53, 1);
    expect(anteil((f) => erwachsene(f) === 1 && minderjaehrige(f) > 0)).toBeCloseTo(0.17, 1);
    expect(anteil((f) => erwachsene(f) === 2 && f.personen.length === 2)).toBeCloseTo(0.13, 1);
    expect(anteil((f) => erwachsene(f) === 2 && minderjaehrige(f) > 0)).toBeCloseTo(0.17, 1);
    // about a fifth with earnings
    expect(anteil((f) => f.personen.some((p) => p.einkommen?.some((e) => e.art === 'erwerbstaetigkeit' && p.rolle !== 'kind')))).toBeCloseTo(0.2, 1);
    // issue #16: about a tenth with a child outside the BG, 3 % self-employed
    const draussen = bgs.slice(0, 5000).filter((f) => berechneValidiert(f, { erklaerung: false }).personen.some((p) => !p.inBedarfsgemeinschaft));
    expect(draussen.length / 5000).toBeGreaterThan(0.08);
    expect(draussen.length / 5000).toBeLessThan(0.13);
    expect(anteil((f) => f.personen.some((p) => p.einkommen?.some((e) => e.art === 'selbststaendigkeit')))).toBeCloseTo(0.03, 2);
    // about 27 % of the persons are children under 18 (BA: 1.55 M of 5.73 M)
    const personen = bgs.reduce((s, f) => s + f.personen.length, 0);
    const kinder = bgs.reduce((s, f) => s + minderjaehrige(f), 0);
    expect(kinder / personen).toBeGreaterThan(0.22);
    expect(kinder / personen).toBeLessThan(0.32);
  });
});
