/**
 * Verteilung (§ 9 Abs. 2 S. 3 SGB II, Bedarfsanteilsmethode): the pool income covers the jointly met needs; what
 * remains uncovered is split by each person's share of the uncovered need. A pregnant child's need is met without
 * the parents' income (ohneElterneinkommen).
 */
import { verteileAnteilig } from '../geld.ts';
import type { Kontext, P } from './kontext.ts';

export function verteilung(k: Kontext): void {
  const { personen, pool } = k;
  let ungedecktPool = 0;
  let anspruchEigen = 0;
  const poolMitglieder = k.poolMitglieder;
  for (const p of personen) {
    // a person not erreichbar (§ 7b Abs. 4) has no need and no share; its counted income is in the pool
    if (!p.imBgEnde || p.nichtErreichbar) continue;
    if (p.ohneElterneinkommen) {
      p.anspruchVor = p.ungedeckt;
      anspruchEigen += p.ungedeckt;
    } else {
      poolMitglieder.push(p);
      ungedecktPool += p.ungedeckt;
    }
  }
  const einkommenDecktPool = pool >= ungedecktPool;
  if (!einkommenDecktPool) {
    const teile = verteileAnteilig(ungedecktPool - pool, poolMitglieder.map((p) => p.ungedeckt));
    for (let i = 0; i < poolMitglieder.length; i++) (poolMitglieder[i] as P).anspruchVor = teile[i] as number;
  }
  const summeAnspruchVor = anspruchEigen + (einkommenDecktPool ? 0 : ungedecktPool - pool);
  let einkommen = 0;
  for (const p of personen) if (p.inBg || p.sgb12) einkommen += p.gezaehlt;
  k.ungedecktPool = ungedecktPool;
  k.anspruchEigen = anspruchEigen;
  k.summeAnspruchVor = summeAnspruchVor;
  k.einkommen = einkommen;
  k.ueberschussBg = summeAnspruchVor - (k.gesamtbedarf - einkommen);
}
