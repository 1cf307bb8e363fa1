/** Name of the benefit (§ 19 Abs. 1 SGB II): by the law in force and whether the BG has erwerbsfähige members. */
import type { Kontext } from './kontext.ts';

export function leistungsname(k: Kontext): void {
  const namen = k.par.leistungsname.wert;
  let ef = false;
  let nef = false;
  for (const p of k.personen) {
    if (!p.inBg) continue;
    if (p.erwerbsfaehig) ef = true;
    else nef = true;
  }
  k.leistung =
    namen.erwerbsfaehig === namen.nichtErwerbsfaehig || !nef
      ? namen.erwerbsfaehig
      : ef
        ? `${namen.erwerbsfaehig} und ${namen.nichtErwerbsfaehig}`
        : namen.nichtErwerbsfaehig;
}
