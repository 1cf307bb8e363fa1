/**
 * Einkommen (§§ 11–11b SGB II) and who it covers first: income of children and other members covers their own need
 * (§ 9 Abs. 2 S. 2, § 7 Abs. 3 Nr. 4 SGB II), Kindergeld they do not need passes to the Kindergeldberechtigte
 * (§ 11 Abs. 1 S. 5); the income of the others forms the pool for the Bedarfsanteilsmethode (verteilung.ts).
 */
import { ALTERSGRENZEN, NORM_EINKOMMEN, RECHT_AB, fundstelle, parameterAm } from '../../recht/index.ts';
import { monatsindexVon } from '../datum.ts';
import { cent, euroText, teileGerundet } from '../geld.ts';
import type { EinkommenInput } from '../schema.ts';
import { maxDatum, type EinkommenZeile, type Kontext, type P } from './kontext.ts';

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

type Einmalig = Extract<EinkommenInput, { art: 'einmalig' }>;

/** § 11 Abs. 3 S. 1–3: the month (index) from which a one-off inflow counts: the month of inflow, or the month after. */
export function anrechnungsmonat(ek: Einmalig): number {
  const zufluss = monatsindexVon(ek.zufluss.slice(0, 7));
  return ek.leistungBereitsErbracht === true ? zufluss + 1 : zufluss;
}

/** § 11a Abs. 1 Nr. 7: is this inflow an Erbschaft that counts as Vermögen by the law of its day of inflow? */
export function erbschaftIstVermoegen(ek: Einmalig): boolean {
  if (ek.erbschaft !== true) return false;
  return parameterAm(ek.zufluss < RECHT_AB ? RECHT_AB : ek.zufluss).einmalig.wert.erbschaftIstVermoegen;
}

/**
 * The part of a one-off inflow counted in month `monatIdx` (cents): all of it in the Anrechnungsmonat, or a sixth
 * in each of six months (§ 11 Abs. 3 S. 4); remainder cents go to the first months.
 */
export function einmaligerAnteil(ek: Einmalig, monatIdx: number, aufteilen: boolean, monate: number): number {
  const versatz = monatIdx - anrechnungsmonat(ek);
  const gesamt = cent(ek.betrag);
  if (versatz < 0) return 0;
  if (!aufteilen) return versatz === 0 ? gesamt : 0;
  if (versatz >= monate) return 0;
  const basis = Math.floor(gesamt / monate);
  return basis + (versatz < gesamt - basis * monate ? 1 : 0);
}

function einmaligZaehlen(k: Kontext, p: P, ek: Einmalig): void {
  const name = ek.bezeichnung ? `Einmalige Einnahme „${ek.bezeichnung}“` : 'Einmalige Einnahme';
  if (erbschaftIstVermoegen(ek)) {
    if (p.zeilen && anrechnungsmonat(ek) === k.monatIdx) {
      p.zeilen.push({ text: `${name} von ${p.id} aus einer Erbschaft (${euroText(cent(ek.betrag))}, zugeflossen am ${datumKurz(ek.zufluss)}) ist kein Einkommen, sondern Vermögen; soweit noch vorhanden, ist sie beim Vermögen anzugeben`, norm: NORM_EINKOMMEN.erbschaft, betrag: 0, quelle: QUELLE_ANGABEN });
    }
    return;
  }
  const regel = k.par.einmalig.wert;
  const aufteilen = ek.aufteilen ?? k.einmaligAufteilen.get(ek) ?? false;
  const anteil = einmaligerAnteil(ek, k.monatIdx, aufteilen, regel.aufteilungMonate);
  if (anteil === 0) return;
  k.einmaligGenutzt = true;
  p.sonstiges += anteil;
  if (p.zeilen) {
    const versatz = k.monatIdx - anrechnungsmonat(ek);
    const wie = aufteilen
      ? `${versatz + 1}. von ${regel.aufteilungMonate} Monaten; ${euroText(cent(ek.betrag))} gleichmäßig aufgeteilt, weil der Anspruch sonst entfiele`
      : `${euroText(cent(ek.betrag))} ganz im Monat ${ek.leistungBereitsErbracht ? 'nach dem Zufluss' : 'des Zuflusses'}`;
    p.zeilen.push({ text: `${name} von ${p.id}, zugeflossen am ${datumKurz(ek.zufluss)} (${wie})`, norm: NORM_EINKOMMEN.einmalig, betrag: -anteil, quelle: QUELLE_ANGABEN });
  }
}

