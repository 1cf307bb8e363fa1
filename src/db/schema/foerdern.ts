import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Arbeitsmarktstatus,
  Austrittsgrund,
  BudgetTitel,
  FoerderleistungArt,
  Gespraechsart,
  Instrument,
  Integrationsart,
  KooperationsplanArt,
  KooperationsplanStatus,
  KostenartPlatz,
  NachhaltigkeitErgebnis,
  PlanKommentar,
  PlanReaktion,
  Schluesselgroesse,
  SchlichtungErgebnis,
  StatusGrund,
  StatusQuelle,
  TeilnahmeStatus,
} from '../../domain/foerdern/typen.ts';
import { tenantColumns, timestamps, versionColumn, bytea } from './columns.ts';
import { antraege, bedarfsgemeinschaften, personen, wiedervorlagen } from './fall.ts';
import { standorte, traeger } from './organisation.ts';
import { termine } from './termine.ts';
import { users } from './users.ts';

/**
 * Fördern: the integration work (docs/foerdern.md). Persons are the `personen` of the Fallakte; every fact carries the
 * Träger and, where it is a fact about time, a validity period (`gueltig_von`/`gueltig_bis`, inclusive, NULL = open).
 * Series that must not overlap (Betreuung, Arbeitsmarktstatus) are guarded by exclusion constraints (migration
 * foerdern_rls). The closed lists are the ones of src/domain/foerdern/typen.ts (checked at compile time below).
 */

const inListe = (name: string, spalte: string, werte: readonly string[], nullErlaubt = false) =>
  check(name, sql.raw(`${nullErlaubt ? `${spalte} is null or ` : ''}${spalte} in (${werte.map((w) => `'${w}'`).join(', ')})`));

// The lists again as literals (src/db may import only types from src/domain); `satisfies` keeps them in step.
const GESPRAECHSARTEN = ['erstgespraech', 'folgegespraech', 'telefonisch', 'video'] as const satisfies readonly Gespraechsart[];
const STATUS = ['arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend'] as const satisfies readonly Arbeitsmarktstatus[];
const STATUS_GRUENDE = [
  'massnahme',
  'erwerbstaetigkeit',
  'arbeitsunfaehigkeit',
  'sonstiges',
  'kind_unter_3',
  'pflege',
  'schule_ausbildung',
  'arbeitsunfaehig_langfristig',
] as const satisfies readonly StatusGrund[];
const STATUS_QUELLEN = ['erfasst', 'massnahme_eintritt', 'massnahme_austritt', 'integration'] as const satisfies readonly StatusQuelle[];
const SCHLUESSELGROESSEN = ['qualifikation', 'leistungsfaehigkeit', 'motivation', 'rahmenbedingungen'] as const satisfies readonly Schluesselgroesse[];
const PLAN_ARTEN = ['plan', 'verwaltungsakt'] as const satisfies readonly KooperationsplanArt[];
const PLAN_STATUS = ['entwurf', 'abgestimmt', 'nicht_zustande_gekommen', 'fortgeschrieben'] as const satisfies readonly KooperationsplanStatus[];
const PLAN_REAKTIONEN = ['bestaetigt', 'kommentar', 'schlichtung'] as const satisfies readonly PlanReaktion[];
const SCHLICHTUNG_ERGEBNISSE = ['laufend', 'einigung', 'ohne_einigung'] as const satisfies readonly SchlichtungErgebnis[];
const BUDGET_TITEL = ['egt_bund', 'kommunal_16a'] as const satisfies readonly BudgetTitel[];
const TEILNAHME_STATUS = [
  'vorschlag',
  'warteliste',
  'wartet_auf_genehmigung',
  'zugewiesen',
  'eingetreten',
  'ausgetreten',
  'abgelehnt',
  'storniert',
] as const satisfies readonly TeilnahmeStatus[];
const AUSTRITTSGRUENDE = ['regulaer', 'arbeitsaufnahme', 'abbruch', 'ausschluss', 'krankheit'] as const satisfies readonly Austrittsgrund[];
const KOSTENARTEN_PLATZ = ['pauschal', 'monatlich'] as const satisfies readonly KostenartPlatz[];
const INTEGRATIONSARTEN = [
  'svb_vollzeit',
  'svb_teilzeit',
  'ausbildung',
  'selbststaendigkeit',
  'minijob',
  'gefoerdert_16d',
  'gefoerdert_16e',
  'gefoerdert_16i',
] as const satisfies readonly Integrationsart[];
const NACHHALTIGKEIT = ['noch_beschaeftigt', 'nicht_mehr_beschaeftigt', 'unbekannt'] as const satisfies readonly NachhaltigkeitErgebnis[];
const FOERDERLEISTUNG_ARTEN = ['einstiegsgeld_16b', 'mehraufwand_16d', 'vermittlungsbudget_44'] as const satisfies readonly FoerderleistungArt[];
// Instruments are checked against the domain list in the use cases (the catalogue grows with the law); the column
// is typed so that only known codes can be written from TypeScript.

