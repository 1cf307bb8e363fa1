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
import { tenantColumns, versionColumn, bytea } from './columns.ts';
import { bedarfsgemeinschaften } from './fall.ts';
import { kommunen, traeger } from './organisation.ts';

/**
 * Bewilligung, Bescheid, Zahlung, Kosten, KdU-Richtwerte and Massenänderung (issue 4, items 3–8).
 * Money in integer cents; months as 'YYYY-MM' text; periods of a Bewilligung as first/last day (date) so that an
 * exclusion constraint (migration bewilligung_rls) refuses two approved Bewilligungen of one BG in the same month.
 */


const bgFk = (t: { traegerId: AnyPgColumn; bgId: AnyPgColumn }) =>
  foreignKey({ columns: [t.traegerId, t.bgId], foreignColumns: [bedarfsgemeinschaften.traegerId, bedarfsgemeinschaften.id] });

const monatCheck = (name: string, col: AnyPgColumn) => check(name, sql`${col} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/** Settings of a Träger for benefits: Vier-Augen thresholds (vierAugenRegelnSchema) and its own bank account. */
export const traegerEinstellungen = pgTable(
  'traeger_einstellungen',
  {
    traegerId: uuid('traeger_id').notNull().primaryKey(),
    vierAugenRegeln: jsonb('vier_augen_regeln').notNull(),
    /** the Träger's account, debtor of the SEPA credit transfers */
    iban: text('iban'),
    bic: text('bic'),
    kontoinhaber: text('kontoinhaber'),
    /** Fordern: which side decides Minderungen ('integration' | 'leistung'; teamleitung always may) */
    minderungEntscheider: text('minderung_entscheider').notNull().default('integration'),
    /** Fordern: second person's approval of a Minderungsbescheid ('nie' | 'wegfall' = only a lapse of the Regelbedarf or claim | 'immer') */
    minderungVierAugen: text('minderung_vier_augen').notNull().default('wegfall'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...versionColumn,
  },
  (t) => [
    foreignKey({ columns: [t.traegerId], foreignColumns: [traeger.id] }),
    check('traeger_einstellungen_iban_check', sql`${t.iban} is null or ${t.iban} ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`),
    check('traeger_einstellungen_minderung_entscheider_check', sql`${t.minderungEntscheider} in ('integration', 'leistung')`),
    check('traeger_einstellungen_minderung_vier_augen_check', sql`${t.minderungVierAugen} in ('nie', 'wegfall', 'immer')`),
  ],
);

/** Angemessenheitsgrenzen (KdU-Richtwerte) per Kommune and household size, with validity dates. */
export const kduRichtwerte = pgTable(
  'kdu_richtwerte',
  {
    ...tenantColumns,
    kommuneId: uuid('kommune_id').notNull(),
    haushaltsgroesse: integer('haushaltsgroesse').notNull(),
    bruttokaltmieteCent: bigint('bruttokaltmiete_cent', { mode: 'number' }).notNull(),
    heizkostenCent: bigint('heizkosten_cent', { mode: 'number' }).notNull(),
    gueltigVon: date('gueltig_von', { mode: 'string' }).notNull(),
    gueltigBis: date('gueltig_bis', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.kommuneId], foreignColumns: [kommunen.traegerId, kommunen.id] }),
    check('kdu_richtwerte_groesse_check', sql`${t.haushaltsgroesse} between 1 and 12`),
    check('kdu_richtwerte_betraege_check', sql`${t.bruttokaltmieteCent} >= 0 and ${t.heizkostenCent} >= 0`),
    check('kdu_richtwerte_periode_check', sql`${t.gueltigBis} is null or ${t.gueltigBis} >= ${t.gueltigVon}`),
    index('kdu_richtwerte_kommune_idx').on(t.traegerId, t.kommuneId, t.haushaltsgroesse),
  ],
);

export const BEWILLIGUNG_STATUS = ['entwurf', 'freigabe_erforderlich', 'bewilligt', 'abgelehnt', 'aufgehoben', 'ersetzt'] as const;
export type BewilligungStatus = (typeof BEWILLIGUNG_STATUS)[number];

/** A decision about a Bewilligungszeitraum of a BG (one version; an Änderung creates a new version). */
export const bewilligungen = pgTable(
  'bewilligungen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    antragId: uuid('antrag_id'),
    /** first day of the first month, last day of the last month */
    von: date('von', { mode: 'string' }).notNull(),
    bis: date('bis', { mode: 'string' }).notNull(),
    art: text('art').notNull().default('endgueltig'),
    /** erstbewilligung | weiterbewilligung | aenderung | abschliessende_feststellung | ablehnung | aufhebung | minderung (recomputed for a decided/lifted Minderung; the Minderungsbescheid is the decision) */
    vorgang: text('vorgang').notNull(),
    status: text('status').notNull().default('entwurf'),
    rechtsstand: text('rechtsstand').notNull(),
    vorlaeufigGrund: text('vorlaeufig_grund'),
    /** the Bewilligung this version replaces (Änderung, abschließende Feststellung, Massenänderung) */
    vorgaengerId: uuid('vorgaenger_id'),
    massenaenderungId: uuid('massenaenderung_id'),
    summeCent: bigint('summe_cent', { mode: 'number' }).notNull().default(0),
    hoechsterMonatCent: bigint('hoechster_monat_cent', { mode: 'number' }).notNull().default(0),
    /** reasons why a second person must approve (vierAugenErforderlich) */
    vierAugenGruende: jsonb('vier_augen_gruende'),
    /** Ablehnung: reasons (ablehnungAus) or the caseworker's text */
    ablehnungsgruende: jsonb('ablehnungsgruende'),
    /** Änderung: comparison with the previous version (vergleiche) and the reasons */
    aenderung: jsonb('aenderung'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    check('bewilligungen_art_check', sql`${t.art} in ('endgueltig', 'vorlaeufig')`),
    check(
      'bewilligungen_status_check',
      sql`${t.status} in ('entwurf', 'freigabe_erforderlich', 'bewilligt', 'abgelehnt', 'aufgehoben', 'ersetzt')`,
    ),
    check(
      'bewilligungen_vorgang_check',
      sql`${t.vorgang} in ('erstbewilligung', 'weiterbewilligung', 'aenderung', 'abschliessende_feststellung', 'ablehnung', 'aufhebung', 'minderung')`,
    ),
    check('bewilligungen_periode_check', sql`${t.bis} >= ${t.von}`),
    index('bewilligungen_bg_idx').on(t.traegerId, t.bgId),
    index('bewilligungen_status_idx').on(t.traegerId, t.status, t.bis),
  ],
);

/** One month of a Bewilligung: engine input, engine result, amounts per person and cost split. */
export const bewilligungMonate = pgTable(
  'bewilligung_monate',
  {
    traegerId: uuid('traeger_id').notNull(),
    bewilligungId: uuid('bewilligung_id').notNull(),
    monat: text('monat').notNull(),
    input: jsonb('input').notNull(),
    /** engine result (with `schritte` when computed for a caseworker) */
    ergebnis: jsonb('ergebnis').notNull(),
    /** PersonBetrag[] (cents) */
    personen: jsonb('personen').notNull(),
    /** Kostenanteil[] (kostenaufteilung), sum = auszahlung_cent */
    kosten: jsonb('kosten').notNull(),
    auszahlungCent: bigint('auszahlung_cent', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.bewilligungId, t.monat] }),
    // the Träger's first data month (Statistik: every report and Kennzahlen request asks for it)
    index('bewilligung_monate_monat_idx').on(t.traegerId, t.monat),
    foreignKey({ columns: [t.traegerId, t.bewilligungId], foreignColumns: [bewilligungen.traegerId, bewilligungen.id] }).onDelete('cascade'),
    monatCheck('bewilligung_monate_monat_check', t.monat),
    check('bewilligung_monate_betrag_check', sql`${t.auszahlungCent} >= 0`),
  ],
);

/** Bescheide: immutable (content hash; the app role may only insert, read and add the rendered PDF once). */
export const bescheide = pgTable(
  'bescheide',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    bewilligungId: uuid('bewilligung_id'),
    massenaenderungId: uuid('massenaenderung_id'),
    art: text('art').notNull(),
    datum: date('datum', { mode: 'string' }).notNull(),
    modell: jsonb('modell').notNull(),
    /** SHA-256 of the canonical model (bescheidHash) */
    sha256: text('sha256').notNull(),
    /** rendered PDF (NULL until rendered in the background, set once) */
    pdf: bytea('pdf'),
    pdfSha256: text('pdf_sha256'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.bewilligungId], foreignColumns: [bewilligungen.traegerId, bewilligungen.id] }),
    check('bescheide_art_check', sql`${t.art} in ('bewilligung', 'aenderung', 'ablehnung', 'aufhebung', 'aufrechnung')`),
    check('bescheide_sha_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('bescheide_bg_idx').on(t.traegerId, t.bgId, t.createdAt),
    index('bescheide_ohne_pdf_idx').on(t.traegerId, t.createdAt).where(sql`pdf is null`),
  ],
);

/** Decided differences for months already paid that are still to be paid out (Nachzahlungen, next Zahllauf). */
export const korrekturen = pgTable(
  'korrekturen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    bewilligungId: uuid('bewilligung_id').notNull(),
    monat: text('monat').notNull(),
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    kosten: jsonb('kosten').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.bewilligungId], foreignColumns: [bewilligungen.traegerId, bewilligungen.id] }),
    monatCheck('korrekturen_monat_check', t.monat),
    check('korrekturen_betrag_check', sql`${t.betragCent} > 0`),
    index('korrekturen_bg_idx').on(t.traegerId, t.bgId),
  ],
);

/** A monthly payment run. A run that did not finish (crash) is continued by the next start for the month. */
export const zahllaeufe = pgTable(
  'zahllaeufe',
  {
    ...tenantColumns,
    zahlmonat: text('zahlmonat').notNull(),
    nr: integer('nr').notNull(),
    status: text('status').notNull().default('laufend'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    startedBy: uuid('started_by'),
    nachrichtId: text('nachricht_id').notNull(),
    pain001: text('pain001'),
    anzahl: integer('anzahl').notNull().default(0),
    summeCent: bigint('summe_cent', { mode: 'number' }).notNull().default(0),
    zurueckgestellt: jsonb('zurueckgestellt'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('zahllaeufe_monat_nr_unique').on(t.traegerId, t.zahlmonat, t.nr),
    monatCheck('zahllaeufe_monat_check', t.zahlmonat),
    check('zahllaeufe_status_check', sql`${t.status} in ('laufend', 'fertig')`),
  ],
);

/** One payment. The idempotency key is unique per Träger: a payment is never recorded twice. */
export const zahlungen = pgTable(
  'zahlungen',
  {
    ...tenantColumns,
    schluessel: text('schluessel').notNull(),
    zahllaufId: uuid('zahllauf_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    bewilligungId: uuid('bewilligung_id'),
    korrekturId: uuid('korrektur_id'),
    art: text('art').notNull(),
    leistungsmonat: text('leistungsmonat').notNull(),
    zahlmonat: text('zahlmonat').notNull(),
    /** amount transferred (the benefit minus any Aufrechnung, § 43 SGB II) */
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    /** set off against Erstattungsforderungen (§ 43 SGB II); the booking lines carry betrag + aufrechnung (the gross benefit) */
    aufrechnungCent: bigint('aufrechnung_cent', { mode: 'number' }).notNull().default(0),
    endToEndId: text('end_to_end_id').notNull(),
    empfaengerName: text('empfaenger_name').notNull(),
    ibanMaskiert: text('iban_maskiert').notNull(),
    /** IBAN encrypted (security/crypto.ts, purpose 'zahlung-iban') */
    ibanEnc: text('iban_enc').notNull(),
    bic: text('bic'),
    verwendungszweck: text('verwendungszweck').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('zahlungen_schluessel_unique').on(t.traegerId, t.schluessel),
    foreignKey({ columns: [t.traegerId, t.zahllaufId], foreignColumns: [zahllaeufe.traegerId, zahllaeufe.id] }),
    bgFk(t),
    check('zahlungen_art_check', sql`${t.art} in ('laufend', 'nachzahlung', 'eingliederung', 'kdu_empfaenger')`),
    check('zahlungen_betrag_check', sql`${t.betragCent} > 0`),
    check('zahlungen_aufrechnung_check', sql`${t.aufrechnungCent} >= 0`),
    monatCheck('zahlungen_leistungsmonat_check', t.leistungsmonat),
    index('zahlungen_lauf_idx').on(t.traegerId, t.zahllaufId),
    index('zahlungen_bg_idx').on(t.traegerId, t.bgId, t.leistungsmonat),
  ],
);

/** Booking lines of a payment per cost type (and Kommune for kommunal costs). */
export const buchungen = pgTable(
  'buchungen',
  {
    ...tenantColumns,
    schluessel: text('schluessel').notNull(),
    zahlungId: uuid('zahlung_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    leistungsmonat: text('leistungsmonat').notNull(),
    zahlmonat: text('zahlmonat').notNull(),
    kostenart: text('kostenart').notNull(),
    kostentraeger: text('kostentraeger').notNull(),
    kommuneId: uuid('kommune_id'),
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    unique('buchungen_schluessel_unique').on(t.traegerId, t.schluessel),
    foreignKey({ columns: [t.traegerId, t.zahlungId], foreignColumns: [zahlungen.traegerId, zahlungen.id] }),
    check('buchungen_kostenart_check', sql`${t.kostenart} in ('lebensunterhalt', 'unterkunft', 'sofortzuschlag', 'einmalig', 'eingliederung')`),
    check('buchungen_traeger_check', sql`${t.kostentraeger} in ('bund', 'kommune')`),
    index('buchungen_monat_idx').on(t.traegerId, t.zahlmonat),
  ],
);

/** Claims for overpaid benefits (§ 50 SGB X), per decision. */
export const erstattungsforderungen = pgTable(
  'erstattungsforderungen',
  {
    ...tenantColumns,
    bgId: uuid('bg_id').notNull(),
    bewilligungId: uuid('bewilligung_id'),
    bescheidId: uuid('bescheid_id'),
    betragCent: bigint('betrag_cent', { mode: 'number' }).notNull(),
    /** who owes what and for which months */
    personen: jsonb('personen').notNull(),
    monate: jsonb('monate').notNull(),
    norm: text('norm').notNull(),
    /**
     * Origin for the Aufrechnung rate (§ 43 Abs. 2 S. 1 SGB II), fixed when the Forderung arises: vorlaeufig (§ 41a),
     * einkommen (§ 48 Abs. 1 S. 2 Nr. 3 SGB X) → 10 %, sonstige → 30 %; NULL = not known (older rows, Änderung)
     */
    aufrechnungTatbestand: text('aufrechnung_tatbestand'),
    /** offen | erledigt (paid in full) | erlassen (§ 44 SGB II) | niedergeschlagen (not pursued for now) */
    status: text('status').notNull().default('offen'),
    /** amount still owed: betrag minus Zahlungseingänge, Erlass, Niederschlagung (erstattung_vorgaenge); NULL = nothing booked yet (= betrag) */
    offenCent: bigint('offen_cent', { mode: 'number' }),
    /** Stundung / Ratenzahlung in force: deferred until, monthly instalment */
    stundungBis: date('stundung_bis', { mode: 'string' }),
    ratenCent: bigint('raten_cent', { mode: 'number' }),
    erledigtAt: timestamp('erledigt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    check('erstattungsforderungen_betrag_check', sql`${t.betragCent} > 0`),
    check('erstattungsforderungen_status_check', sql`${t.status} in ('offen', 'erledigt', 'erlassen', 'niedergeschlagen')`),
    check('erstattungsforderungen_offen_check', sql`${t.offenCent} is null or (${t.offenCent} >= 0 and ${t.offenCent} <= ${t.betragCent})`),
    check('erstattungsforderungen_raten_check', sql`${t.ratenCent} is null or ${t.ratenCent} > 0`),
    check('erstattungsforderungen_aufrechnung_tatbestand_check', sql`${t.aufrechnungTatbestand} is null or ${t.aufrechnungTatbestand} in ('vorlaeufig', 'einkommen', 'sonstige')`),
    index('erstattungsforderungen_bg_idx').on(t.traegerId, t.bgId),
    index('erstattungsforderungen_status_idx').on(t.traegerId, t.status),
  ],
);

/**
 * What happened to an Erstattungsforderung: Zahlungseingang (reduces the balance), Stundung/Ratenzahlung (note
 * with date and instalment), Erlass (§ 44 SGB II) or Niederschlagung (with reason). Append-only history.
 */
export const erstattungVorgaenge = pgTable(
  'erstattung_vorgaenge',
  {
    ...tenantColumns,
    forderungId: uuid('forderung_id').notNull(),
    art: text('art').notNull(),
    /** date of the event (Zahlungseingang: value date) */
    datum: date('datum', { mode: 'string' }).notNull(),
    /** amount taken off the balance (Zahlung, Erlass, Niederschlagung); Stundung: the instalment, if any */
    betragCent: bigint('betrag_cent', { mode: 'number' }),
    stundungBis: date('stundung_bis', { mode: 'string' }),
    grund: text('grund'),
    /** Aufrechnung in the Zahllauf: idempotency key (`${zahlung.schluessel}:aufrechnung:${aufrechnungId}`) and the payment */
    schluessel: text('schluessel'),
    zahlungId: uuid('zahlung_id'),
    aufrechnungId: uuid('aufrechnung_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    foreignKey({ columns: [t.traegerId, t.forderungId], foreignColumns: [erstattungsforderungen.traegerId, erstattungsforderungen.id] }),
    unique('erstattung_vorgaenge_schluessel_unique').on(t.traegerId, t.schluessel),
    check('erstattung_vorgaenge_art_check', sql`${t.art} in ('zahlung', 'stundung', 'erlass', 'niederschlagung', 'aufrechnung')`),
    check('erstattung_vorgaenge_betrag_check', sql`${t.betragCent} is null or ${t.betragCent} > 0`),
    index('erstattung_vorgaenge_forderung_idx').on(t.traegerId, t.forderungId, t.createdAt),
  ],
);

/**
 * Aufrechnung (§ 43 SGB II): an open Erstattungsforderung is set off against the running benefit of one person of
 * the BG from `ab_monat` on, `prozent` of the person's maßgebender Regelbedarf a month (10 or 30, § 43 Abs. 2 S. 1),
 * until the balance is 0 or `bis_monat` (at most three years, § 43 Abs. 4 S. 2). Declared by Verwaltungsakt
 * (`bescheid_id`, § 43 Abs. 4 S. 1). The Zahllauf deducts the monthly amount (erstattung_vorgaenge art 'aufrechnung').
 */
export const aufrechnungen = pgTable(
  'aufrechnungen',
  {
    ...tenantColumns,
    forderungId: uuid('forderung_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** vorlaeufig (§ 41a Abs. 6) | einkommen (§ 48 Abs. 1 S. 2 Nr. 3 SGB X) | sonstige */
    tatbestand: text('tatbestand').notNull(),
    prozent: integer('prozent').notNull(),
    norm: text('norm').notNull(),
    abMonat: text('ab_monat').notNull(),
    bisMonat: text('bis_monat').notNull(),
    /** laufend | ausgesetzt (e.g. Widerspruch with aufschiebender Wirkung, § 86a Abs. 1 SGG) | beendet */
    status: text('status').notNull().default('laufend'),
    grund: text('grund').notNull(),
    /** Anhörung (§ 24 Abs. 1 SGB X) or the documented exception (§ 24 Abs. 2 SGB X) with its reason */
    anhoerungAm: date('anhoerung_am', { mode: 'string' }),
    anhoerungAusnahme: text('anhoerung_ausnahme'),
    bescheidId: uuid('bescheid_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    bgFk(t),
    foreignKey({ columns: [t.traegerId, t.forderungId], foreignColumns: [erstattungsforderungen.traegerId, erstattungsforderungen.id] }),
    check('aufrechnungen_prozent_check', sql`${t.prozent} in (10, 30)`),
    check('aufrechnungen_tatbestand_check', sql`${t.tatbestand} in ('vorlaeufig', 'einkommen', 'sonstige')`),
    check('aufrechnungen_status_check', sql`${t.status} in ('laufend', 'ausgesetzt', 'beendet')`),
    monatCheck('aufrechnungen_ab_check', t.abMonat),
    monatCheck('aufrechnungen_bis_check', t.bisMonat),
    check('aufrechnungen_periode_check', sql`${t.bisMonat} >= ${t.abMonat}`),
    index('aufrechnungen_bg_idx').on(t.traegerId, t.bgId, t.status),
    index('aufrechnungen_forderung_idx').on(t.traegerId, t.forderungId),
  ],
);

/** A Massenänderung job: recompute every running Bewilligung from `ab`. */
export const massenaenderungen = pgTable(
  'massenaenderungen',
  {
    ...tenantColumns,
    ab: date('ab', { mode: 'string' }).notNull(),
    grund: text('grund').notNull(),
    status: text('status').notNull().default('laufend'),
    gesamt: integer('gesamt').notNull().default(0),
    verarbeitet: integer('verarbeitet').notNull().default(0),
    geaendert: integer('geaendert').notNull().default(0),
    bescheide: integer('bescheide').notNull().default(0),
    fehler: integer('fehler').notNull().default(0),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...versionColumn,
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    check('massenaenderungen_status_check', sql`${t.status} in ('laufend', 'pausiert', 'fertig', 'abgebrochen')`),
  ],
);

/** Done marker per Bewilligung of a Massenänderung: unique, so a resumed run never handles a case twice. */
export const massenaenderungFaelle = pgTable(
  'massenaenderung_faelle',
  {
    traegerId: uuid('traeger_id').notNull(),
    massenaenderungId: uuid('massenaenderung_id').notNull(),
    bewilligungId: uuid('bewilligung_id').notNull(),
    bgId: uuid('bg_id').notNull(),
    geaendert: boolean('geaendert').notNull(),
    neueBewilligungId: uuid('neue_bewilligung_id'),
    bescheidId: uuid('bescheid_id'),
    fehler: text('fehler'),
    differenzCent: bigint('differenz_cent', { mode: 'number' }).notNull().default(0),
    erledigtAt: timestamp('erledigt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.massenaenderungId, t.bewilligungId] }),
    foreignKey({ columns: [t.traegerId, t.massenaenderungId], foreignColumns: [massenaenderungen.traegerId, massenaenderungen.id] }),
    unique('massenaenderung_faelle_bescheid_unique').on(t.traegerId, t.bescheidId),
  ],
);

export type TraegerEinstellungen = typeof traegerEinstellungen.$inferSelect;
export type KduRichtwert = typeof kduRichtwerte.$inferSelect;
export type Bewilligung = typeof bewilligungen.$inferSelect;
export type BewilligungMonat = typeof bewilligungMonate.$inferSelect;
export type BescheidRow = typeof bescheide.$inferSelect;
export type Zahllauf = typeof zahllaeufe.$inferSelect;
export type ZahlungRow = typeof zahlungen.$inferSelect;
export type Massenaenderung = typeof massenaenderungen.$inferSelect;
export type Erstattungsforderung = typeof erstattungsforderungen.$inferSelect;
export type ErstattungVorgang = typeof erstattungVorgaenge.$inferSelect;
export type Aufrechnung = typeof aufrechnungen.$inferSelect;
