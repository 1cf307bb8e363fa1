/**
 * Dated legal values the recording of a job start (Integration, docs/foerdern.md) checks against.
 *
 * Geringfügigkeitsgrenze (Minijob-Grenze, § 8 Abs. 1a SGB IV): since 1.10.2022 dynamic, Mindestlohn × 130 / 3,
 * rounded up to whole euros; it changes with every Mindestlohn step. A job start recorded as Minijob with an expected
 * monthly gross pay above the limit of its start day is a contradiction (it would be sozialversicherungspflichtig).
 */
import { gueltigAm, type Gueltig } from './typen.ts';

const QUELLE = 'sgb2-law.md § 1.5 (Minijob-Grenze nach § 8 Abs. 1a SGB IV: Mindestlohn × 130 / 3, aufgerundet; Mindestlohnanpassungsverordnungen)';

/** Minijob-Grenze in cents per month. */
export const MINIJOB_GRENZE: readonly Gueltig<number>[] = [
  { gueltigAb: '2013-01-01', gueltigBis: '2022-09-30', wert: 45_000, norm: '§ 8 Abs. 1 Nr. 1 SGB IV (Fassung bis 30.9.2022)', quelle: QUELLE },
  { gueltigAb: '2022-10-01', gueltigBis: '2023-12-31', wert: 52_000, norm: '§ 8 Abs. 1a SGB IV', quelle: QUELLE },
  { gueltigAb: '2024-01-01', gueltigBis: '2024-12-31', wert: 53_800, norm: '§ 8 Abs. 1a SGB IV', quelle: QUELLE },
  { gueltigAb: '2025-01-01', gueltigBis: '2025-12-31', wert: 55_600, norm: '§ 8 Abs. 1a SGB IV', quelle: QUELLE },
  // carried forward after RECHT_BIS like every table; 2027 (Mindestlohn 14,60 € → 633 €) is entered when RECHT_BIS is raised
  { gueltigAb: '2026-01-01', wert: 60_300, norm: '§ 8 Abs. 1a SGB IV', quelle: QUELLE },
];

/** The Minijob-Grenze (cents per month) on a day. */
export function minijobGrenzeAm(datum: string): Gueltig<number> {
  return gueltigAm(MINIJOB_GRENZE, datum, 'die Minijob-Grenze');
}
