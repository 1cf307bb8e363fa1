/**
 * Monatsbericht (docs/statistik.md, "Monatsbericht"): the figures of one Berichtsmonat for the Träger, a Kommune or a
 * Standort, as the seeds' press releases quote them. Pure: the use case reads `statistik_werte` and hands the maps to
 * `monatsbericht(...)`; pages, exports (H6) and the Pressetext (H2) all read `MonatsberichtDaten`.
 * Every figure carries its `kennung` (statistik_werte key) so that its label can link to the definition.
 */
import { monatPlus, monateVonBis } from '../bewilligung/monat.ts';
import { ZAEHLART } from '../foerdern/integration.ts';
import { INTEGRATIONSARTEN, type Integrationsart } from '../foerdern/typen.ts';
import { BEZUGSGROESSE_MINDESTWERT, STATISTIK_WARTEZEIT } from '../recht/statistik.ts';
import { gueltigAm } from '../recht/typen.ts';
import { lzbFenster, stichtagVon } from './merkmale.ts';
import type { BezugsgroesseArt, Ebene } from './typen.ts';

/** Data stand of a figure: the status of the snapshot of the month the figure belongs to. */
export type Datenstand = 'vorlaeufig' | 'endgueltig';

/** Change against an earlier value: absolute and percent (1 decimal; null when the earlier value is 0 or missing). */
export type Veraenderung = { absolut: number | null; prozent: number | null };

/** A stock figure at the Stichtag with the same figure one month and twelve months before. */
export type Bestandszahl = {
  kennung: string;
  /** null only when the Berichtsmonat's snapshot has no value (should not happen) */
  wert: number | null;
  /** value at Stichtag(m − 1); null = no snapshot of that month */
  vormonat: number | null;
  /** value at Stichtag(m − 12); null = no snapshot of that month */
  vorjahr: number | null;
  deltaVormonat: Veraenderung;
  deltaVorjahr: Veraenderung;
  datenstand: Datenstand;
};

/** A plain count or sum of one month (no comparison). Money figures: kennung ends in `_cent`, wert in cents. */
export type Einzelzahl = {
  kennung: string;
  wert: number | null;
  datenstand: Datenstand | null;
};

/** A Quote (percent, 1 decimal) or null with the reason why it is not shown. */
export type Quote = {
  kennung: string;
  wert: number | null;
  /** set when wert is null */
  grund: 'keine_bezugsgroesse' | 'bezugsgroesse_zu_klein' | null;
  /** the Bezugsgröße used (valid for the Berichtsmonat), null when none */
  bezugsgroesse: { art: BezugsgroesseArt; wert: number; gueltigAb: string } | null;
  datenstand: Datenstand;
};

/** One kind of Arbeitsaufnahme in the Integrationen month; `anteil` = percent of `gesamt` (Integrationen + Minijobs), 1 decimal. */
export type IntegrationsZeile = {
  art: Integrationsart;
  /** `integration.<art>` */
  kennung: string;
  anzahl: number;
  anteil: number | null;
};

/** Integrationen of the month three months back (STATISTIK_WARTEZEIT), by kind; Minijobs apart (never Integrationen). */
export type MonatsberichtIntegrationen = {
  /** the Integrationen month (Berichtsmonat − 3) */
  monat: string;
  datenstand: Datenstand | null;
  /** svb_vollzeit, svb_teilzeit, ausbildung, selbststaendigkeit, gefoerdert_16e – the Integration-counting kinds */
  arten: IntegrationsZeile[];
  /** svB Vollzeit + Teilzeit + § 16e (sozialversicherungspflichtig), share of gesamt */
  svb: { anzahl: number; anteil: number | null };
  /** kennung `integrationen`: sum of the Integration-counting kinds, with the same month a year before */
  integrationen: Bestandszahl;
  minijob: IntegrationsZeile;
  /** § 16d / § 16i öffentlich geförderte Beschäftigung (not Integrationen; shown for completeness) */
  oeffentlichGefoerdert: IntegrationsZeile[];
  /** Integrationen + Minijobs: the base of every `anteil` */
  gesamt: number;
};

