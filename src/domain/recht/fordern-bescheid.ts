import type { Gueltig } from './typen.ts';

/**
 * Norms the Minderungsbescheid cites (slice D, docs/fordern.md "Entscheidung und Bescheid"), by the day of the Bescheid.
 */

/**
 * No ergänzende Hilfe zum Lebensunterhalt under the SGB XII while the Minderung runs. The paragraph moved when the
 * 2. Haushaltsfinanzierungsgesetz 2024 inserted the Arbeitsverweigerung as § 31b Abs. 3 (28.3.2024).
 */
export const KEINE_HLU_NORM: readonly Gueltig<string>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: '§ 31b Abs. 2 SGB II a.F.',
    norm: '§ 31b Abs. 2 SGB II a.F.',
    quelle: 'SGB II Fassung bis 31.12.2022',
    unsicher: 'Absatz der Fassung vor dem Bürgergeld-Gesetz nicht erneut gelesen',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2024-03-27',
    wert: '§ 31b Abs. 3 SGB II',
    norm: '§ 31b Abs. 3 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328',
    unsicher: 'Absatzzählung aus der Einfügung des Abs. 3 zum 28.3.2024 abgeleitet',
  },
  {
    gueltigAb: '2024-03-28',
    wert: '§ 31b Abs. 4 SGB II',
    norm: '§ 31b Abs. 4 SGB II',
    quelle: 'Referenz foerdern-fordern-statistik.md § B.2 Schritt 10 [S108]; SGB II Fassung 24.2.2025',
    unsicher: 'Fassung ab 1.7.2026 (G v. 16.4.2026) nicht gegengelesen',
  },
];

/** Widerspruch and Klage against the Feststellung of a Minderung have no aufschiebende Wirkung. */
export const SOFORT_VOLLZIEHBAR_NORM: readonly Gueltig<string>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: '§ 39 Nr. 1 SGB II',
    norm: '§ 39 Nr. 1 SGB II',
    quelle: 'Referenz foerdern-fordern-statistik.md § B.2 Schritt 11',
    unsicher: 'Wortlaut nicht erneut gelesen (Referenz [U])',
  },
];