const periode = {
  gueltigVon: date('gueltig_von', { mode: 'string' }).notNull(),
  gueltigBis: date('gueltig_bis', { mode: 'string' }),
};
const periodeCheck = (name: string, t: { gueltigVon: unknown; gueltigBis: unknown }) =>
  check(`${name}_periode_check`, sql`${t.gueltigBis} is null or ${t.gueltigBis} >= ${t.gueltigVon}`);
const personFk = (t: { traegerId: AnyPgColumn; personId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] });
const bgFk = (t: { traegerId: AnyPgColumn; bgId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] });
const userFk = (t: { traegerId: AnyPgColumn }, col: AnyPgColumn) => foreignKey({ columns: [t.traegerId, col], foreignColumns: [users.traegerId, users.id] });

// ---------------------------------------------------------------------------------------------- Betreuung

/**
 * Persönliche Ansprechpartnerin / persönlicher Ansprechpartner (§ 14 Abs. 3 SGB II) of an eLb, with history: one
 * period per assignment; a re-assignment ends the old period the day before the new one starts (no overlap).
 */
export const betreuungen = pgTable(
  'betreuungen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    /** The BG the person belonged to when assigned (the caseload shows the Fallnummer). */
    bgId: uuid('bg_id').notNull(),
    fachkraftId: uuid('fachkraft_id').notNull(),
    ...periode,
    /** Why (re-)assigned, e.g. "Neuzugang", "Urlaubsvertretung", "Umverteilung Team". */
    grund: text('grund'),
    zugewiesenVon: uuid('zugewiesen_von').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.fachkraftId),
    userFk(t, t.zugewiesenVon),
    periodeCheck('betreuungen', t),
    index('betreuungen_person_idx').on(t.traegerId, t.personId),
    index('betreuungen_fachkraft_idx').on(t.traegerId, t.fachkraftId),
  ],
);

/** Gesprächsvermerk: a dated, typed note of a conversation with the person; linked to the Termin where one existed. */
export const gespraechsvermerke = pgTable(
  'gespraechsvermerke',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    datum: date('datum', { mode: 'string' }).notNull(),
    art: text('art').$type<Gespraechsart>().notNull(),
    text: text('text').notNull(),
    terminId: uuid('termin_id'),
    /** Next planned contact agreed in the conversation (shown on the caseload page). */
    naechsterKontakt: date('naechster_kontakt', { mode: 'string' }),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.terminId], foreignColumns: [termine.traegerId, termine.id] }),
    userFk(t, t.createdBy),
    inListe('gespraechsvermerke_art_check', 'art', GESPRAECHSARTEN),
    index('gespraechsvermerke_person_idx').on(t.traegerId, t.personId, t.datum),
  ],
);

// ---------------------------------------------------------------------------------------------- Arbeitsmarktstatus

/**
 * Arbeitsmarktstatus per eLb over time (§ 16 SGB III i.V.m. § 53a SGB II). Periods never overlap (exclusion
 * constraint). `quelle` tells whether staff entered it or a recorded fact changed it (Eintritt in a Maßnahme,
 * Integration ≥ 15 h, Austritt); `quelle_id` names that fact (Teilnahme or Integration).
 */
