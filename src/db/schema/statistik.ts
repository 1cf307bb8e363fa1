import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type {
  Altersgruppe,
  BezugsgroesseArt,
  Ebene,
  Personengruppe,
  SnapshotStatus,
  StaatsangehoerigkeitGruppe,
  StatistikArbeitsmarktstatus,
  VergleichMarkierung,
} from '../../domain/statistik/typen.ts';
import { tenantColumns, timestamps, versionColumn } from './columns.ts';
import { kommunen, traeger } from './organisation.ts';
import { users } from './users.ts';

/**
 * Statistik und Steuerung (docs/statistik.md). The monthly snapshot freezes, at the Träger's Stichtag, what the dated
 * facts of the Fallakte, the Bewilligungen and the integration work say about every person and BG; the Monatsbericht,
 * the live § 48a Kennzahlen and the comparison read only these tables. Person rows hold no name, no address, no
 * birthday – only the statistical features – and are never shown one by one (pages show aggregates).
 * The closed lists are those of src/domain/statistik/typen.ts.
 */

const inListe = (name: string, spalte: string, werte: readonly string[], nullErlaubt = false) =>
  check(name, sql.raw(`${nullErlaubt ? `${spalte} is null or ` : ''}${spalte} in (${werte.map((w) => `'${w}'`).join(', ')})`));
const monatRegex = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

// The lists again as literals (src/db may import only types from src/domain); `satisfies` keeps them in step.
const SNAPSHOT_STATUS = ['im_aufbau', 'vorlaeufig', 'endgueltig'] as const satisfies readonly SnapshotStatus[];
const PERSONENGRUPPEN = ['elb', 'nef', 'nicht_leistungsberechtigt'] as const satisfies readonly Personengruppe[];
const ALTERSGRUPPEN = ['u15', 'u25', '25_49', 'ue50'] as const satisfies readonly Altersgruppe[];
const STAATSANGEHOERIGKEIT_GRUPPEN = ['deutsch', 'eu', 'drittstaat', 'unbekannt'] as const satisfies readonly StaatsangehoerigkeitGruppe[];
const AM_STATUS = ['arbeitslos', 'arbeitsuchend', 'massnahme', 'erwerbstaetig', 'nicht_verfuegbar'] as const satisfies readonly StatistikArbeitsmarktstatus[];
const EBENEN = ['traeger', 'kommune', 'standort'] as const satisfies readonly Ebene[];
const BEZUGSGROESSE_ARTEN = ['zivile_erwerbspersonen', 'bevoelkerung_bis_altersgrenze'] as const satisfies readonly BezugsgroesseArt[];
const MARKIERUNGEN = ['imputiert', 'eingeschraenkt', 'fehlend', 'geheim'] as const satisfies readonly VergleichMarkierung[];

/**
 * One monthly snapshot of a Träger (Berichtsmonat `monat`, counted at `stichtag`). `im_aufbau` while the job writes
 * it (chunk by chunk; `fortschritt` = the last BG id whose rows are complete, so a killed job resumes there);
 * `vorlaeufig` for three months after the Stichtag (rebuilt when late entries arrive); `endgueltig` afterwards –
 * frozen, never rebuilt (the BA's Wartezeit).
 */
export const statistikSnapshots = pgTable(
  'statistik_snapshots',
  {
    traegerId: uuid('traeger_id').notNull(),
    monat: text('monat').notNull(),
    stichtag: date('stichtag', { mode: 'string' }).notNull(),
    status: text('status').$type<SnapshotStatus>().notNull().default('im_aufbau'),
    /** last bg_id (uuid text) whose rows of this build are written; NULL = none yet */
    fortschritt: text('fortschritt'),
    /** number of builds (1 = first); a rebuild of a vorläufiger snapshot increments it */
    lauf: integer('lauf').notNull().default(1),
    begonnenAm: timestamp('begonnen_am', { withTimezone: true }).notNull().defaultNow(),
    gebautAm: timestamp('gebaut_am', { withTimezone: true }),
    endgueltigAm: timestamp('endgueltig_am', { withTimezone: true }),
    /** counts of the build for the overview (personen, bg, dauerMs) */
    protokoll: jsonb('protokoll'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.monat] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check('statistik_snapshots_monat_check', sql.raw(`monat ~ ${monatRegex}`)),
    inListe('statistik_snapshots_status_check', 'status', SNAPSHOT_STATUS),
  ],
);

