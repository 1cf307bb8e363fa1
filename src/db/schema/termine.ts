import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, timestamps, versionColumn } from './columns.ts';
import { bedarfsgemeinschaften, personen } from './fall.ts';
import { standorte, traeger } from './organisation.ts';
import { users } from './users.ts';

/**
 * Termine (docs/termine.md): bookable Ressourcen with their consultation hours, Anliegen, booked appointments,
 * e-mail double opt-in, Warteliste and Einladungen. Double bookings are made impossible by the exclusion
 * constraint `termine_keine_doppelbuchung` (migration termine_rls) on (traeger_id, ressource_id, zeitraum).
 */

const kanalCheck = (name: string, col: unknown) => check(name, sql`${col} <@ array['vor_ort','telefon','video']::text[]`);

/** A staff member's or a team's bookable desk at one Standort (one appointment at a time). */
export const terminRessourcen = pgTable(
  'termin_ressourcen',
  {
    ...tenantColumns,
    standortId: uuid('standort_id').notNull(),
    art: text('art').notNull().default('person'),
    name: text('name').notNull(),
    /** the staff account behind a personal desk (video rooms, own calendar); NULL for a team desk */
    userId: uuid('user_id'),
    /** roles served (matched against Anliegen.rollen) */
    rollen: text('rollen').array().notNull().default(sql`'{}'::text[]`),
    team: text('team'),
    aktiv: boolean('aktiv').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    foreignKey({ columns: [t.traegerId, t.userId], foreignColumns: [users.traegerId, users.id] }),
    check('termin_ressourcen_art_check', sql`${t.art} in ('person', 'team')`),
    index('termin_ressourcen_standort_idx').on(t.traegerId, t.standortId),
  ],
);

/** Weekly consultation hours of a Ressource (at its Standort), with validity. */
export const terminSprechzeiten = pgTable(
  'termin_sprechzeiten',
  {
    ...tenantColumns,
    ressourceId: uuid('ressource_id').notNull(),
    wochentag: smallint('wochentag').notNull(),
    von: text('von').notNull(),
    bis: text('bis').notNull(),
    gueltigAb: date('gueltig_ab', { mode: 'string' }),
    gueltigBis: date('gueltig_bis', { mode: 'string' }),
    /** only these channels in this window; NULL = all channels of the Anliegen */
    kanaele: text('kanaele').array(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.ressourceId], foreignColumns: [terminRessourcen.traegerId, terminRessourcen.id] }).onDelete('cascade'),
    check('termin_sprechzeiten_wochentag_check', sql`${t.wochentag} between 1 and 7`),
    check('termin_sprechzeiten_zeit_check', sql`${t.von} ~ '^\\d\\d:\\d\\d$' and ${t.bis} ~ '^\\d\\d:\\d\\d$' and ${t.von} < ${t.bis}`),
    check('termin_sprechzeiten_gueltig_check', sql`${t.gueltigBis} is null or ${t.gueltigAb} is null or ${t.gueltigBis} >= ${t.gueltigAb}`),
    kanalCheck('termin_sprechzeiten_kanaele_check', t.kanaele),
    index('termin_sprechzeiten_ressource_idx').on(t.traegerId, t.ressourceId),
  ],
);

/** Dated exceptions: extra hours or closures (all day when von/bis are NULL). */
export const terminAusnahmen = pgTable(
  'termin_ausnahmen',
  {
    ...tenantColumns,
    ressourceId: uuid('ressource_id').notNull(),
    art: text('art').notNull(),
    datum: date('datum', { mode: 'string' }).notNull(),
    von: text('von'),
    bis: text('bis'),
    kanaele: text('kanaele').array(),
    grund: text('grund'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.ressourceId], foreignColumns: [terminRessourcen.traegerId, terminRessourcen.id] }).onDelete('cascade'),
    check('termin_ausnahmen_art_check', sql`${t.art} in ('zusaetzlich', 'geschlossen')`),
    check('termin_ausnahmen_zeit_check', sql`(${t.von} is null) = (${t.bis} is null) and (${t.art} = 'geschlossen' or ${t.von} is not null)`),
    kanalCheck('termin_ausnahmen_kanaele_check', t.kanaele),
    index('termin_ausnahmen_ressource_idx').on(t.traegerId, t.ressourceId, t.datum),
  ],
);

