/**
 * Fordern (docs/fordern.md, "Regeln nach Datum"): the law of Leistungsminderungen (§§ 31–32 SGB II, § 7b Abs. 4,
 * § 37 Abs. 2 SGB X) as dated parameters. Which entry applies is decided by the day of the Pflichtverletzung
 * (§ 65a Abs. 2 SGB II for the 2026 law), except the Bekanntgabe rule (day the letter is posted).
 *
 * The overall cap per month (30 %, 10 % in the Moratorium) and whether a complete lapse is possible stay in
 * minderung.ts (MINDERUNG, read by the engine); the Rechtsfolgenbelehrung of an invitation stays in
 * meldeaufforderung.ts (MELDE_BELEHRUNG). Uncertain readings are ONE named setting each in FORDERN_AUSLEGUNG.
 */
import type { Tatbestand } from '../fordern/typen.ts';
import { AUSLEGUNG } from './auslegung.ts';
import type { Gueltig } from './typen.ts';

/** The day before an ISO date (no time zone). */
function tagVorher(tag: string): string {
  const d = new Date(Date.UTC(Number(tag.slice(0, 4)), Number(tag.slice(5, 7)) - 1, Number(tag.slice(8, 10)) - 1));
  return d.toISOString().slice(0, 10);
}

/** First day of the 2026 law of Minderungen (§ 65a Abs. 2 SGB II; the named reading of auslegung.ts). */
export const NEUES_RECHT_AB = AUSLEGUNG.minderungNeuesRechtAb;
const BIS_NEUES_RECHT = tagVorher(NEUES_RECHT_AB);

const QUELLE_2026 = 'SGB II Fassung Art. 1a G v. 16.4.2026 BGBl. 2026 I Nr. 107 (github habibhaidari1/gesetze s/sgb_2); sgb2-law.md § 1.9, § 3; foerdern-fordern-statistik.md § B.3';
const UNSICHER_2026 = 'Einzelquelle; gegen BGBl. 2026 I Nr. 107 zu bestätigen; Beginn wie AUSLEGUNG.minderungNeuesRechtAb angenommen';

/**
 * Readings of the law where the reference marks a point as uncertain [U] or the statute leaves it open. Each open
 * point is ONE named setting; the domain functions read nothing else for it. Documented in docs/fordern.md
 * ("Einstellungen für unsichere Punkte"); change a value here together with the tests that pin it.
 */
export type FordernAuslegung = {
  /**
   * § 32 SGB II (2026): a Meldeversäumnis is "wiederholt" when an earlier Meldeversäumnis without wichtigen Grund
   * lies less than this many months before it (the Moratorium rule § 84 Abs. 2 S. 2 a.F. used one year).
   */
  meldeversaeumnisWiederholtMonate: number;
  /**
   * § 7b Abs. 4 SGB II (2026) "in Folge": missed appointments count as consecutive as long as no appointment in
   * between was attended or excused with wichtigem Grund (cancelled or still open invitations are skipped).
   */
  meldeversaeumnisInFolge: 'ohne_wahrgenommenen_oder_entschuldigten_termin';
  /**
   * § 7b Abs. 4 SGB II: the lapse lasts until the person reports in person; the decision names this many months
   * (from the month after the Bekanntgabe) and ends earlier when the person reports (vorzeitigesEnde, no minimum).
   */
  nichterreichbarkeitMonate: number;
  /**
   * § 31b Abs. 2 SGB II (ends "ab diesem Zeitpunkt"), in whole months: 'erfuellungsmonat' = the month in which the
   * person complies is no longer reduced (never a day too much); 'folgemonat' = from the month after.
   */
  vorzeitigesEndeAb: 'erfuellungsmonat' | 'folgemonat';
  /** default answer deadline of a written Anhörung (§ 24 SGB X): days after its Bekanntgabe */
  anhoerungsfristTage: number;
  /** the Wiedervorlage 'minderung_frist' warns this many days before the Feststellungsfrist ends */
  fristWarnungTageVorher: number;
  /**
   * § 31b Abs. 1 S. 5 SGB II: the Feststellung must be wirksam within six months; 'bekanntgabe' = the decision is
   * only possible while a letter posted today would still be bekanntgegeben within the Frist (conservative);
   * 'entscheidung' = the day of the decision counts.
   */
  feststellungsfristGewahrtDurch: 'bekanntgabe' | 'entscheidung';
  /**
   * § 37 Abs. 2 SGB X: the Bekanntgabefiktion also on a Saturday, Sunday or holiday (LSG Bayern 11.5.2022
   * L 2 U 140/13: no shift; info sites claim a shift by § 26 Abs. 3 SGB X).
   */
  bekanntgabeFiktionAmWochenende: 'keine_verschiebung';
};

