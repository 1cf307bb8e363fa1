/**
 * Validity periods: `gueltigVon` (first day) and `gueltigBis` (last day, inclusive; null = running).
 * "Änderung ab Datum X" on a series of periods that must not overlap: the period running at X ends the day
 * before X, the new one starts at X and runs until the day before the next later period (or open), so the
 * series keeps no overlaps and no gaps.
 */
import { letzterTag, monatVon, naechsterMonat, tagVorher } from './datum.ts';

export type Periode = { gueltigVon: string; gueltigBis: string | null };
export type MitId = { id: string };

/** True if the period covers the day. */
export function gilt(p: Periode, tag: string): boolean {
  return p.gueltigVon <= tag && (p.gueltigBis === null || p.gueltigBis >= tag);
}

/** True if the two periods share at least one day. */
export function ueberschneiden(a: Periode, b: Periode): boolean {
  const aEnde = a.gueltigBis ?? '9999-12-31';
  const bEnde = b.gueltigBis ?? '9999-12-31';
  return a.gueltigVon <= bEnde && b.gueltigVon <= aEnde;
}

/** The period of a series that covers the day (series without overlaps). */
export function geltendeAm<T extends Periode>(perioden: readonly T[], tag: string): T | undefined {
  return perioden.find((p) => gilt(p, tag));
}

/** All periods that cover the day (series that may overlap, e.g. several incomes). */
export function alleGeltendenAm<T extends Periode>(perioden: readonly T[], tag: string): T[] {
  return perioden.filter((p) => gilt(p, tag));
}

/**
 * A one-off income (art 'einmalig', § 11 Abs. 3 SGB II) is stored as a period from its Zuflussdatum to the last day
 * of the sixth month after the inflow month: long enough for the six months over which it may be spread, also when it
 * counts only from the month after the inflow; the engine decides in which of these months it counts.
 */
export const EINMALIG_FOLGEMONATE = 6;
export function einmaligGueltigBis(zuflussDatum: string): string {
  let monat = monatVon(zuflussDatum);
  for (let i = 0; i < EINMALIG_FOLGEMONATE; i++) monat = naechsterMonat(monat);
  return letzterTag(monat);
}

export type AenderungsPlan = {
  /** Periods to end: their `gueltigBis` becomes the given day. */
  schliessen: { id: string; gueltigBis: string }[];
  /** Periods that start exactly at (or after X and end before the next period) and are replaced. */
  entfernen: string[];
  /** The new period, or null when the series simply ends at X. */
  neu: Periode | null;
};

export class PeriodenFehler extends Error {
  constructor(
    readonly code: 'ueberschneidung' | 'luecke' | 'nichts_zu_beenden',
    message: string,
  ) {
    super(message);
    this.name = 'PeriodenFehler';
  }
}

/**
 * Plans "from `ab` the value is new" (or, with `beenden`, "from `ab` there is no value any more") for one
 * series without overlaps. A later period that already starts after `ab` is kept: the new period ends the day
 * before it (a planned future change stays in force).
 */
export function planeAenderungAb(perioden: readonly (Periode & MitId)[], ab: string, opts: { beenden?: boolean } = {}): AenderungsPlan {
  const plan: AenderungsPlan = { schliessen: [], entfernen: [], neu: null };
  const laufend = perioden.find((p) => p.gueltigVon < ab && (p.gueltigBis === null || p.gueltigBis >= ab));
  if (laufend) plan.schliessen.push({ id: laufend.id, gueltigBis: tagVorher(ab) });
  const gleichzeitig = perioden.find((p) => p.gueltigVon === ab);
  if (gleichzeitig) plan.entfernen.push(gleichzeitig.id);
  const spaeter = perioden
    .filter((p) => p.gueltigVon > ab)
    .sort((a, b) => (a.gueltigVon < b.gueltigVon ? -1 : 1))[0];
  if (opts.beenden) {
    if (!laufend && !gleichzeitig) throw new PeriodenFehler('nichts_zu_beenden', `Am ${ab} gilt kein Eintrag, der enden könnte.`);
    return plan;
  }
  // The old period was open or ran past X: the new one takes over its end unless a later period follows.
  const bis = spaeter ? tagVorher(spaeter.gueltigVon) : (laufend?.gueltigBis ?? gleichzeitig?.gueltigBis ?? null);
  plan.neu = { gueltigVon: ab, gueltigBis: bis };
  return plan;
}

/** Checks a series for overlaps (and, if `lueckenlos`, for gaps between its first and last period). */
export function pruefeSerie(perioden: readonly Periode[], opts: { lueckenlos?: boolean } = {}): void {
  const sortiert = [...perioden].sort((a, b) => (a.gueltigVon < b.gueltigVon ? -1 : 1));
  for (let i = 1; i < sortiert.length; i++) {
    const vorher = sortiert[i - 1]!;
    const jetzt = sortiert[i]!;
    if (vorher.gueltigBis === null || vorher.gueltigBis >= jetzt.gueltigVon) {
      throw new PeriodenFehler('ueberschneidung', `Zeiträume überschneiden sich ab ${jetzt.gueltigVon}.`);
    }
    if (opts.lueckenlos && tagVorher(jetzt.gueltigVon) !== vorher.gueltigBis) {
      throw new PeriodenFehler('luecke', `Zwischen ${vorher.gueltigBis} und ${jetzt.gueltigVon} fehlt ein Zeitraum.`);
    }
  }
}

/** Applies a plan to an in-memory series (for tests and previews). */
export function wendeAn<T extends Periode & MitId>(perioden: readonly T[], plan: AenderungsPlan, neu?: T): T[] {
  const out: T[] = [];
  for (const p of perioden) {
    if (plan.entfernen.includes(p.id)) continue;
    const s = plan.schliessen.find((x) => x.id === p.id);
    out.push(s ? { ...p, gueltigBis: s.gueltigBis } : p);
  }
  if (plan.neu && neu) out.push({ ...neu, gueltigVon: plan.neu.gueltigVon, gueltigBis: plan.neu.gueltigBis });
  return out.sort((a, b) => (a.gueltigVon < b.gueltigVon ? -1 : 1));
}
