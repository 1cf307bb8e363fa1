/**
 * Dated rules of the Eingliederungsinstrumente (§ 16 Abs. 1 SGB II with SGB III, §§ 16a–16k SGB II), read by
 * src/domain/foerdern/instrumente.ts: since when and until when an instrument can be used, the legal maximum
 * duration checked at the Zuweisung, and the versioned mapping "counts as Maßnahme der aktiven Arbeitsförderung"
 * for the Kennzahlen (§ 48a SGB II, K3E2) and the Arbeitsmarktstatus (§ 16 Abs. 2 SGB III i.V.m. § 53a SGB II).
 * Sources: reference foerdern-fordern-statistik.md §§ 0, A.4, A.5, A.7 (source numbers [Sx] there).
 * vorort keeps the law from 1.1.2021 on; earlier validity is not modelled.
 */
import type { Instrument } from '../foerdern/typen.ts';
import type { Gueltig } from './typen.ts';

/**
 * Which instruments can be used (assigned) on a day: one entry per period of law (the Zuweisung date decides).
 * Norms of the single instruments: src/domain/foerdern/instrumente.ts INSTRUMENT_TEXT.
 */
export type InstrumentVerfuegbarkeit = { verfuegbar: readonly Instrument[] };

const RECHTSSTAND_AB = '2021-01-01';
const GRUNDBESTAND: readonly Instrument[] = [
  'sgb3_44_vermittlungsbudget',
  'sgb3_45_mat',
  'sgb3_45_mag',
  'sgb3_45_mpav',
  'sgb3_88_egz',
  'sgb2_16a_kinderbetreuung',
  'sgb2_16a_schuldnerberatung',
  'sgb2_16a_psychosozial',
  'sgb2_16a_suchtberatung',
  'sgb2_16b_einstiegsgeld',
  'sgb2_16c_selbststaendige',
  'sgb2_16d_agh',
  'sgb2_16e_lza',
  'sgb2_16f_freie_foerderung',
  'sgb2_16h_junge_menschen',
  'sgb2_16i_teilhabe',
];

export const INSTRUMENT_VERFUEGBARKEIT: readonly Gueltig<InstrumentVerfuegbarkeit>[] = [
  {
    gueltigAb: RECHTSSTAND_AB,
    gueltigBis: '2023-06-30',
    wert: { verfuegbar: [...GRUNDBESTAND, 'sgb3_81_fbw'] },
    norm: '§ 16 Abs. 1, §§ 16a–16i SGB II',
    quelle: 'foerdern-fordern-statistik.md A.4, A.5 (SGB III-Leistungen über § 16 Abs. 1, §§ 16a–16i SGB II)',
    unsicher: 'Liste der über § 16 Abs. 1 verfügbaren SGB III-Leistungen (EGZ) und Parameter des § 16h nicht erneut geprüft [U]',
  },
  {
    gueltigAb: '2023-07-01',
    gueltigBis: '2024-12-31',
    wert: { verfuegbar: [...GRUNDBESTAND, 'sgb3_81_fbw', 'sgb2_16k_coaching'] },
    norm: '§ 16 Abs. 1, §§ 16a–16i, 16k SGB II',
    quelle: 'Bürgergeld-Gesetz: § 16k ab 1.7.2023; § 16j (1.7.2023–27.3.2024) ist kein Instrument von vorort (foerdern-fordern-statistik.md § 0, A.5 [S5]–[S7][S73])',
    unsicher: 'Liste der über § 16 Abs. 1 verfügbaren SGB III-Leistungen (EGZ) und Parameter des § 16h nicht erneut geprüft [U]',
  },
  {
    gueltigAb: '2025-01-01',
    wert: { verfuegbar: [...GRUNDBESTAND, 'verweisung_aa_fbw', 'verweisung_aa_reha', 'sgb2_16k_coaching'] },
    norm: '§ 16 Abs. 1 SGB II i.d.F. HFG 2024, §§ 16a–16i, 16k SGB II',
    quelle: 'HFG 2024 (BGBl. 2023 I Nr. 412): FbW und berufliche Reha ab 1.1.2025 durch die Agentur, das Jobcenter verweist (foerdern-fordern-statistik.md § 0, A.4 [S8]–[S11])',
    unsicher: 'Liste der über § 16 Abs. 1 verfügbaren SGB III-Leistungen (EGZ) und Parameter des § 16h nicht erneut geprüft [U]',
  },
];

/**
 * The legal maximum duration of one instrument, checked at the Zuweisung:
 * - `je_teilnahme`: each participation on its own;
 * - `insgesamt`: all participations of the person in this instrument together;
 * - `rahmenfrist`: all participations within `rahmenJahre` counted from the first Eintritt (§ 16d Abs. 6).
 * `verlaengerungMonate`: more months allowed after a documented review (the Zuweisung needs a Begründung).
 * `hoechstWochenErhoeht`: the higher limit for Langzeitarbeitslose with schwerwiegenden Vermittlungshemmnissen.
 * `zuschussProzent`: the subsidy per year of the participation (1st, 2nd, … year), for the letter and the page.
 */
