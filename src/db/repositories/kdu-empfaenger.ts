import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { kduEmpfaenger, minderungsverfahren, zahlungen, type KduEmpfaengerRow } from '../schema/index.ts';

/**
 * Payees of a BG's KdU (§ 22 Abs. 7 SGB II; after a § 7b Abs. 4 lapse the landlord). Months 'YYYY-MM', `bisMonat`
 * null = open. The IBAN is stored encrypted; only the Zahllauf and the entry use case see it in clear.
 */
export const kduEmpfaengerRepository = {
  /**
   * Serialises entries and ends for one BG (two caseworkers entering overlapping payees at once: one waits, then sees
   * the other's row). Transaction-scoped, taken before the overlap check.
   */
  async sperreBg(tx: Tx, bgId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kdu-empfaenger:${bgId}`}, 0))`);
  },
  async derBg(tx: Tx, bgId: string): Promise<KduEmpfaengerRow[]> {
    return tx.select().from(kduEmpfaenger).where(eq(kduEmpfaenger.bgId, bgId)).orderBy(asc(kduEmpfaenger.vonMonat), asc(kduEmpfaenger.createdAt));
  },
  async find(tx: Tx, id: string): Promise<KduEmpfaengerRow | undefined> {
    const [r] = await tx.select().from(kduEmpfaenger).where(eq(kduEmpfaenger.id, id)).limit(1);
    return r;
  },
  /** Rows of the BG whose months overlap [von, bis] (bis null = open), except `ohneId`. */
  async ueberschneidend(tx: Tx, bgId: string, von: string, bis: string | null, ohneId?: string): Promise<KduEmpfaengerRow[]> {
    const rows = await tx
      .select()
      .from(kduEmpfaenger)
      .where(
        and(
          eq(kduEmpfaenger.bgId, bgId),
          or(isNull(kduEmpfaenger.bisMonat), gte(kduEmpfaenger.bisMonat, von)),
          bis === null ? undefined : lte(kduEmpfaenger.vonMonat, bis),
        ),
      );
    return ohneId ? rows.filter((r) => r.id !== ohneId) : rows;
  },
  async insert(tx: Tx, row: typeof kduEmpfaenger.$inferInsert): Promise<KduEmpfaengerRow> {
    const [r] = await tx.insert(kduEmpfaenger).values(row).returning();
    return r!;
  },
  /** Sets the last month (optimistic: only at `version`); undefined when the row changed meanwhile. */
  async beende(tx: Tx, id: string, version: number, bisMonat: string): Promise<KduEmpfaengerRow | undefined> {
    const [r] = await tx
      .update(kduEmpfaenger)
      .set({ bisMonat, version: version + 1, updatedAt: new Date() })
      .where(and(eq(kduEmpfaenger.id, id), eq(kduEmpfaenger.version, version)))
      .returning();
    return r;
  },
  /** The last Leistungsmonat whose KdU went to a payee of the BG (null: none yet). */
  async letzterGezahlterMonat(tx: Tx, bgId: string): Promise<string | null> {
    const [r] = await tx
      .select({ m: sql<string | null>`max(${zahlungen.leistungsmonat})` })
      .from(zahlungen)
      .where(and(eq(zahlungen.bgId, bgId), eq(zahlungen.art, 'kdu_empfaenger')));
    return r?.m ?? null;
  },
  /** Does the Minderungsverfahren exist for a person of this BG? (the optional link of an entry) */
  async verfahrenDerBg(tx: Tx, verfahrenId: string, bgId: string): Promise<boolean> {
    const [r] = await tx.select({ id: minderungsverfahren.id }).from(minderungsverfahren).where(and(eq(minderungsverfahren.id, verfahrenId), eq(minderungsverfahren.bgId, bgId))).limit(1);
    return r !== undefined;
  },
  /** Payees of the BGs covering any month up to `bisMonat` (the Zahllauf's Leistungsmonat). */
  async fuerZahllauf(tx: Tx, bgIds: readonly string[], bisMonat: string): Promise<KduEmpfaengerRow[]> {
    if (bgIds.length === 0) return [];
    return tx
      .select()
      .from(kduEmpfaenger)
      .where(and(inArray(kduEmpfaenger.bgId, [...bgIds]), lte(kduEmpfaenger.vonMonat, bisMonat)))
      .orderBy(asc(kduEmpfaenger.bgId), asc(kduEmpfaenger.vonMonat));
  },
};