const datumKurz = (iso: string): string => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

/**
 * § 11b Abs. 2, 2b and 3: Erwerbseinkommen (employment and self-employment, § 3 Bürgergeld-V) after Grundabsetzbetrag
 * and Erwerbstätigenfreibetrag; other income collected; one-off income by § 11 Abs. 3.
 */
function erwerbBereinigen(k: Kontext, p: P): boolean {
  const liste = p.e.einkommen;
  if (!liste || liste.length === 0) return false;
  const junge = k.par.jungeErwerbstaetige.wert;
  const jung = p.e.ausbildung !== undefined && p.alter < junge.altersgrenze;
  let brutto = 0;
  let netto = 0;
  let abs = 0;
  let gewinn = 0;
  let gewinnNetto = 0;
  let selbst = false;
  for (const ek of liste) {
    if (ek.art === 'erwerbstaetigkeit') {
      if (ek.ferienjob === true && jung && p.e.ausbildung === 'schule' && junge.ferienjobAnrechnungsfrei) {
        k.jungGenutzt = true;
        if (p.zeilen) p.zeilen.push({ text: `Einkommen von ${p.id} aus einem Ferienjob (netto ${euroText(cent(ek.netto))}) bleibt anrechnungsfrei (Schülerin oder Schüler unter ${junge.altersgrenze})`, norm: NORM_EINKOMMEN.ferienjob, betrag: 0, quelle: fundstelle(k.par.jungeErwerbstaetige) });
        continue;
      }
      brutto += cent(ek.brutto);
      netto += cent(ek.netto);
      if (ek.absetzungen !== undefined) abs += cent(ek.absetzungen);
      p.hatErwerb = true;
    } else if (ek.art === 'selbststaendigkeit') {
      if (ek.brutto !== undefined && ek.netto !== undefined) {
        // § 3 Bürgergeld-V: the Gewinn is the gross for the Freibetrag, taxes and Pflichtbeiträge come off it
        brutto += cent(ek.brutto);
        netto += cent(ek.netto);
        gewinn += cent(ek.brutto);
        gewinnNetto += cent(ek.netto);
        if (ek.absetzungen !== undefined) abs += cent(ek.absetzungen);
        selbst = true;
      } else {
        const b = cent(ek.betrag ?? 0);
        brutto += b;
        netto += b;
      }
      p.hatErwerb = true;
    } else if (ek.art === 'einmalig') {
      einmaligZaehlen(k, p, ek);
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
  // § 11b Abs. 2b: young people in Schule, Ausbildung or Studium – the Minijob-Grenze instead of the 100 € and band 1
  const abs2b = jung && junge.minijobGrenzeStattGrundabsetzbetrag;
  if (abs2b) k.jungGenutzt = true;
  const grundbetrag = abs2b ? k.par.minijobGrenze.wert : fb.grundabsetzbetragCent;
  const nachweis = brutto > fb.nachweisAbCent && abs > grundbetrag;
  const grund = nachweis ? abs : grundbetrag;
  const obergrenze =
    (p.rolle === 'antragsteller' || p.rolle === 'partner') && k.minderjaehrigeKinder > 0 ? fb.obergrenzeMitKindCent : fb.obergrenzeCent;
  let summe = 0;
  if (!abs2b || k.ausl.jungeErwerbstaetigeStufen === 'weitere_stufen') {
    fb.stufen.forEach((s, i) => {
      if (abs2b && i === 0) return;
      const bis = s.bisCent ?? obergrenze;
      if (brutto > s.abCent) summe += (Math.min(brutto, bis) - s.abCent) * s.prozent;
    });
  }
  const freibetrag = teileGerundet(summe, 10000);
  const grundAbzug = Math.min(grund, netto);
  const fbAbzug = Math.min(freibetrag, netto - grundAbzug);
  p.erwerbBereinigt = netto - grundAbzug - fbAbzug;
  if (p.zeilen) {
    const recht = fundstelle(k.par.erwerbsfreibetrag);
    const zeilen: EinkommenZeile[] = [
      { text: `Erwerbseinkommen von ${p.id} (netto; brutto ${euroText(brutto)})`, norm: NORM_EINKOMMEN.erwerb, betrag: -netto, quelle: QUELLE_ANGABEN },
    ];
    if (selbst) {
      zeilen.push({ text: `Darin Einkommen aus Selbständigkeit von ${p.id}: Gewinn (Betriebseinnahmen abzüglich notwendiger Betriebsausgaben) ${euroText(gewinn)}, nach Steuern und Pflichtbeiträgen ${euroText(gewinnNetto)}; der Freibetrag wird aus dem Gewinn berechnet`, norm: NORM_EINKOMMEN.selbststaendigkeit, betrag: 0, quelle: QUELLE_ANGABEN });
    }
    if (nachweis) {
      zeilen.push({ text: `Nachgewiesene Absetzungen von ${p.id} (Versicherungen, Fahrtkosten u. a.) statt ${abs2b ? euroText(grundbetrag) : '100 €'}`, norm: NORM_EINKOMMEN.tatsaechlicheAbsetzungen, betrag: grundAbzug, quelle: QUELLE_ANGABEN });
    } else if (abs2b) {
      zeilen.push({ text: `Freibetrag für ${p.id} in ${AUSBILDUNG_TEXT[p.e.ausbildung ?? 'schule']} unter ${junge.altersgrenze} Jahren: Minijob-Grenze ${euroText(grundbetrag)} statt 100 €`, norm: NORM_EINKOMMEN.jungeErwerbstaetige, betrag: grundAbzug, quelle: `${fundstelle(k.par.jungeErwerbstaetige)}; ${fundstelle(k.par.minijobGrenze)}` });
    } else {
      zeilen.push({ text: `Grundabsetzbetrag für ${p.id}`, norm: NORM_EINKOMMEN.grundabsetzbetrag, betrag: grundAbzug, quelle: recht });
    }
    zeilen.push(
      abs2b
        ? { text: `Erwerbstätigenfreibetrag für ${p.id} ohne die 20-%-Stufe (aus ${euroText(brutto)} brutto, Obergrenze ${euroText(obergrenze)})`, norm: `${NORM_EINKOMMEN.freibetrag}, § 11b Abs. 2b SGB II`, betrag: fbAbzug, quelle: recht }
        : { text: `Erwerbstätigenfreibetrag für ${p.id} (aus ${euroText(brutto)} brutto, Obergrenze ${euroText(obergrenze)})`, norm: NORM_EINKOMMEN.freibetrag, betrag: fbAbzug, quelle: recht },
    );
    p.zeilen.unshift(...zeilen);
  }
  return true;
}

const AUSBILDUNG_TEXT: Record<NonNullable<P['e']['ausbildung']>, string> = {
  schule: 'der Schule',
  ausbildung: 'Ausbildung',
  studium: 'einem Studium',
};

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
  for (const p of personen) {
    if (!p.sgb12) continue;
    sgb12Einkommen(k, p);
    pool += p.gezaehlt;
  }
  k.pool = pool;
  if (k.jungGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.jungeErwerbstaetige.gueltigAb, k.par.minijobGrenze.gueltigAb);
  if (k.einmaligGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.einmalig.gueltigAb);
  if (erwerbGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.erwerbsfreibetrag.gueltigAb);
  if (pauschaleGenutzt) k.rechtsstand = maxDatum(k.rechtsstand, k.par.versicherungspauschale.gueltigAb);
}

/**
 * Gemischte BG (BSG 15.4.2008 B 14/7b AS 58/06 R; vertical method, BSG 11.11.2021 B 14 AS 89/20 R): a partner who
 * is not entitled under SGB II (Altersrente, SGB XII) is outside the BG. The partner's own need is measured under
 * SGB XII (Regelbedarfsstufe 2 and the head share of the Unterkunft); the partner's income covers it first
 * (§ 82 SGB XII: earnings less the Absetzbetrag of § 82 Abs. 3), and only the surplus counts for the BG
 * (§ 9 Abs. 2 S. 1 SGB II). An uncovered SGB XII need is a matter for the Sozialamt, not part of this calculation.
 */
function sgb12Einkommen(k: Kontext, p: P): void {
  const rbs = k.par.regelbedarf.wert;
  const stufe = k.antragsteller && k.antragsteller.alter >= ALTERSGRENZEN.volljaehrig && p.alter >= ALTERSGRENZEN.volljaehrig ? 2 : 1;
  const t = p.tage;
  const rb = t === 30 ? rbs[stufe] : teileGerundet(rbs[stufe] * t, 30);
  const kdu = t === 30 ? p.kduSgb12 : teileGerundet(p.kduSgb12 * t, 30);
  p.bedarfSgb12 = rb + kdu;
  let erwerb = 0;
  for (const ek of p.e.einkommen ?? []) {
    if (ek.art === 'erwerbstaetigkeit') erwerb += cent(ek.netto);
    else if (ek.art === 'selbststaendigkeit') erwerb += cent(ek.netto ?? ek.betrag ?? 0);
    else if (ek.art === 'einmalig') einmaligZaehlen(k, p, ek);
    else p.sonstiges += cent(ek.betrag);
  }
  const r = k.par.sgb12Erwerbsfreibetrag;
  const absetzbetrag = Math.min(teileGerundet(erwerb * r.wert.prozent, 10000), teileGerundet(rbs[1] * r.wert.hoechstensAnteilRbs1, 10000));
  p.bereinigt = erwerb - absetzbetrag + p.sonstiges;
  p.gezaehlt = Math.max(0, p.bereinigt - p.bedarfSgb12);
  p.ueberschuss = p.gezaehlt;
  k.rechtsstand = maxDatum(k.rechtsstand, r.gueltigAb);
  if (p.zeilen) {
    const zeilen: EinkommenZeile[] = [
      {
        text: `${p.id} ist nach dem SGB II nicht leistungsberechtigt (Altersrente oder Leistungen nach dem SGB XII) und gehört nicht zur Bedarfsgemeinschaft; eigener Bedarf nach dem SGB XII: Regelbedarf Stufe ${stufe} ${euroText(rb)} + Anteil an Unterkunft und Heizung ${euroText(kdu)} = ${euroText(p.bedarfSgb12)}`,
        norm: NORM_EINKOMMEN.sgb12Bedarf,
        betrag: 0,
        quelle: fundstelle(k.par.regelbedarf),
      },
      {
        text: `Einkommen von ${p.id} nach dem SGB XII: ${euroText(p.bereinigt)}${absetzbetrag > 0 ? ` (Erwerbseinkommen ${euroText(erwerb)} abzüglich ${euroText(absetzbetrag)} Absetzbetrag)` : ''}; es deckt zuerst den eigenen Bedarf`,
        norm: NORM_EINKOMMEN.sgb12Einkommen,
        betrag: 0,
        quelle: absetzbetrag > 0 ? fundstelle(r) : QUELLE_ANGABEN,
      },
    ];
    if (p.gezaehlt > 0) {
      zeilen.push({ text: `Einkommen von ${p.id} über dem eigenen Bedarf zählt für die Bedarfsgemeinschaft`, norm: NORM_EINKOMMEN.sgb12Einkommen, betrag: -p.gezaehlt, quelle: QUELLE_ANGABEN });
    } else if (p.bereinigt < p.bedarfSgb12) {
      zeilen.push({ text: `Ungedeckter Bedarf von ${p.id} nach dem SGB XII: ${euroText(p.bedarfSgb12 - p.bereinigt)} (Leistung des Sozialamts, nicht Teil dieser Berechnung); kein Einkommen von ${p.id} zählt für die Bedarfsgemeinschaft`, norm: NORM_EINKOMMEN.sgb12Bedarf, betrag: 0, quelle: QUELLE_ANGABEN });
    }
    // the income lines collected above (one-off inflows) are information only here
    for (const z of p.zeilen) zeilen.push({ ...z, betrag: 0 });
    p.zeilen.splice(0, p.zeilen.length, ...zeilen);
  }
}