export const FORDERN_AUSLEGUNG: Readonly<FordernAuslegung> = {
  meldeversaeumnisWiederholtMonate: 12,
  meldeversaeumnisInFolge: 'ohne_wahrgenommenen_oder_entschuldigten_termin',
  nichterreichbarkeitMonate: 3,
  vorzeitigesEndeAb: 'erfuellungsmonat',
  anhoerungsfristTage: 14,
  fristWarnungTageVorher: 28,
  feststellungsfristGewahrtDurch: 'bekanntgabe',
  bekanntgabeFiktionAmWochenende: 'keine_verschiebung',
};

export type MinderungsStufe = { prozent: number; monate: number };

export type Pflichtverletzungsregel = {
  /** false: § 31a is not applied (Sanktionsmoratorium) */
  anwendbar: boolean;
  /** Stufe 1 (first), 2 ("weitere"), 3 ("jede weitere"): percent of the maßgebender Regelbedarf and months */
  stufen: readonly [MinderungsStufe, MinderungsStufe, MinderungsStufe];
  /**
   * an earlier Minderung makes this one a "weitere" when it was festgestellt before the new Pflichtverletzung and its
   * Minderungszeitraum began not more than this many months before it (§ 31a Abs. 1 S. 4–5)
   */
  weitereInnerhalbMonate: number;
};

/** § 31a SGB II: the Minderung for a Pflichtverletzung nach § 31, by the day of the Pflichtverletzung. */
export const MINDERUNG_PFLICHTVERLETZUNG: readonly Gueltig<Pflichtverletzungsregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-06-30',
    wert: {
      anwendbar: true,
      stufen: [
        { prozent: 30, monate: 3 },
        { prozent: 30, monate: 3 },
        { prozent: 30, monate: 3 },
      ],
      weitereInnerhalbMonate: 12,
    },
    norm: '§ 31a Abs. 1, § 31b Abs. 1 S. 3 SGB II a.F. i.V.m. BVerfG 05.11.2019 1 BvL 7/16',
    quelle: 'asyl.net/rsdb/M27819 (BVerfG: höchstens 30 %, keine 60 %/100 %); sgb2-law.md § 1.9',
    fundstelle: '§ 31a SGB II a.F. i.V.m. BVerfG 1 BvL 7/16',
    unsicher: 'genauer Wortlaut a.F., Dauer 3 Monate und Regeln für unter 25-Jährige nicht bestätigt',
  },
  {
    gueltigAb: '2022-07-01',
    gueltigBis: '2022-12-31',
    wert: {
      anwendbar: false,
      stufen: [
        { prozent: 0, monate: 0 },
        { prozent: 0, monate: 0 },
        { prozent: 0, monate: 0 },
      ],
      weitereInnerhalbMonate: 12,
    },
    norm: '§ 84 Abs. 1 SGB II a.F. (Sanktionsmoratorium)',
    quelle: 'lexetius.com/SGB2/84,2 (Fassung 1.7.2022); Haufe Sauer § 84 Rz. 2; jobcenter.wuppertal.de Sanktionsmoratorium',
    fundstelle: '§ 84 Abs. 1 SGB II a.F.',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: BIS_NEUES_RECHT,
    wert: {
      anwendbar: true,
      stufen: [
        { prozent: 10, monate: 1 },
        { prozent: 20, monate: 2 },
        { prozent: 30, monate: 3 },
      ],
      weitereInnerhalbMonate: 12,
    },
    norm: '§ 31a Abs. 1, § 31b Abs. 1 SGB II',
    quelle: 'Bürgergeld-Gesetz BGBl. 2022 I S. 2328; SGB II Fassung 24.2.2025 (sgb2-law.md § 1.9); foerdern-fordern-statistik.md § B.2 Schritt 6',
    fundstelle: '§ 31a Abs. 1 SGB II i.d.F. des Bürgergeld-Gesetzes',
  },
  {
    gueltigAb: NEUES_RECHT_AB,
    wert: {
      anwendbar: true,
      stufen: [
        { prozent: 30, monate: 3 },
        { prozent: 30, monate: 3 },
        { prozent: 30, monate: 3 },
      ],
      weitereInnerhalbMonate: 12,
    },
    norm: '§ 31a Abs. 1, § 31b Abs. 1, § 65a Abs. 2 SGB II (Fassung 16.4.2026)',
    quelle: QUELLE_2026,
    fundstelle: '§ 31a Abs. 1 SGB II i.d.F. des G v. 16.4.2026',
    unsicher: UNSICHER_2026,
  },
];

