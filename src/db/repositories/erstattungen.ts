import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, erstattungsforderungen, erstattungVorgaenge } from '../schema/index.ts';

/** Balance of a Forderung: NULL offen_cent means nothing has been booked yet. */
const offen = sql<number>`coalesce(${erstattungsforderungen.offenCent}, ${erstattungsforderungen.betragCent})`.mapWith(Number);

export type ErstattungsFilter = {
  standorte: 'alle' | string[];
  /** 'offen' = offen or niedergeschlagen (still owed), 'erledigt' = erledigt or erlassen */
  stand?: 'offen' | 'erledigt' | undefined;
  fallnummer?: string | undefined;
  limit?: number;
};

/** Erstattungsforderungen (§ 50 SGB X) and their history (Zahlungseingang, Stundung, Erlass, Niederschlagung). */
export const erstattungRepository = {
  async liste(tx: Tx, f: ErstattungsFilter) {
    const bedingungen: (SQL | undefined)[] = [
      f.standorte === 'alle' ? undefined : f.standorte.length ? inArray(bedarfsgemeinschaften.standortId, f.standorte) : sql`false`,
      f.stand === 'offen' ? inArray(erstattungsforderungen.status, ['offen', 'niedergeschlagen']) : undefined,
      f.stand === 'erledigt' ? inArray(erstattungsforderungen.status, ['erledigt', 'erlassen']) : undefined,
      f.fallnummer ? eq(bedarfsgemeinschaften.fallnummer, f.fallnummer) : undefined,
    ];
    return tx
      .select({ f: erstattungsforderungen, offenCent: offen, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId })
      .from(erstattungsforderungen)
      .innerJoin(
        bedarfsgemeinschaften,
        and(eq(bedarfsgemeinschaften.traegerId, erstattungsforderungen.traegerId), eq(bedarfsgemeinschaften.id, erstattungsforderungen.bgId)),
      )
      .where(and(...bedingungen))
      .orderBy(desc(erstattungsforderungen.createdAt))
      .limit(f.limit ?? 200);
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx
      .select({ f: erstattungsforderungen, offenCent: offen, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId })
      .from(erstattungsforderungen)
      .innerJoin(
        bedarfsgemeinschaften,
        and(eq(bedarfsgemeinschaften.traegerId, erstattungsforderungen.traegerId), eq(bedarfsgemeinschaften.id, erstattungsforderungen.bgId)),
      )
      .where(eq(erstattungsforderungen.id, id))
      .limit(1);
    return r;
  },
  async vorgaenge(tx: Tx, forderungId: string) {
    return tx.select().from(erstattungVorgaenge).where(eq(erstattungVorgaenge.forderungId, forderungId)).orderBy(asc(erstattungVorgaenge.createdAt));
  },
  async insertVorgang(tx: Tx, row: typeof erstattungVorgaenge.$inferInsert) {
    const [r] = await tx.insert(erstattungVorgaenge).values(row).returning();
    return r!;
  },
  /** Optimistic locking: undefined when `version` is no longer current. */
  async update(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<Pick<typeof erstattungsforderungen.$inferInsert, 'status' | 'offenCent' | 'stundungBis' | 'ratenCent' | 'erledigtAt'>>,
  ) {
    const [r] = await tx
      .update(erstattungsforderungen)
      .set({ ...patch, version: sql`${erstattungsforderungen.version} + 1` })
      .where(and(eq(erstattungsforderungen.id, id), eq(erstattungsforderungen.version, version)))
      .returning();
    return r;
  },
};
