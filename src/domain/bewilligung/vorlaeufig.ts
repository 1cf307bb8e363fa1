/**
 * Vorläufige Bewilligung (§ 41a Abs. 1, 2 SGB II) and abschließende Feststellung (§ 41a Abs. 3–6 SGB II).
 *
 * The vorläufige Bewilligung is an ordinary period calculation with the estimated income, a stated reason
 * (§ 41a Abs. 2 S. 1) and normally six months (§ 41 Abs. 3 S. 2 Nr. 1).
 *
 * The abschließende Feststellung recomputes every month with the actual facts. Which income is set against
 * each month follows the rule in force at the start of the Bewilligungszeitraum (`ABSCHLIESSENDE_FESTSTELLUNG`):
 *  - 'durchschnitt' (Bewilligungszeiträume beginning before 2023, § 41a Abs. 4 S. 1 a.F.): all income of the
 *    period is averaged over its months (BSG B 14 AS 44/18 R: all kinds of income, all months), except where the
 *    actual income excludes the claim in at least one month (§ 41a Abs. 4 S. 2 Nr. 2 a.F.) → actual monthly income;
 *  - 'monatlich' (from 2023, § 41a n.F. has no average rule): the actual income of each month; income from
 *    self-employment is averaged (§ 3 Abs. 4 Bürgergeld-V).
 * `methode` overrides the rule: 'monatlich' for a period under the old law when the person asked for a decision on
 * the actual monthly income (§ 41a Abs. 4 S. 2 Nr. 3 a.F.); 'durchschnitt' where a Träger chooses the average.
 *
 * Then § 41a Abs. 6: what was paid provisionally is credited; overpayments of single months are set off against
 * Nachzahlungen of other months of the same period (per person); what remains overpaid is reclaimed only if it
 * reaches the Bagatellgrenze for the whole BG (from 2023: 50 €).
 */
import { teileGerundet, cent, euro } from '../berechnung/geld.ts';
import type { BerechnungInput, EINKOMMENSARTEN_BETRAG, EinkommenInput } from '../berechnung/schema.ts';
import { NORM_VORLAEUFIG, abschlussRegelAm } from '../recht/verfahren.ts';
import { berechneZeitraum, type MonatsBetraege, type ZeitraumErgebnis, type ZeitraumOptionen } from './berechnung.ts';
import { ersterTag } from './monat.ts';
import type { Vergleich } from './vergleich.ts';
import { BewilligungsFehler } from './zeitraum.ts';

export type VorlaeufigeBewilligung = {
  vorlaeufig: true;
  grund: string;
  norm: string;
  zeitraum: ZeitraumErgebnis;
};

/** § 41a: computes the period with the estimated income; the reason must be given (Abs. 2 S. 1). */
export function vorlaeufigeBewilligung(grund: string, monatsInputs: readonly BerechnungInput[], optionen: ZeitraumOptionen = {}): VorlaeufigeBewilligung {
  if (grund.trim().length === 0) {
    throw new BewilligungsFehler('grund_fehlt', 'Der Grund der Vorläufigkeit ist anzugeben (§ 41a Abs. 2 S. 1 SGB II).');
  }
  return { vorlaeufig: true, grund: grund.trim(), norm: NORM_VORLAEUFIG, zeitraum: berechneZeitraum(monatsInputs, optionen) };
}

export type Einkommensmethode = 'durchschnitt' | 'monatlich';

export type AbschlussOptionen = ZeitraumOptionen & { methode?: Einkommensmethode };

export type AbschliessendeFeststellung = {
  methode: Einkommensmethode;
  /** plain German: which income was used and why */
  begruendung: string;
  norm: string;
  /** the final monthly amounts */
  zeitraum: ZeitraumErgebnis;
  /** the inputs actually computed (with averaged income where applicable) */
  inputs: BerechnungInput[];
  monate: { monat: string; vorlaeufigCent: number; abschliessendCent: number; differenzCent: number }[];
  personen: { id: string; vorlaeufigCent: number; abschliessendCent: number; saldoCent: number }[];
  /** sum of positive per-person balances after setting off (§ 41a Abs. 6 S. 2) */
  nachzahlungCent: number;
  /** remaining overpayment to be reclaimed (§ 41a Abs. 6 S. 3), null if none or below the Bagatellgrenze */
  erstattung: { betragCent: number; personen: { id: string; betragCent: number }[]; norm: string } | null;
  /** overpayment that stays unclaimed because it is below the Bagatellgrenze */
  erstattungUnterBagatellgrenzeCent: number;
};

