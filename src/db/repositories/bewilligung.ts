import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  bedarfsgemeinschaften,
  bescheide,
  bewilligungen,
  bewilligungMonate,
  buchungen,
  erstattungsforderungen,
  kduRichtwerte,
  korrekturen,
  massenaenderungen,
  massenaenderungFaelle,
  traegerEinstellungen,
  zahllaeufe,
  zahlungen,
} from '../schema/index.ts';

type BewilligungInsert = typeof bewilligungen.$inferInsert;
type MonatInsert = typeof bewilligungMonate.$inferInsert;

/** Träger settings for benefits (one row per Träger). */
export const einstellungenRepository = {
  async find(tx: Tx) {
    const [row] = await tx.select().from(traegerEinstellungen).limit(1);
    return row;
  },
  async insert(tx: Tx, row: typeof traegerEinstellungen.$inferInsert) {
    const [r] = await tx.insert(traegerEinstellungen).values(row).onConflictDoNothing().returning();
    return r;
  },
  /** Optimistic locking: undefined when `version` is no longer current. */
  async update(tx: Tx, version: number, patch: Partial<typeof traegerEinstellungen.$inferInsert>) {
    const [r] = await tx
      .update(traegerEinstellungen)
      .set({ ...patch, version: sql`${traegerEinstellungen.version} + 1`, updatedAt: new Date() })
      .where(eq(traegerEinstellungen.version, version))
      .returning();
    return r;
  },
};

export const kduRepository = {
  async list(tx: Tx) {
    return tx.select().from(kduRichtwerte).orderBy(asc(kduRichtwerte.kommuneId), asc(kduRichtwerte.haushaltsgroesse), asc(kduRichtwerte.gueltigVon));
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(kduRichtwerte).where(eq(kduRichtwerte.id, id)).limit(1);
    return r;
  },
  /** All values of a Kommune (any household size), for month-by-month look-up. */
  async fuerKommune(tx: Tx, kommuneId: string) {
    return tx.select().from(kduRichtwerte).where(eq(kduRichtwerte.kommuneId, kommuneId));
  },
  async insert(tx: Tx, row: typeof kduRichtwerte.$inferInsert) {
    const [r] = await tx.insert(kduRichtwerte).values(row).returning();
    return r!;
  },
  async update(tx: Tx, id: string, version: number, patch: Partial<typeof kduRichtwerte.$inferInsert>) {
    const [r] = await tx
      .update(kduRichtwerte)
      .set({ ...patch, version: sql`${kduRichtwerte.version} + 1` })
      .where(and(eq(kduRichtwerte.id, id), eq(kduRichtwerte.version, version)))
      .returning();
    return r;
  },
  async delete(tx: Tx, id: string, version: number) {
    const r = await tx.delete(kduRichtwerte).where(and(eq(kduRichtwerte.id, id), eq(kduRichtwerte.version, version))).returning();
    return r.length > 0;
  },
};

/** The Bewilligung has a month from `ab` ('YYYY-MM-DD') on computed with carried-forward law (ergebnis.fortgeschrieben). */
function mitFortgeschriebenemMonat(ab: string) {
  return sql`exists (select 1 from bewilligung_monate fm where fm.traeger_id = ${bewilligungen.traegerId}
    and fm.bewilligung_id = ${bewilligungen.id} and fm.monat >= ${ab.slice(0, 7)} and fm.ergebnis ? 'fortgeschrieben')`;
}