/** Absence of a Ressource (holiday, illness, training), half-open [von, bis). */
export const terminAbwesenheiten = pgTable(
  'termin_abwesenheiten',
  {
    ...tenantColumns,
    ressourceId: uuid('ressource_id').notNull(),
    von: timestamp('von', { withTimezone: true }).notNull(),
    bis: timestamp('bis', { withTimezone: true }).notNull(),
    grund: text('grund'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.ressourceId], foreignColumns: [terminRessourcen.traegerId, terminRessourcen.id] }).onDelete('cascade'),
    check('termin_abwesenheiten_zeit_check', sql`${t.bis} > ${t.von}`),
  ],
);

/** Appointment type: duration, buffer, channels and who may serve it. */
export const terminAnliegen = pgTable(
  'termin_anliegen',
  {
    ...tenantColumns,
    /** stable key, e.g. 'erstgespraech' */
    schluessel: text('schluessel').notNull(),
    name: text('name').notNull(),
    dauerMinuten: integer('dauer_minuten').notNull(),
    pufferMinuten: integer('puffer_minuten').notNull().default(0),
    rasterMinuten: integer('raster_minuten').notNull().default(15),
    kanaele: text('kanaele').array().notNull(),
    /** roles of the Ressourcen that may serve it */
    rollen: text('rollen').array().notNull().default(sql`'{}'::text[]`),
    /** … or these Ressourcen by id */
    ressourceIds: uuid('ressource_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** bookable by citizens online (otherwise only by staff invitation) */
    online: boolean('online').notNull().default(true),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('termin_anliegen_schluessel_unique').on(t.traegerId, t.schluessel),
    check('termin_anliegen_dauer_check', sql`${t.dauerMinuten} between 5 and 480 and ${t.pufferMinuten} between 0 and 240 and ${t.rasterMinuten} between 5 and 480`),
    check('termin_anliegen_kanaele_check', sql`cardinality(${t.kanaele}) > 0 and ${t.kanaele} <@ array['vor_ort','telefon','video']::text[]`),
  ],
);

/** A booked appointment. `blockiert_bis` = ende + Puffer; the exclusion constraint covers [beginn, blockiert_bis). */
export const termine = pgTable(
  'termine',
  {
    ...tenantColumns,
    ressourceId: uuid('ressource_id').notNull(),
    anliegenId: uuid('anliegen_id').notNull(),
    standortId: uuid('standort_id').notNull(),
    kanal: text('kanal').notNull(),
    /** 'buchung' by a citizen, 'einladung' by staff */
    art: text('art').notNull().default('buchung'),
    beginn: timestamp('beginn', { withTimezone: true }).notNull(),
    ende: timestamp('ende', { withTimezone: true }).notNull(),
    blockiertBis: timestamp('blockiert_bis', { withTimezone: true }).notNull(),
    /** portal account of the citizen, or … */
    buergerUserId: uuid('buerger_user_id'),
    /** … a confirmed e-mail address (double opt-in) */
    email: text('email'),
    name: text('name').notNull().default(''),
    status: text('status').notNull().default('gebucht'),
    /** iCalendar SEQUENCE: 0 on booking, +1 per change or cancellation */
    sequenz: integer('sequenz').notNull().default(0),
    videoRaumId: text('video_raum_id'),
    /** SHA-256 of the random management token for anonymous bookings (link in the e-mail) */
    verwaltungTokenHash: text('verwaltung_token_hash'),
    checkinTokenHash: text('checkin_token_hash'),
    eingechecktAm: timestamp('eingecheckt_am', { withTimezone: true }),
    erinnerungGesendetAm: timestamp('erinnerung_gesendet_am', { withTimezone: true }),
    abgesagtAm: timestamp('abgesagt_am', { withTimezone: true }),
    createdBy: uuid('created_by'),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.ressourceId], foreignColumns: [terminRessourcen.traegerId, terminRessourcen.id] }),
    foreignKey({ columns: [t.traegerId, t.anliegenId], foreignColumns: [terminAnliegen.traegerId, terminAnliegen.id] }),
    foreignKey({ columns: [t.traegerId, t.standortId], foreignColumns: [standorte.traegerId, standorte.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerUserId], foreignColumns: [users.traegerId, users.id] }),
    check('termine_kanal_check', sql`${t.kanal} in ('vor_ort', 'telefon', 'video')`),
    check('termine_art_check', sql`${t.art} in ('buchung', 'einladung')`),
    check('termine_status_check', sql`${t.status} in ('gebucht', 'abgesagt', 'wahrgenommen', 'nicht_erschienen')`),
    check('termine_zeit_check', sql`${t.ende} > ${t.beginn} and ${t.blockiertBis} >= ${t.ende}`),
    check('termine_person_check', sql`${t.buergerUserId} is not null or ${t.email} is not null`),
    index('termine_ressource_idx').on(t.traegerId, t.ressourceId, t.beginn),
    index('termine_standort_idx').on(t.traegerId, t.standortId, t.beginn),
    index('termine_buerger_idx').on(t.traegerId, t.buergerUserId),
  ],
);

