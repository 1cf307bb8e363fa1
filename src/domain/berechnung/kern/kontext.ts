/**
 * The state one calculation carries through the steps of the pipeline (kern.ts): the period, the law in force,
 * the persons with their running amounts, and the sums each step leaves for the next. All money in integer cents.
 * Created once per calculation with every field set, so that its shape stays the same (the bulk path is hot).
 */
import {
  ALTERSGRENZEN,
  AUSLEGUNG,
  parameterAm,
  vermoegensregelFuer,
  type Auslegung,
  type Parameter,
  type Stufe,
  type VermoegensPruefung,
} from '../../recht/index.ts';
import { alterImMonat, isoTag, monatsindex, monatsindexVon, parseTag, tageImMonat, type Tag } from '../datum.ts';
import type { BerechnungInput, MehrbedarfErgebnis, PersonInput } from '../schema.ts';

export type KernOptionen = {
  /** build `schritte` (default true). Bulk recomputation may switch it off; all amounts are still computed. */
  erklaerung?: boolean;
  /** override single readings (AUSLEGUNG) for this call */
  auslegung?: Partial<Auslegung>;
  /** internal (kern.ts): decisions on spreading one-off inflows that the input leaves open */
  einmaligAufteilen?: Map<object, boolean>;
};

const LEER: Map<object, boolean> = new Map();

export type Zeitraum = {
  von: Tag;
  bis: Tag;
  vonIso: string;
  bisIso: string;
  jahr: number;
  monat: number;
  voll: boolean;
  /** days per § 41 Abs. 1 (a whole month = 30) */
  tage: number;
};

export function zeitraumAus(z: BerechnungInput['zeitraum']): Zeitraum {
  if (typeof z === 'string') {
    const jahr = Number(z.slice(0, 4));
    const monat = Number(z.slice(5, 7));
    const letzter = tageImMonat(jahr, monat);
    return {
      von: { jahr, monat, tag: 1 },
      bis: { jahr, monat, tag: letzter },
      vonIso: isoTag(jahr, monat, 1),
      bisIso: isoTag(jahr, monat, letzter),
      jahr,
      monat,
      voll: true,
      tage: 30,
    };
  }
  const von = parseTag(z.von);
  const bis = parseTag(z.bis);
  const voll = von.tag === 1 && bis.tag === tageImMonat(bis.jahr, bis.monat);
  return {
    von,
    bis,
    vonIso: z.von,
    bisIso: z.bis,
    jahr: von.jahr,
    monat: von.monat,
    voll,
    tage: voll ? 30 : tageAnteil(von.tag, bis.tag),
  };
}

/** § 41 Abs. 1 with AUSLEGUNG.teilmonatTage: calendar days, at most 30. */
export function tageAnteil(vonTag: number, bisTag: number): number {
  return Math.min(30, bisTag - vonTag + 1);
}

export function maxDatum(...d: string[]): string {
  let m = d[0] as string;
  for (const x of d) if (x > m) m = x;
  return m;
}

/** A period of earlier benefits (months, both inclusive), as in the input's `fruehererBezug`. */
export type Bezugszeitraum = { von: string; bis: string };

/** Gap (months without any benefit) after which a new Karenzzeit begins (§ 12 Abs. 3 S. 4, § 22 Abs. 1 S. 4 SGB II). */
export const KARENZ_NEUBEGINN_NACH_MONATEN = 36;

/**
 * Is the month (index) within the Karenzzeit (§ 12 Abs. 3, § 22 Abs. 1 SGB II)? The Karenzzeit begins with the first
 * month of benefits (`leistungsbeginn`, not before `zaehltAb`, § 65 Abs. 2) and lasts `monate` months of benefit: an
 * interruption extends it by the months without benefits. After at least three years without benefits a new
 * Karenzzeit begins. `frueher` are the benefit periods before `leistungsbeginn`.
 */
export function inKarenzzeit(
  leistungsbeginn: string | undefined,
  zaehltAb: string | null,
  monate: number,
  monatIdx: number,
  frueher?: readonly Bezugszeitraum[],
): boolean {
  if (leistungsbeginn === undefined) return true;
  const ab = zaehltAb === null ? Number.NEGATIVE_INFINITY : monatsindexVon(zaehltAb);
  const laufend = monatsindexVon(leistungsbeginn);
  if (!frueher || frueher.length === 0) return monatIdx - Math.max(laufend, ab) < monate;
  return karenzMonateBisher(leistungsbeginn, monatIdx, frueher, ab) <= monate;
}

