import type { Gueltig } from './typen.ts';

/** One band of the Erwerbstätigenfreibetrag: `prozent` of the gross pay between `abCent` and `bisCent`. */
export type FreibetragsStufe = {
  abCent: number;
  /** upper end in cents; `null` = the upper limit (1,200 € / 1,500 € with a minor child) */
  bisCent: number | null;
  /** basis points (20 % = 2000) */
  prozent: number;
};

export type Erwerbsfreibetrag = {
  /** § 11b Abs. 2 S. 1: replaces § 11b Abs. 1 Nr. 3–5 */
  grundabsetzbetragCent: number;
  /** § 11b Abs. 2 S. 2: above this gross pay proven higher costs replace the Grundabsetzbetrag */
  nachweisAbCent: number;
  stufen: readonly FreibetragsStufe[];
  obergrenzeCent: number;
  obergrenzeMitKindCent: number;
};

/** § 11b Abs. 2 and 3 SGB II. Bands apply to the monthly gross Erwerbseinkommen. */
export const ERWERBSFREIBETRAG: readonly Gueltig<Erwerbsfreibetrag>[] = [
  {
    gueltigAb: '2011-04-01',
    gueltigBis: '2023-06-30',
    wert: {
      grundabsetzbetragCent: 10000,
      nachweisAbCent: 40000,
      stufen: [
        { abCent: 10000, bisCent: 100000, prozent: 2000 },
        { abCent: 100000, bisCent: null, prozent: 1000 },
      ],
      obergrenzeCent: 120000,
      obergrenzeMitKindCent: 150000,
    },
    norm: '§ 11b Abs. 2 und 3 SGB II (Fassung bis 30.6.2023)',
    quelle: 'GETTSIM arbeitslosengeld_2/freibeträge.yaml (Eintrag 2011-04-01); lexetius.org/SGB2/11b',
    fundstelle: '§ 11b Abs. 2 und 3 SGB II (Fassung bis 30.6.2023)',
  },
  {
    gueltigAb: '2023-07-01',
    wert: {
      grundabsetzbetragCent: 10000,
      nachweisAbCent: 40000,
      stufen: [
        { abCent: 10000, bisCent: 52000, prozent: 2000 },
        { abCent: 52000, bisCent: 100000, prozent: 3000 },
        { abCent: 100000, bisCent: null, prozent: 1000 },
      ],
      obergrenzeCent: 120000,
      obergrenzeMitKindCent: 150000,
    },
    norm: '§ 11b Abs. 2 und 3 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328 (Inkrafttreten 1.7.2023); GETTSIM Eintrag 2023-07-01; Gesetzestext 2025/2026',
    fundstelle: '§ 11b Abs. 2 und 3 SGB II i.d.F. des Bürgergeld-Gesetzes (BGBl. I 2022 S. 2328)',
  },
];

/** § 11b Abs. 1 S. 1 Nr. 3 SGB II i.V.m. § 6 Abs. 1 Nr. 1 Alg II-V / Bürgergeld-V: 30 € for adults' other income. */
export const VERSICHERUNGSPAUSCHALE: readonly Gueltig<number>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: 3000,
    norm: '§ 11b Abs. 1 S. 1 Nr. 3 SGB II i.V.m. § 6 Abs. 1 Nr. 1 Alg II-V',
    quelle: 'Alg II-V § 6 Abs. 1 Nr. 1 (Referenz sgb2-law.md § 1.5)',
    fundstelle: '§ 6 Abs. 1 Nr. 1 Alg II-V',
  },
  {
    gueltigAb: '2023-01-01',
    wert: 3000,
    norm: '§ 11b Abs. 1 S. 1 Nr. 3 SGB II i.V.m. § 6 Abs. 1 Nr. 1 Bürgergeld-V',
    quelle: 'Bürgergeld-V § 6 Abs. 1 Nr. 1 (Referenz sgb2-law.md § 1.5; Jobcenter Oberberg Beispiele 2 und 3)',
    fundstelle: '§ 6 Abs. 1 Nr. 1 Bürgergeld-V',
  },
];

export const NORM_EINKOMMEN = {
  erwerb: '§ 11 Abs. 1 SGB II',
  grundabsetzbetrag: '§ 11b Abs. 2 S. 1 SGB II',
  tatsaechlicheAbsetzungen: '§ 11b Abs. 2 S. 2, Abs. 1 S. 1 Nr. 3–5 SGB II',
  freibetrag: '§ 11b Abs. 1 S. 1 Nr. 6, Abs. 3 SGB II',
  kindergeld: '§ 11 Abs. 1 S. 5 SGB II',
  kindergeldUebertrag: '§ 11 Abs. 1 S. 5 SGB II (Kindergeldübertrag)',
  sonstiges: '§ 11 Abs. 1 SGB II',
  ueberschussKind: '§ 7 Abs. 3 Nr. 4, § 9 Abs. 2 S. 2 SGB II',
  ueberschussBg: '§ 9 Abs. 1, § 19 Abs. 3 SGB II',
} as const;