/**
 * One person in one snapshot: every person who at the Stichtag belongs to a BG (in_bg) of the Träger whose BG has a
 * Bewilligung for the month – eLb, NEF or nicht leistungsberechtigt (e.g. Kinder ohne Leistungsanspruch).
 * `elb_von`/`elb_bis`: the days of the month on which the person was an eLb receiving benefits (NULL = none); the
 * LZB count (638 of 730 days) sums them over the snapshots of the previous 24 months.
 * `ereignisse`: bit set of job starts in the month (src/domain/statistik/typen.ts EREIGNIS_BIT).
 */
export const statistikPersonen = pgTable(
  'statistik_personen',
  {
    traegerId: uuid('traeger_id').notNull(),
    monat: text('monat').notNull(),
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    gruppe: text('gruppe').$type<Personengruppe>().notNull(),
    kommuneId: uuid('kommune_id'),
    standortId: uuid('standort_id').notNull(),
    altersgruppe: text('altersgruppe').$type<Altersgruppe>().notNull(),
    geschlecht: text('geschlecht'),
    alleinerziehend: boolean('alleinerziehend').notNull().default(false),
    staatsangehoerigkeit: text('staatsangehoerigkeit').$type<StaatsangehoerigkeitGruppe>().notNull(),
    /** only for eLb; NULL otherwise */
    arbeitsmarktstatus: text('arbeitsmarktstatus').$type<StatistikArbeitsmarktstatus>(),
    elbVon: date('elb_von', { mode: 'string' }),
    elbBis: date('elb_bis', { mode: 'string' }),
    /** eLb at the Stichtag (elb_von <= stichtag <= elb_bis) */
    elb: boolean('elb').notNull().default(false),
    lzb: boolean('lzb').notNull().default(false),
    /** sozialversicherungspflichtig beschäftigt at the Stichtag */
    sv: boolean('sv').notNull().default(false),
    /** in a Maßnahme der aktiven Arbeitsförderung at the Stichtag (K3E2) */
    massnahme: boolean('massnahme').notNull().default(false),
    ereignisse: smallint('ereignisse').notNull().default(0),
    /** the Integrationsart of the month's first job start, for the report's breakdown (svb_vollzeit …) */
    integrationsart: text('integrationsart'),
    massnahmeEintritt: boolean('massnahme_eintritt').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.monat, t.personId] }),
    inListe('statistik_personen_gruppe_check', 'gruppe', PERSONENGRUPPEN),
    inListe('statistik_personen_alter_check', 'altersgruppe', ALTERSGRUPPEN),
    inListe('statistik_personen_staat_check', 'staatsangehoerigkeit', STAATSANGEHOERIGKEIT_GRUPPEN),
    inListe('statistik_personen_am_check', 'arbeitsmarktstatus', AM_STATUS, true),
    check('statistik_personen_elb_check', sql`(${t.elbVon} is null) = (${t.elbBis} is null) and (${t.elbVon} is null or ${t.elbBis} >= ${t.elbVon})`),
    index('statistik_personen_bg_idx').on(t.traegerId, t.monat, t.bgId),
  ],
);

/**
 * One BG in one snapshot, with the month's money: Leistungsanspruch (before Minderungen) and Zahlungsanspruch (after),
 * each split into LLU (§§ 20, 21, 23, 24 Abs. 1) and LUH (§ 22); LUH of the Zahlungsanspruch split into the
 * Bundesbeteiligung (§ 46 Abs. 5 ff.) and the kommunaler Anteil. Kindersofortzuschlag (§ 72) apart.
 */