/** E-mail double opt-in for an anonymous booking: the booking happens only after the link was opened. */
export const terminBestaetigungen = pgTable(
  'termin_bestaetigungen',
  {
    ...tenantColumns,
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    anliegenId: uuid('anliegen_id').notNull(),
    kanal: text('kanal').notNull(),
    standortId: uuid('standort_id'),
    beginn: timestamp('beginn', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    terminId: uuid('termin_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('termin_bestaetigungen_token_unique').on(t.tokenHash),
    foreignKey({ columns: [t.traegerId, t.anliegenId], foreignColumns: [terminAnliegen.traegerId, terminAnliegen.id] }),
    check('termin_bestaetigungen_kanal_check', sql`${t.kanal} in ('vor_ort', 'telefon', 'video')`),
  ],
);

/** Warteliste entry: a person waiting for a slot of an Anliegen. */
export const wartelisteEintraege = pgTable(
  'warteliste_eintraege',
  {
    ...tenantColumns,
    anliegenId: uuid('anliegen_id').notNull(),
    kanaele: text('kanaele').array().notNull(),
    /** acceptable Standorte (on site); empty = any */
    standortIds: uuid('standort_ids').array().notNull().default(sql`'{}'::uuid[]`),
    wochentage: smallint('wochentage').array().notNull().default(sql`'{}'::smallint[]`),
    buergerUserId: uuid('buerger_user_id'),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    status: text('status').notNull().default('wartend'),
    verfallen: integer('verfallen').notNull().default(0),
    eingetragenAm: timestamp('eingetragen_am', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.anliegenId], foreignColumns: [terminAnliegen.traegerId, terminAnliegen.id] }),
    foreignKey({ columns: [t.traegerId, t.buergerUserId], foreignColumns: [users.traegerId, users.id] }),
    check('warteliste_eintraege_status_check', sql`${t.status} in ('wartend', 'versorgt', 'pausiert', 'zurueckgezogen')`),
    kanalCheck('warteliste_eintraege_kanaele_check', t.kanaele),
    index('warteliste_eintraege_anliegen_idx').on(t.traegerId, t.anliegenId, t.status, t.eingetragenAm),
  ],
);