export const arbeitsmarktstatus = pgTable(
  'arbeitsmarktstatus',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    ...periode,
    status: text('status').$type<Arbeitsmarktstatus>().notNull(),
    grund: text('grund').$type<StatusGrund>(),
    quelle: text('quelle').$type<StatusQuelle>().notNull().default('erfasst'),
    quelleId: uuid('quelle_id'),
    bemerkung: text('bemerkung'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    userFk(t, t.createdBy),
    periodeCheck('arbeitsmarktstatus', t),
    inListe('arbeitsmarktstatus_status_check', 'status', STATUS),
    inListe('arbeitsmarktstatus_grund_check', 'grund', STATUS_GRUENDE, true),
    inListe('arbeitsmarktstatus_quelle_check', 'quelle', STATUS_QUELLEN),
    check('arbeitsmarktstatus_grund_pflicht_check', sql`(${t.status} = 'arbeitslos') = (${t.grund} is null)`),
    index('arbeitsmarktstatus_person_idx').on(t.traegerId, t.personId, t.gueltigVon),
  ],
);

// ---------------------------------------------------------------------------------------------- Potenzialanalyse

/** Catalogue of Handlungsbedarfe kept by the Träger (configurable; health items are special-category data). */
export const handlungsbedarfKatalog = pgTable(
  'handlungsbedarf_katalog',
  {
    ...tenantColumns,
    code: text('code').notNull(),
    schluesselgroesse: text('schluesselgroesse').$type<Schluesselgroesse>().notNull(),
    bezeichnung: text('bezeichnung').notNull(),
    /** Health-related (Art. 9 DSGVO): stored apart, visible only to the integration side, every read audited. */
    gesundheitsbezogen: boolean('gesundheitsbezogen').notNull().default(false),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    unique('handlungsbedarf_katalog_code_unique').on(t.traegerId, t.code),
    inListe('handlungsbedarf_katalog_sg_check', 'schluesselgroesse', SCHLUESSELGROESSEN),
  ],
);

/**
 * Potenzialanalyse (§ 15 Abs. 1 SGB II), versioned: each save is a new version; older versions stay readable.
 * `daten` holds the structured non-health content (Stärken, Qualifikation, Berufserfahrung, Sprache, Mobilität,
 * Arbeitszeit, the non-health Handlungsbedarfe as catalogue codes) — shape in src/domain/foerdern/potenzialanalyse.ts.
 */
export const potenzialanalysen = pgTable(
  'potenzialanalysen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    /** 1, 2, … per person */
    fassung: integer('fassung').notNull(),
    erstelltAm: date('erstellt_am', { mode: 'string' }).notNull(),
    daten: jsonb('daten').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.createdBy),
    unique('potenzialanalysen_fassung_unique').on(t.traegerId, t.personId, t.fassung),
    check('potenzialanalysen_fassung_check', sql`${t.fassung} >= 1`),
  ],
);

/**
 * The health-related part of a Potenzialanalyse version (special category, Art. 9 DSGVO, § 67 Abs. 12 SGB X): kept
 * in its own table so that no query of the Leistung side can reach it by accident; only use cases holding
 * `potenzialanalyse.gesundheit` read it, and every read is audited.
 */
export const potenzialanalyseGesundheit = pgTable(
  'potenzialanalyse_gesundheit',
  {
    ...tenantColumns,
    potenzialanalyseId: uuid('potenzialanalyse_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** { handlungsbedarfe: [{code, bemerkung}], einschraenkungen: string } */
    daten: jsonb('daten').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.potenzialanalyseId], foreignColumns: [potenzialanalysen.traegerId, potenzialanalysen.id] }),
    personFk(t),
    unique('potenzialanalyse_gesundheit_pa_unique').on(t.traegerId, t.potenzialanalyseId),
  ],
);

// ---------------------------------------------------------------------------------------------- Kooperationsplan

/**
 * Kooperationsplan (§ 15 SGB II in the version valid on `erstellt_am`) and, from 1.7.2026, the obligation by
 * Verwaltungsakt when no plan comes about (`art = 'verwaltungsakt'`). Each Fortschreibung is a new row (`fassung`
 * + 1, `vorgaenger_id`); the replaced one gets status `fortgeschrieben`. `rechtsstand` names the dated rule
 * (src/domain/recht/foerdern.ts) the record was made under. `inhalt`: Eingliederungsziel aside, the structured
 * content (schritte, eigenbemuehungen, sprachfoerderung, reha, …) — shape in src/domain/foerdern/kooperationsplan.ts.
 */
