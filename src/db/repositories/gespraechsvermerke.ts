import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { einladungen, gespraechsvermerke, termine, wiedervorlagen, type Gespraechsvermerk } from '../schema/index.ts';

/** A Termin of the person (staff invitation naming the person), as the Gesprächsvermerk form offers it. */
export type TerminDerPerson = {
  terminId: string;
  beginn: Date;
  kanal: string;
  terminStatus: string;
  standortId: string;
  einladungId: string;
  einladungStatus: string;
  einladungVersion: number;
};

export const gespraechsvermerkeRepository = {
  async insert(tx: Tx, row: typeof gespraechsvermerke.$inferInsert): Promise<Gespraechsvermerk> {
    const [created] = await tx.insert(gespraechsvermerke).values(row).returning();
    return created!;
  },

  /** The person's notes, newest first. */
  async liste(tx: Tx, personId: string, limit = 200): Promise<Gespraechsvermerk[]> {
    return tx
      .select()
      .from(gespraechsvermerke)
      .where(eq(gespraechsvermerke.personId, personId))
      .orderBy(desc(gespraechsvermerke.datum), desc(gespraechsvermerke.createdAt))
      .limit(limit);
  },

  /** Termine the person was invited to (newest first) — the ones a Gesprächsvermerk can refer to. */
  async termineDerPerson(tx: Tx, personId: string, limit = 50): Promise<TerminDerPerson[]> {
    const rows = await tx
      .select({ t: termine, e: einladungen })
      .from(einladungen)
      .innerJoin(termine, and(eq(termine.traegerId, einladungen.traegerId), eq(termine.id, einladungen.terminId)))
      .where(eq(einladungen.personId, personId))
      .orderBy(desc(termine.beginn))
      .limit(limit);
    return rows.map((r) => ({
      terminId: r.t.id,
      beginn: r.t.beginn,
      kanal: r.t.kanal,
      terminStatus: r.t.status,
      standortId: r.t.standortId,
      einladungId: r.e.id,
      einladungStatus: r.e.status,
      einladungVersion: r.e.version,
    }));
  },

  /** Marks the person's open 'integration_kontakt' Wiedervorlagen as done (a conversation took place); their ids. */
  async erledigeKontaktWiedervorlagen(tx: Tx, personId: string, am: Date, von: string): Promise<string[]> {
    const rows = await tx
      .update(wiedervorlagen)
      .set({ erledigtAm: am, erledigtVon: von, version: sql`${wiedervorlagen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(wiedervorlagen.personId, personId), eq(wiedervorlagen.art, 'integration_kontakt'), isNull(wiedervorlagen.erledigtAm)))
      .returning({ id: wiedervorlagen.id });
    return rows.map((r) => r.id);
  },
};
