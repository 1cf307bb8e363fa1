import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { antraege, antragEntwuerfe, bedarfsgemeinschaften, bgMitgliedschaften, personStammdaten, portalDateien, standorte, userStandorte, users, wiedervorlagen } from '../schema/index.ts';

export type VorratFilter = {
  standorte: 'alle' | string[];
  /** One Standort out of the visible ones. */
  standortId?: string;
  status?: string[];
  art?: string;
  /** 'niemand' = not assigned; otherwise a user id. */
  bearbeiter?: string;
  /** Only entries whose due date is on or before this day. */
  faelligBis?: string;
  limit?: number;
};

const bearbeiter = aliasedTable(users, 'bearbeiter');

/** Name of the current Antragsteller of a BG (for lists), NULL when none. */
const antragstellerName = sql<string | null>`(
  select s.nachname || ', ' || s.vorname
  from ${bgMitgliedschaften} m
  join ${personStammdaten} s on s.traeger_id = m.traeger_id and s.person_id = m.person_id and s.gueltig_bis is null
  where m.traeger_id = ${bedarfsgemeinschaften.traegerId} and m.bg_id = ${bedarfsgemeinschaften.id}
    and m.rolle = 'antragsteller' and m.gueltig_bis is null
  limit 1)`;

/** Name of the Antragsteller as the application states it (online Anträge without a Fallakte yet), NULL when none. */
const antragstellerLautAntrag = sql<string | null>`(
  select p->>'nachname' || ', ' || (p->>'vorname')
  from jsonb_array_elements(case when jsonb_typeof(${antraege.payload}->'daten'->'personen') = 'array'
                                 then ${antraege.payload}->'daten'->'personen' else '[]'::jsonb end) p
  where p->>'rolle' = 'antragsteller'
  limit 1)`;

function standortCond(col: typeof antraege.standortId, s: 'alle' | string[]): SQL | undefined | false {
  if (s === 'alle') return undefined;
  if (s.length === 0) return false;
  return inArray(col, s);
}

