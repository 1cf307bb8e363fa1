import { and, eq, sql } from 'drizzle-orm';
import type { Ebene } from '../../domain/statistik/typen.ts';
import type { Tx } from '../client.ts';
import { kommunen, standorte } from '../schema/index.ts';

/**
 * Statistik (docs/statistik.md): small shared reads of the Steuerung. The snapshot build has its own repository
 * (statistik-snapshot.ts), the reports read statistik_werte through statistik-bericht.ts.
 */
export const statistikRepository = {
  /** The first month of any Bewilligung of the Träger ('YYYY-MM'), NULL when there is none. */
  async ersterDatenmonat(tx: Tx): Promise<string | null> {
    // walks the index (traeger_id, monat) from the earliest month: the first month of a decided Bewilligung ends it
    const r = await tx.execute<{ monat: string | null }>(
      sql`select m.monat from bewilligung_monate m
          where exists (select 1 from bewilligungen b where b.traeger_id = m.traeger_id and b.id = m.bewilligung_id and b.status in ('bewilligt', 'ersetzt'))
          order by m.monat limit 1`,
    );
    return r.rows[0]?.monat ?? null;
  },

  /** Whether a Kommune or Standort of this id exists in the Träger. */
  async regionBekannt(tx: Tx, ebene: Exclude<Ebene, 'traeger'>, id: string): Promise<boolean> {
    const t = ebene === 'kommune' ? kommunen : standorte;
    const r = await tx.select({ id: t.id }).from(t).where(and(eq(t.id, id))).limit(1);
    return r.length > 0;
  },
};
