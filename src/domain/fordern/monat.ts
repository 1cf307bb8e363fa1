/**
 * Fordern → Geld (docs/fordern.md, "Geld"): a decided Minderung is a dated fact of the person; for every month of a
 * Bewilligung the engine gets the person's percentage of that month (`personen[].minderungProzent`) and applies it
 * to the person's own Regelbedarf only (src/domain/berechnung/kern/minderung.ts). Pure, no IO.
 */
import type { BerechnungInput } from '../berechnung/schema.ts';
import { parameterAm } from '../recht/index.ts';
import { MINDERUNG_MELDEVERSAEUMNIS } from '../recht/fordern.ts';
import { gueltigAm } from '../recht/typen.ts';
import type { MinderungArt } from './typen.ts';

/** A decided Minderung as the Bewilligung reads it (one row of `leistungsminderungen`). Months 'YYYY-MM', inclusive. */
export type MinderungFakt = {
  personId: string;
  art: MinderungArt;
  prozent: number;
  vonMonat: string;
  bisMonat: string;
  /** early end (§ 31b Abs. 2 S. 2): the first month no longer reduced */
  beendetAbMonat: string | null;
  /** lifted as a whole (Widerspruch granted, § 44 SGB X): no month is reduced */
  aufgehobenAm: string | null;
};

/** Does the Minderung reduce `monat`? Not when lifted; from `vonMonat` to `bisMonat`, before an early end. */
export function minderungLaeuftIm(f: MinderungFakt, monat: string): boolean {
  if (f.aufgehobenAm !== null) return false;
  if (monat < f.vonMonat || monat > f.bisMonat) return false;
  return f.beendetAbMonat === null || monat < f.beendetAbMonat;
}

/**
 * The engine input of one person for one month: the sum of the person's running Minderungen, capped by the law of
 * the month (MINDERUNG, src/domain/recht/minderung.ts: § 31a Abs. 4 – 30 % of the Regelbedarf, 10 % during the
 * Moratorium of 2022). A `wegfall_regelbedarf` (§ 31a Abs. 7) gives 100 % where the law of the month allows a
 * complete lapse (`vollerWegfall`), else it counts with the cap. A `nichterreichbarkeit` (§ 7b Abs. 4, from
 * 1.7.2026) does not add a percentage: the person's whole claim lapses (`nichtErreichbar`, applied by the engine
 * incl. the KdU share) – except in its first month, where § 7b Abs. 4 S. 4 lets only the Regelbedarf lapse (counted
 * like a Wegfall of the Regelbedarf: KdU and Mehrbedarfe stay, the floor claim applies).
 */
export function minderungImMonat(f: readonly MinderungFakt[], personId: string, monat: string): { prozent: number; nichtErreichbar: boolean } {
  let summe = 0;
  let wegfall = false;
  let nichtErreichbar = false;
  for (const m of f) {
    if (m.personId !== personId || !minderungLaeuftIm(m, monat)) continue;
    if (m.art === 'nichterreichbarkeit') {
      const regel = gueltigAm(MINDERUNG_MELDEVERSAEUMNIS, `${m.vonMonat}-01`, 'Meldeversäumnis').wert;
      if (monat === m.vonMonat && regel.nichterreichbarkeitErsterMonatNurRegelbedarf) wegfall = true;
      else nichtErreichbar = true;
    }
    else if (m.art === 'wegfall_regelbedarf') wegfall = true;
    else summe += Math.max(0, m.prozent);
  }
  if (summe === 0 && !wegfall) return { prozent: 0, nichtErreichbar };
  const regel = parameterAm(`${monat}-01`).minderung.wert;
  if (wegfall && regel.vollerWegfall) return { prozent: 100, nichtErreichbar };
  // a Wegfall where the law of the month allows none counts as the highest Minderung
  const prozent = Math.min(wegfall ? regel.hoechstProzent : summe, regel.hoechstProzent);
  return { prozent, nichtErreichbar };
}

/**
 * A stored engine input of a month with the person's Minderung of that month as decided now (set, changed or
 * removed; § 7b Abs. 4 as `nichtErreichbar`) and nothing else changed – so applying a Minderungsbescheid never
 * carries along other, not yet decided changes of the Fallakte. A person recorded as not erwerbsfähig is left as is.
 */
export function inputMitMinderungen(input: BerechnungInput, f: readonly MinderungFakt[]): BerechnungInput {
  const monat = typeof input.zeitraum === 'string' ? input.zeitraum : input.zeitraum.von.slice(0, 7);
  return {
    ...input,
    personen: input.personen.map((p) => {
      const { minderungProzent: _p, nichtErreichbar: _n, ...rest } = p;
      if (p.erwerbsfaehig === false) return p;
      const m = minderungImMonat(f, p.id, monat);
      return { ...rest, ...(m.prozent > 0 ? { minderungProzent: m.prozent } : {}), ...(m.nichtErreichbar ? { nichtErreichbar: true } : {}) };
    }),
  };
}
