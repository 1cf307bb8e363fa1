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
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps, versionColumn, bytea } from './columns.ts';
import { kommunen, standorte, traeger } from './organisation.ts';
import { users } from './users.ts';

/**
 * Fallakte of a Bedarfsgemeinschaft (docs/fallakte.md).
 *
 * Facts carry a validity period: `gueltig_von` (first day, inclusive) and `gueltig_bis` (last day, inclusive;
 * NULL = still running). Series that must not overlap (a person's Stammdaten, BG membership, address, …) are
 * guarded by exclusion constraints in migration 0003 (btree_gist). Money is stored in cents, calendar dates as
 * ISO strings.
 */


const periode = {
  gueltigVon: date('gueltig_von', { mode: 'string' }).notNull(),
  gueltigBis: date('gueltig_bis', { mode: 'string' }),
};
const periodeCheck = (name: string, t: { gueltigVon: unknown; gueltigBis: unknown }) =>
  check(`${name}_periode_check`, sql`${t.gueltigBis} is null or ${t.gueltigBis} >= ${t.gueltigVon}`);

/** Running counter for Fallnummern, one row per Träger. */
export const fallNummernkreise = pgTable(
  'fall_nummernkreise',
  {
    traegerId: uuid('traeger_id').notNull().primaryKey(),
    letzte: integer('letzte').notNull().default(0),
  },
  (t) => [foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] })],
);

/** Bedarfsgemeinschaft: the case. Its version covers every change of the Fallakte (optimistic locking). */
export const bedarfsgemeinschaften = pgTable(
  'bedarfsgemeinschaften',
  {
    ...tenantColumns,
    fallnummer: text('fallnummer').notNull(),
    /** The Standort responsible for the case (derived from the address's Kommune unless chosen). */
    standortId: uuid('standort_id').notNull(),
    /** 'aktiv' while the case is worked on; 'geschlossen' after it ended. */
    status: text('status').notNull().default('aktiv'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('bedarfsgemeinschaften_fallnummer_unique').on(t.traegerId, t.fallnummer),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    check('bedarfsgemeinschaften_status_check', sql`${t.status} in ('aktiv', 'geschlossen')`),
    index('bedarfsgemeinschaften_standort_idx').on(t.traegerId, t.standortId),
  ],
);

/** A person known to the Jobcenter. Identity only; the Stammdaten are dated (person_stammdaten). */
export const personen = pgTable(
  'personen',
  {
    ...tenantColumns,
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.traegerId, t.id] }), foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] })],
);

const personFk = (t: { traegerId: AnyPgColumn; personId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] });
const bgFk = (t: { traegerId: AnyPgColumn; bgId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] });

export const FAMILIENSTAENDE = ['ledig', 'verheiratet', 'eingetragene_lebenspartnerschaft', 'getrennt_lebend', 'geschieden', 'verwitwet'] as const;
export const HEIZUNGSARTEN = ['zentral', 'etage', 'ofen', 'fernwaerme', 'sonstige'] as const;
export const UNTERHALT_VERHAELTNISSE = ['elternteil', 'anderer_elternteil', 'ehegatte', 'frueherer_ehegatte', 'sonstige'] as const;

/** Stammdaten of a person over time (every change "ab" a day is a new period; the old one stays). */
export const personStammdaten = pgTable(
  'person_stammdaten',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    ...periode,
    vorname: text('vorname').notNull(),
    nachname: text('nachname').notNull(),
    geburtsdatum: date('geburtsdatum', { mode: 'string' }).notNull(),
    /** 'w', 'm', 'd' or NULL (not stated). */
    geschlecht: text('geschlecht'),
    /** ISO 3166-1 alpha-2 code, 'XX' for staatenlos / ungeklärt. */
    staatsangehoerigkeit: text('staatsangehoerigkeit').notNull(),
    /** FAMILIENSTAENDE or NULL (not stated). */
    familienstand: text('familienstand'),
    /** Contact as given in the application (free text as entered; NULL = none). */
    telefon: text('telefon'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    periodeCheck('person_stammdaten', t),
    check(
      'person_stammdaten_familienstand_check',
      sql.raw(`familienstand is null or familienstand in (${FAMILIENSTAENDE.map((f) => `'${f}'`).join(', ')})`),
    ),
    check('person_stammdaten_geschlecht_check', sql`${t.geschlecht} is null or ${t.geschlecht} in ('w', 'm', 'd')`),
    check('person_stammdaten_staat_check', sql`${t.staatsangehoerigkeit} ~ '^[A-Z]{2}$'`),
    index('person_stammdaten_person_idx').on(t.traegerId, t.personId),
    index('person_stammdaten_name_idx').on(t.traegerId, sql`lower(${t.nachname})`, sql`lower(${t.vorname})`),
    index('person_stammdaten_geburt_idx').on(t.traegerId, t.geburtsdatum),
  ],
);

