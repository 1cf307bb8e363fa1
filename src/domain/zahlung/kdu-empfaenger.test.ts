/** Zahllauf with a KdU-Empfänger (§ 22 Abs. 7, § 7b Abs. 4 SGB II): the laufende payment is split. */
import { describe, expect, it } from 'vitest';
import { EMPFAENGER_KONTO } from '../bewilligung/testdaten.ts';
import type { Kostenanteil } from '../kosten/index.ts';
import { buchungszeilen, planeZahllauf, type LaufendeAufrechnung, type LaufendeBewilligung } from './index.ts';

const VERMIETER = { name: 'Wohnbau Muster GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
const kosten = (lu: number, kdu: number, sz = 0): Kostenanteil[] => [
  { kostenart: 'lebensunterhalt', traeger: 'bund', kommuneId: null, betragCent: lu },
  { kostenart: 'unterkunft', traeger: 'kommune', kommuneId: 'nord', betragCent: kdu },
  ...(sz > 0 ? [{ kostenart: 'sofortzuschlag' as const, traeger: 'bund' as const, kommuneId: null, betragCent: sz }] : []),
];

function bewilligung(mit: Partial<LaufendeBewilligung> = {}): LaufendeBewilligung {
  return {
    bewilligungId: 'bew-1',
    bgId: 'bg1',
    fallnummer: 'F-2026-0001',
    empfaenger: EMPFAENGER_KONTO,
    monate: [
      { monat: '2026-08', betragCent: 150_200, kosten: kosten(50_600 + 39_000 - 25_900, 84_000, 2_500) },
      { monat: '2026-09', betragCent: 150_200, kosten: kosten(50_600 + 39_000 - 25_900, 84_000, 2_500) },
    ],
    kduEmpfaenger: [{ id: 'ke1', vonMonat: '2026-09', bisMonat: null, empfaenger: VERMIETER }],
    ...mit,
  };
}

describe('Zahllauf mit KdU-Empfänger', () => {
  it('teilt die laufende Zahlung: Unterkunft an den Vermieter, der Rest an die BG', () => {
    const plan = planeZahllauf({ zahlmonat: '2026-08', bewilligungen: [bewilligung()], erledigt: new Set() });
    expect(plan.zahlungen.map((z) => [z.schluessel, z.art, z.empfaenger.iban, z.betragCent])).toEqual([
      ['bg1:2026-08:laufend', 'laufend', EMPFAENGER_KONTO.iban, 150_200],
      ['bg1:2026-09:kdu_empfaenger', 'kdu_empfaenger', VERMIETER.iban, 84_000],
      ['bg1:2026-09:laufend', 'laufend', EMPFAENGER_KONTO.iban, 66_200],
    ]);
    expect(plan.summeCent).toBe(150_200 + 150_200);
    const kdu = plan.zahlungen[1]!;
    expect(kdu.verwendungszweck).toBe('Unterkunft und Heizung Grundsicherungsgeld 09/2026 F-2026-0001');
    expect(kdu.kduEmpfaengerId).toBe('ke1');
    expect(kdu.bewilligungId).toBe('bew-1');
    expect(buchungszeilen(kdu)).toEqual([{ schluessel: 'bg1:2026-09:kdu_empfaenger:unterkunft:nord', kostenart: 'unterkunft', traeger: 'kommune', kommuneId: 'nord', betragCent: 84_000 }]);
    expect(buchungszeilen(plan.zahlungen[2]!).map((b) => [b.schluessel, b.betragCent])).toEqual([
      ['bg1:2026-09:laufend:lebensunterhalt', 63_700],
      ['bg1:2026-09:laufend:sofortzuschlag', 2_500],
    ]);
  });

  it('ist idempotent: ein zweiter Lauf zahlt nichts doppelt; nach Abbruch zwischen beiden Teilen folgt nur der fehlende', () => {
    const erster = planeZahllauf({ zahlmonat: '2026-08', bewilligungen: [bewilligung()], erledigt: new Set() });
    const alle = new Set(erster.zahlungen.map((z) => z.schluessel));
    const zweiter = planeZahllauf({ zahlmonat: '2026-08', bewilligungen: [bewilligung()], erledigt: alle });
    expect(zweiter.zahlungen).toEqual([]);
    expect(zweiter.bereitsErledigt).toBe(3);
    // the payee's part was recorded, the BG's not (run stopped between two batches)
    const halb = planeZahllauf({ zahlmonat: '2026-08', bewilligungen: [bewilligung()], erledigt: new Set(['bg1:2026-08:laufend', 'bg1:2026-09:kdu_empfaenger']) });
    expect(halb.zahlungen.map((z) => [z.schluessel, z.betragCent])).toEqual([['bg1:2026-09:laufend', 66_200]]);
  });

  it('ein vor dem Eintrag voll gezahlter Monat wird nicht nachträglich geteilt', () => {
    const plan = planeZahllauf({
      zahlmonat: '2026-08',
      bewilligungen: [bewilligung({ kduEmpfaenger: [{ id: 'ke1', vonMonat: '2026-08', bisMonat: '2026-09', empfaenger: VERMIETER }] })],
      erledigt: new Set(['bg1:2026-08:laufend']),
    });
    expect(plan.zahlungen.map((z) => z.schluessel)).toEqual(['bg1:2026-09:kdu_empfaenger', 'bg1:2026-09:laufend']);
  });

  it('nach dem letzten Monat des Empfängers geht wieder alles an die BG', () => {
    const plan = planeZahllauf({
      zahlmonat: '2026-08',
      bewilligungen: [bewilligung({ kduEmpfaenger: [{ id: 'ke1', vonMonat: '2026-07', bisMonat: '2026-08', empfaenger: VERMIETER }] })],
      erledigt: new Set(),
    });
    expect(plan.zahlungen.map((z) => [z.schluessel, z.betragCent])).toEqual([
      ['bg1:2026-08:kdu_empfaenger', 84_000],
      ['bg1:2026-08:laufend', 66_200],
      ['bg1:2026-09:laufend', 150_200],
    ]);
  });

  it('besteht der Anspruch nur aus Unterkunft, geht alles an den Vermieter', () => {
    const plan = planeZahllauf({
      zahlmonat: '2026-08',
      bewilligungen: [bewilligung({ monate: [{ monat: '2026-09', betragCent: 84_000, kosten: [{ kostenart: 'unterkunft', traeger: 'kommune', kommuneId: 'nord', betragCent: 84_000 }] }] })],
      erledigt: new Set(),
    });
    expect(plan.zahlungen.map((z) => [z.schluessel, z.betragCent])).toEqual([['bg1:2026-09:kdu_empfaenger', 84_000]]);
  });

  it('ungültige IBAN des Empfängers: der ganze Monat wird zurückgestellt (nie nur der BG-Teil)', () => {
    const plan = planeZahllauf({
      zahlmonat: '2026-08',
      bewilligungen: [bewilligung({ kduEmpfaenger: [{ id: 'ke1', vonMonat: '2026-09', bisMonat: null, empfaenger: { ...VERMIETER, iban: 'DE00123' } }] })],
      erledigt: new Set(),
    });
    expect(plan.zahlungen.map((z) => z.schluessel)).toEqual(['bg1:2026-08:laufend']);
    expect(plan.zurueckgestellt).toEqual([expect.objectContaining({ schluessel: 'bg1:2026-09:kdu_empfaenger', code: 'iban_ungueltig' })]);
  });

  it('Aufrechnung nur gegen den Teil der BG, nie gegen die Miete', () => {
    const aufrechnung: LaufendeAufrechnung = { id: 'a1', forderungId: 'f1', bgId: 'bg1', personId: 'p1', prozent: 30, abMonat: '2026-09', bisMonat: '2029-08', offenCent: 1_000_000 };
    const b = bewilligung({
      monate: [{ monat: '2026-09', betragCent: 150_200, kosten: kosten(63_700, 84_000, 2_500), personen: [{ id: 'p1', auszahlungCent: 92_600, stufe: 2 }] }],
    });
    const plan = planeZahllauf({ zahlmonat: '2026-08', bewilligungen: [b], erledigt: new Set(), aufrechnungen: [aufrechnung] });
    const [kdu, bg] = plan.zahlungen;
    expect(kdu).toMatchObject({ art: 'kdu_empfaenger', betragCent: 84_000, bruttoCent: 84_000, aufrechnungen: [] });
    // 30 % of Regelbedarfsstufe 2 (506 €) = 151,80 €
    expect(bg).toMatchObject({ art: 'laufend', bruttoCent: 66_200, betragCent: 66_200 - 15_180 });
    expect(bg!.aufrechnungen.map((a) => a.betragCent)).toEqual([15_180]);
  });
});
