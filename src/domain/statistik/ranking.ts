import { KENNZAHL_RICHTUNG } from './kennzahlen.ts';
import type { Kennzahl, VergleichMarkierung } from './typen.ts';

/**
 * Ranking of the published § 48a Kennzahlen (docs/statistik.md, "Vergleich mit allen Jobcentern"). Pure.
 * Direction per Kennzahl; ties share the lowest rank (1, 1, 3); missing or secret values (wert null) are not ranked
 * and not counted in n; imputed values and values of limited validity are ranked but keep their marker.
 */

export type Richtung = 'niedriger_besser' | 'hoeher_besser';

/**
 * Direction of each Kennzahl: the Kennzahlen engine's KENNZAHL_RICHTUNG (K1 and its Veränderungsraten, the
 * Zugangsraten and K3 – lower is better; K2, the Integrations-/Aktivierungsquoten and the Abgangsraten – higher).
 */
export const RANKING_RICHTUNG: Readonly<Record<Kennzahl, Richtung>> = KENNZAHL_RICHTUNG;

export type RanglistenEingang = { schluessel: string; wert: number | null; markierung: VergleichMarkierung | null };
export type Rang = { schluessel: string; wert: number; rang: number; n: number; markierung: VergleichMarkierung | null };

/** The ranked list, best first (ties: same rank, then by key). Values without a number are left out. */
export function rangliste(werte: readonly RanglistenEingang[], kennzahl: Kennzahl, richtung: Richtung = RANKING_RICHTUNG[kennzahl]): Rang[] {
  const mit = werte.filter((w): w is RanglistenEingang & { wert: number } => w.wert !== null && Number.isFinite(w.wert));
  const vorzeichen = richtung === 'hoeher_besser' ? -1 : 1;
  const sortiert = [...mit].sort((a, b) => vorzeichen * (a.wert - b.wert) || (a.schluessel < b.schluessel ? -1 : a.schluessel > b.schluessel ? 1 : 0));
  const n = sortiert.length;
  const out: Rang[] = [];
  sortiert.forEach((w, i) => {
    const vorher = out[i - 1];
    const rang = vorher && vorher.wert === w.wert ? vorher.rang : i + 1;
    out.push({ schluessel: w.schluessel, wert: w.wert, rang, n, markierung: w.markierung });
  });
  return out;
}

/** Rank of one Jobcenter within a group (the group's own list): null when it has no value there. */
export function platz(werte: readonly RanglistenEingang[], kennzahl: Kennzahl, schluessel: string, richtung?: Richtung): { rang: number; n: number } | null {
  const r = rangliste(werte, kennzahl, richtung).find((x) => x.schluessel === schluessel);
  return r ? { rang: r.rang, n: r.n } : null;
}

/** "Platz 5 von 407". */
export const platzText = (p: { rang: number; n: number }): string => `Platz ${p.rang} von ${p.n}`;
