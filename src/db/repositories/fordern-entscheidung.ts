import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { leistungsminderungen, minderungsverfahren, users, type LeistungsminderungRow, type MinderungsverfahrenRow } from '../schema/index.ts';

/**
 * Fordern, the decision (slice D, docs/fordern.md "Entscheidung und Bescheid"): the procedure row with optimistic
 * locking, the decided Minderungen of a person and the facts the Stufe needs (earlier Minderungen, Einladungen, the
 * person's Regelbedarfsstufe in the approved Bewilligung).
 */
export const fordernEntscheidungRepository = {
  /** `sperren`: row lock until the end of the transaction (a second decision waits, then sees the new version). */
  async findVerfahren(tx: Tx, id: string, sperren = false): Promise<MinderungsverfahrenRow | undefined> {
    const q = tx.select().from(minderungsverfahren).where(eq(minderungsverfahren.id, id));
    const [r] = sperren ? await q.for('update') : await q;
    return r;
  },

  /** Optimistic locking: undefined when `version` is no longer current (another person decided first). */
  async updateVerfahren(tx: Tx, id: string, version: number, patch: Partial<typeof minderungsverfahren.$inferInsert>): Promise<MinderungsverfahrenRow | undefined> {
    const [r] = await tx
      .update(minderungsverfahren)
      .set({ ...patch, version: sql`${minderungsverfahren.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(minderungsverfahren.id, id), eq(minderungsverfahren.version, version)))
      .returning();
    return r;
  },

  /** Display name of a staff account (who decided / approved). */
  async nutzerName(tx: Tx, id: string | null): Promise<string | null> {
    if (!id) return null;
    const [r] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
    return r?.name ?? null;
  },

  async minderungDesVerfahrens(tx: Tx, verfahrenId: string): Promise<LeistungsminderungRow | undefined> {
    const [r] = await tx.select().from(leistungsminderungen).where(eq(leistungsminderungen.verfahrenId, verfahrenId));
    return r;
  },

  async insertMinderung(tx: Tx, row: typeof leistungsminderungen.$inferInsert): Promise<LeistungsminderungRow> {
    const [r] = await tx.insert(leistungsminderungen).values(row).returning();
    return r!;
  },

  async updateMinderung(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof leistungsminderungen.$inferInsert, 'beendetAbMonat' | 'beendetGrund' | 'aufgehobenAm' | 'aufhebungGrund'>>) {
    const [r] = await tx
      .update(leistungsminderungen)
      .set({ ...patch, version: sql`${leistungsminderungen.version} + 1` })
      .where(and(eq(leistungsminderungen.id, id), eq(leistungsminderungen.version, version)))
      .returning();
    return r;
  },

  /**
   * The person's Regelbedarfsstufe as the approved Bewilligung of the BG computed it: the month itself, else the
   * nearest earlier month, else the nearest later one. null without any approved month of the person.
   */
  async regelbedarfsstufe(tx: Tx, bgId: string, personId: string, monat: string): Promise<{ stufe: number; monat: string } | null> {
    const r = await tx.execute<{ monat: string; stufe: number | null }>(sql`
      select bm.monat, (p->>'regelbedarfsstufe')::int as stufe
      from bewilligung_monate bm
      join bewilligungen b on b.traeger_id = bm.traeger_id and b.id = bm.bewilligung_id
      cross join lateral jsonb_array_elements(bm.personen) p
      where b.bg_id = ${bgId}::uuid and b.status = 'bewilligt' and p->>'id' = ${personId}
        and p->>'regelbedarfsstufe' is not null
      order by (bm.monat > ${monat}), abs((substr(bm.monat, 1, 4)::int * 12 + substr(bm.monat, 6, 2)::int) - ${Number(monat.slice(0, 4)) * 12 + Number(monat.slice(5, 7))})
      limit 1`);
    const z = r.rows[0];
    return z && z.stufe !== null ? { stufe: Number(z.stufe), monat: String(z.monat) } : null;
  },

  /** Number of persons belonging to the BG on `tag` (in_bg memberships). */
  async personenInBg(tx: Tx, bgId: string, tag: string): Promise<number> {
    const r = await tx.execute<{ n: number }>(sql`
      select count(distinct person_id)::int as n from bg_mitgliedschaften
      where bg_id = ${bgId}::uuid and in_bg and gueltig_von <= ${tag}::date and (gueltig_bis is null or gueltig_bis >= ${tag}::date)`);
    return Number(r.rows[0]?.n ?? 0);
  },
};
