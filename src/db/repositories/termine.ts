import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { vorbereitet, type Tx } from '../client.ts';
import { zeileAusJson, zeilenAusJson } from '../json-zeilen.ts';
import {
  einladungen,
  standorte,
  terminAbwesenheiten,
  terminAnliegen,
  terminAusnahmen,
  terminBestaetigungen,
  terminRegeln,
  termine,
  terminRessourcen,
  terminSprechzeiten,
  traeger,
  wartelisteAngebote,
  wartelisteEintraege,
} from '../schema/index.ts';

export type TerminRow = typeof termine.$inferSelect;

/** Occupancy rows from JSON (`buchungsdaten`): snake_case keys, timestamps as text. */
function belegungAus(j: unknown) {
  return (Array.isArray(j) ? j : []).map((b: Record<string, unknown>) => ({
    id: b.id as string,
    ressourceId: b.ressource_id as string,
    beginn: new Date(b.beginn as string),
    ende: new Date(b.ende as string),
    ...('blockiert_bis' in b ? { blockiertBis: new Date(b.blockiert_bis as string) } : {}),
  }));
}
export type AnliegenRow = typeof terminAnliegen.$inferSelect;
export type RessourceRow = typeof terminRessourcen.$inferSelect;
export type AngebotRow = typeof wartelisteAngebote.$inferSelect;
export type EintragRow = typeof wartelisteEintraege.$inferSelect;

/**
 * A concurrent booking won: exclusion-constraint violation (23P01), or – should two bookings ever wait on each
 * other – a deadlock (40P01) that PostgreSQL resolved by aborting this one. Also when wrapped by drizzle.
 */
