/**
 * Legal content of an invitation to appear at the Jobcenter (Meldeaufforderung) and of its Rechtsfolgenbelehrung.
 *
 * § 59 SGB II applies the general duty to report of § 309 SGB III to people receiving SGB II benefits: when the
 * Jobcenter asks them to, they must appear at the stated place and time (or at a medical or psychological
 * examination). The invitation must name a permitted purpose (§ 309 Abs. 2 SGB III), the time and the place. A
 * reduction for a missed appointment (§ 32 SGB II) needs a written, concrete, correct and understandable
 * Rechtsfolgenbelehrung (or proven knowledge of the consequences) and no wichtiger Grund.
 *
 * The texts below are written for vorort in plain German; they are not copied from BA forms. They must be checked
 * by the Träger's legal department before use.
 */
import { AUSLEGUNG } from './auslegung.ts';
import { gueltigAm, type Gueltig } from './typen.ts';

export const NORM_MELDEPFLICHT = '§ 59 SGB II i.V.m. § 309 SGB III';
export const NORM_MELDEVERSAEUMNIS = '§ 32 SGB II';

/** The purposes for which an invitation may be issued (§ 309 Abs. 2 SGB III, applied by § 59 SGB II). */
export const MELDEZWECKE = {
  berufsberatung: { text: 'Beratung zu Ihrer beruflichen Situation', norm: '§ 309 Abs. 2 Nr. 1 SGB III' },
  vermittlung: { text: 'Vermittlung in Ausbildung oder Arbeit', norm: '§ 309 Abs. 2 Nr. 2 SGB III' },
  eingliederung: { text: 'Vorbereitung von Leistungen zur Eingliederung in Arbeit', norm: '§ 309 Abs. 2 Nr. 3 SGB III' },
  leistungsentscheidung: { text: 'Vorbereitung einer Entscheidung über Ihre Leistungen', norm: '§ 309 Abs. 2 Nr. 4 SGB III' },
  anspruchspruefung: { text: 'Prüfung, ob die Voraussetzungen für Ihren Leistungsanspruch vorliegen', norm: '§ 309 Abs. 2 Nr. 5 SGB III' },
} as const;

export type Meldezweck = keyof typeof MELDEZWECKE;

/** How an invitation ended; the basis for a later decision under § 32 SGB II (not taken here). */
export const MELDE_ERGEBNISSE = ['wahrgenommen', 'nicht_erschienen_mit_wichtigem_grund', 'nicht_erschienen_ohne_wichtigen_grund'] as const;
export type MeldeErgebnis = (typeof MELDE_ERGEBNISSE)[number];

export const MELDE_ERGEBNIS_TEXT: Record<MeldeErgebnis, string> = {
  wahrgenommen: 'Termin wahrgenommen',
  nicht_erschienen_mit_wichtigem_grund: 'Nicht erschienen – wichtiger Grund dargelegt und nachgewiesen',
  nicht_erschienen_ohne_wichtigen_grund: 'Nicht erschienen – kein wichtiger Grund dargelegt oder nachgewiesen',
};

export type Belehrung = {
  /** the Rechtsfolgenbelehrung printed in the invitation */
  rechtsfolgen: string;
  /** what counts as a wichtiger Grund and what the person should do */
  wichtigerGrund: string;
};

const WICHTIGER_GRUND =
  'Wenn Sie den Termin aus einem wichtigen Grund nicht wahrnehmen können – zum Beispiel wegen Krankheit, die Sie ' +
  'mit einer Bescheinigung über die Unfähigkeit zum Erscheinen belegen, wegen eines Vorstellungsgesprächs oder ' +
  'wegen eines unaufschiebbaren Termins bei Gericht oder einer Behörde –, teilen Sie uns das bitte möglichst vor ' +
  'dem Termin mit und legen Sie einen Nachweis vor. Ob ein Grund wichtig ist, prüfen wir im Einzelfall.';

/**
 * The Rechtsfolgenbelehrung by the date of the appointment. The 2026 amendment applies to missed appointments
 * from AUSLEGUNG.minderungNeuesRechtAb (§ 65a Abs. 2 SGB II; the same named reading as in minderung.ts).
 */
export const MELDE_BELEHRUNG: readonly Gueltig<Belehrung>[] = [
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2026-06-30',
    wert: {
      rechtsfolgen:
        'Sie sind verpflichtet, zu diesem Termin zu erscheinen (§ 59 SGB II in Verbindung mit § 309 SGB III). ' +
        'Wenn Sie ohne wichtigen Grund nicht kommen, wird Ihr Bürgergeld für einen Monat um 10 Prozent des für Sie ' +
        'maßgebenden Regelbedarfs gemindert (§ 32 SGB II). Die Minderung beginnt mit dem Monat nach dem Bescheid, der ' +
        'sie feststellt. Die Kosten für Unterkunft und Heizung werden nicht gemindert. Vor einer Entscheidung hören ' +
        'wir Sie an.',
      wichtigerGrund: WICHTIGER_GRUND,
    },
    norm: '§ 32 Abs. 1 und 2 SGB II i.V.m. § 31a Abs. 3, § 31b SGB II',
    quelle: 'SGB II Fassung 24.2.2025 (sgb2-law.md § 1.9)',
  },
  {
    gueltigAb: AUSLEGUNG.minderungNeuesRechtAb,
    wert: {
      rechtsfolgen:
        'Sie sind verpflichtet, zu diesem Termin zu erscheinen (§ 59 SGB II in Verbindung mit § 309 SGB III). ' +
        'Wenn Sie wiederholt ohne wichtigen Grund nicht zu einem Termin kommen, zu dem wir Sie schriftlich ' +
        'eingeladen haben, wird Ihr Grundsicherungsgeld jeweils für einen Monat um 30 Prozent des für Sie ' +
        'maßgebenden Regelbedarfs gemindert (§ 32 SGB II). Die Kosten für Unterkunft und Heizung werden dabei nicht ' +
        'gemindert. Versäumen Sie drei Termine hintereinander ohne wichtigen Grund, gehen wir davon aus, dass Sie ' +
        'nicht erreichbar sind (§ 7b Abs. 4 SGB II). Dann entfällt im ersten Monat Ihr Regelbedarf. Ab dem zweiten ' +
        'Monat entfällt Ihr ganzer Anspruch, auch das Geld für Unterkunft und Heizung, bis Sie sich persönlich bei ' +
        'uns melden. ' +
        'Vor einer Entscheidung hören wir Sie an.',
      wichtigerGrund: WICHTIGER_GRUND,
    },
    norm: '§ 32 Abs. 1–3, § 7b Abs. 4, § 31a Abs. 2–4, § 31b SGB II (Fassung 16.4.2026)',
    quelle: 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107 (github habibhaidari1/gesetze s/sgb_2, § 32)',
    unsicher:
      'Einzelquelle; Inkrafttreten wie AUSLEGUNG.minderungNeuesRechtAb angenommen; Wortlaut des § 7b Abs. 4 (Rechtsfolge ' +
      'bei drei Versäumnissen) vor dem Einsatz mit der Rechtsabteilung prüfen',
  },
];

export function meldeBelehrungAm(datum: string): Gueltig<Belehrung> {
  return gueltigAm(MELDE_BELEHRUNG, datum, 'Rechtsfolgenbelehrung Meldeversäumnis');
}
