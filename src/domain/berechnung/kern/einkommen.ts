/**
 * Einkommen (§§ 11–11b SGB II) and who it covers first: income of children and other members covers their own need
 * (§ 9 Abs. 2 S. 2, § 7 Abs. 3 Nr. 4 SGB II), Kindergeld they do not need passes to the Kindergeldberechtigte
 * (§ 11 Abs. 1 S. 5); the income of the others forms the pool for the Bedarfsanteilsmethode (verteilung.ts).
 */
import { ALTERSGRENZEN, NORM_EINKOMMEN, fundstelle } from '../../recht/index.ts';
import { cent, euroText, teileGerundet } from '../geld.ts';
import { maxDatum, type Kontext, type P } from './kontext.ts';

/** The source of an amount the case itself supplies (income, costs, individual needs). */
export const QUELLE_ANGABEN = 'Angaben im Fall';

const EINKOMMEN_TEXT: Record<string, string> = {
  kindergeld: 'Kindergeld',
  unterhalt: 'Unterhalt',
  unterhaltsvorschuss: 'Unterhaltsvorschuss',
  rente: 'Rente',
  arbeitslosengeld: 'Arbeitslosengeld',
  krankengeld: 'Krankengeld',
  elterngeld: 'Elterngeld',
  sonstiges: 'sonstiges Einkommen',
};

/** § 11b Abs. 2 and 3: Erwerbseinkommen after Grundabsetzbetrag and Erwerbstätigenfreibetrag; other income collected. */
function erwerbBereinigen(k: Kontext, p: P): boolean {
  const liste = p.e.einkommen;
  if (!liste || liste.length === 0) return false;
  let brutto = 0;
  let netto = 0;
  let abs = 0;
  for (const ek of liste) {
    if (ek.art === 'erwerbstaetigkeit') {
      brutto += cent(ek.brutto);
      netto += cent(ek.netto);
      if (ek.absetzungen !== undefined) abs += cent(ek.absetzungen);
      p.hatErwerb = true;
    } else if (ek.art === 'selbststaendigkeit') {
      const b = cent(ek.betrag);
      brutto += b;
      netto += b;
      p.hatErwerb = true;
    } else if (ek.art === 'kindergeld') {
      p.kindergeld += cent(ek.betrag);
      if (p.zeilen) p.zeilen.push({ text: `Kindergeld für ${p.id}`, norm: NORM_EINKOMMEN.kindergeld, betrag: -cent(ek.betrag), quelle: QUELLE_ANGABEN });
    } else {
      p.sonstiges += cent(ek.betrag);
      if (p.zeilen) p.zeilen.push({ text: `${EINKOMMEN_TEXT[ek.art] ?? ek.art} von ${p.id}`, norm: NORM_EINKOMMEN.sonstiges, betrag: -cent(ek.betrag), quelle: QUELLE_ANGABEN });
    }
  }
  if (!p.hatErwerb) return false;
  const fb = k.par.erwerbsfreibetrag.wert;
  const nachweis = brutto > fb.nachweisAbCent && abs > fb.grundabsetzbetragCent;
  const grund = nachweis ? abs : fb.grundabsetzbetragCent;
  const obergrenze =
    (p.rolle === 'antragsteller' || p.rolle === 'partner') && k.minderjaehrigeKinder > 0 ? fb.obergrenzeMitKindCent : fb.obergrenzeCent;
  let summe = 0;
  for (const s of fb.stufen) {
    const bis = s.bisCent ?? obergrenze;
    if (brutto > s.abCent) summe += (Math.min(brutto, bis) - s.abCent) * s.prozent;
  }
  const freibetrag = teileGerundet(summe, 10000);
  const grundAbzug = Math.min(grund, netto);
  const fbAbzug = Math.min(freibetrag, netto - grundAbzug);
  p.erwerbBereinigt = netto - grundAbzug - fbAbzug;
  if (p.zeilen) {
    const recht = fundstelle(k.par.erwerbsfreibetrag);
    p.zeilen.unshift(
      { text: `Erwerbseinkommen von ${p.id} (netto; brutto ${euroText(brutto)})`, norm: NORM_EINKOMMEN.erwerb, betrag: -netto, quelle: QUELLE_ANGABEN },
      nachweis
        ? { text: `Nachgewiesene Absetzungen von ${p.id} (Versicherungen, Fahrtkosten u. a.) statt 100 €`, norm: NORM_EINKOMMEN.tatsaechlicheAbsetzungen, betrag: grundAbzug, quelle: QUELLE_ANGABEN }
        : { text: `Grundabsetzbetrag für ${p.id}`, norm: NORM_EINKOMMEN.grundabsetzbetrag, betrag: grundAbzug, quelle: recht },
      { text: `Erwerbstätigenfreibetrag für ${p.id} (aus ${euroText(brutto)} brutto, Obergrenze ${euroText(obergrenze)})`, norm: NORM_EINKOMMEN.freibetrag, betrag: fbAbzug, quelle: recht },
    );
  }
  return true;
}

