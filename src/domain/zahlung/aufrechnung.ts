/**
 * Aufrechnung (§ 43 SGB II): an Erstattungsforderung is set off against the running benefit of the person who owes
 * it. Per month: the declared share (10 or 30 %, § 43 Abs. 2 S. 1) of the person's maßgebender Regelbedarf in that
 * month – never more than the open balance and never more than the person's own payment of the month. All
 * Aufrechnungen of a person together stay within 30 % (§ 43 Abs. 2 S. 2), checked at the declaration. It ends when
 * the balance is 0 or after three years (§ 43 Abs. 4 S. 2).
 *
 * Simplification: the three years run from the first month of the Aufrechnung (the Bestandskraft of the
 * Erstattungsbescheid is not recorded). Not yet done: months in which it cannot be carried out should extend it
 * (Abs. 4 S. 3); `bisMonat` is fixed at the declaration.
 */
import { euroText } from '../berechnung/geld.ts';
import { aufrechnungsregelAm } from '../recht/aufrechnung.ts';
import { rechtsdatumFuer } from '../recht/index.ts';
import { REGELBEDARFE, type Stufe } from '../recht/regelbedarf.ts';
import { gueltigAm } from '../recht/typen.ts';
import { monatPlus, pruefeMonat } from '../bewilligung/monat.ts';

/** Why the Forderung arose: decides the share (§ 43 Abs. 2 S. 1). */
export type AufrechnungsTatbestand = 'vorlaeufig' | 'einkommen' | 'sonstige';

export const AUFRECHNUNGS_TATBESTAENDE: Readonly<Record<AufrechnungsTatbestand, { text: string; grundlage: string }>> = {
  vorlaeufig: { text: 'Erstattung nach abschließender Feststellung', grundlage: '§ 41a Abs. 6 S. 3 SGB II' },
  einkommen: { text: 'Erstattung wegen nachträglich erzielten Einkommens', grundlage: '§ 48 Abs. 1 S. 2 Nr. 3 SGB X i.V.m. § 50 SGB X' },
  sonstige: { text: 'Erstattung aus anderen Gründen (z. B. Mitteilungspflicht verletzt, Kenntnis der Rechtswidrigkeit)', grundlage: '§ 50 SGB X' },
};

export type AufrechnungsFehlerCode = 'nichts_offen' | 'aufrechnung_hoechstgrenze' | 'aufrechnung_minderung';

export class AufrechnungsFehler extends Error {
  readonly code: AufrechnungsFehlerCode;
  constructor(code: AufrechnungsFehlerCode, message: string) {
    super(message);
    this.name = 'AufrechnungsFehler';
    this.code = code;
  }
}

export { aufrechnungsregelAm };

/**
 * The origin of an Erstattungsforderung as it decides the Aufrechnung rate (§ 43 Abs. 2 S. 1 SGB II), fixed when the
 * Forderung arises: abschließende Feststellung (§ 41a Abs. 6 S. 3) → vorlaeufig (10 %); Aufhebung for the past on
 * § 48 Abs. 1 S. 2 Nr. 3 SGB X → einkommen (10 %), on Nr. 2 or Nr. 4 → sonstige (30 %). null: not derivable (e.g. an
 * Änderung without a recorded Tatbestand) – the caseworker decides at the declaration.
 */
export function tatbestandDerForderung(vorgang: string, aufhebungTatbestand: string | null | undefined): AufrechnungsTatbestand | null {
  if (vorgang === 'abschliessende_feststellung') return 'vorlaeufig';
  if (vorgang === 'aufhebung') {
    if (aufhebungTatbestand === 'nr3') return 'einkommen';
    if (aufhebungTatbestand === 'nr2' || aufhebungTatbestand === 'nr4') return 'sonstige';
  }
  return null;
}

/** The Tatbestand suggested by the Forderung's norm (§ 41a → 10 %); the caseworker decides. */
export function tatbestandVorschlag(forderungNorm: string): AufrechnungsTatbestand {
  return forderungNorm.includes('§ 41a') ? 'vorlaeufig' : 'sonstige';
}

/** Share of the Regelbedarf and its norm for a Tatbestand (§ 43 Abs. 2 S. 1). */
export function aufrechnungsProzent(tatbestand: AufrechnungsTatbestand, abMonat: string): { prozent: number; norm: string } {
  pruefeMonat(abMonat, 'Beginn der Aufrechnung');
  const r = aufrechnungsregelAm(`${abMonat}-01`);
  const minder = tatbestand === 'vorlaeufig' || tatbestand === 'einkommen';
  return {
    prozent: minder ? r.wert.minderProzent : r.wert.regelProzent,
    norm: `§ 43 Abs. 1, Abs. 2 S. 1 SGB II (${minder ? `${r.wert.minderProzent} %` : `${r.wert.regelProzent} %`}; ${AUFRECHNUNGS_TATBESTAENDE[tatbestand].grundlage})`,
  };
}

export type Aufrechnungserklaerung = {
  tatbestand: AufrechnungsTatbestand;
  prozent: number;
  norm: string;
  abMonat: string;
  /** last month in which it may be carried out (§ 43 Abs. 4 S. 2) */
  bisMonat: string;
};

/**
 * Checks a new Aufrechnung against the person's running ones (§ 43 Abs. 2 S. 2) and fixes its share and end.
 * `laufendeProzent`: the shares of the person's Aufrechnungen running in `abMonat` or later.
 */
