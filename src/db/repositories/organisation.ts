import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { kommunen, oidcProvider, standorte, traeger } from '../schema/index.ts';

export const organisationRepository = {
  async traeger(tx: Tx) {
    const [row] = await tx.select().from(traeger).limit(1);
    return row;
  },

  async updateTraeger(tx: Tx, patch: Partial<Pick<typeof traeger.$inferInsert, 'totpPflicht' | 'anschrift' | 'jobcenterName'>>) {
    const [row] = await tx.update(traeger).set({ ...patch, updatedAt: sql`now()` }).returning();
    return row;
  },

  listKommunen: (tx: Tx) => tx.select().from(kommunen).orderBy(asc(kommunen.name)),

  async findKommune(tx: Tx, id: string) {
    const [row] = await tx.select().from(kommunen).where(eq(kommunen.id, id)).limit(1);
    return row;
  },

  async insertKommune(tx: Tx, row: typeof kommunen.$inferInsert) {
    const [created] = await tx.insert(kommunen).values(row).returning();
    return created!;
  },

  async updateKommune(tx: Tx, id: string, version: number, patch: Partial<typeof kommunen.$inferInsert>) {
    const [row] = await tx
      .update(kommunen)
      .set({ ...patch, version: sql`${kommunen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(kommunen.id, id), eq(kommunen.version, version)))
      .returning();
    return row;
  },

  /** How many active Standorte lie in the Kommune (a Kommune with active Standorte stays active). */
  async countActiveStandorte(tx: Tx, kommuneId: string): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(standorte)
      .where(and(eq(standorte.kommuneId, kommuneId), eq(standorte.aktiv, true)));
    return row?.n ?? 0;
  },

  listStandorte: (tx: Tx) =>
    tx
      .select({ standort: standorte, kommune: kommunen.name })
      .from(standorte)
      .innerJoin(kommunen, and(eq(kommunen.traegerId, standorte.traegerId), eq(kommunen.id, standorte.kommuneId)))
      .orderBy(asc(standorte.name)),

  async findStandort(tx: Tx, id: string) {
    const [row] = await tx.select().from(standorte).where(eq(standorte.id, id)).limit(1);
    return row;
  },

  async insertStandort(tx: Tx, row: typeof standorte.$inferInsert) {
    const [created] = await tx.insert(standorte).values(row).returning();
    return created!;
  },

  async updateStandort(tx: Tx, id: string, version: number, patch: Partial<typeof standorte.$inferInsert>) {
    const [row] = await tx
      .update(standorte)
      .set({ ...patch, version: sql`${standorte.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(standorte.id, id), eq(standorte.version, version)))
      .returning();
    return row;
  },

  listOidcProviders: (tx: Tx) => tx.select().from(oidcProvider).orderBy(asc(oidcProvider.label)),

  async insertOidcProvider(tx: Tx, row: typeof oidcProvider.$inferInsert) {
    const [created] = await tx.insert(oidcProvider).values(row).returning();
    return created!;
  },

  async setOidcProviderActive(tx: Tx, id: string, aktiv: boolean) {
    const [row] = await tx.update(oidcProvider).set({ aktiv, updatedAt: sql`now()` }).where(eq(oidcProvider.id, id)).returning();
    return row;
  },
};