/** Membership of a person in a BG (in_bg = true) or only in its household (in_bg = false). */
export const bgMitgliedschaften = pgTable(
  'bg_mitgliedschaften',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    personId: uuid('person_id').notNull(),
    ...periode,
    rolle: text('rolle').notNull(),
    inBg: boolean('in_bg').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    personFk(t),
    periodeCheck('bg_mitgliedschaften', t),
    check('bg_mitgliedschaften_rolle_check', sql`${t.rolle} in ('antragsteller', 'partner', 'kind', 'sonstige')`),
    index('bg_mitgliedschaften_bg_idx').on(t.traegerId, t.bgId),
    index('bg_mitgliedschaften_person_idx').on(t.traegerId, t.personId),
  ],
);

/** Relationships: partner (symmetric, stored once) and elternteil (person is a parent of zu_person). */
export const personBeziehungen = pgTable(
  'person_beziehungen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    personId: uuid('person_id').notNull(),
    zuPersonId: uuid('zu_person_id').notNull(),
    art: text('art').notNull(),
    ...periode,
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    personFk(t),
    foreignKey({ columns: [t.traegerId, t.zuPersonId], foreignColumns: [personen.traegerId, personen.id] }),
    periodeCheck('person_beziehungen', t),
    check('person_beziehungen_art_check', sql`${t.art} in ('partner', 'elternteil')`),
    check('person_beziehungen_selbst_check', sql`${t.personId} <> ${t.zuPersonId}`),
    index('person_beziehungen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/** Facts about a person the calculation uses (NULL = not stated, the engine's default applies). */
export const personMerkmale = pgTable(
  'person_merkmale',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    ...periode,
    erwerbsfaehig: boolean('erwerbsfaehig'),
    schwanger: boolean('schwanger').notNull().default(false),
    mehrbedarfBehinderung: boolean('mehrbedarf_behinderung').notNull().default(false),
    mehrbedarfErnaehrungCent: integer('mehrbedarf_ernaehrung_cent'),
    mehrbedarfUnabweisbarCent: integer('mehrbedarf_unabweisbar_cent'),
    mehrbedarfSchulbuecherCent: integer('mehrbedarf_schulbuecher_cent'),
    alleinerziehend: boolean('alleinerziehend'),
    kindergeldberechtigterPersonId: uuid('kindergeldberechtigter_person_id'),
    /** In school, vocational training or university (§ 11b Abs. 2b); NULL = none of these. */
    ausbildung: text('ausbildung').$type<'schule' | 'ausbildung' | 'studium'>(),
    /** Partner not eligible under SGB II (Altersrente, SGB XII): mixed BG. */
    sgb12: boolean('sgb12').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    foreignKey({ columns: [t.traegerId, t.kindergeldberechtigterPersonId], foreignColumns: [personen.traegerId, personen.id] }),
    periodeCheck('person_merkmale', t),
    check(
      'person_merkmale_betraege_check',
      sql`coalesce(${t.mehrbedarfErnaehrungCent}, 0) >= 0 and coalesce(${t.mehrbedarfUnabweisbarCent}, 0) >= 0 and coalesce(${t.mehrbedarfSchulbuecherCent}, 0) >= 0`,
    ),
    check('person_merkmale_ausbildung_check', sql`${t.ausbildung} in ('schule', 'ausbildung', 'studium')`),
    index('person_merkmale_person_idx').on(t.traegerId, t.personId),
  ],
);

