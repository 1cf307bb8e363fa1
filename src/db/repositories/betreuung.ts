import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { betreuungen, userStandorte, users, type Betreuung } from '../schema/index.ts';

/** The person as the integration side needs it: current BG (Fallnummer, Standort), name, eLb facts. */
export type PersonKontext = {
  personId: string;
  bgId: string;
  fallnummer: string;
  standortId: string;
  bgAktiv: boolean;
  inBg: boolean;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  erwerbsfaehig: boolean | null;
};

/** One row of the caseload (status comes from the Arbeitsmarktstatus repository). */
export type CaseloadZeile = {
  betreuungId: string;
  personId: string;
  fachkraftId: string;
  fachkraftName: string;
  seit: string;
  bgId: string;
  fallnummer: string;
  standortId: string;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  naechsterKontakt: string | null;
  offeneWiedervorlagen: number;
  ueberfaelligeWiedervorlagen: number;
  naechsteWiedervorlage: string | null;
};

/** A candidate of the re-assignment list: a member of an active BG with the facts the eLb rule needs. */
export type Kandidat = {
  personId: string;
  bgId: string;
  fallnummer: string;
  standortId: string;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  erwerbsfaehig: boolean | null;
  fachkraftId: string | null;
  fachkraftName: string | null;
  betreuungSeit: string | null;
};

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const isoOderNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

// The BG a person belongs to on a day: the membership covering the day (in the BG before only in the household,
// active BGs first), else the latest one.
const AKTUELLE_MITGLIEDSCHAFT = (tag: string) => sql`
  select m.bg_id, m.in_bg, x.fallnummer, x.standort_id, x.status
  from bg_mitgliedschaften m
  join bedarfsgemeinschaften x on x.traeger_id = m.traeger_id and x.id = m.bg_id
  where m.person_id = p.person_id
  order by (m.gueltig_von <= ${tag}::date and (m.gueltig_bis is null or m.gueltig_bis >= ${tag}::date)) desc,
           (x.status = 'aktiv') desc, m.in_bg desc, m.gueltig_von desc
  limit 1`;
const AKTUELLE_STAMMDATEN = (tag: string) => sql`
  select s.vorname, s.nachname, s.geburtsdatum
  from person_stammdaten s
  where s.person_id = p.person_id
  order by (s.gueltig_von <= ${tag}::date and (s.gueltig_bis is null or s.gueltig_bis >= ${tag}::date)) desc, s.gueltig_von desc
  limit 1`;
const ERWERBSFAEHIG = (tag: string) => sql`
  select mm.erwerbsfaehig from person_merkmale mm
  where mm.person_id = p.person_id and mm.gueltig_von <= ${tag}::date and (mm.gueltig_bis is null or mm.gueltig_bis >= ${tag}::date)
  limit 1`;