/** One cost line: the month (Zahlmonat = Berichtsmonat − 1) and January … that month. Cents. */
export type Kostenzeile = {
  /** `kosten.<x>_cent` */
  kennung: string;
  monatCent: number | null;
  jahrCent: number | null;
};

export type MonatsberichtKosten = {
  /** the cost month: Berichtsmonat − 1 */
  monat: string;
  /** first month of the year-to-date sum (January of `monat`'s year) */
  jahrVon: string;
  datenstand: Datenstand | null;
  gesamt: Kostenzeile;
  /** Regelbedarf/Mehrbedarf (LLU) */
  lebensunterhalt: Kostenzeile;
  /** KdU brutto */
  unterkunft: Kostenzeile;
  unterkunftBund: Kostenzeile;
  unterkunftKommunal: Kostenzeile;
  sofortzuschlag: Kostenzeile;
  einmalig: Kostenzeile;
  /** null when there are none in the year (Eingliederungsleistungen "when they exist") */
  eingliederung: Kostenzeile | null;
};

/** One Leistungen line: the Leistungsmonat (Berichtsmonat − 1) and January … that month. Cents. */
export type Leistungszeile = {
  /** `zahlung.<x>_cent` */
  kennung: string;
  monatCent: number | null;
  jahrCent: number | null;
};

/**
 * Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch after Minderungen) of the same month as the costs
 * (Berichtsmonat − 1) and January … that month – the Leistungsmonat, not the Zahlmonat. Stored per Träger, Kommune
 * and Standort.
 */
export type MonatsberichtLeistungen = {
  /** the Leistungsmonat: Berichtsmonat − 1 */
  monat: string;
  /** January of `monat`'s year */
  jahrVon: string;
  datenstand: Datenstand | null;
  /** LLU + KdU + Kindersofortzuschlag */
  gesamt: Leistungszeile;
  /** Regelbedarf/Mehrbedarf (LLU), `zahlung.llu_cent` */
  lebensunterhalt: Leistungszeile;
  /** KdU brutto, `zahlung.luh_cent` */
  unterkunft: Leistungszeile;
  /** davon Bundesbeteiligung, `zahlung.luh_bund_cent` */
  unterkunftBund: Leistungszeile;
  /** davon kommunaler Anteil, `zahlung.luh_kommunal_cent` */
  unterkunftKommunal: Leistungszeile;
  /** `zahlung.sofortzuschlag_cent` */
  sofortzuschlag: Leistungszeile;
};

/** Kennung of the Summe of the Leistungen (not stored; the sum of LLU, KdU and Kindersofortzuschlag). */
export const LEISTUNGEN_GESAMT_KENNUNG = 'zahlung.gesamt_cent';

/** A breakdown of eLb or Arbeitslose: one row per group with count and share of the total (percent, 1 decimal). */
export type Aufteilungszeile = { schluessel: string; kennung: string; wert: number; anteil: number | null };
export type Aufteilung = {
  /** total the shares refer to (`elb` or `alo`) */
  gesamtKennung: string;
  gesamt: number;
  alter: Aufteilungszeile[];
  geschlecht: Aufteilungszeile[];
  alleinerziehend: Aufteilungszeile;
  staat: Aufteilungszeile[];
};

export type ReihenPunkt = { monat: string; datenstand: Datenstand | null };

