import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, foerderleistungen, massnahmeTeilnahmen, massnahmen, mittelbindungen, zahlungen } from '../schema/index.ts';

export type FoerderleistungRow = typeof foerderleistungen.$inferSelect;

/** Individual payments to the person from the Eingliederungsbudget (tenant transaction; RLS limits to the Träger). */
export const foerderleistungenRepository = {
  async liste(tx: Tx, personId: string) {
    return tx.select().from(foerderleistungen).where(eq(foerderleistungen.personId, personId)).orderBy(desc(foerderleistungen.gueltigVon), desc(foerderleistungen.createdAt));
  },

  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(foerderleistungen).where(eq(foerderleistungen.id, id)).limit(1);
    return r;
  },

  async insert(tx: Tx, row: typeof foerderleistungen.$inferInsert) {
    const [r] = await tx.insert(foerderleistungen).values(row).returning();
    return r!;
  },

  /** Optimistic locking: undefined when the stored version is not `version`. */
  async beenden(tx: Tx, id: string, version: number, beendetAm: string) {
    const [r] = await tx
      .update(foerderleistungen)
      .set({ beendetAm, version: sql`${foerderleistungen.version} + 1`, updatedAt: new Date() })
      .where(and(eq(foerderleistungen.id, id), eq(foerderleistungen.version, version)))
      .returning();
    return r;
  },

  /** Months already paid through the Zahllauf (payment key `…:eingliederung:<id>`). */
  async bezahlteMonate(tx: Tx, foerderleistungIds: readonly string[]): Promise<Map<string, string[]>> {
    const m = new Map<string, string[]>();
    if (foerderleistungIds.length === 0) return m;
    const rows = await tx
      .select({ schluessel: zahlungen.schluessel, monat: zahlungen.leistungsmonat })
      .from(zahlungen)
      .where(and(eq(zahlungen.art, 'eingliederung'), sql`split_part(${zahlungen.schluessel}, ':', 4) in ${foerderleistungIds}`));
    for (const r of rows) {
      const id = r.schluessel.split(':')[3]!;
      m.set(id, [...(m.get(id) ?? []), r.monat]);
    }
    return m;
  },

  /** Förderleistungen that may have a month due by `bisTag` (started by then), with the Fallnummer of their BG. */
  async fuerZahllauf(tx: Tx, bisTag: string) {
    return tx
      .select({ f: foerderleistungen, fallnummer: bedarfsgemeinschaften.fallnummer })
      .from(foerderleistungen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, foerderleistungen.traegerId), eq(bedarfsgemeinschaften.id, foerderleistungen.bgId)))
      .where(lte(foerderleistungen.gueltigVon, bisTag))
      .orderBy(asc(foerderleistungen.bgId), asc(foerderleistungen.gueltigVon));
  },

  /** Mittelbindungen of the Förderleistungen: id per Förderleistung and Haushaltsjahr. */
  async bindungen(tx: Tx, foerderleistungIds: readonly string[]) {
    if (foerderleistungIds.length === 0) return [];
    return tx
      .select({ id: mittelbindungen.id, foerderleistungId: mittelbindungen.foerderleistungId, haushaltsjahr: mittelbindungen.haushaltsjahr, titel: mittelbindungen.titel })
      .from(mittelbindungen)
      .where(inArray(mittelbindungen.foerderleistungId, [...foerderleistungIds]));
  },


  /** The person's running Teilnahmen in Arbeitsgelegenheiten (§ 16d) — a Mehraufwandsentschädigung belongs to one. */
  async aghTeilnahmen(tx: Tx, personId: string) {
    return tx
      .select({ id: massnahmeTeilnahmen.id, massnahme: massnahmen.bezeichnung, von: massnahmeTeilnahmen.geplantVon, bis: massnahmeTeilnahmen.geplantBis })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(and(eq(massnahmeTeilnahmen.personId, personId), eq(massnahmen.instrument, 'sgb2_16d_agh'), inArray(massnahmeTeilnahmen.status, ['zugewiesen', 'eingetreten'])))
      .orderBy(desc(massnahmeTeilnahmen.geplantVon));
  },
};