export type Meldeversaeumnisregel = {
  /** a Minderung only from this Meldeversäumnis on (1 = every one, 2 = only a wiederholtes) */
  abVersaeumnis: 1 | 2;
  /** "wiederholt": the earlier Meldeversäumnis lies less than this many months back (null: not needed) */
  wiederholtInnerhalbMonate: number | null;
  prozent: number;
  monate: number;
  /** this many Meldeversäumnisse in Folge → § 7b Abs. 4 Nichterreichbarkeit (null: no such rule) */
  nichterreichbarkeitAb: number | null;
  /**
   * § 7b Abs. 4 S. 4 (2026): in the first month after the Feststellung only the Regelbedarf lapses (KdU, Mehrbedarfe
   * and the floor claim stay); the whole claim lapses from the second month. false: no such rule.
   */
  nichterreichbarkeitErsterMonatNurRegelbedarf: boolean;
};

/** § 32 SGB II: the Minderung for a Meldeversäumnis, by the day of the missed appointment. */
export const MINDERUNG_MELDEVERSAEUMNIS: readonly Gueltig<Meldeversaeumnisregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-06-30',
    wert: { abVersaeumnis: 1, wiederholtInnerhalbMonate: null, prozent: 10, monate: 3, nichterreichbarkeitAb: null, nichterreichbarkeitErsterMonatNurRegelbedarf: false },
    norm: '§ 32 SGB II a.F. i.V.m. § 31b Abs. 1 S. 3 SGB II a.F.',
    quelle: 'sgb2-law.md § 1.9 (asyl.net/rsdb/M27819); Haufe Sauer § 32',
    fundstelle: '§ 32 SGB II a.F.',
    unsicher: 'Dauer 3 Monate a.F. nicht gegen den Gesetzestext bestätigt',
  },
  {
    gueltigAb: '2022-07-01',
    gueltigBis: '2022-12-31',
    wert: { abVersaeumnis: 2, wiederholtInnerhalbMonate: 12, prozent: 10, monate: 3, nichterreichbarkeitAb: null, nichterreichbarkeitErsterMonatNurRegelbedarf: false },
    norm: '§ 84 Abs. 2 und 3 SGB II a.F. (Sanktionsmoratorium), § 32 SGB II',
    quelle: 'lexetius.com/SGB2/84,2 (Fassung 1.7.2022: erst nach wiederholtem Meldeversäumnis, vorangegangenes weniger als ein Jahr zurück; insgesamt höchstens 10 %); Haufe Sauer § 84 Rz. 17–19',
    fundstelle: '§ 84 Abs. 2 SGB II a.F.',
    unsicher: 'Dauer 3 Monate a.F. nicht gegen den Gesetzestext bestätigt',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: BIS_NEUES_RECHT,
    wert: { abVersaeumnis: 1, wiederholtInnerhalbMonate: null, prozent: 10, monate: 1, nichterreichbarkeitAb: null, nichterreichbarkeitErsterMonatNurRegelbedarf: false },
    norm: '§ 32 Abs. 1 und 2 SGB II',
    quelle: 'SGB II Fassung 24.2.2025 § 32 (sgb2-law.md § 1.9); Haufe Sauer § 32 Rz. 31',
    fundstelle: '§ 32 SGB II',
  },
  {
    gueltigAb: NEUES_RECHT_AB,
    wert: {
      abVersaeumnis: 2,
      wiederholtInnerhalbMonate: FORDERN_AUSLEGUNG.meldeversaeumnisWiederholtMonate,
      prozent: 30,
      monate: 1,
      nichterreichbarkeitAb: 3,
      nichterreichbarkeitErsterMonatNurRegelbedarf: true,
    },
    norm: '§ 32 Abs. 1–3, § 7b Abs. 4, § 65a Abs. 2 SGB II (Fassung 16.4.2026)',
    quelle: QUELLE_2026,
    fundstelle: '§ 32 SGB II i.d.F. des G v. 16.4.2026',
    unsicher: `${UNSICHER_2026}; "wiederholt" als FORDERN_AUSLEGUNG.meldeversaeumnisWiederholtMonate`,
  },
];