export const bewilligungRepository = {
  async insert(tx: Tx, row: BewilligungInsert) {
    const [r] = await tx.insert(bewilligungen).values(row).returning();
    return r!;
  },
  async insertMany(tx: Tx, rows: BewilligungInsert[]) {
    if (rows.length === 0) return;
    await tx.insert(bewilligungen).values(rows);
  },
  async insertMonate(tx: Tx, rows: MonatInsert[]) {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(bewilligungMonate).values(rows.slice(i, i + 1000));
  },
  /**
   * Bulk insert for jobs: one JSON parameter unpacked by PostgreSQL (jsonb_to_recordset) instead of thousands of
   * bind parameters – much faster for large batches.
   */
  async insertMonateBulk(tx: Tx, rows: MonatInsert[]) {
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into bewilligung_monate (traeger_id, bewilligung_id, monat, input, ergebnis, personen, kosten, auszahlung_cent)
      select x."traegerId", x."bewilligungId", x.monat, x.input, x.ergebnis, x.personen, x.kosten, x."auszahlungCent"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("traegerId" uuid, "bewilligungId" uuid, monat text, input jsonb,
        ergebnis jsonb, personen jsonb, kosten jsonb, "auszahlungCent" bigint)`);
  },
  async insertManyBulk(tx: Tx, rows: BewilligungInsert[]) {
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into bewilligungen (traeger_id, id, bg_id, antrag_id, von, bis, art, vorgang, status, rechtsstand, vorlaeufig_grund,
        vorgaenger_id, massenaenderung_id, summe_cent, hoechster_monat_cent, vier_augen_gruende, aenderung, computed_at, created_by,
        approved_by, approved_at)
      select x."traegerId", coalesce(x.id, gen_random_uuid()), x."bgId", x."antragId", x.von, x.bis, coalesce(x.art, 'endgueltig'), x.vorgang,
        coalesce(x.status, 'entwurf'), x.rechtsstand, x."vorlaeufigGrund", x."vorgaengerId", x."massenaenderungId", coalesce(x."summeCent", 0),
        coalesce(x."hoechsterMonatCent", 0), x."vierAugenGruende", x.aenderung, now(),
        x."createdBy", x."approvedBy", now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("traegerId" uuid, id uuid, "bgId" uuid, "antragId" uuid, von date,
        bis date, art text, vorgang text, status text, rechtsstand text, "vorlaeufigGrund" text, "vorgaengerId" uuid,
        "massenaenderungId" uuid, "summeCent" bigint, "hoechsterMonatCent" bigint, "vierAugenGruende" jsonb, aenderung jsonb,
        "createdBy" uuid, "approvedBy" uuid)`);
  },
  /** Copies the months of `vonId` before `bisMonat` (exclusive) to `nachId` – server-side, for new versions. */
  async kopiereMonate(tx: Tx, paare: { vonId: string; nachId: string }[], vorMonat: string) {
    if (paare.length === 0) return;
    const werte = sql.join(
      paare.map((p) => sql`(${p.vonId}::uuid, ${p.nachId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into bewilligung_monate (traeger_id, bewilligung_id, monat, input, ergebnis, personen, kosten, auszahlung_cent)
      select m.traeger_id, p.nach, m.monat, m.input, m.ergebnis, m.personen, m.kosten, m.auszahlung_cent
      from bewilligung_monate m join (values ${werte}) as p(von, nach) on m.bewilligung_id = p.von
      where m.monat < ${vorMonat}`);
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(bewilligungen).where(eq(bewilligungen.id, id)).limit(1);
    return r;
  },
  async findMany(tx: Tx, ids: string[]) {
    if (ids.length === 0) return [];
    return tx.select().from(bewilligungen).where(inArray(bewilligungen.id, ids));
  },
  async listByBg(tx: Tx, bgId: string) {
    return tx.select().from(bewilligungen).where(eq(bewilligungen.bgId, bgId)).orderBy(desc(bewilligungen.von), desc(bewilligungen.computedAt));
  },
  async monate(tx: Tx, bewilligungId: string) {
    return tx.select().from(bewilligungMonate).where(eq(bewilligungMonate.bewilligungId, bewilligungId)).orderBy(asc(bewilligungMonate.monat));
  },
  /** Approved Bewilligungen of a BG that share a month with [von, bis]. */
  async bewilligteIm(tx: Tx, bgId: string, von: string, bis: string) {
    return tx
      .select()
      .from(bewilligungen)
      .where(and(eq(bewilligungen.bgId, bgId), eq(bewilligungen.status, 'bewilligt'), lte(bewilligungen.von, bis), gte(bewilligungen.bis, von)));
  },
  /** Optimistic locking: undefined when `version` is no longer current. */
  async update(tx: Tx, id: string, version: number, patch: Partial<BewilligungInsert>) {
    const [r] = await tx
      .update(bewilligungen)
      .set({ ...patch, version: sql`${bewilligungen.version} + 1` })
      .where(and(eq(bewilligungen.id, id), eq(bewilligungen.version, version)))
      .returning();
    return r;
  },
  async setStatusMany(tx: Tx, ids: string[], status: string) {
    if (ids.length === 0) return;
    await tx
      .update(bewilligungen)
      .set({ status, version: sql`${bewilligungen.version} + 1` })
      .where(inArray(bewilligungen.id, ids));
  },
  /** The approval queue: decisions waiting for a second person. */
  async freigabeErforderlich(tx: Tx, standorte: 'alle' | string[]) {
    const q = tx
      .select({ b: bewilligungen, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId })
      .from(bewilligungen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bewilligungen.traegerId), eq(bedarfsgemeinschaften.id, bewilligungen.bgId)))
      .where(
        and(
          eq(bewilligungen.status, 'freigabe_erforderlich'),
          standorte === 'alle' ? undefined : standorte.length ? inArray(bedarfsgemeinschaften.standortId, standorte) : sql`false`,
        ),
      )
      .orderBy(asc(bewilligungen.computedAt));
    return q;
  },
  /** Approved Bewilligungen running in or before `bisMonat` that are not fully paid (for the Zahllauf), with months. */
  async laufendeFuerZahllauf(tx: Tx, leistungsmonat: string) {
    const bisTag = `${leistungsmonat}-01`;
    const rows = await tx
      .select({
        id: bewilligungen.id,
        bgId: bewilligungen.bgId,
        fallnummer: bedarfsgemeinschaften.fallnummer,
        monat: bewilligungMonate.monat,
        auszahlungCent: bewilligungMonate.auszahlungCent,
        kosten: bewilligungMonate.kosten,
      })
      .from(bewilligungen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, bewilligungen.traegerId), eq(bedarfsgemeinschaften.id, bewilligungen.bgId)))
      .innerJoin(bewilligungMonate, and(eq(bewilligungMonate.traegerId, bewilligungen.traegerId), eq(bewilligungMonate.bewilligungId, bewilligungen.id)))
      .where(and(eq(bewilligungen.status, 'bewilligt'), lte(bewilligungen.von, bisTag), lte(bewilligungMonate.monat, leistungsmonat)))
      .orderBy(asc(bewilligungen.bgId), asc(bewilligungMonate.monat));
    return rows;
  },
  /**
   * Running (approved) Bewilligungen ending on or after `ab`, not yet handled by the Massenänderung, in id order.
   * `nurFortgeschrieben`: only those with a month from `ab` on whose stored result is marked `fortgeschrieben`.
   */
  async laufendeFuerMassenaenderung(tx: Tx, opts: { ab: string; massenaenderungId: string; limit: number; nach?: string | null; vor?: string | null; nurFortgeschrieben?: boolean }) {
    return tx
      .select()
      .from(bewilligungen)
      .where(
        and(
          opts.nurFortgeschrieben ? mitFortgeschriebenemMonat(opts.ab) : undefined,
          opts.nach ? sql`${bewilligungen.id} > ${opts.nach}::uuid` : undefined,
          opts.vor ? sql`${bewilligungen.id} < ${opts.vor}::uuid` : undefined,
          eq(bewilligungen.status, 'bewilligt'),
          gte(bewilligungen.bis, opts.ab),
          or(isNull(bewilligungen.massenaenderungId), ne(bewilligungen.massenaenderungId, opts.massenaenderungId)),
          sql`not exists (select 1 from massenaenderung_faelle f where f.traeger_id = ${bewilligungen.traegerId}
                and f.massenaenderung_id = ${opts.massenaenderungId} and f.bewilligung_id = ${bewilligungen.id})`,
        ),
      )
      .orderBy(asc(bewilligungen.id))
      .limit(opts.limit);
  },
  async zaehleLaufende(tx: Tx, ab: string, nurFortgeschrieben = false) {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(bewilligungen)
      .where(and(eq(bewilligungen.status, 'bewilligt'), gte(bewilligungen.bis, ab), nurFortgeschrieben ? mitFortgeschriebenemMonat(ab) : undefined));
    return r?.n ?? 0;
  },
  /** Months of many Bewilligungen (from `abMonat` on, if given). */
  async monateVieler(tx: Tx, ids: string[], abMonat?: string) {
    if (ids.length === 0) return [];
    return tx
      .select()
      .from(bewilligungMonate)
      .where(and(inArray(bewilligungMonate.bewilligungId, ids), abMonat ? gte(bewilligungMonate.monat, abMonat) : undefined))
      .orderBy(asc(bewilligungMonate.monat));
  },
  async insertKorrekturen(tx: Tx, rows: (typeof korrekturen.$inferInsert)[]) {
    if (rows.length) await tx.insert(korrekturen).values(rows);
  },
  async korrekturen(tx: Tx, bisMonat: string) {
    return tx
      .select({ k: korrekturen, fallnummer: bedarfsgemeinschaften.fallnummer })
      .from(korrekturen)
      .innerJoin(bedarfsgemeinschaften, and(eq(bedarfsgemeinschaften.traegerId, korrekturen.traegerId), eq(bedarfsgemeinschaften.id, korrekturen.bgId)))
      .where(lte(korrekturen.monat, bisMonat));
  },
  async insertErstattung(tx: Tx, row: typeof erstattungsforderungen.$inferInsert) {
    const [r] = await tx.insert(erstattungsforderungen).values(row).returning();
    return r!;
  },
  async erstattungenByBg(tx: Tx, bgId: string) {
    return tx.select().from(erstattungsforderungen).where(eq(erstattungsforderungen.bgId, bgId)).orderBy(desc(erstattungsforderungen.createdAt));
  },
  /** Months of a BG already paid (laufend), latest first. */
  async gezahltBis(tx: Tx, bgId: string) {
    const [r] = await tx
      .select({ m: sql<string | null>`max(${zahlungen.leistungsmonat})` })
      .from(zahlungen)
      .where(and(eq(zahlungen.bgId, bgId), eq(zahlungen.art, 'laufend')));
    return r?.m ?? null;
  },
  async gezahltBisVieler(tx: Tx, bgIds: string[]) {
    if (bgIds.length === 0) return new Map<string, string>();
    const rows = await tx
      .select({ bgId: zahlungen.bgId, m: sql<string>`max(${zahlungen.leistungsmonat})` })
      .from(zahlungen)
      .where(and(inArray(zahlungen.bgId, bgIds), eq(zahlungen.art, 'laufend')))
      .groupBy(zahlungen.bgId);
    return new Map(rows.map((r) => [r.bgId, r.m]));
  },
};

