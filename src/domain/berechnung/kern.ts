/**
 * The pure calculation core: validated input in, result out. No IO, no clock, no randomness.
 * All money is integer cents inside; every rounding is § 41 Abs. 2 (half up to the cent).
 *
 * Order of the calculation (docs/berechnung.md):
 *  1. period and parameters by date, persons' ages (month of the birthday counts)
 *  2. Regelbedarf, Mehrbedarfe, Kopfteil of Unterkunft und Heizung per person, pro-rated per § 41 Abs. 1
 *  3. income per person after § 11b; children's own income first (§ 9 Abs. 2 S. 2, § 11 Abs. 1 S. 5)
 *  4. Vermögen (§ 12 / § 67)
 *  5. Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3) over the uncovered needs
 *  6. Sofortzuschlag (§ 72), Minderungen (§§ 31a, 32)
 */
import {
  ALTERSGRENZEN,
  AUSLEGUNG,
  NORM_EINKOMMEN,
  NORM_MEHRBEDARF,
  NORM_MINDERUNG,
  NORM_STUFE,
  NORM_UNTERKUNFT,
  SOFORTZUSCHLAG_UNTER_ALTER,
  parameterAm,
  vermoegensregelFuer,
  type Auslegung,
  type Parameter,
  type Stufe,
  type VermoegensPruefung,
} from '../recht/index.ts';
import { alterImMonat, datumLang, isoTag, monatLang, monatsindex, monatsindexVon, parseTag, tageImMonat, type Tag } from './datum.ts';
import { cent, euro, euroText, prozentVon, teileGerundet, verteileAnteilig } from './geld.ts';
import type {
  BerechnungErgebnis,
  BerechnungInput,
  MehrbedarfErgebnis,
  PersonErgebnis,
  PersonInput,
  Schritt,
} from './schema.ts';

export type KernOptionen = {
  /** build `schritte` (default true). Bulk recomputation may switch it off; all amounts are still computed. */
  erklaerung?: boolean;
  /** override single readings (AUSLEGUNG) for this call */
  auslegung?: Partial<Auslegung>;
};

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
function tageAnteil(vonTag: number, bisTag: number): number {
  return Math.min(30, bisTag - vonTag + 1);
}

type MehrbedarfIntern = { art: MehrbedarfErgebnis['art']; monat: number; betrag: number; norm: string; text: string };
type EinkommenZeile = { text: string; norm: string; betrag: number };

type P = {
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
};

const MB_TEXT: Record<MehrbedarfErgebnis['art'], string> = {
  schwangerschaft: 'Mehrbedarf Schwangerschaft',
  alleinerziehend: 'Mehrbedarf für Alleinerziehende',
  behinderung: 'Mehrbedarf wegen Behinderung',
  ernaehrung: 'Mehrbedarf kostenaufwändige Ernährung',
  kappung: 'Begrenzung der Mehrbedarfe auf die Höhe des Regelbedarfs',
  unabweisbar: 'Mehrbedarf unabweisbarer laufender Bedarf',
  schulbuecher: 'Mehrbedarf Schulbücher und Arbeitshefte',
  warmwasser: 'Mehrbedarf dezentrale Warmwassererzeugung',
};

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

const pct = (bp: number): string => `${String(bp / 100).replace('.', ',')} %`;

function stufeNachAlter(alter: number): Stufe {
  if (alter >= ALTERSGRENZEN.volljaehrig) return 3;
  if (alter > ALTERSGRENZEN.stufe5BisAlter) return 4;
  if (alter > ALTERSGRENZEN.stufe6BisAlter) return 5;
  return 6;
}