export type Arbeitsverweigerungsregel = {
  anwendbar: boolean;
  /** the earlier Minderung the Tatbestand needs (§ 31a Abs. 7 S. 1, 2024 form); null: no such condition */
  vorherigeMinderung: { tatbestaende: readonly Tatbestand[]; innerhalbMonate: number } | null;
  /** the Regelbedarf lapses at least / at most this many months */
  mindestMonate: number;
  hoechstMonate: number;
};

/** § 31a Abs. 7, § 31b Abs. 3 SGB II: Arbeitsverweigerung – the Regelbedarf lapses (KdU untouched). */
export const ARBEITSVERWEIGERUNG: readonly Gueltig<Arbeitsverweigerungsregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2024-03-27',
    wert: { anwendbar: false, vorherigeMinderung: null, mindestMonate: 0, hoechstMonate: 0 },
    norm: '§ 31a SGB II (ohne Abs. 7)',
    quelle: 'foerdern-fordern-statistik.md § 0 (Abs. 7 erst durch das 2. HFG 2024, BGBl. 2024 I Nr. 107)',
    fundstelle: '§ 31a SGB II',
  },
  {
    gueltigAb: '2024-03-28',
    gueltigBis: '2026-03-27',
    wert: { anwendbar: true, vorherigeMinderung: { tatbestaende: ['31_1_2', '31_2_3', '31_2_4'], innerhalbMonate: 12 }, mindestMonate: 0, hoechstMonate: 2 },
    norm: '§ 31a Abs. 7, § 31b Abs. 3 SGB II',
    quelle: '2. Haushaltsfinanzierungsgesetz 2024 BGBl. 2024 I Nr. 107 (buzer.de/gesetz/16375/a309873); SGB II Fassung 24.2.2025; aufgehoben mit Ablauf des 27.3.2026 (§ 86 SGB II)',
    fundstelle: '§ 31a Abs. 7 SGB II (28.3.2024–27.3.2026)',
    unsicher: 'Mindestdauer: das Gesetz nennt nur das Ende (Arbeit nicht mehr verfügbar, spätestens 2 Monate)',
  },
  {
    gueltigAb: '2026-03-28',
    gueltigBis: BIS_NEUES_RECHT,
    wert: { anwendbar: false, vorherigeMinderung: null, mindestMonate: 0, hoechstMonate: 0 },
    norm: '§ 86 SGB II (§ 31a Abs. 7 a.F. aufgehoben mit Ablauf des 27.3.2026)',
    quelle: 'sgb2-law.md § 1.9 und § 4 (2026-03-28); minderung.ts MINDERUNG',
    fundstelle: '§ 86 SGB II',
    unsicher: 'foerdern-fordern-statistik.md § 0 nennt für die Arbeitsverweigerung 2026 "ab dem Tag nach der Verkündung" – hier wie MINDERUNG erst ab AUSLEGUNG.minderungNeuesRechtAb',
  },
  {
    gueltigAb: NEUES_RECHT_AB,
    wert: { anwendbar: true, vorherigeMinderung: null, mindestMonate: 1, hoechstMonate: 2 },
    norm: '§ 31a Abs. 7, § 31b SGB II (Fassung 16.4.2026)',
    quelle: `${QUELLE_2026}; buerger-geld.org ?p=32911 (mindestens 1, höchstens 2 Monate)`,
    fundstelle: '§ 31a Abs. 7 SGB II i.d.F. des G v. 16.4.2026',
    unsicher: UNSICHER_2026,
  },
];