/**
 * Final decision after a vorläufige Bewilligung: `vorlaeufig` = the provisionally paid amounts per month,
 * `tatsaechlich` = the engine inputs with the actual income (same months).
 */
export function abschliessendeFeststellung(
  vorlaeufig: readonly MonatsBetraege[],
  tatsaechlich: readonly BerechnungInput[],
  optionen: AbschlussOptionen = {},
): AbschliessendeFeststellung {
  if (tatsaechlich.length === 0) throw new BewilligungsFehler('keine_monate', 'Der Bewilligungszeitraum enthält keinen Monat.');
  // validate and compute the actual months once (also decides the exception of § 41a Abs. 4 S. 2 Nr. 2 a.F.)
  const ist = berechneZeitraum(tatsaechlich, { ...optionen, erklaerung: false });
  const inputs = ist.monate.map((m) => m.input);
  const regel = abschlussRegelAm(ersterTag(ist.beginn));
  const methode: Einkommensmethode = optionen.methode ?? regel.wert.einkommen;
  let begruendung: string;
  let norm: string;
  let gerechnet: BerechnungInput[];
  if (methode === 'durchschnitt') {
    const ausgeschlossen = ist.monate.filter((m) => m.ergebnis.ablehnungsgrund === 'einkommen').map((m) => m.monat);
    if (ausgeschlossen.length > 0) {
      gerechnet = mitDurchschnitt(inputs, (e) => e.art === 'selbststaendigkeit');
      begruendung = `Kein Durchschnittseinkommen, weil das tatsächliche Einkommen den Anspruch in ${ausgeschlossen.length === 1 ? 'einem Monat' : `${ausgeschlossen.length} Monaten`} ausschließt (${ausgeschlossen.join(', ')}); es zählt das Einkommen jedes Monats.`;
      norm = '§ 41a Abs. 4 S. 2 Nr. 2 SGB II a.F.';
    } else {
      gerechnet = mitDurchschnitt(inputs, () => true);
      begruendung = `Als Einkommen gilt in jedem Monat der Durchschnitt des gesamten Einkommens der ${inputs.length} Monate des Bewilligungszeitraums.`;
      norm = optionen.methode ? '§ 41a Abs. 4 S. 1 SGB II a.F. (gewählt)' : '§ 41a Abs. 4 S. 1 SGB II a.F.';
    }
  } else if (regel.wert.einkommen === 'durchschnitt') {
    // old law, but the person asked for a decision on the actual monthly income (§ 41a Abs. 4 S. 2 Nr. 3 a.F.)
    gerechnet = mitDurchschnitt(inputs, (e) => e.art === 'selbststaendigkeit');
    begruendung =
      'Auf Ihren Antrag zählt das tatsächliche Einkommen jedes Monats statt des Durchschnitts; Einkommen aus selbständiger Tätigkeit wird auf die Monate des Bewilligungszeitraums gleichmäßig verteilt.';
    norm = '§ 41a Abs. 4 S. 2 Nr. 3 SGB II a.F.';
  } else {
    gerechnet = mitDurchschnitt(inputs, (e) => e.art === 'selbststaendigkeit');
    begruendung =
      'Es zählt das tatsächliche Einkommen jedes Monats; Einkommen aus selbständiger Tätigkeit wird auf die Monate des Bewilligungszeitraums gleichmäßig verteilt.';
    norm = '§ 41a Abs. 3 SGB II, § 3 Abs. 4 Bürgergeld-V';
  }
  const ergebnis = berechneZeitraum(gerechnet, { ...optionen, geprueft: true });

  const vorNach = new Map(vorlaeufig.map((m) => [m.monat, m]));
  const monate: AbschliessendeFeststellung['monate'] = [];
  const personen = new Map<string, { vorlaeufigCent: number; abschliessendCent: number }>();
  const eintrag = (id: string) => {
    let e = personen.get(id);
    if (!e) {
      e = { vorlaeufigCent: 0, abschliessendCent: 0 };
      personen.set(id, e);
    }
    return e;
  };
  for (const m of ergebnis.monate) {
    const v = vorNach.get(m.monat);
    monate.push({ monat: m.monat, vorlaeufigCent: v?.auszahlungCent ?? 0, abschliessendCent: m.auszahlungCent, differenzCent: m.auszahlungCent - (v?.auszahlungCent ?? 0) });
    for (const p of m.personen) eintrag(p.id).abschliessendCent += p.auszahlungCent;
    for (const p of v?.personen ?? []) eintrag(p.id).vorlaeufigCent += p.auszahlungCent;
  }
  for (const v of vorlaeufig) {
    if (ergebnis.monate.some((m) => m.monat === v.monat)) continue;
    throw new BewilligungsFehler('monat_fehlt', `Für den vorläufig bewilligten Monat ${v.monat} fehlen die tatsächlichen Angaben.`);
  }
  const personenListe = [...personen].map(([id, e]) => ({ id, ...e, saldoCent: e.abschliessendCent - e.vorlaeufigCent }));
  let nachzahlung = 0;
  let ueber = 0;
  const ueberPersonen: { id: string; betragCent: number }[] = [];
  for (const p of personenListe) {
    if (p.saldoCent > 0) nachzahlung += p.saldoCent;
    else if (p.saldoCent < 0) {
      ueber -= p.saldoCent;
      ueberPersonen.push({ id: p.id, betragCent: -p.saldoCent });
    }
  }
  const grenze = regel.wert.erstattungAbCent;
  const erstattung = ueber > 0 && ueber >= grenze ? { betragCent: ueber, personen: ueberPersonen, norm: NORM_ABSCHLUSS_ERSTATTUNG } : null;
  return {
    methode,
    begruendung,
    norm,
    zeitraum: ergebnis,
    inputs: gerechnet,
    monate,
    personen: personenListe,
    nachzahlungCent: nachzahlung,
    erstattung,
    erstattungUnterBagatellgrenzeCent: erstattung ? 0 : ueber,
  };
}

