import { eq, sql } from 'drizzle-orm';
import type { Ebene, SnapshotStatus } from '../../domain/statistik/typen.ts';
import type { Tx } from '../client.ts';
import { kommunen, standorte, statistikEinstellungen } from '../schema/index.ts';

/**
 * Live § 48a Kennzahlen (docs/statistik.md, "Live-Kennzahlen und Seiten"): the stored Grunddaten (`gd.*`) and the
 * Leistungssummen (`leistung.llu_cent`, `leistung.luh_cent`) of a range of months for one region or for every region
 * of an Ebene, and the snapshot status of those months. The Träger comes from the transaction (RLS).
 */

/** The kennungen read besides `gd.*`: the engine's Leistungssummen and the stocks the hub shows. */
const LEISTUNG = ['leistung.llu_cent', 'leistung.luh_cent', 'bg', 'elb', 'lzb'];

export type KennzahlenWertZeile = { monat: string; region: string; kennung: string; wert: number };

export const statistikKennzahlenRepository = {
  /**
   * The `gd.*` and Leistung rows of months `von` … `bis` at one Ebene: for one region (`region` given; '' = the
   * Träger) or for all regions of the Ebene (`region` null – the Kommune/Standort comparison).
   */
  async werte(tx: Tx, o: { ebene: Ebene; region: string | null; von: string; bis: string }): Promise<KennzahlenWertZeile[]> {
    const r = await tx.execute<{ monat: string; region: string; kennung: string; wert: string | number }>(sql`
      select monat, region, kennung, wert
        from statistik_werte
       where ebene = ${o.ebene}
         ${o.region === null ? sql`` : sql`and region = ${o.region}`}
         and monat between ${o.von} and ${o.bis}
         and (kennung like 'gd.%' or kennung in (${sql.join(
           LEISTUNG.map((k) => sql`${k}`),
           sql`, `,
         )}))`);
    return r.rows.map((z) => ({ monat: z.monat, region: z.region, kennung: z.kennung, wert: Number(z.wert) }));
  },

  /**
   * Snapshots of the months `von` … `bis`. `gebaut`: its figures are complete (a first build still `im_aufbau` has
   * none; a rebuild keeps the previous build's figures until it writes the new ones in one transaction).
   */
  async snapshots(tx: Tx, von: string, bis: string): Promise<{ monat: string; status: SnapshotStatus; stichtag: string; gebaut: boolean }[]> {
    const r = await tx.execute<{ monat: string; status: SnapshotStatus; stichtag: string; gebaut: boolean }>(
      sql`select monat, status, stichtag::text as stichtag, (status <> 'im_aufbau' or gebaut_am is not null) as gebaut
            from statistik_snapshots where monat between ${von} and ${bis} order by monat`,
    );
    return r.rows;
  },

  /** The latest month with a built snapshot (the pages' default month); NULL when there is none. */
  async letzterMonat(tx: Tx): Promise<string | null> {
    const r = await tx.execute<{ monat: string | null }>(sql`select max(monat) as monat from statistik_snapshots where status <> 'im_aufbau' or gebaut_am is not null`);
    return r.rows[0]?.monat ?? null;
  },

  /** The Träger's Stichtag setting (day of month; NULL = last day of the month, also without a settings row). */
  async stichtagTag(tx: Tx): Promise<number | null> {
    const [row] = await tx.select({ tag: statistikEinstellungen.stichtagTag }).from(statistikEinstellungen).limit(1);
    return row?.tag ?? null;
  },

  /** BG and persons of the Träger per month (statistik_werte `bg`, `personen` of ebene traeger – the report's figures). */
  async traegerBestand(tx: Tx): Promise<Map<string, { bg: number | null; personen: number | null }>> {
    const r = await tx.execute<{ monat: string; kennung: string; wert: string | number }>(
      sql`select monat, kennung, wert from statistik_werte where ebene = 'traeger' and region = '' and kennung in ('bg', 'personen')`,
    );
    const out = new Map<string, { bg: number | null; personen: number | null }>();
    for (const z of r.rows) {
      const e = out.get(z.monat) ?? { bg: null, personen: null };
      if (z.kennung === 'bg') e.bg = Number(z.wert);
      else e.personen = Number(z.wert);
      out.set(z.monat, e);
    }
    return out;
  },

  /** Name of a Kommune or Standort. */
  async regionName(tx: Tx, ebene: Exclude<Ebene, 'traeger'>, id: string): Promise<string | null> {
    const t = ebene === 'kommune' ? kommunen : standorte;
    const [row] = await tx.select({ name: t.name }).from(t).where(eq(t.id, id)).limit(1);
    return row?.name ?? null;
  },
};
