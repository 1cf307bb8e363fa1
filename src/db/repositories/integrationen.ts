import { and, asc, desc, eq, isNull, lte, or, gte, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, betreuungen, bgMitgliedschaften, integrationen, massnahmen, massnahmeTeilnahmen, personen, personStammdaten, users, wiedervorlagen } from '../schema/index.ts';

/** Job starts (Integrationen) and the Beschäftigungsperioden they open (docs/foerdern.md). */
export type IntegrationZeile = typeof integrationen.$inferSelect;

export const integrationenRepository = {
  /**
   * A person of the Fallakte with her BG memberships (in the BG only, oldest first, each with the BG's Standort
   * and Fallnummer) and her current name; undefined when there is no such person (also: another Träger, RLS).
   */
  async personKontext(tx: Tx, personId: string) {
    const [person] = await tx.select({ id: personen.id }).from(personen).where(eq(personen.id, personId)).limit(1);
    if (!person) return undefined;
    const mitgliedschaften = await tx
      .select({
        bgId: bgMitgliedschaften.bgId,
        rolle: bgMitgliedschaften.rolle,
        gueltigVon: bgMitgliedschaften.gueltigVon,
        gueltigBis: bgMitgliedschaften.gueltigBis,
        standortId: bedarfsgemeinschaften.standortId,
        fallnummer: bedarfsgemeinschaften.fallnummer,
      })
      .from(bgMitgliedschaften)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bgMitgliedschaften.traegerId), eq(bedarfsgemeinschaften.id, bgMitgliedschaften.bgId)))
      .where(and(eq(bgMitgliedschaften.personId, personId), eq(bgMitgliedschaften.inBg, true)))
      .orderBy(asc(bgMitgliedschaften.gueltigVon));
    const [name] = await tx
      .select({ vorname: personStammdaten.vorname, nachname: personStammdaten.nachname })
      .from(personStammdaten)
      .where(eq(personStammdaten.personId, personId))
      .orderBy(desc(personStammdaten.gueltigVon))
      .limit(1);
    return { id: person.id, vorname: name?.vorname ?? '', nachname: name?.nachname ?? '', mitgliedschaften };
  },

  /** The Integrationsfachkraft (persönliche Ansprechpartnerin) recorded for the person on a day, if any. */
  async fachkraftAm(tx: Tx, personId: string, tag: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await tx
      .select({ id: users.id, name: users.name })
      .from(betreuungen)
      .innerJoin(users, and(eq(users.traegerId, betreuungen.traegerId), eq(users.id, betreuungen.fachkraftId)))
      .where(and(eq(betreuungen.personId, personId), lte(betreuungen.gueltigVon, tag), or(isNull(betreuungen.gueltigBis), gte(betreuungen.gueltigBis, tag))))
      .orderBy(desc(betreuungen.gueltigVon))
      .limit(1);
    return row;
  },

  /** A Teilnahme (the Austritt with reason Arbeitsaufnahme leads here) with the Maßnahme's title. */
  async teilnahme(tx: Tx, id: string) {
    const [row] = await tx
      .select({ id: massnahmeTeilnahmen.id, personId: massnahmeTeilnahmen.personId, status: massnahmeTeilnahmen.status, austrittAm: massnahmeTeilnahmen.austrittAm, austrittsgrund: massnahmeTeilnahmen.austrittsgrund, massnahme: massnahmen.bezeichnung })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(eq(massnahmeTeilnahmen.id, id))
      .limit(1);
    return row;
  },

  /** Serialises recordings for one person until the end of the transaction (a double submit finds the first). */
  async sperrePerson(tx: Tx, personId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`integrationen:${personId}`}, 0))`);
  },

  async insert(tx: Tx, row: typeof integrationen.$inferInsert) {
    const [created] = await tx.insert(integrationen).values(row).returning();
    return created!;
  },

  async find(tx: Tx, id: string) {
    const [row] = await tx.select().from(integrationen).where(eq(integrationen.id, id)).limit(1);
    return row;
  },

  /** A person's job starts, newest first. */
  async vonPerson(tx: Tx, personId: string) {
    return tx.select().from(integrationen).where(eq(integrationen.personId, personId)).orderBy(desc(integrationen.beginn), desc(integrationen.createdAt));
  },

  async update(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<Pick<typeof integrationen.$inferInsert, 'antragId' | 'wiedervorlageId' | 'ende' | 'nachhaltigkeitAm' | 'nachhaltigkeitErgebnis' | 'bemerkung'>>,
  ) {
    const [row] = await tx
      .update(integrationen)
      .set({ ...patch, version: sql`${integrationen.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(integrationen.id, id), eq(integrationen.version, version)))
      .returning();
    return row;
  },

  /** The open follow-ups (Wiedervorlagen) of art integration_nachhaltigkeit for these Integrationen. */
  async offeneNachhaltigkeit(tx: Tx, personId: string) {
    return tx
      .select({ id: wiedervorlagen.id, bezugId: wiedervorlagen.bezugId, faelligAm: wiedervorlagen.faelligAm, version: wiedervorlagen.version, zugewiesenName: users.name })
      .from(wiedervorlagen)
      .leftJoin(users, and(eq(users.traegerId, wiedervorlagen.traegerId), eq(users.id, wiedervorlagen.zugewiesenAn)))
      .where(and(eq(wiedervorlagen.personId, personId), eq(wiedervorlagen.art, 'integration_nachhaltigkeit'), isNull(wiedervorlagen.erledigtAm)));
  },
};
