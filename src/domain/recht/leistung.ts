import { AUSLEGUNG } from './auslegung.ts';
import type { Gueltig } from './typen.ts';

export type Leistungsname = {
  /** name for erwerbsfähige Leistungsberechtigte */
  erwerbsfaehig: string;
  /** name for nicht erwerbsfähige members of the BG */
  nichtErwerbsfaehig: string;
};

/** § 19 Abs. 1 SGB II: the benefit's name by date. */
export const LEISTUNGSNAME: readonly Gueltig<Leistungsname>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { erwerbsfaehig: 'Arbeitslosengeld II', nichtErwerbsfaehig: 'Sozialgeld' },
    norm: '§ 19 Abs. 1 SGB II a.F.',
    quelle: 'SGB II bis 31.12.2022',
  },
  {
    gueltigAb: '2023-01-01',
    wert: { erwerbsfaehig: 'Bürgergeld', nichtErwerbsfaehig: 'Bürgergeld' },
    norm: '§ 19 Abs. 1 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328',
  },
  {
    // start date: the named reading AUSLEGUNG.grundsicherungsgeldAb
    gueltigAb: AUSLEGUNG.grundsicherungsgeldAb,
    wert: { erwerbsfaehig: 'Grundsicherungsgeld', nichtErwerbsfaehig: 'Grundsicherungsgeld' },
    norm: '§ 19 Abs. 1, § 65a Abs. 4 SGB II (Fassung 16.4.2026)',
    quelle: 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107',
    unsicher: 'Inkrafttreten der Umbenennung nicht ausdrücklich genannt; gewählt 2026-07-01',
  },
];
