/**
 * Shared vocabulary of the integration side (Fördern, docs/foerdern.md): the closed lists the database, the use
 * cases and the pages all use. The rules that work on them live beside this file (status.ts, kooperationsplan.ts,
 * instrumente.ts, teilnahme.ts, integration.ts); the dated legal values in src/domain/recht/foerdern.ts.
 */

/** Kind of a conversation note (Gesprächsvermerk). */
export const GESPRAECHSARTEN = ['erstgespraech', 'folgegespraech', 'telefonisch', 'video'] as const;
export type Gespraechsart = (typeof GESPRAECHSARTEN)[number];

/**
 * Arbeitsmarktstatus of an eLb for a period (§ 16 SGB III i.V.m. § 53a SGB II, § 10 SGB II):
 * - `arbeitslos`: not employed (< 15 h/week), seeking sv-pflichtige work, available, registered;
 * - `arbeitsuchend`: seeking work but not arbeitslos, with a reason (ARBEITSUCHEND_GRUENDE);
 * - `nicht_arbeitsuchend`: not seeking / not available, with a § 10 reason (NICHT_ARBEITSUCHEND_GRUENDE).
 */
export const ARBEITSMARKTSTATUS = ['arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend'] as const;
export type Arbeitsmarktstatus = (typeof ARBEITSMARKTSTATUS)[number];
export const ARBEITSUCHEND_GRUENDE = ['massnahme', 'erwerbstaetigkeit', 'arbeitsunfaehigkeit', 'sonstiges'] as const;
export type ArbeitsuchendGrund = (typeof ARBEITSUCHEND_GRUENDE)[number];
export const NICHT_ARBEITSUCHEND_GRUENDE = ['kind_unter_3', 'pflege', 'schule_ausbildung', 'arbeitsunfaehig_langfristig', 'sonstiges'] as const;
export type NichtArbeitsuchendGrund = (typeof NICHT_ARBEITSUCHEND_GRUENDE)[number];
export const STATUS_GRUENDE = [...new Set([...ARBEITSUCHEND_GRUENDE, ...NICHT_ARBEITSUCHEND_GRUENDE])] as const;
export type StatusGrund = ArbeitsuchendGrund | NichtArbeitsuchendGrund;
/** Where a status period came from: entered by staff, or derived from a recorded fact (shown as such). */
export const STATUS_QUELLEN = ['erfasst', 'massnahme_eintritt', 'massnahme_austritt', 'integration'] as const;
export type StatusQuelle = (typeof STATUS_QUELLEN)[number];

/** Schlüsselgrößen of the Handlungsbedarfe (BA 4-Phasen-Modell). */
export const SCHLUESSELGROESSEN = ['qualifikation', 'leistungsfaehigkeit', 'motivation', 'rahmenbedingungen'] as const;
export type Schluesselgroesse = (typeof SCHLUESSELGROESSEN)[number];

/** Kooperationsplan: what the record is (the 2026 reform adds the obligation by Verwaltungsakt). */
export const KOOPERATIONSPLAN_ARTEN = ['plan', 'verwaltungsakt'] as const;
export type KooperationsplanArt = (typeof KOOPERATIONSPLAN_ARTEN)[number];
/**
 * entwurf → abgestimmt (both agree; the Textform document goes out) → fortgeschrieben (replaced by a newer version);
 * nicht_zustande_gekommen when no agreement is reached (then Schlichtung until 30.6.2026, Verwaltungsakt after).
 */
