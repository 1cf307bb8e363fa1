import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, bescheide, massenaenderungen, massenaenderungFaelle } from '../schema/index.ts';

export const massenaenderungRepository = {
  async insert(tx: Tx, row: typeof massenaenderungen.$inferInsert) {
    const [r] = await tx.insert(massenaenderungen).values(row).returning();
    return r!;
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(massenaenderungen).where(eq(massenaenderungen.id, id)).limit(1);
    return r;
  },
  async list(tx: Tx) {
    return tx.select().from(massenaenderungen).orderBy(desc(massenaenderungen.startedAt));
  },
  async laufende(tx: Tx) {
    return tx.select().from(massenaenderungen).where(eq(massenaenderungen.status, 'laufend'));
  },
  async update(tx: Tx, id: string, patch: Partial<typeof massenaenderungen.$inferInsert>) {
    const [r] = await tx
      .update(massenaenderungen)
      .set({ ...patch, updatedAt: new Date(), version: sql`${massenaenderungen.version} + 1` })
      .where(eq(massenaenderungen.id, id))
      .returning();
    return r;
  },
  /** Adds the counts of one batch (in the batch's transaction). */
  async zaehle(tx: Tx, id: string, d: { verarbeitet: number; geaendert: number; bescheide: number; fehler: number }) {
    await tx
      .update(massenaenderungen)
      .set({
        verarbeitet: sql`${massenaenderungen.verarbeitet} + ${d.verarbeitet}`,
        geaendert: sql`${massenaenderungen.geaendert} + ${d.geaendert}`,
        bescheide: sql`${massenaenderungen.bescheide} + ${d.bescheide}`,
        fehler: sql`${massenaenderungen.fehler} + ${d.fehler}`,
        updatedAt: new Date(),
      })
      .where(eq(massenaenderungen.id, id));
  },
  async insertFaelle(tx: Tx, rows: (typeof massenaenderungFaelle.$inferInsert)[]) {
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into massenaenderung_faelle (traeger_id, massenaenderung_id, bewilligung_id, bg_id, geaendert, neue_bewilligung_id,
        bescheid_id, fehler, differenz_cent)
      select x."traegerId", x."massenaenderungId", x."bewilligungId", x."bgId", x.geaendert, x."neueBewilligungId", x."bescheidId",
        x.fehler, x."differenzCent"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("traegerId" uuid, "massenaenderungId" uuid, "bewilligungId" uuid,
        "bgId" uuid, geaendert boolean, "neueBewilligungId" uuid, "bescheidId" uuid, fehler text, "differenzCent" bigint)`);
  },
  /** Changed cases whose Änderungsbescheid (reserved id) has not been written yet – for the background pass. */
  async offeneBescheide(tx: Tx, id: string, limit: number) {
    return tx
      .select()
      .from(massenaenderungFaelle)
      .where(
        and(
          eq(massenaenderungFaelle.massenaenderungId, id),
          sql`${massenaenderungFaelle.bescheidId} is not null`,
          sql`not exists (select 1 from bescheide b where b.traeger_id = ${massenaenderungFaelle.traegerId} and b.id = ${massenaenderungFaelle.bescheidId})`,
        ),
      )
      .limit(limit);
  },
  async anzahlBescheideErstellt(tx: Tx, id: string) {
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(bescheide).where(eq(bescheide.massenaenderungId, id));
    return r?.n ?? 0;
  },
  async faelle(tx: Tx, id: string, opts: { nurGeaendert?: boolean; limit?: number } = {}) {
    return tx
      .select({ f: massenaenderungFaelle, fallnummer: bedarfsgemeinschaften.fallnummer })
      .from(massenaenderungFaelle)
      .innerJoin(
        bedarfsgemeinschaften,
        and(eq(bedarfsgemeinschaften.traegerId, massenaenderungFaelle.traegerId), eq(bedarfsgemeinschaften.id, massenaenderungFaelle.bgId)),
      )
      .where(and(eq(massenaenderungFaelle.massenaenderungId, id), opts.nurGeaendert ? eq(massenaenderungFaelle.geaendert, true) : undefined))
      .orderBy(asc(bedarfsgemeinschaften.fallnummer))
      .limit(opts.limit ?? 200);
  },
};

/** Jobs of every Träger that were running when the server stopped (system look-up at start-up). */
export async function laufendeMassenaenderungenAllerTraeger(db: { withSystem: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }) {
  return db.withSystem((tx) =>
    tx.select({ id: massenaenderungen.id, traegerId: massenaenderungen.traegerId }).from(massenaenderungen).where(eq(massenaenderungen.status, 'laufend')),
  );
}
