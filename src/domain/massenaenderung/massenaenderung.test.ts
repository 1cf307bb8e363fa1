import { describe, expect, it } from 'vitest';
import { berechneValidiert } from '../berechnung/index.ts';
import { monatsErgebnis } from '../bewilligung/berechnung.ts';
import { familienInput } from '../bewilligung/testdaten.ts';
import { monateVonBis } from '../bewilligung/monat.ts';
import { auswahlAusGrund, grundMitAuswahl, planeMassenaenderung, planeMassenaenderungFall, type LaufenderFall } from './index.ts';

/**
 * A running Bewilligung November 2023 – April 2024 whose months from January 2024 were stored with the amounts of
 * the 2023 law (Regelbedarf 502 / 451 € …): the engine has no parameter override, so the "old" amounts are the
 * result of the same facts computed for December 2023. Recomputing from 2024-01-01 applies 563 / 506 €.
 */
function fall(fallId: string, veraltet: boolean, gezahltBis: string | null, mehr: Parameters<typeof familienInput>[1] = {}): LaufenderFall {
  const opts = { leistungsbeginn: '2023-11', bwzBeginn: '2023-11', ...mehr };
  return {
    fallId,
    bewilligungId: `bew-${fallId}`,
    gezahltBis,
    monate: monateVonBis('2023-11', '2024-04').map((monat) => {
      const input = familienInput(monat, opts);
      const basis = veraltet && monat >= '2024-01' ? { ...familienInput(monat, opts), zeitraum: '2023-12' } : input;
      const e = monatsErgebnis(basis, berechneValidiert(basis, { erklaerung: false }));
      return { input, betraege: { monat, auszahlungCent: e.auszahlungCent, personen: e.personen.map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })) } };
    }),
  };
}

describe('Massenänderung (neue Regelbedarfe zum 1. Januar 2024)', () => {
  it('rechnet ab dem Stichtag neu: geänderte Monate, neue Beträge, Änderungsbescheid, Nachzahlung für bezahlte Monate', () => {
    const p = planeMassenaenderungFall(fall('a', true, '2024-01'), { ab: '2024-01-01', entscheidungsdatum: '2023-12-20' });
    expect(p.betroffeneMonate).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(p.geaendert).toBe(true);
    expect(p.aenderungsbescheidNoetig).toBe(true);
    expect(p.vergleich.geaenderteMonate.map((m) => m.monat)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    for (const m of p.vergleich.geaenderteMonate) expect(m.differenzCent).toBeGreaterThan(0);
    expect(p.vergleich.nachzahlung.monate.map((m) => m.monat)).toEqual(['2024-01']);
    expect(p.vergleich.erstattungsforderung).toBeNull();
    // the new calculation carries the explanation for the Änderungsbescheid, with the 2024 Regelbedarf
    const jan = p.neu?.monate[0];
    expect(jan?.ergebnis.rechtsstand).toBe('2024-01-01');
    expect(jan?.ergebnis.schritte.find((s) => s.text.startsWith('Regelbedarf Stufe 2 für p1'))?.betrag).toBe(506);
    expect(jan?.auszahlungCent).toBe(p.vergleich.geaenderteMonate[0]?.neuCent);
  });

  it('lässt richtige Fälle unverändert und baut dann keine Erklärung', () => {
    const p = planeMassenaenderungFall(fall('b', false, '2024-01'), { ab: '2024-01-01' });
    expect(p.geaendert).toBe(false);
    expect(p.aenderungsbescheidNoetig).toBe(false);
    expect(p.neu).toBeNull();
    expect(p.vergleich.geaenderteMonate).toEqual([]);
  });

  it('plant viele Fälle und zählt Bescheide und Nachzahlungen', () => {
    const faelle = [fall('a', true, '2024-02'), fall('b', false, '2024-02'), fall('c', true, null), fall('d', true, '2024-02', { erwerb: () => ({ brutto: 6000, netto: 4000 }) })];
    const plan = planeMassenaenderung(faelle, { ab: '2024-01-01' });
    expect(plan.statistik.faelle).toBe(4);
    // d has no entitlement under either law (income too high): nothing changes
    expect(plan.faelle.map((f) => f.geaendert)).toEqual([true, false, true, false]);
    expect(plan.statistik.bescheide).toBe(2);
    expect(plan.statistik.monate).toBe(16);
    expect(plan.statistik.nachzahlungCent).toBe(plan.faelle[0]?.vergleich.nachzahlung.gesamtCent);
    expect(plan.faelle[2]?.vergleich.nachzahlung.gesamtCent).toBe(0);
    expect(() => planeMassenaenderung(faelle, { ab: '2024-13-01' })).toThrow(RangeError);
  });

  // Speed is measured by `npm run bench:massenaenderung`, not here; this checks only the bulk mode's result.
  it('plant auch viele Fälle ohne Erklärungstexte (Massenmodus) mit je einem Bescheid', () => {
    const vorlage = fall('x', true, '2024-01');
    const faelle = Array.from({ length: 200 }, (_, i) => ({ ...vorlage, fallId: `f${i}` }));
    const plan = planeMassenaenderung(faelle, { ab: '2024-01-01', erklaerung: false });
    expect(plan.statistik.bescheide).toBe(200);
    expect(new Set(plan.faelle.map((f) => f.fallId)).size).toBe(200);
  });
});

describe('Auswahl der Massenänderung', () => {
  it('keeps the selection with the reason and reads it back unchanged', () => {
    expect(auswahlAusGrund(grundMitAuswahl('Neue Regelbedarfe 2027', 'fortgeschrieben'))).toEqual({ grund: 'Neue Regelbedarfe 2027', auswahl: 'fortgeschrieben' });
    expect(auswahlAusGrund(grundMitAuswahl('Neue Regelbedarfe 2027', 'alle'))).toEqual({ grund: 'Neue Regelbedarfe 2027', auswahl: 'alle' });
    // a reason that merely mentions the words is no selection
    expect(auswahlAusGrund('fortgeschriebene Monate prüfen').auswahl).toBe('alle');
  });
});
