import type { Gueltig } from './typen.ts';

/** § 72 SGB II Kindersofortzuschlag in cents per child and month; paid on top, not a Bedarf. */
export const SOFORTZUSCHLAG: readonly Gueltig<number>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-06-30',
    wert: 0,
    norm: '§ 72 SGB II (noch nicht in Kraft)',
    quelle: 'Sofortzuschlag erst ab 1.7.2022',
    fundstelle: '§ 72 SGB II (noch nicht in Kraft)',
  },
  {
    gueltigAb: '2022-07-01',
    gueltigBis: '2024-12-31',
    wert: 2000,
    norm: '§ 72 Abs. 1 SGB II',
    quelle: 'GETTSIM arbeitslosengeld_2/bedarfe.yaml kindersofortzuschlag',
    fundstelle: '§ 72 Abs. 1 SGB II (Fassung 1.7.2022)',
  },
  {
    gueltigAb: '2025-01-01',
    wert: 2500,
    norm: '§ 72 Abs. 1 SGB II',
    quelle: 'Art. 7 G. v. 30.12.2024 BGBl. 2024 I Nr. 449 (SteFeG); GETTSIM; Gesetzestext 2026',
    fundstelle: '§ 72 Abs. 1 SGB II i.V.m. Art. 7 SteFeG (BGBl. 2024 I Nr. 449)',
  },
];

/** Regelbedarfsstufen whose holders receive the Sofortzuschlag (§ 72 Abs. 1 S. 1), and the age limit. */
export const SOFORTZUSCHLAG_STUFEN: readonly number[] = [3, 4, 5, 6];
export const SOFORTZUSCHLAG_UNTER_ALTER = 25;