export type MonatsberichtDaten = {
  monat: string;
  /** Stichtag of the Berichtsmonat (ISO day) */
  stichtag: string;
  ebene: Ebene;
  region: { id: string | null; name: string };
  /** status of the Berichtsmonat's snapshot */
  datenstand: Datenstand;
  bestand: {
    bg: Bestandszahl;
    personen: Bestandszahl;
    elb: Bestandszahl;
    /** Sozialgeld, in der Regel Kinder */
    nef: Bestandszahl;
    bgAlleinerziehend: Bestandszahl;
    lzb: Bestandszahl;
  };
  integrationen: MonatsberichtIntegrationen;
  arbeitslose: Bestandszahl;
  /** Arbeitslose SGB II / zivile Erwerbspersonen */
  arbeitslosenquote: Quote;
  /** Leistungsberechtigte (eLb + NEF) / Bevölkerung bis zur Altersgrenze */
  sgb2Quote: Quote;
  neuantraege: Bestandszahl;
  massnahmeTeilnehmende: Bestandszahl;
  massnahmeEintritte: Bestandszahl;
  /** Gebuchte Auszahlungen (nach Zahlmonat); null at Ebene standort (costs are booked per Träger and Kommune only) */
  kosten: MonatsberichtKosten | null;
  /** Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch); null when the Leistungsmonat has no snapshot */
  leistungen: MonatsberichtLeistungen | null;
  aufteilung: { elb: Aufteilung; alo: Aufteilung };
  /**
   * Notes on figures that early months cannot have (optional for older callers): `lzb` – the LZB window reaches
   * before the first data (bestand.lzb is null); `integrationen` – the Integrationen month lies before the first data
   * (its table is not meaningful); `jahr` – the year-to-date sums start before the first data.
   */
  hinweise?: { lzb: string | null; integrationen: string | null; jahr: string | null };
  reihen: {
    /** 25 months m − 24 … m; null = no snapshot */
    bestand: (ReihenPunkt & { bg: number | null; elb: number | null })[];
    /** cost months of the year so far and the 12 before it (13 months up to the cost month); cents */
    kosten: (ReihenPunkt & { lebensunterhaltCent: number | null; unterkunftCent: number | null; eingliederungCent: number | null; gesamtCent: number | null })[];
    /** Leistungen laut Bewilligungen of the 13 Leistungsmonate up to the cost month; cents (gesamt = LLU + KdU + Kindersofortzuschlag) */
    leistungen: (ReihenPunkt & { lebensunterhaltCent: number | null; unterkunftCent: number | null; sofortzuschlagCent: number | null; gesamtCent: number | null })[];
    /** 13 Integrationen months up to the Integrationen month, counts by kind and Minijob */
    integrationen: (ReihenPunkt & { arten: Record<Integrationsart, number | null> })[];
  };
};

// ------------------------------------------------------------------------------------------ assembling (H5)

/** What `monatsbericht` needs: the figures of each month of the region (m − 24 … m) and the setting around it. */
export type MonatsberichtEingabe = {
  monat: string;
  stichtag: string;
  ebene: Ebene;
  region: { id: string | null; name: string };
  /** kennung → wert of a month; undefined = no built snapshot of that month */
  werte: (monat: string) => ReadonlyMap<string, number> | undefined;
  /** status of the snapshot of a month; undefined = none */
  datenstand: (monat: string) => Datenstand | undefined;
  /** the Bezugsgröße of the region valid for the Berichtsmonat, null when none is entered */
  bezugsgroesse: (art: BezugsgroesseArt) => { wert: number; gueltigAb: string } | null;
  /** the Träger's first data month (statistikRepository.ersterDatenmonat); absent/null = unknown (no notes) */
  ersterDatenmonat?: string | null;
  /** the Träger's Stichtag setting (day, null = last day of the month), for the first month with a determinable LZB */
  stichtagTag?: number | null;
};

const monatKurz = (monat: string) => `${monat.slice(5, 7)}/${monat.slice(0, 4)}`;

/**
 * The first Berichtsmonat whose LZB window (LZB_REGEL, ending with the Stichtag) lies completely after the first
 * day of the first data month: before it nobody can have the required eLb days, the LZB figures are not meaningful.
 */
export function lzbBestimmbarAb(ersterDatenmonat: string, stichtagTag: number | null): string {
  let m = ersterDatenmonat;
  while (lzbFenster(stichtagVon(m, stichtagTag)).von < `${ersterDatenmonat}-01`) m = monatPlus(m, 1);
  return m;
}