export function istBelegtFehler(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; e && i < 4; i++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23P01' || code === '40P01') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** All the database work of appointments (RLS limits every query to one Träger unless run withSystem). */
export const termineRepository = {
  async stammdaten(tx: Tx) {
    // one connection: queries run one after the other
    const anliegen = await tx.select().from(terminAnliegen).orderBy(asc(terminAnliegen.name));
    const ressourcen = await tx.select().from(terminRessourcen).where(eq(terminRessourcen.aktiv, true)).orderBy(asc(terminRessourcen.id));
    const sprechzeiten = await tx.select().from(terminSprechzeiten);
    const ausnahmen = await tx.select().from(terminAusnahmen);
    const standortListe = await tx.select().from(standorte).where(eq(standorte.aktiv, true)).orderBy(asc(standorte.name));
    return { anliegen, ressourcen, sprechzeiten, ausnahmen, standorte: standortListe };
  },

  /**
   * Everything the slot computation of one booking needs — the Träger's rules, the master data, absences and the
   * occupancy of the booking horizon — in ONE statement (one round trip instead of nine). The horizon is
   * [jetzt − 1 day, jetzt + (horizontTage + 2) days) with the Träger's horizon or `standardHorizontTage`.
   * Same rows and order as `terminRegelnRepository.find` + `stammdaten` + `abwesenheiten` + `belegungen`.
   */
  async buchungsdaten(tx: Tx, opts: { traegerId: string; jetzt: Date; standardHorizontTage: number }) {
    const rows = await vorbereitet<Record<string, unknown>>(tx, 'vorort_buchungsdaten', sql`
      WITH r AS (SELECT * FROM termin_regeln WHERE traeger_id = ${opts.traegerId} LIMIT 1),
           f AS (SELECT ${opts.jetzt.toISOString()}::timestamptz - interval '1 day' AS von,
                        ${opts.jetzt.toISOString()}::timestamptz + make_interval(days => coalesce((SELECT horizont_tage FROM r), ${opts.standardHorizontTage}::int) + 2) AS bis)
      SELECT
        (SELECT row_to_json(r) FROM r) AS regeln,
        (SELECT coalesce(json_agg(x ORDER BY x.name), '[]'::json) FROM termin_anliegen x) AS anliegen,
        (SELECT coalesce(json_agg(x ORDER BY x.id), '[]'::json) FROM termin_ressourcen x WHERE x.aktiv) AS ressourcen,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM termin_sprechzeiten x) AS sprechzeiten,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM termin_ausnahmen x) AS ausnahmen,
        (SELECT coalesce(json_agg(x ORDER BY x.name), '[]'::json) FROM standorte x WHERE x.aktiv) AS standorte,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM termin_abwesenheiten x, f WHERE x.von < f.bis AND x.bis > f.von) AS abwesenheiten,
        (SELECT coalesce(json_agg(json_build_object('id', x.id, 'ressource_id', x.ressource_id, 'beginn', x.beginn, 'ende', x.ende, 'blockiert_bis', x.blockiert_bis)), '[]'::json)
           FROM termine x, f WHERE x.status <> 'abgesagt' AND x.beginn < f.bis AND x.blockiert_bis > f.von) AS termine,
        (SELECT coalesce(json_agg(json_build_object('id', x.id, 'ressource_id', x.ressource_id, 'beginn', x.beginn, 'ende', x.ende)), '[]'::json)
           FROM warteliste_angebote x, f WHERE x.status = 'offen' AND x.gueltig_bis > ${opts.jetzt.toISOString()}::timestamptz AND x.beginn < f.bis AND x.ende > f.von) AS angebote`);
    const z = rows[0]!;
    return {
      regeln: z.regeln ? zeileAusJson(terminRegeln, z.regeln as Record<string, unknown>) : undefined,
      stammdaten: {
        anliegen: zeilenAusJson(terminAnliegen, z.anliegen),
        ressourcen: zeilenAusJson(terminRessourcen, z.ressourcen),
        sprechzeiten: zeilenAusJson(terminSprechzeiten, z.sprechzeiten),
        ausnahmen: zeilenAusJson(terminAusnahmen, z.ausnahmen),
        standorte: zeilenAusJson(standorte, z.standorte),
      },
      abwesenheiten: zeilenAusJson(terminAbwesenheiten, z.abwesenheiten),
      belegt: {
        termine: belegungAus(z.termine) as { id: string; ressourceId: string; beginn: Date; ende: Date; blockiertBis: Date }[],
        angebote: belegungAus(z.angebote) as { id: string; ressourceId: string; beginn: Date; ende: Date }[],
      },
    };
  },

  async abwesenheiten(tx: Tx, von: Date, bis: Date) {
    return tx.select().from(terminAbwesenheiten).where(and(lt(terminAbwesenheiten.von, bis), gt(terminAbwesenheiten.bis, von)));
  },

  /**
   * Active appointments and open offers that touch [von, bis) – the occupancy for slot computation. An offer holds its
   * slot until `gueltig_bis` as of `jetzt` (the business clock, like every other deadline – not the database's now()).
   */
  async belegungen(tx: Tx, von: Date, bis: Date, jetzt: Date) {
    const t = await tx
      .select({ id: termine.id, ressourceId: termine.ressourceId, beginn: termine.beginn, ende: termine.ende, blockiertBis: termine.blockiertBis })
      .from(termine)
      .where(and(ne(termine.status, 'abgesagt'), lt(termine.beginn, bis), gt(termine.blockiertBis, von)));
    const a = await tx
      .select({ id: wartelisteAngebote.id, ressourceId: wartelisteAngebote.ressourceId, beginn: wartelisteAngebote.beginn, ende: wartelisteAngebote.ende })
      .from(wartelisteAngebote)
      .where(and(eq(wartelisteAngebote.status, 'offen'), gt(wartelisteAngebote.gueltigBis, jetzt), lt(wartelisteAngebote.beginn, bis), gt(wartelisteAngebote.ende, von)));
    return { termine: t, angebote: a };
  },

  async findAnliegen(tx: Tx, idOderSchluessel: string) {
    const istUuid = /^[0-9a-f-]{36}$/i.test(idOderSchluessel);
    const [row] = await tx
      .select()
      .from(terminAnliegen)
      .where(istUuid ? eq(terminAnliegen.id, idOderSchluessel) : eq(terminAnliegen.schluessel, idOderSchluessel))
      .limit(1);
    return row;
  },

  async insertTermin(tx: Tx, values: typeof termine.$inferInsert) {
    const [row] = await tx.insert(termine).values(values).returning();
    return row!;
  },

  async findTermin(tx: Tx, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await tx.select().from(termine).where(eq(termine.id, id)).limit(1);
    return row;
  },

  async updateTermin(tx: Tx, id: string, version: number, patch: Partial<typeof termine.$inferInsert>) {
    const [row] = await tx
      .update(termine)
      .set({ ...patch, version: sql`${termine.version} + 1`, updatedAt: new Date() })
      .where(and(eq(termine.id, id), eq(termine.version, version)))
      .returning();
    return row;
  },

  async termineVonBuerger(tx: Tx, userId: string) {
    return tx.select().from(termine).where(eq(termine.buergerUserId, userId)).orderBy(asc(termine.beginn));
  },

  async termineImZeitraum(tx: Tx, filter: { von: Date; bis: Date; standortIds?: string[]; ressourceIds?: string[] }) {
    const bedingungen = [gte(termine.beginn, filter.von), lt(termine.beginn, filter.bis)];
    if (filter.standortIds) bedingungen.push(inArray(termine.standortId, filter.standortIds.length ? filter.standortIds : ['00000000-0000-0000-0000-000000000000']));
    if (filter.ressourceIds) bedingungen.push(inArray(termine.ressourceId, filter.ressourceIds.length ? filter.ressourceIds : ['00000000-0000-0000-0000-000000000000']));
    return tx.select().from(termine).where(and(...bedingungen)).orderBy(asc(termine.beginn));
  },

  async findRessource(tx: Tx, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await tx.select().from(terminRessourcen).where(eq(terminRessourcen.id, id)).limit(1);
    return row;
  },

  async ressourcenVonUser(tx: Tx, userId: string) {
    return tx.select().from(terminRessourcen).where(eq(terminRessourcen.userId, userId));
  },

  async sprechzeitenVon(tx: Tx, ressourceId: string) {
    return tx.select().from(terminSprechzeiten).where(eq(terminSprechzeiten.ressourceId, ressourceId)).orderBy(asc(terminSprechzeiten.wochentag), asc(terminSprechzeiten.von));
  },

  async insertSprechzeit(tx: Tx, values: typeof terminSprechzeiten.$inferInsert) {
    const [row] = await tx.insert(terminSprechzeiten).values(values).returning();
    return row!;
  },

  async deleteSprechzeit(tx: Tx, ressourceId: string, id: string) {
    const rows = await tx.delete(terminSprechzeiten).where(and(eq(terminSprechzeiten.ressourceId, ressourceId), eq(terminSprechzeiten.id, id))).returning();
    return rows.length > 0;
  },

  async insertAusnahme(tx: Tx, values: typeof terminAusnahmen.$inferInsert) {
    const [row] = await tx.insert(terminAusnahmen).values(values).returning();
    return row!;
  },

  async insertAbwesenheit(tx: Tx, values: typeof terminAbwesenheiten.$inferInsert) {
    const [row] = await tx.insert(terminAbwesenheiten).values(values).returning();
    return row!;
  },

  /** Across Träger (the link carries no Träger): the appointment behind a self-service link, by the token's hash. */
  async findTerminByVerwaltungTokenSystem(tx: Tx, tokenHash: string) {
    const [row] = await tx.select({ id: termine.id, traegerId: termine.traegerId, status: termine.status, ende: termine.ende }).from(termine).where(eq(termine.verwaltungTokenHash, tokenHash)).limit(1);
    return row;
  },

  async ausnahmenAb(tx: Tx, ressourceIds: string[], abDatum: string) {
    if (ressourceIds.length === 0) return [];
    return tx
      .select()
      .from(terminAusnahmen)
      .where(and(inArray(terminAusnahmen.ressourceId, ressourceIds), gte(terminAusnahmen.datum, abDatum)))
      .orderBy(asc(terminAusnahmen.datum), asc(terminAusnahmen.von));
  },

  async deleteAusnahme(tx: Tx, id: string) {
    const rows = await tx.delete(terminAusnahmen).where(eq(terminAusnahmen.id, id)).returning();
    return rows[0];
  },

  async abwesenheitenAb(tx: Tx, ressourceIds: string[], ab: Date) {
    if (ressourceIds.length === 0) return [];
    return tx
      .select()
      .from(terminAbwesenheiten)
      .where(and(inArray(terminAbwesenheiten.ressourceId, ressourceIds), gt(terminAbwesenheiten.bis, ab)))
      .orderBy(asc(terminAbwesenheiten.von));
  },

  async findAbwesenheit(tx: Tx, id: string) {
    const [row] = await tx.select().from(terminAbwesenheiten).where(eq(terminAbwesenheiten.id, id)).limit(1);
    return row;
  },

  async findAusnahme(tx: Tx, id: string) {
    const [row] = await tx.select().from(terminAusnahmen).where(eq(terminAusnahmen.id, id)).limit(1);
    return row;
  },

  async deleteAbwesenheit(tx: Tx, id: string) {
    const rows = await tx.delete(terminAbwesenheiten).where(eq(terminAbwesenheiten.id, id)).returning();
    return rows[0];
  },

  async updateRessourceTeam(tx: Tx, id: string, version: number, team: string | null) {
    const [row] = await tx
      .update(terminRessourcen)
      .set({ team, version: sql`${terminRessourcen.version} + 1`, updatedAt: new Date() })
      .where(and(eq(terminRessourcen.id, id), eq(terminRessourcen.version, version)))
      .returning();
    return row;
  },

  // --- double opt-in --------------------------------------------------------------------------------------

  async insertBestaetigung(tx: Tx, values: typeof terminBestaetigungen.$inferInsert) {
    const [row] = await tx.insert(terminBestaetigungen).values(values).returning();
    return row!;
  },

  /** Across Träger (the link carries no Träger): the confirmation by its token hash. */
  async findBestaetigungSystem(tx: Tx, tokenHash: string) {
    const [row] = await tx.select().from(terminBestaetigungen).where(eq(terminBestaetigungen.tokenHash, tokenHash)).limit(1);
    return row;
  },

  /** Marks a confirmation used exactly once; undefined when it was used already (or concurrently). */
  async useBestaetigung(tx: Tx, id: string, terminId: string | null) {
    const [row] = await tx
      .update(terminBestaetigungen)
      .set({ usedAt: new Date(), terminId })
      .where(and(eq(terminBestaetigungen.id, id), isNull(terminBestaetigungen.usedAt)))
      .returning();
    return row;
  },

  // --- Warteliste -----------------------------------------------------------------------------------------

  async insertEintrag(tx: Tx, values: typeof wartelisteEintraege.$inferInsert) {
    const [row] = await tx.insert(wartelisteEintraege).values(values).returning();
    return row!;
  },

  async wartendeEintraege(tx: Tx, anliegenId: string) {
    return tx
      .select()
      .from(wartelisteEintraege)
      .where(and(eq(wartelisteEintraege.anliegenId, anliegenId), eq(wartelisteEintraege.status, 'wartend')))
      .orderBy(asc(wartelisteEintraege.eingetragenAm), asc(wartelisteEintraege.id));
  },

  async findEintragFuer(tx: Tx, anliegenId: string, person: { userId?: string | null; email: string }) {
    const [row] = await tx
      .select()
      .from(wartelisteEintraege)
      .where(
        and(
          eq(wartelisteEintraege.anliegenId, anliegenId),
          inArray(wartelisteEintraege.status, ['wartend', 'pausiert']),
          person.userId ? eq(wartelisteEintraege.buergerUserId, person.userId) : sql`lower(${wartelisteEintraege.email}) = lower(${person.email})`,
        ),
      )
      .limit(1);
    return row;
  },

  async findEintrag(tx: Tx, id: string) {
    const [row] = await tx.select().from(wartelisteEintraege).where(eq(wartelisteEintraege.id, id)).limit(1);
    return row;
  },

  /** Across Träger: a Warteliste entry by id (the signed link names it; the HMAC is checked by the caller). */
  async findEintragSystem(tx: Tx, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await tx.select({ id: wartelisteEintraege.id, traegerId: wartelisteEintraege.traegerId }).from(wartelisteEintraege).where(eq(wartelisteEintraege.id, id)).limit(1);
    return row;
  },

  /** A citizen's own entries (signed in: by account; the address of the account too, for entries made before). */
  async eintraegeVonBuerger(tx: Tx, userId: string) {
    return tx.select().from(wartelisteEintraege).where(eq(wartelisteEintraege.buergerUserId, userId)).orderBy(asc(wartelisteEintraege.eingetragenAm));
  },

  /** Withdraws open offers of an entry (the held slot becomes free again). */
  async zieheAngeboteZurueck(tx: Tx, eintragId: string, am: Date) {
    return tx
      .update(wartelisteAngebote)
      .set({ status: 'zurueckgezogen', beantwortetAm: am })
      .where(and(eq(wartelisteAngebote.eintragId, eintragId), eq(wartelisteAngebote.status, 'offen')))
      .returning();
  },

  async updateEintrag(tx: Tx, id: string, patch: Partial<typeof wartelisteEintraege.$inferInsert>) {
    await tx.update(wartelisteEintraege).set(patch).where(eq(wartelisteEintraege.id, id));
  },

  async angeboteFuerEintraege(tx: Tx, eintragIds: string[]) {
    if (eintragIds.length === 0) return [];
    return tx.select().from(wartelisteAngebote).where(inArray(wartelisteAngebote.eintragId, eintragIds));
  },

  async insertAngebot(tx: Tx, values: typeof wartelisteAngebote.$inferInsert) {
    const [row] = await tx.insert(wartelisteAngebote).values(values).returning();
    return row!;
  },

  async findAngebotSystem(tx: Tx, tokenHash: string) {
    const [row] = await tx.select().from(wartelisteAngebote).where(eq(wartelisteAngebote.tokenHash, tokenHash)).limit(1);
    return row;
  },

  /** Answers an open offer exactly once; undefined when it is no longer open. */
  async beantworteAngebot(tx: Tx, id: string, status: 'angenommen' | 'abgelehnt' | 'verfallen', am: Date, terminId: string | null = null) {
    const [row] = await tx
      .update(wartelisteAngebote)
      .set({ status, beantwortetAm: am, terminId })
      .where(and(eq(wartelisteAngebote.id, id), eq(wartelisteAngebote.status, 'offen')))
      .returning();
    return row;
  },

  async beantworteAngebotTermin(tx: Tx, id: string, terminId: string) {
    await tx.update(wartelisteAngebote).set({ terminId }).where(eq(wartelisteAngebote.id, id));
  },

  /** Open offers past their deadline, across Träger (background job). */
  async abgelaufeneAngeboteSystem(tx: Tx, jetzt: Date) {
    return tx.select().from(wartelisteAngebote).where(and(eq(wartelisteAngebote.status, 'offen'), lt(wartelisteAngebote.gueltigBis, jetzt)));
  },

  // --- reminders ------------------------------------------------------------------------------------------

  /** Across Träger: booked appointments starting before `bis` (and after `jetzt`) without a reminder yet. */
  async faelligeErinnerungenSystem(tx: Tx, jetzt: Date, bis: Date) {
    return tx
      .select({ id: termine.id, traegerId: termine.traegerId, createdAt: termine.createdAt, beginn: termine.beginn })
      .from(termine)
      .where(and(eq(termine.status, 'gebucht'), isNull(termine.erinnerungGesendetAm), gt(termine.beginn, jetzt), lt(termine.beginn, bis)));
  },

  async markiereErinnerung(tx: Tx, id: string) {
    const [row] = await tx
      .update(termine)
      .set({ erinnerungGesendetAm: new Date() })
      .where(and(eq(termine.id, id), isNull(termine.erinnerungGesendetAm)))
      .returning();
    return row;
  },

  // --- Einladungen ----------------------------------------------------------------------------------------

  async insertEinladung(tx: Tx, values: typeof einladungen.$inferInsert) {
    const [row] = await tx.insert(einladungen).values(values).returning();
    return row!;
  },

  async findEinladung(tx: Tx, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await tx.select().from(einladungen).where(eq(einladungen.id, id)).limit(1);
    return row;
  },

  async findEinladungZuTermin(tx: Tx, terminId: string) {
    const [row] = await tx.select().from(einladungen).where(eq(einladungen.terminId, terminId)).limit(1);
    return row;
  },

  /** The Einladung ids of many appointments in one query (calendar): terminId → einladungId. */
  async einladungenZuTerminen(tx: Tx, terminIds: string[]): Promise<Map<string, string>> {
    if (!terminIds.length) return new Map();
    const rows = await tx.select({ id: einladungen.id, terminId: einladungen.terminId }).from(einladungen).where(inArray(einladungen.terminId, terminIds));
    return new Map(rows.map((r) => [r.terminId, r.id]));
  },

  async updateEinladung(tx: Tx, id: string, version: number, patch: Partial<typeof einladungen.$inferInsert>) {
    const [row] = await tx
      .update(einladungen)
      .set({ ...patch, version: sql`${einladungen.version} + 1`, updatedAt: new Date() })
      .where(and(eq(einladungen.id, id), eq(einladungen.version, version)))
      .returning();
    return row;
  },

  async traegerVon(tx: Tx, id: string) {
    const [row] = await tx.select().from(traeger).where(eq(traeger.id, id)).limit(1);
    return row;
  },

  async findTerminFuerCheckinSystem(tx: Tx, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await tx.select({ id: termine.id, traegerId: termine.traegerId }).from(termine).where(eq(termine.id, id)).limit(1);
    return row;
  },
};

