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
  tatbestandDerForderung,
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

  it('the origin of the Forderung fixes the rate (§ 43 Abs. 2 S. 1): Nr. 3 and § 41a → 10 %, Nr. 2/Nr. 4 → 30 %', () => {
    expect(tatbestandDerForderung('abschliessende_feststellung', null)).toBe('vorlaeufig');
    expect(tatbestandDerForderung('aufhebung', 'nr3')).toBe('einkommen');
    expect(tatbestandDerForderung('aufhebung', 'nr2')).toBe('sonstige');
    expect(tatbestandDerForderung('aufhebung', 'nr4')).toBe('sonstige');
    expect(tatbestandDerForderung('aufhebung', null)).toBeNull();
    expect(tatbestandDerForderung('aenderung', null)).toBeNull();
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

  it('§ 43 Abs. 3: none with a Minderung of at least 30 %, else capped at 30 % minus the Minderung', () => {
    // Stufe 1 in 2024: 563 €, 30 % = 168.90 €
    const basis = { monat: '2024-10', prozent: 30, abMonat: '2024-10', bisMonat: '2027-09', stufe: 1, offenCent: 100_000, auszahlungPersonCent: 80_000 };
    const voll = monatlicheAufrechnung({ ...basis, minderungCent: 16_890 });
    expect(voll.betragCent).toBe(0);
    expect(voll.text).toContain('§ 43 Abs. 3 S. 1');
    // Minderung 10 % (56.30 €): 168.90 − 56.30 = 112.60 €
    const teil = monatlicheAufrechnung({ ...basis, minderungCent: 5_630 });
    expect(teil.betragCent).toBe(11_260);
    expect(teil.text).toContain('§ 43 Abs. 3 S. 2');
    // a 10 % Aufrechnung (56.30 €) stays below 168.90 − 56.30 and is not reduced
    expect(monatlicheAufrechnung({ ...basis, prozent: 10, minderungCent: 5_630 }).betragCent).toBe(5_630);
    // with a 20 % Minderung (112.60 €) only 56.30 € remain for all Aufrechnungen of the month together
    expect(monatlicheAufrechnung({ ...basis, prozent: 10, minderungCent: 11_260, bereitsCent: 1_000 }).betragCent).toBe(4_630);
  });

  it('§ 43 Abs. 2 S. 2 per month and the person’s own share (personRestCent)', () => {
    const basis = { monat: '2024-10', prozent: 10, abMonat: '2024-10', bisMonat: '2027-09', stufe: 1, offenCent: 100_000, auszahlungPersonCent: 80_000 };
    expect(monatlicheAufrechnung({ ...basis, bereitsCent: 16_890 }).betragCent).toBe(0);
    expect(monatlicheAufrechnung({ ...basis, bereitsCent: 12_000 }).betragCent).toBe(4_890);
    const anteil = monatlicheAufrechnung({ ...basis, personRestCent: 2_345 });
    expect(anteil.betragCent).toBe(2_345);
    expect(anteil.text).toContain('Anteil der Person');
    expect(monatlicheAufrechnung({ ...basis, personRestCent: 0 }).betragCent).toBe(0);
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

  it('each person repays only the own share; both Aufrechnungen draw on one balance', () => {
    const a1: LaufendeAufrechnung = { ...aufrechnung, abMonat: '2024-10', personRestCent: 20_000, offenCent: 30_000 };
    const a2: LaufendeAufrechnung = { ...a1, id: 'auf-2', personId: 'p2', prozent: 10, personRestCent: 10_000 };
    const plan = planeZahllauf({ zahlmonat: '2024-11', bewilligungen: [bewilligung], aufrechnungen: [a1, a2], erledigt: new Set() });
    const je = plan.zahlungen.map((z) => z.aufrechnungen.map((x) => [x.personId, x.betragCent]));
    // p1: 151.80, then the rest of the share 48.20; p2: 10 % of 506 € = 50.60 each month, 10 000 share
    expect(je).toEqual([
      [['p1', 15_180], ['p2', 5_060]],
      [['p1', 4_820], ['p2', 4_940]],
      [],
    ]);
    const summe = plan.zahlungen.flatMap((z) => z.aufrechnungen).reduce((s, x) => s + x.betragCent, 0);
    expect(summe).toBe(30_000);
  });

  it('caps the person’s month at 30 % minus the Minderung (§ 43 Abs. 3) across Aufrechnungen', () => {
    const gemindert: LaufendeBewilligung = {
      ...bewilligung,
      monate: bewilligung.monate.map((m) => ({ ...m, personen: [{ id: 'p1', auszahlungCent: 60_000, stufe: 2, minderungCent: m.monat === '2024-10' ? 15_180 : 5_060 }, m.personen![1]!] })),
    };
    const a1: LaufendeAufrechnung = { ...aufrechnung, abMonat: '2024-10', prozent: 10, offenCent: 100_000 };
    const a2: LaufendeAufrechnung = { ...a1, id: 'auf-2', forderungId: 'ford-2', prozent: 10 };
    const a3: LaufendeAufrechnung = { ...a1, id: 'auf-3', forderungId: 'ford-3', prozent: 10 };
    const plan = planeZahllauf({ zahlmonat: '2024-11', bewilligungen: [gemindert], aufrechnungen: [a1, a2, a3], erledigt: new Set() });
    // October: Minderung 30 % → nothing; November: 151.80 − 50.60 = 101.20 → 50.60 + 50.60 + 0
    expect(plan.zahlungen[0]!.aufrechnungen).toEqual([]);
    expect(plan.zahlungen[1]!.aufrechnungen.map((x) => x.betragCent)).toEqual([5_060, 5_060]);
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
