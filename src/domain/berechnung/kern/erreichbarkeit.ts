/**
 * Nichterreichbarkeit (§ 7b Abs. 4 SGB II, Fassung 16.4.2026): a person who missed three Meldeaufforderungen in a row
 * without wichtigen Grund is deemed not erreichbar; for the months concerned (`personen[].nichtErreichbar`) the
 * person's whole claim lapses — Regelbedarf, Mehrbedarfe and the head share of Unterkunft und Heizung.
 *
 * The person stays a member of the Bedarfsgemeinschaft (§ 7 Abs. 3 SGB II names the members; § 7b takes only the
 * claim). In a Mehrpersonen-BG the housing costs stay recognised in full: the person's head share is split by
 * heads among the remaining members of the BG (remainder cents to the first in input order, AUSLEGUNG.kopfteilRest),
 * as the Government stated for the reform (BT-Drs. 21/4076). Household members outside the BG keep their own share.
 * The person's income: AUSLEGUNG.einkommenNichtErreichbar (einkommen.ts).
 *
 * Two steps of the pipeline: `kduUmverteilung` right after unterkunft.ts (monthly head shares) and
 * `bedarfEntfaellt` right after teilmonat.ts (the pro-rated needs of the person become 0).
 */
import type { Kontext, P } from './kontext.ts';

export const NORM_NICHT_ERREICHBAR = '§ 7b Abs. 4 SGB II';
export const NORM_KDU_UMVERTEILUNG = '§ 7b Abs. 4, § 22 Abs. 1 SGB II (Kopfteil der nicht erreichbaren Person an die übrigen Mitglieder)';
/** the reading of the income of a person not erreichbar */
export const NORM_EINKOMMEN_NICHT_ERREICHBAR = '§ 9 Abs. 2, § 7b Abs. 4 SGB II (Lesart AUSLEGUNG.einkommenNichtErreichbar)';

/** Moves the monthly KdU head share of every person not erreichbar to the remaining members of the BG. */
export function kduUmverteilung(k: Kontext): void {
  if (k.nichtErreichbar === 0) return;
  let summe = 0;
  const empfaenger: P[] = [];
  for (const p of k.personen) {
    if (!p.inBg) continue;
    if (p.nichtErreichbar) {
      p.kduAbgegeben = p.kduMonat;
      summe += p.kduMonat;
      p.kduMonat = 0;
    } else empfaenger.push(p);
  }
  const n = empfaenger.length;
  if (summe === 0 || n === 0) return;
  const basis = Math.floor(summe / n);
  const rest = summe - basis * n;
  for (let i = 0; i < n; i++) {
    const p = empfaenger[i] as P;
    const anteil = basis + (i < rest ? 1 : 0);
    p.kduErhalten = anteil;
    p.kduMonat += anteil;
  }
}

/** The pro-rated Regel- and Mehrbedarf of a person not erreichbar lapse; kept as `eigenbedarf` for the income. */
export function bedarfEntfaellt(k: Kontext): void {
  if (k.nichtErreichbar === 0) return;
  for (const p of k.personen) {
    if (!p.inBg || !p.nichtErreichbar) continue;
    let eigen = p.rb;
    for (const m of p.mb) eigen += m.betrag;
    p.eigenbedarf = eigen;
    k.gesamtbedarf -= p.bedarf;
    p.rb = 0;
    p.mb = [];
    p.kdu = 0;
    p.bedarf = 0;
  }
}
