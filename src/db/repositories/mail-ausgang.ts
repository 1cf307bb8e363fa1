import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { mailAusgang } from '../schema/index.ts';

export const mailAusgangRepository = {
  async insert(tx: Tx, row: typeof mailAusgang.$inferInsert) {
    const [r] = await tx.insert(mailAusgang).values(row).returning({ id: mailAusgang.id, traegerId: mailAusgang.traegerId });
    return r!;
  },
  /** Locks the given mails (or, without ids, up to `limit` due ones) for sending; rows another sender holds are skipped. */
  async sperreFaellige(tx: Tx, opts: { ids?: string[]; limit: number }) {
    return tx
      .select()
      .from(mailAusgang)
      .where(and(lte(mailAusgang.naechsterVersuch, sql`now()`), sql`${mailAusgang.verfaelltAm} > now()`, opts.ids ? inArray(mailAusgang.id, opts.ids) : undefined))
      .orderBy(asc(mailAusgang.naechsterVersuch))
      .limit(opts.limit)
      .for('update', { skipLocked: true });
  },
  async loesche(tx: Tx, traegerId: string, id: string) {
    await tx.delete(mailAusgang).where(and(eq(mailAusgang.traegerId, traegerId), eq(mailAusgang.id, id)));
  },
  /** A failed attempt: next try after an exponential back-off (1, 2, 4 … minutes, at most 6 hours). */
  async fehlgeschlagen(tx: Tx, traegerId: string, id: string, fehlerCode: string) {
    await tx
      .update(mailAusgang)
      .set({
        versuche: sql`${mailAusgang.versuche} + 1`,
        fehlerCode,
        naechsterVersuch: sql`now() + least(interval '6 hours', interval '1 minute' * power(2, ${mailAusgang.versuche}))`,
      })
      .where(and(eq(mailAusgang.traegerId, traegerId), eq(mailAusgang.id, id)));
  },
  /** Deletes the mails whose expiry has passed (never sent); returns their purposes for the log. */
  async loescheVerfallene(tx: Tx) {
    return tx.delete(mailAusgang).where(lte(mailAusgang.verfaelltAm, sql`now()`)).returning({ anlass: mailAusgang.anlass, versuche: mailAusgang.versuche });
  },
  async anzahl(tx: Tx) {
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(mailAusgang);
    return r?.n ?? 0;
  },
};
