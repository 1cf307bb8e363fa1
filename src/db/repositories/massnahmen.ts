import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { massnahmeKontingente, massnahmeTeilnahmen, massnahmen, standorte } from '../schema/index.ts';

/** Statuses that hold a place of a Kontingent (src/domain/foerdern/typen.ts PLATZ_BELEGENDE_STATUS). */
const BELEGEND = ['zugewiesen', 'eingetreten'] as const;
const WARTEND = ['warteliste'] as const;

/**
 * The Träger's Maßnahmen catalogue and its Kontingente (places per Standort and period). RLS keeps every query
 * inside the actor's Träger; an id of another Träger is simply not found.
 */
export const massnahmenRepository = {
  async list(tx: Tx, o: { nurAktiv?: boolean } = {}) {
    return tx
      .select()
      .from(massnahmen)
      .where(o.nurAktiv ? eq(massnahmen.aktiv, true) : undefined)
      .orderBy(asc(massnahmen.bezeichnung));
  },

  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(massnahmen).where(eq(massnahmen.id, id)).limit(1);
    return r;
  },

  async insert(tx: Tx, row: typeof massnahmen.$inferInsert) {
    const [r] = await tx.insert(massnahmen).values(row).returning();
    return r!;
  },

  async update(tx: Tx, id: string, version: number, patch: Partial<typeof massnahmen.$inferInsert>) {
    const [r] = await tx
      .update(massnahmen)
      .set({ ...patch, version: sql`${massnahmen.version} + 1`, updatedAt: new Date() })
      .where(and(eq(massnahmen.id, id), eq(massnahmen.version, version)))
      .returning();
    return r;
  },

  /** Kontingente of one or all Maßnahmen with the Standort's name and how many places are taken / waiting. */
  async kontingente(tx: Tx, massnahmeIds?: readonly string[]) {
    if (massnahmeIds && massnahmeIds.length === 0) return [];
    const belegt = sql<number>`(select count(*)::int from ${massnahmeTeilnahmen} t where t.traeger_id = ${massnahmeKontingente.traegerId} and t.kontingent_id = ${massnahmeKontingente.id} and t.status in ('zugewiesen', 'eingetreten'))`;
    const wartend = sql<number>`(select count(*)::int from ${massnahmeTeilnahmen} t where t.traeger_id = ${massnahmeKontingente.traegerId} and t.kontingent_id = ${massnahmeKontingente.id} and t.status = 'warteliste')`;
    return tx
      .select({
        id: massnahmeKontingente.id,
        massnahmeId: massnahmeKontingente.massnahmeId,
        standortId: massnahmeKontingente.standortId,
        standortName: standorte.name,
        gueltigVon: massnahmeKontingente.gueltigVon,
        gueltigBis: massnahmeKontingente.gueltigBis,
        plaetze: massnahmeKontingente.plaetze,
        version: massnahmeKontingente.version,
        belegt,
        wartend,
      })
      .from(massnahmeKontingente)
      .innerJoin(standorte, and(eq(standorte.traegerId, massnahmeKontingente.traegerId), eq(standorte.id, massnahmeKontingente.standortId)))
      .where(massnahmeIds ? inArray(massnahmeKontingente.massnahmeId, [...massnahmeIds]) : undefined)
      .orderBy(asc(standorte.name), asc(massnahmeKontingente.gueltigVon));
  },

  async findKontingent(tx: Tx, id: string) {
    const [r] = await tx.select().from(massnahmeKontingente).where(eq(massnahmeKontingente.id, id)).limit(1);
    return r;
  },

  async insertKontingent(tx: Tx, row: typeof massnahmeKontingente.$inferInsert) {
    const [r] = await tx.insert(massnahmeKontingente).values(row).returning();
    return r!;
  },

  async updateKontingent(tx: Tx, id: string, version: number, patch: Partial<typeof massnahmeKontingente.$inferInsert>) {
    const [r] = await tx
      .update(massnahmeKontingente)
      .set({ ...patch, version: sql`${massnahmeKontingente.version} + 1`, updatedAt: new Date() })
      .where(and(eq(massnahmeKontingente.id, id), eq(massnahmeKontingente.version, version)))
      .returning();
    return r;
  },

  /** Highest place number in use (a Kontingent cannot shrink below it). */
  async hoechsterBelegterPlatz(tx: Tx, kontingentId: string): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`coalesce(max(${massnahmeTeilnahmen.platzNr}), 0)::int` })
      .from(massnahmeTeilnahmen)
      .where(and(eq(massnahmeTeilnahmen.kontingentId, kontingentId), inArray(massnahmeTeilnahmen.status, [...BELEGEND])));
    return r?.n ?? 0;
  },

  /** Active Standorte of the Träger (choice for a new Kontingent). */
  async standorte(tx: Tx) {
    return tx.select({ id: standorte.id, name: standorte.name }).from(standorte).where(eq(standorte.aktiv, true)).orderBy(asc(standorte.name));
  },

  /** How many wait for a place of the Kontingent. */
  async wartende(tx: Tx, kontingentId: string): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(massnahmeTeilnahmen)
      .where(and(eq(massnahmeTeilnahmen.kontingentId, kontingentId), inArray(massnahmeTeilnahmen.status, [...WARTEND])));
    return r?.n ?? 0;
  },
};

export type KontingentZeile = Awaited<ReturnType<typeof massnahmenRepository.kontingente>>[number];