export const kooperationsplaene = pgTable(
  'kooperationsplaene',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    fassung: integer('fassung').notNull(),
    vorgaengerId: uuid('vorgaenger_id'),
    art: text('art').$type<KooperationsplanArt>().notNull().default('plan'),
    status: text('status').$type<KooperationsplanStatus>().notNull().default('entwurf'),
    rechtsstand: text('rechtsstand').notNull(),
    erstelltAm: date('erstellt_am', { mode: 'string' }).notNull(),
    abgestimmtAm: date('abgestimmt_am', { mode: 'string' }),
    eingliederungsziel: text('eingliederungsziel').notNull(),
    inhalt: jsonb('inhalt').notNull(),
    /** Latest day of the joint review (≤ abgestimmt/erstellt + 6 months, § 15 Abs. 3 SGB II). */
    naechsteUeberpruefung: date('naechste_ueberpruefung', { mode: 'string' }).notNull(),
    /** Language of the copy for the person (portal language); German is binding. */
    sprache: text('sprache').notNull().default('de'),
    /** The Textform document as sent (PDF), once abgestimmt. */
    dokumentPdf: bytea('dokument_pdf'),
    postfachNachrichtId: uuid('postfach_nachricht_id'),
    wiedervorlageId: uuid('wiedervorlage_id'),
    /** The citizen's reaction in the portal. */
    reaktion: text('reaktion').$type<PlanReaktion>(),
    reaktionAm: timestamp('reaktion_am', { withTimezone: true }),
    /**
     * The citizen's written answers (comments, reasons for a Schlichtung), oldest first — a history, kept apart from
     * the confirmation (`reaktion`/`reaktion_am`), so that a later confirmation does not overwrite a comment.
     */
    kommentare: jsonb('kommentare').$type<PlanKommentar[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.createdBy),
    foreignKey({ columns: [t.traegerId, t.vorgaengerId], foreignColumns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.wiedervorlageId], foreignColumns: [wiedervorlagen.traegerId, wiedervorlagen.id] }),
    unique('kooperationsplaene_fassung_unique').on(t.traegerId, t.personId, t.fassung),
    inListe('kooperationsplaene_art_check', 'art', PLAN_ARTEN),
    inListe('kooperationsplaene_status_check', 'status', PLAN_STATUS),
    inListe('kooperationsplaene_reaktion_check', 'reaktion', PLAN_REAKTIONEN, true),
    check('kooperationsplaene_ueberpruefung_check', sql`${t.naechsteUeberpruefung} >= ${t.erstelltAm}`),
    index('kooperationsplaene_person_idx').on(t.traegerId, t.personId),
  ],
);

/** § 15a SGB II Schlichtungsverfahren (1.7.2023 – 30.6.2026): ends 4 weeks after its start at the latest. */
export const schlichtungen = pgTable(
  'schlichtungen',
  {
    ...tenantColumns,
    kooperationsplanId: uuid('kooperationsplan_id').notNull(),
    personId: uuid('person_id').notNull(),
    beantragtVon: text('beantragt_von').notNull(),
    beginn: date('beginn', { mode: 'string' }).notNull(),
    /** beginn + 4 weeks (28 days, §§ 187 Abs. 1, 188 Abs. 2 BGB) at the latest, or the day of the agreement. */
    ende: date('ende', { mode: 'string' }).notNull(),
    ergebnis: text('ergebnis').$type<SchlichtungErgebnis>().notNull().default('laufend'),
    schlichtende: text('schlichtende'),
    bemerkung: text('bemerkung'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.kooperationsplanId], foreignColumns: [kooperationsplaene.traegerId, kooperationsplaene.id] }),
    personFk(t),
    check('schlichtungen_von_check', sql`${t.beantragtVon} in ('person', 'jobcenter')`),
    inListe('schlichtungen_ergebnis_check', 'ergebnis', SCHLICHTUNG_ERGEBNISSE),
    check('schlichtungen_ende_check', sql`${t.ende} >= ${t.beginn}`),
    index('schlichtungen_person_idx').on(t.traegerId, t.personId),
  ],
);

