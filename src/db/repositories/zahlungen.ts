import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { buchungen, zahllaeufe, zahlungen } from '../schema/index.ts';

export const zahlungRepository = {
  async offenerLauf(tx: Tx, zahlmonat: string) {
    const [r] = await tx
      .select()
      .from(zahllaeufe)
      .where(and(eq(zahllaeufe.zahlmonat, zahlmonat), eq(zahllaeufe.status, 'laufend')))
      .limit(1);
    return r;
  },
  async naechsteNr(tx: Tx, zahlmonat: string) {
    const [r] = await tx.select({ n: sql<number>`coalesce(max(${zahllaeufe.nr}), 0)::int` }).from(zahllaeufe).where(eq(zahllaeufe.zahlmonat, zahlmonat));
    return (r?.n ?? 0) + 1;
  },
  async insertLauf(tx: Tx, row: typeof zahllaeufe.$inferInsert) {
    const [r] = await tx.insert(zahllaeufe).values(row).returning();
    return r!;
  },
  async updateLauf(tx: Tx, id: string, patch: Partial<typeof zahllaeufe.$inferInsert>) {
    const [r] = await tx.update(zahllaeufe).set(patch).where(eq(zahllaeufe.id, id)).returning();
    return r;
  },
  async findLauf(tx: Tx, id: string) {
    const [r] = await tx.select().from(zahllaeufe).where(eq(zahllaeufe.id, id)).limit(1);
    return r;
  },
  async listLaeufe(tx: Tx) {
    return tx
      .select({
        id: zahllaeufe.id,
        zahlmonat: zahllaeufe.zahlmonat,
        nr: zahllaeufe.nr,
        status: zahllaeufe.status,
        startedAt: zahllaeufe.startedAt,
        finishedAt: zahllaeufe.finishedAt,
        anzahl: zahllaeufe.anzahl,
        summeCent: zahllaeufe.summeCent,
        zurueckgestellt: zahllaeufe.zurueckgestellt,
        hatDatei: sql<boolean>`${zahllaeufe.pain001} is not null`,
      })
      .from(zahllaeufe)
      .orderBy(desc(zahllaeufe.zahlmonat), desc(zahllaeufe.nr));
  },
  /** All keys of payments already recorded (idempotency). */
  async schluessel(tx: Tx): Promise<Set<string>> {
    const rows = await tx.select({ s: zahlungen.schluessel }).from(zahlungen);
    return new Set(rows.map((r) => r.s));
  },
  /** Inserts payments; a key already present is skipped (ON CONFLICT DO NOTHING). Returns the inserted rows. */
  async insertZahlungen(tx: Tx, rows: (typeof zahlungen.$inferInsert)[]) {
    if (rows.length === 0) return [];
    return tx
      .insert(zahlungen)
      .values(rows)
      .onConflictDoNothing({ target: [zahlungen.traegerId, zahlungen.schluessel] })
      .returning({ id: zahlungen.id, schluessel: zahlungen.schluessel });
  },
  async insertBuchungen(tx: Tx, rows: (typeof buchungen.$inferInsert)[]) {
    if (rows.length === 0) return;
    await tx.insert(buchungen).values(rows).onConflictDoNothing({ target: [buchungen.traegerId, buchungen.schluessel] });
  },
  async zahlungenDesLaufs(tx: Tx, zahllaufId: string) {
    return tx.select().from(zahlungen).where(eq(zahlungen.zahllaufId, zahllaufId)).orderBy(asc(zahlungen.schluessel));
  },
  async zahlungenByBg(tx: Tx, bgId: string) {
    return tx
      .select({
        id: zahlungen.id,
        art: zahlungen.art,
        leistungsmonat: zahlungen.leistungsmonat,
        zahlmonat: zahlungen.zahlmonat,
        betragCent: zahlungen.betragCent,
        ibanMaskiert: zahlungen.ibanMaskiert,
      })
      .from(zahlungen)
      .where(eq(zahlungen.bgId, bgId))
      .orderBy(desc(zahlungen.leistungsmonat));
  },
  async buchungenBis(tx: Tx, von: string, bis: string) {
    return tx
      .select()
      .from(buchungen)
      .where(and(gte(buchungen.zahlmonat, von), lte(buchungen.zahlmonat, bis)));
  },
};
