/** Teilmonat (§ 41 Abs. 1 SGB II): every need pro-rated to the days of entitlement (of 30), and the Bedarf per person. */
import { teileGerundet } from '../geld.ts';
import type { Kontext } from './kontext.ts';

export function teilmonat(k: Kontext): void {
  let gesamtbedarf = 0;
  for (const p of k.personen) {
    if (!p.inBg) continue;
    const t = p.tage;
    p.rb = t === 30 ? p.rbMonat : teileGerundet(p.rbMonat * t, 30);
    let summe = p.rb;
    for (const m of p.mb) {
      m.betrag = t === 30 ? m.monat : teileGerundet(m.monat * t, 30);
      summe += m.betrag;
    }
    p.kdu = t === 30 ? p.kduMonat : teileGerundet(p.kduMonat * t, 30);
    p.bedarf = summe + p.kdu;
    gesamtbedarf += p.bedarf;
  }
  k.gesamtbedarf = gesamtbedarf;
}
