import { and, asc, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { TeilnahmeStatus } from '../../domain/foerdern/typen.ts';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, bgAdressen, bgMitgliedschaften, massnahmeKontingente, massnahmeTeilnahmen, massnahmen, personStammdaten, standorte } from '../schema/index.ts';

const BELEGEND: TeilnahmeStatus[] = ['zugewiesen', 'eingetreten'];
const PLATZ_INDEX = 'massnahme_teilnahmen_platz_unique';

/** Whether `err` (or its cause) is the unique violation of the place index. */
function platzKonflikt(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; e && i < 5; i++) {
    const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (x.code === '23505') return x.constraint === PLATZ_INDEX;
    e = x.cause;
  }
  return false;
}

const KONFLIKT = Symbol('konflikt');

/**
 * Runs one write inside a SAVEPOINT of the caller's transaction (withTenant opens it by hand, so drizzle's nested
 * `transaction()` would commit it): an error `erwartet` accepts rolls back to the savepoint and returns KONFLIKT, the
 * transaction goes on; any other error is rethrown.
 */
export async function mitSicherungspunkt<T>(tx: Tx, fn: () => Promise<T>, erwartet: (err: unknown) => boolean): Promise<T | typeof KONFLIKT> {
  await tx.execute(sql`savepoint vorort_sp`);
  try {
    const r = await fn();
    await tx.execute(sql`release savepoint vorort_sp`);
    return r;
  } catch (err) {
    if (!erwartet(err)) throw err;
    await tx.execute(sql`rollback to savepoint vorort_sp`);
    await tx.execute(sql`release savepoint vorort_sp`);
    return KONFLIKT;
  }
}
export const istKonflikt = (x: unknown): x is typeof KONFLIKT => x === KONFLIKT;

const name = sql<string>`coalesce((select s.vorname || ' ' || s.nachname from ${personStammdaten} s where s.traeger_id = ${massnahmeTeilnahmen.traegerId} and s.person_id = ${massnahmeTeilnahmen.personId} order by s.gueltig_bis is null desc, s.gueltig_von desc limit 1), '')`;
const geburtsdatum = sql<string | null>`(select s.geburtsdatum from ${personStammdaten} s where s.traeger_id = ${massnahmeTeilnahmen.traegerId} and s.person_id = ${massnahmeTeilnahmen.personId} order by s.gueltig_bis is null desc, s.gueltig_von desc limit 1)`;

/** A Teilnahme with its Maßnahme, Kontingent and person for lists (no binary letter). */
const zeile = {
  id: massnahmeTeilnahmen.id,
  massnahmeId: massnahmeTeilnahmen.massnahmeId,
  kontingentId: massnahmeTeilnahmen.kontingentId,
  personId: massnahmeTeilnahmen.personId,
  bgId: massnahmeTeilnahmen.bgId,
  status: massnahmeTeilnahmen.status,
  platzNr: massnahmeTeilnahmen.platzNr,
  geplantVon: massnahmeTeilnahmen.geplantVon,
  geplantBis: massnahmeTeilnahmen.geplantBis,
  vorgeschlagenAm: massnahmeTeilnahmen.vorgeschlagenAm,
  zugewiesenAm: massnahmeTeilnahmen.zugewiesenAm,
  mitRechtsfolgenbelehrung: massnahmeTeilnahmen.mitRechtsfolgenbelehrung,
  hatZuweisungsschreiben: sql<boolean>`${massnahmeTeilnahmen.zuweisungPdf} is not null`,
  eintrittAm: massnahmeTeilnahmen.eintrittAm,
  austrittAm: massnahmeTeilnahmen.austrittAm,
  austrittsgrund: massnahmeTeilnahmen.austrittsgrund,
  teilnahmebescheinigungAm: massnahmeTeilnahmen.teilnahmebescheinigungAm,
  erwarteteKostenCent: massnahmeTeilnahmen.erwarteteKostenCent,
  genehmigtVon: massnahmeTeilnahmen.genehmigtVon,
  genehmigtAm: massnahmeTeilnahmen.genehmigtAm,
  begruendung: massnahmeTeilnahmen.begruendung,
  createdAt: massnahmeTeilnahmen.createdAt,
  version: massnahmeTeilnahmen.version,
  massnahme: massnahmen.bezeichnung,
  instrument: massnahmen.instrument,
  anbieter: massnahmen.anbieter,
  standortId: massnahmeKontingente.standortId,
  standortName: standorte.name,
  name,
  geburtsdatum,
  fallnummer: bedarfsgemeinschaften.fallnummer,
  bgStandortId: bedarfsgemeinschaften.standortId,
};