/** The reason shown instead of an LZB figure of a month before `lzbBestimmbarAb`. */
export function lzbNichtBestimmbarText(ab: string): string {
  const fenster = lzbFenster(stichtagVon(ab, null));
  const monate = Math.round(((Date.parse(fenster.bis) - Date.parse(fenster.von)) / 86_400_000 + 1) / 30.4);
  return `Die Daten reichen noch keine ${monate} Monate zurück; Langzeitleistungsbezug ist erst ab ${monatKurz(ab)} bestimmbar.`;
}

/** Number of months of the trend series (m − 24 … m). */
export const REIHE_BESTAND_MONATE = 25;
/** Number of months of the cost and Integrationen series. */
export const REIHE_MONATE = 13;

/** Share in percent, one decimal, half up; null when the total is 0. */
export function anteil(teil: number, gesamt: number): number | null {
  if (gesamt <= 0) return null;
  return Math.round((teil * 1000) / gesamt) / 10;
}

/** The Integrationen month of a Berichtsmonat: the Wartezeit (3 months) back, as the seeds publish them. */
export function integrationsmonat(monat: string): string {
  return monatPlus(monat, -gueltigAm(STATISTIK_WARTEZEIT, `${monat}-01`, 'die Wartezeit der Statistik').wert.monate);
}

/** The cost month of a Berichtsmonat: the month before (bookings of a month are complete only after it). */
export const kostenmonat = (monat: string): string => monatPlus(monat, -1);

/** The first month of the series the report needs (the use case reads m − 24 … m). */
export const ersterBerichtsmonat = (monat: string): string => monatPlus(monat, -(REIHE_BESTAND_MONATE - 1));

/** The parts of the Summe of the Leistungen (KdU brutto = Bund + kommunal, so the split is not added again). */
const LEISTUNG_TEILE = ['zahlung.llu_cent', 'zahlung.luh_cent', 'zahlung.sofortzuschlag_cent'] as const;

const KOSTEN_ARTEN = ['gesamt', 'lebensunterhalt', 'unterkunft', 'unterkunft_bund', 'unterkunft_kommunal', 'sofortzuschlag', 'einmalig', 'eingliederung'] as const;