export type Feststellungsregel = {
  /** the Feststellung is only allowed within this many months of the Pflichtverletzung */
  fristMonate: number;
  /** the Minderungszeitraum begins with the calendar month after the Bekanntgabe (Wirksamwerden) */
  beginn: 'monat_nach_bekanntgabe';
};

/** § 31b Abs. 1 SGB II: Feststellungsfrist and start of the Minderungszeitraum. */
export const MINDERUNG_FESTSTELLUNG: readonly Gueltig<Feststellungsregel>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: { fristMonate: 6, beginn: 'monat_nach_bekanntgabe' },
    norm: '§ 31b Abs. 1 S. 1 und 5 SGB II',
    quelle: 'mecfs-wiki § 31b; AOK § 31b (foerdern-fordern-statistik.md § B.2 Schritte 2, 7, 8); gleichlautend in der Fassung vor 2023 (§ 31b Abs. 1 a.F.)',
    fundstelle: '§ 31b Abs. 1 SGB II',
  },
];

export type VorzeitigesEnde = {
  /** the Minderung ends early only after at least this many months (§ 31b Abs. 2 S. 2) */
  mindestMonate: number;
};

/** § 31b Abs. 2 SGB II: early end when the person complies or seriously declares readiness. */
export const MINDERUNG_VORZEITIGES_ENDE: readonly Gueltig<VorzeitigesEnde>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { mindestMonate: 1 },
    norm: '§ 31b SGB II a.F. i.V.m. BVerfG 05.11.2019 1 BvL 7/16',
    quelle: 'asyl.net/rsdb/M27819 (BVerfG: Minderung muss bei Mitwirkung enden können)',
    fundstelle: 'BVerfG 1 BvL 7/16',
    unsicher: 'Mindestdauer vor 2023 aus der Übergangsanordnung abgeleitet, nicht bestätigt',
  },
  {
    gueltigAb: '2023-01-01',
    wert: { mindestMonate: 1 },
    norm: '§ 31a Abs. 1 S. 6, § 31b Abs. 2 SGB II',
    quelle: 'lexetius § 31a (28.3.2024); mecfs-wiki § 31b (foerdern-fordern-statistik.md § B.2 Schritt 9)',
    fundstelle: '§ 31b Abs. 2 SGB II',
  },
];

