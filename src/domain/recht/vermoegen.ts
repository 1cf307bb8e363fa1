import type { Gueltig } from './typen.ts';

/** § 12 SGB II in the version until 31.12.2022 (Grundfreibeträge by age and birth year). */
export type VermoegenAltesRecht = {
  art: 'grundfreibetrag';
  jeLebensjahrCent: number;
  mindestCent: number;
  /** maximum by birth year: first entry whose `geborenVor` is later than the birth date */
  hoechst: readonly { geborenVor: string; cent: number }[];
  jeMinderjaehrigesKindCent: number;
  anschaffungJePersonCent: number;
};

/** § 12 SGB II from 2023-01-01 (Bürgergeld): Karenzzeit with erhebliches Vermögen, afterwards 15,000 € per person. */
export type VermoegenKarenz = {
  art: 'karenzzeit';
  karenzMonate: number;
  karenzErstePersonCent: number;
  karenzJeWeiterePersonCent: number;
  nachKarenzJePersonCent: number;
};

/** § 12 Abs. 2 SGB II for Bewilligungszeiträume from 2026-07-01: allowance by age, no Karenzzeit. */
export type VermoegenNachAlter = {
  art: 'altersgestaffelt';
  /** ascending; the allowance of the last entry whose `abAlter` ≤ the age reached in the month */
  stufen: readonly { abAlter: number; cent: number }[];
};

export type Vermoegensregel = VermoegenAltesRecht | VermoegenKarenz | VermoegenNachAlter;

/**
 * Selected by the start of the Bewilligungszeitraum for the 2026 rule (§ 65a Abs. 1 SGB II),
 * otherwise by the month computed.
 */
export const VERMOEGEN: readonly Gueltig<Vermoegensregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: {
      art: 'grundfreibetrag',
      jeLebensjahrCent: 15000,
      mindestCent: 310000,
      hoechst: [
        { geborenVor: '1958-01-01', cent: 975000 },
        { geborenVor: '1964-01-01', cent: 990000 },
        { geborenVor: '9999-12-31', cent: 1005000 },
      ],
      jeMinderjaehrigesKindCent: 310000,
      anschaffungJePersonCent: 75000,
    },
    norm: '§ 12 Abs. 2 S. 1 Nr. 1, 1a, 4 und S. 2 SGB II (Fassung bis 31.12.2022)',
    quelle: 'GETTSIM arbeitslosengeld_2/freibeträge.yaml, freibeträge_vermögen.py; SGB II § 12 a.F.',
    fundstelle: '§ 12 Abs. 2 SGB II a.F.',
    unsicher:
      'Mindestbetrag 3.100 € je Erwachsenem aus dem Gesetzeswortlaut a.F., nicht in GETTSIM modelliert; Altersvorsorge-Freibetrag nicht modelliert',
  },
  {
    gueltigAb: '2023-01-01',
    wert: {
      art: 'karenzzeit',
      karenzMonate: 12,
      karenzErstePersonCent: 4000000,
      karenzJeWeiterePersonCent: 1500000,
      nachKarenzJePersonCent: 1500000,
    },
    norm: '§ 12 Abs. 3 und 4 SGB II (Fassung 1.1.2023 bis 30.6.2026)',
    quelle:
      'Bürgergeld-Gesetz BGBl. 2022 I S. 2328; SGB II Fassung 24.2.2025; GETTSIM vermögensfreibetrag_je_person_nach_karenzzeit; Jobcenter Oberberg Beispiel 1',
    fundstelle: '§ 12 Abs. 3 und 4 SGB II i.d.F. des Bürgergeld-Gesetzes (BGBl. I 2022 S. 2328)',
  },
  {
    gueltigAb: '2026-07-01',
    wert: {
      art: 'altersgestaffelt',
      stufen: [
        { abAlter: 0, cent: 500000 },
        { abAlter: 30, cent: 1000000 },
        { abAlter: 40, cent: 1250000 },
        { abAlter: 50, cent: 2000000 },
      ],
    },
    norm: '§ 12 Abs. 2 SGB II i.V.m. § 65a Abs. 1 SGB II (Fassung 16.4.2026)',
    quelle: 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107 (github habibhaidari1/gesetze s/sgb_2)',
    fundstelle: '§ 12 Abs. 2, § 65a Abs. 1 SGB II i.d.F. des G v. 16.4.2026 (BGBl. 2026 I Nr. 107)',
    unsicher: 'Einzelquelle; gegen BGBl. 2026 I Nr. 107 zu bestätigen',
  },
];

/** § 67 SGB II (Corona): for Bewilligungszeiträume starting in the window, Vermögen only counts if erheblich. */
export type VereinfachtesVerfahren = {
  bwzBeginnAb: string;
  /** last start date of a Bewilligungszeitraum covered (see AUSLEGUNG.coronaBwzBeginnBis) */
  monate: number;
  erheblichErstePersonCent: number;
  erheblichJeWeiterePersonCent: number;
};

export const VEREINFACHTES_VERFAHREN: Gueltig<VereinfachtesVerfahren> = {
  gueltigAb: '2020-03-01',
  gueltigBis: '2022-12-31',
  wert: {
    bwzBeginnAb: '2020-03-01',
    monate: 6,
    erheblichErstePersonCent: 6000000,
    erheblichJeWeiterePersonCent: 3000000,
  },
  norm: '§ 67 Abs. 1–3 SGB II',
  quelle: 'SGB II § 67 (Fassung 16.4.2026, Text "1. März 2020 bis zum 31. März 2022")',
  fundstelle: '§ 67 SGB II (Schwelle nach BA-Praxis)',
  unsicher: 'Schwelle "erheblich" 60.000 € + 30.000 € je weiterer Person ist BA-Praxis, nicht Gesetzestext',
};
