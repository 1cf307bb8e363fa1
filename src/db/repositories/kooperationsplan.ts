import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { PlanKommentar } from '../../domain/foerdern/typen.ts';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, bgMitgliedschaften, eigenbemuehungNachweise, kooperationsplaene, personStammdaten, schlichtungen, wiedervorlagen } from '../schema/index.ts';

/** Columns of a plan without the stored PDF (lists, pages). */
const planSpalten = {
  id: kooperationsplaene.id,
  traegerId: kooperationsplaene.traegerId,
  personId: kooperationsplaene.personId,
  bgId: kooperationsplaene.bgId,
  fassung: kooperationsplaene.fassung,
  vorgaengerId: kooperationsplaene.vorgaengerId,
  art: kooperationsplaene.art,
  status: kooperationsplaene.status,
  rechtsstand: kooperationsplaene.rechtsstand,
  erstelltAm: kooperationsplaene.erstelltAm,
  abgestimmtAm: kooperationsplaene.abgestimmtAm,
  eingliederungsziel: kooperationsplaene.eingliederungsziel,
  inhalt: kooperationsplaene.inhalt,
  naechsteUeberpruefung: kooperationsplaene.naechsteUeberpruefung,
  sprache: kooperationsplaene.sprache,
  hatDokument: sql<boolean>`${kooperationsplaene.dokumentPdf} is not null`,
  postfachNachrichtId: kooperationsplaene.postfachNachrichtId,
  wiedervorlageId: kooperationsplaene.wiedervorlageId,
  reaktion: kooperationsplaene.reaktion,
  reaktionAm: kooperationsplaene.reaktionAm,
  kommentare: kooperationsplaene.kommentare,
  createdBy: kooperationsplaene.createdBy,
  createdByName: kooperationsplaene.createdByName,
  createdAt: kooperationsplaene.createdAt,
  version: kooperationsplaene.version,
};

export type PlanZeile = Awaited<ReturnType<typeof kooperationsplanRepository.plaeneDerPerson>>[number];