/** Proof of Eigenbemühungen uploaded by the citizen (portal) or recorded by staff, against a Kooperationsplan. */
export const eigenbemuehungNachweise = pgTable(
  'eigenbemuehung_nachweise',
  {
    ...tenantColumns,
    kooperationsplanId: uuid('kooperationsplan_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The month the proof is for ('YYYY-MM'). */
    monat: text('monat').notNull(),
    anzahl: integer('anzahl').notNull(),
    beschreibung: text('beschreibung'),
    /** The uploaded file in the portal (portal_dateien) or the Fallakte (fall_dokumente). */
    portalDateiId: uuid('portal_datei_id'),
    fallDokumentId: uuid('fall_dokument_id'),
    eingereichtVon: uuid('eingereicht_von').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.kooperationsplanId], foreignColumns: [kooperationsplaene.traegerId, kooperationsplaene.id] }),
    personFk(t),
    check('eigenbemuehung_nachweise_monat_check', sql`${t.monat} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('eigenbemuehung_nachweise_anzahl_check', sql`${t.anzahl} >= 0`),
    index('eigenbemuehung_nachweise_plan_idx').on(t.traegerId, t.kooperationsplanId),
  ],
);

// ---------------------------------------------------------------------------------------------- Maßnahmen

/**
 * A Maßnahme of the Träger's programme (the Kreis keeps one catalogue for all its Kommunen and Standorte).
 * `instrument` is a code of src/domain/foerdern/typen.ts INSTRUMENTE; whether it counts as a Maßnahme der aktiven
 * Arbeitsförderung for the Kennzahlen is a dated, versioned mapping in the domain (never a column here).
 */
export const massnahmen = pgTable(
  'massnahmen',
  {
    ...tenantColumns,
    bezeichnung: text('bezeichnung').notNull(),
    instrument: text('instrument').$type<Instrument>().notNull(),
    /** Maßnahmeträger (provider). */
    anbieter: text('anbieter').notNull(),
    beschreibung: text('beschreibung'),
    /** Planned duration of one participation in days (the Zuweisung proposes it). */
    regeldauerTage: integer('regeldauer_tage'),
    kostenJePlatzCent: bigint('kosten_je_platz_cent', { mode: 'number' }).notNull().default(0),
    kostenart: text('kostenart').$type<KostenartPlatz>().notNull().default('pauschal'),
    titel: text('titel').$type<BudgetTitel>().notNull(),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    unique('massnahmen_bezeichnung_unique').on(t.traegerId, t.bezeichnung),
    inListe('massnahmen_kostenart_check', 'kostenart', KOSTENARTEN_PLATZ),
    inListe('massnahmen_titel_check', 'titel', BUDGET_TITEL),
    check('massnahmen_kosten_check', sql`${t.kostenJePlatzCent} >= 0`),
    check('massnahmen_dauer_check', sql`${t.regeldauerTage} is null or ${t.regeldauerTage} > 0`),
  ],
);

/** Places of a Maßnahme at one Standort for one period (Kontingent). */
export const massnahmeKontingente = pgTable(
  'massnahme_kontingente',
  {
    ...tenantColumns,
    massnahmeId: uuid('massnahme_id').notNull(),
    standortId: uuid('standort_id').notNull(),
    ...periode,
    plaetze: integer('plaetze').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.massnahmeId], foreignColumns: [massnahmen.traegerId, massnahmen.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    periodeCheck('massnahme_kontingente', t),
    check('massnahme_kontingente_plaetze_check', sql`${t.plaetze} >= 0`),
    index('massnahme_kontingente_massnahme_idx').on(t.traegerId, t.massnahmeId),
  ],
);

/**
 * A person's participation in a Maßnahme through its lifecycle (src/domain/foerdern/teilnahme.ts):
 * vorschlag → (warteliste | wartet_auf_genehmigung) → zugewiesen → eingetreten → ausgetreten (+ Grund) →
 * Teilnahmebescheinigung; abgelehnt/storniert end it early. A zugewiesene or eingetretene Teilnahme holds place
 * `platz_nr` (1 … plaetze) of its Kontingent; the partial unique index `massnahme_teilnahmen_platz_unique`
 * (migration foerdern_rls) makes a double assignment of the same place impossible, so of two people taking the last
 * place at once one wins and the other goes to the Warteliste.
 */
export const massnahmeTeilnahmen = pgTable(
  'massnahme_teilnahmen',
  {
    ...tenantColumns,
    massnahmeId: uuid('massnahme_id').notNull(),
    kontingentId: uuid('kontingent_id').notNull(),
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    status: text('status').$type<TeilnahmeStatus>().notNull().default('vorschlag'),
    platzNr: integer('platz_nr'),
    geplantVon: date('geplant_von', { mode: 'string' }).notNull(),
    geplantBis: date('geplant_bis', { mode: 'string' }).notNull(),
    vorgeschlagenAm: date('vorgeschlagen_am', { mode: 'string' }).notNull(),
    zugewiesenAm: date('zugewiesen_am', { mode: 'string' }),
    /** Zuweisung with Rechtsfolgenbelehrung (§ 15 Abs. 5/6, § 31 Abs. 1 Nr. 3 SGB II). */
    mitRechtsfolgenbelehrung: boolean('mit_rechtsfolgenbelehrung').notNull().default(false),
    zuweisungPdf: bytea('zuweisung_pdf'),
    eintrittAm: date('eintritt_am', { mode: 'string' }),
    austrittAm: date('austritt_am', { mode: 'string' }),
    austrittsgrund: text('austrittsgrund').$type<Austrittsgrund>(),
    teilnahmebescheinigungAm: date('teilnahmebescheinigung_am', { mode: 'string' }),
    /** Expected cost of this participation (for the Mittelbindung). */
    erwarteteKostenCent: bigint('erwartete_kosten_cent', { mode: 'number' }).notNull().default(0),
    /** Teamleitung approval of a Zuweisung beyond the free budget. */
    genehmigtVon: uuid('genehmigt_von'),
    genehmigtAm: timestamp('genehmigt_am', { withTimezone: true }),
    /** § 3a (2026) Prognose / reasons for preferring the Maßnahme; reasons for a § 16d/§ 16i extension review. */
    begruendung: text('begruendung'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.massnahmeId], foreignColumns: [massnahmen.traegerId, massnahmen.id] }),
    foreignKey({ columns: [t.traegerId, t.kontingentId], foreignColumns: [massnahmeKontingente.traegerId, massnahmeKontingente.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.createdBy),
    userFk(t, t.genehmigtVon),
    inListe('massnahme_teilnahmen_status_check', 'status', TEILNAHME_STATUS),
    inListe('massnahme_teilnahmen_grund_check', 'austrittsgrund', AUSTRITTSGRUENDE, true),
    check('massnahme_teilnahmen_geplant_check', sql`${t.geplantBis} >= ${t.geplantVon}`),
    check('massnahme_teilnahmen_austritt_check', sql`${t.austrittAm} is null or (${t.eintrittAm} is not null and ${t.austrittAm} >= ${t.eintrittAm})`),
    check(
      'massnahme_teilnahmen_platz_check',
      sql`(${t.status} in ('zugewiesen', 'eingetreten')) = (${t.platzNr} is not null) and (${t.platzNr} is null or ${t.platzNr} >= 1)`,
    ),
    check('massnahme_teilnahmen_ausgetreten_check', sql`(${t.status} = 'ausgetreten') = (${t.austrittAm} is not null and ${t.austrittsgrund} is not null)`),
    check('massnahme_teilnahmen_kosten_check', sql`${t.erwarteteKostenCent} >= 0`),
    index('massnahme_teilnahmen_person_idx').on(t.traegerId, t.personId),
    index('massnahme_teilnahmen_kontingent_idx').on(t.traegerId, t.kontingentId, t.status),
  ],
);

// ---------------------------------------------------------------------------------------------- Eingliederungsbudget

/** The Träger's budget per Haushaltsjahr and Titel (Soll), entered by the Träger. */
export const eingliederungsbudgets = pgTable(
  'eingliederungsbudgets',
  {
    ...tenantColumns,
    haushaltsjahr: integer('haushaltsjahr').notNull(),
    titel: text('titel').$type<BudgetTitel>().notNull(),
    sollCent: bigint('soll_cent', { mode: 'number' }).notNull(),
    bemerkung: text('bemerkung'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    unique('eingliederungsbudgets_jahr_titel_unique').on(t.traegerId, t.haushaltsjahr, t.titel),
    inListe('eingliederungsbudgets_titel_check', 'titel', BUDGET_TITEL),
    check('eingliederungsbudgets_soll_check', sql`${t.sollCent} >= 0`),
    check('eingliederungsbudgets_jahr_check', sql`${t.haushaltsjahr} between 2000 and 2100`),
  ],
);

/**
 * Mittelbindung (Festlegung): the expected cost of a Teilnahme or a Förderleistung for one Haushaltsjahr and Titel.
 * Years after the current one are Verpflichtungen for later years. Payments (`mittel_auszahlungen`) reduce what is
 * still bound; `aufgeloest_cent` releases the rest (Austritt before the planned end).
 */
export const mittelbindungen = pgTable(
  'mittelbindungen',
  {
    ...tenantColumns,
    haushaltsjahr: integer('haushaltsjahr').notNull(),
    titel: text('titel').$type<BudgetTitel>().notNull(),
    instrument: text('instrument').$type<Instrument>().notNull(),
    standortId: uuid('standort_id').notNull(),
    teilnahmeId: uuid('teilnahme_id'),
    foerderleistungId: uuid('foerderleistung_id'),
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    aufgeloestCent: bigint('aufgeloest_cent', { mode: 'number' }).notNull().default(0),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    foreignKey({ columns: [t.traegerId, t.teilnahmeId], foreignColumns: [massnahmeTeilnahmen.traegerId, massnahmeTeilnahmen.id] }),
    inListe('mittelbindungen_titel_check', 'titel', BUDGET_TITEL),
    check('mittelbindungen_betrag_check', sql`${t.betragCent} >= 0 and ${t.aufgeloestCent} >= 0 and ${t.aufgeloestCent} <= ${t.betragCent}`),
    check('mittelbindungen_bezug_check', sql`(${t.teilnahmeId} is null) <> (${t.foerderleistungId} is null)`),
    index('mittelbindungen_jahr_idx').on(t.traegerId, t.haushaltsjahr, t.titel),
    index('mittelbindungen_teilnahme_idx').on(t.traegerId, t.teilnahmeId),
  ],
);

/** A payment against a Mittelbindung (provider invoice, or an individual payment through the Zahllauf). */
export const mittelAuszahlungen = pgTable(
  'mittel_auszahlungen',
  {
    ...tenantColumns,
    mittelbindungId: uuid('mittelbindung_id').notNull(),
    datum: date('datum', { mode: 'string' }).notNull(),
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    /** Invoice number of the provider, or the Zahllauf payment (zahlungen.id) for a payment to the person. */
    beleg: text('beleg'),
    zahlungId: uuid('zahlung_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.mittelbindungId], foreignColumns: [mittelbindungen.traegerId, mittelbindungen.id] }),
    check('mittel_auszahlungen_betrag_check', sql`${t.betragCent} > 0`),
    index('mittel_auszahlungen_bindung_idx').on(t.traegerId, t.mittelbindungId),
  ],
);

/**
 * An individual payment to the person from the Eingliederungsbudget (Einstiegsgeld § 16b, Mehraufwandsentschädigung
 * § 16d, Vermittlungsbudget § 44 SGB III): monthly amount for a period, paid through the Zahllauf with its own cost
 * type (`eingliederung`, not Regelbedarf).
 */
export const foerderleistungen = pgTable(
  'foerderleistungen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    art: text('art').$type<FoerderleistungArt>().notNull(),
    teilnahmeId: uuid('teilnahme_id'),
    integrationId: uuid('integration_id'),
    ...periode,
    /** Monthly amount (or the one-off amount when einmalig). */
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    einmalig: boolean('einmalig').notNull().default(false),
    bewilligtVon: uuid('bewilligt_von').notNull(),
    beendetAm: date('beendet_am', { mode: 'string' }),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.bewilligtVon),
    foreignKey({ columns: [t.traegerId, t.teilnahmeId], foreignColumns: [massnahmeTeilnahmen.traegerId, massnahmeTeilnahmen.id] }),
    periodeCheck('foerderleistungen', t),
    inListe('foerderleistungen_art_check', 'art', FOERDERLEISTUNG_ARTEN),
    check('foerderleistungen_betrag_check', sql`${t.betragCent} > 0`),
    index('foerderleistungen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

// ---------------------------------------------------------------------------------------------- Integrationen

/**
 * A recorded job start (Beschäftigungsaufnahme) and the Beschäftigungsperiode it opens (`beginn` … `ende`).
 * Only svB, Ausbildung, Selbständigkeit (and § 16e) count as Integration (src/domain/foerdern/integration.ts);
 * Minijob and öffentlich geförderte Beschäftigung are recorded and counted apart. The expected income goes to the
 * Leistung side as a change proposal (`antrag_id`: an Antrag of art 'veraenderung', channel 'intern', reviewed and
 * applied like the portal's Veränderungsmitteilungen). The follow-up after 6 months (`nachhaltigkeit_*`) records
 * whether the person is still sv-pflichtig employed.
 */
export const integrationen = pgTable(
  'integrationen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    art: text('art').$type<Integrationsart>().notNull(),
    beginn: date('beginn', { mode: 'string' }).notNull(),
    ende: date('ende', { mode: 'string' }),
    arbeitgeber: text('arbeitgeber').notNull(),
    /** Weekly hours (e.g. 19.5). */
    wochenstunden: numeric('wochenstunden', { precision: 4, scale: 1 }).notNull(),
    erwartetesBruttoCent: bigint('erwartetes_brutto_cent', { mode: 'number' }),
    erwartetesNettoCent: bigint('erwartetes_netto_cent', { mode: 'number' }),
    teilnahmeId: uuid('teilnahme_id'),
    antragId: uuid('antrag_id'),
    wiedervorlageId: uuid('wiedervorlage_id'),
    nachhaltigkeitAm: date('nachhaltigkeit_am', { mode: 'string' }),
    nachhaltigkeitErgebnis: text('nachhaltigkeit_ergebnis').$type<NachhaltigkeitErgebnis>(),
    bemerkung: text('bemerkung'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.createdBy),
    foreignKey({ columns: [t.traegerId, t.teilnahmeId], foreignColumns: [massnahmeTeilnahmen.traegerId, massnahmeTeilnahmen.id] }),
    foreignKey({ columns: [t.traegerId, t.antragId], foreignColumns: [antraege.traegerId, antraege.id] }),
    foreignKey({ columns: [t.traegerId, t.wiedervorlageId], foreignColumns: [wiedervorlagen.traegerId, wiedervorlagen.id] }),
    inListe('integrationen_art_check', 'art', INTEGRATIONSARTEN),
    inListe('integrationen_nachhaltigkeit_check', 'nachhaltigkeit_ergebnis', NACHHALTIGKEIT, true),
    check('integrationen_ende_check', sql`${t.ende} is null or ${t.ende} >= ${t.beginn}`),
    check('integrationen_stunden_check', sql`${t.wochenstunden} > 0 and ${t.wochenstunden} <= 60`),
    check('integrationen_lohn_check', sql`coalesce(${t.erwartetesBruttoCent}, 0) >= 0 and coalesce(${t.erwartetesNettoCent}, 0) >= 0`),
    index('integrationen_person_idx').on(t.traegerId, t.personId, t.beginn),
    index('integrationen_beginn_idx').on(t.traegerId, t.beginn),
  ],
);

export type Betreuung = typeof betreuungen.$inferSelect;
export type Gespraechsvermerk = typeof gespraechsvermerke.$inferSelect;
export type ArbeitsmarktstatusRow = typeof arbeitsmarktstatus.$inferSelect;
export type HandlungsbedarfRow = typeof handlungsbedarfKatalog.$inferSelect;
export type PotenzialanalyseRow = typeof potenzialanalysen.$inferSelect;
export type PotenzialanalyseGesundheitRow = typeof potenzialanalyseGesundheit.$inferSelect;
export type KooperationsplanRow = typeof kooperationsplaene.$inferSelect;
export type SchlichtungRow = typeof schlichtungen.$inferSelect;
export type EigenbemuehungNachweisRow = typeof eigenbemuehungNachweise.$inferSelect;
export type MassnahmeRow = typeof massnahmen.$inferSelect;
export type KontingentRow = typeof massnahmeKontingente.$inferSelect;
export type TeilnahmeRow = typeof massnahmeTeilnahmen.$inferSelect;
export type EingliederungsbudgetRow = typeof eingliederungsbudgets.$inferSelect;
export type MittelbindungRow = typeof mittelbindungen.$inferSelect;
export type MittelAuszahlungRow = typeof mittelAuszahlungen.$inferSelect;
export type FoerderleistungRow = typeof foerderleistungen.$inferSelect;
export type IntegrationRow = typeof integrationen.$inferSelect;
