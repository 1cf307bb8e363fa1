import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** Which cases of a Massenänderung to list. */
export type ErgebnisFilter = 'alle' | 'geaendert' | 'fehler';

export type ErgebnisZeile = {
  bgId: string;
  fallnummer: string;
  geaendert: boolean;
  fehler: string | null;
  /** sum of the differences over all changed months (new − old) */
  differenzCent: number;
  /** the month compared: `ab`'s month or the first month of the Bewilligung, whichever is later */
  monat: string | null;
  altCent: number | null;
  /** the new version's amount (unchanged cases: the old amount) */
  neuCent: number | null;
  bescheidId: string | null;
  /** the Änderungsbescheid is written (its id is reserved first, the Bescheid follows in the background) */
  bescheidErstellt: boolean;
  pdfFertig: boolean;
};

const bedingung = (filter: ErgebnisFilter) =>
  filter === 'geaendert' ? sql`and f.geaendert` : filter === 'fehler' ? sql`and f.fehler is not null` : sql``;

/** Result rows of a Massenänderung (massenaenderung_faelle with amounts and Bescheid state), ordered by Fallnummer. */
export const massenaenderungErgebnisRepository = {
  async zeilen(tx: Tx, o: { id: string; abMonat: string; filter: ErgebnisFilter; limit: number; offset: number }): Promise<ErgebnisZeile[]> {
    const r = await tx.execute<{
      bg_id: string;
      fallnummer: string;
      geaendert: boolean;
      fehler: string | null;
      differenz_cent: string;
      monat: string | null;
      alt_cent: string | null;
      neu_cent: string | null;
      bescheid_id: string | null;
      bescheid_erstellt: boolean;
      pdf_fertig: boolean;
    }>(sql`
      select f.bg_id, bg.fallnummer, f.geaendert, f.fehler, f.differenz_cent, alt.monat, alt.auszahlung_cent as alt_cent,
        coalesce(neu.auszahlung_cent, case when f.neue_bewilligung_id is null then alt.auszahlung_cent end) as neu_cent,
        f.bescheid_id, (b.id is not null) as bescheid_erstellt, (b.pdf is not null) as pdf_fertig
      from massenaenderung_faelle f
      join bedarfsgemeinschaften bg on bg.traeger_id = f.traeger_id and bg.id = f.bg_id
      join bewilligungen bw on bw.traeger_id = f.traeger_id and bw.id = f.bewilligung_id
      left join bewilligung_monate alt on alt.traeger_id = f.traeger_id and alt.bewilligung_id = f.bewilligung_id
        and alt.monat = greatest(${o.abMonat}::text, to_char(bw.von, 'YYYY-MM'))
      left join bewilligung_monate neu on neu.traeger_id = f.traeger_id and neu.bewilligung_id = f.neue_bewilligung_id
        and neu.monat = greatest(${o.abMonat}::text, to_char(bw.von, 'YYYY-MM'))
      left join bescheide b on b.traeger_id = f.traeger_id and b.id = f.bescheid_id
      where f.massenaenderung_id = ${o.id} ${bedingung(o.filter)}
      order by bg.fallnummer, f.bewilligung_id
      limit ${o.limit} offset ${o.offset}`);
    return r.rows.map((x) => ({
      bgId: x.bg_id,
      fallnummer: x.fallnummer,
      geaendert: x.geaendert,
      fehler: x.fehler,
      differenzCent: Number(x.differenz_cent),
      monat: x.monat,
      altCent: x.alt_cent === null ? null : Number(x.alt_cent),
      neuCent: x.neu_cent === null ? null : Number(x.neu_cent),
      bescheidId: x.bescheid_id,
      bescheidErstellt: x.bescheid_erstellt,
      pdfFertig: x.pdf_fertig,
    }));
  },

  /** Counts over all handled cases of the job (independent of any filter). */
  async zaehle(tx: Tx, id: string) {
    const r = await tx.execute<{ alle: number; geaendert: number; fehler: number; differenz: string; bescheide: number; pdfs: number }>(sql`
      select count(*)::int as alle, count(*) filter (where f.geaendert)::int as geaendert, count(*) filter (where f.fehler is not null)::int as fehler,
        coalesce(sum(f.differenz_cent), 0) as differenz, count(b.id)::int as bescheide, count(b.id) filter (where b.pdf is not null)::int as pdfs
      from massenaenderung_faelle f
      left join bescheide b on b.traeger_id = f.traeger_id and b.id = f.bescheid_id
      where f.massenaenderung_id = ${id}`);
    const x = r.rows[0]!;
    return { alle: x.alle, geaendert: x.geaendert, fehler: x.fehler, differenzCent: Number(x.differenz), bescheideErstellt: x.bescheide, pdfsFertig: x.pdfs };
  },
};