export const KOOPERATIONSPLAN_STATUS = ['entwurf', 'abgestimmt', 'nicht_zustande_gekommen', 'fortgeschrieben'] as const;
export type KooperationsplanStatus = (typeof KOOPERATIONSPLAN_STATUS)[number];
/** Who does a step of the plan. */
export const SCHRITT_TRAEGER = ['person', 'jobcenter', 'dritte'] as const;
export type SchrittTraeger = (typeof SCHRITT_TRAEGER)[number];
export const SPRACHFOERDERUNG = ['keine', 'integrationskurs', 'berufssprachkurs'] as const;
export type Sprachfoerderung = (typeof SPRACHFOERDERUNG)[number];
/** The citizen's reaction in the portal. */
export const PLAN_REAKTIONEN = ['bestaetigt', 'kommentar', 'schlichtung'] as const;
export type PlanReaktion = (typeof PLAN_REAKTIONEN)[number];
/** One written answer of the citizen to a plan (comment or reason for a Schlichtung); `am` ISO timestamp. */
export type PlanKommentar = { am: string; art: 'kommentar' | 'schlichtung'; text: string };
export const SCHLICHTUNG_ERGEBNISSE = ['laufend', 'einigung', 'ohne_einigung'] as const;
export type SchlichtungErgebnis = (typeof SCHLICHTUNG_ERGEBNISSE)[number];

/**
 * Instruments of the Eingliederung (§ 16 Abs. 1 SGB II with SGB III, §§ 16a–16k SGB II). The norms, durations and
 * whether each counts as a Maßnahme der aktiven Arbeitsförderung are dated rules in instrumente.ts.
 */
export const INSTRUMENTE = [
  'sgb3_44_vermittlungsbudget',
  'sgb3_45_mat',
  'sgb3_45_mag',
  'sgb3_45_mpav',
  'sgb3_88_egz',
  'sgb3_81_fbw',
  'verweisung_aa_fbw',
  'verweisung_aa_reha',
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
  'sgb2_16k_coaching',
] as const;
export type Instrument = (typeof INSTRUMENTE)[number];

/** Budget titles: Bundesmittel for Eingliederung (EGT, Kap. 1101 Tit. 685 11) and kommunale Mittel (§ 16a). */
export const BUDGET_TITEL = ['egt_bund', 'kommunal_16a'] as const;
export type BudgetTitel = (typeof BUDGET_TITEL)[number];

/** Teilnahme (participation) lifecycle, see teilnahme.ts. */
export const TEILNAHME_STATUS = ['vorschlag', 'warteliste', 'wartet_auf_genehmigung', 'zugewiesen', 'eingetreten', 'ausgetreten', 'abgelehnt', 'storniert'] as const;
export type TeilnahmeStatus = (typeof TEILNAHME_STATUS)[number];
/** Statuses that hold a place of the Kontingent. */
export const PLATZ_BELEGENDE_STATUS = ['zugewiesen', 'eingetreten'] as const satisfies readonly TeilnahmeStatus[];
export const AUSTRITTSGRUENDE = ['regulaer', 'arbeitsaufnahme', 'abbruch', 'ausschluss', 'krankheit'] as const;
export type Austrittsgrund = (typeof AUSTRITTSGRUENDE)[number];
/** How the cost of a place is charged. */
export const KOSTENARTEN_PLATZ = ['pauschal', 'monatlich'] as const;
export type KostenartPlatz = (typeof KOSTENARTEN_PLATZ)[number];

/** Kinds of a job start (jobcenter-domain.md § 2: only svB, Ausbildung, Selbständigkeit count as Integration). */
export const INTEGRATIONSARTEN = [
  'svb_vollzeit',
  'svb_teilzeit',
  'ausbildung',
  'selbststaendigkeit',
  'minijob',
  'gefoerdert_16d',
  'gefoerdert_16e',
  'gefoerdert_16i',
] as const;
export type Integrationsart = (typeof INTEGRATIONSARTEN)[number];
export const NACHHALTIGKEIT_ERGEBNISSE = ['noch_beschaeftigt', 'nicht_mehr_beschaeftigt', 'unbekannt'] as const;
export type NachhaltigkeitErgebnis = (typeof NACHHALTIGKEIT_ERGEBNISSE)[number];

/** Individual payments to the person from the Eingliederungsbudget, paid through the Zahllauf. */
export const FOERDERLEISTUNG_ARTEN = ['einstiegsgeld_16b', 'mehraufwand_16d', 'vermittlungsbudget_44'] as const;
export type FoerderleistungArt = (typeof FOERDERLEISTUNG_ARTEN)[number];
