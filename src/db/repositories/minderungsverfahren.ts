import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AnlassArt, VerfahrenEreignis, VerfahrenStatus } from '../../domain/fordern/typen.ts';
import type { Tx } from '../client.ts';
import {
  bedarfsgemeinschaften,
  bgMitgliedschaften,
  einladungen,
  kooperationsplaene,
  leistungsminderungen,
  massnahmeTeilnahmen,
  massnahmen,
  minderungsverfahren,
  termine,
  users,
  wiedervorlagen,
  type LeistungsminderungRow,
  type MinderungsverfahrenRow,
} from '../schema/index.ts';

/**
 * Fordern (docs/fordern.md, "Verfahren"): the Minderungsverfahren and the decided Leistungsminderungen as lists and
 * pages read them, the Anlässe without a procedure, and the running Aktenzeichen. Sections: Verfahren lesen ·
 * Verfahren schreiben · Anlässe · Leistungsminderungen. (The Anhörung and the decision have their own repositories:
 * fordern-anhoerung.ts, fordern-entscheidung.ts.)
 */

/** Standorte a list is limited to: 'alle' (Träger-wide) or a list (empty = nothing). */
export type Standorte = 'alle' | string[];

const imStandort = (col: AnyPgColumn, s: Standorte): SQL | undefined => (s === 'alle' ? undefined : s.length ? inArray(col, s) : sql`false`);

/** States in which a procedure is still open (Frist läuft). */
export const OFFENE_STATUS = ['erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich'] as const satisfies readonly VerfahrenStatus[];

/** The person's current name (latest Stammdaten), for lists. */
const nameVon = (traegerId: AnyPgColumn, personId: AnyPgColumn) =>
  sql<string>`(select s.vorname || ' ' || s.nachname from person_stammdaten s where s.traeger_id = ${traegerId} and s.person_id = ${personId} order by s.gueltig_von desc limit 1)`;

/** Join condition: the BG of a row (same Träger). */
const bgVon = (t: { traegerId: AnyPgColumn; bgId: AnyPgColumn }) => and(eq(bedarfsgemeinschaften.traegerId, t.traegerId), eq(bedarfsgemeinschaften.id, t.bgId));

/** The columns every Anlass row starts with (the BG joined by `bgVon`). */
const anlassKopf = <T extends { id: AnyPgColumn; traegerId: AnyPgColumn; personId: AnyPgColumn; bgId: AnyPgColumn }>(t: T) => ({
  id: t.id as T['id'],
  personId: t.personId as T['personId'],
  bgId: t.bgId as T['bgId'],
  fallnummer: bedarfsgemeinschaften.fallnummer,
  standortId: bedarfsgemeinschaften.standortId,
  name: nameVon(t.traegerId, t.personId),
});

