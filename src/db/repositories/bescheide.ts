import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bescheide } from '../schema/index.ts';

export const bescheidRepository = {
  async insert(tx: Tx, row: typeof bescheide.$inferInsert) {
    const [r] = await tx.insert(bescheide).values(row).returning({ id: bescheide.id, createdAt: bescheide.createdAt });
    return r!;
  },
  async insertMany(tx: Tx, rows: (typeof bescheide.$inferInsert)[]) {
    if (rows.length) await tx.insert(bescheide).values(rows).onConflictDoNothing({ target: [bescheide.traegerId, bescheide.id] });
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(bescheide).where(eq(bescheide.id, id)).limit(1);
    return r;
  },
  async listByBg(tx: Tx, bgId: string) {
    return tx
      .select({
        id: bescheide.id,
        art: bescheide.art,
        datum: bescheide.datum,
        bewilligungId: bescheide.bewilligungId,
        sha256: bescheide.sha256,
        hatPdf: sql<boolean>`${bescheide.pdf} is not null`,
        createdAt: bescheide.createdAt,
      })
      .from(bescheide)
      .where(eq(bescheide.bgId, bgId))
      .orderBy(desc(bescheide.createdAt));
  },
  async ohnePdf(tx: Tx, limit: number) {
    return tx.select({ id: bescheide.id, modell: bescheide.modell }).from(bescheide).where(isNull(bescheide.pdf)).orderBy(asc(bescheide.createdAt)).limit(limit);
  },
  async setPdf(tx: Tx, id: string, pdf: Buffer, pdfSha256: string) {
    await tx.update(bescheide).set({ pdf, pdfSha256 }).where(and(eq(bescheide.id, id), isNull(bescheide.pdf)));
  },
};


export async function bescheideOhnePdfDesJobs(tx: Tx, massenaenderungId: string, limit: number) {
  return tx
    .select({ id: bescheide.id, modell: bescheide.modell })
    .from(bescheide)
    .where(and(eq(bescheide.massenaenderungId, massenaenderungId), isNull(bescheide.pdf)))
    .limit(limit);
}
