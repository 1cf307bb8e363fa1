import { asc, inArray } from 'drizzle-orm';
import type { MinderungFakt } from '../../domain/fordern/monat.ts';
import type { Tx } from '../client.ts';
import { leistungsminderungen } from '../schema/index.ts';

/**
 * Decided Minderungen as the Bewilligung reads them (docs/fordern.md, "Geld"). The procedure's own reads and writes
 * live with the Minderungsverfahren; this is the month view for the benefit computation.
 */
export const leistungsminderungenRepository = {
  /** Every decided Minderung of the persons (lifted and ended ones too: `minderungImMonat` decides per month). */
  async fakten(tx: Tx, personIds: readonly string[]): Promise<MinderungFakt[]> {
    if (personIds.length === 0) return [];
    return tx
      .select({
        personId: leistungsminderungen.personId,
        art: leistungsminderungen.art,
        prozent: leistungsminderungen.prozent,
        vonMonat: leistungsminderungen.vonMonat,
        bisMonat: leistungsminderungen.bisMonat,
        beendetAbMonat: leistungsminderungen.beendetAbMonat,
        aufgehobenAm: leistungsminderungen.aufgehobenAm,
      })
      .from(leistungsminderungen)
      .where(inArray(leistungsminderungen.personId, [...personIds]))
      .orderBy(asc(leistungsminderungen.vonMonat), asc(leistungsminderungen.createdAt));
  },
};