/** Kooperationspläne, Schlichtungen and Eigenbemühungen proofs of a person (src/server/integration/kooperationsplan-*.ts). */
export const kooperationsplanRepository = {
  /**
   * The person's BG membership on `tag` (else the latest one) with the BG's Standort and the person's name then —
   * what every use case needs to check reach. undefined for an unknown person (or one of another Träger, RLS).
   */
  async personImFall(tx: Tx, personId: string, tag: string) {
    const [m] = await tx
      .select({ bgId: bgMitgliedschaften.bgId, standortId: bedarfsgemeinschaften.standortId, rolle: bgMitgliedschaften.rolle })
      .from(bgMitgliedschaften)
      .innerJoin(bedarfsgemeinschaften, eq(bedarfsgemeinschaften.id, bgMitgliedschaften.bgId))
      .where(eq(bgMitgliedschaften.personId, personId))
      .orderBy(
        sql`case when ${bgMitgliedschaften.gueltigVon} <= ${tag} and (${bgMitgliedschaften.gueltigBis} is null or ${bgMitgliedschaften.gueltigBis} >= ${tag}) then 0 else 1 end`,
        desc(bgMitgliedschaften.inBg),
        desc(bgMitgliedschaften.gueltigVon),
      )
      .limit(1);
    if (!m) return undefined;
    const [s] = await tx
      .select({ vorname: personStammdaten.vorname, nachname: personStammdaten.nachname, geburtsdatum: personStammdaten.geburtsdatum })
      .from(personStammdaten)
      .where(and(eq(personStammdaten.personId, personId), lte(personStammdaten.gueltigVon, tag)))
      .orderBy(desc(personStammdaten.gueltigVon))
      .limit(1);
    const [erste] = s
      ? [s]
      : await tx
          .select({ vorname: personStammdaten.vorname, nachname: personStammdaten.nachname, geburtsdatum: personStammdaten.geburtsdatum })
          .from(personStammdaten)
          .where(eq(personStammdaten.personId, personId))
          .orderBy(personStammdaten.gueltigVon)
          .limit(1);
    return { personId, ...m, vorname: erste?.vorname ?? '', nachname: erste?.nachname ?? '', geburtsdatum: erste?.geburtsdatum ?? '' };
  },

  /** Every version of the person's plans, newest first. */
  async plaeneDerPerson(tx: Tx, personId: string) {
    return tx.select(planSpalten).from(kooperationsplaene).where(eq(kooperationsplaene.personId, personId)).orderBy(desc(kooperationsplaene.fassung));
  },

  async findPlan(tx: Tx, id: string) {
    const [r] = await tx.select(planSpalten).from(kooperationsplaene).where(eq(kooperationsplaene.id, id));
    return r;
  },

  /** Locks the plan row for a change (FOR UPDATE), so two agreements of the same draft serialise. */
  async lockPlan(tx: Tx, id: string) {
    const [r] = await tx.select(planSpalten).from(kooperationsplaene).where(eq(kooperationsplaene.id, id)).for('update');
    return r;
  },

  async dokument(tx: Tx, id: string) {
    const [r] = await tx.select({ pdf: kooperationsplaene.dokumentPdf, fassung: kooperationsplaene.fassung, art: kooperationsplaene.art, personId: kooperationsplaene.personId }).from(kooperationsplaene).where(eq(kooperationsplaene.id, id));
    return r;
  },

  /**
   * Stores a document rendered later (only where none is stored; no version bump — the plan itself is unchanged).
   * Returns the stored document: the given one, or the one another request stored first.
   */
  async dokumentNachtragen(tx: Tx, id: string, pdf: Buffer): Promise<Buffer | null> {
    await tx.update(kooperationsplaene).set({ dokumentPdf: pdf, updatedAt: sql`now()` }).where(and(eq(kooperationsplaene.id, id), isNull(kooperationsplaene.dokumentPdf)));
    const [r] = await tx.select({ pdf: kooperationsplaene.dokumentPdf }).from(kooperationsplaene).where(eq(kooperationsplaene.id, id));
    return r?.pdf ?? null;
  },

  async naechsteFassung(tx: Tx, personId: string): Promise<number> {
    const [r] = await tx.select({ n: sql<number>`coalesce(max(${kooperationsplaene.fassung}), 0) + 1` }).from(kooperationsplaene).where(eq(kooperationsplaene.personId, personId));
    return Number(r?.n ?? 1);
  },

  async insertPlan(tx: Tx, row: typeof kooperationsplaene.$inferInsert) {
    const [r] = await tx.insert(kooperationsplaene).values(row).returning({ id: kooperationsplaene.id, version: kooperationsplaene.version, fassung: kooperationsplaene.fassung });
    return r!;
  },

  /** Appends a written answer of the citizen to the plan's history (no version bump: the plan itself is unchanged). */
  async kommentarAnhaengen(tx: Tx, id: string, k: PlanKommentar) {
    await tx
      .update(kooperationsplaene)
      .set({ kommentare: sql`${kooperationsplaene.kommentare} || ${JSON.stringify([k])}::jsonb`, updatedAt: sql`now()` })
      .where(eq(kooperationsplaene.id, id));
  },

  /** Optimistic update (version); undefined when someone else changed the plan in between. */
  async updatePlan(tx: Tx, id: string, version: number, patch: Partial<typeof kooperationsplaene.$inferInsert>) {
    const [r] = await tx
      .update(kooperationsplaene)
      .set({ ...patch, version: sql`${kooperationsplaene.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(kooperationsplaene.id, id), eq(kooperationsplaene.version, version)))
      .returning({ id: kooperationsplaene.id, version: kooperationsplaene.version });
    return r;
  },

  /** The plan in force (abgestimmt or nicht zustande gekommen / Verwaltungsakt) of each person of the BGs. */
  async geltendeDerBgs(tx: Tx, bgIds: string[]) {
    if (bgIds.length === 0) return [];
    return tx
      .select(planSpalten)
      .from(kooperationsplaene)
      .where(and(inArray(kooperationsplaene.bgId, bgIds), inArray(kooperationsplaene.status, ['abgestimmt', 'nicht_zustande_gekommen'])))
      .orderBy(kooperationsplaene.createdAt);
  },

  // ---- Schlichtung -------------------------------------------------------------------------------------------------
  async schlichtungenDerPerson(tx: Tx, personId: string) {
    return tx.select().from(schlichtungen).where(eq(schlichtungen.personId, personId)).orderBy(desc(schlichtungen.beginn));
  },
  async findSchlichtung(tx: Tx, id: string) {
    const [r] = await tx.select().from(schlichtungen).where(eq(schlichtungen.id, id)).for('update');
    return r;
  },
  async laufendeSchlichtung(tx: Tx, planId: string) {
    const [r] = await tx.select().from(schlichtungen).where(and(eq(schlichtungen.kooperationsplanId, planId), eq(schlichtungen.ergebnis, 'laufend')));
    return r;
  },
  async insertSchlichtung(tx: Tx, row: typeof schlichtungen.$inferInsert) {
    const [r] = await tx.insert(schlichtungen).values(row).returning();
    return r!;
  },
  async updateSchlichtung(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof schlichtungen.$inferInsert, 'ende' | 'ergebnis' | 'bemerkung' | 'schlichtende'>>) {
    const [r] = await tx
      .update(schlichtungen)
      .set({ ...patch, version: sql`${schlichtungen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(schlichtungen.id, id), eq(schlichtungen.version, version)))
      .returning();
    return r;
  },
  /** Schlichtungen of a person touching [von, bis] (for the Minderung check of issue #14). */
  async schlichtungenImZeitraum(tx: Tx, personId: string, von: string, bis: string) {
    return tx
      .select({ beginn: schlichtungen.beginn, ende: schlichtungen.ende, ergebnis: schlichtungen.ergebnis })
      .from(schlichtungen)
      .where(and(eq(schlichtungen.personId, personId), lte(schlichtungen.beginn, bis), gte(schlichtungen.ende, von)));
  },

  // ---- Eigenbemühungen ---------------------------------------------------------------------------------------------
  async nachweiseZumPlan(tx: Tx, planId: string) {
    return tx.select().from(eigenbemuehungNachweise).where(eq(eigenbemuehungNachweise.kooperationsplanId, planId)).orderBy(desc(eigenbemuehungNachweise.createdAt));
  },
  async findNachweis(tx: Tx, id: string) {
    const [r] = await tx.select().from(eigenbemuehungNachweise).where(eq(eigenbemuehungNachweise.id, id));
    return r;
  },
  async insertNachweis(tx: Tx, row: typeof eigenbemuehungNachweise.$inferInsert) {
    const [r] = await tx.insert(eigenbemuehungNachweise).values(row).returning({ id: eigenbemuehungNachweise.id });
    return r!;
  },

  /** Open review follow-ups of a plan (closed when the plan is fortgeschrieben). */
  async offeneUeberpruefungen(tx: Tx, planId: string) {
    return tx
      .select({ id: wiedervorlagen.id, version: wiedervorlagen.version })
      .from(wiedervorlagen)
      .where(and(eq(wiedervorlagen.bezugId, planId), eq(wiedervorlagen.art, 'kooperationsplan_ueberpruefung'), isNull(wiedervorlagen.erledigtAm)));
  },
  async wiedervorlage(tx: Tx, id: string) {
    const [r] = await tx.select({ id: wiedervorlagen.id, faelligAm: wiedervorlagen.faelligAm, erledigtAm: wiedervorlagen.erledigtAm }).from(wiedervorlagen).where(eq(wiedervorlagen.id, id));
    return r;
  },
};

/** Does a plan status count as "in force"? (for callers outside the use cases) */
export const GELTENDE_STATUS = ['abgestimmt', 'nicht_zustande_gekommen'] as const;