/** A slot offered to a waiting person, confirmable by a time-limited link (only the token's hash is stored). */
export const wartelisteAngebote = pgTable(
  'warteliste_angebote',
  {
    ...tenantColumns,
    eintragId: uuid('eintrag_id').notNull(),
    ressourceId: uuid('ressource_id').notNull(),
    standortId: uuid('standort_id').notNull(),
    anliegenId: uuid('anliegen_id').notNull(),
    kanal: text('kanal').notNull(),
    beginn: timestamp('beginn', { withTimezone: true }).notNull(),
    ende: timestamp('ende', { withTimezone: true }).notNull(),
    tokenHash: text('token_hash').notNull(),
    gueltigBis: timestamp('gueltig_bis', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('offen'),
    beantwortetAm: timestamp('beantwortet_am', { withTimezone: true }),
    terminId: uuid('termin_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('warteliste_angebote_token_unique').on(t.tokenHash),
    foreignKey({ columns: [t.traegerId, t.eintragId], foreignColumns: [wartelisteEintraege.traegerId, wartelisteEintraege.id] }),
    foreignKey({ columns: [t.traegerId, t.ressourceId], foreignColumns: [terminRessourcen.traegerId, terminRessourcen.id] }),
    check('warteliste_angebote_status_check', sql`${t.status} in ('offen', 'angenommen', 'abgelehnt', 'verfallen', 'zurueckgezogen')`),
    check('warteliste_angebote_kanal_check', sql`${t.kanal} in ('vor_ort', 'telefon', 'video')`),
  ],
);

/** Staff invitation (Meldeaufforderung) for an appointment, with the outcome. */
export const einladungen = pgTable(
  'einladungen',
  {
    ...tenantColumns,
    terminId: uuid('termin_id').notNull(),
    personId: uuid('person_id'),
    bgId: uuid('bg_id'),
    zweck: text('zweck').notNull(),
    thema: text('thema'),
    unterlagen: text('unterlagen').array().notNull().default(sql`'{}'::text[]`),
    /** the invitation text as sent (legal content at the time) */
    text: text('text').notNull(),
    status: text('status').notNull().default('eingeladen'),
    begruendung: text('begruendung'),
    ergebnisAm: timestamp('ergebnis_am', { withTimezone: true }),
    ergebnisVon: uuid('ergebnis_von'),
    /**
     * Zugangsnachweis of the invitation (Fordern, docs/fordern.md): how and when it reached the person – the
     * Jobcenter must prove Zugang, content and Rechtsfolgenbelehrung before a § 32 Minderung. Set automatically for
     * the Postfach (read receipt) or recorded by staff (post, in person, Zustellungsurkunde).
     */
    zugangArt: text('zugang_art'),
    zugangAm: date('zugang_am', { mode: 'string' }),
    zugangNachweis: text('zugang_nachweis'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('einladungen_termin_unique').on(t.traegerId, t.terminId),
    foreignKey({ columns: [t.traegerId, t.terminId], foreignColumns: [termine.traegerId, termine.id] }),
    foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] }),
    foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] }),
    check(
      'einladungen_status_check',
      sql`${t.status} in ('eingeladen', 'wahrgenommen', 'nicht_erschienen_mit_wichtigem_grund', 'nicht_erschienen_ohne_wichtigen_grund', 'aufgehoben')`,
    ),
    check('einladungen_zugang_check', sql`${t.zugangArt} is null or ${t.zugangArt} in ('postfach', 'post', 'persoenlich', 'zustellungsurkunde')`),
  ],
);

/**
 * The Träger's Termine rules (domain `TerminRegeln`, validated by `terminRegelnSchema`): one row per Träger; without a
 * row the defaults `STANDARD_REGELN` apply (the column defaults are the same values).
 */
export const terminRegeln = pgTable(
  'termin_regeln',
  {
    traegerId: uuid('traeger_id').notNull().primaryKey(),
    vorlaufMinuten: integer('vorlauf_minuten').notNull().default(120),
    horizontTage: integer('horizont_tage').notNull().default(42),
    verschiebenBisStunden: integer('verschieben_bis_stunden').notNull().default(24),
    absagenBisStunden: integer('absagen_bis_stunden').notNull().default(24),
    erinnerungVorStunden: integer('erinnerung_vor_stunden').notNull().default(24),
    videoOffenVorMinuten: integer('video_offen_vor_minuten').notNull().default(15),
    videoOffenNachMinuten: integer('video_offen_nach_minuten').notNull().default(60),
    checkinVorMinuten: integer('checkin_vor_minuten').notNull().default(30),
    checkinNachMinuten: integer('checkin_nach_minuten').notNull().default(15),
    angebotGueltigMinuten: integer('angebot_gueltig_minuten').notNull().default(720),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check(
      'termin_regeln_werte_check',
      sql`least(${t.vorlaufMinuten}, ${t.verschiebenBisStunden}, ${t.absagenBisStunden}, ${t.videoOffenVorMinuten}, ${t.checkinVorMinuten}, ${t.checkinNachMinuten}) >= 0 and least(${t.horizontTage}, ${t.erinnerungVorStunden}, ${t.videoOffenNachMinuten}, ${t.angebotGueltigMinuten}) > 0`,
    ),
  ],
);