/** Benefit months of the current Karenzzeit up to and including `monatIdx` (months before `ab` do not count). */
export function karenzMonateBisher(leistungsbeginn: string, monatIdx: number, frueher: readonly Bezugszeitraum[], ab: number): number {
  const perioden = frueher
    .map((z) => [monatsindexVon(z.von), Math.min(monatsindexVon(z.bis), monatIdx)] as [number, number])
    .filter(([v, b]) => v <= b);
  perioden.push([monatsindexVon(leistungsbeginn), monatIdx]);
  perioden.sort((a, b) => a[0] - b[0]);
  // merge overlapping and adjacent periods; a gap of three years or more starts a new Karenzzeit
  const zusammen: [number, number][] = [];
  for (const [v, b] of perioden) {
    const letzte = zusammen[zusammen.length - 1];
    if (letzte && v <= letzte[1] + 1) letzte[1] = Math.max(letzte[1], b);
    else if (letzte && v - letzte[1] - 1 >= KARENZ_NEUBEGINN_NACH_MONATEN) zusammen.splice(0, zusammen.length, [v, b]);
    else zusammen.push([v, b]);
  }
  let gezaehlt = 0;
  for (const [v, b] of zusammen) {
    const von = Math.max(v, ab);
    if (b >= von) gezaehlt += b - von + 1;
  }
  return gezaehlt;
}

export type MehrbedarfIntern = { art: MehrbedarfErgebnis['art']; monat: number; betrag: number; norm: string; text: string };
/** An explanation line of a person's income; `quelle`: where the amount comes from (parameter source or the case). */
export type EinkommenZeile = { text: string; norm: string; betrag: number; quelle: string };

/** One person with the amounts the steps compute for them. */
export type P = {
  e: PersonInput;
  id: string;
  index: number;
  geburt: Tag;
  alter: number;
  rolle: PersonInput['rolle'];
  inBg: boolean;
  erwerbsfaehig: boolean;
  tage: number;
  stufe: Stufe | null;
  rbMonat: number;
  rb: number;
  mb: MehrbedarfIntern[];
  kduMonat: number;
  kdu: number;
  bedarf: number;
  // income
  hatErwerb: boolean;
  erwerbBereinigt: number;
  kindergeld: number;
  sonstiges: number;
  uebertragErhalten: number;
  pauschale: number;
  bereinigt: number;
  gezaehlt: number;
  ueberschuss: number;
  eigenstaendig: boolean;
  ohneElterneinkommen: boolean;
  imBgEnde: boolean;
  ungedeckt: number;
  anspruchVor: number;
  minderung: number;
  sz: number;
  zeilen: EinkommenZeile[] | null;
  // § 7b Abs. 4 (erreichbarkeit.ts)
  nichtErreichbar: boolean;
  /** monthly KdU head share the person gave up (nicht erreichbar) or received from such persons */
  kduAbgegeben: number;
  kduErhalten: number;
  /** the lapsed own Regel- and Mehrbedarf (pro-rated) of a person nicht erreichbar; what the income covers first */
  eigenbedarf: number;
  /** the part of the income kept for `eigenbedarf` (not counted for the others) */
  einkommenEigen: number;
  /** gemischte BG: a partner under SGB XII (or with Altersrente), outside the BG; need and KdU share under SGB XII */
  sgb12: boolean;
  bedarfSgb12: number;
  kduSgb12: number;
};

export type Uebertrag = { von: P; an: P; betrag: number };

export type Kontext = {
  input: BerechnungInput;
  erklaerung: boolean;
  ausl: Auslegung;
  zr: Zeitraum;
  par: Parameter;
  monatIdx: number;
  /** youngest entry into force among the rules applied */
  rechtsstand: string;
  personen: P[];
  antragsteller: P | undefined;
  partner: P | undefined;
  minderjaehrigeKinder: number;
  /** number of persons nicht erreichbar (§ 7b Abs. 4); 0 skips the step */
  nichtErreichbar: number;
  vermoegensregel: VermoegensPruefung;
  // Unterkunft
  kduText: string;
  // Bedarf and income
  gesamtbedarf: number;
  uebertraege: Uebertrag[];
  /** income of the members whose need is met jointly (not eigenständig) */
  pool: number;
  // Verteilung
  ungedecktPool: number;
  poolMitglieder: P[];
  anspruchEigen: number;
  summeAnspruchVor: number;
  einkommen: number;
  ueberschussBg: number;
  // Vermögen
  vermoegen: number;
  vermoegensfreibetrag: number;
  vermoegensText: string;
  vermoegensNorm: string;
  vermoegensQuelle: string;
  vermoegenZuHoch: boolean;
  vermoegenAbzug: number;
  hilfebeduerftig: boolean;
  /** one-off inflows without `aufteilen`: whether to spread them, decided before the pipeline (kern.ts) */
  einmaligAufteilen: Map<object, boolean>;
  einmaligGenutzt: boolean;
  /** § 11b Abs. 2b / § 11a Abs. 7 applied */
  jungGenutzt: boolean;
  // Sofortzuschlag, Minderung, name
  sofortzuschlag: number;
  anspruch: number;
  leistung: string;
};