/** Computes a validated case. Throws only on programming errors or law gaps (RechtsstandFehler). */
export function berechneKern(input: BerechnungInput, optionen: KernOptionen = {}): BerechnungErgebnis {
  const erklaerung = optionen.erklaerung !== false;
  const ausl: Auslegung = optionen.auslegung ? { ...AUSLEGUNG, ...optionen.auslegung } : AUSLEGUNG;
  const zr = zeitraumAus(input.zeitraum);
  const par: Parameter = parameterAm(zr.vonIso);
  const monatIdx = monatsindex(zr.jahr, zr.monat);
  const monatsbeginn = isoTag(zr.jahr, zr.monat, 1);
  const rbs = par.regelbedarf.wert;
  const mbs = par.mehrbedarf.wert;
  let rechtsstand = maxDatum(par.regelbedarf.gueltigAb, par.mehrbedarf.gueltigAb, par.sofortzuschlag.gueltigAb, par.leistungsname.gueltigAb);

  // ---- persons --------------------------------------------------------------------------------------
  const personen: P[] = [];
  let antragsteller: P | undefined;
  let partner: P | undefined;
  let minderjaehrigeKinder = 0;
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
      inBg: e.inBedarfsgemeinschaft ?? e.rolle !== 'sonstige',
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
    };
    if (e.rolle === 'antragsteller') antragsteller = p;
    else if (e.rolle === 'partner') partner = p;
    else if (e.rolle === 'kind' && alter < ALTERSGRENZEN.volljaehrig) minderjaehrigeKinder++;
    personen.push(p);
  }

  // ---- Regelbedarf (§ 20, § 23 Nr. 1) -----------------------------------------------------------------
  for (const p of personen) {
    if (!p.inBg) continue;
    let stufe: Stufe;
    if (p.rolle === 'antragsteller' || p.rolle === 'partner') {
      const anderer = p.rolle === 'antragsteller' ? partner : antragsteller;
      const volljaehrig = p.alter >= ALTERSGRENZEN.volljaehrig;
      if (anderer && (p.rolle === 'partner' || partner)) {
        const andererVolljaehrig = anderer.alter >= ALTERSGRENZEN.volljaehrig;
        stufe = volljaehrig ? (andererVolljaehrig ? 2 : 1) : andererVolljaehrig ? stufeNachAlter(p.alter) : 1;
      } else {
        stufe = 1;
      }
    } else {
      stufe = stufeNachAlter(p.alter);
    }
    p.stufe = stufe;
    p.rbMonat = rbs[stufe];
    p.eigenstaendig = p.rolle === 'kind' || p.rolle === 'sonstige';
    p.ohneElterneinkommen = p.rolle === 'kind' && p.e.schwanger === true;
  }

  // ---- Mehrbedarfe (§ 21) -----------------------------------------------------------------------------
  const warmwasser = input.unterkunft?.warmwasserDezentral === true;
  for (const p of personen) {
    if (!p.inBg || p.stufe === null) continue;
    const mb = p.mb;
    const m = p.e.mehrbedarf;
    let gedeckelt = 0;
    if (p.e.schwanger) {
      const b = prozentVon(p.rbMonat, mbs.schwangerschaft);
      gedeckelt += b;
      mb.push({ art: 'schwangerschaft', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.schwangerschaft, text: erklaerung ? `${pct(mbs.schwangerschaft)} von ${euroText(p.rbMonat)}` : '' });
    }
    const ae = p.e.alleinerziehend ?? (p.rolle === 'antragsteller' && partner === undefined && minderjaehrigeKinder > 0);
    if (ae) {
      let n = 0;
      let u7 = 0;
      let u16 = 0;
      for (const k of personen) {
        if (k === p || k.rolle !== 'kind' || k.alter >= ALTERSGRENZEN.volljaehrig) continue;
        n++;
        if (k.alter < mbs.alleinerziehendKindUnter) u7++;
        if (k.alter < mbs.alleinerziehendZweiDreiKinderUnter) u16++;
      }
      const hoch = u7 >= 1 || u16 === 2 || u16 === 3 ? mbs.alleinerziehendHoch : 0;
      const satz = Math.min(mbs.alleinerziehendHoechstens, Math.max(hoch, mbs.alleinerziehendJeKind * n));
      if (satz > 0) {
        const b = prozentVon(rbs[1], satz);
        gedeckelt += b;
        mb.push({ art: 'alleinerziehend', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.alleinerziehend, text: erklaerung ? `${pct(satz)} von ${euroText(rbs[1])} (Regelbedarfsstufe 1) für ${n} minderjährige${n === 1 ? 's Kind' : ' Kinder'}` : '' });
      }
    }
    if (m?.behinderung) {
      const b = prozentVon(p.rbMonat, mbs.behinderung);
      gedeckelt += b;
      mb.push({ art: 'behinderung', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.behinderung, text: erklaerung ? `${pct(mbs.behinderung)} von ${euroText(p.rbMonat)}` : '' });
    }
    if (m?.ernaehrung) {
      const b = cent(m.ernaehrung);
      gedeckelt += b;
      mb.push({ art: 'ernaehrung', monat: b, betrag: 0, norm: NORM_MEHRBEDARF.ernaehrung, text: '' });
    }
    if (gedeckelt > p.rbMonat) {
      mb.push({ art: 'kappung', monat: p.rbMonat - gedeckelt, betrag: 0, norm: NORM_MEHRBEDARF.kappung, text: erklaerung ? `höchstens ${euroText(p.rbMonat)}` : '' });
    }
    if (m?.unabweisbar) mb.push({ art: 'unabweisbar', monat: cent(m.unabweisbar), betrag: 0, norm: NORM_MEHRBEDARF.unabweisbar, text: '' });
    if (m?.schulbuecher) mb.push({ art: 'schulbuecher', monat: cent(m.schulbuecher), betrag: 0, norm: NORM_MEHRBEDARF.schulbuecher, text: '' });
    if (warmwasser) {
      const satz = mbs.warmwasser[p.stufe];
      mb.push({ art: 'warmwasser', monat: prozentVon(p.rbMonat, satz), betrag: 0, norm: NORM_MEHRBEDARF.warmwasser, text: erklaerung ? `${pct(satz)} von ${euroText(p.rbMonat)}` : '' });
    }
  }

  // ---- Vermögen rule and Karenzzeit -------------------------------------------------------------------
  const bwzBeginn = input.bewilligungszeitraumBeginn ? `${input.bewilligungszeitraumBeginn}-01` : monatsbeginn;
  const vermoegensregel: VermoegensPruefung = vermoegensregelFuer(monatsbeginn, bwzBeginn);
  const vereinfacht = vermoegensregel.art === 'vereinfacht';
  const kduRegel = par.unterkunft.wert;

  // ---- Unterkunft und Heizung (§ 22) ------------------------------------------------------------------
  let kduText = '';
  const u = input.unterkunft;
  let kduGesamt = 0;
  if (u) {
    rechtsstand = maxDatum(rechtsstand, par.unterkunft.gueltigAb);
    const bruttokalt = cent(u.grundmiete) + cent(u.nebenkosten);
    const heizung = cent(u.heizkosten);
    const angBk = u.angemessen?.bruttokaltmiete === undefined ? null : cent(u.angemessen.bruttokaltmiete);
    const angHz = u.angemessen?.heizkosten === undefined ? null : cent(u.angemessen.heizkosten);
    let bk = bruttokalt;
    let hz = heizung;
    const hinweise: string[] = [];
    if (vereinfacht) {
      hinweise.push('vereinfachtes Verfahren: tatsächliche Kosten gelten als angemessen (§ 67 Abs. 3 SGB II)');
    } else {
      const karenz = kduRegel.karenzMonate > 0 && inKarenzzeit(input.leistungsbeginn, kduRegel.karenzZaehltAb, kduRegel.karenzMonate, monatIdx);
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
    kduGesamt = bk + hz;
    const n = personen.length;
    const basis = Math.floor(kduGesamt / n);
    const rest = kduGesamt - basis * n;
    for (const p of personen) p.kduMonat = p.inBg ? basis + (p.index < rest ? 1 : 0) : 0;
    if (erklaerung) {
      kduText = `Kosten der Unterkunft und Heizung: Grundmiete ${euroText(cent(u.grundmiete))} + Nebenkosten ${euroText(cent(u.nebenkosten))} + Heizkosten ${euroText(heizung)} = ${euroText(bruttokalt + heizung)}; anerkannt ${euroText(kduGesamt)}${hinweise.length ? ` (${hinweise.join('; ')})` : ''}; aufgeteilt auf ${n} ${n === 1 ? 'Person' : 'Personen'} im Haushalt`;
    }
  }

  // ---- pro-rating (§ 41 Abs. 1) and Bedarf --------------------------------------------------------------
  let gesamtbedarf = 0;
  for (const p of personen) {
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

  // ---- income (§§ 11–11b) -------------------------------------------------------------------------------
  const fb = par.erwerbsfreibetrag.wert;
  const vpauschale = par.versicherungspauschale.wert;
  let erwerbGenutzt = false;
  let pauschaleGenutzt = false;
  const vorErwerb = (p: P): void => {
    const liste = p.e.einkommen;
    if (!liste || liste.length === 0) return;
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
        if (p.zeilen) p.zeilen.push({ text: `Kindergeld für ${p.id}`, norm: NORM_EINKOMMEN.kindergeld, betrag: -cent(ek.betrag) });
      } else {
        p.sonstiges += cent(ek.betrag);
        if (p.zeilen) p.zeilen.push({ text: `${EINKOMMEN_TEXT[ek.art] ?? ek.art} von ${p.id}`, norm: NORM_EINKOMMEN.sonstiges, betrag: -cent(ek.betrag) });
      }
    }
    if (!p.hatErwerb) return;
    erwerbGenutzt = true;
    const nachweis = brutto > fb.nachweisAbCent && abs > fb.grundabsetzbetragCent;
    const grund = nachweis ? abs : fb.grundabsetzbetragCent;
    const obergrenze =
      (p.rolle === 'antragsteller' || p.rolle === 'partner') && minderjaehrigeKinder > 0 ? fb.obergrenzeMitKindCent : fb.obergrenzeCent;
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
      p.zeilen.unshift(
        { text: `Erwerbseinkommen von ${p.id} (netto; brutto ${euroText(brutto)})`, norm: NORM_EINKOMMEN.erwerb, betrag: -netto },
        nachweis
          ? { text: `Nachgewiesene Absetzungen von ${p.id} (Versicherungen, Fahrtkosten u. a.) statt 100 €`, norm: NORM_EINKOMMEN.tatsaechlicheAbsetzungen, betrag: grundAbzug }
          : { text: `Grundabsetzbetrag für ${p.id}`, norm: NORM_EINKOMMEN.grundabsetzbetrag, betrag: grundAbzug },
        { text: `Erwerbstätigenfreibetrag für ${p.id} (aus ${euroText(brutto)} brutto, Obergrenze ${euroText(obergrenze)})`, norm: NORM_EINKOMMEN.freibetrag, betrag: fbAbzug },
      );
    }
  };
  const bereinige = (p: P): void => {
    const andere = p.kindergeld + p.sonstiges + p.uebertragErhalten;
    if (andere > 0 && p.alter >= ALTERSGRENZEN.volljaehrig && (!p.hatErwerb || ausl.versicherungspauschaleNebenErwerbseinkommen)) {
      p.pauschale = Math.min(vpauschale, andere);
      pauschaleGenutzt = true;
      if (p.zeilen) p.zeilen.push({ text: `Versicherungspauschale für ${p.id}`, norm: par.versicherungspauschale.norm, betrag: p.pauschale });
    }
    p.bereinigt = p.erwerbBereinigt + andere - p.pauschale;
  };

  for (const p of personen) if (p.inBg) vorErwerb(p);

  // children and other members first: own income covers own need (§ 9 Abs. 2 S. 2, § 7 Abs. 3 Nr. 4)
  const uebertraege: { von: P; an: P; betrag: number }[] = [];
  for (const p of personen) {
    if (!p.inBg || !p.eigenstaendig) continue;
    bereinige(p);
    if (p.bereinigt >= p.bedarf) {
      p.gezaehlt = p.bedarf;
      p.ueberschuss = p.bereinigt - p.bedarf;
      const kgUeberschuss = Math.min(p.kindergeld, p.ueberschuss);
      const empfaengerId = p.e.kindergeldberechtigter ?? antragsteller?.id;
      const empfaenger = personen.find((x) => x.id === empfaengerId);
      if (kgUeberschuss > 0 && empfaenger && empfaenger.inBg && !empfaenger.eigenstaendig) {
        empfaenger.uebertragErhalten += kgUeberschuss;
        uebertraege.push({ von: p, an: empfaenger, betrag: kgUeberschuss });
      }
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
    bereinige(p);
    p.gezaehlt = p.bereinigt;
    p.ungedeckt = p.bedarf;
    p.imBgEnde = true;
    pool += p.bereinigt;
  }
  if (erwerbGenutzt) rechtsstand = maxDatum(rechtsstand, par.erwerbsfreibetrag.gueltigAb);
  if (pauschaleGenutzt) rechtsstand = maxDatum(rechtsstand, par.versicherungspauschale.gueltigAb);

  // ---- Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3) ---------------------------------------------------------
  let ungedecktPool = 0;
  const poolMitglieder: P[] = [];
  let anspruchEigen = 0;
  for (const p of personen) {
    if (!p.imBgEnde) continue;
    if (p.ohneElterneinkommen) {
      p.anspruchVor = p.ungedeckt;
      anspruchEigen += p.ungedeckt;
    } else {
      poolMitglieder.push(p);
      ungedecktPool += p.ungedeckt;
    }
  }
  const einkommenDecktPool = pool >= ungedecktPool;
  if (!einkommenDecktPool) {
    const teile = verteileAnteilig(ungedecktPool - pool, poolMitglieder.map((p) => p.ungedeckt));
    for (let i = 0; i < poolMitglieder.length; i++) (poolMitglieder[i] as P).anspruchVor = teile[i] as number;
  }
  let summeAnspruchVor = anspruchEigen + (einkommenDecktPool ? 0 : ungedecktPool - pool);
  let einkommen = 0;
  for (const p of personen) if (p.inBg) einkommen += p.gezaehlt;
  const ueberschussBg = summeAnspruchVor - (gesamtbedarf - einkommen);

  // ---- Vermögen (§ 12, § 67) --------------------------------------------------------------------------
  let vermoegen = 0;
  let bgGroesse = 0;
  for (const p of personen) {
    if (!p.inBg) continue;
    bgGroesse++;
    if (p.e.vermoegen) vermoegen += cent(p.e.vermoegen);
  }
  const { freibetrag: vermoegensfreibetrag, text: vermoegensText, norm: vermoegensNorm, gueltigAb: vermoegenAb } = vermoegensfreibetragFuer(
    vermoegensregel,
    personen,
    bgGroesse,
    input.leistungsbeginn,
    monatIdx,
  );
  rechtsstand = maxDatum(rechtsstand, vermoegenAb);
  const vermoegenZuHoch = vermoegen > vermoegensfreibetrag;
  let vermoegenAbzug = 0;
  if (vermoegenZuHoch && summeAnspruchVor > 0) {
    vermoegenAbzug = summeAnspruchVor;
    for (const p of personen) p.anspruchVor = 0;
    summeAnspruchVor = 0;
  }
  const hilfebeduerftig = summeAnspruchVor > 0;
  const ablehnungsgrund: BerechnungErgebnis['ablehnungsgrund'] = hilfebeduerftig
    ? null
    : vermoegenAbzug > 0
      ? 'vermoegen'
      : 'einkommen';

  // ---- Sofortzuschlag (§ 72) ----------------------------------------------------------------------------
  const szMonat = par.sofortzuschlag.wert;
  let sofortzuschlag = 0;
  if (szMonat > 0 && !vermoegenZuHoch) {
    for (const p of personen) {
      if (!p.inBg || p.stufe === null || p.stufe < 3 || p.alter >= SOFORTZUSCHLAG_UNTER_ALTER) continue;
      let berechtigt = false;
      if (p.imBgEnde) berechtigt = hilfebeduerftig;
      else if (p.eigenstaendig) {
        // outside only because of Kindergeld (§ 72 Abs. 1 S. 2 Nr. 2): without it, would the child and the BG be hilfebedürftig?
        const ohneKg = p.bereinigt - Math.min(p.kindergeld, p.bereinigt);
        if (ohneKg < p.bedarf) {
          let abgegeben = 0;
          for (const ue of uebertraege) if (ue.von === p) abgegeben += ue.betrag;
          berechtigt = pool - abgegeben < ungedecktPool + (p.bedarf - ohneKg) || anspruchEigen > 0;
        }
      }
      if (berechtigt) {
        p.sz = ausl.sofortzuschlagAnteilig && p.tage !== 30 ? teileGerundet(szMonat * p.tage, 30) : szMonat;
        sofortzuschlag += p.sz;
      }
    }
  }

  // ---- Minderungen (§§ 31a, 32) ------------------------------------------------------------------------
  const mr = par.minderung.wert;
  let anspruch = 0;
  let minderungGenutzt = false;
  for (const p of personen) {
    const prozent = p.e.minderungProzent ?? 0;
    if (prozent > 0 && p.anspruchVor > 0) {
      minderungGenutzt = true;
      const kduTeil = Math.min(p.anspruchVor, p.kdu); // § 19 Abs. 3: income covers Regel- and Mehrbedarf first
      let m = Math.min(teileGerundet(p.rb * prozent, 100), p.anspruchVor - kduTeil);
      if (mr.mindestanspruchCent > 0 && p.anspruchVor - m === 0) m = p.anspruchVor - Math.min(p.anspruchVor, mr.mindestanspruchCent);
      p.minderung = m;
    }
    anspruch += p.anspruchVor - p.minderung;
  }
  if (minderungGenutzt) rechtsstand = maxDatum(rechtsstand, par.minderung.gueltigAb);

  // ---- name of the benefit ------------------------------------------------------------------------------
  const namen = par.leistungsname.wert;
  let ef = false;
  let nef = false;
  for (const p of personen) {
    if (!p.inBg) continue;
    if (p.erwerbsfaehig) ef = true;
    else nef = true;
  }
  const leistung =
    namen.erwerbsfaehig === namen.nichtErwerbsfaehig || !nef
      ? namen.erwerbsfaehig
      : ef
        ? `${namen.erwerbsfaehig} und ${namen.nichtErwerbsfaehig}`
        : namen.nichtErwerbsfaehig;

  // ---- result -----------------------------------------------------------------------------------------
  const personenErgebnis: PersonErgebnis[] = personen.map((p) => ({
    id: p.id,
    inBedarfsgemeinschaft: p.imBgEnde,
    regelbedarfsstufe: p.stufe,
    regelbedarf: euro(p.rb),
    mehrbedarfe: p.mb.map((m) => ({ art: m.art, betrag: euro(m.betrag), norm: m.norm })),
    unterkunft: euro(p.kdu),
    bedarf: euro(p.bedarf),
    einkommen: euro(p.gezaehlt),
    anspruch: euro(p.anspruchVor - p.minderung),
    minderung: euro(p.minderung),
    sofortzuschlag: euro(p.sz),
  }));

  let schritte: Schritt[] = [];
  if (erklaerung) {
    schritte = erklaere({
      zr,
      leistung,
      rechtsstand,
      personen,
      kduText,
      uebertraege,
      ueberschussBg,
      vermoegen,
      vermoegensfreibetrag,
      vermoegensText,
      vermoegensNorm,
      vermoegenAbzug,
      hilfebeduerftig,
      poolMitglieder,
      mr,
      fortgeschrieben: par.fortgeschrieben,
    });
  }

  return {
    version: 1,
    rechtsstand,
    ...(par.fortgeschrieben ? { fortgeschrieben: { rechtBekanntBis: par.fortgeschrieben } } : {}),
    leistung,
    hilfebeduerftig,
    ablehnungsgrund,
    gesamtbedarf: euro(gesamtbedarf),
    einkommen: euro(einkommen),
    anspruch: euro(anspruch),
    sofortzuschlag: euro(sofortzuschlag),
    auszahlung: euro(anspruch + sofortzuschlag),
    personen: personenErgebnis,
    schritte,
  };
}

