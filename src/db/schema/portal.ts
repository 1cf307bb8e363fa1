import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps, versionColumn, bytea } from './columns.ts';
import { antraege, bedarfsgemeinschaften, fallDokumente } from './fall.ts';
import { standorte, traeger } from './organisation.ts';
import { users } from './users.ts';

/**
 * Bürgerportal (issue 5, docs/buergerportal.md): drafts of online applications, citizens' files, the Postfach,
 * the choice of online delivery and Bevollmächtigungen. Every table is tenant-scoped (RLS, migration portal_rls).
 */


/** A draft of an online application or change notice; saved after every step, resumable on any device. */
export const antragEntwuerfe = pgTable(
  'antrag_entwuerfe',
  {
    ...tenantColumns,
    /** The citizen the application is for (the owner), not necessarily who typed it. */
    buergerId: uuid('buerger_id').notNull(),
    /** Flow id (erstantrag, weiterbewilligung, veraenderung_…). */
    flowId: text('flow_id').notNull(),
    /** 'erstantrag' | 'weiterbewilligung' | 'veraenderung' (the Antrag art it becomes). */
    art: text('art').notNull(),
    /** The case for Weiterbewilligung / Veränderung. */
    bgId: uuid('bg_id'),
    /** The answers, AES-GCM encrypted with the server secret (purpose 'entwurf'). */
    datenEnc: text('daten_enc').notNull(),
    aktuellerSchritt: text('aktueller_schritt'),
    /** Recorded when the person states that they apply (first step), kept even if they stop there. */
    antragsdatum: date('antragsdatum', { mode: 'string' }),
    status: text('status').notNull().default('offen'),
    /** Idempotency key of the submission: a second submit with the same draft returns the same Antrag. */
    einreichungsSchluessel: text('einreichungs_schluessel'),
    antragId: uuid('antrag_id'),
    eingereichtAm: timestamp('eingereicht_am', { withTimezone: true }),
    erinnerungGesendetAm: timestamp('erinnerung_gesendet_am', { withTimezone: true }),
    /** Standort responsible for following up (from the address's Kommune once known). */
    standortId: uuid('standort_id'),
    /** Who last saved it (the citizen or a representative). */
    zuletztVon: uuid('zuletzt_von'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] }),
    foreignKey({ columns: [t.traegerId, t.antragId], foreignColumns: [antraege.traegerId, antraege.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    check('antrag_entwuerfe_status_check', sql`${t.status} in ('offen', 'eingereicht', 'verworfen')`),
    check('antrag_entwuerfe_art_check', sql`${t.art} in ('erstantrag', 'weiterbewilligung', 'veraenderung')`),
    unique('antrag_entwuerfe_schluessel_unique').on(t.traegerId, t.einreichungsSchluessel),
    unique('antrag_entwuerfe_antrag_unique').on(t.traegerId, t.antragId),
    index('antrag_entwuerfe_buerger_idx').on(t.traegerId, t.buergerId, t.status),
    index('antrag_entwuerfe_offen_idx').on(t.traegerId, t.status, t.updatedAt),
  ],
);

export const PORTAL_DATEI_STATUS = ['quarantaene', 'sauber', 'abgelehnt'] as const;

/**
 * Files of citizens (uploads) and files sent to them (Eingangsbestätigung, Bescheid). Bytes in the database, never
 * in the web root. Served only after a clean scan and only to the owner, representatives and permitted staff.
 */
export const portalDateien = pgTable(
  'portal_dateien',
  {
    ...tenantColumns,
    /** The citizen whose case the file belongs to. */
    buergerId: uuid('buerger_id').notNull(),
    entwurfId: uuid('entwurf_id'),
    antragId: uuid('antrag_id'),
    bgId: uuid('bg_id'),
    nachrichtId: uuid('nachricht_id'),
    /** Key of the Nachweis it proves (benoetigteNachweise), or NULL. */
    nachweis: text('nachweis'),
    dateiname: text('dateiname').notNull(),
    mime: text('mime').notNull(),
    groesse: integer('groesse').notNull(),
    sha256: text('sha256').notNull(),
    inhalt: bytea('inhalt').notNull(),
    status: text('status').notNull(),
    /** Scanner answer (signature name, 'OK', or why it is still in quarantine). */
    scanErgebnis: text('scan_ergebnis'),
    gescanntAm: timestamp('gescannt_am', { withTimezone: true }),
    /** Copy in the Fallakte once the application was received. */
    fallDokumentId: uuid('fall_dokument_id'),
    hochgeladenVon: uuid('hochgeladen_von'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.entwurfId], foreignColumns: [antragEntwuerfe.traegerId, antragEntwuerfe.id] }),
    foreignKey({ columns: [t.traegerId, t.antragId], foreignColumns: [antraege.traegerId, antraege.id] }),
    foreignKey({ columns: [t.traegerId, t.fallDokumentId], foreignColumns: [fallDokumente.traegerId, fallDokumente.id] }),
    check('portal_dateien_status_check', sql`${t.status} in ('quarantaene', 'sauber', 'abgelehnt')`),
    check('portal_dateien_sha_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('portal_dateien_groesse_check', sql`${t.groesse} >= 0`),
    index('portal_dateien_buerger_idx').on(t.traegerId, t.buergerId),
    index('portal_dateien_entwurf_idx').on(t.traegerId, t.entwurfId),
    index('portal_dateien_quarantaene_idx').on(t.traegerId, t.status),
  ],
);

