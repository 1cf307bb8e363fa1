import { AUSLEGUNG } from './auslegung.ts';
import type { Gueltig } from './typen.ts';

export type Minderungsregel = {
  /** highest total Minderung in percent of the person's Regelbedarf */
  hoechstProzent: number;
  /** whether a complete withdrawal of the Regelbedarf (100 %) is possible */
  vollerWegfall: boolean;
  /** floor claim in cents when only the Minderung leaves nothing (2026: 1 €), else 0 */
  mindestanspruchCent: number;
};

/**
 * §§ 31a, 31b, 32 SGB II – the exchange format carries the resulting percentage per person; the engine
 * checks it against the law in force and applies it to the person's own Regelbedarf only (never KdU).
 */
export const MINDERUNG: readonly Gueltig<Minderungsregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-06-30',
    wert: { hoechstProzent: 30, vollerWegfall: false, mindestanspruchCent: 0 },
    norm: '§§ 31a, 32 SGB II a.F. i.V.m. BVerfG 05.11.2019 1 BvL 7/16',
    quelle: 'asyl.net/rsdb/M27819 (BVerfG)',
    fundstelle: '§§ 31a, 32 SGB II a.F. i.V.m. BVerfG 1 BvL 7/16',
    unsicher: 'genauer Wortlaut und Dauer a.F. nicht bestätigt',
  },
  {
    gueltigAb: '2022-07-01',
    gueltigBis: '2022-12-31',
    wert: { hoechstProzent: 10, vollerWegfall: false, mindestanspruchCent: 0 },
    norm: '§ 84 SGB II a.F. (Sanktionsmoratorium), § 32 SGB II',
    quelle: 'jobcenter.wuppertal.de Sanktionsmoratorium ab 01.07.2022; Haufe Sauer § 84 Rz. 8–18',
    fundstelle: '§ 84 SGB II a.F. (Sanktionsmoratorium)',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2024-03-27',
    wert: { hoechstProzent: 30, vollerWegfall: false, mindestanspruchCent: 0 },
    norm: '§ 31a Abs. 1–4, § 31b, § 32 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328; SGB II Fassung 24.2.2025',
    fundstelle: '§ 31a SGB II i.d.F. des Bürgergeld-Gesetzes (BGBl. I 2022 S. 2328)',
  },
  {
    gueltigAb: '2024-03-28',
    gueltigBis: '2026-03-27',
    wert: { hoechstProzent: 30, vollerWegfall: true, mindestanspruchCent: 0 },
    norm: '§ 31a Abs. 1–4 und 7 SGB II',
    quelle: 'SGB II Fassung 24.2.2025 § 31a Abs. 7; aufgehoben mit Ablauf des 27.3.2026 (§ 86 SGB II Fassung 2026)',
    fundstelle: '§ 31a Abs. 7 SGB II (bis 27.3.2026)',
  },
  {
    gueltigAb: '2026-03-28',
    wert: { hoechstProzent: 30, vollerWegfall: false, mindestanspruchCent: 0 },
    norm: '§ 31a Abs. 1–4, § 32 SGB II',
    quelle: 'SGB II Fassung 24.2.2025 ohne § 31a Abs. 7',
    fundstelle: '§ 31a SGB II ohne Abs. 7',
  },
  {
    // start date: the named reading AUSLEGUNG.minderungNeuesRechtAb (§ 65a Abs. 2)
    gueltigAb: AUSLEGUNG.minderungNeuesRechtAb,
    wert: { hoechstProzent: 30, vollerWegfall: true, mindestanspruchCent: 100 },
    norm: '§§ 31a, 31b, 32, § 65a Abs. 2 SGB II (Fassung 16.4.2026)',
    quelle: 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107 (github habibhaidari1/gesetze s/sgb_2)',
    fundstelle: '§§ 31a, 31b SGB II i.d.F. des G v. 16.4.2026 (BGBl. 2026 I Nr. 107)',
    unsicher: 'Einzelquelle; gegen BGBl. 2026 I Nr. 107 zu bestätigen',
  },
];

export const NORM_MINDERUNG = {
  teilweise: '§ 31a Abs. 1, § 32 SGB II',
  wegfall: '§ 31a Abs. 7 SGB II',
} as const;