export type Dauerregel = {
  instrument: Instrument;
  zaehlung: 'je_teilnahme' | 'insgesamt' | 'rahmenfrist';
  hoechstMonate?: number;
  hoechstWochen?: number;
  hoechstWochenErhoeht?: number;
  rahmenJahre?: number;
  verlaengerungMonate?: number;
  zuschussProzent?: readonly number[];
};

export type Dauerregeln = Readonly<Partial<Record<Instrument, Dauerregel & { norm: string }>>>;

export const INSTRUMENT_HOECHSTDAUER: readonly Gueltig<Dauerregeln>[] = [
  {
    gueltigAb: RECHTSSTAND_AB,
    wert: {
      sgb2_16d_agh: { instrument: 'sgb2_16d_agh', zaehlung: 'rahmenfrist', hoechstMonate: 24, rahmenJahre: 5, verlaengerungMonate: 12, norm: '§ 16d Abs. 6 SGB II' },
      sgb2_16i_teilhabe: { instrument: 'sgb2_16i_teilhabe', zaehlung: 'insgesamt', hoechstMonate: 60, zuschussProzent: [100, 100, 90, 80, 70], norm: '§ 16i Abs. 2 SGB II' },
      sgb2_16e_lza: { instrument: 'sgb2_16e_lza', zaehlung: 'je_teilnahme', hoechstMonate: 24, zuschussProzent: [75, 50], norm: '§ 16e Abs. 2 SGB II' },
      sgb2_16b_einstiegsgeld: { instrument: 'sgb2_16b_einstiegsgeld', zaehlung: 'je_teilnahme', hoechstMonate: 24, norm: '§ 16b Abs. 2 SGB II' },
      sgb3_45_mag: { instrument: 'sgb3_45_mag', zaehlung: 'je_teilnahme', hoechstWochen: 6, hoechstWochenErhoeht: 12, norm: '§ 45 Abs. 2 S. 2 und Abs. 8 SGB III' },
    },
    norm: '§ 16d Abs. 6, § 16i Abs. 2, § 16e Abs. 2, § 16b Abs. 2 SGB II; § 45 Abs. 2 S. 2 und Abs. 8 SGB III',
    quelle:
      '§ 16d: höchstens 24 Monate in fünf Jahren ab dem ersten Eintritt, bis zu 12 weitere nach dokumentierter Prüfung [S58]–[S61]; § 16i: 100/100/90/80/70 %, höchstens fünf Jahre [S69]–[S71]; § 16e: 75/50 %, zwei Jahre [S63]; § 16b: höchstens 24 Monate [S53][S54]; § 45 beim Arbeitgeber: sechs Wochen, zwölf für Langzeitarbeitslose mit schwerwiegenden Hemmnissen [S46][S47] (foerdern-fordern-statistik.md A.4, A.5)',
    unsicher: 'Die Reform 2026 kündigt eine „Verbesserung“ des § 16e an; Einzelheiten nicht belegt [U]',
  },
];

/**
 * "Counts as Maßnahme der aktiven Arbeitsförderung" (versioned): the Kennzahl K3E2 (Aktivierungsquote der LZB) and
 * the Arbeitsmarktstatus (a participant is not arbeitslos, § 16 Abs. 2 SGB III) read it by the day of the Eintritt.
 * Decisions (docs/foerdern.md):
 * - § 16k Coaching and § 16j Bürgergeldbonus never count — counting them cost 74 zkT their K3E2 in Feb 2024 [S88];
 *   § 16j is not an instrument of vorort at all (abolished 28.3.2024, Bestandsschutz only).
 * - § 16a kommunale Eingliederungsleistungen (Kinderbetreuung, Schuldner-, psychosoziale, Suchtberatung) do not count:
 *   they are flankierende, nachrangige services of the kommunaler Träger without Rechtsfolgen, reported as costs via
 *   XSozial [S50]–[S52]; the person stays available for work and therefore stays arbeitslos.
 * - § 44 Vermittlungsbudget does not count: a single reimbursement, no participation period.
 * - FbW and berufliche Reha count, from 1.1.2025 as Verweisung an die Agentur (the person attends a Maßnahme der
 *   aktiven Arbeitsförderung even though the Agentur pays).
 */
export type MassnahmeZaehlung = { version: string; zaehlt: Readonly<Record<Instrument, boolean>> };

