/**
 * Bewilligungszeitraum (§ 41 Abs. 3 SGB II), start of benefits from the application (§ 37 Abs. 2 S. 2 SGB II)
 * and the engine's `zeitraum` for a month in which the BG exists only part of the time (§ 41 Abs. 1 SGB II).
 */
import type { BerechnungInput } from '../berechnung/schema.ts';
import { NORM_ANTRAG_RUECKWIRKUNG, bewilligungszeitraumRegelAm } from '../recht/verfahren.ts';
import { ersterTag, letzterTag, monatPlus, monateVonBis, monatVon, pruefeMonat, pruefeTag } from './monat.ts';

export type Bewilligungszeitraum = {
  /** first month 'YYYY-MM' */
  beginn: string;
  /** last month 'YYYY-MM' */
  ende: string;
  /** first and last day */
  von: string;
  bis: string;
  monate: string[];
  dauer: number;
  /** why this length, in plain German, with the norm */
  begruendung: string;
  norm: string;
};

export type ZeitraumWahl = {
  /** first month of the period 'YYYY-MM' (usually `leistungsbeginnAusAntrag(antragsdatum)` or the month after the previous period) */
  beginn: string;
  /** vorläufige Entscheidung nach § 41a → regularly 6 months (§ 41 Abs. 3 S. 2 Nr. 1) */
  vorlaeufig?: boolean;
  /** unangemessene Kosten der Unterkunft und Heizung → regularly 6 months (§ 41 Abs. 3 S. 2 Nr. 2) */
  kduUnangemessen?: boolean;
  /** explicit length in months (1–12); the caseworker's decision overrides the rule */
  monate?: number;
};

/** Stable codes of refused Bewilligung input (their general texts are in src/server/errors.ts). */
export type BewilligungsFehlerCode =
  | 'bereits_niedergeschlagen'
  | 'betrag_ungueltig'
  | 'betrag_zu_hoch'
  | 'bewilligungszeitraum_ungueltig'
  | 'forderung_erledigt'
  | 'grund_fehlt'
  | 'grund_ungueltig'
  | 'grund_zu_lang'
  | 'kein_anspruch_im_monat'
  | 'keine_monate'
  | 'monat_fehlt'
  | 'monate_nicht_lueckenlos'
  | 'norm_fehlt'
  | 'norm_ungueltig';

export class BewilligungsFehler extends Error {
  readonly code: BewilligungsFehlerCode;
  constructor(code: BewilligungsFehlerCode, message: string) {
    super(message);
    this.name = 'BewilligungsFehler';
    this.code = code;
  }
}

/**
 * The Bewilligungszeitraum: in der Regel ein Jahr (§ 41 Abs. 3 S. 1); six months for a vorläufige Entscheidung or
 * unangemessene Unterkunftskosten (§ 41 Abs. 3 S. 2). Longer than 12 months is not allowed.
 */
export function bewilligungszeitraum(wahl: ZeitraumWahl): Bewilligungszeitraum {
  pruefeMonat(wahl.beginn, 'Beginn des Bewilligungszeitraums');
  const regel = bewilligungszeitraumRegelAm(ersterTag(wahl.beginn));
  let dauer = regel.wert.regelMonate;
  let begruendung = `Regelfall: ${dauer} Monate`;
  if (wahl.vorlaeufig || wahl.kduUnangemessen) {
    dauer = regel.wert.verkuerztMonate;
    const grund = wahl.vorlaeufig ? 'vorläufige Entscheidung (§ 41a SGB II)' : 'unangemessene Kosten der Unterkunft und Heizung';
    begruendung = `verkürzt auf ${dauer} Monate wegen ${grund}`;
  }
  if (wahl.monate !== undefined) {
    if (!Number.isInteger(wahl.monate) || wahl.monate < 1 || wahl.monate > regel.wert.regelMonate) {
      throw new BewilligungsFehler(
        'bewilligungszeitraum_ungueltig',
        `Der Bewilligungszeitraum muss 1 bis ${regel.wert.regelMonate} Monate umfassen (${regel.norm}).`,
      );
    }
    if (wahl.monate !== dauer) begruendung = `${wahl.monate} Monate nach Entscheidung im Einzelfall`;
    dauer = wahl.monate;
  }
  const ende = monatPlus(wahl.beginn, dauer - 1);
  return {
    beginn: wahl.beginn,
    ende,
    von: ersterTag(wahl.beginn),
    bis: letzterTag(ende),
    monate: monateVonBis(wahl.beginn, ende),
    dauer,
    begruendung,
    norm: regel.norm,
  };
}

/** § 37 Abs. 2 S. 2: the Antrag takes effect from the first day of the month in which it was made. */
export function leistungsbeginnAusAntrag(antragsdatum: string): { monat: string; tag: string; norm: string } {
  pruefeTag(antragsdatum, 'Antragsdatum');
  const monat = monatVon(antragsdatum);
  return { monat, tag: ersterTag(monat), norm: NORM_ANTRAG_RUECKWIRKUNG };
}

/** True when two periods share at least one month (overlapping Bewilligungszeiträume are an error). */
export function ueberschneiden(a: { beginn: string; ende: string }, b: { beginn: string; ende: string }): boolean {
  return a.beginn <= b.ende && b.beginn <= a.ende;
}

/**
 * The engine's `zeitraum` for one month: the whole month, or the days within it on which the BG is entitled
 * (start or end of membership, move from another Jobcenter area, end of an exclusion; § 41 Abs. 1 SGB II).
 * The month of the application itself is always whole (§ 37 Abs. 2 S. 2) – pass no `anspruchVon` for it.
 */
export function monatsZeitraum(monat: string, grenzen: { anspruchVon?: string; anspruchBis?: string } = {}): BerechnungInput['zeitraum'] {
  pruefeMonat(monat);
  const erster = ersterTag(monat);
  const letzter = letzterTag(monat);
  const von = grenzen.anspruchVon && grenzen.anspruchVon > erster ? grenzen.anspruchVon : erster;
  const bis = grenzen.anspruchBis && grenzen.anspruchBis < letzter ? grenzen.anspruchBis : letzter;
  if (von > letzter || bis < erster || bis < von) {
    throw new BewilligungsFehler('kein_anspruch_im_monat', `Im Monat ${monat} besteht an keinem Tag ein Anspruch.`);
  }
  return von === erster && bis === letzter ? monat : { von, bis };
}
