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
    const r = await tx.execute<{ monat: string | null }>(
      sql`select min(m.monat) as monat from bewilligung_monate m join bewilligungen b on b.traeger_id = m.traeger_id and b.id = m.bewilligung_id where b.status in ('bewilligt', 'ersetzt')`,
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
