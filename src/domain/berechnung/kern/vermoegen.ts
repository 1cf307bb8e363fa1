/**
 * Vermögen (§ 12 SGB II, § 67 SGB II): the BG's countable assets against the allowance of the rule in force
 * (selected by the start of the Bewilligungszeitraum, § 65a Abs. 1); above it there is no claim.
 */
import { ALTERSGRENZEN, fundstelle, type VermoegensPruefung } from '../../recht/index.ts';
import { isoTag } from '../datum.ts';
import { cent } from '../geld.ts';
import { inKarenzzeit, maxDatum, type Bezugszeitraum, type Kontext, type P } from './kontext.ts';

type Freibetrag = { freibetrag: number; text: string; norm: string; gueltigAb: string; quelle: string };

function vermoegensfreibetragFuer(
  pruefung: VermoegensPruefung,
  personen: readonly P[],
  bgGroesse: number,
  leistungsbeginn: string | undefined,
  monatIdx: number,
  frueher: readonly Bezugszeitraum[] | undefined,
): Freibetrag {
  if (pruefung.art === 'vereinfacht') {
    const w = pruefung.regel.wert;
    return {
      freibetrag: w.erheblichErstePersonCent + w.erheblichJeWeiterePersonCent * (bgGroesse - 1),
      text: 'vereinfachtes Verfahren: nur erhebliches Vermögen zählt',
      norm: pruefung.regel.norm,
      gueltigAb: pruefung.regel.gueltigAb,
      quelle: fundstelle(pruefung.regel),
    };
  }
  const r = pruefung.regel;
  const w = r.wert;
  const quelle = fundstelle(r);
  if (w.art === 'karenzzeit') {
    const karenz = inKarenzzeit(leistungsbeginn, r.gueltigAb, w.karenzMonate, monatIdx, frueher);
    return karenz
      ? {
          freibetrag: w.karenzErstePersonCent + w.karenzJeWeiterePersonCent * (bgGroesse - 1),
          text: 'Karenzzeit: nur erhebliches Vermögen zählt',
          norm: '§ 12 Abs. 3 SGB II',
          gueltigAb: r.gueltigAb,
          quelle,
        }
      : { freibetrag: w.nachKarenzJePersonCent * bgGroesse, text: 'nach der Karenzzeit', norm: '§ 12 Abs. 4 SGB II', gueltigAb: r.gueltigAb, quelle };
  }
  let summe = 0;
  if (w.art === 'altersgestaffelt') {
    for (const p of personen) {
      if (!p.inBg) continue;
      let b = 0;
      for (const s of w.stufen) if (p.alter >= s.abAlter) b = s.cent;
      summe += b;
    }
    return { freibetrag: summe, text: 'Freibeträge nach Lebensalter', norm: r.norm, gueltigAb: r.gueltigAb, quelle };
  }
  for (const p of personen) {
    if (!p.inBg) continue;
    summe += w.anschaffungJePersonCent;
    if (p.alter >= ALTERSGRENZEN.volljaehrig) {
      const geburtIso = isoTag(p.geburt.jahr, p.geburt.monat, p.geburt.tag);
      let hoechst = 0;
      for (const h of w.hoechst) {
        if (geburtIso < h.geborenVor) {
          hoechst = h.cent;
          break;
        }
      }
      summe += Math.min(hoechst, Math.max(w.mindestCent, w.jeLebensjahrCent * p.alter));
    } else summe += w.jeMinderjaehrigesKindCent;
  }
  return { freibetrag: summe, text: 'Grundfreibeträge und Anschaffungsfreibeträge', norm: r.norm, gueltigAb: r.gueltigAb, quelle };
}

export function vermoegen(k: Kontext): void {
  let summe = 0;
  let bgGroesse = 0;
  for (const p of k.personen) {
    if (!p.inBg) continue;
    bgGroesse++;
    if (p.e.vermoegen) summe += cent(p.e.vermoegen);
  }
  const f = vermoegensfreibetragFuer(k.vermoegensregel, k.personen, bgGroesse, k.input.leistungsbeginn, k.monatIdx, k.input.fruehererBezug);
  k.rechtsstand = maxDatum(k.rechtsstand, f.gueltigAb);
  k.vermoegen = summe;
  k.vermoegensfreibetrag = f.freibetrag;
  k.vermoegensText = f.text;
  k.vermoegensNorm = f.norm;
  k.vermoegensQuelle = f.quelle;
  k.vermoegenZuHoch = summe > f.freibetrag;
  if (k.vermoegenZuHoch && k.summeAnspruchVor > 0) {
    k.vermoegenAbzug = k.summeAnspruchVor;
    for (const p of k.personen) p.anspruchVor = 0;
    k.summeAnspruchVor = 0;
  }
  k.hilfebeduerftig = k.summeAnspruchVor > 0;
}
