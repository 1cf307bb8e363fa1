/**
 * Minderungen (§§ 31a, 31b, 32 SGB II): the percentage of the exchange format applied to the person's own
 * Regelbedarf, never to Unterkunft und Heizung (income covers Regel- and Mehrbedarf first, § 19 Abs. 3 S. 2);
 * with the 2026 law a claim reduced to nothing keeps its floor (mindestanspruchCent).
 */
import { teileGerundet } from '../geld.ts';
import { maxDatum, type Kontext } from './kontext.ts';

export function minderung(k: Kontext): void {
  const mr = k.par.minderung.wert;
  let anspruch = 0;
  let genutzt = false;
  for (const p of k.personen) {
    const prozent = p.e.minderungProzent ?? 0;
    if (prozent > 0 && p.anspruchVor > 0) {
      genutzt = true;
      const kduTeil = Math.min(p.anspruchVor, p.kdu);
      let m = Math.min(teileGerundet(p.rb * prozent, 100), p.anspruchVor - kduTeil);
      if (mr.mindestanspruchCent > 0 && p.anspruchVor - m === 0) m = p.anspruchVor - Math.min(p.anspruchVor, mr.mindestanspruchCent);
      p.minderung = m;
    }
    anspruch += p.anspruchVor - p.minderung;
  }
  k.anspruch = anspruch;
  if (genutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.minderung.gueltigAb);
}