/** Assembles the Monatsbericht from the stored figures (pure; every figure keeps its kennung). */
export function monatsbericht(e: MonatsberichtEingabe): MonatsberichtDaten {
  const m = e.monat;
  /** a figure of a month: 0 when the snapshot exists but has no row for it, null when there is no snapshot */
  const wert = (monat: string, kennung: string): number | null => {
    const w = e.werte(monat);
    return w ? (w.get(kennung) ?? 0) : null;
  };
  const stand = (monat: string): Datenstand | null => e.datenstand(monat) ?? null;

  const bestandszahl = (kennung: string, monat = m): Bestandszahl => {
    const jetzt = wert(monat, kennung);
    const vormonat = wert(monatPlus(monat, -1), kennung);
    const vorjahr = wert(monatPlus(monat, -12), kennung);
    return {
      kennung,
      wert: jetzt,
      vormonat,
      vorjahr,
      deltaVormonat: veraenderung(jetzt, vormonat),
      deltaVorjahr: veraenderung(jetzt, vorjahr),
      datenstand: stand(monat) ?? 'vorlaeufig',
    };
  };

  const datenstandM: Datenstand = stand(m) ?? 'vorlaeufig';
  const erster = e.ersterDatenmonat ?? null;
  const lzbAb = erster === null ? null : lzbBestimmbarAb(erster, e.stichtagTag ?? null);
  const lzbZahl = (): Bestandszahl => {
    const z = bestandszahl('lzb');
    if (lzbAb === null) return z;
    const w = (monat: string, x: number | null) => (monat < lzbAb ? null : x);
    const jetzt = w(m, z.wert);
    const vormonat = w(monatPlus(m, -1), z.vormonat);
    const vorjahr = w(monatPlus(m, -12), z.vorjahr);
    return { ...z, wert: jetzt, vormonat, vorjahr, deltaVormonat: veraenderung(jetzt, vormonat), deltaVorjahr: veraenderung(jetzt, vorjahr) };
  };
  const bestand = {
    bg: bestandszahl('bg'),
    personen: bestandszahl('personen'),
    elb: bestandszahl('elb'),
    nef: bestandszahl('nef'),
    bgAlleinerziehend: bestandszahl('bg.alleinerziehend'),
    lzb: lzbZahl(),
  };
  const arbeitslose = bestandszahl('alo');

  const quoteVon = (kennung: string, zaehler: number | null, art: BezugsgroesseArt): Quote => {
    const b = e.bezugsgroesse(art);
    const q = zaehler === null || b === null ? null : quote(zaehler, b.wert, m);
    return {
      kennung,
      wert: q,
      grund: b === null ? 'keine_bezugsgroesse' : q === null && zaehler !== null ? 'bezugsgroesse_zu_klein' : null,
      bezugsgroesse: b === null ? null : { art, wert: b.wert, gueltigAb: b.gueltigAb },
      datenstand: datenstandM,
    };
  };
  const leistungsberechtigte = bestand.elb.wert === null || bestand.nef.wert === null ? null : bestand.elb.wert + bestand.nef.wert;

  // Integrationen of the month three months back
  const im = integrationsmonat(m);
  const anzahl = (art: Integrationsart, monat = im): number => wert(monat, `integration.${art}`) ?? 0;
  const zaehlend = INTEGRATIONSARTEN.filter((a) => ZAEHLART[a] === 'integration');
  const gefoerdert = INTEGRATIONSARTEN.filter((a) => ZAEHLART[a] === 'oeffentlich_gefoerdert');
  const summeIntegrationen = zaehlend.reduce((s, a) => s + anzahl(a), 0);
  const gesamt = summeIntegrationen + anzahl('minijob');
  const zeile = (art: Integrationsart): IntegrationsZeile => ({ art, kennung: `integration.${art}`, anzahl: anzahl(art), anteil: anteil(anzahl(art), gesamt) });
  const svbAnzahl = anzahl('svb_vollzeit') + anzahl('svb_teilzeit') + anzahl('gefoerdert_16e');
  const integrationen: MonatsberichtIntegrationen = {
    monat: im,
    datenstand: stand(im),
    arten: zaehlend.map(zeile),
    svb: { anzahl: svbAnzahl, anteil: anteil(svbAnzahl, gesamt) },
    integrationen: bestandszahl('integrationen', im),
    minijob: zeile('minijob'),
    oeffentlichGefoerdert: gefoerdert.map(zeile),
    gesamt,
  };

  // costs: the month before and January … that month (Träger and Kommune only)
  const km = kostenmonat(m);
  const jahrVon = `${km.slice(0, 4)}-01`;
  const jahrMonate = monateVonBis(jahrVon, km);
  const kostenzeile = (art: (typeof KOSTEN_ARTEN)[number]): Kostenzeile => {
    const kennung = `kosten.${art}_cent`;
    const monatCent = wert(km, kennung);
    // months of the year without a snapshot (before the first data) had no bookings
    const jahrCent = monatCent === null ? null : jahrMonate.reduce((s, mm) => s + (wert(mm, kennung) ?? 0), 0);
    return { kennung, monatCent, jahrCent };
  };
  const eingliederung = kostenzeile('eingliederung');
  const kosten: MonatsberichtKosten | null =
    e.ebene === 'standort'
      ? null
      : {
          monat: km,
          jahrVon,
          datenstand: stand(km),
          gesamt: kostenzeile('gesamt'),
          lebensunterhalt: kostenzeile('lebensunterhalt'),
          unterkunft: kostenzeile('unterkunft'),
          unterkunftBund: kostenzeile('unterkunft_bund'),
          unterkunftKommunal: kostenzeile('unterkunft_kommunal'),
          sofortzuschlag: kostenzeile('sofortzuschlag'),
          einmalig: kostenzeile('einmalig'),
          eingliederung: (eingliederung.jahrCent ?? 0) > 0 ? eingliederung : null,
        };

  // Leistungen laut Bewilligungen of the same month (Leistungsmonat) and the year to date
  const leistungGesamt = (mm: string): number | null => {
    const w = e.werte(mm);
    return w ? LEISTUNG_TEILE.reduce((s, k) => s + (w.get(k) ?? 0), 0) : null;
  };
  const leistungszeile = (kennung: string, f: (mm: string) => number | null = (mm) => wert(mm, kennung)): Leistungszeile => {
    const monatCent = f(km);
    const jahrCent = monatCent === null ? null : jahrMonate.reduce((s, mm) => s + (f(mm) ?? 0), 0);
    return { kennung, monatCent, jahrCent };
  };
  const leistungen: MonatsberichtLeistungen | null =
    e.werte(km) === undefined
      ? null
      : {
          monat: km,
          jahrVon,
          datenstand: stand(km),
          gesamt: leistungszeile(LEISTUNGEN_GESAMT_KENNUNG, leistungGesamt),
          lebensunterhalt: leistungszeile('zahlung.llu_cent'),
          unterkunft: leistungszeile('zahlung.luh_cent'),
          unterkunftBund: leistungszeile('zahlung.luh_bund_cent'),
          unterkunftKommunal: leistungszeile('zahlung.luh_kommunal_cent'),
          sofortzuschlag: leistungszeile('zahlung.sofortzuschlag_cent'),
        };

  const aufteilung = (x: 'elb' | 'alo'): Aufteilung => {
    const gesamtX = wert(m, x) ?? 0;
    const z = (schluessel: string, kennung: string): Aufteilungszeile => {
      const w = wert(m, kennung) ?? 0;
      return { schluessel, kennung, wert: w, anteil: anteil(w, gesamtX) };
    };
    return {
      gesamtKennung: x,
      gesamt: gesamtX,
      alter: (['u25', '25_49', 'ue50'] as const).map((a) => z(a, `${x}.alter.${a}`)),
      geschlecht: (['w', 'm', 'd', 'unbekannt'] as const).map((g) => z(g, `${x}.geschlecht.${g}`)),
      alleinerziehend: z('alleinerziehend', `${x}.alleinerziehend`),
      staat: (['deutsch', 'eu', 'drittstaat', 'unbekannt'] as const).map((s) => z(s, `${x}.staat.${s}`)),
    };
  };

  const reiheBestand = monateVonBis(ersterBerichtsmonat(m), m).map((mm) => ({ monat: mm, datenstand: stand(mm), bg: wert(mm, 'bg'), elb: wert(mm, 'elb') }));
  const reiheKosten = monateVonBis(monatPlus(km, -(REIHE_MONATE - 1)), km).map((mm) => ({
    monat: mm,
    datenstand: stand(mm),
    lebensunterhaltCent: wert(mm, 'kosten.lebensunterhalt_cent'),
    unterkunftCent: wert(mm, 'kosten.unterkunft_cent'),
    eingliederungCent: wert(mm, 'kosten.eingliederung_cent'),
    gesamtCent: wert(mm, 'kosten.gesamt_cent'),
  }));
  const reiheLeistungen = monateVonBis(monatPlus(km, -(REIHE_MONATE - 1)), km).map((mm) => ({
    monat: mm,
    datenstand: stand(mm),
    lebensunterhaltCent: wert(mm, 'zahlung.llu_cent'),
    unterkunftCent: wert(mm, 'zahlung.luh_cent'),
    sofortzuschlagCent: wert(mm, 'zahlung.sofortzuschlag_cent'),
    gesamtCent: leistungGesamt(mm),
  }));
  const reiheIntegrationen = monateVonBis(monatPlus(im, -(REIHE_MONATE - 1)), im).map((mm) => ({
    monat: mm,
    datenstand: stand(mm),
    arten: Object.fromEntries(INTEGRATIONSARTEN.map((a) => [a, wert(mm, `integration.${a}`)])) as Record<Integrationsart, number | null>,
  }));

  return {
    monat: m,
    stichtag: e.stichtag,
    ebene: e.ebene,
    region: e.region,
    datenstand: datenstandM,
    bestand,
    integrationen,
    arbeitslose,
    arbeitslosenquote: quoteVon('quote.alo', arbeitslose.wert, 'zivile_erwerbspersonen'),
    sgb2Quote: quoteVon('quote.sgb2', leistungsberechtigte, 'bevoelkerung_bis_altersgrenze'),
    neuantraege: bestandszahl('neuantraege'),
    massnahmeTeilnehmende: bestandszahl('massnahme.teilnehmende'),
    massnahmeEintritte: bestandszahl('massnahme.eintritte'),
    kosten,
    leistungen,
    aufteilung: { elb: aufteilung('elb'), alo: aufteilung('alo') },
    hinweise: {
      lzb: lzbAb !== null && m < lzbAb ? lzbNichtBestimmbarText(lzbAb) : null,
      integrationen: erster !== null && im < erster ? `Keine Statistik für ${monatKurz(im)} (vor den ersten Daten).` : null,
      jahr: erster !== null && jahrVon < erster ? `Daten ab ${monatKurz(erster)}.` : null,
    },
    reihen: { bestand: reiheBestand, kosten: reiheKosten, leistungen: reiheLeistungen, integrationen: reiheIntegrationen },
  };
}