/** § 11b Abs. 1 S. 1 Nr. 3: the Versicherungspauschale on an adult's other income; returns whether it was used. */
function bereinige(k: Kontext, p: P): boolean {
  const andere = p.kindergeld + p.sonstiges + p.uebertragErhalten;
  let genutzt = false;
  if (andere > 0 && p.alter >= ALTERSGRENZEN.volljaehrig && (!p.hatErwerb || k.ausl.versicherungspauschaleNebenErwerbseinkommen)) {
    const vp = k.par.versicherungspauschale;
    p.pauschale = Math.min(vp.wert, andere);
    genutzt = true;
    if (p.zeilen) p.zeilen.push({ text: `Versicherungspauschale für ${p.id}`, norm: vp.norm, betrag: p.pauschale, quelle: fundstelle(vp) });
  }
  p.bereinigt = p.erwerbBereinigt + andere - p.pauschale;
  return genutzt;
}

/** § 11 Abs. 1 S. 5: the part of a child's surplus that is Kindergeld becomes income of the Kindergeldberechtigte. */
function uebertrageKindergeld(k: Kontext, p: P): void {
  const kgUeberschuss = Math.min(p.kindergeld, p.ueberschuss);
  const empfaengerId = p.e.kindergeldberechtigter ?? k.antragsteller?.id;
  const empfaenger = k.personen.find((x) => x.id === empfaengerId);
  if (kgUeberschuss > 0 && empfaenger && empfaenger.inBg && !empfaenger.eigenstaendig) {
    empfaenger.uebertragErhalten += kgUeberschuss;
    k.uebertraege.push({ von: p, an: empfaenger, betrag: kgUeberschuss });
  }
}

export function einkommen(k: Kontext): void {
  const { personen } = k;
  let erwerbGenutzt = false;
  let pauschaleGenutzt = false;
  for (const p of personen) if (p.inBg && erwerbBereinigen(k, p)) erwerbGenutzt = true;

  // children and other members first: own income covers own need (§ 9 Abs. 2 S. 2, § 7 Abs. 3 Nr. 4)
  for (const p of personen) {
    if (!p.inBg || !p.eigenstaendig) continue;
    if (bereinige(k, p)) pauschaleGenutzt = true;
    if (p.nichtErreichbar) {
      // § 7b Abs. 4: the child stays in the BG without a claim; its income serves only itself (§ 9 Abs. 2 S. 2),
      // except Kindergeld it does not need (§ 11 Abs. 1 S. 5) – how much it needs: AUSLEGUNG.einkommenNichtErreichbar
      p.einkommenEigen = k.ausl.einkommenNichtErreichbar === 'voll' ? 0 : Math.min(p.bereinigt, p.eigenbedarf);
      p.ueberschuss = p.bereinigt - p.einkommenEigen;
      uebertrageKindergeld(k, p);
      p.gezaehlt = 0;
      p.ungedeckt = 0;
      p.imBgEnde = true;
      continue;
    }
    if (p.bereinigt >= p.bedarf) {
      p.gezaehlt = p.bedarf;
      p.ueberschuss = p.bereinigt - p.bedarf;
      uebertrageKindergeld(k, p);
      p.imBgEnde = false;
    } else {
      p.gezaehlt = p.bereinigt;
      p.ungedeckt = p.bedarf - p.bereinigt;
      p.imBgEnde = true;
    }
  }
  let pool = 0;
  for (const p of personen) {
    if (!p.inBg || p.eigenstaendig) continue;
    if (bereinige(k, p)) pauschaleGenutzt = true;
    if (p.nichtErreichbar) {
      // § 7b Abs. 4: the partner stays in the BG (§ 9 Abs. 2 S. 1); AUSLEGUNG.einkommenNichtErreichbar decides
      // whether the income first covers the person's own lapsed Regel- and Mehrbedarf
      p.einkommenEigen = k.ausl.einkommenNichtErreichbar === 'voll' ? 0 : Math.min(p.bereinigt, p.eigenbedarf);
      p.gezaehlt = p.bereinigt - p.einkommenEigen;
      p.ungedeckt = 0;
      p.imBgEnde = true;
      pool += p.gezaehlt;
      continue;
    }
    p.gezaehlt = p.bereinigt;
    p.ungedeckt = p.bedarf;
    p.imBgEnde = true;
    pool += p.bereinigt;
  }
  k.pool = pool;
  if (erwerbGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.erwerbsfreibetrag.gueltigAb);
  if (pauschaleGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.versicherungspauschale.gueltigAb);
}
