import { describe, expect, it } from 'vitest';
import { berechne } from '../berechnung/index.ts';
import { berechneZeitraum } from '../bewilligung/berechnung.ts';
import { familienInput, familienInputs } from '../bewilligung/testdaten.ts';
import { kostenBisMonat, kostenDerDifferenz, kostenImMonat, kostenJeMonat, kostenaufteilung, type Buchung } from './index.ts';

describe('kostenaufteilung (§ 19 Abs. 3 S. 2 SGB II)', () => {
  it('teilt jeden Monat exakt auf: Lebensunterhalt (Bund) + KdU (Kommune) + Sofortzuschlag (Bund) = Auszahlung', () => {
    const z = berechneZeitraum(familienInputs('2024-06', 12), { erklaerung: false });
    for (const m of z.monate) {
      const k = kostenaufteilung(m.ergebnis, 'kommune-a');
      expect(k.summeCent).toBe(m.auszahlungCent);
      expect(k.anteile.reduce((s, a) => s + a.betragCent, 0)).toBe(m.auszahlungCent);
      expect(k.anteile.find((a) => a.kostenart === 'unterkunft')).toMatchObject({ traeger: 'kommune', kommuneId: 'kommune-a', betragCent: 91000 });
      expect(k.anteile.find((a) => a.kostenart === 'sofortzuschlag')).toMatchObject({ traeger: 'bund', betragCent: m.monat < '2025-01' ? 4000 : 5000 }); // § 72: 20 € → 25 € je Kind
      expect(k.norm).toBe('§ 19 Abs. 3 S. 2 SGB II');
    }
  });
  it('Einkommen deckt zuerst Regel- und Mehrbedarf: der KdU-Anteil sinkt erst, wenn der Lebensunterhalt gedeckt ist', () => {
    // single person, Bedarf 563 + 500 KdU, income covers more than the Regelbedarf
    const e = berechne({
      version: 1,
      zeitraum: '2024-06',
      personen: [{ id: 'a', geburtsdatum: '1980-01-01', rolle: 'antragsteller', einkommen: [{ art: 'rente', betrag: 700 }] }],
      unterkunft: { grundmiete: 400, nebenkosten: 50, heizkosten: 50 },
    });
    const k = kostenaufteilung(e, 'k');
    // anspruch = 1063 − (700 − 30) = 393 → all of it KdU, no Lebensunterhalt
    expect(k.anteile).toEqual([{ kostenart: 'unterkunft', traeger: 'kommune', kommuneId: 'k', betragCent: 39300 }]);
    expect(k.personen).toEqual([{ id: 'a', lebensunterhaltCent: 0, unterkunftCent: 39300, sofortzuschlagCent: 0 }]);
  });
  it('bleibt für viele Einkommen exakt', () => {
    for (let netto = 0; netto <= 3000; netto += 37) {
      const e = berechne(familienInput('2024-10', { erwerb: () => ({ brutto: netto * 1.3, netto }) }));
      const k = kostenaufteilung(e, 'k');
      expect(k.summeCent).toBe(Math.round(e.auszahlung * 100));
      for (const p of k.personen) expect(p.unterkunftCent).toBeLessThanOrEqual(22750);
    }
  });
});

describe('kostenDerDifferenz', () => {
  it('verteilt eine Nachzahlung exakt auf die gestiegenen Kostenarten', () => {
    const alt = [
      { kostenart: 'lebensunterhalt' as const, traeger: 'bund' as const, kommuneId: null, betragCent: 10000 },
      { kostenart: 'unterkunft' as const, traeger: 'kommune' as const, kommuneId: 'k', betragCent: 5000 },
    ];
    const neu = [
      { kostenart: 'lebensunterhalt' as const, traeger: 'bund' as const, kommuneId: null, betragCent: 10500 },
      { kostenart: 'unterkunft' as const, traeger: 'kommune' as const, kommuneId: 'k', betragCent: 5201 },
    ];
    expect(kostenDerDifferenz(alt, neu, 701).map((a) => a.betragCent)).toEqual([500, 201]);
    const skaliert = kostenDerDifferenz(alt, neu, 100);
    expect(skaliert.reduce((s, a) => s + a.betragCent, 0)).toBe(100);
    expect(kostenDerDifferenz(alt, alt, 0)).toEqual([]);
  });
});

const b = (bgId: string, zahlmonat: string, kostenart: Buchung['kostenart'], betragCent: number, kommuneId: string | null = null): Buchung => ({
  bgId,
  leistungsmonat: zahlmonat,
  zahlmonat,
  kostenart,
  traeger: kostenart === 'unterkunft' || kommuneId ? 'kommune' : 'bund',
  kommuneId,
  betragCent,
});

describe('Kostenberichte', () => {
  const buchungen = [
    b('bg1', '2024-01', 'lebensunterhalt', 100000),
    b('bg1', '2024-01', 'unterkunft', 60000, 'nord'),
    b('bg2', '2024-01', 'unterkunft', 45000, 'sued'),
    b('bg2', '2024-01', 'sofortzuschlag', 2000),
    b('bg1', '2024-02', 'lebensunterhalt', 100000),
    b('bg1', '2024-02', 'unterkunft', 60000, 'nord'),
    b('bg3', '2024-02', 'einmalig', 30000, 'sued'),
    b('bg1', '2023-12', 'unterkunft', 99999, 'nord'),
  ];
  it('Monat: Ausgaben gesamt, Bund/Kommune, KdU je Kommune und für den Kreis', () => {
    const r = kostenImMonat(buchungen, '2024-01');
    expect(r).toMatchObject({ gesamtCent: 207000, bundCent: 102000, kommunalCent: 105000, unterkunftKreisCent: 105000, anzahlBedarfsgemeinschaften: 2 });
    expect(r.unterkunftJeKommune).toEqual([
      { kommuneId: 'nord', betragCent: 60000 },
      { kommuneId: 'sued', betragCent: 45000 },
    ]);
    expect(r.jeKostenart).toEqual({ lebensunterhalt: 100000, unterkunft: 105000, sofortzuschlag: 2000, einmalig: 0, eingliederung: 0 });
  });
  it('seit Jahresbeginn (ohne Vorjahr) und je Monat', () => {
    const r = kostenBisMonat(buchungen, '2024-02');
    expect(r.gesamtCent).toBe(207000 + 190000);
    expect(r.unterkunftJeKommune).toEqual([
      { kommuneId: 'nord', betragCent: 120000 },
      { kommuneId: 'sued', betragCent: 45000 },
    ]);
    expect(r.kommunalJeKommune).toEqual([
      { kommuneId: 'nord', betragCent: 120000 },
      { kommuneId: 'sued', betragCent: 75000 },
    ]);
    expect(kostenJeMonat(buchungen, ['2024-01', '2024-02']).map((x) => x.gesamtCent)).toEqual([207000, 190000]);
  });
});