const ZAEHLT_2021: Readonly<Record<Instrument, boolean>> = {
  sgb3_44_vermittlungsbudget: false,
  sgb3_45_mat: true,
  sgb3_45_mag: true,
  sgb3_45_mpav: true,
  sgb3_88_egz: true,
  sgb3_81_fbw: true,
  verweisung_aa_fbw: false,
  verweisung_aa_reha: false,
  sgb2_16a_kinderbetreuung: false,
  sgb2_16a_schuldnerberatung: false,
  sgb2_16a_psychosozial: false,
  sgb2_16a_suchtberatung: false,
  sgb2_16b_einstiegsgeld: true,
  sgb2_16c_selbststaendige: true,
  sgb2_16d_agh: true,
  sgb2_16e_lza: true,
  sgb2_16f_freie_foerderung: true,
  sgb2_16h_junge_menschen: true,
  sgb2_16i_teilhabe: true,
  sgb2_16k_coaching: false,
};

export const MASSNAHME_ZAEHLUNG: readonly Gueltig<MassnahmeZaehlung>[] = [
  {
    gueltigAb: RECHTSSTAND_AB,
    gueltigBis: '2023-06-30',
    wert: { version: '2021-01', zaehlt: ZAEHLT_2021 },
    norm: '§ 48a SGB II i.V.m. § 16 Abs. 2 SGB III',
    quelle: 'BA-Statistik Kennzahlen § 48a (K3E2); foerdern-fordern-statistik.md A.7 [S86][S88]',
    unsicher: '§ 16h als Maßnahme gezählt: Parameter in der Referenz nicht belegt [U]',
  },
  {
    gueltigAb: '2023-07-01',
    gueltigBis: '2024-12-31',
    wert: { version: '2023-07', zaehlt: { ...ZAEHLT_2021, sgb2_16k_coaching: false } },
    norm: '§ 48a SGB II i.V.m. § 16 Abs. 2 SGB III',
    quelle: 'Bürgergeld-Gesetz (§§ 16j, 16k ab 1.7.2023 zählen nicht); Korrektur der BA vom 12.2.2024 (foerdern-fordern-statistik.md A.7 [S88])',
    unsicher: '§ 16h als Maßnahme gezählt: Parameter in der Referenz nicht belegt [U]',
  },
  {
    gueltigAb: '2025-01-01',
    wert: { version: '2025-01', zaehlt: { ...ZAEHLT_2021, sgb3_81_fbw: true, verweisung_aa_fbw: true, verweisung_aa_reha: true, sgb2_16k_coaching: false } },
    norm: '§ 48a SGB II i.V.m. § 16 Abs. 2 SGB III; HFG 2024',
    quelle: 'FbW/Reha ab 1.1.2025 durch die Agentur (foerdern-fordern-statistik.md § 0, A.4 [S8]–[S11]); Korrektur K3E2 [S88]',
    unsicher: '§ 16h als Maßnahme gezählt: Parameter in der Referenz nicht belegt [U]',
  },
];

/**
 * Rechtsfolgenbelehrung of a Zuweisung in a Maßnahme (§ 15 Abs. 5/6, § 31 Abs. 1 S. 1 Nr. 3, §§ 31a, 31b SGB II), by
 * the day of the Zuweisung; the percentage comes from the Minderung table (minderung.ts) of the same day. Plain
 * German written for vorort (not a BA form); to be checked by the Träger's legal department before use. Not for
 * § 16a (no Rechtsfolgen) and § 16k (§ 31 Abs. 1 Nr. 3 not applicable).
 */
export type MassnahmeBelehrung = { pflicht: string; wichtigerGrund: string };

export const MASSNAHME_BELEHRUNG: readonly Gueltig<MassnahmeBelehrung>[] = [
  {
    gueltigAb: '2023-01-01',
    wert: {
      pflicht:
        'Wenn Sie ohne wichtigen Grund diese Maßnahme nicht antreten, abbrechen oder durch Ihr Verhalten Anlass für den Abbruch geben, ist das eine Pflichtverletzung. Dann kann Ihr Bürgergeld gemindert werden: um einen Teil Ihres Regelbedarfs und für eine bestimmte Zeit. Vorher hören wir Sie an.',
      wichtigerGrund:
        'Ein wichtiger Grund kann zum Beispiel eine Krankheit sein, die Sie mit einer Bescheinigung belegen. Bitte sagen Sie uns so schnell wie möglich Bescheid, wenn Sie die Maßnahme nicht antreten oder fortsetzen können.',
    },
    norm: '§ 15 Abs. 5 und 6, § 31 Abs. 1 S. 1 Nr. 3, §§ 31a, 31b SGB II',
    quelle: 'foerdern-fordern-statistik.md A.7 [S85] (Abbruch oder Anlass für den Abbruch ohne wichtigen Grund ist Pflichtverletzung, ausgenommen § 16k [S73]); Text für vorort formuliert',
  },
];
