import type { Gueltig } from './typen.ts';

/**
 * Kindergeld (§ 66 EStG) in cents per month by birth-order position (1st, 2nd, 3rd, 4th and further).
 * The engine takes the Kindergeld actually paid as an input amount; this table documents the amounts and
 * feeds the synthetic benchmark stock.
 */
export const KINDERGELD: readonly Gueltig<readonly [number, number, number, number]>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: [21900, 21900, 22500, 25000],
    norm: '§ 66 Abs. 1 EStG',
    quelle: 'Art. 1 Abs. 9 G. v. 01.12.2020 BGBl. I S. 2616 (GETTSIM kindergeld.yaml satz_gestaffelt)',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2024-12-31',
    wert: [25000, 25000, 25000, 25000],
    norm: '§ 66 Abs. 1 EStG',
    quelle: 'Art. 6 G. v. 08.12.2022 BGBl. I S. 2230 (GETTSIM)',
  },
  {
    gueltigAb: '2025-01-01',
    gueltigBis: '2025-12-31',
    wert: [25500, 25500, 25500, 25500],
    norm: '§ 66 Abs. 1 EStG',
    quelle: 'Art. 5 G. v. 30.12.2024 BGBl. 2024 I Nr. 449 (GETTSIM)',
  },
  {
    gueltigAb: '2026-01-01',
    wert: [25900, 25900, 25900, 25900],
    norm: '§ 66 Abs. 1 EStG',
    quelle: 'Art. 6 G. v. 30.12.2024 BGBl. 2024 I Nr. 449 (GETTSIM)',
  },
];