const sortiert = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([monat, betragCent]) => ({ monat, betragCent }));

/** Norm of the Erstattung after an abschließende Feststellung (remaining overpayment after setting off). */
export const NORM_ABSCHLUSS_ERSTATTUNG = '§ 41a Abs. 6 S. 3 SGB II';

/**
 * § 41a Abs. 6 SGB II applied to the comparison of an abschließende Feststellung with what was paid provisionally:
 * for each person the differences of all months already paid (`vergangen`) are added up (S. 1, 2: overpaid months
 * are set off against Nachzahlungen of other months of the same period). A positive balance is that person's
 * Nachzahlung, a negative one remains overpaid; the remaining overpayment of the whole BG is reclaimed only from
 * the Bagatellgrenze of the rule at the start of the period (S. 3; from 2023: 50 €). Months not paid yet are paid
 * at the new amount and do not take part.
 *
 * The per-month lists say which months the netted amounts stem from: a person's set-off consumes that person's
 * months of the other direction from the earliest on, so both lists add up to the netted totals.
 */
export function verrechneAbschluss(v: Vergleich, bewilligungszeitraumBeginn: string): Vergleich {
  const jePerson = new Map<string, { monat: string; differenzCent: number }[]>();
  for (const m of v.geaenderteMonate) {
    if (!m.vergangen) continue;
    // a stored form without persons only has the BG total
    const personen = m.personen.length > 0 ? m.personen : [{ id: '', differenzCent: m.differenzCent }];
    for (const p of personen) {
      if (p.differenzCent === 0) continue;
      let liste = jePerson.get(p.id);
      if (!liste) {
        liste = [];
        jePerson.set(p.id, liste);
      }
      liste.push({ monat: m.monat, differenzCent: p.differenzCent });
    }
  }
  const nachMonate = new Map<string, number>();
  const ueberMonate = new Map<string, number>();
  const ueberPersonen: { id: string; betragCent: number }[] = [];
  let nachSumme = 0;
  let ueberSumme = 0;
  for (const [id, liste] of jePerson) {
    const saldo = liste.reduce((s, x) => s + x.differenzCent, 0);
    if (saldo === 0) continue;
    const richtung = saldo > 0 ? 1 : -1;
    // what the other direction contributes is set off against this direction's months, earliest first
    let aufzurechnen = liste.filter((x) => Math.sign(x.differenzCent) === -richtung).reduce((s, x) => s + Math.abs(x.differenzCent), 0);
    const ziel = richtung > 0 ? nachMonate : ueberMonate;
    for (const x of liste) {
      if (Math.sign(x.differenzCent) !== richtung) continue;
      const abzug = Math.min(aufzurechnen, Math.abs(x.differenzCent));
      aufzurechnen -= abzug;
      const rest = Math.abs(x.differenzCent) - abzug;
      if (rest > 0) ziel.set(x.monat, (ziel.get(x.monat) ?? 0) + rest);
    }
    if (richtung > 0) nachSumme += saldo;
    else {
      ueberSumme -= saldo;
      ueberPersonen.push({ id, betragCent: -saldo });
    }
  }
  const ueber = sortiert(ueberMonate);
  const grenze = abschlussRegelAm(ersterTag(bewilligungszeitraumBeginn.slice(0, 7))).wert.erstattungAbCent;
  const erstattet = ueberSumme > 0 && ueberSumme >= grenze;
  return {
    ...v,
    nachzahlung: { gesamtCent: nachSumme, monate: sortiert(nachMonate) },
    ueberzahlung: { gesamtCent: ueberSumme, monate: ueber, personen: ueberPersonen },
    erstattungsforderung: erstattet ? { betragCent: ueberSumme, personen: ueberPersonen, monate: ueber, norm: NORM_ABSCHLUSS_ERSTATTUNG } : null,
    bagatelle: ueberSumme > 0 && !erstattet ? { grenzeCent: grenze, norm: NORM_ABSCHLUSS_ERSTATTUNG } : null,
  };
}

