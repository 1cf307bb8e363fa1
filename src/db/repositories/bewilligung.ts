import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { bedarfsgemeinschaften, bewilligungen, bewilligungMonate, erstattungsforderungen, korrekturen, zahlungen } from '../schema/index.ts';

type BewilligungInsert = typeof bewilligungen.$inferInsert;
type MonatInsert = typeof bewilligungMonate.$inferInsert;

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
  /**
   * The lock between the Zahllauf and a new version decided by the system (Minderung, docs/fordern.md "Geld"): the
   * approved Bewilligungen of the BG FOR UPDATE, in id order, taken BEFORE reading what has been paid. A Zahllauf
   * batch holds `zurZahlungGesperrt` (FOR SHARE) on the same rows while it records payments, so a month is paid
   * either with the old amount (then the new version sees it as paid and records the difference) or – after the new
   * version replaced the old one – not in this batch but by the next run with the new amount, never both.
   */
  async sperreBewilligte(tx: Tx, bgId: string) {
    return tx
      .select()
      .from(bewilligungen)
      .where(and(eq(bewilligungen.bgId, bgId), eq(bewilligungen.status, 'bewilligt')))
      .orderBy(asc(bewilligungen.id))
      .for('update');
  },
  /** Zahllauf side of `sperreBewilligte`: which of the Bewilligungen are still approved, locked FOR SHARE (id order). */
  async zurZahlungGesperrt(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx
      .select({ id: bewilligungen.id })
      .from(bewilligungen)
      .where(and(inArray(bewilligungen.id, [...ids]), eq(bewilligungen.status, 'bewilligt')))
      .orderBy(asc(bewilligungen.id))
      .for('share');
    return new Set(rows.map((r) => r.id));
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
      .limit(opts.limit)
      // locked like `sperreBewilligte`: a Zahllauf batch (FOR SHARE) pays either the old amount or, after the new
      // version replaced it, nothing until the next run – never both
      .for('update');
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
      // a month whose KdU went to a payee (§ 22 Abs. 7, § 7b Abs. 4) is paid too
      .where(and(eq(zahlungen.bgId, bgId), inArray(zahlungen.art, ['laufend', 'kdu_empfaenger'])));
    return r?.m ?? null;
  },
  async gezahltBisVieler(tx: Tx, bgIds: string[]) {
    if (bgIds.length === 0) return new Map<string, string>();
    const rows = await tx
      .select({ bgId: zahlungen.bgId, m: sql<string>`max(${zahlungen.leistungsmonat})` })
      .from(zahlungen)
      .where(and(inArray(zahlungen.bgId, bgIds), inArray(zahlungen.art, ['laufend', 'kdu_empfaenger'])))
      .groupBy(zahlungen.bgId);
    return new Map(rows.map((r) => [r.bgId, r.m]));
  },
};
