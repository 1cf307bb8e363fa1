import { and, desc, eq, sql } from 'drizzle-orm';
import type { Kennzahl, VergleichMarkierung } from '../../domain/statistik/typen.ts';
import type { AbgelehnteZeile, VergleichJobcenterZeile, VergleichZeile } from '../../domain/statistik/vergleich-import.ts';
import type { Tx } from '../client.ts';
import { statistikEinstellungen, vergleichImporte, vergleichJobcenter } from '../schema/index.ts';

/**
 * Vergleich mit allen Jobcentern (docs/statistik.md): the published Kennzahlen of every Jobcenter, the imports and the
 * Träger's header mapping (statistik_einstellungen.spaltenzuordnung). Public aggregates, no person data.
 */

export type VergleichTabellenZeile = {
  schluessel: string;
  wert: number | null;
  markierung: VergleichMarkierung | null;
  zaehler: number | null;
  nenner: number | null;
  fiktiv: boolean;
  name: string | null;
  land: string | null;
  traegerTyp: string | null;
  vergleichstyp: string | null;
  eigener: boolean;
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const vergleichRepository = {
  /** The stored mapping (jsonb) or null (= the default). */
  async zuordnung(tx: Tx): Promise<unknown> {
    const [r] = await tx.select({ z: statistikEinstellungen.spaltenzuordnung }).from(statistikEinstellungen).limit(1);
    return r?.z ?? null;
  },

  /** Saves the mapping (null = back to the default); creates the settings row when there is none. */
  async setzeZuordnung(tx: Tx, traegerId: string, zuordnung: unknown): Promise<void> {
    const wert = zuordnung === null ? sql`null` : sql`${JSON.stringify(zuordnung)}::jsonb`;
    await tx.execute(sql`insert into statistik_einstellungen (traeger_id, spaltenzuordnung) values (${traegerId}, ${wert})
      on conflict (traeger_id) do update set spaltenzuordnung = excluded.spaltenzuordnung, updated_at = now(), version = statistik_einstellungen.version + 1`);
  },

  async importAnlegen(
    tx: Tx,
    row: { traegerId: string; dateiname: string; sha256: string; zeilenGelesen: number; zeilenUebernommen: number; abgelehnt: AbgelehnteZeile[]; fiktiv: boolean; importiertVon: string },
  ): Promise<string> {
    const [r] = await tx.insert(vergleichImporte).values(row).returning({ id: vergleichImporte.id });
    return r!.id;
  },

  /**
   * Inserts or updates the Jobcenter of a file (one row per key: name, Land, Trägerform, Vergleichstyp of the newest
   * file; `gueltig_von` = the earliest Berichtsmonat seen). Returns the number of rows written.
   */
  async jobcenterUebernehmen(tx: Tx, traegerId: string, jobcenter: readonly VergleichJobcenterZeile[], fiktiv: boolean): Promise<number> {
    for (const j of jobcenter) {
      const vorhanden = await tx
        .select({ id: vergleichJobcenter.id, gueltigVon: vergleichJobcenter.gueltigVon })
        .from(vergleichJobcenter)
        .where(eq(vergleichJobcenter.schluessel, j.schluessel))
        .orderBy(desc(vergleichJobcenter.gueltigVon))
        .limit(1);
      const v = vorhanden[0];
      if (v) {
        await tx
          .update(vergleichJobcenter)
          .set({
            name: j.name,
            land: j.land,
            traegerTyp: j.traegerTyp,
            vergleichstyp: j.vergleichstyp,
            fiktiv,
            gueltigVon: j.gueltigVon < v.gueltigVon ? j.gueltigVon : v.gueltigVon,
            updatedAt: sql`now()`,
            version: sql`${vergleichJobcenter.version} + 1`,
          })
          .where(eq(vergleichJobcenter.id, v.id));
      } else {
        await tx.insert(vergleichJobcenter).values({ traegerId, ...j, fiktiv });
      }
    }
    return jobcenter.length;
  },

  /** The published values of a file; a value already stored for the same key, month and Kennzahl is replaced. */
  async werteUebernehmen(tx: Tx, traegerId: string, importId: string, zeilen: readonly VergleichZeile[]): Promise<void> {
    for (let i = 0; i < zeilen.length; i += 500) {
      const teil = zeilen.slice(i, i + 500);
      const werte = sql.join(
        teil.map((z) => sql`(${traegerId}::uuid, ${importId}::uuid, ${z.schluessel}, ${z.monat}, ${z.kennzahl}, ${z.wert}::numeric, ${z.zaehler}::numeric, ${z.nenner}::numeric, ${z.markierung})`),
        sql`, `,
      );
      await tx.execute(sql`insert into vergleich_werte (traeger_id, import_id, schluessel, monat, kennzahl, wert, zaehler, nenner, markierung) values ${werte}
        on conflict (traeger_id, schluessel, monat, kennzahl) do update set import_id = excluded.import_id, wert = excluded.wert, zaehler = excluded.zaehler, nenner = excluded.nenner, markierung = excluded.markierung`);
    }
  },

  /** Marks one key as the Träger's own Jobcenter (and no other). False when the key is unknown. */
  async eigenerSetzen(tx: Tx, schluessel: string): Promise<boolean> {
    const gibt = await tx.select({ id: vergleichJobcenter.id }).from(vergleichJobcenter).where(eq(vergleichJobcenter.schluessel, schluessel)).limit(1);
    if (!gibt.length) return false;
    await tx.execute(sql`update vergleich_jobcenter set eigener = (schluessel = ${schluessel}), version = version + 1, updated_at = now() where eigener <> (schluessel = ${schluessel})`);
    return true;
  },

  async importe(tx: Tx, limit = 50) {
    return tx
      .select({
        id: vergleichImporte.id,
        dateiname: vergleichImporte.dateiname,
        zeilenGelesen: vergleichImporte.zeilenGelesen,
        zeilenUebernommen: vergleichImporte.zeilenUebernommen,
        abgelehnt: vergleichImporte.abgelehnt,
        fiktiv: vergleichImporte.fiktiv,
        importiertAm: vergleichImporte.importiertAm,
      })
      .from(vergleichImporte)
      .orderBy(desc(vergleichImporte.importiertAm))
      .limit(limit);
  },

  async jobcenter(tx: Tx) {
    return tx.select().from(vergleichJobcenter).orderBy(vergleichJobcenter.schluessel, vergleichJobcenter.gueltigVon);
  },

  async eigener(tx: Tx) {
    const [r] = await tx.select().from(vergleichJobcenter).where(and(eq(vergleichJobcenter.eigener, true))).limit(1);
    return r ?? null;
  },

  /** Months with values of a Kennzahl, newest first. */
  async monate(tx: Tx, kennzahl: Kennzahl): Promise<string[]> {
    const r = await tx.execute<{ monat: string }>(sql`select distinct monat from vergleich_werte where kennzahl = ${kennzahl} order by monat desc limit 60`);
    return r.rows.map((x) => x.monat);
  },

  /** Every published value of a Kennzahl in a month, with the Jobcenter valid in that month (if known). */
  async werte(tx: Tx, kennzahl: Kennzahl, monat: string): Promise<VergleichTabellenZeile[]> {
    const r = await tx.execute<Record<string, unknown>>(sql`
      select w.schluessel, w.wert, w.markierung, w.zaehler, w.nenner, i.fiktiv,
             j.name, j.land, j.traeger_typ, j.vergleichstyp, coalesce(j.eigener, false) as eigener
      from vergleich_werte w
      join vergleich_importe i on i.traeger_id = w.traeger_id and i.id = w.import_id
      left join lateral (
        select name, land, traeger_typ, vergleichstyp, eigener from vergleich_jobcenter j
        where j.traeger_id = w.traeger_id and j.schluessel = w.schluessel and (j.gueltig_bis is null or j.gueltig_bis >= ${monat})
        order by (j.gueltig_von <= ${monat}) desc, j.gueltig_von desc limit 1
      ) j on true
      where w.kennzahl = ${kennzahl} and w.monat = ${monat}
      order by w.schluessel`);
    return r.rows.map((x) => ({
      schluessel: String(x.schluessel),
      wert: num(x.wert),
      markierung: (x.markierung as VergleichMarkierung | null) ?? null,
      zaehler: num(x.zaehler),
      nenner: num(x.nenner),
      fiktiv: x.fiktiv === true,
      name: (x.name as string | null) ?? null,
      land: (x.land as string | null) ?? null,
      traegerTyp: (x.traeger_typ as string | null) ?? null,
      vergleichstyp: (x.vergleichstyp as string | null) ?? null,
      eigener: x.eigener === true,
    }));
  },

  async anzahlWerte(tx: Tx): Promise<number> {
    const r = await tx.execute<{ n: string }>(sql`select count(*)::text as n from vergleich_werte`);
    return Number(r.rows[0]?.n ?? 0);
  },
};