export const betreuungRepository = {
  /** The person with current BG, name and eLb facts (undefined: unknown id or another Träger — RLS). */
  async personKontext(tx: Tx, personId: string, tag: string): Promise<PersonKontext | undefined> {
    const r = await tx.execute<Record<string, unknown>>(sql`
      select p.person_id, mg.bg_id, mg.in_bg, mg.fallnummer, mg.standort_id, mg.status, st.vorname, st.nachname, st.geburtsdatum, ef.erwerbsfaehig
      from (select id as person_id from personen where id = ${personId}::uuid) p
      join lateral (${AKTUELLE_MITGLIEDSCHAFT(tag)}) mg on true
      join lateral (${AKTUELLE_STAMMDATEN(tag)}) st on true
      left join lateral (${ERWERBSFAEHIG(tag)}) ef on true`);
    const z = r.rows[0];
    if (!z) return undefined;
    return {
      personId: String(z.person_id),
      bgId: String(z.bg_id),
      fallnummer: String(z.fallnummer),
      standortId: String(z.standort_id),
      bgAktiv: z.status === 'aktiv',
      inBg: z.in_bg === true,
      vorname: String(z.vorname),
      nachname: String(z.nachname),
      geburtsdatum: iso(z.geburtsdatum),
      erwerbsfaehig: z.erwerbsfaehig === null || z.erwerbsfaehig === undefined ? null : z.erwerbsfaehig === true,
    };
  },

  /** Betreuung history of a person, newest first, with the Fachkraft's name. */
  async verlauf(tx: Tx, personId: string): Promise<(Betreuung & { fachkraftName: string })[]> {
    const rows = await tx
      .select({ b: betreuungen, name: users.name })
      .from(betreuungen)
      .innerJoin(users, and(eq(users.traegerId, betreuungen.traegerId), eq(users.id, betreuungen.fachkraftId)))
      .where(eq(betreuungen.personId, personId))
      .orderBy(desc(betreuungen.gueltigVon));
    return rows.map((r) => ({ ...r.b, fachkraftName: r.name }));
  },

  /** Serialises assignments of one person. */
  async sperrePerson(tx: Tx, personId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`betreuung:${personId}`}, 0))`);
  },

  async insert(tx: Tx, row: typeof betreuungen.$inferInsert): Promise<Betreuung> {
    const [created] = await tx.insert(betreuungen).values(row).returning();
    return created!;
  },

  async setzeBis(tx: Tx, id: string, gueltigBis: string): Promise<void> {
    await tx.update(betreuungen).set({ gueltigBis }).where(eq(betreuungen.id, id));
  },

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(betreuungen).where(eq(betreuungen.id, id));
  },

  /** Active staff of the integration side (integration, teamleitung) working at one of the Standorte. */
  async fachkraefte(tx: Tx, standortIds: string[] | 'alle'): Promise<{ id: string; name: string }[]> {
    if (standortIds !== 'alle' && standortIds.length === 0) return [];
    return tx
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(userStandorte, and(eq(userStandorte.traegerId, users.traegerId), eq(userStandorte.userId, users.id)))
      .where(
        and(
          standortIds === 'alle' ? undefined : inArray(userStandorte.standortId, standortIds),
          eq(users.aktiv, true),
          eq(users.art, 'staff'),
          sql`${users.roles} && array['integration','teamleitung']::text[]`,
        ),
      )
      .orderBy(asc(users.name));
  },

  /** The Standorte a staff member works at. */
  async standorteVon(tx: Tx, userId: string): Promise<string[]> {
    const rows = await tx.select({ id: userStandorte.standortId }).from(userStandorte).where(eq(userStandorte.userId, userId));
    return rows.map((r) => r.id);
  },

  /**
   * Persons with a Betreuung running on `tag`, of one Fachkraft (or all), whose current BG is at one of the Standorte;
   * those with overdue Wiedervorlagen first, then by the next due one, then by name.
   */
  async caseload(tx: Tx, o: { tag: string; fachkraftId: string | null; standortIds: string[] | 'alle'; limit?: number }): Promise<CaseloadZeile[]> {
    const r = await tx.execute<Record<string, unknown>>(sql`
      select b.id as betreuung_id, b.person_id, b.fachkraft_id, u.name as fachkraft_name, b.gueltig_von as seit,
             mg.bg_id, mg.fallnummer, mg.standort_id, st.vorname, st.nachname, st.geburtsdatum,
             (select min(w.faellig_am) from wiedervorlagen w
               where w.person_id = b.person_id and w.art = 'integration_kontakt' and w.erledigt_am is null) as naechster_kontakt,
             (select count(*) from wiedervorlagen w where w.person_id = b.person_id and w.erledigt_am is null)::int as offen,
             (select count(*) from wiedervorlagen w
               where w.person_id = b.person_id and w.erledigt_am is null and w.faellig_am < ${o.tag}::date)::int as ueberfaellig,
             (select min(w.faellig_am) from wiedervorlagen w where w.person_id = b.person_id and w.erledigt_am is null) as naechste_wv
      from betreuungen b
      cross join lateral (select b.person_id as person_id) p
      join users u on u.traeger_id = b.traeger_id and u.id = b.fachkraft_id
      join lateral (${AKTUELLE_MITGLIEDSCHAFT(o.tag)}) mg on true
      join lateral (${AKTUELLE_STAMMDATEN(o.tag)}) st on true
      where b.gueltig_von <= ${o.tag}::date and (b.gueltig_bis is null or b.gueltig_bis >= ${o.tag}::date)
        ${o.fachkraftId ? sql`and b.fachkraft_id = ${o.fachkraftId}::uuid` : sql``}
        ${o.standortIds === 'alle' ? sql`` : sql`and mg.standort_id = any(${`{${o.standortIds.join(',')}}`}::uuid[])`}
      order by (case when (select count(*) from wiedervorlagen w
                  where w.person_id = b.person_id and w.erledigt_am is null and w.faellig_am < ${o.tag}::date) > 0 then 0 else 1 end),
               naechste_wv asc nulls last, st.nachname, st.vorname
      limit ${o.limit ?? 500}`);
    return r.rows.map((z) => ({
      betreuungId: String(z.betreuung_id),
      personId: String(z.person_id),
      fachkraftId: String(z.fachkraft_id),
      fachkraftName: String(z.fachkraft_name),
      seit: iso(z.seit),
      bgId: String(z.bg_id),
      fallnummer: String(z.fallnummer),
      standortId: String(z.standort_id),
      vorname: String(z.vorname),
      nachname: String(z.nachname),
      geburtsdatum: iso(z.geburtsdatum),
      naechsterKontakt: isoOderNull(z.naechster_kontakt),
      offeneWiedervorlagen: Number(z.offen),
      ueberfaelligeWiedervorlagen: Number(z.ueberfaellig),
      naechsteWiedervorlage: isoOderNull(z.naechste_wv),
    }));
  },

  /**
   * Members (in_bg) of active BGs at the Standorte on `tag`, with their current Betreuung — the candidates of the
   * re-assignment page (the eLb rule of the domain filters them). `fachkraft`: only those of this Fachkraft, or
   * 'ohne' for those without one.
   */
  async kandidaten(tx: Tx, o: { tag: string; standortIds: string[] | 'alle'; fachkraft: string | 'ohne' | null; limit?: number }): Promise<Kandidat[]> {
    const r = await tx.execute<Record<string, unknown>>(sql`
      select p.person_id, m.bg_id, x.fallnummer, x.standort_id, st.vorname, st.nachname, st.geburtsdatum, ef.erwerbsfaehig,
             be.fachkraft_id, u.name as fachkraft_name, be.gueltig_von as betreuung_seit
      from bg_mitgliedschaften m
      join bedarfsgemeinschaften x on x.traeger_id = m.traeger_id and x.id = m.bg_id and x.status = 'aktiv'
      cross join lateral (select m.person_id as person_id) p
      join lateral (${AKTUELLE_STAMMDATEN(o.tag)}) st on true
      left join lateral (${ERWERBSFAEHIG(o.tag)}) ef on true
      left join betreuungen be on be.traeger_id = m.traeger_id and be.person_id = m.person_id
        and be.gueltig_von <= ${o.tag}::date and (be.gueltig_bis is null or be.gueltig_bis >= ${o.tag}::date)
      left join users u on u.traeger_id = be.traeger_id and u.id = be.fachkraft_id
      where m.in_bg and m.gueltig_von <= ${o.tag}::date and (m.gueltig_bis is null or m.gueltig_bis >= ${o.tag}::date)
        ${o.standortIds === 'alle' ? sql`` : sql`and x.standort_id = any(${`{${o.standortIds.join(',')}}`}::uuid[])`}
        ${o.fachkraft === 'ohne' ? sql`and be.id is null` : o.fachkraft ? sql`and be.fachkraft_id = ${o.fachkraft}::uuid` : sql``}
      order by st.nachname, st.vorname
      limit ${o.limit ?? 500}`);
    return r.rows.map((z) => ({
      personId: String(z.person_id),
      bgId: String(z.bg_id),
      fallnummer: String(z.fallnummer),
      standortId: String(z.standort_id),
      vorname: String(z.vorname),
      nachname: String(z.nachname),
      geburtsdatum: iso(z.geburtsdatum),
      erwerbsfaehig: z.erwerbsfaehig === null || z.erwerbsfaehig === undefined ? null : z.erwerbsfaehig === true,
      fachkraftId: z.fachkraft_id ? String(z.fachkraft_id) : null,
      fachkraftName: z.fachkraft_name ? String(z.fachkraft_name) : null,
      betreuungSeit: isoOderNull(z.betreuung_seit),
    }));
  },
};