// ------------------------------------------------------------------------------------------ helpers (H2)

/**
 * zaehler / nenner × 100 rounded half away from zero to one decimal (−4,65 → −4,7; 4,65 → 4,7). One division of
 * integers (× 1000), so an exact half is not lost to a binary fraction.
 */
function prozentEineStelle(zaehler: number, nenner: number): number {
  const r = Math.floor((Math.abs(zaehler) * 1000) / Math.abs(nenner) + 0.5) / 10;
  return zaehler < 0 !== nenner < 0 && r !== 0 ? -r : r;
}

/**
 * Change of a figure against an earlier value: `absolut` = jetzt − vorher (null when either is missing), `prozent`
 * = (jetzt / vorher − 1) × 100 rounded half away from zero to one decimal (null when either is missing or vorher is 0).
 */
export function veraenderung(jetzt: number | null, vorher: number | null): Veraenderung {
  if (jetzt === null || vorher === null) return { absolut: null, prozent: null };
  const absolut = jetzt - vorher;
  return { absolut, prozent: vorher === 0 ? null : prozentEineStelle(absolut, vorher) };
}

/**
 * Small cells in figures meant for publication: a count 1 … grenze − 1 is shown as '*' (it could identify a person);
 * 0 stays 0 (the BA prints '-' for a true zero; the display decides), counts ≥ grenze unchanged.
 */
export function kleinzahl(wert: number, grenze: number): number | '*' {
  return wert > 0 && wert < grenze ? '*' : wert;
}

/**
 * A Quote in percent, one decimal (half up): zaehler / bezugsgroesse × 100. Null without a Bezugsgröße or when it is
 * below BEZUGSGROESSE_MINDESTWERT of the month (the BA publishes no Quote for fewer than 15.000 zivile
 * Erwerbspersonen; the SGB II-Quote over the population uses the same minimum).
 */
export function quote(zaehler: number, bezugsgroesse: number | null, monat: string): number | null {
  if (bezugsgroesse === null || !(bezugsgroesse > 0)) return null;
  const { mindestErwerbspersonen } = gueltigAm(BEZUGSGROESSE_MINDESTWERT, `${monat.slice(0, 7)}-01`, 'die Mindestgröße der Bezugsgröße').wert;
  if (bezugsgroesse < mindestErwerbspersonen) return null;
  return prozentEineStelle(zaehler, bezugsgroesse);
}