export function erklaereAufrechnung(o: { tatbestand: AufrechnungsTatbestand; abMonat: string; laufendeProzent: readonly number[]; offenCent: number }): Aufrechnungserklaerung {
  const { prozent, norm } = aufrechnungsProzent(o.tatbestand, o.abMonat);
  if (o.offenCent <= 0) throw new AufrechnungsFehler('nichts_offen', 'Die Forderung ist vollständig beglichen; es gibt nichts aufzurechnen.');
  const regel = aufrechnungsregelAm(`${o.abMonat}-01`).wert;
  const bisher = o.laufendeProzent.reduce((s, p) => s + p, 0);
  if (bisher + prozent > regel.hoechstProzent) {
    throw new AufrechnungsFehler(
      'aufrechnung_hoechstgrenze',
      `Mit den laufenden Aufrechnungen (${bisher} %) würde die Aufrechnung ${bisher + prozent} % des Regelbedarfs erreichen; zulässig sind zusammen höchstens ${regel.hoechstProzent} % (§ 43 Abs. 2 S. 2 SGB II).`,
    );
  }
  return { tatbestand: o.tatbestand, prozent, norm, abMonat: o.abMonat, bisMonat: monatPlus(o.abMonat, regel.hoechstMonate - 1) };
}

/** The maßgebende Regelbedarf of a Regelbedarfsstufe in a month (§ 20 SGB II), in cents. */
export function regelbedarfIm(monat: string, stufe: number): { betragCent: number; norm: string } {
  // after the last day of known law the Regelbedarf is carried forward, as in the Bewilligung (recht/index.ts)
  const r = gueltigAm(REGELBEDARFE, rechtsdatumFuer(`${monat}-01`), 'den Regelbedarf');
  return { betragCent: r.wert[stufe as Stufe], norm: r.norm };
}

export type MonatsAufrechnung = {
  betragCent: number;
  regelbedarfCent: number;
  /** plain German: how the amount came about, with its norm */
  text: string;
};

const keine = (text: string): MonatsAufrechnung => ({ betragCent: 0, regelbedarfCent: 0, text });

/**
 * The amount set off in one month: `prozent` % of the Regelbedarf (rounded to the cent), limited by
 * - § 43 Abs. 3 SGB II: none where the person's Auszahlungsanspruch is reduced by a Minderung (§ 31b) of at least
 *   30 % of the Regelbedarf (S. 1); a smaller Minderung limits all Aufrechnungen of the month to 30 % minus the
 *   Minderung (S. 2);
 * - § 43 Abs. 2 S. 2: what other Aufrechnungen of the person already take in the same month (`bereitsCent`);
 * - the open balance of the Forderung and the person's own still open share of it (`personRestCent`);
 * - the person's own payment of the month.
 * 0 outside [abMonat, bisMonat] or without Regelbedarf.
 */
export function monatlicheAufrechnung(o: {
  monat: string;
  prozent: number;
  abMonat: string;
  bisMonat: string;
  /** Regelbedarfsstufe of the person in the month (null: no Regelbedarf, e.g. not in the BG) */
  stufe: number | null;
  offenCent: number;
  /** what the person is paid in the month (before the Aufrechnung) */
  auszahlungPersonCent: number;
  /** Minderung of the person's Auszahlungsanspruch in the month (§ 31b SGB II), cents; default 0 */
  minderungCent?: number;
  /** already set off against the person in this month by other Aufrechnungen; default 0 */
  bereitsCent?: number;
  /** the person's share of the Forderung not yet repaid (§ 43 Abs. 1: only the person's own debt); default unlimited */
  personRestCent?: number;
}): MonatsAufrechnung {
  const personRest = o.personRestCent ?? Number.POSITIVE_INFINITY;
  if (o.monat < o.abMonat || o.monat > o.bisMonat || o.stufe === null || o.offenCent <= 0 || personRest <= 0 || o.auszahlungPersonCent <= 0) {
    return keine('keine Aufrechnung in diesem Monat');
  }
  const rb = regelbedarfIm(o.monat, o.stufe);
  const regel = aufrechnungsregelAm(`${o.monat}-01`).wert;
  const satz = Math.round((rb.betragCent * o.prozent) / 100);
  const hoechst = Math.round((rb.betragCent * regel.hoechstProzent) / 100);
  const minderung = Math.max(0, o.minderungCent ?? 0);
  if (minderung >= hoechst) {
    return keine(`keine Aufrechnung: Minderung von ${euroText(minderung)} erreicht ${regel.hoechstProzent} % des Regelbedarfs – § 43 Abs. 3 S. 1 SGB II`);
  }
  const spielraum = Math.max(0, hoechst - minderung - (o.bereitsCent ?? 0));
  const betrag = Math.min(satz, spielraum, o.offenCent, personRest, o.auszahlungPersonCent);
  if (betrag <= 0) return keine(`keine Aufrechnung: ${regel.hoechstProzent} % des Regelbedarfs sind ausgeschöpft – § 43 Abs. 2 S. 2, Abs. 3 SGB II`);
  const grenze =
    betrag === satz
      ? ''
      : betrag === spielraum
        ? minderung > 0
          ? ` (begrenzt auf ${regel.hoechstProzent} % abzüglich der Minderung von ${euroText(minderung)}, § 43 Abs. 3 S. 2 SGB II)`
          : ` (begrenzt auf ${regel.hoechstProzent} % zusammen mit den anderen Aufrechnungen, § 43 Abs. 2 S. 2 SGB II)`
        : betrag === o.offenCent
          ? ' (begrenzt auf den offenen Betrag)'
          : betrag === personRest
            ? ' (begrenzt auf den offenen Anteil der Person)'
            : ' (begrenzt auf die Leistung der Person)';
  return {
    betragCent: betrag,
    regelbedarfCent: rb.betragCent,
    text: `Aufrechnung ${o.prozent} % des Regelbedarfs (Stufe ${o.stufe}) von ${euroText(rb.betragCent)}${grenze} – § 43 SGB II`,
  };
}
