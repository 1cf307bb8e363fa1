import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  bedarfsgemeinschaften,
  bgAdressen,
  bgBankverbindungen,
  bgMitgliedschaften,
  bgUnterhaltspflichtige,
  bgUnterkunft,
  fallDokumente,
  fallEreignisse,
  fallNummernkreise,
  fallVermerke,
  personBeziehungen,
  personEinkommen,
  personen,
  personMerkmale,
  personStammdaten,
  personVermoegen,
  standorte,
} from '../schema/index.ts';

/** The dated tables of a Fallakte, by the name the use cases use. */
export const PERIODEN_TABELLEN = {
  stammdaten: personStammdaten,
  mitgliedschaften: bgMitgliedschaften,
  beziehungen: personBeziehungen,
  merkmale: personMerkmale,
  einkommen: personEinkommen,
  vermoegen: personVermoegen,
  adressen: bgAdressen,
  bankverbindungen: bgBankverbindungen,
  unterkunft: bgUnterkunft,
  unterhaltspflichtige: bgUnterhaltspflichtige,
} as const;
export type PeriodenTabelle = keyof typeof PERIODEN_TABELLEN;

// All dated tables share id / gueltig_von / gueltig_bis; one of them stands for the common shape in queries.
const alsPeriode = (t: PeriodenTabelle) => PERIODEN_TABELLEN[t] as unknown as typeof bgUnterkunft;

export type FallSuche = {
  name?: string;
  geburtsdatum?: string;
  fallnummer?: string;
  standorte: 'alle' | string[];
  limit?: number;
};

