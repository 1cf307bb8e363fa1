/**
 * The maßgebender Regelbedarf of the first month of a Minderung (docs/fordern.md, "Entscheidung und Bescheid"): the
 * Regelbedarfsstufe as the approved Bewilligung computed it for the person, the amount of that Stufe from the law of the
 * month (src/domain/recht/regelbedarf.ts, carried forward like the engine does) — the full monthly amount, never a
 * partial month's share. Without any approved month Stufe 1 is assumed and said so in the reasons.
 */
import { datumText } from '../bewilligung/monat.ts';
import { parameterAm } from '../recht/index.ts';
import type { Stufe } from '../recht/regelbedarf.ts';

export type RegelbedarfGrundlage = { stufe: number; cent: number; monat: string; quelle: 'bewilligung' | 'annahme'; text: string };

/** `ausBewilligung`: the person's Stufe in the approved Bewilligung (and the month it was read from), null without one. */
export function regelbedarfGrundlage(ausBewilligung: { stufe: number; monat: string } | null, monat: string): RegelbedarfGrundlage {
  const s = ausBewilligung;
  const stufe = (s?.stufe ?? 1) as Stufe;
  const par = parameterAm(`${monat}-01`);
  const recht = par.regelbedarf;
  const cent = recht.wert[stufe];
  const fort = par.fortgeschrieben ? ` – fortgeschrieben mit den Werten vom ${datumText(par.fortgeschrieben)}` : '';
  const euro = (cent / 100).toFixed(2).replace('.', ',');
  const text = s
    ? `Maßgebender Regelbedarf: Regelbedarfsstufe ${stufe} (wie in der Bewilligung für ${s.monat}), ${euro} Euro im Monat (${recht.fundstelle ?? recht.norm}${fort}).`
    : `Maßgebender Regelbedarf: Regelbedarfsstufe 1 angenommen, weil keine bewilligte Leistung für die Person vorliegt: ${euro} Euro im Monat (${recht.fundstelle ?? recht.norm}${fort}).`;
  return { stufe, cent, monat, quelle: s ? 'bewilligung' : 'annahme', text };
}