export const statistikBg = pgTable(
  'statistik_bg',
  {
    traegerId: uuid('traeger_id').notNull(),
    monat: text('monat').notNull(),
    bgId: uuid('bg_id').notNull(),
    kommuneId: uuid('kommune_id'),
    standortId: uuid('standort_id').notNull(),
    personen: integer('personen').notNull(),
    elb: integer('elb').notNull(),
    nef: integer('nef').notNull(),
    alleinerziehend: boolean('alleinerziehend').notNull().default(false),
    leistungLluCent: bigint('leistung_llu_cent', { mode: 'number' }).notNull().default(0),
    leistungLuhCent: bigint('leistung_luh_cent', { mode: 'number' }).notNull().default(0),
    zahlungLluCent: bigint('zahlung_llu_cent', { mode: 'number' }).notNull().default(0),
    zahlungLuhCent: bigint('zahlung_luh_cent', { mode: 'number' }).notNull().default(0),
    luhBundCent: bigint('luh_bund_cent', { mode: 'number' }).notNull().default(0),
    luhKommunalCent: bigint('luh_kommunal_cent', { mode: 'number' }).notNull().default(0),
    sofortzuschlagCent: bigint('sofortzuschlag_cent', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.traegerId, t.monat, t.bgId] })],
);

/**
 * Aggregated figures of one snapshot per Ebene and region (`region` = '' for the Träger, else the Kommune's or
 * Standort's id): the Monatsbericht's figures (kennung e.g. 'bg', 'elb', 'alter.u25', 'kosten.unterkunft_cent') and
 * the § 48a Grunddaten of the month (kennung 'gd.bestand', 'gd.zugaenge' …). Written in one transaction at the end
 * of a build, so a report never sees half a snapshot.
 */
export const statistikWerte = pgTable(
  'statistik_werte',
  {
    traegerId: uuid('traeger_id').notNull(),
    monat: text('monat').notNull(),
    ebene: text('ebene').$type<Ebene>().notNull(),
    region: text('region').notNull().default(''),
    kennung: text('kennung').notNull(),
    wert: bigint('wert', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.traegerId, t.monat, t.ebene, t.region, t.kennung] }), inListe('statistik_werte_ebene_check', 'ebene', EBENEN)],
);

/**
 * Bezugsgrößen the Träger enters (versioned: valid from a Berichtsmonat until the next entry; never recomputed
 * backwards): zivile Erwerbspersonen for the SGB II-Arbeitslosenquote, Bevölkerung bis zur Altersgrenze for the
 * SGB II-Quote. `kommune_id` NULL = the whole Träger.
 */
export const statistikBezugsgroessen = pgTable(
  'statistik_bezugsgroessen',
  {
    ...tenantColumns,
    art: text('art').$type<BezugsgroesseArt>().notNull(),
    kommuneId: uuid('kommune_id'),
    gueltigAbMonat: text('gueltig_ab_monat').notNull(),
    wert: integer('wert').notNull(),
    quelle: text('quelle').notNull(),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    foreignKey({ columns: [t.traegerId, t.kommuneId], foreignColumns: [kommunen.traegerId, kommunen.id] }),
    foreignKey({ columns: [t.traegerId, t.createdBy], foreignColumns: [users.traegerId, users.id] }),
    inListe('statistik_bezugsgroessen_art_check', 'art', BEZUGSGROESSE_ARTEN),
    check('statistik_bezugsgroessen_monat_check', sql.raw(`gueltig_ab_monat ~ ${monatRegex}`)),
    check('statistik_bezugsgroessen_wert_check', sql`${t.wert} > 0`),
    unique('statistik_bezugsgroessen_unique').on(t.traegerId, t.art, t.kommuneId, t.gueltigAbMonat).nullsNotDistinct(),
  ],
);

/** The Jobcenter of the published comparison (BA key, name, Land, gE/zkT, Vergleichstyp, validity). */
export const vergleichJobcenter = pgTable(
  'vergleich_jobcenter',
  {
    ...tenantColumns,
    schluessel: text('schluessel').notNull(),
    name: text('name').notNull(),
    land: text('land').notNull(),
    traegerTyp: text('traeger_typ').notNull(),
    vergleichstyp: text('vergleichstyp'),
    gueltigVon: text('gueltig_von').notNull(),
    gueltigBis: text('gueltig_bis'),
    /** this row is the Träger's own Jobcenter (its live values are shown beside the published ones) */
    eigener: boolean('eigener').notNull().default(false),
    fiktiv: boolean('fiktiv').notNull().default(false),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    unique('vergleich_jobcenter_unique').on(t.traegerId, t.schluessel, t.gueltigVon),
    check('vergleich_jobcenter_typ_check', sql`${t.traegerTyp} in ('gE', 'zkT')`),
    check('vergleich_jobcenter_von_check', sql.raw(`gueltig_von ~ ${monatRegex} and (gueltig_bis is null or (gueltig_bis ~ ${monatRegex} and gueltig_bis >= gueltig_von))`)),
  ],
);

