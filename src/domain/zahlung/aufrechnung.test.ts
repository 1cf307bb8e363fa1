import { describe, expect, it } from 'vitest';
import { EMPFAENGER_KONTO } from '../bewilligung/testdaten.ts';
import type { Kostenanteil } from '../kosten/index.ts';
import {
  AufrechnungsFehler,
  aufrechnungsProzent,
  buchungszeilen,
  erklaereAufrechnung,
  monatlicheAufrechnung,
  planeZahllauf,
  regelbedarfIm,
  tatbestandVorschlag,
  type LaufendeAufrechnung,
  type LaufendeBewilligung,
} from './index.ts';

describe('Aufrechnung § 43 SGB II', () => {
  it('10 % for § 41a and income (§ 48 Abs. 1 S. 2 Nr. 3 SGB X), 30 % otherwise', () => {
    expect(aufrechnungsProzent('vorlaeufig', '2024-09')).toMatchObject({ prozent: 10 });
    expect(aufrechnungsProzent('einkommen', '2024-09')).toMatchObject({ prozent: 10 });
    expect(aufrechnungsProzent('sonstige', '2024-09')).toMatchObject({ prozent: 30 });
    expect(aufrechnungsProzent('einkommen', '2024-09').norm).toContain('§ 48 Abs. 1 S. 2 Nr. 3 SGB X');
    expect(tatbestandVorschlag('§ 41a Abs. 6 S. 3 SGB II')).toBe('vorlaeufig');
    expect(tatbestandVorschlag('§ 50 SGB X')).toBe('sonstige');
  });

  it('the maßgebende Regelbedarf comes from the dated law: 2024 Stufe 1 563 €, Stufe 2 506 €', () => {
    expect(regelbedarfIm('2024-09', 1).betragCent).toBe(56300);
    expect(regelbedarfIm('2024-09', 2).betragCent).toBe(50600);
    expect(regelbedarfIm('2022-09', 1).betragCent).toBe(44900);
  });

  it('at most 30 % together (§ 43 Abs. 2 S. 2), ends after three years (Abs. 4 S. 2)', () => {
    const e = erklaereAufrechnung({ tatbestand: 'einkommen', abMonat: '2024-10', laufendeProzent: [10], offenCent: 100 });
    expect(e).toMatchObject({ prozent: 10, abMonat: '2024-10', bisMonat: '2027-09' });
    expect(() => erklaereAufrechnung({ tatbestand: 'sonstige', abMonat: '2024-10', laufendeProzent: [10], offenCent: 100 })).toThrow(AufrechnungsFehler);
    expect(() => erklaereAufrechnung({ tatbestand: 'vorlaeufig', abMonat: '2024-10', laufendeProzent: [10, 10, 10], offenCent: 100 })).toThrow(/höchstens 30 %/);
    expect(() => erklaereAufrechnung({ tatbestand: 'vorlaeufig', abMonat: '2024-10', laufendeProzent: [], offenCent: 0 })).toThrow(/nichts aufzurechnen/);
  });

  it('monthly amount to the cent, never beyond the balance or the person’s payment, only within the period', () => {
    const basis = { prozent: 10, abMonat: '2024-10', bisMonat: '2027-09', stufe: 1, offenCent: 100_000, auszahlungPersonCent: 80_000 };
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10' })).toMatchObject({ betragCent: 5630, regelbedarfCent: 56300 });
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', prozent: 30 }).betragCent).toBe(16890);
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', stufe: 2, prozent: 30 }).betragCent).toBe(15180);
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', offenCent: 1234 })).toMatchObject({ betragCent: 1234 });
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', offenCent: 1234 }).text).toContain('offenen Betrag');
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', auszahlungPersonCent: 4000 }).betragCent).toBe(4000);
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-09' }).betragCent).toBe(0);
    expect(monatlicheAufrechnung({ ...basis, monat: '2027-10' }).betragCent).toBe(0);
    expect(monatlicheAufrechnung({ ...basis, monat: '2024-10', stufe: null }).betragCent).toBe(0);
  });
});

const kosten = (betrag: number): Kostenanteil[] => [
  { kostenart: 'lebensunterhalt', traeger: 'bund', kommuneId: null, betragCent: betrag - 40_000 },
  { kostenart: 'unterkunft', traeger: 'kommune', kommuneId: 'nord', betragCent: 40_000 },
];

describe('Zahllauf with Aufrechnung', () => {
  const bewilligung: LaufendeBewilligung = {
    bewilligungId: 'bew-1',
    bgId: 'bg-1',
    fallnummer: 'F-1',
    empfaenger: EMPFAENGER_KONTO,
    monate: ['2024-10', '2024-11', '2024-12'].map((monat) => ({
      monat,
      betragCent: 90_000,
      kosten: kosten(90_000),
      personen: [
        { id: 'p1', auszahlungCent: 60_000, stufe: 2 },
        { id: 'p2', auszahlungCent: 30_000, stufe: 2 },
      ],
    })),
  };
  const aufrechnung: LaufendeAufrechnung = { id: 'auf-1', forderungId: 'ford-1', bgId: 'bg-1', personId: 'p1', prozent: 30, abMonat: '2024-11', bisMonat: '2027-10', offenCent: 20_000 };

  it('deducts from the month on, down to the balance; bookings stay gross; keys make it idempotent', () => {
    const plan = planeZahllauf({ zahlmonat: '2024-11', bewilligungen: [bewilligung], aufrechnungen: [aufrechnung], erledigt: new Set() });
    const [okt, nov, dez] = plan.zahlungen;
    expect(okt).toMatchObject({ leistungsmonat: '2024-10', betragCent: 90_000, bruttoCent: 90_000, aufrechnungen: [] });
    // 30 % of 506 € = 151.80 €; the rest of the balance (48.20 €) in December
    expect(nov!.aufrechnungen).toEqual([expect.objectContaining({ schluessel: 'bg-1:2024-11:laufend:aufrechnung:auf-1', betragCent: 15_180, forderungId: 'ford-1' })]);
    expect(nov!.betragCent).toBe(90_000 - 15_180);
    expect(nov!.verwendungszweck).toContain('abzgl. Aufrechnung 151,80 EUR');
    expect(dez!.aufrechnungen[0]!.betragCent).toBe(4_820);
    expect(dez!.betragCent).toBe(90_000 - 4_820);
    expect(plan.summeCent).toBe(3 * 90_000 - 20_000);
    expect(buchungszeilen(nov!).reduce((s, b) => s + b.betragCent, 0)).toBe(90_000);
    // a second run with the recorded keys and the reduced balance plans nothing
    const zweiter = planeZahllauf({
      zahlmonat: '2024-11',
      bewilligungen: [bewilligung],
      aufrechnungen: [{ ...aufrechnung, offenCent: 0 }],
      erledigt: new Set(plan.zahlungen.map((z) => z.schluessel)),
    });
    expect(zweiter.zahlungen).toEqual([]);
  });

  it('is not carried out in a month where it would leave nothing to pay', () => {
    const klein: LaufendeBewilligung = {
      ...bewilligung,
      monate: [{ monat: '2024-11', betragCent: 10_000, kosten: [{ kostenart: 'lebensunterhalt', traeger: 'bund', kommuneId: null, betragCent: 10_000 }], personen: [{ id: 'p1', auszahlungCent: 10_000, stufe: 1 }] }],
    };
    const plan = planeZahllauf({ zahlmonat: '2024-10', bewilligungen: [klein], aufrechnungen: [aufrechnung], erledigt: new Set() });
    expect(plan.zahlungen[0]).toMatchObject({ betragCent: 10_000, aufrechnungen: [] });
  });
});