export const bescheidRepository = {
  async insert(tx: Tx, row: typeof bescheide.$inferInsert) {
    const [r] = await tx.insert(bescheide).values(row).returning({ id: bescheide.id, createdAt: bescheide.createdAt });
    return r!;
  },
  async insertMany(tx: Tx, rows: (typeof bescheide.$inferInsert)[]) {
    if (rows.length) await tx.insert(bescheide).values(rows).onConflictDoNothing({ target: [bescheide.traegerId, bescheide.id] });
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(bescheide).where(eq(bescheide.id, id)).limit(1);
    return r;
  },
  async listByBg(tx: Tx, bgId: string) {
    return tx
      .select({
        id: bescheide.id,
        art: bescheide.art,
        datum: bescheide.datum,
        bewilligungId: bescheide.bewilligungId,
        sha256: bescheide.sha256,
        hatPdf: sql<boolean>`${bescheide.pdf} is not null`,
        createdAt: bescheide.createdAt,
      })
      .from(bescheide)
      .where(eq(bescheide.bgId, bgId))
      .orderBy(desc(bescheide.createdAt));
  },
  async ohnePdf(tx: Tx, limit: number) {
    return tx.select({ id: bescheide.id, modell: bescheide.modell }).from(bescheide).where(isNull(bescheide.pdf)).orderBy(asc(bescheide.createdAt)).limit(limit);
  },
  async setPdf(tx: Tx, id: string, pdf: Buffer, pdfSha256: string) {
    await tx.update(bescheide).set({ pdf, pdfSha256 }).where(and(eq(bescheide.id, id), isNull(bescheide.pdf)));
  },
};

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