/** One imported file of published Kennzahlen, with the report of every rejected row. */
export const vergleichImporte = pgTable(
  'vergleich_importe',
  {
    ...tenantColumns,
    dateiname: text('dateiname').notNull(),
    sha256: text('sha256').notNull(),
    zeilenGelesen: integer('zeilen_gelesen').notNull(),
    zeilenUebernommen: integer('zeilen_uebernommen').notNull(),
    /** [{ zeile, grund, code }] */
    abgelehnt: jsonb('abgelehnt').notNull(),
    fiktiv: boolean('fiktiv').notNull().default(false),
    importiertVon: uuid('importiert_von').notNull(),
    importiertAm: timestamp('importiert_am', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    foreignKey({ columns: [t.traegerId, t.importiertVon], foreignColumns: [users.traegerId, users.id] }),
  ],
);

/** A published value: one Kennzahl of one Jobcenter in one month (a later import of the same key replaces it). */
export const vergleichWerte = pgTable(
  'vergleich_werte',
  {
    ...tenantColumns,
    importId: uuid('import_id').notNull(),
    schluessel: text('schluessel').notNull(),
    monat: text('monat').notNull(),
    kennzahl: text('kennzahl').notNull(),
    /** percent, NULL when missing or secret (then `markierung` says which) */
    wert: numeric('wert', { precision: 9, scale: 2, mode: 'number' }),
    zaehler: numeric('zaehler', { precision: 16, scale: 2, mode: 'number' }),
    nenner: numeric('nenner', { precision: 16, scale: 2, mode: 'number' }),
    markierung: text('markierung').$type<VergleichMarkierung>(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.importId], foreignColumns: [vergleichImporte.traegerId, vergleichImporte.id] }).onDelete('cascade'),
    unique('vergleich_werte_unique').on(t.traegerId, t.schluessel, t.monat, t.kennzahl),
    check('vergleich_werte_monat_check', sql.raw(`monat ~ ${monatRegex}`)),
    inListe('vergleich_werte_markierung_check', 'markierung', MARKIERUNGEN, true),
    index('vergleich_werte_kennzahl_idx').on(t.traegerId, t.kennzahl, t.monat),
  ],
);

/** The Träger's statistics settings (one row per Träger; defaults when absent). */
export const statistikEinstellungen = pgTable(
  'statistik_einstellungen',
  {
    traegerId: uuid('traeger_id').notNull().primaryKey(),
    /** Stichtag: day of the month (1–28), NULL = the last calendar day */
    stichtagTag: smallint('stichtag_tag'),
    /** Land of the Träger (ISO 3166-2:DE suffix, e.g. 'NW'): decides the Bundesbeteiligung at the KdU */
    land: text('land'),
    /** counts below this are shown as '*' in exports meant for publication */
    kleinzahlGrenze: smallint('kleinzahl_grenze').notNull().default(3),
    /** the importer's header mapping (src/domain/statistik/vergleich-import.ts); NULL = the default mapping */
    spaltenzuordnung: jsonb('spaltenzuordnung'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...versionColumn,
  },
  (t) => [
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check('statistik_einstellungen_tag_check', sql`${t.stichtagTag} is null or ${t.stichtagTag} between 1 and 28`),
    check('statistik_einstellungen_land_check', sql`${t.land} is null or ${t.land} in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')`),
    check('statistik_einstellungen_klein_check', sql`${t.kleinzahlGrenze} between 0 and 20`),
  ],
);

export type StatistikSnapshotRow = typeof statistikSnapshots.$inferSelect;
export type StatistikPersonRow = typeof statistikPersonen.$inferInsert;
export type StatistikBgRow = typeof statistikBg.$inferInsert;
export type StatistikWertRow = typeof statistikWerte.$inferInsert;
export type BezugsgroesseRow = typeof statistikBezugsgroessen.$inferSelect;
export type VergleichJobcenterRow = typeof vergleichJobcenter.$inferSelect;
export type VergleichImportRow = typeof vergleichImporte.$inferSelect;
export type VergleichWertRow = typeof vergleichWerte.$inferSelect;
export type StatistikEinstellungenRow = typeof statistikEinstellungen.$inferSelect;