export type Schutzregel = {
  /** the Anhörung is held in person when the person asks for it (§ 31a Abs. 2 S. 1) */
  persoenlichAufVerlangen: boolean;
  /** it shall be held in person for repeated Pflichtverletzungen / Meldeversäumnisse (§ 31a Abs. 2 S. 2) */
  persoenlichBeiWiederholung: boolean;
  /** in person before a complete lapse (Nichterreichbarkeit, Wegfall des Regelbedarfs) */
  persoenlichVorWegfall: boolean;
  /** documented Härteprüfung (§ 31a Abs. 3) at every n-th Meldeversäumnis in Folge (null: no such rule) */
  haertePruefungJedesNteMeldeversaeumnis: number | null;
};

/** Safeguards of the procedure: personal Anhörung and mandatory Härteprüfung. */
export const MINDERUNG_SCHUTZ: readonly Gueltig<Schutzregel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { persoenlichAufVerlangen: false, persoenlichBeiWiederholung: false, persoenlichVorWegfall: false, haertePruefungJedesNteMeldeversaeumnis: null },
    norm: '§ 24 SGB X (Anhörung), BVerfG 05.11.2019 1 BvL 7/16 (Härte)',
    quelle: 'asyl.net/rsdb/M27819',
    fundstelle: '§ 24 SGB X',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: BIS_NEUES_RECHT,
    wert: { persoenlichAufVerlangen: true, persoenlichBeiWiederholung: true, persoenlichVorWegfall: false, haertePruefungJedesNteMeldeversaeumnis: null },
    norm: '§ 31a Abs. 2 und 3 SGB II',
    quelle: 'lexetius § 31a (28.3.2024); mecfs-wiki § 31a (foerdern-fordern-statistik.md § B.2 Schritte 3, 5)',
    fundstelle: '§ 31a Abs. 2 SGB II',
    unsicher: 'Wortlaut von § 31a Abs. 2 S. 2 nur in der Fassung ab 28.3.2024 gelesen',
  },
  {
    gueltigAb: NEUES_RECHT_AB,
    wert: { persoenlichAufVerlangen: true, persoenlichBeiWiederholung: true, persoenlichVorWegfall: true, haertePruefungJedesNteMeldeversaeumnis: 3 },
    norm: '§ 31a Abs. 2 und 3, § 7b Abs. 4 SGB II (Fassung 16.4.2026)',
    quelle: `${QUELLE_2026}; hib 1146360 (BT-Drs. 21/4076); insidebw.de Kabinett`,
    fundstelle: '§ 31a Abs. 2 und 3 SGB II i.d.F. des G v. 16.4.2026',
    unsicher: `${UNSICHER_2026}; Schutzpflichten aus der Gesetzesbegründung/Kabinettsfassung, Wortlaut nicht gelesen`,
  },
];

export type Bekanntgaberegel = {
  /** a letter posted in Germany (or sent electronically) counts as bekanntgegeben on this day after posting */
  tagNachAufgabe: number;
};

/** § 37 Abs. 2 SGB X Bekanntgabefiktion, by the day the letter is posted (or sent to the Postfach). */
export const BEKANNTGABE: readonly Gueltig<Bekanntgaberegel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2024-12-31',
    wert: { tagNachAufgabe: 3 },
    norm: '§ 37 Abs. 2 S. 1 SGB X a.F.',
    quelle: 'rvrecht.deutsche-rentenversicherung.de GRA § 37 SGB X (Stand 15.01.2024): dritter Tag nach Aufgabe zur Post',
    fundstelle: '§ 37 Abs. 2 SGB X',
  },
  {
    gueltigAb: '2025-01-01',
    wert: { tagNachAufgabe: 4 },
    norm: '§ 37 Abs. 2 S. 1 SGB X i.d.F. des Postrechtsmodernisierungsgesetzes',
    quelle: 'PostModG (BT 13.6.2024, BR 5.7.2024, in Kraft 1.1.2025); rechtsanwaelte-km.de "Sozialrecht: geänderte Fristenregelung"; buerger-geld.org Zugangsfiktion Januar 2025',
    fundstelle: '§ 37 Abs. 2 SGB X',
  },
];