/** Day (Europe/Berlin) of an appointment. */
const terminTag = sql<string>`to_char(${termine.beginn} at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;

const istOffen = sql<boolean>`${minderungsverfahren.status} in ('erfasst', 'anhoerung', 'entscheidung', 'freigabe_erforderlich')`;
/** The nearest deadline of an open procedure: the Anhörungsfrist while it runs, else the Feststellungsfrist. */
const naechsteFrist = sql<string | null>`case when not ${istOffen} then null
  when ${minderungsverfahren.status} = 'anhoerung' and ${minderungsverfahren.anhoerungFrist} is not null then to_char(least(${minderungsverfahren.anhoerungFrist}, ${minderungsverfahren.fristEnde}), 'YYYY-MM-DD')
  else to_char(${minderungsverfahren.fristEnde}, 'YYYY-MM-DD') end`;

/** Columns of a procedure without the stored PDFs (also the Anhörung's repository, fordern-anhoerung.ts). */
export const verfahrenSpalten = {
  id: minderungsverfahren.id,
  traegerId: minderungsverfahren.traegerId,
  personId: minderungsverfahren.personId,
  bgId: minderungsverfahren.bgId,
  aktenzeichen: minderungsverfahren.aktenzeichen,
  anlassArt: minderungsverfahren.anlassArt,
  anlassId: minderungsverfahren.anlassId,
  anlassText: minderungsverfahren.anlassText,
  tatbestand: minderungsverfahren.tatbestand,
  pflichtverletzungAm: minderungsverfahren.pflichtverletzungAm,
  fristEnde: minderungsverfahren.fristEnde,
  belehrungArt: minderungsverfahren.belehrungArt,
  belehrungAm: minderungsverfahren.belehrungAm,
  belehrungText: minderungsverfahren.belehrungText,
  belehrungZugangArt: minderungsverfahren.belehrungZugangArt,
  belehrungZugangAm: minderungsverfahren.belehrungZugangAm,
  status: minderungsverfahren.status,
  anhoerungArt: minderungsverfahren.anhoerungArt,
  anhoerungAm: minderungsverfahren.anhoerungAm,
  anhoerungFrist: minderungsverfahren.anhoerungFrist,
  anhoerungSprache: minderungsverfahren.anhoerungSprache,
  hatAnhoerungPdf: sql<boolean>`${minderungsverfahren.anhoerungPdf} is not null`,
  anhoerungPostfachId: minderungsverfahren.anhoerungPostfachId,
  anhoerungTerminId: minderungsverfahren.anhoerungTerminId,
  antwortText: minderungsverfahren.antwortText,
  antwortAm: minderungsverfahren.antwortAm,
  antwortKanal: minderungsverfahren.antwortKanal,
  antwortDateiIds: minderungsverfahren.antwortDateiIds,
  wichtigerGrund: minderungsverfahren.wichtigerGrund,
  wichtigerGrundWuerdigung: minderungsverfahren.wichtigerGrundWuerdigung,
  haerte: minderungsverfahren.haerte,
  haerteWuerdigung: minderungsverfahren.haerteWuerdigung,
  entscheidung: minderungsverfahren.entscheidung,
  entschiedenAm: minderungsverfahren.entschiedenAm,
  entschiedenVon: minderungsverfahren.entschiedenVon,
  freigegebenVon: minderungsverfahren.freigegebenVon,
  freigegebenAm: minderungsverfahren.freigegebenAm,
  bescheidAm: minderungsverfahren.bescheidAm,
  bekanntgabeAm: minderungsverfahren.bekanntgabeAm,
  hatBescheidPdf: sql<boolean>`${minderungsverfahren.bescheidPdf} is not null`,
  bescheidPostfachId: minderungsverfahren.bescheidPostfachId,
  einstellungsgrund: minderungsverfahren.einstellungsgrund,
  wiedervorlageId: minderungsverfahren.wiedervorlageId,
  verlauf: minderungsverfahren.verlauf,
  createdBy: minderungsverfahren.createdBy,
  createdAt: minderungsverfahren.createdAt,
  updatedAt: minderungsverfahren.updatedAt,
  version: minderungsverfahren.version,
};

/** A procedure with the BG's Fallnummer and Standort (the reach of a reader) and the person's name. */
export type VerfahrenMitKontext = Awaited<ReturnType<typeof minderungsverfahrenRepository.findMitKontext>> & {};

/** One row of the list of procedures. */
export type VerfahrenZeile = Awaited<ReturnType<typeof minderungsverfahrenRepository.liste>>['zeilen'][number];

/** A possible Anlass without a procedure (Anlässe list, /fordern). */
export type AnlassZeile = {
  anlassArt: AnlassArt;
  anlassId: string;
  personId: string;
  bgId: string;
  fallnummer: string;
  standortId: string;
  name: string;
  /** day of the Pflichtverletzung (missed appointment, Austritt, planned start, step due) */
  tag: string;
  /** what happened, short (for the list) */
  beschreibung: string;
  /** whether a written Rechtsfolgenbelehrung is on record (Einladung: its text; Zuweisung: mit_rechtsfolgenbelehrung) */
  belehrung: boolean;
  /** Einladung only: how it reached the person (null: not recorded) */
  zugangArt: string | null;
  zugangAm: string | null;
};

export const minderungsverfahrenRepository = {
  // ------------------------------------------------------------------------------------------------ Verfahren lesen

  async find(tx: Tx, id: string): Promise<MinderungsverfahrenRow | undefined> {
    const [r] = await tx.select().from(minderungsverfahren).where(eq(minderungsverfahren.id, id));
    return r;
  },

  /** The procedure (without PDFs) with Fallnummer and Standort of its BG and the person's name; `sperren` locks the row. */
  async findMitKontext(tx: Tx, id: string, sperren = false) {
    const q = tx
      .select({ v: verfahrenSpalten, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId, name: nameVon(minderungsverfahren.traegerId, minderungsverfahren.personId) })
      .from(minderungsverfahren)
      .innerJoin(bedarfsgemeinschaften, bgVon(minderungsverfahren))
      .where(eq(minderungsverfahren.id, id));
    const [r] = sperren ? await q.for('update', { of: minderungsverfahren }) : await q;
    return r && { ...r.v, fallnummer: r.fallnummer, standortId: r.standortId, name: r.name ?? '' };
  },

  /** The procedure already opened for an Anlass (one per Anlass, unique index). */
  async findZuAnlass(tx: Tx, anlassArt: AnlassArt, anlassId: string): Promise<{ id: string; aktenzeichen: string } | undefined> {
    const [r] = await tx
      .select({ id: minderungsverfahren.id, aktenzeichen: minderungsverfahren.aktenzeichen })
      .from(minderungsverfahren)
      .where(and(eq(minderungsverfahren.anlassArt, anlassArt), eq(minderungsverfahren.anlassId, anlassId)));
    return r;
  },

  /**
   * Procedures in the Standorte, open ones first by nearest deadline, then the closed ones (latest change first);
   * with counts per status (for the filter) over the same reach, person and BG.
   */
  async liste(tx: Tx, f: { standorte: Standorte; status?: VerfahrenStatus | 'offen' | undefined; personId?: string | undefined; bgId?: string | undefined; limit: number }) {
    const basis = and(
      imStandort(bedarfsgemeinschaften.standortId, f.standorte),
      f.personId ? eq(minderungsverfahren.personId, f.personId) : undefined,
      f.bgId ? eq(minderungsverfahren.bgId, f.bgId) : undefined,
    );
    const statusFilter = f.status === 'offen' ? istOffen : f.status ? eq(minderungsverfahren.status, f.status) : undefined;
    const join = bgVon(minderungsverfahren);
    const rows = await tx
      .select({
        id: minderungsverfahren.id,
        aktenzeichen: minderungsverfahren.aktenzeichen,
        personId: minderungsverfahren.personId,
        bgId: minderungsverfahren.bgId,
        fallnummer: bedarfsgemeinschaften.fallnummer,
        name: nameVon(minderungsverfahren.traegerId, minderungsverfahren.personId),
        anlassArt: minderungsverfahren.anlassArt,
        tatbestand: minderungsverfahren.tatbestand,
        status: minderungsverfahren.status,
        pflichtverletzungAm: minderungsverfahren.pflichtverletzungAm,
        fristEnde: minderungsverfahren.fristEnde,
        anhoerungFrist: minderungsverfahren.anhoerungFrist,
        antwortAm: minderungsverfahren.antwortAm,
        naechsteFrist,
        offen: istOffen,
        updatedAt: minderungsverfahren.updatedAt,
      })
      .from(minderungsverfahren)
      .innerJoin(bedarfsgemeinschaften, join)
      .where(and(basis, statusFilter))
      .orderBy(sql`${istOffen} desc`, sql`${naechsteFrist} asc nulls last`, desc(minderungsverfahren.updatedAt), asc(minderungsverfahren.aktenzeichen))
      .limit(f.limit + 1);
    const anzahl = await tx
      .select({ status: minderungsverfahren.status, n: sql<number>`count(*)::int` })
      .from(minderungsverfahren)
      .innerJoin(bedarfsgemeinschaften, join)
      .where(basis)
      .groupBy(minderungsverfahren.status);
    return { zeilen: rows.slice(0, f.limit).map((r) => ({ ...r, name: r.name ?? '' })), mehr: rows.length > f.limit, anzahl: Object.fromEntries(anzahl.map((a) => [a.status, a.n])) as Partial<Record<VerfahrenStatus, number>> };
  },

  /** All procedures of a person (newest Pflichtverletzung first), for the procedure page's "earlier procedures". */
  async derPerson(tx: Tx, personId: string) {
    return tx
      .select({
        id: minderungsverfahren.id,
        aktenzeichen: minderungsverfahren.aktenzeichen,
        tatbestand: minderungsverfahren.tatbestand,
        status: minderungsverfahren.status,
        pflichtverletzungAm: minderungsverfahren.pflichtverletzungAm,
        einstellungsgrund: minderungsverfahren.einstellungsgrund,
      })
      .from(minderungsverfahren)
      .where(eq(minderungsverfahren.personId, personId))
      .orderBy(desc(minderungsverfahren.pflichtverletzungAm), desc(minderungsverfahren.createdAt));
  },

  /** Is the person a member of the BG (in the BG, not only the household) on `tag`? */
  async inBgAmTag(tx: Tx, personId: string, bgId: string, tag: string): Promise<boolean> {
    const [r] = await tx
      .select({ id: bgMitgliedschaften.id })
      .from(bgMitgliedschaften)
      .where(
        and(
          eq(bgMitgliedschaften.personId, personId),
          eq(bgMitgliedschaften.bgId, bgId),
          eq(bgMitgliedschaften.inBg, true),
          sql`${bgMitgliedschaften.gueltigVon} <= ${tag}::date and (${bgMitgliedschaften.gueltigBis} is null or ${bgMitgliedschaften.gueltigBis} >= ${tag}::date)`,
        ),
      )
      .limit(1);
    return !!r;
  },

  // ------------------------------------------------------------------------------------------- Verfahren schreiben

  /**
   * The next Aktenzeichen of the Träger for the year: "M-<year>-<6 digits>". Takes a transaction-level advisory lock
   * per Träger and year, so two procedures opened at once get different numbers (the unique index stays the last
   * guard); the lock ends with the transaction.
   */
  async naechstesAktenzeichen(tx: Tx, traegerId: string, jahr: string): Promise<string> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`minderungsverfahren-az:${traegerId}:${jahr}`}, 0))`);
    const praefix = `M-${jahr}-`;
    const [r] = await tx
      .select({ max: sql<number | null>`max(right(${minderungsverfahren.aktenzeichen}, 6)::int)` })
      .from(minderungsverfahren)
      .where(and(eq(minderungsverfahren.traegerId, traegerId), sql`${minderungsverfahren.aktenzeichen} ~ ${`^M-${jahr}-[0-9]{6}$`}`));
    return `${praefix}${String((r?.max ?? 0) + 1).padStart(6, '0')}`;
  },

  async insert(tx: Tx, row: typeof minderungsverfahren.$inferInsert): Promise<{ id: string; version: number; aktenzeichen: string }> {
    const [r] = await tx.insert(minderungsverfahren).values(row).returning({ id: minderungsverfahren.id, version: minderungsverfahren.version, aktenzeichen: minderungsverfahren.aktenzeichen });
    return r!;
  },

  /** Optimistic update (version +1), optionally appending an entry to the history; undefined when the version is stale. */
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof minderungsverfahren.$inferInsert>, ereignis?: VerfahrenEreignis) {
    const [r] = await tx
      .update(minderungsverfahren)
      .set({
        ...patch,
        ...(ereignis ? { verlauf: sql`${minderungsverfahren.verlauf} || ${JSON.stringify([ereignis])}::jsonb` } : {}),
        version: sql`${minderungsverfahren.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(minderungsverfahren.id, id), eq(minderungsverfahren.version, version)))
      .returning({ id: minderungsverfahren.id, version: minderungsverfahren.version, status: minderungsverfahren.status });
    return r;
  },

  /** Of these Postfach messages, the ones that delivered a Minderungsbescheid (not the decision on an Antrag). */
  async minderungsbescheidNachrichten(tx: Tx, nachrichtIds: string[]): Promise<Set<string>> {
    if (!nachrichtIds.length) return new Set();
    const rows = await tx.select({ id: minderungsverfahren.bescheidPostfachId }).from(minderungsverfahren).where(inArray(minderungsverfahren.bescheidPostfachId, nachrichtIds));
    return new Set(rows.map((r) => r.id).filter((id): id is string => !!id));
  },

  /**
   * Closes the procedure's open Wiedervorlagen (bezug_id = procedure): the Feststellungsfrist warning ('minderung_frist')
   * and the 'allgemein' ones such as "Antwort im Bürgerportal eingegangen"; their ids.
   */
  async erledigeFristWiedervorlagen(tx: Tx, verfahrenId: string, am: Date, von: string): Promise<string[]> {
    const rows = await tx
      .update(wiedervorlagen)
      .set({ erledigtAm: am, erledigtVon: von, version: sql`${wiedervorlagen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(wiedervorlagen.bezugId, verfahrenId), inArray(wiedervorlagen.art, ['minderung_frist', 'allgemein']), isNull(wiedervorlagen.erledigtAm)))
      .returning({ id: wiedervorlagen.id });
    return rows.map((r) => r.id);
  },

  // ------------------------------------------------------------------------------------------------------- Anlässe

  /** Einladungen with the result "nicht erschienen ohne wichtigen Grund" on or after `seit`, without a procedure. */
  async meldeversaeumnisseOhneVerfahren(tx: Tx, f: { standorte: Standorte; seit: string; personId?: string | undefined }): Promise<AnlassZeile[]> {
    const rows = await tx
      .select({
        ...anlassKopf(einladungen),
        tag: terminTag,
        zugangArt: einladungen.zugangArt,
        zugangAm: einladungen.zugangAm,
      })
      .from(einladungen)
      .innerJoin(termine, and(eq(termine.traegerId, einladungen.traegerId), eq(termine.id, einladungen.terminId)))
      .innerJoin(bedarfsgemeinschaften, bgVon(einladungen))
      .where(
        and(
          eq(einladungen.status, 'nicht_erschienen_ohne_wichtigen_grund'),
          sql`${einladungen.personId} is not null`,
          f.personId ? eq(einladungen.personId, f.personId) : undefined,
          sql`(${termine.beginn} at time zone 'Europe/Berlin')::date >= ${f.seit}::date`,
          imStandort(bedarfsgemeinschaften.standortId, f.standorte),
          sql`not exists (select 1 from minderungsverfahren v where v.traeger_id = ${einladungen.traegerId} and v.anlass_art = 'meldeversaeumnis' and v.anlass_id = ${einladungen.id})`,
        ),
      )
      .orderBy(asc(termine.beginn))
      .limit(500);
    return rows.map((r) => ({
      anlassArt: 'meldeversaeumnis' as const,
      anlassId: r.id,
      personId: r.personId!,
      bgId: r.bgId!,
      fallnummer: r.fallnummer,
      standortId: r.standortId,
      name: r.name ?? '',
      tag: r.tag,
      beschreibung: 'Meldetermin nicht wahrgenommen (ohne wichtigen Grund)',
      belehrung: true,
      zugangArt: r.zugangArt,
      zugangAm: r.zugangAm,
    }));
  },

  /**
   * Maßnahme-Teilnahmen: ended by Abbruch/Ausschluss on or after `seit` (anlass 'massnahme_abbruch', day of the
   * Austritt), and Zuweisungen whose planned start lies in [seit, heute) without an Eintritt (anlass 'zuweisung').
   */
  async teilnahmeAnlaesseOhneVerfahren(tx: Tx, f: { standorte: Standorte; seit: string; heute: string; personId?: string | undefined }): Promise<AnlassZeile[]> {
    const rows = await tx
      .select({
        ...anlassKopf(massnahmeTeilnahmen),
        status: massnahmeTeilnahmen.status,
        austrittAm: massnahmeTeilnahmen.austrittAm,
        austrittsgrund: massnahmeTeilnahmen.austrittsgrund,
        geplantVon: massnahmeTeilnahmen.geplantVon,
        mitRechtsfolgenbelehrung: massnahmeTeilnahmen.mitRechtsfolgenbelehrung,
        massnahme: massnahmen.bezeichnung,
      })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .innerJoin(bedarfsgemeinschaften, bgVon(massnahmeTeilnahmen))
      .where(
        and(
          sql`((${massnahmeTeilnahmen.status} = 'ausgetreten' and ${massnahmeTeilnahmen.austrittsgrund} in ('abbruch', 'ausschluss') and ${massnahmeTeilnahmen.austrittAm} >= ${f.seit}::date
               and not exists (select 1 from minderungsverfahren v where v.traeger_id = ${massnahmeTeilnahmen.traegerId} and v.anlass_art = 'massnahme_abbruch' and v.anlass_id = ${massnahmeTeilnahmen.id}))
            or (${massnahmeTeilnahmen.status} = 'zugewiesen' and ${massnahmeTeilnahmen.eintrittAm} is null and ${massnahmeTeilnahmen.geplantVon} >= ${f.seit}::date and ${massnahmeTeilnahmen.geplantVon} < ${f.heute}::date
               and not exists (select 1 from minderungsverfahren v where v.traeger_id = ${massnahmeTeilnahmen.traegerId} and v.anlass_art = 'zuweisung' and v.anlass_id = ${massnahmeTeilnahmen.id})))`,
          f.personId ? eq(massnahmeTeilnahmen.personId, f.personId) : undefined,
          imStandort(bedarfsgemeinschaften.standortId, f.standorte),
        ),
      )
      .limit(500);
    return rows.map((r) => {
      const abbruch = r.status === 'ausgetreten';
      return {
        anlassArt: abbruch ? ('massnahme_abbruch' as const) : ('zuweisung' as const),
        anlassId: r.id,
        personId: r.personId,
        bgId: r.bgId,
        fallnummer: r.fallnummer,
        standortId: r.standortId,
        name: r.name ?? '',
        tag: abbruch ? r.austrittAm! : r.geplantVon,
        beschreibung: abbruch ? `Maßnahme „${r.massnahme}“ ${r.austrittsgrund === 'ausschluss' ? 'nach Ausschluss beendet' : 'abgebrochen'}` : `Maßnahme „${r.massnahme}“ nicht angetreten`,
        belehrung: r.mitRechtsfolgenbelehrung,
        zugangArt: null,
        zugangAm: null,
      };
    });
  },

  /**
   * Verpflichtungen durch Verwaltungsakt (Kooperationsplan art 'verwaltungsakt', from 1.7.2026): a step of the person
   * due in [seit, heute) — a possible Anlass, to be checked whether it was done (the plan does not record that).
   * Day = the earliest such step's due date; one procedure per Verwaltungsakt.
   */
  async kooperationsplanAnlaesseOhneVerfahren(tx: Tx, f: { standorte: Standorte; seit: string; heute: string; personId?: string | undefined }): Promise<AnlassZeile[]> {
    const faellig = sql<string | null>`(select min(s->>'bis') from jsonb_array_elements(${kooperationsplaene.inhalt}->'schritte') s
      where s->>'wer' = 'person' and s->>'bis' >= ${f.seit} and s->>'bis' < ${f.heute})`;
    const rows = await tx
      .select({
        ...anlassKopf(kooperationsplaene),
        faellig,
        erstelltAm: kooperationsplaene.erstelltAm,
      })
      .from(kooperationsplaene)
      .innerJoin(bedarfsgemeinschaften, bgVon(kooperationsplaene))
      .where(
        and(
          eq(kooperationsplaene.art, 'verwaltungsakt'),
          sql`${faellig} is not null`,
          f.personId ? eq(kooperationsplaene.personId, f.personId) : undefined,
          imStandort(bedarfsgemeinschaften.standortId, f.standorte),
          sql`not exists (select 1 from minderungsverfahren v where v.traeger_id = ${kooperationsplaene.traegerId} and v.anlass_art = 'kooperationsplan' and v.anlass_id = ${kooperationsplaene.id})`,
        ),
      )
      .limit(500);
    return rows.map((r) => ({
      anlassArt: 'kooperationsplan' as const,
      anlassId: r.id,
      personId: r.personId,
      bgId: r.bgId,
      fallnummer: r.fallnummer,
      standortId: r.standortId,
      name: r.name ?? '',
      tag: r.faellig!,
      beschreibung: `Verpflichtung aus dem Verwaltungsakt vom ${r.erstelltAm.slice(8, 10)}.${r.erstelltAm.slice(5, 7)}.${r.erstelltAm.slice(0, 4)} fällig – bitte prüfen, ob sie erfüllt ist`,
      belehrung: true,
      zugangArt: null,
      zugangAm: null,
    }));
  },

  /** An Einladung as the start of a procedure: with the day of its appointment (Berlin time). */
  async einladungAnlass(tx: Tx, id: string) {
    const [r] = await tx
      .select({ e: einladungen, tag: terminTag })
      .from(einladungen)
      .innerJoin(termine, and(eq(termine.traegerId, einladungen.traegerId), eq(termine.id, einladungen.terminId)))
      .where(eq(einladungen.id, id));
    return r && { ...r.e, tag: r.tag };
  },

  /** A Maßnahme-Teilnahme as the start of a procedure, with the Maßnahme's name. */
  async teilnahmeAnlass(tx: Tx, id: string) {
    const [r] = await tx
      .select({ t: massnahmeTeilnahmen, massnahme: massnahmen.bezeichnung })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(eq(massnahmeTeilnahmen.id, id));
    return r && { ...r.t, massnahme: r.massnahme };
  },

  /** A Kooperationsplan (Verwaltungsakt) as the start of a procedure. */
  async kooperationsplanAnlass(tx: Tx, id: string) {
    const [r] = await tx
      .select({
        id: kooperationsplaene.id,
        personId: kooperationsplaene.personId,
        bgId: kooperationsplaene.bgId,
        art: kooperationsplaene.art,
        erstelltAm: kooperationsplaene.erstelltAm,
        inhalt: kooperationsplaene.inhalt,
        postfachNachrichtId: kooperationsplaene.postfachNachrichtId,
      })
      .from(kooperationsplaene)
      .where(eq(kooperationsplaene.id, id));
    return r;
  },

  // ------------------------------------------------------------------------------------------ Leistungsminderungen

  /** The person's decided Minderungen (all, also lifted ones), newest first, with the procedure's Aktenzeichen. */
  async minderungenDerPerson(tx: Tx, personId: string): Promise<(LeistungsminderungRow & { aktenzeichen: string })[]> {
    const rows = await tx
      .select({ m: leistungsminderungen, aktenzeichen: minderungsverfahren.aktenzeichen })
      .from(leistungsminderungen)
      .innerJoin(minderungsverfahren, and(eq(minderungsverfahren.traegerId, leistungsminderungen.traegerId), eq(minderungsverfahren.id, leistungsminderungen.verfahrenId)))
      .where(eq(leistungsminderungen.personId, personId))
      .orderBy(desc(leistungsminderungen.vonMonat), desc(leistungsminderungen.createdAt));
    return rows.map((r) => ({ ...r.m, aktenzeichen: r.aktenzeichen }));
  },

  // ------------------------------------------------------------------------------------------ demo letters

  /**
   * Across Träger: the demo procedures whose letters are not rendered yet (the seed may not import the PDF renderers
   * of src/server): a written Anhörung without its PDF, a decided Minderung without its Bescheid, with what the
   * letters need. Read by src/server/fordern/demo-schreiben.ts right after seeding.
   */
  async demoVerfahrenOhneSchreibenSystem(tx: Tx) {
    return tx
      .select({
        v: minderungsverfahren,
        standortId: bedarfsgemeinschaften.standortId,
        erstelltVon: users.name,
      })
      .from(minderungsverfahren)
      .innerJoin(bedarfsgemeinschaften, bgVon(minderungsverfahren))
      .innerJoin(users, and(eq(users.traegerId, minderungsverfahren.traegerId), eq(users.id, minderungsverfahren.createdBy)))
      .where(
        or(
          and(eq(minderungsverfahren.anhoerungArt, 'schriftlich'), isNotNull(minderungsverfahren.anhoerungAm), isNull(minderungsverfahren.anhoerungPdf)),
          and(isNotNull(minderungsverfahren.bescheidAm), isNull(minderungsverfahren.bescheidPdf)),
        ),
      )
      .orderBy(minderungsverfahren.aktenzeichen);
  },

  /** Stores the rendered letters of a demo procedure (no version bump: the demo procedure is as seeded). */
  async demoSchreibenSpeichern(tx: Tx, id: string, pdf: { anhoerungPdf?: Buffer; bescheidPdf?: Buffer }): Promise<void> {
    await tx.update(minderungsverfahren).set(pdf).where(eq(minderungsverfahren.id, id));
  },

  /** The person's Einladungen with the day of the appointment (Europe/Berlin) and their state, oldest first (Stufe, 2026 safeguards). */
  async einladungenDerPerson(tx: Tx, personId: string): Promise<{ tag: string; status: string }[]> {
    return tx
      .select({ tag: terminTag, status: einladungen.status })
      .from(einladungen)
      .innerJoin(termine, and(eq(termine.traegerId, einladungen.traegerId), eq(termine.id, einladungen.terminId)))
      .where(eq(einladungen.personId, personId))
      .orderBy(asc(termine.beginn));
  },
};
