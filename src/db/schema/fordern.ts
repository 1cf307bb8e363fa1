import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  AnhoerungArt,
  AnlassArt,
  AntwortKanal,
  BelehrungArt,
  MinderungArt,
  Tatbestand,
  VerfahrenEreignis,
  VerfahrenStatus,
  ZugangArt,
} from '../../domain/fordern/typen.ts';
import { tenantColumns, timestamps, versionColumn, bytea } from './columns.ts';
import { bedarfsgemeinschaften, personen, wiedervorlagen } from './fall.ts';
import { postfachNachrichten } from './portal.ts';
import { users } from './users.ts';

/**
 * Fordern (docs/fordern.md): the Minderungsverfahren from the Anlass to the Feststellung, and the decided Minderung
 * as a dated fact of the person that the Bewilligung reads. The closed lists are those of src/domain/fordern/typen.ts.
 */

const inListe = (name: string, spalte: string, werte: readonly string[], nullErlaubt = false) =>
  check(name, sql.raw(`${nullErlaubt ? `${spalte} is null or ` : ''}${spalte} in (${werte.map((w) => `'${w}'`).join(', ')})`));

// The lists again as literals (src/db may import only types from src/domain); `satisfies` keeps them in step.
const TATBESTAENDE = ['31_1_1', '31_1_2', '31_1_3', '31_2_1', '31_2_2', '31_2_3', '31_2_4', '32', '31a_7'] as const satisfies readonly Tatbestand[];
const ANLASS_ARTEN = ['meldeversaeumnis', 'kooperationsplan', 'zuweisung', 'massnahme_abbruch', 'arbeitsangebot', 'manuell'] as const satisfies readonly AnlassArt[];
const BELEHRUNG_ARTEN = ['schriftlich', 'kenntnis', 'nicht_erforderlich'] as const satisfies readonly BelehrungArt[];
const ZUGANG_ARTEN = ['postfach', 'post', 'persoenlich', 'zustellungsurkunde'] as const satisfies readonly ZugangArt[];
const STATUS = ['erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich', 'festgestellt', 'eingestellt', 'aufgehoben'] as const satisfies readonly VerfahrenStatus[];
const ANHOERUNG_ARTEN = ['schriftlich', 'persoenlich'] as const satisfies readonly AnhoerungArt[];
const ANTWORT_KANAELE = ['portal', 'post', 'persoenlich', 'telefon'] as const satisfies readonly AntwortKanal[];
const MINDERUNG_ARTEN = ['minderung', 'wegfall_regelbedarf', 'nichterreichbarkeit'] as const satisfies readonly MinderungArt[];

