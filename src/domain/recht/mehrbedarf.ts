import type { Stufe } from './regelbedarf.ts';
import type { Gueltig } from './typen.ts';

/** Percentages in basis points (1 % = 100). */
export type Mehrbedarfssaetze = {
  schwangerschaft: number;
  alleinerziehendHoch: number;
  alleinerziehendJeKind: number;
  alleinerziehendHoechstens: number;
  /** children counted for the 36 % rate: one child under this age … */
  alleinerziehendKindUnter: number;
  /** … or two or three children under this age */
  alleinerziehendZweiDreiKinderUnter: number;
  behinderung: number;
  /** § 21 Abs. 7 by Regelbedarfsstufe */
  warmwasser: Readonly<Record<Stufe, number>>;
};

/** § 21 SGB II – unchanged from 2021-01-01 to 2026-12-31 (LAW 2025 and LAW 2026 identical). */
export const MEHRBEDARF_SAETZE: readonly Gueltig<Mehrbedarfssaetze>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: {
      schwangerschaft: 1700,
      alleinerziehendHoch: 3600,
      alleinerziehendJeKind: 1200,
      alleinerziehendHoechstens: 6000,
      alleinerziehendKindUnter: 7,
      alleinerziehendZweiDreiKinderUnter: 16,
      behinderung: 3500,
      warmwasser: { 1: 230, 2: 230, 3: 230, 4: 140, 5: 120, 6: 80 },
    },
    norm: '§ 21 SGB II',
    quelle:
      'SGB II § 21 (gesetze-im-internet.de, Fassungen 24.2.2025 und 16.4.2026); Schwangerschaft bis Ende des Entbindungsmonats seit 1.1.2021 (Haufe Sauer § 21 Rz. 28)',
    fundstelle: '§ 21 SGB II (Sätze unverändert seit 1.1.2021)',
  },
];

export const NORM_MEHRBEDARF = {
  schwangerschaft: '§ 21 Abs. 2 SGB II',
  alleinerziehend: '§ 21 Abs. 3 SGB II',
  behinderung: '§ 21 Abs. 4 SGB II',
  ernaehrung: '§ 21 Abs. 5 SGB II',
  unabweisbar: '§ 21 Abs. 6 SGB II',
  schulbuecher: '§ 21 Abs. 6a SGB II',
  warmwasser: '§ 21 Abs. 7 SGB II',
  kappung: '§ 21 Abs. 8 SGB II',
} as const;
