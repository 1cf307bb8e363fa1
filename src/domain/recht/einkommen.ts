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
  selbststaendigkeit: '§ 11 Abs. 1 SGB II, § 3 Bürgergeld-V',
  jungeErwerbstaetige: '§ 11b Abs. 2b SGB II',
  ferienjob: '§ 11a Abs. 7 SGB II',
  einmalig: '§ 11 Abs. 3 SGB II',
  erbschaft: '§ 11a Abs. 1 Nr. 7, § 12 SGB II',
  sgb12Bedarf: '§ 7 Abs. 4, § 9 Abs. 2 S. 1 SGB II, §§ 27a, 35, 42 SGB XII',
  sgb12Einkommen: '§ 82 Abs. 3 SGB XII, § 9 Abs. 2 S. 1 SGB II',
} as const;

/** The privileges for young people's earnings (§ 11b Abs. 2b, § 11a Abs. 7 SGB II). */
export type JungeErwerbstaetige = {
  /** § 11b Abs. 2b: under `altersgrenze` in Schule/Ausbildung/Studium the Minijob-Grenze replaces the 100 € and band 1 */
  minijobGrenzeStattGrundabsetzbetrag: boolean;
  /** § 11a Abs. 7: earnings of Schülerinnen/Schüler under `altersgrenze` from Ferienjobs are not counted */
  ferienjobAnrechnungsfrei: boolean;
  altersgrenze: number;
};

export const JUNGE_ERWERBSTAETIGE: readonly Gueltig<JungeErwerbstaetige>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2023-06-30',
    wert: { minijobGrenzeStattGrundabsetzbetrag: false, ferienjobAnrechnungsfrei: false, altersgrenze: 25 },
    norm: '§ 11b Abs. 2 SGB II, § 1 Abs. 4 Alg II-V (Fassung bis 30.6.2023)',
    quelle: 'Referenz sgb2-law.md § 1.5; vor dem 1.7.2023 galten die allgemeinen Freibeträge (Ferienjob-Freibetrag 2.400 €/Jahr nicht modelliert)',
  },
  {
    gueltigAb: '2023-07-01',
    wert: { minijobGrenzeStattGrundabsetzbetrag: true, ferienjobAnrechnungsfrei: true, altersgrenze: 25 },
    norm: '§ 11b Abs. 2b, § 11a Abs. 7 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328 (Inkrafttreten 1.7.2023); Haufe Sauer § 11b Rz. 86k–86n (Referenz sgb2-law.md § 1.5)',
    fundstelle: '§ 11b Abs. 2b SGB II i.d.F. des Bürgergeld-Gesetzes (BGBl. I 2022 S. 2328)',
  },
];

/** Einmalige Einnahmen (§ 11 Abs. 3, § 11a Abs. 1 Nr. 7 SGB II). */
export type EinmaligeEinnahmen = {
  /** months over which an inflow is spread where counting it at once would end the claim */
  aufteilungMonate: number;
  /** § 11a Abs. 1 Nr. 7: Einnahmen aus Erbschaften are not income (they are Vermögen) */
  erbschaftIstVermoegen: boolean;
};

export const EINMALIGE_EINNAHMEN: readonly Gueltig<EinmaligeEinnahmen>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2023-06-30',
    wert: { aufteilungMonate: 6, erbschaftIstVermoegen: false },
    norm: '§ 11 Abs. 3 SGB II',
    quelle: '§ 11 Abs. 3 SGB II i.d.F. des 9. SGB II-ÄndG (BGBl. 2016 I S. 1824); Referenz sgb2-law.md § 3',
  },
  {
    gueltigAb: '2023-07-01',
    wert: { aufteilungMonate: 6, erbschaftIstVermoegen: true },
    norm: '§ 11 Abs. 3, § 11a Abs. 1 Nr. 7 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328 (§ 11a Abs. 1 Nr. 7 ab 1.7.2023); Gesetzestext 2025/2026 (Referenz sgb2-law.md § 3)',
    unsicher: 'Inkrafttreten von § 11a Abs. 1 Nr. 7 (Erbschaften) am 1.7.2023 aus Sekundärquellen; gegen das BGBl. zu prüfen',
  },
];

/** § 82 Abs. 3 SGB XII: Absetzbetrag on earnings of a person under SGB XII (the partner in a gemischte BG). */
export type Sgb12Erwerbsfreibetrag = { prozent: number; hoechstensAnteilRbs1: number };

export const SGB12_ERWERBSFREIBETRAG: readonly Gueltig<Sgb12Erwerbsfreibetrag>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: { prozent: 3000, hoechstensAnteilRbs1: 5000 },
    norm: '§ 82 Abs. 3 S. 1 SGB XII',
    quelle: '§ 82 Abs. 3 SGB XII (30 % des Erwerbseinkommens, höchstens 50 % der Regelbedarfsstufe 1; unverändert seit 2011)',
  },
];
