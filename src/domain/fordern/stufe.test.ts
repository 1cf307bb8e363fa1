import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monatPlus, monateVonBis } from '../bewilligung/monat.ts';
import { MINDERUNG } from '../recht/minderung.ts';
import { gueltigAm } from '../recht/typen.ts';
import { bestimmeMinderung, fruehereMeldeversaeumnisse, meldeversaeumnisseInFolge, schutzpflichten, type FruehereMinderung, type MinderungsVorschlag } from './stufe.ts';
import type { Tatbestand } from './typen.ts';

const RB = 56_300; // Regelbedarfsstufe 1 2024 and 2026: 563 €

function frueher(p: Partial<FruehereMinderung> & Pick<FruehereMinderung, 'vonMonat' | 'bisMonat' | 'prozent'>): FruehereMinderung {
  return {
    tatbestand: '31_1_1',
    art: 'minderung',
    beendetAbMonat: null,
    aufgehoben: false,
    festgestelltAm: `${monatPlus(p.vonMonat, -1)}-20`,
    pflichtverletzungAm: `${monatPlus(p.vonMonat, -1)}-01`,
    ...p,
  };
}

type Fall = {
  name: string;
  tatbestand: Tatbestand;
  pv: string;
  bekanntgabe: string;
  fruehere?: FruehereMinderung[];
  inFolge?: number;
  fruehereMv?: string[];
  erwartet:
    | { ergebnis: 'minderung'; art: string; stufe: number; prozent: number; monate: number; vonMonat: string; bisMonat: string; betragCent: number; rechtsstand: string }
    | { ergebnis: 'keine_minderung'; norm: RegExp };
};

