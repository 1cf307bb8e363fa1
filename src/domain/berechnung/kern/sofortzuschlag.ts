/**
 * Kindersofortzuschlag (§ 72 SGB II): paid on top (not a Bedarf) for children and young adults under 25 of
 * Stufe 3–6 in a hilfebedürftige BG, also for a child outside it only because of Kindergeld (§ 72 Abs. 1 S. 2 Nr. 2).
 */
import { SOFORTZUSCHLAG_UNTER_ALTER } from '../../recht/index.ts';
import { teileGerundet } from '../geld.ts';
import type { Kontext } from './kontext.ts';

export function sofortzuschlag(k: Kontext): void {
  const szMonat = k.par.sofortzuschlag.wert;
  if (szMonat <= 0 || k.vermoegenZuHoch) return;
  let summe = 0;
  for (const p of k.personen) {
    if (!p.inBg || p.nichtErreichbar || p.stufe === null || p.stufe < 3 || p.alter >= SOFORTZUSCHLAG_UNTER_ALTER) continue;
    let berechtigt = false;
    if (p.imBgEnde) berechtigt = k.hilfebeduerftig;
    else if (p.eigenstaendig) {
      // outside only because of Kindergeld (§ 72 Abs. 1 S. 2 Nr. 2): without it, would the child and the BG be hilfebedürftig?
      const ohneKg = p.bereinigt - Math.min(p.kindergeld, p.bereinigt);
      if (ohneKg < p.bedarf) {
        let abgegeben = 0;
        for (const ue of k.uebertraege) if (ue.von === p) abgegeben += ue.betrag;
        berechtigt = k.pool - abgegeben < k.ungedecktPool + (p.bedarf - ohneKg) || k.anspruchEigen > 0;
      }
    }
    if (berechtigt) {
      p.sz = k.ausl.sofortzuschlagAnteilig && p.tage !== 30 ? teileGerundet(szMonat * p.tage, 30) : szMonat;
      summe += p.sz;
    }
  }
  k.sofortzuschlag = summe;
}