export const fallRepository = {
  /** Next Fallnummer of the Träger ("BG-000042"); the counter row serialises concurrent creations. */
  async naechsteFallnummer(tx: Tx, traegerId: string): Promise<string> {
    const [row] = await tx
      .insert(fallNummernkreise)
      .values({ traegerId, letzte: 1 })
      .onConflictDoUpdate({ target: fallNummernkreise.traegerId, set: { letzte: sql`${fallNummernkreise.letzte} + 1` } })
      .returning();
    return `BG-${String(row!.letzte).padStart(6, '0')}`;
  },

  /** The active Standort located in the Kommune (first by name), if any. */
  async standortFuerKommune(tx: Tx, kommuneId: string) {
    const [row] = await tx
      .select()
      .from(standorte)
      .where(and(eq(standorte.kommuneId, kommuneId), eq(standorte.aktiv, true)))
      .orderBy(asc(standorte.name))
      .limit(1);
    return row;
  },

  async insertBg(tx: Tx, row: typeof bedarfsgemeinschaften.$inferInsert) {
    const [created] = await tx.insert(bedarfsgemeinschaften).values(row).returning();
    return created!;
  },

  async findBg(tx: Tx, id: string) {
    const [row] = await tx.select().from(bedarfsgemeinschaften).where(eq(bedarfsgemeinschaften.id, id)).limit(1);
    return row;
  },

  /** Optimistic locking of the whole Fallakte: raises the version if it is still `version`; otherwise undefined. */
  async bumpVersion(tx: Tx, id: string, version: number, patch: Partial<Pick<typeof bedarfsgemeinschaften.$inferInsert, 'standortId' | 'status'>> = {}) {
    const [row] = await tx
      .update(bedarfsgemeinschaften)
      .set({ ...patch, version: sql`${bedarfsgemeinschaften.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(bedarfsgemeinschaften.id, id), eq(bedarfsgemeinschaften.version, version)))
      .returning();
    return row;
  },

  async insertPersonen(tx: Tx, rows: (typeof personen.$inferInsert)[]) {
    if (rows.length) await tx.insert(personen).values(rows);
  },

  async insertPerioden<K extends PeriodenTabelle>(tx: Tx, tabelle: K, rows: (typeof PERIODEN_TABELLEN)[K]['$inferInsert'][]) {
    if (rows.length === 0) return;
    await tx.insert(PERIODEN_TABELLEN[tabelle] as typeof bgUnterkunft).values(rows as (typeof bgUnterkunft.$inferInsert)[]);
  },

  async schliessePeriode(tx: Tx, tabelle: PeriodenTabelle, id: string, gueltigBis: string) {
    const t = alsPeriode(tabelle);
    await tx.update(t).set({ gueltigBis }).where(eq(t.id, id));
  },

  async entfernePeriode(tx: Tx, tabelle: PeriodenTabelle, id: string) {
    const t = alsPeriode(tabelle);
    await tx.delete(t).where(eq(t.id, id));
  },

  /** Every dated fact of the BG and of everyone who ever belonged to it. Bank details only when asked for. */
  async ladeDaten(tx: Tx, bgId: string, opts: { bank: boolean }) {
    const mitgliedschaften = await tx
      .select()
      .from(bgMitgliedschaften)
      .where(eq(bgMitgliedschaften.bgId, bgId))
      .orderBy(asc(bgMitgliedschaften.gueltigVon));
    const ids = [...new Set(mitgliedschaften.map((m) => m.personId))];
    const proPerson = async <T extends typeof personStammdaten | typeof personMerkmale | typeof personEinkommen | typeof personVermoegen>(t: T) =>
      ids.length
        ? tx
            .select()
            .from(t as typeof personStammdaten)
            .where(inArray((t as typeof personStammdaten).personId, ids))
            .orderBy(asc((t as typeof personStammdaten).gueltigVon))
        : [];
    // one transaction = one connection, which runs one query at a time: sequential awaits
    const stammdaten = await proPerson(personStammdaten);
    const merkmale = (await proPerson(personMerkmale)) as unknown as (typeof personMerkmale.$inferSelect)[];
    const einkommen = (await proPerson(personEinkommen)) as unknown as (typeof personEinkommen.$inferSelect)[];
    const vermoegen = (await proPerson(personVermoegen)) as unknown as (typeof personVermoegen.$inferSelect)[];
    const beziehungen = await tx.select().from(personBeziehungen).where(eq(personBeziehungen.bgId, bgId)).orderBy(asc(personBeziehungen.gueltigVon));
    const adressen = await tx.select().from(bgAdressen).where(eq(bgAdressen.bgId, bgId)).orderBy(asc(bgAdressen.gueltigVon));
    const bankverbindungen = opts.bank ? await tx.select().from(bgBankverbindungen).where(eq(bgBankverbindungen.bgId, bgId)).orderBy(asc(bgBankverbindungen.gueltigVon)) : [];
    const unterkunft = await tx.select().from(bgUnterkunft).where(eq(bgUnterkunft.bgId, bgId)).orderBy(asc(bgUnterkunft.gueltigVon));
    const unterhaltspflichtige = await tx
      .select()
      .from(bgUnterhaltspflichtige)
      .where(eq(bgUnterhaltspflichtige.bgId, bgId))
      .orderBy(asc(bgUnterhaltspflichtige.gueltigVon), asc(bgUnterhaltspflichtige.name));
    return { mitgliedschaften, stammdaten, merkmale, einkommen, vermoegen, beziehungen, adressen, bankverbindungen, unterkunft, unterhaltspflichtige };
  },

  /** Rows of one dated table that belong to a person (person facts) or to the BG (BG facts). */
  async serie(tx: Tx, tabelle: PeriodenTabelle, filter: { personId?: string; bgId?: string }) {
    const t = PERIODEN_TABELLEN[tabelle] as unknown as typeof personStammdaten & typeof bgUnterkunft;
    const cond = filter.personId ? eq(t.personId, filter.personId) : eq(t.bgId, filter.bgId!);
    return (await tx.select().from(t as typeof bgUnterkunft).where(cond).orderBy(asc(t.gueltigVon))) as { id: string; gueltigVon: string; gueltigBis: string | null }[];
  },

  async findPeriode(tx: Tx, tabelle: PeriodenTabelle, id: string) {
    const t = alsPeriode(tabelle);
    const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
    return row as Record<string, unknown> | undefined;
  },

  /**
   * Search: persons by name (any recorded Stammdaten, also former names), birth date, or the Fallnummer;
   * limited to BGs of the given Standorte. One row per BG and matching person.
   */
  async suche(tx: Tx, s: FallSuche) {
    const conds: SQL[] = [];
    if (s.standorte !== 'alle') {
      if (s.standorte.length === 0) return [];
      conds.push(inArray(bedarfsgemeinschaften.standortId, s.standorte));
    }
    if (s.fallnummer) conds.push(ilike(bedarfsgemeinschaften.fallnummer, `%${escapeLike(s.fallnummer)}%`));
    if (s.geburtsdatum) conds.push(eq(personStammdaten.geburtsdatum, s.geburtsdatum));
    if (s.name) {
      for (const wort of s.name.split(/\s+/).filter(Boolean).slice(0, 4)) {
        const muster = `%${escapeLike(wort)}%`;
        conds.push(or(ilike(personStammdaten.nachname, muster), ilike(personStammdaten.vorname, muster))!);
      }
    }
    const rows = await tx
      .selectDistinctOn([bedarfsgemeinschaften.id, personStammdaten.personId], {
        bgId: bedarfsgemeinschaften.id,
        fallnummer: bedarfsgemeinschaften.fallnummer,
        standortId: bedarfsgemeinschaften.standortId,
        standort: standorte.name,
        status: bedarfsgemeinschaften.status,
        personId: personStammdaten.personId,
        vorname: personStammdaten.vorname,
        nachname: personStammdaten.nachname,
        geburtsdatum: personStammdaten.geburtsdatum,
        rolle: bgMitgliedschaften.rolle,
        aktuell: sql<boolean>`${bgMitgliedschaften.gueltigBis} is null`,
      })
      .from(bedarfsgemeinschaften)
      .innerJoin(standorte, and(eq(standorte.traegerId, bedarfsgemeinschaften.traegerId), eq(standorte.id, bedarfsgemeinschaften.standortId)))
      .innerJoin(bgMitgliedschaften, and(eq(bgMitgliedschaften.traegerId, bedarfsgemeinschaften.traegerId), eq(bgMitgliedschaften.bgId, bedarfsgemeinschaften.id)))
      .innerJoin(personStammdaten, and(eq(personStammdaten.traegerId, bgMitgliedschaften.traegerId), eq(personStammdaten.personId, bgMitgliedschaften.personId)))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(bedarfsgemeinschaften.id, personStammdaten.personId, desc(personStammdaten.gueltigVon), desc(bgMitgliedschaften.gueltigVon))
      .limit(s.limit ?? 100);
    return rows.sort((a, b) => a.nachname.localeCompare(b.nachname, 'de') || a.vorname.localeCompare(b.vorname, 'de') || a.fallnummer.localeCompare(b.fallnummer));
  },

  async insertEreignis(tx: Tx, row: Omit<typeof fallEreignisse.$inferInsert, 'id' | 'at'>) {
    await tx.insert(fallEreignisse).values(row);
  },

  listEreignisse: (tx: Tx, bgId: string, limit = 200) =>
    tx.select().from(fallEreignisse).where(eq(fallEreignisse.bgId, bgId)).orderBy(desc(fallEreignisse.at), desc(fallEreignisse.id)).limit(limit),

  async insertVermerk(tx: Tx, row: typeof fallVermerke.$inferInsert) {
    const [created] = await tx.insert(fallVermerke).values(row).returning();
    return created!;
  },

  listVermerke: (tx: Tx, bgId: string) => tx.select().from(fallVermerke).where(eq(fallVermerke.bgId, bgId)).orderBy(desc(fallVermerke.createdAt)),

  async insertDokument(tx: Tx, row: typeof fallDokumente.$inferInsert) {
    const [created] = await tx.insert(fallDokumente).values(row).returning({
      id: fallDokumente.id,
      titel: fallDokumente.titel,
      dateiname: fallDokumente.dateiname,
      mime: fallDokumente.mime,
      groesse: fallDokumente.groesse,
      sha256: fallDokumente.sha256,
      eingegangenAm: fallDokumente.eingegangenAm,
      personId: fallDokumente.personId,
      createdAt: fallDokumente.createdAt,
    });
    return created!;
  },

  /** Document metadata of a BG (without the bytes). */
  listDokumente: (tx: Tx, bgId: string) =>
    tx
      .select({
        id: fallDokumente.id,
        titel: fallDokumente.titel,
        dateiname: fallDokumente.dateiname,
        mime: fallDokumente.mime,
        groesse: fallDokumente.groesse,
        sha256: fallDokumente.sha256,
        eingegangenAm: fallDokumente.eingegangenAm,
        personId: fallDokumente.personId,
        createdAt: fallDokumente.createdAt,
      })
      .from(fallDokumente)
      .where(eq(fallDokumente.bgId, bgId))
      .orderBy(desc(fallDokumente.createdAt)),

  async findDokument(tx: Tx, bgId: string, id: string) {
    const [row] = await tx.select().from(fallDokumente).where(and(eq(fallDokumente.bgId, bgId), eq(fallDokumente.id, id))).limit(1);
    return row;
  },

  /** Everyone who ever belonged to the BG (for audit entries of changes that concern the whole BG). */
  async personIdsDerBg(tx: Tx, bgId: string): Promise<string[]> {
    const rows = await tx.selectDistinct({ personId: bgMitgliedschaften.personId }).from(bgMitgliedschaften).where(eq(bgMitgliedschaften.bgId, bgId));
    return rows.map((r) => r.personId);
  },

  /** Is the person a member (BG or household) of the BG at any time? */
  async istMitglied(tx: Tx, bgId: string, personId: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: bgMitgliedschaften.id })
      .from(bgMitgliedschaften)
      .where(and(eq(bgMitgliedschaften.bgId, bgId), eq(bgMitgliedschaften.personId, personId)))
      .limit(1);
    return !!row;
  },

  /** The BG a person belongs to today or most recently (for citizen-portal matching later). */
  async bgIdsOhneEnde(tx: Tx, personId: string) {
    return tx
      .select({ bgId: bgMitgliedschaften.bgId })
      .from(bgMitgliedschaften)
      .where(and(eq(bgMitgliedschaften.personId, personId), isNull(bgMitgliedschaften.gueltigBis)));
  },
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