function basis(tx: Tx) {
  return tx
    .select(zeile)
    .from(massnahmeTeilnahmen)
    .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
    .innerJoin(massnahmeKontingente, and(eq(massnahmeKontingente.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmeKontingente.id, massnahmeTeilnahmen.kontingentId)))
    .innerJoin(standorte, and(eq(standorte.traegerId, massnahmeKontingente.traegerId), eq(standorte.id, massnahmeKontingente.standortId)))
    .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, massnahmeTeilnahmen.traegerId), eq(bedarfsgemeinschaften.id, massnahmeTeilnahmen.bgId)));
}

export type TeilnahmeZeile = NonNullable<Awaited<ReturnType<typeof teilnahmenRepository.find>>>;

/**
 * Teilnahmen (participations). Places are handed out here: `nimmPlatz` takes the lowest free place number of the
 * Kontingent; the partial unique index `massnahme_teilnahmen_platz_unique` makes a double assignment impossible, so
 * when a concurrent transaction took the same place the write fails inside a savepoint and the next free place is
 * tried, until none is left.
 */
export const teilnahmenRepository = {
  /** The person with the BG of the membership on `tag` (else the latest) and its Standort; undefined if unknown. */
  async personKontext(tx: Tx, personId: string, tag: string) {
    const [m] = await tx
      .select({ bgId: bgMitgliedschaften.bgId, standortId: bedarfsgemeinschaften.standortId, fallnummer: bedarfsgemeinschaften.fallnummer })
      .from(bgMitgliedschaften)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bgMitgliedschaften.traegerId), eq(bedarfsgemeinschaften.id, bgMitgliedschaften.bgId)))
      .where(eq(bgMitgliedschaften.personId, personId))
      .orderBy(
        sql`case when ${bgMitgliedschaften.gueltigVon} <= ${tag} and (${bgMitgliedschaften.gueltigBis} is null or ${bgMitgliedschaften.gueltigBis} >= ${tag}) then 0 else 1 end`,
        desc(bgMitgliedschaften.inBg),
        desc(bgMitgliedschaften.gueltigVon),
      )
      .limit(1);
    if (!m) return undefined;
    const [s] = await tx
      .select({ vorname: personStammdaten.vorname, nachname: personStammdaten.nachname, geburtsdatum: personStammdaten.geburtsdatum })
      .from(personStammdaten)
      .where(and(eq(personStammdaten.personId, personId), or(isNull(personStammdaten.gueltigBis), gte(personStammdaten.gueltigBis, tag))))
      .orderBy(asc(personStammdaten.gueltigVon))
      .limit(1);
    return { personId, ...m, vorname: s?.vorname ?? '', nachname: s?.nachname ?? '', geburtsdatum: s?.geburtsdatum ?? null };
  },

  async find(tx: Tx, id: string) {
    const [r] = await basis(tx).where(eq(massnahmeTeilnahmen.id, id)).limit(1);
    return r;
  },

  /** The stored Zuweisung letter (PDF), if any. */
  async zuweisungsschreiben(tx: Tx, id: string): Promise<Buffer | null> {
    const [r] = await tx.select({ pdf: massnahmeTeilnahmen.zuweisungPdf }).from(massnahmeTeilnahmen).where(eq(massnahmeTeilnahmen.id, id)).limit(1);
    return r?.pdf ?? null;
  },

  /**
   * Stores a Zuweisung letter rendered later (e.g. for a Teilnahme without one) — only if none is stored yet; the
   * version is not raised (the letter is a by-product, not a change of the Teilnahme).
   */
  async speichereZuweisungsschreiben(tx: Tx, id: string, pdf: Buffer): Promise<void> {
    await tx
      .update(massnahmeTeilnahmen)
      .set({ zuweisungPdf: pdf })
      .where(and(eq(massnahmeTeilnahmen.id, id), isNull(massnahmeTeilnahmen.zuweisungPdf)));
  },

  /**
   * What a letter to the person needs: the BG's postal address valid on `tag` (else the latest) and the contact of
   * the BG's Standort (the responsible Jobcenter office).
   */
  async briefKontext(tx: Tx, bgId: string, tag: string) {
    const [adresse] = await tx
      .select({ strasse: bgAdressen.strasse, hausnummer: bgAdressen.hausnummer, zusatz: bgAdressen.zusatz, plz: bgAdressen.plz, ort: bgAdressen.ort })
      .from(bgAdressen)
      .where(eq(bgAdressen.bgId, bgId))
      .orderBy(sql`case when ${bgAdressen.gueltigVon} <= ${tag} and (${bgAdressen.gueltigBis} is null or ${bgAdressen.gueltigBis} >= ${tag}) then 0 else 1 end`, desc(bgAdressen.gueltigVon))
      .limit(1);
    const [standort] = await tx
      .select({ name: standorte.name, strasse: standorte.strasse, plz: standorte.plz, ort: standorte.ort, telefon: standorte.telefon, email: standorte.email, oeffnungszeiten: standorte.oeffnungszeiten })
      .from(bedarfsgemeinschaften)
      .innerJoin(standorte, and(eq(standorte.traegerId, bedarfsgemeinschaften.traegerId), eq(standorte.id, bedarfsgemeinschaften.standortId)))
      .where(eq(bedarfsgemeinschaften.id, bgId))
      .limit(1);
    return { adresse: adresse ?? null, standort: standort ?? null };
  },

  async insert(tx: Tx, row: typeof massnahmeTeilnahmen.$inferInsert) {
    const [r] = await tx.insert(massnahmeTeilnahmen).values(row).returning({ id: massnahmeTeilnahmen.id });
    return r!;
  },

  /** Changes a Teilnahme if its version still matches; undefined when someone else changed it first. */
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof massnahmeTeilnahmen.$inferInsert>) {
    const [r] = await tx
      .update(massnahmeTeilnahmen)
      .set({ ...patch, version: sql`${massnahmeTeilnahmen.version} + 1`, updatedAt: new Date() })
      .where(and(eq(massnahmeTeilnahmen.id, id), eq(massnahmeTeilnahmen.version, version)))
      .returning({ id: massnahmeTeilnahmen.id, version: massnahmeTeilnahmen.version });
    return r;
  },

  /** Place numbers in use in the Kontingent (read committed: sees places committed by others). */
  async belegtePlaetze(tx: Tx, kontingentId: string): Promise<number[]> {
    const r = await tx
      .select({ n: massnahmeTeilnahmen.platzNr })
      .from(massnahmeTeilnahmen)
      .where(and(eq(massnahmeTeilnahmen.kontingentId, kontingentId), inArray(massnahmeTeilnahmen.status, BELEGEND)));
    return r.map((x) => x.n).filter((n): n is number => n !== null);
  },

  /**
   * Takes the lowest free place ≤ plaetze for the Teilnahme and sets the other fields of `patch` with it. Returns
   * the place and the new version, or null when no place is free (also when others took the last ones meanwhile).
   */
  async nimmPlatz(
    tx: Tx,
    o: { id: string; version: number; kontingentId: string; plaetze: number; patch: Partial<typeof massnahmeTeilnahmen.$inferInsert>; freierPlatz: (belegt: number[], plaetze: number) => number | null },
  ): Promise<{ platzNr: number; version: number } | null | 'version'> {
    for (let versuch = 0; versuch < 5; versuch++) {
      const platz = o.freierPlatz(await teilnahmenRepository.belegtePlaetze(tx, o.kontingentId), o.plaetze);
      if (platz === null) return null;
      const r = await mitSicherungspunkt(tx, () => teilnahmenRepository.update(tx, o.id, o.version, { ...o.patch, status: 'zugewiesen', platzNr: platz }), platzKonflikt);
      if (r === KONFLIKT) continue;
      if (!r) return 'version';
      return { platzNr: platz, version: r.version };
    }
    return null;
  },

  /** All Teilnahmen of a person, newest first. */
  async fuerPerson(tx: Tx, personId: string) {
    return basis(tx).where(eq(massnahmeTeilnahmen.personId, personId)).orderBy(desc(massnahmeTeilnahmen.geplantVon), desc(massnahmeTeilnahmen.createdAt));
  },

  /** Earlier participations of the person in the instrument that held a place (for the duration limits). */
  async zeitraeumeImInstrument(tx: Tx, personId: string, instrument: string, ohneId: string | null) {
    const r = await tx
      .select({ von: sql<string>`coalesce(${massnahmeTeilnahmen.eintrittAm}, ${massnahmeTeilnahmen.geplantVon})`, bis: sql<string>`coalesce(${massnahmeTeilnahmen.austrittAm}, ${massnahmeTeilnahmen.geplantBis})` })
      .from(massnahmeTeilnahmen)
      .innerJoin(massnahmen, and(eq(massnahmen.traegerId, massnahmeTeilnahmen.traegerId), eq(massnahmen.id, massnahmeTeilnahmen.massnahmeId)))
      .where(
        and(
          eq(massnahmeTeilnahmen.personId, personId),
          eq(massnahmen.instrument, instrument as never),
          inArray(massnahmeTeilnahmen.status, ['zugewiesen', 'eingetreten', 'ausgetreten']),
          ohneId ? ne(massnahmeTeilnahmen.id, ohneId) : undefined,
        ),
      );
    return r;
  },

  /** Participants of a Maßnahme whose BG belongs to one of the Standorte ('alle': every one). */
  async teilnehmer(tx: Tx, massnahmeId: string, bgStandorte: 'alle' | string[], status?: readonly TeilnahmeStatus[]) {
    if (bgStandorte !== 'alle' && bgStandorte.length === 0) return [];
    return basis(tx)
      .where(
        and(
          eq(massnahmeTeilnahmen.massnahmeId, massnahmeId),
          bgStandorte === 'alle' ? undefined : inArray(bedarfsgemeinschaften.standortId, bgStandorte),
          status ? inArray(massnahmeTeilnahmen.status, [...status]) : undefined,
        ),
      )
      .orderBy(asc(massnahmeTeilnahmen.status), asc(massnahmeTeilnahmen.platzNr), asc(massnahmeTeilnahmen.createdAt));
  },

  /** The first on the Warteliste of a Kontingent (the longest waiting), if any. */
  async ersterAufWarteliste(tx: Tx, kontingentId: string) {
    const [r] = await basis(tx)
      .where(and(eq(massnahmeTeilnahmen.kontingentId, kontingentId), eq(massnahmeTeilnahmen.status, 'warteliste')))
      .orderBy(asc(massnahmeTeilnahmen.updatedAt), asc(massnahmeTeilnahmen.createdAt))
      .limit(1);
    return r;
  },

  /** Zuweisungen waiting for approval (over budget) of persons of these Standorte. */
  async wartenAufGenehmigung(tx: Tx, bgStandorte: 'alle' | string[]) {
    if (bgStandorte !== 'alle' && bgStandorte.length === 0) return [];
    return basis(tx)
      .where(and(eq(massnahmeTeilnahmen.status, 'wartet_auf_genehmigung'), bgStandorte === 'alle' ? undefined : inArray(bedarfsgemeinschaften.standortId, bgStandorte)))
      .orderBy(asc(massnahmeTeilnahmen.updatedAt));
  },

  /** Short summary for the Integrationsakte overview (slice A): open and finished Teilnahmen by status. */
  async zusammenfassung(tx: Tx, personId: string) {
    const r = await tx
      .select({ status: massnahmeTeilnahmen.status, n: sql<number>`count(*)::int` })
      .from(massnahmeTeilnahmen)
      .where(eq(massnahmeTeilnahmen.personId, personId))
      .groupBy(massnahmeTeilnahmen.status);
    return Object.fromEntries(r.map((x) => [x.status, x.n])) as Partial<Record<TeilnahmeStatus, number>>;
  },
};