const personFk = (t: { traegerId: AnyPgColumn; personId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.personId], foreignColumns: [personen.traegerId, personen.id] });
const bgFk = (t: { traegerId: AnyPgColumn; bgId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] });
const userFk = (t: { traegerId: AnyPgColumn }, col: AnyPgColumn) => foreignKey({ columns: [t.traegerId, col], foreignColumns: [users.traegerId, users.id] });
const monatCheck = (name: string, col: AnyPgColumn, nullErlaubt = false) =>
  check(name, nullErlaubt ? sql`${col} is null or ${col} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'` : sql`${col} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/**
 * One Minderungsverfahren of one person (eLb of the BG): the Anlass, the Rechtsfolgenbelehrung relied on, the
 * Anhörung and the answer, the Würdigung, the decision and the Feststellungsbescheid. A second procedure for the same
 * Anlass is refused (unique index in the migration fordern_rls).
 */
export const minderungsverfahren = pgTable(
  'minderungsverfahren',
  {
    ...tenantColumns,
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    /** running number per Träger for letters ("Az. M-2026-000012") */
    aktenzeichen: text('aktenzeichen').notNull(),
    anlassArt: text('anlass_art').$type<AnlassArt>().notNull(),
    /** the Einladung, Kooperationsplan or Maßnahme-Teilnahme it starts from (NULL for arbeitsangebot/manuell) */
    anlassId: uuid('anlass_id'),
    /** what happened, in the caseworker's words (for the letters) */
    anlassText: text('anlass_text').notNull(),
    tatbestand: text('tatbestand').$type<Tatbestand>().notNull(),
    /** day of the Pflichtverletzung / the missed appointment: starts the six-month Feststellungsfrist */
    pflichtverletzungAm: date('pflichtverletzung_am', { mode: 'string' }).notNull(),
    /** last day on which the Feststellung may be made (pflichtverletzung + 6 months, § 31b Abs. 1 S. 5) */
    fristEnde: date('frist_ende', { mode: 'string' }).notNull(),
    belehrungArt: text('belehrung_art').$type<BelehrungArt>().notNull(),
    /** date of the letter with the Rechtsfolgenbelehrung (or when knowledge was established) */
    belehrungAm: date('belehrung_am', { mode: 'string' }),
    /** the Rechtsfolgenbelehrung as given (copied from the Einladung/Zuweisung or entered) */
    belehrungText: text('belehrung_text'),
    /** how the letter with the Belehrung reached the person (Zugangsnachweis) */
    belehrungZugangArt: text('belehrung_zugang_art').$type<ZugangArt>(),
    belehrungZugangAm: date('belehrung_zugang_am', { mode: 'string' }),
    status: text('status').$type<VerfahrenStatus>().notNull().default('erfasst'),
    // Anhörung (§ 24 SGB X, § 31a Abs. 2 SGB II)
    anhoerungArt: text('anhoerung_art').$type<AnhoerungArt>(),
    anhoerungAm: date('anhoerung_am', { mode: 'string' }),
    anhoerungFrist: date('anhoerung_frist', { mode: 'string' }),
    /** language of the citizen's copy (portal language; German is binding) */
    anhoerungSprache: text('anhoerung_sprache'),
    anhoerungPdf: bytea('anhoerung_pdf'),
    anhoerungPostfachId: uuid('anhoerung_postfach_id'),
    /** for an Anhörung in person: the appointment it was held in */
    anhoerungTerminId: uuid('anhoerung_termin_id'),
    // the person's answer
    antwortText: text('antwort_text'),
    antwortAm: timestamp('antwort_am', { withTimezone: true }),
    antwortKanal: text('antwort_kanal').$type<AntwortKanal>(),
    /** files uploaded with the answer in the portal (portal_dateien) */
    antwortDateiIds: uuid('antwort_datei_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // Würdigung and decision
    wichtigerGrund: boolean('wichtiger_grund'),
    wichtigerGrundWuerdigung: text('wichtiger_grund_wuerdigung'),
    haerte: boolean('haerte'),
    haerteWuerdigung: text('haerte_wuerdigung'),
    /** the reasons and steps of the Stufe (domain result: norm per step), for the Bescheid and the page */
    entscheidung: jsonb('entscheidung'),
    entschiedenAm: date('entschieden_am', { mode: 'string' }),
    entschiedenVon: uuid('entschieden_von'),
    freigegebenVon: uuid('freigegeben_von'),
    freigegebenAm: timestamp('freigegeben_am', { withTimezone: true }),
    /** date of the Feststellungsbescheid and the day it takes effect (Bekanntgabe, § 37 SGB X) */
    bescheidAm: date('bescheid_am', { mode: 'string' }),
    bekanntgabeAm: date('bekanntgabe_am', { mode: 'string' }),
    bescheidPdf: bytea('bescheid_pdf'),
    bescheidPostfachId: uuid('bescheid_postfach_id'),
    /** why the procedure ended without a Minderung / why it was lifted */
    einstellungsgrund: text('einstellungsgrund'),
    /** Wiedervorlage warning before the Feststellungsfrist runs out */
    wiedervorlageId: uuid('wiedervorlage_id'),
    verlauf: jsonb('verlauf').$type<VerfahrenEreignis[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    personFk(t),
    bgFk(t),
    userFk(t, t.createdBy),
    userFk(t, t.entschiedenVon),
    userFk(t, t.freigegebenVon),
    foreignKey({ columns: [t.traegerId, t.wiedervorlageId], foreignColumns: [wiedervorlagen.traegerId, wiedervorlagen.id] }),
    foreignKey({ columns: [t.traegerId, t.anhoerungPostfachId], foreignColumns: [postfachNachrichten.traegerId, postfachNachrichten.id] }),
    foreignKey({ columns: [t.traegerId, t.bescheidPostfachId], foreignColumns: [postfachNachrichten.traegerId, postfachNachrichten.id] }),
    inListe('minderungsverfahren_anlass_check', 'anlass_art', ANLASS_ARTEN),
    inListe('minderungsverfahren_tatbestand_check', 'tatbestand', TATBESTAENDE),
    inListe('minderungsverfahren_belehrung_check', 'belehrung_art', BELEHRUNG_ARTEN),
    inListe('minderungsverfahren_zugang_check', 'belehrung_zugang_art', ZUGANG_ARTEN, true),
    inListe('minderungsverfahren_status_check', 'status', STATUS),
    inListe('minderungsverfahren_anhoerung_check', 'anhoerung_art', ANHOERUNG_ARTEN, true),
    inListe('minderungsverfahren_kanal_check', 'antwort_kanal', ANTWORT_KANAELE, true),
    check('minderungsverfahren_frist_check', sql`${t.fristEnde} > ${t.pflichtverletzungAm}`),
    check('minderungsverfahren_belehrung_noetig_check', sql`${t.belehrungArt} = 'nicht_erforderlich' or ${t.belehrungAm} is not null`),
    index('minderungsverfahren_person_idx').on(t.traegerId, t.personId),
    index('minderungsverfahren_status_idx').on(t.traegerId, t.status, t.fristEnde),
  ],
);

/**
 * A decided Minderung: the dated fact of the person that every computation of the Bewilligung reads (Änderung,
 * Weiterbewilligung, Massenänderung). Months are 'YYYY-MM', inclusive. An early end sets `beendet_ab` (first month no
 * longer reduced); an Aufhebung (Widerspruch granted) sets `aufgehoben_am` – then no month is reduced. Statistics
 * read Feststellungen from here (Tatbestand, Stufe, amount, date).
 */
export const leistungsminderungen = pgTable(
  'leistungsminderungen',
  {
    ...tenantColumns,
    verfahrenId: uuid('verfahren_id').notNull(),
    personId: uuid('person_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    tatbestand: text('tatbestand').$type<Tatbestand>().notNull(),
    art: text('art').$type<MinderungArt>().notNull(),
    /** 1, 2, 3 (Bürgergeld 2023–6/2026), 1 for § 32 and the 2026 law; the reasons are in the procedure */
    stufe: integer('stufe').notNull(),
    /** percent of the person's maßgebender Regelbedarf (100 for wegfall_regelbedarf and nichterreichbarkeit) */
    prozent: integer('prozent').notNull(),
    /** the amount per month as decided (percent of the Regelbedarf of the first month), cents – for the Bescheid and statistics */
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    vonMonat: text('von_monat').notNull(),
    bisMonat: text('bis_monat').notNull(),
    festgestelltAm: date('festgestellt_am', { mode: 'string' }).notNull(),
    pflichtverletzungAm: date('pflichtverletzung_am', { mode: 'string' }).notNull(),
    /** early end (§ 31b Abs. 2 S. 2): first month that is no longer reduced */
    beendetAbMonat: text('beendet_ab_monat'),
    beendetGrund: text('beendet_grund'),
    /** lifted as a whole (Widerspruch granted, Rücknahme § 44 SGB X): no month reduced, Nachzahlung follows */
    aufgehobenAm: date('aufgehoben_am', { mode: 'string' }),
    aufhebungGrund: text('aufhebung_grund'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.verfahrenId], foreignColumns: [minderungsverfahren.traegerId, minderungsverfahren.id] }),
    personFk(t),
    bgFk(t),
    inListe('leistungsminderungen_tatbestand_check', 'tatbestand', TATBESTAENDE),
    inListe('leistungsminderungen_art_check', 'art', MINDERUNG_ARTEN),
    check('leistungsminderungen_prozent_check', sql`${t.prozent} between 1 and 100`),
    check('leistungsminderungen_stufe_check', sql`${t.stufe} between 1 and 3`),
    check('leistungsminderungen_betrag_check', sql`${t.betragCent} >= 0`),
    monatCheck('leistungsminderungen_von_check', t.vonMonat),
    monatCheck('leistungsminderungen_bis_check', t.bisMonat),
    monatCheck('leistungsminderungen_beendet_check', t.beendetAbMonat, true),
    check('leistungsminderungen_periode_check', sql`${t.bisMonat} >= ${t.vonMonat}`),
    index('leistungsminderungen_person_idx').on(t.traegerId, t.personId, t.vonMonat),
    index('leistungsminderungen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/**
 * Who receives the KdU of a BG instead of the BG's own account (§ 22 Abs. 7 SGB II; with a § 7b Abs. 4 lapse the
 * KdU are paid to the landlord): a dated payee with its own account. The IBAN is stored encrypted like the BG's.
 */
export const kduEmpfaenger = pgTable(
  'kdu_empfaenger',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    name: text('name').notNull(),
    /** IBAN encrypted (security/crypto.ts, purpose 'kdu-empfaenger-iban') */
    ibanEnc: text('iban_enc').notNull(),
    ibanMaskiert: text('iban_maskiert').notNull(),
    bic: text('bic'),
    /** first and last month ('YYYY-MM') the KdU go to this payee; bis NULL = open */
    vonMonat: text('von_monat').notNull(),
    bisMonat: text('bis_monat'),
    grund: text('grund').notNull(),
    /** the procedure whose § 7b Abs. 4 lapse made it necessary (NULL: § 22 Abs. 7 on request / Träger decision) */
    verfahrenId: uuid('verfahren_id'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    userFk(t, t.createdBy),
    foreignKey({ columns: [t.traegerId, t.verfahrenId], foreignColumns: [minderungsverfahren.traegerId, minderungsverfahren.id] }),
    monatCheck('kdu_empfaenger_von_check', t.vonMonat),
    monatCheck('kdu_empfaenger_bis_check', t.bisMonat, true),
    check('kdu_empfaenger_periode_check', sql`${t.bisMonat} is null or ${t.bisMonat} >= ${t.vonMonat}`),
    index('kdu_empfaenger_bg_idx').on(t.traegerId, t.bgId),
  ],
);

export type MinderungsverfahrenRow = typeof minderungsverfahren.$inferSelect;
export type LeistungsminderungRow = typeof leistungsminderungen.$inferSelect;
export type KduEmpfaengerRow = typeof kduEmpfaenger.$inferSelect;
