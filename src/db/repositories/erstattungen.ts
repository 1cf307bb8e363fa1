import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { aufrechnungen, bedarfsgemeinschaften, bescheide, erstattungsforderungen, erstattungVorgaenge, zahlungen } from '../schema/index.ts';

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
  /** Links the Forderungen of a decision to its (first) Bescheid; a link once set is kept. */
  async verknuepfeBescheid(tx: Tx, bewilligungId: string, bescheidId: string) {
    await tx
      .update(erstattungsforderungen)
      .set({ bescheidId })
      .where(and(eq(erstattungsforderungen.bewilligungId, bewilligungId), isNull(erstattungsforderungen.bescheidId)));
  },
  /** Art and date of a Bescheid (for the link on the Forderung). */
  async bescheidKopf(tx: Tx, bescheidId: string) {
    const [r] = await tx.select({ id: bescheide.id, art: bescheide.art, datum: bescheide.datum }).from(bescheide).where(eq(bescheide.id, bescheidId)).limit(1);
    return r;
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

/** Aufrechnungen (§ 43 SGB II) and their deductions in the Zahllauf. */
export const aufrechnungRepository = {
  async insert(tx: Tx, row: typeof aufrechnungen.$inferInsert) {
    const [r] = await tx.insert(aufrechnungen).values(row).returning();
    return r!;
  },
  /** Sum set off in the payments of the payment months [von, bis] ('YYYY-MM'), for the Kostenbericht. */
  async summe(tx: Tx, von: string, bis: string) {
    const [r] = await tx
      .select({ s: sql<number>`coalesce(sum(${zahlungen.aufrechnungCent}), 0)`.mapWith(Number) })
      .from(zahlungen)
      .where(and(gte(zahlungen.zahlmonat, von), lte(zahlungen.zahlmonat, bis)));
    return r?.s ?? 0;
  },
  async find(tx: Tx, id: string) {
    const [r] = await tx.select().from(aufrechnungen).where(eq(aufrechnungen.id, id)).limit(1);
    return r;
  },
  /** Optimistic locking: undefined when `version` is no longer current. */
  async setzeStatus(tx: Tx, id: string, version: number, status: 'laufend' | 'ausgesetzt' | 'beendet') {
    const [r] = await tx
      .update(aufrechnungen)
      .set({ status, version: sql`${aufrechnungen.version} + 1` })
      .where(and(eq(aufrechnungen.id, id), eq(aufrechnungen.version, version)))
      .returning();
    return r;
  },
  async setBescheid(tx: Tx, id: string, bescheidId: string) {
    await tx.update(aufrechnungen).set({ bescheidId }).where(eq(aufrechnungen.id, id));
  },
  async derForderung(tx: Tx, forderungId: string) {
    return tx.select().from(aufrechnungen).where(eq(aufrechnungen.forderungId, forderungId)).orderBy(asc(aufrechnungen.createdAt));
  },
  /**
   * Serialises declarations against one person (§ 43 Abs. 2 S. 2: two parallel declarations must not exceed 30 %
   * together): a transaction-scoped advisory lock, taken before the person's running Aufrechnungen are read.
   */
  async sperrePerson(tx: Tx, personId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`aufrechnung:${personId}`}, 0))`);
  },
  /**
   * Shares (prozent) of the person's running Aufrechnungen that still run in `abMonat` or later (§ 43 Abs. 2 S. 2);
   * only those whose Forderung is still open count (a paid or erlassene Forderung no longer takes anything).
   */
  async laufendeDerPerson(tx: Tx, personId: string, abMonat: string) {
    return tx
      .select({ id: aufrechnungen.id, forderungId: aufrechnungen.forderungId, prozent: aufrechnungen.prozent })
      .from(aufrechnungen)
      .innerJoin(erstattungsforderungen, and(eq(erstattungsforderungen.traegerId, aufrechnungen.traegerId), eq(erstattungsforderungen.id, aufrechnungen.forderungId)))
      .where(and(eq(aufrechnungen.personId, personId), eq(aufrechnungen.status, 'laufend'), gte(aufrechnungen.bisMonat, abMonat), eq(erstattungsforderungen.status, 'offen')));
  },
  /** The person's share of the Forderung (personen[].betragCent) minus what Aufrechnungen against the person have already taken. */
  async personRest(tx: Tx, forderungId: string, personId: string) {
    const r = await tx.execute<{ rest: string | null }>(sql`
      select (select (p->>'betragCent')::bigint from jsonb_array_elements(f.personen) p where p->>'id' = ${personId} limit 1)
        - coalesce((select sum(v.betrag_cent) from erstattung_vorgaenge v
                    join aufrechnungen a on a.traeger_id = v.traeger_id and a.id = v.aufrechnung_id
                    where v.forderung_id = f.id and v.art = 'aufrechnung' and a.person_id = ${personId}::uuid), 0) as rest
      from erstattungsforderungen f where f.id = ${forderungId}::uuid`);
    const rest = r.rows[0]?.rest;
    return rest === null || rest === undefined ? 0 : Number(rest);
  },
  /** The last Leistungsmonat of the BG already paid as laufende Zahlung (null: none). */
  async letzterGezahlterMonat(tx: Tx, bgId: string) {
    const [r] = await tx
      .select({ m: sql<string | null>`max(${zahlungen.leistungsmonat})` })
      .from(zahlungen)
      .where(and(eq(zahlungen.bgId, bgId), eq(zahlungen.art, 'laufend')));
    return r?.m ?? null;
  },
  /** Ends the running (or suspended) Aufrechnungen of a Forderung that is no longer open (paid, erlassen). */
  async beendeDerForderung(tx: Tx, forderungId: string) {
    return tx
      .update(aufrechnungen)
      .set({ status: 'beendet', version: sql`${aufrechnungen.version} + 1` })
      .where(and(eq(aufrechnungen.forderungId, forderungId), eq(aufrechnungen.status, 'laufend')))
      .returning({ id: aufrechnungen.id });
  },
  /**
   * Running Aufrechnungen for the Zahllauf of `leistungsmonat`: begun by then, Forderung open with a balance and not
   * deferred (Stundung) in that month.
   */
  async fuerZahllauf(tx: Tx, leistungsmonat: string) {
    return tx
      .select({
        id: aufrechnungen.id,
        forderungId: aufrechnungen.forderungId,
        bgId: aufrechnungen.bgId,
        personId: aufrechnungen.personId,
        prozent: aufrechnungen.prozent,
        abMonat: aufrechnungen.abMonat,
        bisMonat: aufrechnungen.bisMonat,
        offenCent: offen,
        personRestCent: sql<number>`coalesce((select (p->>'betragCent')::bigint from jsonb_array_elements(${erstattungsforderungen.personen}) p where p->>'id' = ${aufrechnungen.personId}::text limit 1)
          - coalesce((select sum(v.betrag_cent) from erstattung_vorgaenge v
                      join aufrechnungen a2 on a2.traeger_id = v.traeger_id and a2.id = v.aufrechnung_id
                      where v.forderung_id = ${aufrechnungen.forderungId} and v.art = 'aufrechnung' and a2.person_id = ${aufrechnungen.personId}), 0), 0)`.mapWith(Number),
      })
      .from(aufrechnungen)
      .innerJoin(erstattungsforderungen, and(eq(erstattungsforderungen.traegerId, aufrechnungen.traegerId), eq(erstattungsforderungen.id, aufrechnungen.forderungId)))
      .where(
        and(
          eq(aufrechnungen.status, 'laufend'),
          lte(aufrechnungen.abMonat, leistungsmonat),
          eq(erstattungsforderungen.status, 'offen'),
          sql`coalesce(${erstattungsforderungen.offenCent}, ${erstattungsforderungen.betragCent}) > 0`,
          sql`(${erstattungsforderungen.stundungBis} is null or ${erstattungsforderungen.stundungBis} < ${`${leistungsmonat}-01`}::date)`,
        ),
      )
      .orderBy(asc(aufrechnungen.createdAt));
  },
  /** Per month of the given Bewilligungen: each person's payment and Regelbedarfsstufe (from the stored result). */
  async personenDerMonate(tx: Tx, bewilligungIds: string[]) {
    if (bewilligungIds.length === 0) return [];
    const ids = sql`${`{${bewilligungIds.join(',')}}`}::uuid[]`;
    const r = await tx.execute<{
      bewilligung_id: string;
      monat: string;
      personen: { id: string; auszahlungCent: number }[];
      /** the engine's per-person result: Regelbedarfsstufe and Minderung (§ 31b, euros) */
      stufen: { id: string; regelbedarfsstufe: number | null; minderung?: number }[];
    }>(sql`
      select bewilligung_id, monat, personen, coalesce(ergebnis->'personen', '[]'::jsonb) as stufen
      from bewilligung_monate where bewilligung_id = any(${ids})`);
    return r.rows;
  },
  /**
   * Records the deductions of payments just inserted (same transaction as the payment): one Vorgang 'aufrechnung'
   * per key (ON CONFLICT DO NOTHING) and the Forderung's balance reduced. Returns false when a balance no longer
   * covers its deduction (the Forderung was changed meanwhile) – the caller rolls the batch back.
   */
  async bucheAbzuege(
    tx: Tx,
    rows: { traegerId: string; forderungId: string; aufrechnungId: string; zahlungId: string; schluessel: string; betragCent: number; datum: string; grund: string }[],
  ): Promise<boolean> {
    if (rows.length === 0) return true;
    const neu = await tx
      .insert(erstattungVorgaenge)
      .values(
        rows.map((r) => ({
          traegerId: r.traegerId,
          forderungId: r.forderungId,
          art: 'aufrechnung',
          datum: r.datum,
          betragCent: r.betragCent,
          grund: r.grund,
          schluessel: r.schluessel,
          zahlungId: r.zahlungId,
          aufrechnungId: r.aufrechnungId,
        })),
      )
      .onConflictDoNothing({ target: [erstattungVorgaenge.traegerId, erstattungVorgaenge.schluessel] })
      .returning({ forderungId: erstattungVorgaenge.forderungId, betragCent: erstattungVorgaenge.betragCent });
    const jeForderung = new Map<string, number>();
    for (const n of neu) jeForderung.set(n.forderungId, (jeForderung.get(n.forderungId) ?? 0) + (n.betragCent ?? 0));
    for (const [forderungId, betrag] of jeForderung) {
      const rest = sql`coalesce(${erstattungsforderungen.offenCent}, ${erstattungsforderungen.betragCent}) - ${betrag}`;
      const [f] = await tx
        .update(erstattungsforderungen)
        .set({
          offenCent: rest,
          status: sql`case when ${rest} = 0 then 'erledigt' else ${erstattungsforderungen.status} end`,
          erledigtAt: sql`case when ${rest} = 0 then now() else ${erstattungsforderungen.erledigtAt} end`,
          version: sql`${erstattungsforderungen.version} + 1`,
        })
        .where(and(eq(erstattungsforderungen.id, forderungId), eq(erstattungsforderungen.status, 'offen'), sql`${rest} >= 0`))
        .returning({ offenCent: erstattungsforderungen.offenCent });
      if (!f) return false;
      if (f.offenCent === 0) await aufrechnungRepository.beendeDerForderung(tx, forderungId);
    }
    // an Aufrechnung whose person has repaid the own share of the Forderung ends as well
    const ids = [...new Set(rows.map((r) => r.aufrechnungId))];
    await tx.execute(sql`
      update aufrechnungen a set status = 'beendet', version = a.version + 1
      from erstattungsforderungen f
      where f.traeger_id = a.traeger_id and f.id = a.forderung_id and a.status = 'laufend'
        and a.id = any(${`{${ids.join(',')}}`}::uuid[])
        and coalesce((select (p->>'betragCent')::bigint from jsonb_array_elements(f.personen) p where p->>'id' = a.person_id::text limit 1), 0)
          - coalesce((select sum(v.betrag_cent) from erstattung_vorgaenge v
                      join aufrechnungen a2 on a2.traeger_id = v.traeger_id and a2.id = v.aufrechnung_id
                      where v.forderung_id = f.id and v.art = 'aufrechnung' and a2.person_id = a.person_id), 0) <= 0`);
    return true;
  },
};