/** Step 1: period, the law in force, the persons and their ages (the month of the birthday counts). */
export function kontextFuer(input: BerechnungInput, optionen: KernOptionen): Kontext {
  const erklaerung = optionen.erklaerung !== false;
  const zr = zeitraumAus(input.zeitraum);
  const par = parameterAm(zr.vonIso);
  const monatsbeginn = isoTag(zr.jahr, zr.monat, 1);
  const bwzBeginn = input.bewilligungszeitraumBeginn ? `${input.bewilligungszeitraumBeginn}-01` : monatsbeginn;
  const k: Kontext = {
    input,
    erklaerung,
    ausl: optionen.auslegung ? { ...AUSLEGUNG, ...optionen.auslegung } : AUSLEGUNG,
    zr,
    par,
    monatIdx: monatsindex(zr.jahr, zr.monat),
    rechtsstand: maxDatum(par.regelbedarf.gueltigAb, par.mehrbedarf.gueltigAb, par.sofortzuschlag.gueltigAb, par.leistungsname.gueltigAb),
    personen: [],
    antragsteller: undefined,
    partner: undefined,
    minderjaehrigeKinder: 0,
    nichtErreichbar: 0,
    vermoegensregel: vermoegensregelFuer(monatsbeginn, bwzBeginn),
    kduText: '',
    gesamtbedarf: 0,
    uebertraege: [],
    pool: 0,
    ungedecktPool: 0,
    poolMitglieder: [],
    anspruchEigen: 0,
    summeAnspruchVor: 0,
    einkommen: 0,
    ueberschussBg: 0,
    vermoegen: 0,
    vermoegensfreibetrag: 0,
    vermoegensText: '',
    vermoegensNorm: '',
    vermoegensQuelle: '',
    vermoegenZuHoch: false,
    vermoegenAbzug: 0,
    hilfebeduerftig: false,
    einmaligAufteilen: optionen.einmaligAufteilen ?? LEER,
    einmaligGenutzt: false,
    jungGenutzt: false,
    sofortzuschlag: 0,
    anspruch: 0,
    leistung: '',
  };
  for (let i = 0; i < input.personen.length; i++) {
    const e = input.personen[i] as PersonInput;
    const geburt = parseTag(e.geburtsdatum);
    const alter = alterImMonat(geburt, zr.jahr, zr.monat);
    let tage = zr.tage;
    if (geburt.jahr === zr.jahr && geburt.monat === zr.monat && geburt.tag > zr.von.tag) {
      // born within the period: entitled from the day of birth (§ 41 Abs. 1)
      tage = Math.min(tage, tageAnteil(geburt.tag, zr.bis.tag));
    }
    const p: P = {
      e,
      id: e.id,
      index: i,
      geburt,
      alter,
      rolle: e.rolle,
      // a child is computed as a member and leaves the BG by its own income (§ 7 Abs. 3 Nr. 4); an explicit `false` is
      // checked against the figures (pruefung.ts) and then gives the same result
      inBg: e.rolle === 'kind' ? true : (e.inBedarfsgemeinschaft ?? e.rolle !== 'sonstige'),
      erwerbsfaehig: e.erwerbsfaehig ?? alter >= ALTERSGRENZEN.erwerbsfaehigAb,
      tage,
      stufe: null,
      rbMonat: 0,
      rb: 0,
      mb: [],
      kduMonat: 0,
      kdu: 0,
      bedarf: 0,
      hatErwerb: false,
      erwerbBereinigt: 0,
      kindergeld: 0,
      sonstiges: 0,
      uebertragErhalten: 0,
      pauschale: 0,
      bereinigt: 0,
      gezaehlt: 0,
      ueberschuss: 0,
      eigenstaendig: false,
      ohneElterneinkommen: false,
      imBgEnde: false,
      ungedeckt: 0,
      anspruchVor: 0,
      minderung: 0,
      sz: 0,
      zeilen: erklaerung ? [] : null,
      nichtErreichbar: e.nichtErreichbar === true,
      kduAbgegeben: 0,
      kduErhalten: 0,
      eigenbedarf: 0,
      einkommenEigen: 0,
      sgb12: e.sgb12 === true,
      bedarfSgb12: 0,
      kduSgb12: 0,
    };
    if (p.sgb12) p.inBg = false;
    if (p.nichtErreichbar) k.nichtErreichbar++;
    if (e.rolle === 'antragsteller') k.antragsteller = p;
    else if (e.rolle === 'partner') k.partner = p;
    else if (e.rolle === 'kind' && alter < ALTERSGRENZEN.volljaehrig) k.minderjaehrigeKinder++;
    k.personen.push(p);
  }
  return k;
}
