import type { Gueltig } from './typen.ts';

/** Regelbedarfsstufen 1–6 in cents per month. */
export type Regelbedarfsstufen = { 1: number; 2: number; 3: number; 4: number; 5: number; 6: number };
export type Stufe = 1 | 2 | 3 | 4 | 5 | 6;

const euro = (a: number, b: number, c: number, d: number, e: number, f: number): Regelbedarfsstufen => ({
  1: a * 100,
  2: b * 100,
  3: c * 100,
  4: d * 100,
  5: e * 100,
  6: f * 100,
});

const NORM_BETRAG = '§ 20 Abs. 1a SGB II i.V.m. § 28 SGB XII, Anlage zu § 28 SGB XII';

/** Amounts of the Regelbedarfsstufen (§ 20 Abs. 1a SGB II). */
export const REGELBEDARFE: readonly Gueltig<Regelbedarfsstufen>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2021-12-31',
    wert: euro(446, 401, 357, 373, 309, 283),
    norm: NORM_BETRAG,
    quelle: 'RBEG 2021, G. v. 09.12.2020 BGBl. I S. 2855 (GETTSIM grundsicherung/bedarfe.yaml)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. RBEG 2021 (BGBl. I 2020 S. 2855)',
  },
  {
    gueltigAb: '2022-01-01',
    gueltigBis: '2022-12-31',
    wert: euro(449, 404, 360, 376, 311, 285),
    norm: NORM_BETRAG,
    quelle: 'RBSFV 2022, V. v. 13.10.2021 BGBl. I S. 4674 (GETTSIM)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. RBSFV 2022 (BGBl. I 2021 S. 4674)',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2023-12-31',
    wert: euro(502, 451, 402, 420, 348, 318),
    norm: `${NORM_BETRAG}; § 65 Abs. 3 SGB II`,
    quelle: 'Bürgergeld-Gesetz, G. v. 20.12.2022 BGBl. I S. 2328 (GETTSIM; jobcenter-stade.de)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. Bürgergeld-Gesetz (BGBl. I 2022 S. 2328)',
  },
  {
    gueltigAb: '2024-01-01',
    gueltigBis: '2024-12-31',
    wert: euro(563, 506, 451, 471, 390, 357),
    norm: NORM_BETRAG,
    quelle: 'RBSFV 2024 (GETTSIM grundsicherung/bedarfe.yaml; jobcenter-stade.de/geldleistungen/regelbedarfe)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. RBSFV 2024',
  },
  {
    gueltigAb: '2025-01-01',
    gueltigBis: '2025-12-31',
    wert: euro(563, 506, 451, 471, 390, 357),
    norm: `${NORM_BETRAG}; Besitzschutz § 28a Abs. 5 SGB XII`,
    quelle: 'RBSFV 2025, V. v. 24.10.2024 BGBl. 2024 I Nr. 287 (Nullrunde)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. RBSFV 2025 (BGBl. 2024 I Nr. 287)',
  },
  {
    gueltigAb: '2026-01-01',
    gueltigBis: '2026-12-31',
    wert: euro(563, 506, 451, 471, 390, 357),
    norm: `${NORM_BETRAG}; Besitzschutz § 28a Abs. 5 SGB XII`,
    quelle: 'RBSFV 2026, V. v. 17.10.2025 BGBl. 2025 I Nr. 243, § 1 Abs. 2 (Nullrunde)',
    fundstelle: '§ 20 Abs. 1a SGB II i.V.m. RBSFV 2026 (BGBl. 2025 I Nr. 243)',
  },
];

/** Which paragraph assigns each Stufe (§ 20 Abs. 2–4, § 23 Nr. 1 SGB II). */
export const NORM_STUFE: Readonly<Record<Stufe, string>> = {
  1: '§ 20 Abs. 2 S. 1 SGB II',
  2: '§ 20 Abs. 4 SGB II',
  3: '§ 20 Abs. 2 S. 2 Nr. 2 SGB II',
  4: '§ 20 Abs. 2 S. 2 Nr. 1, § 23 Nr. 1 SGB II',
  5: '§ 23 Nr. 1 SGB II',
  6: '§ 23 Nr. 1 SGB II',
};

/**
 * Age bands of § 23 Nr. 1 SGB II ("bis zur Vollendung des sechsten Lebensjahres" = 0–5, "vom Beginn des
 * siebten bis zur Vollendung des 14. Lebensjahres" = 6–13, "im 15. Lebensjahr" = 14) and the age of
 * majority of § 20 Abs. 2 S. 2.
 */
export const ALTERSGRENZEN = {
  stufe6BisAlter: 5,
  stufe5BisAlter: 13,
  volljaehrig: 18,
  /** § 7 Abs. 3 Nr. 4: unmarried children belong to the parents' BG until they turn 25 */
  kindBisUnter: 25,
  /** § 8 Abs. 1 / § 7 Abs. 1 Nr. 1: erwerbsfähig from 15 */
  erwerbsfaehigAb: 15,
} as const;