export const antraegeRepository = {
  async insert(tx: Tx, row: typeof antraege.$inferInsert) {
    const [created] = await tx.insert(antraege).values(row).returning();
    return created!;
  },

  async find(tx: Tx, id: string) {
    const [row] = await tx.select().from(antraege).where(eq(antraege.id, id)).limit(1);
    return row;
  },

  async update(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof antraege.$inferInsert, 'status' | 'bearbeiterId' | 'faelligAm' | 'erledigtAm' | 'bgId' | 'standortId' | 'payload' | 'bewilligungId'>>) {
    const [row] = await tx
      .update(antraege)
      .set({ ...patch, version: sql`${antraege.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(antraege.id, id), eq(antraege.version, version)))
      .returning();
    return row;
  },

  /** Open Anträge of a BG move to its new Standort (after a move); their assignment ends. */
  async verschiebeOffene(tx: Tx, bgId: string, standortId: string): Promise<number> {
    const rows = await tx
      .update(antraege)
      .set({ standortId, bearbeiterId: null, version: sql`${antraege.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(antraege.bgId, bgId), inArray(antraege.status, ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen'])))
      .returning({ id: antraege.id });
    return rows.length;
  },

  listByBg: (tx: Tx, bgId: string) =>
    tx
      .select({ antrag: antraege, bearbeiterName: bearbeiter.name })
      .from(antraege)
      .leftJoin(bearbeiter, and(eq(bearbeiter.traegerId, antraege.traegerId), eq(bearbeiter.id, antraege.bearbeiterId)))
      .where(eq(antraege.bgId, bgId))
      .orderBy(desc(antraege.antragsdatum)),

  /** The work queue: applications of the Standorte with filters, oldest first. */
  async vorrat(tx: Tx, f: VorratFilter) {
    const conds: SQL[] = [];
    const sc = standortCond(antraege.standortId, f.standorte);
    if (sc === false) return [];
    if (sc) conds.push(sc);
    if (f.standortId) conds.push(eq(antraege.standortId, f.standortId));
    if (f.status?.length) conds.push(inArray(antraege.status, f.status));
    if (f.art) conds.push(eq(antraege.art, f.art));
    if (f.bearbeiter === 'niemand') conds.push(isNull(antraege.bearbeiterId));
    else if (f.bearbeiter) conds.push(eq(antraege.bearbeiterId, f.bearbeiter));
    if (f.faelligBis) conds.push(and(isNotNull(antraege.faelligAm), lte(antraege.faelligAm, f.faelligBis))!);
    return tx
      .select({
        antrag: antraege,
        fallnummer: bedarfsgemeinschaften.fallnummer,
        antragsteller: antragstellerName,
        antragstellerLautAntrag,
        standort: standorte.name,
        bearbeiterName: bearbeiter.name,
      })
      .from(antraege)
      .innerJoin(standorte, and(eq(standorte.traegerId, antraege.traegerId), eq(standorte.id, antraege.standortId)))
      .leftJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, antraege.traegerId), eq(bedarfsgemeinschaften.id, antraege.bgId)))
      .leftJoin(bearbeiter, and(eq(bearbeiter.traegerId, antraege.traegerId), eq(bearbeiter.id, antraege.bearbeiterId)))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(antraege.faelligAm), asc(antraege.antragsdatum), asc(antraege.createdAt))
      .limit(f.limit ?? 200);
  },

  /** The citizen's submitted draft of an online Antrag (encrypted answers, submission time), if any. */
  async eingereichterEntwurf(tx: Tx, antragId: string) {
    const [row] = await tx
      .select()
      .from(antragEntwuerfe)
      .where(and(eq(antragEntwuerfe.antragId, antragId), eq(antragEntwuerfe.status, 'eingereicht')))
      .limit(1);
    return row;
  },

  /** Names and state of the files the citizen uploaded with the Antrag (not message attachments). */
  async hochgeladeneDateien(tx: Tx, antragId: string, entwurfId?: string) {
    const wo = entwurfId ? or(eq(portalDateien.antragId, antragId), eq(portalDateien.entwurfId, entwurfId)) : eq(portalDateien.antragId, antragId);
    return tx
      .select({ dateiname: portalDateien.dateiname, status: portalDateien.status, nachweis: portalDateien.nachweis, createdAt: portalDateien.createdAt })
      .from(portalDateien)
      .where(and(wo, isNull(portalDateien.nachrichtId)))
      .orderBy(asc(portalDateien.createdAt));
  },

  /** Persons (current Stammdaten) with this name and birth date, with their open-ended BG membership if any. */
  async personenMitNameUndGeburt(tx: Tx, p: { vorname: string; nachname: string; geburtsdatum: string }) {
    return tx
      .select({ personId: personStammdaten.personId, bgId: bgMitgliedschaften.bgId, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId, bgStatus: bedarfsgemeinschaften.status })
      .from(personStammdaten)
      .leftJoin(
        bgMitgliedschaften,
        and(eq(bgMitgliedschaften.traegerId, personStammdaten.traegerId), eq(bgMitgliedschaften.personId, personStammdaten.personId), isNull(bgMitgliedschaften.gueltigBis)),
      )
      .leftJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bgMitgliedschaften.traegerId), eq(bedarfsgemeinschaften.id, bgMitgliedschaften.bgId)))
      .where(
        and(
          isNull(personStammdaten.gueltigBis),
          sql`lower(${personStammdaten.vorname}) = lower(${p.vorname})`,
          sql`lower(${personStammdaten.nachname}) = lower(${p.nachname})`,
          eq(personStammdaten.geburtsdatum, p.geburtsdatum),
        ),
      )
      .limit(10);
  },

  /** Open applications (not decided, not withdrawn) of the Standorte. */
  async anzahlOffen(tx: Tx, s: 'alle' | string[]): Promise<number> {
    const sc = standortCond(antraege.standortId, s);
    if (sc === false) return 0;
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(antraege)
      .where(and(inArray(antraege.status, ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen']), sc));
    return row?.n ?? 0;
  },

  /** Active staff who work for one of the Standorte and may work on cases (assignment targets). */
  async kollegen(tx: Tx, standortIds: string[]) {
    if (standortIds.length === 0) return [];
    return tx
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(userStandorte, and(eq(userStandorte.traegerId, users.traegerId), eq(userStandorte.userId, users.id)))
      .where(
        and(
          inArray(userStandorte.standortId, standortIds),
          eq(users.aktiv, true),
          eq(users.art, 'staff'),
          sql`${users.roles} && array['leistung','teamleitung']::text[]`,
        ),
      )
      .orderBy(asc(users.name));
  },

  /** Standorte of a user (to check an assignment target). */
  async standorteVon(tx: Tx, userId: string): Promise<string[]> {
    const rows = await tx.select({ id: userStandorte.standortId }).from(userStandorte).where(eq(userStandorte.userId, userId));
    return rows.map((r) => r.id);
  },

  // ---------- Wiedervorlagen ----------

  async insertWiedervorlage(tx: Tx, row: typeof wiedervorlagen.$inferInsert) {
    const [created] = await tx.insert(wiedervorlagen).values(row).returning();
    return created!;
  },

  async findWiedervorlage(tx: Tx, id: string) {
    const [row] = await tx.select().from(wiedervorlagen).where(eq(wiedervorlagen.id, id)).limit(1);
    return row;
  },

  async updateWiedervorlage(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof wiedervorlagen.$inferInsert, 'erledigtAm' | 'erledigtVon' | 'zugewiesenAn' | 'faelligAm' | 'grund'>>) {
    const [row] = await tx
      .update(wiedervorlagen)
      .set({ ...patch, version: sql`${wiedervorlagen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(wiedervorlagen.id, id), eq(wiedervorlagen.version, version)))
      .returning();
    return row;
  },

  listWiedervorlagenByBg: (tx: Tx, bgId: string) =>
    tx
      .select({ wiedervorlage: wiedervorlagen, zugewiesenName: bearbeiter.name })
      .from(wiedervorlagen)
      .leftJoin(bearbeiter, and(eq(bearbeiter.traegerId, wiedervorlagen.traegerId), eq(bearbeiter.id, wiedervorlagen.zugewiesenAn)))
      .where(eq(wiedervorlagen.bgId, bgId))
      .orderBy(asc(wiedervorlagen.faelligAm)),

  /** Open follow-ups due on or before `bis` in BGs of the Standorte; optionally only one assignee's. */
  async faelligeWiedervorlagen(tx: Tx, f: { standorte: 'alle' | string[]; bis: string; zugewiesenAn?: string }) {
    const conds: SQL[] = [isNull(wiedervorlagen.erledigtAm), lte(wiedervorlagen.faelligAm, f.bis)];
    if (f.standorte !== 'alle') {
      if (f.standorte.length === 0) return [];
      conds.push(inArray(bedarfsgemeinschaften.standortId, f.standorte));
    }
    if (f.zugewiesenAn) conds.push(eq(wiedervorlagen.zugewiesenAn, f.zugewiesenAn));
    return tx
      .select({ wiedervorlage: wiedervorlagen, fallnummer: bedarfsgemeinschaften.fallnummer, antragsteller: antragstellerName, zugewiesenName: bearbeiter.name })
      .from(wiedervorlagen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, wiedervorlagen.traegerId), eq(bedarfsgemeinschaften.id, wiedervorlagen.bgId)))
      .leftJoin(bearbeiter, and(eq(bearbeiter.traegerId, wiedervorlagen.traegerId), eq(bearbeiter.id, wiedervorlagen.zugewiesenAn)))
      .where(and(...conds))
      .orderBy(asc(wiedervorlagen.faelligAm))
      .limit(500);
  },
};