/** Postfach: messages between a citizen and the Jobcenter, in both directions. */
export const postfachNachrichten = pgTable(
  'postfach_nachrichten',
  {
    ...tenantColumns,
    buergerId: uuid('buerger_id').notNull(),
    bgId: uuid('bg_id'),
    antragId: uuid('antrag_id'),
    /** 'an_jobcenter' (from the citizen) or 'an_buerger'. */
    richtung: text('richtung').notNull(),
    /** 'nachricht' | 'eingangsbestaetigung' | 'bescheid'. */
    art: text('art').notNull().default('nachricht'),
    betreff: text('betreff').notNull(),
    text: text('text').notNull(),
    absenderId: uuid('absender_id'),
    absenderName: text('absender_name').notNull(),
    /** Read by the recipient (citizen for an_buerger, staff for an_jobcenter). */
    gelesenAm: timestamp('gelesen_am', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] }),
    check('postfach_nachrichten_richtung_check', sql`${t.richtung} in ('an_jobcenter', 'an_buerger')`),
    check('postfach_nachrichten_art_check', sql`${t.art} in ('nachricht', 'eingangsbestaetigung', 'bescheid')`),
    index('postfach_nachrichten_buerger_idx').on(t.traegerId, t.buergerId, t.createdAt),
    index('postfach_nachrichten_bg_idx').on(t.traegerId, t.bgId, t.createdAt),
  ],
);

/** The citizen's choice to receive Bescheide online (separate from using uploads and messages). */
export const zustellungswuensche = pgTable(
  'zustellungswuensche',
  {
    traegerId: uuid('traeger_id').notNull(),
    buergerId: uuid('buerger_id').notNull(),
    online: boolean('online').notNull().default(false),
    geaendertVon: uuid('geaendert_von'),
    geaendertAm: timestamp('geaendert_am', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.buergerId] }),
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerId], foreignColumns: [users.traegerId, users.id] }),
  ],
);

/** A citizen lets another account (counsellor, relative) read or act in their matters, until an end date or revocation. */
export const bevollmaechtigungen = pgTable(
  'bevollmaechtigungen',
  {
    ...tenantColumns,
    vollmachtgeberId: uuid('vollmachtgeber_id').notNull(),
    bevollmaechtigterId: uuid('bevollmaechtigter_id').notNull(),
    /** 'lesen' (read only) or 'handeln' (read and act). */
    umfang: text('umfang').notNull(),
    /** Last day of validity (inclusive); NULL = until revoked. */
    gueltigBis: date('gueltig_bis', { mode: 'string' }),
    widerrufenAm: timestamp('widerrufen_am', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.vollmachtgeberId], foreignColumns: [users.traegerId, users.id] }),
    foreignKey({ columns: [t.traegerId, t.bevollmaechtigterId], foreignColumns: [users.traegerId, users.id] }),
    check('bevollmaechtigungen_umfang_check', sql`${t.umfang} in ('lesen', 'handeln')`),
    check('bevollmaechtigungen_selbst_check', sql`${t.vollmachtgeberId} <> ${t.bevollmaechtigterId}`),
    index('bevollmaechtigungen_geber_idx').on(t.traegerId, t.vollmachtgeberId),
    index('bevollmaechtigungen_bevollmaechtigter_idx').on(t.traegerId, t.bevollmaechtigterId),
  ],
);

export type AntragEntwurfRow = typeof antragEntwuerfe.$inferSelect;
export type PortalDateiRow = typeof portalDateien.$inferSelect;
export type PostfachNachrichtRow = typeof postfachNachrichten.$inferSelect;
export type BevollmaechtigungRow = typeof bevollmaechtigungen.$inferSelect;