type Summen = { brutto: number; netto: number; absetzungen: number; hatAbsetzungen: boolean; betrag: number };

/**
 * Replaces the selected income of every person by its monthly average over the months in which the person
 * appears (sum ÷ number of those months, rounded half up to the cent, § 41 Abs. 2).
 */
export function mitDurchschnitt(inputs: readonly BerechnungInput[], auswahl: (e: EinkommenInput) => boolean): BerechnungInput[] {
  const summen = new Map<string, Map<string, Summen>>();
  const monateJePerson = new Map<string, number>();
  for (const input of inputs) {
    for (const p of input.personen) {
      monateJePerson.set(p.id, (monateJePerson.get(p.id) ?? 0) + 1);
      for (const e of p.einkommen ?? []) {
        // one-off inflows keep their own months (§ 11 Abs. 3); they are never averaged
        if (e.art === 'einmalig' || !auswahl(e)) continue;
        const schluessel = e.art === 'selbststaendigkeit' && e.brutto !== undefined ? 'selbststaendigkeit_gewinn' : e.art;
        let jeArt = summen.get(p.id);
        if (!jeArt) {
          jeArt = new Map();
          summen.set(p.id, jeArt);
        }
        let s = jeArt.get(schluessel);
        if (!s) {
          s = { brutto: 0, netto: 0, absetzungen: 0, hatAbsetzungen: false, betrag: 0 };
          jeArt.set(schluessel, s);
        }
        if (e.art === 'erwerbstaetigkeit' || (e.art === 'selbststaendigkeit' && e.brutto !== undefined)) {
          s.brutto += cent(e.brutto ?? 0);
          s.netto += cent(e.netto ?? 0);
          if (e.absetzungen !== undefined) {
            s.absetzungen += cent(e.absetzungen);
            s.hatAbsetzungen = true;
          }
        } else s.betrag += cent(e.betrag ?? 0);
      }
    }
  }
  if (summen.size === 0) return inputs.map((i) => i);
  return inputs.map((input) => ({
    ...input,
    personen: input.personen.map((p) => {
      const jeArt = summen.get(p.id);
      if (!jeArt) return p;
      const n = monateJePerson.get(p.id) ?? 1;
      const bleibt = (p.einkommen ?? []).filter((e) => e.art === 'einmalig' || !auswahl(e));
      const neu: EinkommenInput[] = [];
      for (const [art, s] of jeArt) {
        if (art === 'erwerbstaetigkeit' || art === 'selbststaendigkeit_gewinn') {
          const brutto = euro(teileGerundet(s.brutto, n));
          const netto = euro(teileGerundet(s.netto, n));
          const e: EinkommenInput =
            art === 'erwerbstaetigkeit' ? { art: 'erwerbstaetigkeit', brutto, netto } : { art: 'selbststaendigkeit', brutto, netto };
          if (s.hatAbsetzungen) e.absetzungen = euro(teileGerundet(s.absetzungen, n));
          neu.push(e);
        } else if (art === 'selbststaendigkeit') {
          neu.push({ art: 'selbststaendigkeit', betrag: euro(teileGerundet(s.betrag, n)) });
        } else {
          neu.push({ art: art as (typeof EINKOMMENSARTEN_BETRAG)[number], betrag: euro(teileGerundet(s.betrag, n)) });
        }
      }
      return { ...p, einkommen: [...bleibt, ...neu] };
    }),
  }));
}
