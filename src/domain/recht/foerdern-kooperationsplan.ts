import type { Gueltig } from './typen.ts';

/**
 * The Kooperationsplan regime by date (§§ 15, 15a SGB II, docs/foerdern.md "Kooperationsplan nach Datum"). Which rule
 * applies is decided by the day of the act: the plan's date (erstellt_am) for a plan, the start day for a
 * Schlichtung, the issue day for a Verwaltungsakt.
 */
export type Kooperationsregime = {
  /** What the agreement is called and whether new ones may be made under this regime. */
  art: 'eingliederungsvereinbarung' | 'kooperationsplan';
  /** New records may be made (false: the old Eingliederungsvereinbarung is only readable). */
  neueErlaubt: boolean;
  /** § 15a SGB II Schlichtungsverfahren available. */
  schlichtung: boolean;
  /** Duration of a Schlichtung in weeks (it ends at the latest this long after its start). */
  schlichtungWochen: number;
  /** When no plan comes about, the obligations are set by Verwaltungsakt with Rechtsfolgenbelehrung. */
  verwaltungsakt: boolean;
  /** The plan is reviewed jointly at the latest after this many months (§ 15 Abs. 3 SGB II). */
  ueberpruefungMonate: number;
};

export const KOOPERATIONSPLAN_REGIME: readonly Gueltig<Kooperationsregime>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2023-06-30',
    wert: { art: 'eingliederungsvereinbarung', neueErlaubt: false, schlichtung: false, schlichtungWochen: 0, verwaltungsakt: false, ueberpruefungMonate: 6 },
    norm: '§ 15 SGB II a.F. (Eingliederungsvereinbarung); § 65 Abs. 4 SGB II',
    quelle: 'foerdern-fordern-statistik.md § 0 (Bürgergeld-Gesetz BGBl. 2022 I S. 2328; Haufe Sauer § 15 Rechtsentwicklung)',
    fundstelle: '§ 15 SGB II a.F.',
  },
  {
    gueltigAb: '2023-07-01',
    gueltigBis: '2026-06-30',
    wert: { art: 'kooperationsplan', neueErlaubt: true, schlichtung: true, schlichtungWochen: 4, verwaltungsakt: false, ueberpruefungMonate: 6 },
    norm: '§§ 15, 15a SGB II (Fassung Bürgergeld-Gesetz)',
    quelle: 'foerdern-fordern-statistik.md § A.2 (Haufe Sauer § 15 Rz. 3–4, § 15a Rz. 23–26; jobcenter-fuerth-stadt.de Schlichtung)',
    fundstelle: '§§ 15, 15a SGB II i.d.F. des Bürgergeld-Gesetzes (BGBl. 2022 I S. 2328)',
  },
  {
    gueltigAb: '2026-07-01',
    wert: { art: 'kooperationsplan', neueErlaubt: true, schlichtung: false, schlichtungWochen: 0, verwaltungsakt: true, ueberpruefungMonate: 6 },
    norm: '§§ 15, 15a SGB II (Fassung 13. SGB II-ÄndG)',
    quelle: 'foerdern-fordern-statistik.md § A.3 (13. SGB II-ÄndG, Kabinett 17.12.2025, Bundestag 5.3.2026; gegen-hartz.de Schlichtungsverfahren abgeschafft)',
    fundstelle: '§ 15a SGB II n.F. (Verpflichtung durch Verwaltungsakt)',
    unsicher: 'verkündeter Wortlaut des neuen § 15a und Übergang laufender Schlichtungen nicht bestätigt (KOOPERATIONSPLAN_AUSLEGUNG)',
  },
];

/**
 * The uncertain points of the 2026 reform (reference § A.3 and "Open points" 1, marked [U]) — ONE named setting.
 * Change a value here (and the tests that pin it) once the promulgated text of the 13. SGB II-ÄndG is confirmed.
 */
export type KooperationsplanAuslegung = {
  /**
   * A Schlichtung that started before 1.7.2026 and is still running on that day:
   * - 'bis_zum_ende' (default): it runs to its regular end (at most 4 weeks) and blocks Minderungen until then —
   *   the reading that protects the person; no transition rule was found, and a Minderung wrongly imposed during a
   *   Schlichtung is the costlier error;
   * - 'endet_mit_altem_recht': it ends with 30.6.2026 (the new law applied at once to a running procedure).
   */
  laufendeSchlichtungAmStichtag: 'bis_zum_ende' | 'endet_mit_altem_recht';
  /** Last day of the old law (the abolition of § 15a a.F. takes effect the day after). */
  altesRechtBis: string;
  /** The norm the Verwaltungsakt cites (new § 15a wording not verified; a commentary cites "§ 15a Abs. 3 S. 1"). */
  verpflichtungNorm: string;
};

export const KOOPERATIONSPLAN_AUSLEGUNG: Readonly<KooperationsplanAuslegung> = {
  laufendeSchlichtungAmStichtag: 'bis_zum_ende',
  altesRechtBis: '2026-06-30',
  verpflichtungNorm: '§ 15a Abs. 3 SGB II n.F.',
};