/** Address of the BG; its Kommune decides the responsible Standort and the KdU funding. */
export const bgAdressen = pgTable(
  'bg_adressen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    ...periode,
    strasse: text('strasse').notNull(),
    hausnummer: text('hausnummer').notNull(),
    zusatz: text('zusatz'),
    plz: text('plz').notNull(),
    ort: text('ort').notNull(),
    kommuneId: uuid('kommune_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.kommuneId], foreignColumns: [kommunen.traegerId, kommunen.id] }),
    periodeCheck('bg_adressen', t),
    check('bg_adressen_plz_check', sql`${t.plz} ~ '^[0-9]{5}$'`),
    index('bg_adressen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/** Bank account the benefit is paid to (IBAN checked in the application, stored without spaces). */
export const bgBankverbindungen = pgTable(
  'bg_bankverbindungen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    ...periode,
    iban: text('iban').notNull(),
    bic: text('bic'),
    kontoinhaber: text('kontoinhaber').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    periodeCheck('bg_bankverbindungen', t),
    check('bg_bankverbindungen_iban_check', sql`${t.iban} ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`),
    index('bg_bankverbindungen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

export const EINKOMMEN_ARTEN = [
  'erwerbstaetigkeit',
  'kindergeld',
  'unterhalt',
  'unterhaltsvorschuss',
  'rente',
  'arbeitslosengeld',
  'krankengeld',
  'elterngeld',
  'selbststaendigkeit',
  'einmalig',
  'sonstiges',
] as const;

/** Income of a person as declared for a period (monthly amounts). Several may run at once (two jobs). */
export const personEinkommen = pgTable(
  'person_einkommen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    ...periode,
    art: text('art').notNull(),
    /** e.g. the employer. */
    bezeichnung: text('bezeichnung'),
    bruttoCent: bigint('brutto_cent', { mode: 'number' }),
    nettoCent: bigint('netto_cent', { mode: 'number' }),
    absetzungenCent: bigint('absetzungen_cent', { mode: 'number' }),
    betragCent: bigint('betrag_cent', { mode: 'number' }),
    /** Day of inflow of a one-off income (art 'einmalig', § 11 Abs. 3 SGB II); the period starts on it. */
    zuflussDatum: date('zufluss_datum', { mode: 'string' }),
    /** One-off income from an Erbschaft (from 1.7.2023 Vermögen, § 11a Abs. 1 Nr. 7). */
    erbschaft: boolean('erbschaft').notNull().default(false),
    /** Ferienjob of a pupil under 25 (art 'erwerbstaetigkeit', § 11a Abs. 7). */
    ferienjob: boolean('ferienjob').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    periodeCheck('person_einkommen', t),
    check('person_einkommen_art_check', sql.raw(`art in (${EINKOMMEN_ARTEN.map((a) => `'${a}'`).join(', ')})`)),
    // Erwerbstätigkeit: brutto/netto; Selbständigkeit: Gewinn (brutto) and netto or the old betrag; others: betrag
    check(
      'person_einkommen_betraege_check',
      sql`(${t.art} in ('erwerbstaetigkeit', 'selbststaendigkeit') and ${t.bruttoCent} >= 0 and ${t.nettoCent} >= 0 and ${t.betragCent} is null and coalesce(${t.absetzungenCent}, 0) >= 0
          and (${t.art} = 'erwerbstaetigkeit' or ${t.nettoCent} <= ${t.bruttoCent}))
        or (${t.art} <> 'erwerbstaetigkeit' and ${t.betragCent} >= 0 and ${t.bruttoCent} is null and ${t.nettoCent} is null and ${t.absetzungenCent} is null)`,
    ),
    check('person_einkommen_zufluss_check', sql`(${t.art} = 'einmalig') = (${t.zuflussDatum} is not null)`),
    index('person_einkommen_person_idx').on(t.traegerId, t.personId),
  ],
);

/** Assets of a person for a period (the amount to be taken into account, i. e. verwertbar and not protected). */
export const personVermoegen = pgTable(
  'person_vermoegen',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    ...periode,
    bezeichnung: text('bezeichnung').notNull(),
    wertCent: bigint('wert_cent', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    periodeCheck('person_vermoegen', t),
    check('person_vermoegen_wert_check', sql`${t.wertCent} >= 0`),
    index('person_vermoegen_person_idx').on(t.traegerId, t.personId),
  ],
);

/** Housing costs of the BG's dwelling per month. */
export const bgUnterkunft = pgTable(
  'bg_unterkunft',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    ...periode,
    grundmieteCent: bigint('grundmiete_cent', { mode: 'number' }).notNull(),
    nebenkostenCent: bigint('nebenkosten_cent', { mode: 'number' }).notNull(),
    heizkostenCent: bigint('heizkosten_cent', { mode: 'number' }).notNull(),
    warmwasserDezentral: boolean('warmwasser_dezentral').notNull().default(false),
    /** Living space in whole square metres (NULL = not stated). */
    wohnflaecheQm: integer('wohnflaeche_qm'),
    /** HEIZUNGSARTEN or NULL (not stated). */
    heizungsart: text('heizungsart'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    periodeCheck('bg_unterkunft', t),
    check('bg_unterkunft_betraege_check', sql`${t.grundmieteCent} >= 0 and ${t.nebenkostenCent} >= 0 and ${t.heizkostenCent} >= 0`),
    check('bg_unterkunft_wohnflaeche_check', sql`${t.wohnflaecheQm} is null or (${t.wohnflaecheQm} > 0 and ${t.wohnflaecheQm} <= 10000)`),
    check('bg_unterkunft_heizungsart_check', sql.raw(`heizungsart is null or heizungsart in (${HEIZUNGSARTEN.map((h) => `'${h}'`).join(', ')})`)),
    index('bg_unterkunft_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/**
 * Persons outside the household who owe maintenance (Unterhaltspflichtige, § 33 SGB II), as stated and as the
 * caseworker learns more: who, relation, for whom, whether they pay and how much (per month), whether a title
 * (Urteil, Urkunde) exists. Dated like every fact; several may run at once (no exclusion constraint).
 */
export const bgUnterhaltspflichtige = pgTable(
  'bg_unterhaltspflichtige',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    ...periode,
    name: text('name').notNull(),
    verhaeltnis: text('verhaeltnis').notNull(),
    /** The member the maintenance is owed to (NULL = not stated). */
    fuerPersonId: uuid('fuer_person_id'),
    /** NULL = not known. */
    zahlt: boolean('zahlt'),
    /** Monthly amount actually paid (NULL = not known). */
    betragCent: bigint('betrag_cent', { mode: 'number' }),
    titel: boolean('titel'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.fuerPersonId], foreignColumns: [personen.traegerId, personen.id] }),
    periodeCheck('bg_unterhaltspflichtige', t),
    check('bg_unterhaltspflichtige_verhaeltnis_check', sql.raw(`verhaeltnis in (${UNTERHALT_VERHAELTNISSE.map((v) => `'${v}'`).join(', ')})`)),
    check('bg_unterhaltspflichtige_betrag_check', sql`${t.betragCent} is null or ${t.betragCent} >= 0`),
    index('bg_unterhaltspflichtige_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/** Documents of the case (bytes in the database for now). */
export const fallDokumente = pgTable(
  'fall_dokumente',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    personId: uuid('person_id'),
    antragId: uuid('antrag_id'),
    titel: text('titel').notNull(),
    dateiname: text('dateiname').notNull(),
    mime: text('mime').notNull(),
    groesse: integer('groesse').notNull(),
    sha256: text('sha256').notNull(),
    inhalt: bytea('inhalt').notNull(),
    eingegangenAm: date('eingegangen_am', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] }),
    check('fall_dokumente_sha_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('fall_dokumente_groesse_check', sql`${t.groesse} >= 0`),
    index('fall_dokumente_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/** Notes on the case. Never changed; a correction is a new note. */
export const fallVermerke = pgTable(
  'fall_vermerke',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.createdBy], foreignColumns: [users.traegerId, users.id] }),
    index('fall_vermerke_bg_idx').on(t.traegerId, t.bgId, t.createdAt),
  ],
);

/** Readable history of every change of a Fallakte (append-only, see migration 0003). */
export const fallEreignisse = pgTable(
  'fall_ereignisse',
  {
    traegerId: uuid('traeger_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    bgId: uuid('bg_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    /** Stable type, e.g. 'fall_angelegt', 'einkommen_geaendert'. */
    art: text('art').notNull(),
    /** German sentence for people. */
    beschreibung: text('beschreibung').notNull(),
    personId: uuid('person_id'),
    details: jsonb('details'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    index('fall_ereignisse_bg_idx').on(t.traegerId, t.bgId, t.at),
  ],
);

export const ANTRAG_ARTEN = ['erstantrag', 'weiterbewilligung', 'veraenderung'] as const;
/** 'intern': a change proposal from the integration side (e.g. the expected income of a recorded job start). */
export const EINGANGSKANAELE = ['papier', 'telefon', 'schalter', 'online', 'intern'] as const;
export const ANTRAG_STATUS = ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen', 'entschieden', 'zurueckgenommen'] as const;

/** An application or change notice and its way through the work queue. */
export const antraege = pgTable(
  'antraege',
  {
    ...tenantColumns,
    /** NULL while an online application is not yet matched to a Fallakte. */
    bgId: uuid('bg_id'),
    art: text('art').notNull(),
    antragsdatum: date('antragsdatum', { mode: 'string' }).notNull(),
    eingangskanal: text('eingangskanal').notNull(),
    status: text('status').notNull().default('eingegangen'),
    standortId: uuid('standort_id').notNull(),
    bearbeiterId: uuid('bearbeiter_id'),
    faelligAm: date('faellig_am', { mode: 'string' }),
    /** The citizen account that sent it through the portal. */
    eingereichtVon: uuid('eingereicht_von'),
    /** Structured application data as received (docs/fallakte.md, "Antragsdaten"). */
    payload: jsonb('payload'),
    erledigtAm: timestamp('erledigt_am', { withTimezone: true }),
    /**
     * The Bewilligung whose approval decided (closed) the Antrag (bewilligungen.id; the Bescheid is found through it).
     * No foreign key: the Bewilligung tables come later in the schema and refer to the Fallakte's.
     */
    bewilligungId: uuid('bewilligung_id'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    foreignKey({ columns: [t.traegerId, t.bearbeiterId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.eingereichtVon], foreignColumns: [users.traegerId, users.id] }),
    check('antraege_art_check', sql`${t.art} in ('erstantrag', 'weiterbewilligung', 'veraenderung')`),
    check('antraege_kanal_check', sql`${t.eingangskanal} in ('papier', 'telefon', 'schalter', 'online', 'intern')`),
    check(
      'antraege_status_check',
      sql`${t.status} in ('eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen', 'entschieden', 'zurueckgenommen')`,
    ),
    index('antraege_vorrat_idx').on(t.traegerId, t.standortId, t.status, t.antragsdatum),
    index('antraege_bg_idx').on(t.traegerId, t.bgId),
    index('antraege_bearbeiter_idx').on(t.traegerId, t.bearbeiterId),
  ],
);

/** Follow-ups: "look at this case again on …". */
export const wiedervorlagen = pgTable(
  'wiedervorlagen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    antragId: uuid('antrag_id'),
    faelligAm: date('faellig_am', { mode: 'string' }).notNull(),
    grund: text('grund').notNull(),
    /**
     * What the follow-up is for: 'allgemein' (typed by staff), 'kooperationsplan_ueberpruefung' (review of a
     * Kooperationsplan, § 15 Abs. 3 SGB II), 'integration_nachhaltigkeit' (6-month follow-up of a job start),
     * 'integration_kontakt' (next contact agreed in a Gesprächsvermerk), 'minderung_frist' (Fordern: the
     * Feststellungsfrist of a Minderungsverfahren runs out; closes itself with the decision). `bezug_id` names the object.
     */
    art: text('art').notNull().default('allgemein'),
    /** The person it concerns (integration follow-ups are about one person of the BG). */
    personId: uuid('person_id'),
    bezugId: uuid('bezug_id'),
    zugewiesenAn: uuid('zugewiesen_an'),
    erledigtAm: timestamp('erledigt_am', { withTimezone: true }),
    erledigtVon: uuid('erledigt_von'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.antragId], foreignColumns: [antraege.traegerId, antraege.id] }),
    foreignKey({ columns: [t.traegerId, t.zugewiesenAn], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] }),
    check('wiedervorlagen_art_check', sql`${t.art} in ('allgemein', 'kooperationsplan_ueberpruefung', 'integration_nachhaltigkeit', 'integration_kontakt', 'minderung_frist')`),
    index('wiedervorlagen_faellig_idx').on(t.traegerId, t.faelligAm),
    index('wiedervorlagen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

export type Bedarfsgemeinschaft = typeof bedarfsgemeinschaften.$inferSelect;
export type PersonStammdatenRow = typeof personStammdaten.$inferSelect;
export type BgMitgliedschaftRow = typeof bgMitgliedschaften.$inferSelect;
export type PersonBeziehungRow = typeof personBeziehungen.$inferSelect;
export type PersonMerkmaleRow = typeof personMerkmale.$inferSelect;
export type BgAdresseRow = typeof bgAdressen.$inferSelect;
export type BgBankverbindungRow = typeof bgBankverbindungen.$inferSelect;
export type PersonEinkommenRow = typeof personEinkommen.$inferSelect;
export type PersonVermoegenRow = typeof personVermoegen.$inferSelect;
export type BgUnterkunftRow = typeof bgUnterkunft.$inferSelect;
export type BgUnterhaltspflichtigerRow = typeof bgUnterhaltspflichtige.$inferSelect;
export type FallVermerk = typeof fallVermerke.$inferSelect;
export type FallEreignis = typeof fallEreignisse.$inferSelect;
export type Antrag = typeof antraege.$inferSelect;
export type Wiedervorlage = typeof wiedervorlagen.$inferSelect;
export type FallDokument = typeof fallDokumente.$inferSelect;