// The same facts decided on dates in 2021, 2022 (Moratorium), 2024, 2026-03 and after 1.7.2026.
const FAELLE: Fall[] = [
  // § 31 Abs. 1 Nr. 3: Maßnahme abgebrochen, no earlier Minderung
  { name: '2021 Maßnahmeabbruch', tatbestand: '31_1_3', pv: '2021-03-10', bekanntgabe: '2021-04-15', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 30, monate: 3, vonMonat: '2021-05', bisMonat: '2021-07', betragCent: 13_380, rechtsstand: '2021-01-01' } },
  { name: '2022 Moratorium Maßnahmeabbruch', tatbestand: '31_1_3', pv: '2022-08-10', bekanntgabe: '2022-09-15', erwartet: { ergebnis: 'keine_minderung', norm: /§ 84 Abs. 1/ } },
  { name: '2022 vor dem Moratorium', tatbestand: '31_1_3', pv: '2022-06-30', bekanntgabe: '2022-08-01', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 30, monate: 3, vonMonat: '2022-09', bisMonat: '2022-11', betragCent: 13_470, rechtsstand: '2021-01-01' } },
  { name: '2024 Maßnahmeabbruch', tatbestand: '31_1_3', pv: '2024-05-10', bekanntgabe: '2024-06-14', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-07', bisMonat: '2024-07', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '2026-03 Maßnahmeabbruch', tatbestand: '31_1_3', pv: '2026-03-20', bekanntgabe: '2026-04-24', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2026-05', bisMonat: '2026-05', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '30.06.2026 noch altes Recht', tatbestand: '31_1_3', pv: '2026-06-30', bekanntgabe: '2026-08-04', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2026-09', bisMonat: '2026-09', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '2026-07 Maßnahmeabbruch', tatbestand: '31_1_3', pv: '2026-07-01', bekanntgabe: '2026-08-04', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 30, monate: 3, vonMonat: '2026-09', bisMonat: '2026-11', betragCent: 16_890, rechtsstand: '2026-07-01' } },

  // a second Pflichtverletzung: earlier Minderung (10 %) festgestellt, its period began within a year
  {
    name: '2024 weitere Pflichtverletzung → Stufe 2',
    tatbestand: '31_1_1',
    pv: '2024-09-02',
    bekanntgabe: '2024-10-10',
    fruehere: [frueher({ vonMonat: '2024-03', bisMonat: '2024-03', prozent: 10, festgestelltAm: '2024-02-12' })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 2, prozent: 20, monate: 2, vonMonat: '2024-11', bisMonat: '2024-12', betragCent: 11_260, rechtsstand: '2023-01-01' },
  },
  {
    name: '2024 dritte Pflichtverletzung → Stufe 3',
    tatbestand: '31_1_2',
    pv: '2024-12-02',
    bekanntgabe: '2024-12-20',
    fruehere: [frueher({ vonMonat: '2024-03', bisMonat: '2024-03', prozent: 10 }), frueher({ vonMonat: '2024-11', bisMonat: '2024-12', prozent: 20, festgestelltAm: '2024-10-06' })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 3, prozent: 30, monate: 3, vonMonat: '2025-01', bisMonat: '2025-03', betragCent: 16_890, rechtsstand: '2023-01-01' },
  },
  {
    name: '2024 frühere Minderung begann vor mehr als einem Jahr → Stufe 1',
    tatbestand: '31_1_1',
    pv: '2024-09-02',
    bekanntgabe: '2024-10-10',
    fruehere: [frueher({ vonMonat: '2023-08', bisMonat: '2023-08', prozent: 10 })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-11', bisMonat: '2024-11', betragCent: 5_630, rechtsstand: '2023-01-01' },
  },
  {
    name: '2024 frühere Minderung aufgehoben → Stufe 1',
    tatbestand: '31_1_1',
    pv: '2024-09-02',
    bekanntgabe: '2024-10-10',
    fruehere: [frueher({ vonMonat: '2024-03', bisMonat: '2024-03', prozent: 10, aufgehoben: true })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-11', bisMonat: '2024-11', betragCent: 5_630, rechtsstand: '2023-01-01' },
  },
  {
    name: '2024 frühere Minderung erst nach der Pflichtverletzung festgestellt → Stufe 1',
    tatbestand: '31_1_1',
    pv: '2024-09-02',
    bekanntgabe: '2024-10-10',
    fruehere: [frueher({ vonMonat: '2024-10', bisMonat: '2024-10', prozent: 10, festgestelltAm: '2024-09-10' })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-11', bisMonat: '2024-11', betragCent: 5_630, rechtsstand: '2023-01-01' },
  },
  {
    name: '2024 frühere Meldeversäumnis-Minderung zählt nicht für § 31a',
    tatbestand: '31_1_1',
    pv: '2024-09-02',
    bekanntgabe: '2024-10-10',
    fruehere: [frueher({ tatbestand: '32', vonMonat: '2024-05', bisMonat: '2024-05', prozent: 10 })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-11', bisMonat: '2024-11', betragCent: 5_630, rechtsstand: '2023-01-01' },
  },
  {
    name: '2023 nach einer 30-%-Minderung des alten Rechts → Stufe 2',
    tatbestand: '31_1_1',
    pv: '2023-03-01',
    bekanntgabe: '2023-03-20',
    fruehere: [frueher({ vonMonat: '2022-06', bisMonat: '2022-08', prozent: 30, pflichtverletzungAm: '2022-04-01', festgestelltAm: '2022-05-10' })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 2, prozent: 20, monate: 2, vonMonat: '2023-04', bisMonat: '2023-05', betragCent: 10_040, rechtsstand: '2023-01-01' },
  },
  {
    name: '2026-07 weitere Pflichtverletzung bleibt 30 %/3 Monate',
    tatbestand: '31_1_1',
    pv: '2026-09-02',
    bekanntgabe: '2026-10-09',
    fruehere: [frueher({ vonMonat: '2026-05', bisMonat: '2026-05', prozent: 10 })],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 2, prozent: 30, monate: 3, vonMonat: '2026-11', bisMonat: '2027-01', betragCent: 16_890, rechtsstand: '2026-07-01' },
  },

  // § 32 Meldeversäumnis, first one
  { name: '2021 erstes Meldeversäumnis', tatbestand: '32', pv: '2021-03-10', bekanntgabe: '2021-04-15', inFolge: 1, erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 3, vonMonat: '2021-05', bisMonat: '2021-07', betragCent: 4_460, rechtsstand: '2021-01-01' } },
  { name: '2022 Moratorium erstes Meldeversäumnis', tatbestand: '32', pv: '2022-08-10', bekanntgabe: '2022-09-15', inFolge: 1, erwartet: { ergebnis: 'keine_minderung', norm: /§ 84 Abs. 2/ } },
  {
    name: '2022 Moratorium wiederholtes Meldeversäumnis',
    tatbestand: '32',
    pv: '2022-08-10',
    bekanntgabe: '2022-09-15',
    inFolge: 1,
    fruehereMv: ['2022-03-01'],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 3, vonMonat: '2022-10', bisMonat: '2022-12', betragCent: 4_490, rechtsstand: '2022-07-01' },
  },
  { name: '2022 Moratorium früheres Versäumnis über ein Jahr zurück', tatbestand: '32', pv: '2022-08-10', bekanntgabe: '2022-09-15', inFolge: 1, fruehereMv: ['2021-08-10'], erwartet: { ergebnis: 'keine_minderung', norm: /§ 84 Abs. 2/ } },
  { name: '2024 erstes Meldeversäumnis', tatbestand: '32', pv: '2024-05-10', bekanntgabe: '2024-06-14', inFolge: 1, erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-07', bisMonat: '2024-07', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '2024 drittes Meldeversäumnis in Folge bleibt 10 %', tatbestand: '32', pv: '2024-05-10', bekanntgabe: '2024-06-14', inFolge: 3, erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-07', bisMonat: '2024-07', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '2026-03 erstes Meldeversäumnis', tatbestand: '32', pv: '2026-03-20', bekanntgabe: '2026-04-24', inFolge: 1, erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2026-05', bisMonat: '2026-05', betragCent: 5_630, rechtsstand: '2023-01-01' } },
  { name: '2026-07 erstes Meldeversäumnis', tatbestand: '32', pv: '2026-07-14', bekanntgabe: '2026-08-20', inFolge: 1, erwartet: { ergebnis: 'keine_minderung', norm: /§ 32 Abs. 1–3/ } },
  { name: '2026-07 zweites Meldeversäumnis in Folge', tatbestand: '32', pv: '2026-08-14', bekanntgabe: '2026-09-18', inFolge: 2, erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 30, monate: 1, vonMonat: '2026-10', bisMonat: '2026-10', betragCent: 16_890, rechtsstand: '2026-07-01' } },
  {
    name: '2026-07 wiederholt, aber nicht in Folge (früheres Versäumnis vor 5 Monaten)',
    tatbestand: '32',
    pv: '2026-08-14',
    bekanntgabe: '2026-09-18',
    inFolge: 1,
    fruehereMv: ['2026-03-02'],
    erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 30, monate: 1, vonMonat: '2026-10', bisMonat: '2026-10', betragCent: 16_890, rechtsstand: '2026-07-01' },
  },
  { name: '2026-07 drei in Folge → Nichterreichbarkeit', tatbestand: '32', pv: '2026-09-14', bekanntgabe: '2026-10-16', inFolge: 3, erwartet: { ergebnis: 'minderung', art: 'nichterreichbarkeit', stufe: 3, prozent: 100, monate: 3, vonMonat: '2026-11', bisMonat: '2027-01', betragCent: 56_300, rechtsstand: '2026-07-01' } },

  // § 31a Abs. 7 Arbeitsverweigerung
  { name: '2021 Arbeitsverweigerung gibt es nicht', tatbestand: '31a_7', pv: '2021-03-10', bekanntgabe: '2021-04-15', erwartet: { ergebnis: 'keine_minderung', norm: /§ 31a SGB II/ } },
  { name: '2024 Arbeitsverweigerung ohne frühere Minderung', tatbestand: '31a_7', pv: '2024-05-10', bekanntgabe: '2024-06-14', erwartet: { ergebnis: 'keine_minderung', norm: /§ 31a Abs. 7/ } },
  {
    name: '2024 Arbeitsverweigerung nach Minderung wegen Arbeitsablehnung',
    tatbestand: '31a_7',
    pv: '2024-05-10',
    bekanntgabe: '2024-06-14',
    fruehere: [frueher({ tatbestand: '31_1_2', vonMonat: '2023-07', bisMonat: '2023-07', prozent: 10 })],
    erwartet: { ergebnis: 'minderung', art: 'wegfall_regelbedarf', stufe: 3, prozent: 100, monate: 2, vonMonat: '2024-07', bisMonat: '2024-08', betragCent: 56_300, rechtsstand: '2024-03-28' },
  },
  {
    name: '2024 Arbeitsverweigerung: frühere Minderung wegen Maßnahmeabbruch genügt nicht',
    tatbestand: '31a_7',
    pv: '2024-05-10',
    bekanntgabe: '2024-06-14',
    fruehere: [frueher({ tatbestand: '31_1_3', vonMonat: '2024-01', bisMonat: '2024-01', prozent: 10 })],
    erwartet: { ergebnis: 'keine_minderung', norm: /§ 31a Abs. 7/ },
  },
  {
    name: '2026-03-27 letzter Tag des § 31a Abs. 7',
    tatbestand: '31a_7',
    pv: '2026-03-27',
    bekanntgabe: '2026-04-24',
    fruehere: [frueher({ tatbestand: '31_2_3', vonMonat: '2025-09', bisMonat: '2025-09', prozent: 10 })],
    erwartet: { ergebnis: 'minderung', art: 'wegfall_regelbedarf', stufe: 3, prozent: 100, monate: 2, vonMonat: '2026-05', bisMonat: '2026-06', betragCent: 56_300, rechtsstand: '2024-03-28' },
  },
  {
    name: '2026-03-28 § 31a Abs. 7 aufgehoben',
    tatbestand: '31a_7',
    pv: '2026-03-28',
    bekanntgabe: '2026-04-24',
    fruehere: [frueher({ tatbestand: '31_2_3', vonMonat: '2025-09', bisMonat: '2025-09', prozent: 10 })],
    erwartet: { ergebnis: 'keine_minderung', norm: /§ 86 SGB II/ },
  },
  { name: '2026-07 Arbeitsverweigerung ohne Vorbedingung', tatbestand: '31a_7', pv: '2026-07-20', bekanntgabe: '2026-08-21', erwartet: { ergebnis: 'minderung', art: 'wegfall_regelbedarf', stufe: 3, prozent: 100, monate: 2, vonMonat: '2026-09', bisMonat: '2026-10', betragCent: 56_300, rechtsstand: '2026-07-01' } },

  // § 31 Abs. 2 (no Belehrung needed), also in the Moratorium not applied
  { name: '2022 Moratorium Sperrzeit', tatbestand: '31_2_3', pv: '2022-10-01', bekanntgabe: '2022-11-01', erwartet: { ergebnis: 'keine_minderung', norm: /§ 84/ } },
  { name: '2024 Sperrzeit', tatbestand: '31_2_3', pv: '2024-10-01', bekanntgabe: '2024-11-04', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-12', bisMonat: '2024-12', betragCent: 5_630, rechtsstand: '2023-01-01' } },

  // Feststellungsfrist
  { name: 'Bekanntgabe nach der Feststellungsfrist', tatbestand: '31_1_3', pv: '2024-03-15', bekanntgabe: '2024-09-16', erwartet: { ergebnis: 'keine_minderung', norm: /§ 31b Abs. 1 S. 5/ } },
  { name: 'Bekanntgabe am letzten Tag der Frist', tatbestand: '31_1_3', pv: '2024-03-15', bekanntgabe: '2024-09-15', erwartet: { ergebnis: 'minderung', art: 'minderung', stufe: 1, prozent: 10, monate: 1, vonMonat: '2024-10', bisMonat: '2024-10', betragCent: 5_630, rechtsstand: '2023-01-01' } },
];

// 2021: RBS 1 = 446 €, 2022: 449 € (the Regelbedarf of the first month is an input)
const RB_NACH_JAHR: Record<string, number> = { '2021': 44_600, '2022': 44_900, '2023': 50_200 };

describe('bestimmeMinderung – gleiche Tatsachen nach Datum', () => {
  it.each(FAELLE)('$name', (f) => {
    const v = bestimmeMinderung({
      tatbestand: f.tatbestand,
      pflichtverletzungAm: f.pv,
      bekanntgabeAm: f.bekanntgabe,
      regelbedarfCent: RB_NACH_JAHR[f.pv.slice(0, 4)] ?? RB,
      fruehere: f.fruehere ?? [],
      meldeversaeumnisseInFolge: f.inFolge ?? 0,
      ...(f.fruehereMv ? { fruehereMeldeversaeumnisseAm: f.fruehereMv } : {}),
    });
    expect(v.schritte.length).toBeGreaterThan(1);
    for (const s of v.schritte) expect(s.norm).toMatch(/§|BVerfG/);
    const ist =
      v.ergebnis === 'minderung'
        ? { ergebnis: v.ergebnis, art: v.art, stufe: v.stufe, prozent: v.prozent, monate: v.monate, vonMonat: v.vonMonat, bisMonat: v.bisMonat, betragCent: v.betragCent, rechtsstand: v.rechtsstand }
        : { ergebnis: v.ergebnis, norm: f.erwartet.ergebnis === 'keine_minderung' && f.erwartet.norm.test(v.norm) ? 'passt' : v.norm };
    const soll = f.erwartet.ergebnis === 'minderung' ? f.erwartet : { ergebnis: 'keine_minderung', norm: 'passt' };
    expect(ist, JSON.stringify(v.schritte)).toEqual(soll);
  });

  it('Deckelung: 20 % neben laufenden 20 % ergibt im Überschneidungsmonat nur 10 %', () => {
    const v = bestimmeMinderung({
      tatbestand: '31_1_1',
      pflichtverletzungAm: '2024-09-02',
      bekanntgabeAm: '2024-10-10',
      regelbedarfCent: RB,
      fruehere: [frueher({ tatbestand: '32', vonMonat: '2024-11', bisMonat: '2024-11', prozent: 10 }), frueher({ vonMonat: '2024-03', bisMonat: '2024-03', prozent: 10, festgestelltAm: '2024-02-12' }), frueher({ tatbestand: '31_1_3', vonMonat: '2024-10', bisMonat: '2024-11', prozent: 20, festgestelltAm: '2024-09-01' })],
      meldeversaeumnisseInFolge: 0,
    });
    expect(v.ergebnis).toBe('minderung');
    if (v.ergebnis !== 'minderung') return;
    expect(v.stufe).toBe(3);
    expect(v.monatlich).toEqual([
      { monat: '2024-11', prozent: 0, betragCent: 0 },
      { monat: '2024-12', prozent: 30, betragCent: 16_890 },
      { monat: '2025-01', prozent: 30, betragCent: 16_890 },
    ]);
    expect(v.schritte.some((s) => s.norm === '§ 31a Abs. 4 SGB II')).toBe(true);
  });

  it('Moratorium: Meldeversäumnis-Minderungen zusammen höchstens 10 % (§ 84 Abs. 3 a.F.)', () => {
    const v = bestimmeMinderung({
      tatbestand: '32',
      pflichtverletzungAm: '2022-09-10',
      bekanntgabeAm: '2022-09-20',
      regelbedarfCent: 44_900,
      fruehere: [frueher({ tatbestand: '32', vonMonat: '2022-09', bisMonat: '2022-11', prozent: 10 })],
      meldeversaeumnisseInFolge: 2,
    });
    if (v.ergebnis !== 'minderung') throw new Error('erwartet Minderung');
    expect(v.monatlich?.map((m) => m.prozent)).toEqual([0, 0, 10]);
  });
});

const E = (tag: string, ergebnis: 'wahrgenommen' | 'nicht_erschienen_mit_wichtigem_grund' | 'nicht_erschienen_ohne_wichtigen_grund' | 'eingeladen' | 'aufgehoben') => ({ tag, ergebnis });
const tagArb = (von: number, bis: number) => fc.integer({ min: von, max: bis }).map((d) => new Date(Date.UTC(2021, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

describe('meldeversaeumnisseInFolge', () => {
  it.each([
    { name: 'keine Einladung', liste: [], bis: '2026-08-01', n: 0 },
    { name: 'eins', liste: [E('2026-07-10', 'nicht_erschienen_ohne_wichtigen_grund')], bis: '2026-08-01', n: 1 },
    {
      name: 'drei in Folge, unsortiert, aufgehobene und offene übersprungen',
      liste: [E('2026-09-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-07-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-08-01', 'aufgehoben'), E('2026-08-10', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-06-01', 'wahrgenommen'), E('2026-05-01', 'nicht_erschienen_ohne_wichtigen_grund')],
      bis: '2026-09-01',
      n: 3,
    },
    { name: 'wichtiger Grund unterbricht', liste: [E('2026-07-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-08-01', 'nicht_erschienen_mit_wichtigem_grund'), E('2026-09-01', 'nicht_erschienen_ohne_wichtigen_grund')], bis: '2026-09-30', n: 1 },
    { name: 'spätere Einladungen zählen nicht', liste: [E('2026-07-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-08-01', 'nicht_erschienen_ohne_wichtigen_grund')], bis: '2026-07-01', n: 1 },
    { name: 'wahrgenommen zuletzt', liste: [E('2026-07-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-08-01', 'wahrgenommen')], bis: '2026-08-01', n: 0 },
  ])('$name', ({ liste, bis, n }) => {
    expect(meldeversaeumnisseInFolge(liste, bis)).toBe(n);
  });

  it('fruehereMeldeversaeumnisse: nur ohne wichtigen Grund, vor dem Tag, sortiert', () => {
    expect(
      fruehereMeldeversaeumnisse(
        [E('2026-08-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-03-01', 'nicht_erschienen_ohne_wichtigen_grund'), E('2026-05-01', 'nicht_erschienen_mit_wichtigem_grund'), E('2026-09-01', 'nicht_erschienen_ohne_wichtigen_grund')],
        '2026-09-01',
      ),
    ).toEqual(['2026-03-01', '2026-08-01']);
  });
});

describe('schutzpflichten', () => {
  it('2026: drittes Meldeversäumnis in Folge → persönliche Anhörung und Härteprüfung', () => {
    const s = schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2026-09-14', fruehere: [], meldeversaeumnisseInFolge: 3 });
    expect(s.persoenlicheAnhoerung).toBe(true);
    expect(s.haertePruefungPflicht).toBe(true);
    expect(s.gruende.length).toBeGreaterThanOrEqual(2);
  });
  it('2026: erstes Meldeversäumnis → keine besonderen Pflichten', () => {
    expect(schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2026-07-14', fruehere: [], meldeversaeumnisseInFolge: 1 })).toEqual({ persoenlicheAnhoerung: false, haertePruefungPflicht: false, gruende: [] });
  });
  it('2026: zweites Meldeversäumnis → persönliche Anhörung, keine Pflicht-Härteprüfung', () => {
    const s = schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2026-08-14', fruehere: [], meldeversaeumnisseInFolge: 2 });
    expect(s).toMatchObject({ persoenlicheAnhoerung: true, haertePruefungPflicht: false });
  });
  it('2026: sechstes Meldeversäumnis in Folge → Härteprüfung (jedes dritte)', () => {
    expect(schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2026-12-14', fruehere: [], meldeversaeumnisseInFolge: 6 }).haertePruefungPflicht).toBe(true);
  });
  it('2026: Arbeitsverweigerung (Wegfall) → persönliche Anhörung', () => {
    expect(schutzpflichten({ tatbestand: '31a_7', pflichtverletzungAm: '2026-07-20', fruehere: [], meldeversaeumnisseInFolge: 0 }).persoenlicheAnhoerung).toBe(true);
  });
  it('2024: wiederholte Pflichtverletzung → persönliche Anhörung (§ 31a Abs. 2), keine Pflicht-Härteprüfung beim dritten Meldeversäumnis', () => {
    expect(schutzpflichten({ tatbestand: '31_1_1', pflichtverletzungAm: '2024-09-02', fruehere: [frueher({ vonMonat: '2024-03', bisMonat: '2024-03', prozent: 10 })], meldeversaeumnisseInFolge: 0 }).persoenlicheAnhoerung).toBe(true);
    expect(schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2024-09-02', fruehere: [], meldeversaeumnisseInFolge: 3 }).haertePruefungPflicht).toBe(false);
  });
  it('2021: keine besonderen Pflichten', () => {
    expect(schutzpflichten({ tatbestand: '32', pflichtverletzungAm: '2021-09-02', fruehere: [], meldeversaeumnisseInFolge: 3 })).toEqual({ persoenlicheAnhoerung: false, haertePruefungPflicht: false, gruende: [] });
  });
});

describe('Eigenschaften', () => {
  const TATBESTAENDE_31: Tatbestand[] = ['31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32'];

  it('vor dem neuen Recht: die Summe sich überschneidender Minderungen einer Person übersteigt nie 30 % (bzw. 10 % im Moratorium)', () => {
    // days 2021-01-01 … 2026-05-31 (Pflichtverletzungen and their Minderungen before 7/2026)
    const ereignis = fc.record({ t: fc.constantFrom(...TATBESTAENDE_31), tag: tagArb(0, 1976), verzugTage: fc.integer({ min: 0, max: 150 }), inFolge: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(ereignis, { minLength: 1, maxLength: 10 }), (ereignisse) => {
        const sortiert = [...ereignisse].sort((a, b) => (a.tag < b.tag ? -1 : 1));
        const fruehere: FruehereMinderung[] = [];
        const wirksam = new Map<string, number>();
        for (const e of sortiert) {
          const bek = new Date(Date.parse(e.tag) + e.verzugTage * 86_400_000).toISOString().slice(0, 10);
          const v: MinderungsVorschlag = bestimmeMinderung({ tatbestand: e.t, pflichtverletzungAm: e.tag, bekanntgabeAm: bek, regelbedarfCent: RB, fruehere, meldeversaeumnisseInFolge: e.inFolge });
          if (v.ergebnis !== 'minderung') continue;
          expect(v.art).toBe('minderung');
          for (const m of v.monatlich ?? []) wirksam.set(m.monat, (wirksam.get(m.monat) ?? 0) + m.prozent);
          fruehere.push({ tatbestand: e.t, art: v.art, prozent: v.prozent, vonMonat: v.vonMonat, bisMonat: v.bisMonat, beendetAbMonat: null, aufgehoben: false, festgestelltAm: bek, pflichtverletzungAm: e.tag, stufe: v.stufe });
        }
        for (const [monat, summe] of wirksam) {
          const deckel = gueltigAm(MINDERUNG, `${monat}-01`, 'Minderung').wert.hoechstProzent;
          expect(summe, monat).toBeLessThanOrEqual(deckel);
          expect(summe, monat).toBeLessThanOrEqual(30);
        }
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('eine Minderung berührt nie die KdU: ihr Betrag übersteigt nie den Regelbedarf', () => {
    fc.assert(
      fc.property(fc.constantFrom<Tatbestand>('31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32', '31a_7'), tagArb(0, 2190), fc.integer({ min: 1, max: 90_000 }), fc.integer({ min: 0, max: 5 }), (t, tag, rb, inFolge) => {
        const v = bestimmeMinderung({ tatbestand: t, pflichtverletzungAm: tag, bekanntgabeAm: tag, regelbedarfCent: rb, fruehere: [], meldeversaeumnisseInFolge: inFolge, fruehereMeldeversaeumnisseAm: [] });
        if (v.ergebnis !== 'minderung') return;
        expect(v.betragCent).toBeLessThanOrEqual(rb);
        expect(monateVonBis(v.vonMonat, v.bisMonat)).toHaveLength(v.monate);
        expect(v.art !== 'nichterreichbarkeit' || tag >= '2026-07-01').toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('§ 32 ab 1.7.2026: das erste Meldeversäumnis ergibt nie eine Minderung', () => {
    fc.assert(
      fc.property(tagArb(2007, 2190), (tag) => {
        const v = bestimmeMinderung({ tatbestand: '32', pflichtverletzungAm: tag, bekanntgabeAm: tag, regelbedarfCent: RB, fruehere: [], meldeversaeumnisseInFolge: 1, fruehereMeldeversaeumnisseAm: [] });
        expect(v.ergebnis).toBe('keine_minderung');
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('§ 32 ab 1.7.2026: drei (oder mehr) in Folge ergeben Nichterreichbarkeit', () => {
    fc.assert(
      fc.property(tagArb(2007, 2190), fc.integer({ min: 3, max: 9 }), (tag, n) => {
        const v = bestimmeMinderung({ tatbestand: '32', pflichtverletzungAm: tag, bekanntgabeAm: tag, regelbedarfCent: RB, fruehere: [], meldeversaeumnisseInFolge: n });
        expect(v.ergebnis === 'minderung' && v.art).toBe('nichterreichbarkeit');
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
