import { AUSLEGUNG } from './auslegung.ts';
import type { Gueltig } from './typen.ts';

export type Unterkunftsregel = {
  /** months of the Karenzzeit (§ 22 Abs. 1 S. 2); 0 = no Karenzzeit */
  karenzMonate: number;
  /** Karenzzeit only counts months from this date (§ 65 Abs. 2 SGB II) */
  karenzZaehltAb: string | null;
  /** cap within the Karenzzeit as a multiple of the abstract angemessene Unterkunft, in basis points (150 % = 15000); null = none */
  karenzObergrenzeFaktor: number | null;
};

/** § 22 Abs. 1 SGB II. */
export const UNTERKUNFT: readonly Gueltig<Unterkunftsregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { karenzMonate: 0, karenzZaehltAb: null, karenzObergrenzeFaktor: null },
    norm: '§ 22 Abs. 1 S. 1 und 3 SGB II (Fassung bis 31.12.2022)',
    quelle: 'SGB II § 22 a.F.; lexetius.com SGB2/22',
  },
  {
    gueltigAb: '2023-01-01',
    wert: { karenzMonate: 12, karenzZaehltAb: '2023-01-01', karenzObergrenzeFaktor: null },
    norm: '§ 22 Abs. 1 S. 2–5 SGB II, § 65 Abs. 2 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328; SGB II Fassung 24.2.2025',
  },
  {
    // start date: the named reading AUSLEGUNG.kduReform2026Ab
    gueltigAb: AUSLEGUNG.kduReform2026Ab,
    wert: { karenzMonate: 12, karenzZaehltAb: '2023-01-01', karenzObergrenzeFaktor: 15000 },
    norm: '§ 22 Abs. 1 S. 5 SGB II (Fassung 16.4.2026)',
    quelle: 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107 (github habibhaidari1/gesetze s/sgb_2)',
    unsicher: 'Inkrafttreten im Text nicht genannt (§ 65a regelt nur § 12 und §§ 31–32); gewählt 2026-07-01',
  },
];

export const NORM_UNTERKUNFT = {
  kopfteil: '§ 22 Abs. 1 SGB II (Aufteilung nach Kopfteilen, BSG B 14/7b AS 58/06 R)',
  vereinfacht: '§ 67 Abs. 3 SGB II',
} as const;
