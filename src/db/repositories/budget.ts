import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import type { BudgetTitel, Instrument } from '../../domain/foerdern/typen.ts';
import { eingliederungsbudgets, massnahmeTeilnahmen, massnahmen, mittelAuszahlungen, mittelbindungen, standorte } from '../schema/index.ts';

/** What was paid against each Mittelbindung (subquery). */
const gezahlt = (tx: Tx) =>
  tx
    .select({ id: mittelAuszahlungen.mittelbindungId, summe: sql<number>`coalesce(sum(${mittelAuszahlungen.betragCent}), 0)::bigint`.as('summe') })
    .from(mittelAuszahlungen)
    .groupBy(mittelAuszahlungen.mittelbindungId)
    .as('gezahlt');

export type BindungMitZahlung = typeof mittelbindungen.$inferSelect & { ausgezahltCent: number };

/**
 * Eingliederungsbudget: Soll per Haushaltsjahr and Titel, Mittelbindungen and the payments against them (tenant
 * transaction; RLS limits every query to the actor's Träger).
 */
export const budgetRepository = {
  async sollListe(tx: Tx, jahre?: readonly number[]) {
    return tx
      .select()
      .from(eingliederungsbudgets)
      .where(jahre ? inArray(eingliederungsbudgets.haushaltsjahr, [...jahre]) : undefined)
      .orderBy(asc(eingliederungsbudgets.haushaltsjahr), asc(eingliederungsbudgets.titel));
  },

  async findSoll(tx: Tx, haushaltsjahr: number, titel: BudgetTitel) {
    const [r] = await tx
      .select()
      .from(eingliederungsbudgets)
      .where(and(eq(eingliederungsbudgets.haushaltsjahr, haushaltsjahr), eq(eingliederungsbudgets.titel, titel)))
      .limit(1);
    return r;
  },

  /** First entry of a year's Soll; undefined when a concurrent first entry won. */
  async insertSoll(tx: Tx, row: { traegerId: string; haushaltsjahr: number; titel: BudgetTitel; sollCent: number; bemerkung: string | null }) {
    const [r] = await tx.insert(eingliederungsbudgets).values(row).onConflictDoNothing().returning();
    return r;
  },

  /** Optimistic locking: undefined when the stored version is not `version`. */
  async updateSoll(tx: Tx, id: string, version: number, werte: { sollCent: number; bemerkung: string | null }) {
    const [r] = await tx
      .update(eingliederungsbudgets)
      .set({ ...werte, version: sql`${eingliederungsbudgets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(eingliederungsbudgets.id, id), eq(eingliederungsbudgets.version, version)))
      .returning();
    return r;
  },

  /**
   * Locks the budget rows of a Titel for the years (SELECT … FOR UPDATE, in ascending order so that two callers
   * never wait on each other crosswise): whoever checks and binds next waits until this transaction ends and then
   * sees its bindings. Returns the Soll per year (years without a row: no Soll).
   */
  async sperreSoll(tx: Tx, titel: BudgetTitel, jahre: readonly number[]): Promise<Map<number, number>> {
    if (jahre.length === 0) return new Map();
    const rows = await tx
      .select({ haushaltsjahr: eingliederungsbudgets.haushaltsjahr, sollCent: eingliederungsbudgets.sollCent })
      .from(eingliederungsbudgets)
      .where(and(eq(eingliederungsbudgets.titel, titel), inArray(eingliederungsbudgets.haushaltsjahr, [...new Set(jahre)])))
      .orderBy(asc(eingliederungsbudgets.haushaltsjahr))
      .for('update');
    return new Map(rows.map((r) => [r.haushaltsjahr, r.sollCent]));
  },

  /** Bound (after releases) and paid per year of a Titel: what the free budget is computed from. */
  async verbrauchJeJahr(tx: Tx, titel: BudgetTitel, jahre: readonly number[]): Promise<Map<number, { gebundenCent: number; ausgezahltCent: number }>> {
    if (jahre.length === 0) return new Map();
    const g = gezahlt(tx);
    const rows = await tx
      .select({
        haushaltsjahr: mittelbindungen.haushaltsjahr,
        betrag: sql<string>`coalesce(sum(${mittelbindungen.betragCent} - ${mittelbindungen.aufgeloestCent}), 0)`,
        bezahlt: sql<string>`coalesce(sum(${g.summe}), 0)`,
      })
      .from(mittelbindungen)
      .leftJoin(g, eq(g.id, mittelbindungen.id))
      .where(and(eq(mittelbindungen.titel, titel), inArray(mittelbindungen.haushaltsjahr, [...new Set(jahre)])))
      .groupBy(mittelbindungen.haushaltsjahr);
    return new Map(rows.map((r) => [r.haushaltsjahr, { gebundenCent: Number(r.betrag) - Number(r.bezahlt), ausgezahltCent: Number(r.bezahlt) }]));
  },

  /** Every binding aggregated by year, Titel, instrument and Standort, with what was paid (for the overview). */
  async bindungenAggregiert(tx: Tx) {
    const g = gezahlt(tx);
    const rows = await tx
      .select({
        haushaltsjahr: mittelbindungen.haushaltsjahr,
        titel: mittelbindungen.titel,
        instrument: mittelbindungen.instrument,
        standortId: mittelbindungen.standortId,
        betrag: sql<string>`sum(${mittelbindungen.betragCent})`,
        aufgeloest: sql<string>`sum(${mittelbindungen.aufgeloestCent})`,
        bezahlt: sql<string>`coalesce(sum(${g.summe}), 0)`,
      })
      .from(mittelbindungen)
      .leftJoin(g, eq(g.id, mittelbindungen.id))
      .groupBy(mittelbindungen.haushaltsjahr, mittelbindungen.titel, mittelbindungen.instrument, mittelbindungen.standortId);
    return rows.map((r) => ({
      haushaltsjahr: r.haushaltsjahr,
      titel: r.titel,
      instrument: r.instrument,
      standortId: r.standortId,
      betragCent: Number(r.betrag),
      aufgeloestCent: Number(r.aufgeloest),
      ausgezahltCent: Number(r.bezahlt),
    }));
  },

  async insertBindungen(
    tx: Tx,
    rows: { traegerId: string; haushaltsjahr: number; titel: BudgetTitel; instrument: Instrument; standortId: string; teilnahmeId?: string | null; foerderleistungId?: string | null; betragCent: number }[],
  ) {
    if (rows.length === 0) return [];
    return tx.insert(mittelbindungen).values(rows).returning();
  },

  /** The bindings of a Teilnahme or a Förderleistung with what was paid, locked for the change (FOR UPDATE). */
  async bindungenVon(tx: Tx, bezug: { teilnahmeId: string } | { foerderleistungId: string }): Promise<BindungMitZahlung[]> {
    const bedingung = 'teilnahmeId' in bezug ? eq(mittelbindungen.teilnahmeId, bezug.teilnahmeId) : eq(mittelbindungen.foerderleistungId, bezug.foerderleistungId);
    const rows = await tx.select().from(mittelbindungen).where(bedingung).orderBy(asc(mittelbindungen.haushaltsjahr)).for('update');
    if (rows.length === 0) return [];
    const summen = await tx
      .select({ id: mittelAuszahlungen.mittelbindungId, summe: sql<string>`sum(${mittelAuszahlungen.betragCent})` })
      .from(mittelAuszahlungen)
      .where(inArray(mittelAuszahlungen.mittelbindungId, rows.map((r) => r.id)))
      .groupBy(mittelAuszahlungen.mittelbindungId);
    const m = new Map(summen.map((s) => [s.id, Number(s.summe)]));
    return rows.map((r) => ({ ...r, ausgezahltCent: m.get(r.id) ?? 0 }));
  },

  async loese(tx: Tx, id: string, zusaetzlichCent: number) {
    if (zusaetzlichCent <= 0) return;
    await tx
      .update(mittelbindungen)
      .set({ aufgeloestCent: sql`${mittelbindungen.aufgeloestCent} + ${zusaetzlichCent}`, version: sql`${mittelbindungen.version} + 1`, updatedAt: new Date() })
      .where(eq(mittelbindungen.id, id));
  },

  async insertAuszahlung(tx: Tx, row: typeof mittelAuszahlungen.$inferInsert) {
    const [r] = await tx.insert(mittelAuszahlungen).values(row).returning();
    return r!;
  },

  /** The Teilnahme with the cost data of its Maßnahme (for releasing its binding). */
  async teilnahmeMitKosten(tx: Tx, teilnahmeId: string) {
    const [r] = await tx
      .select({
        id: massnahmeTeilnahmen.id,
        personId: massnahmeTeilnahmen.personId,
        status: massnahmeTeilnahmen.status,
        geplantVon: massnahmeTeilnahmen.geplantVon,
        geplantBis: massnahmeTeilnahmen.geplantBis,
        eintrittAm: massnahmeTeilnahmen.eintrittAm,
        kostenJePlatzCent: massnahmen.kostenJePlatzCent,
        kostenart: massnahmen.kostenart,
        massnahme: massnahmen.bezeichnung,
        instrument: massnahmen.instrument,
      })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(eq(massnahmeTeilnahmen.id, teilnahmeId))
      .limit(1);
    return r;
  },

  /** Open (not fully paid or released) bindings of Teilnahmen, for the invoice form: Maßnahme and year, no person data. */
  async offeneTeilnahmeBindungen(tx: Tx) {
    const g = gezahlt(tx);
    return tx
      .select({
        teilnahmeId: mittelbindungen.teilnahmeId,
        haushaltsjahr: mittelbindungen.haushaltsjahr,
        titel: mittelbindungen.titel,
        massnahme: massnahmen.bezeichnung,
        offen: sql<string>`${mittelbindungen.betragCent} - ${mittelbindungen.aufgeloestCent} - coalesce(${g.summe}, 0)`,
      })
      .from(mittelbindungen)
      .leftJoin(g, eq(g.id, mittelbindungen.id))
      .innerJoin(massnahmeTeilnahmen, and(eq(massnahmeTeilnahmen.traegerId, mittelbindungen.traegerId), eq(massnahmeTeilnahmen.id, mittelbindungen.teilnahmeId)))
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(sql`${mittelbindungen.betragCent} - ${mittelbindungen.aufgeloestCent} - coalesce(${g.summe}, 0) > 0`)
      .orderBy(asc(massnahmen.bezeichnung), asc(mittelbindungen.haushaltsjahr));
  },

  async standortNamen(tx: Tx) {
    return tx.select({ id: standorte.id, name: standorte.name }).from(standorte);
  },
};