export const massenaenderungRepository = {
  async insert(tx: Tx, row: typeof massenaenderungen.$inferInsert) {
    const [r] = await tx.insert(massenaenderungen).values(row).returning();
    return r!;
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(massenaenderungen).where(eq(massenaenderungen.id, id)).limit(1);
    return r;
  },
  async list(tx: Tx) {
    return tx.select().from(massenaenderungen).orderBy(desc(massenaenderungen.startedAt));
  },
  async laufende(tx: Tx) {
    return tx.select().from(massenaenderungen).where(eq(massenaenderungen.status, 'laufend'));
  },
  async update(tx: Tx, id: string, patch: Partial<typeof massenaenderungen.$inferInsert>) {
    const [r] = await tx
      .update(massenaenderungen)
      .set({ ...patch, updatedAt: new Date(), version: sql`${massenaenderungen.version} + 1` })
      .where(eq(massenaenderungen.id, id))
      .returning();
    return r;
  },
  /** Adds the counts of one batch (in the batch's transaction). */
  async zaehle(tx: Tx, id: string, d: { verarbeitet: number; geaendert: number; bescheide: number; fehler: number }) {
    await tx
      .update(massenaenderungen)
      .set({
        verarbeitet: sql`${massenaenderungen.verarbeitet} + ${d.verarbeitet}`,
        geaendert: sql`${massenaenderungen.geaendert} + ${d.geaendert}`,
        bescheide: sql`${massenaenderungen.bescheide} + ${d.bescheide}`,
        fehler: sql`${massenaenderungen.fehler} + ${d.fehler}`,
        updatedAt: new Date(),
      })
      .where(eq(massenaenderungen.id, id));
  },
  async insertFaelle(tx: Tx, rows: (typeof massenaenderungFaelle.$inferInsert)[]) {
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into massenaenderung_faelle (traeger_id, massenaenderung_id, bewilligung_id, bg_id, geaendert, neue_bewilligung_id,
        bescheid_id, fehler, differenz_cent)
      select x."traegerId", x."massenaenderungId", x."bewilligungId", x."bgId", x.geaendert, x."neueBewilligungId", x."bescheidId",
        x.fehler, x."differenzCent"
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("traegerId" uuid, "massenaenderungId" uuid, "bewilligungId" uuid,
        "bgId" uuid, geaendert boolean, "neueBewilligungId" uuid, "bescheidId" uuid, fehler text, "differenzCent" bigint)`);
  },
  /** Changed cases whose Änderungsbescheid (reserved id) has not been written yet – for the background pass. */
  async offeneBescheide(tx: Tx, id: string, limit: number) {
    return tx
      .select()
      .from(massenaenderungFaelle)
      .where(
        and(
          eq(massenaenderungFaelle.massenaenderungId, id),
          sql`${massenaenderungFaelle.bescheidId} is not null`,
          sql`not exists (select 1 from bescheide b where b.traeger_id = ${massenaenderungFaelle.traegerId} and b.id = ${massenaenderungFaelle.bescheidId})`,
        ),
      )
      .limit(limit);
  },
  async anzahlBescheideErstellt(tx: Tx, id: string) {
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(bescheide).where(eq(bescheide.massenaenderungId, id));
    return r?.n ?? 0;
  },
  async faelle(tx: Tx, id: string, opts: { nurGeaendert?: boolean; limit?: number } = {}) {
    return tx
      .select({ f: massenaenderungFaelle, fallnummer: bedarfsgemeinschaften.fallnummer })
      .from(massenaenderungFaelle)
      .innerJoin(
        bedarfsgemeinschaften,
        and(eq(bedarfsgemeinschaften.traegerId, massenaenderungFaelle.traegerId), eq(bedarfsgemeinschaften.id, massenaenderungFaelle.bgId)),
      )
      .where(and(eq(massenaenderungFaelle.massenaenderungId, id), opts.nurGeaendert ? eq(massenaenderungFaelle.geaendert, true) : undefined))
      .orderBy(asc(bedarfsgemeinschaften.fallnummer))
      .limit(opts.limit ?? 200);
  },
};

export type BescheidStammdaten = {
  personen: { id: string; name: string; rolle: string }[];
  adresse: { strasse: string; hausnummer: string; zusatz: string | null; plz: string; ort: string } | null;
  bank: { iban: string } | null;
};

/** Names of the members and the address (and bank account) on `tag` of many BGs at once (Bescheide in bulk). */
export async function bescheidStammdaten(tx: Tx, bgIds: string[], tag: string, opts: { bank: boolean }): Promise<Map<string, BescheidStammdaten>> {
  const out = new Map<string, BescheidStammdaten>();
  if (bgIds.length === 0) return out;
  for (const id of bgIds) out.set(id, { personen: [], adresse: null, bank: null });
  const ids = sql`${`{${bgIds.join(',')}}`}::uuid[]`;
  const personen = await tx.execute<{ bg_id: string; person_id: string; rolle: string; vorname: string; nachname: string }>(sql`
    select distinct on (m.bg_id, m.person_id) m.bg_id, m.person_id, m.rolle, s.vorname, s.nachname
    from bg_mitgliedschaften m
    join person_stammdaten s on s.traeger_id = m.traeger_id and s.person_id = m.person_id
    where m.bg_id = any(${ids})
    order by m.bg_id, m.person_id, m.gueltig_von desc, s.gueltig_von desc`);
  for (const p of personen.rows) out.get(p.bg_id)?.personen.push({ id: p.person_id, name: `${p.vorname} ${p.nachname}`, rolle: p.rolle });
  const adressen = await tx.execute<{ bg_id: string; strasse: string; hausnummer: string; zusatz: string | null; plz: string; ort: string }>(sql`
    select distinct on (bg_id) bg_id, strasse, hausnummer, zusatz, plz, ort from bg_adressen
    where bg_id = any(${ids}) and gueltig_von <= ${tag}::date order by bg_id, gueltig_von desc`);
  for (const a of adressen.rows) {
    const e = out.get(a.bg_id);
    if (e) e.adresse = { strasse: a.strasse, hausnummer: a.hausnummer, zusatz: a.zusatz, plz: a.plz, ort: a.ort };
  }
  if (opts.bank) {
    const bank = await tx.execute<{ bg_id: string; iban: string }>(sql`
      select distinct on (bg_id) bg_id, iban from bg_bankverbindungen
      where bg_id = any(${ids}) and gueltig_von <= ${tag}::date and (gueltig_bis is null or gueltig_bis >= ${tag}::date)
      order by bg_id, gueltig_von desc`);
    for (const b of bank.rows) {
      const e = out.get(b.bg_id);
      if (e) e.bank = { iban: b.iban };
    }
  }
  return out;
}

/** The bank account in force on `tag` for many BGs. */
export async function bankverbindungenAm(tx: Tx, bgIds: string[], tag: string) {
  const out = new Map<string, { iban: string; bic: string | null; kontoinhaber: string }>();
  if (bgIds.length === 0) return out;
  const ids = sql`${`{${bgIds.join(',')}}`}::uuid[]`;
  const rows = await tx.execute<{ bg_id: string; iban: string; bic: string | null; kontoinhaber: string }>(sql`
    select distinct on (bg_id) bg_id, iban, bic, kontoinhaber from bg_bankverbindungen
    where bg_id = any(${ids}) and gueltig_von <= ${tag}::date and (gueltig_bis is null or gueltig_bis >= ${tag}::date)
    order by bg_id, gueltig_von desc`);
  for (const r of rows.rows) out.set(r.bg_id, { iban: r.iban, bic: r.bic, kontoinhaber: r.kontoinhaber });
  return out;
}

/** Fallnummer and Standort of many BGs. */
export async function bgKoepfe(tx: Tx, bgIds: string[]) {
  if (bgIds.length === 0) return new Map<string, { fallnummer: string; standortId: string }>();
  const rows = await tx
    .select({ id: bedarfsgemeinschaften.id, fallnummer: bedarfsgemeinschaften.fallnummer, standortId: bedarfsgemeinschaften.standortId })
    .from(bedarfsgemeinschaften)
    .where(inArray(bedarfsgemeinschaften.id, bgIds));
  return new Map(rows.map((r) => [r.id, { fallnummer: r.fallnummer, standortId: r.standortId }]));
}

/** Jobs of every Träger that were running when the server stopped (system look-up at start-up). */
export async function laufendeMassenaenderungenAllerTraeger(db: { withSystem: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }) {
  return db.withSystem((tx) =>
    tx.select({ id: massenaenderungen.id, traegerId: massenaenderungen.traegerId }).from(massenaenderungen).where(eq(massenaenderungen.status, 'laufend')),
  );
}

export async function bescheideOhnePdfDesJobs(tx: Tx, massenaenderungId: string, limit: number) {
  return tx
    .select({ id: bescheide.id, modell: bescheide.modell })
    .from(bescheide)
    .where(and(eq(bescheide.massenaenderungId, massenaenderungId), isNull(bescheide.pdf)))
    .limit(limit);
}