function maxDatum(...d: string[]): string {
  let m = d[0] as string;
  for (const x of d) if (x > m) m = x;
  return m;
}

/** Is the month (index) within the Karenzzeit that starts with `leistungsbeginn` (not before `zaehltAb`)? */
export function inKarenzzeit(leistungsbeginn: string | undefined, zaehltAb: string | null, monate: number, monatIdx: number): boolean {
  if (leistungsbeginn === undefined) return true;
  let start = monatsindexVon(leistungsbeginn);
  if (zaehltAb !== null) start = Math.max(start, monatsindexVon(zaehltAb));
  return monatIdx - start < monate;
}

function vermoegensfreibetragFuer(
  pruefung: VermoegensPruefung,
  personen: readonly P[],
  bgGroesse: number,
  leistungsbeginn: string | undefined,
  monatIdx: number,
): { freibetrag: number; text: string; norm: string; gueltigAb: string } {
  if (pruefung.art === 'vereinfacht') {
    const w = pruefung.regel.wert;
    return {
      freibetrag: w.erheblichErstePersonCent + w.erheblichJeWeiterePersonCent * (bgGroesse - 1),
      text: 'vereinfachtes Verfahren: nur erhebliches Vermögen zählt',
      norm: pruefung.regel.norm,
      gueltigAb: pruefung.regel.gueltigAb,
    };
  }
  const r = pruefung.regel;
  const w = r.wert;
  if (w.art === 'karenzzeit') {
    const karenz = inKarenzzeit(leistungsbeginn, r.gueltigAb, w.karenzMonate, monatIdx);
    return karenz
      ? {
          freibetrag: w.karenzErstePersonCent + w.karenzJeWeiterePersonCent * (bgGroesse - 1),
          text: 'Karenzzeit: nur erhebliches Vermögen zählt',
          norm: '§ 12 Abs. 3 SGB II',
          gueltigAb: r.gueltigAb,
        }
      : { freibetrag: w.nachKarenzJePersonCent * bgGroesse, text: 'nach der Karenzzeit', norm: '§ 12 Abs. 4 SGB II', gueltigAb: r.gueltigAb };
  }
  let summe = 0;
  if (w.art === 'altersgestaffelt') {
    for (const p of personen) {
      if (!p.inBg) continue;
      let b = 0;
      for (const s of w.stufen) if (p.alter >= s.abAlter) b = s.cent;
      summe += b;
    }
    return { freibetrag: summe, text: 'Freibeträge nach Lebensalter', norm: r.norm, gueltigAb: r.gueltigAb };
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
  return { freibetrag: summe, text: 'Grundfreibeträge und Anschaffungsfreibeträge', norm: r.norm, gueltigAb: r.gueltigAb };
}

type ErklaerungsDaten = {
  zr: Zeitraum;
  leistung: string;
  rechtsstand: string;
  personen: readonly P[];
  kduText: string;
  uebertraege: readonly { von: P; an: P; betrag: number }[];
  ueberschussBg: number;
  vermoegen: number;
  vermoegensfreibetrag: number;
  vermoegensText: string;
  vermoegensNorm: string;
  vermoegenAbzug: number;
  hilfebeduerftig: boolean;
  poolMitglieder: readonly P[];
  mr: { mindestanspruchCent: number };
  /** last day of known law when this month's values are carried forward, else null */
  fortgeschrieben: string | null;
};

/**
 * The sentence that marks a month computed after the last day of known law. Without the month's name, so that
 * equal months stay one section in the Bescheid.
 */
export function fortschreibungsText(rechtBekanntBis: string): string {
  return `Fortgeschrieben: berechnet nach dem Recht, das am ${datumLang(rechtBekanntBis)} bekannt war; ändern sich die Regelbedarfe, ergeht ein Änderungsbescheid`;
}

/** Norm of the carried-forward step: the yearly adjustment and the change of an administrative act. */
export const NORM_FORTSCHREIBUNG = '§ 20 Abs. 1a SGB II, § 28a SGB XII; § 48 Abs. 1 SGB X';

const anteil = (p: P): string => (p.tage === 30 ? '' : ` (anteilig ${p.tage}/30 Tage)`);
const datumText = (t: Tag): string => `${t.tag}. ${monatLang(t.jahr, t.monat)}`;

/** Builds the plain-German explanation; its amounts add up to `auszahlung`. */
function erklaere(d: ErklaerungsDaten): Schritt[] {
  const s: Schritt[] = [];
  const add = (text: string, norm: string, betrag: number, person: string | null): void => {
    s.push({ text, norm, betrag: euro(betrag), person });
  };
  const zeitraum = d.zr.voll ? monatLang(d.zr.jahr, d.zr.monat) : `${datumText(d.zr.von)} bis ${datumText(d.zr.bis)}`;
  add(`Berechnung ${d.leistung} für ${zeitraum} nach dem Recht ab ${datumLang(d.rechtsstand)}`, '§ 19 Abs. 1 SGB II', 0, null);
  if (d.fortgeschrieben) add(fortschreibungsText(d.fortgeschrieben), NORM_FORTSCHREIBUNG, 0, null);
  if (!d.zr.voll) add(`Teilmonat: ${d.zr.tage} von 30 Tagen, alle Bedarfe anteilig`, '§ 41 Abs. 1 SGB II', 0, null);
  if (d.kduText) add(d.kduText, '§ 22 Abs. 1 SGB II', 0, null);

  // 1. needs
  const kopfzahl = d.personen.length;
  for (const p of d.personen) {
    if (!p.inBg || p.stufe === null) continue;
    add(`Regelbedarf Stufe ${p.stufe} für ${p.id}${anteil(p)}`, NORM_STUFE[p.stufe], p.rb, p.id);
    for (const m of p.mb) {
      add(`${MB_TEXT[m.art]} für ${p.id}${m.text ? ` (${m.text})` : ''}${anteil(p)}`, m.norm, m.betrag, p.id);
    }
    if (p.kduMonat > 0 || p.kdu > 0) {
      add(`Anteil an Unterkunft und Heizung für ${p.id} (1/${kopfzahl})${anteil(p)}`, NORM_UNTERKUNFT.kopfteil, p.kdu, p.id);
    }
  }
  // 2. income
  for (const p of d.personen) {
    if (!p.inBg || !p.zeilen) continue;
    for (const z of p.zeilen) add(z.text, z.norm, z.betrag, p.id);
    if (p.eigenstaendig && p.ueberschuss > 0) {
      add(
        `Das Einkommen von ${p.id} deckt den eigenen Bedarf; ${p.id} ist nicht hilfebedürftig und gehört nicht zur Bedarfsgemeinschaft – übersteigender Teil`,
        NORM_EINKOMMEN.ueberschussKind,
        p.ueberschuss,
        p.id,
      );
    }
    for (const ue of d.uebertraege) {
      if (ue.von === p) add(`Nicht benötigtes Kindergeld von ${p.id} wird Einkommen von ${ue.an.id}`, NORM_EINKOMMEN.kindergeldUebertrag, -ue.betrag, ue.an.id);
    }
  }
  if (d.ueberschussBg > 0) {
    add('Das Einkommen übersteigt den Bedarf; der übersteigende Teil wird nicht ausgezahlt', NORM_EINKOMMEN.ueberschussBg, d.ueberschussBg, null);
  }
  // 3. Vermögen
  add(
    `Vermögen ${euroText(d.vermoegen)}, Freibetrag ${euroText(d.vermoegensfreibetrag)} (${d.vermoegensText})`,
    d.vermoegensNorm,
    0,
    null,
  );
  if (d.vermoegenAbzug > 0) {
    add('Kein Anspruch: das Vermögen übersteigt den Freibetrag und ist zuerst einzusetzen', d.vermoegensNorm, -d.vermoegenAbzug, null);
  }
  if (d.hilfebeduerftig && d.poolMitglieder.length > 1) {
    add(
      `Aufteilung auf die Personen nach ihrem Anteil am ungedeckten Bedarf: ${d.poolMitglieder.map((p) => `${p.id} ${euroText(p.anspruchVor)}`).join(', ')}`,
      '§ 9 Abs. 2 S. 3 SGB II',
      0,
      null,
    );
  }
  // 4. Minderungen and Sofortzuschlag
  for (const p of d.personen) {
    if (p.minderung > 0) {
      const prozent = p.e.minderungProzent ?? 0;
      add(
        `Minderung ${prozent} % des Regelbedarfs von ${p.id} (Unterkunft und Heizung bleiben unberührt)${d.mr.mindestanspruchCent > 0 && p.anspruchVor - p.minderung === d.mr.mindestanspruchCent ? `; es verbleiben ${euroText(d.mr.mindestanspruchCent)}` : ''}`,
        prozent === 100 ? NORM_MINDERUNG.wegfall : NORM_MINDERUNG.teilweise,
        -p.minderung,
        p.id,
      );
    }
  }
  for (const p of d.personen) {
    if (p.sz > 0) add(`Kindersofortzuschlag für ${p.id}${anteil(p)} (zusätzlich, kein Bedarf)`, '§ 72 SGB II', p.sz, p.id);
  }
  return s;
}
