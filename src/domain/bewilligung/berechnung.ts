/**
 * Month-by-month computation of a Bewilligungszeitraum with the engine. Each month has its own engine input,
 * so mid-period changes (a birthday that moves a child to another Regelbedarfsstufe, a new Kindergeld amount,
 * new Regelbedarfe on 1 January, a new job) are simply different inputs for different months.
 */
import { cent } from '../berechnung/geld.ts';
import { berechneValidiert, einmaligeEinnahmenFestlegen, pruefe, type BerechnungErgebnis, type BerechnungInput, type KernOptionen } from '../berechnung/index.ts';
import { BerechnungsFehler } from '../berechnung/fehler.ts';
import { BewilligungsFehler } from './zeitraum.ts';
import { monatPlus } from './monat.ts';

/** Amounts of one person in one month, in cents. `auszahlungCent = anspruchCent + sofortzuschlagCent`. */
export type PersonBetrag = {
  id: string;
  anspruchCent: number;
  sofortzuschlagCent: number;
  auszahlungCent: number;
  /** Kopfteil of Unterkunft und Heizung in the Bedarf (not the share of the payment, see kosten/) */
  unterkunftCent: number;
  regelbedarfsstufe: number | null;
};

/** What a comparison needs of a month: the BG total and each person's payment (cents). */
export type MonatsBetraege = {
  monat: string;
  auszahlungCent: number;
  personen: readonly { id: string; auszahlungCent: number }[];
};

export type MonatsErgebnis = {
  monat: string;
  auszahlungCent: number;
  personen: PersonBetrag[];
  input: BerechnungInput;
  ergebnis: BerechnungErgebnis;
};

export type ZeitraumErgebnis = {
  beginn: string;
  ende: string;
  monate: MonatsErgebnis[];
  summeCent: number;
  /** per person over the whole period */
  personen: { id: string; summeCent: number }[];
  /** latest Rechtsstand among the months (store it with the Bewilligung) */
  rechtsstand: string;
  /** months without entitlement (ablehnungsgrund set) */
  monateOhneAnspruch: string[];
  /** months after the last day of known law, computed with its values ("fortgeschrieben", recht/index.ts) */
  fortgeschriebeneMonate: string[];
  /** the last day of known law these months used; null when no month is carried forward */
  rechtBekanntBis: string | null;
};

export type ZeitraumOptionen = {
  /** build `schritte` (default true; false for bulk comparisons) */
  erklaerung?: boolean;
  /** inputs have already passed `pruefe` (skip validation) */
  geprueft?: boolean;
  auslegung?: KernOptionen['auslegung'];
};

/** The calendar month of an engine input. */
export function monatDesInputs(input: BerechnungInput): string {
  return typeof input.zeitraum === 'string' ? input.zeitraum : input.zeitraum.von.slice(0, 7);
}

/** Engine result → cents per person. */
export function monatsErgebnis(input: BerechnungInput, ergebnis: BerechnungErgebnis): MonatsErgebnis {
  const personen: PersonBetrag[] = ergebnis.personen.map((p) => {
    const anspruchCent = cent(p.anspruch);
    const sofortzuschlagCent = cent(p.sofortzuschlag);
    return {
      id: p.id,
      anspruchCent,
      sofortzuschlagCent,
      auszahlungCent: anspruchCent + sofortzuschlagCent,
      unterkunftCent: cent(p.unterkunft),
      regelbedarfsstufe: p.regelbedarfsstufe,
    };
  });
  let summe = 0;
  for (const p of personen) summe += p.auszahlungCent;
  return { monat: monatDesInputs(input), input, ergebnis, auszahlungCent: summe, personen };
}

/**
 * Computes every month of a period. The inputs must be consecutive calendar months, one input per month.
 * Throws BerechnungsFehler (path prefixed with the month) for invalid input, BewilligungsFehler for gaps.
 */
export function berechneZeitraum(monatsInputs: readonly BerechnungInput[], optionen: ZeitraumOptionen = {}): ZeitraumErgebnis {
  if (monatsInputs.length === 0) throw new BewilligungsFehler('keine_monate', 'Der Bewilligungszeitraum enthält keinen Monat.');
  const kern: KernOptionen = { erklaerung: optionen.erklaerung ?? true };
  if (optionen.auslegung) kern.auslegung = optionen.auslegung;
  const monate: MonatsErgebnis[] = [];
  let erwartet: string | null = null;
  const gepruefte: BerechnungInput[] = [];
  for (const roh of monatsInputs) {
    let input = roh;
    if (!optionen.geprueft) {
      try {
        input = pruefe(roh);
      } catch (e) {
        if (e instanceof BerechnungsFehler) {
          const monat = typeof roh?.zeitraum === 'string' ? roh.zeitraum : (roh?.zeitraum?.von ?? '?');
          throw new BerechnungsFehler(e.code, `${monat}: ${e.pfad}`, e.message);
        }
        throw e;
      }
    }
    const monat = monatDesInputs(input);
    if (erwartet !== null && monat !== erwartet) {
      throw new BewilligungsFehler(
        'monate_nicht_lueckenlos',
        `Die Monate müssen lückenlos aufeinander folgen: erwartet ${erwartet}, erhalten ${monat}.`,
      );
    }
    erwartet = monatPlus(monat, 1);
    gepruefte.push(input);
  }
  // § 11 Abs. 3: a one-off inflow is decided once, in its Anrechnungsmonat, for all months of the period
  for (const input of einmaligeEinnahmenFestlegen(gepruefte, kern)) monate.push(monatsErgebnis(input, berechneValidiert(input, kern)));
  return zeitraumAusMonaten(monate);
}

/** Sums already computed, consecutive months into a period result. */
export function zeitraumAusMonaten(monate: MonatsErgebnis[]): ZeitraumErgebnis {
  if (monate.length === 0) throw new BewilligungsFehler('keine_monate', 'Der Bewilligungszeitraum enthält keinen Monat.');
  const jePerson = new Map<string, number>();
  let summe = 0;
  let rechtsstand = '';
  const ohne: string[] = [];
  const fortgeschrieben: string[] = [];
  let bekanntBis: string | null = null;
  for (const m of monate) {
    summe += m.auszahlungCent;
    for (const p of m.personen) jePerson.set(p.id, (jePerson.get(p.id) ?? 0) + p.auszahlungCent);
    if (m.ergebnis.rechtsstand > rechtsstand) rechtsstand = m.ergebnis.rechtsstand;
    if (m.ergebnis.ablehnungsgrund !== null) ohne.push(m.monat);
    const f = m.ergebnis.fortgeschrieben;
    if (f) {
      fortgeschrieben.push(m.monat);
      if (bekanntBis === null || f.rechtBekanntBis < bekanntBis) bekanntBis = f.rechtBekanntBis;
    }
  }
  return {
    beginn: (monate[0] as MonatsErgebnis).monat,
    ende: (monate[monate.length - 1] as MonatsErgebnis).monat,
    monate,
    summeCent: summe,
    personen: [...jePerson].map(([id, summeCent]) => ({ id, summeCent })),
    rechtsstand,
    monateOhneAnspruch: ohne,
    fortgeschriebeneMonate: fortgeschrieben,
    rechtBekanntBis: bekanntBis,
  };
}

/** The stored, comparable form of a computed period (drop inputs and texts). */
export function betraegeVon(z: { monate: readonly MonatsBetraege[] }): MonatsBetraege[] {
  return z.monate.map((m) => ({
    monat: m.monat,
    auszahlungCent: m.auszahlungCent,
    personen: m.personen.map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent })),
  }));
}
