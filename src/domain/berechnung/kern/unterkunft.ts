/**
 * Unterkunft und Heizung (§ 22 SGB II, § 67 Abs. 3 SGB II): the recognised costs, split by heads among the
 * household (BSG B 14/7b AS 58/06 R); remainder cents go to the first persons (AUSLEGUNG.kopfteilRest).
 */
import { cent, euroText, prozentVon } from '../geld.ts';
import { inKarenzzeit, maxDatum, type Kontext } from './kontext.ts';
import { pct } from './mehrbedarf.ts';

export function unterkunft(k: Kontext): void {
  const u = k.input.unterkunft;
  if (!u) return;
  const par = k.par;
  const kduRegel = par.unterkunft.wert;
  k.rechtsstand = maxDatum(k.rechtsstand, par.unterkunft.gueltigAb);
  const bruttokalt = cent(u.grundmiete) + cent(u.nebenkosten);
  const heizung = cent(u.heizkosten);
  const angBk = u.angemessen?.bruttokaltmiete === undefined ? null : cent(u.angemessen.bruttokaltmiete);
  const angHz = u.angemessen?.heizkosten === undefined ? null : cent(u.angemessen.heizkosten);
  let bk = bruttokalt;
  let hz = heizung;
  const hinweise: string[] = [];
  if (k.vermoegensregel.art === 'vereinfacht') {
    hinweise.push('vereinfachtes Verfahren: tatsächliche Kosten gelten als angemessen (§ 67 Abs. 3 SGB II)');
  } else {
    const karenz = kduRegel.karenzMonate > 0 && inKarenzzeit(k.input.leistungsbeginn, kduRegel.karenzZaehltAb, kduRegel.karenzMonate, k.monatIdx, k.input.fruehererBezug);
    if (karenz) {
      if (kduRegel.karenzObergrenzeFaktor !== null && angBk !== null) {
        const grenze = prozentVon(angBk, kduRegel.karenzObergrenzeFaktor);
        if (bk > grenze) {
          bk = grenze;
          hinweise.push(`Karenzzeit: Unterkunft höchstens das ${pct(kduRegel.karenzObergrenzeFaktor).replace(' %', ' %')} der angemessenen ${euroText(angBk)} = ${euroText(grenze)} (§ 22 Abs. 1 S. 5 SGB II)`);
        } else hinweise.push('Karenzzeit: tatsächliche Unterkunftskosten (§ 22 Abs. 1 S. 2 SGB II)');
      } else if (angBk !== null && bk > angBk) {
        hinweise.push('Karenzzeit: tatsächliche Unterkunftskosten (§ 22 Abs. 1 S. 2 SGB II)');
      }
    } else if (angBk !== null && bk > angBk) {
      bk = angBk;
      hinweise.push(`Unterkunft auf die angemessenen ${euroText(angBk)} begrenzt`);
    }
    if (angHz !== null && hz > angHz) {
      hz = angHz;
      hinweise.push(`Heizkosten auf die angemessenen ${euroText(angHz)} begrenzt`);
    }
  }
  const kduGesamt = bk + hz;
  const n = k.personen.length;
  const basis = Math.floor(kduGesamt / n);
  const rest = kduGesamt - basis * n;
  for (const p of k.personen) {
    const anteil = basis + (p.index < rest ? 1 : 0);
    p.kduMonat = p.inBg ? anteil : 0;
    // gemischte BG: the SGB XII partner's head share is part of that partner's own need (§ 35 SGB XII)
    if (p.sgb12) p.kduSgb12 = anteil;
  }
  if (k.erklaerung) {
    k.kduText = `Kosten der Unterkunft und Heizung: Grundmiete ${euroText(cent(u.grundmiete))} + Nebenkosten ${euroText(cent(u.nebenkosten))} + Heizkosten ${euroText(heizung)} = ${euroText(bruttokalt + heizung)}; anerkannt ${euroText(kduGesamt)}${hinweise.length ? ` (${hinweise.join('; ')})` : ''}; aufgeteilt auf ${n} ${n === 1 ? 'Person' : 'Personen'} im Haushalt`;
  }
}
