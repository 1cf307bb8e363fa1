/**
 * The monthly Zahllauf as a pure plan. Leistungen sollen monatlich im Voraus erbracht werden (§ 42 Abs. 1 SGB II):
 * the run in month M pays the Leistungsmonat M+1. It also pays every earlier month of a running Bewilligung
 * that has not been paid yet (e.g. a Bewilligung decided after its first month began) and every open positive
 * Korrektur (Nachzahlung). Negative Korrekturen become Erstattungsforderungen (§ 50 SGB X), never negative
 * payments.
 *
 * Idempotency: every payment and every claim has a key; keys in `erledigt` (already recorded) are skipped, so
 * running the plan twice – or again after a crash halfway through recording – yields nothing twice and nothing
 * missing, as long as the caller records each key together with its payment in one transaction.
 *   laufend:     `${bgId}:${leistungsmonat}:laufend`
 *   Nachzahlung: `${bgId}:${leistungsmonat}:nachzahlung:${korrekturId}`
 *   Erstattung:  `${bgId}:${leistungsmonat}:erstattung:${korrekturId}`
 *   KdU-Empfänger: `${bgId}:${leistungsmonat}:kdu_empfaenger` – with a payee for the month (§ 22 Abs. 7 SGB II; after a
 *                § 7b Abs. 4 lapse the KdU go to the landlord) the laufende payment is split: the month's cost lines of
 *                kostenart 'unterkunft' go to the payee, the rest to the BG (key `laufend`). The payee's part comes
 *                first in the plan (so a run that stopped halfway has recorded it before the BG's part). A month whose
 *                `laufend` key is recorded without the payee's key was paid in full before the payee existed and is
 *                not split again.
 *   Förderleistung (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget; Eingliederungsbudget):
 *                `${bgId}:${leistungsmonat}:eingliederung:${foerderleistungId}` – paid like the Regelleistung for the
 *                following month in advance and every earlier unpaid month, with the cost type `eingliederung`
 * A booking line of a payment has the key `${zahlung.schluessel}:${kostenart}[:${kommuneId}]`.
 *
 * Aufrechnung (§ 43 SGB II, aufrechnung.ts): a laufende payment is reduced by what is set off against open
 * Forderungen of the BG; each part has the key `${zahlung.schluessel}:aufrechnung:${aufrechnungId}` and is
 * recorded together with the payment. The booking lines stay the gross benefit (`bruttoCent`). Only the BG's part is
 * set off, never the payee's (the KdU paid to the landlord).
 */
import { createHash } from 'node:crypto';
import type { Kostenanteil } from '../kosten/index.ts';
import { LEISTUNGSNAME } from '../recht/leistung.ts';
import { gueltigAm } from '../recht/typen.ts';
import { NORM_ERSTATTUNG, NORM_FAELLIGKEIT } from '../recht/verfahren.ts';
import { monatKurz, monatPlus, pruefeMonat } from '../bewilligung/monat.ts';
import { monatlicheAufrechnung } from './aufrechnung.ts';
import { istGueltigeBic, pruefeIban } from './iban.ts';

export type Empfaenger = { name: string; iban: string; bic?: string | null };

/** A payee of the BG's KdU for a run of months (table kdu_empfaenger); `bisMonat` null = open. */
export type KduEmpfaengerZeitraum = { id: string; vonMonat: string; bisMonat: string | null; empfaenger: Empfaenger };

export type LaufendeBewilligung = {
  bewilligungId: string;
  bgId: string;
  fallnummer: string;
  empfaenger: Empfaenger;
  /** payees of the KdU (§ 22 Abs. 7, § 7b Abs. 4 SGB II); months without one are paid to the BG in full */
  kduEmpfaenger?: readonly KduEmpfaengerZeitraum[];
  /** decided amount per month; `kosten` add up to `betragCent` (see kosten/kostenaufteilung) */
  monate: readonly {
    monat: string;
    betragCent: number;
    kosten: readonly Kostenanteil[];
    /** per person (needed only where an Aufrechnung runs): own payment and Regelbedarfsstufe of the month */
    personen?: readonly { id: string; auszahlungCent: number; stufe: number | null; /** Minderung § 31b, cents */ minderungCent?: number }[];
  }[];
};

/** An Aufrechnung running for a BG (§ 43 SGB II) with the balance of its Forderung before this run. */
export type LaufendeAufrechnung = {
  id: string;
  forderungId: string;
  bgId: string;
  personId: string;
  prozent: number;
  abMonat: string;
  bisMonat: string;
  offenCent: number;
  /** the person's share of the Forderung not yet set off (personen[].betragCent minus earlier deductions); absent = unlimited */
  personRestCent?: number;
};

/** The part of a payment set off against a Forderung; key `${zahlung.schluessel}:aufrechnung:${aufrechnungId}`. */
export type Aufrechnungsabzug = { schluessel: string; aufrechnungId: string; forderungId: string; personId: string; betragCent: number; text: string };

/** A decided difference for a month already paid (from `vergleiche` or `abschliessendeFeststellung`). */
export type Korrektur = {
  /** id of the decision (Bescheid) that caused it – part of the key */
  id: string;
  bgId: string;
  fallnummer: string;
  empfaenger: Empfaenger;
  monat: string;
  /** > 0 Nachzahlung, < 0 Überzahlung */
  betragCent: number;
  /** for a Nachzahlung: its cost lines (sum = betragCent) */
  kosten?: readonly Kostenanteil[];
  /** for an Überzahlung: who owes what (sum = −betragCent) */
  personen?: readonly { id: string; betragCent: number }[];
};

/**
 * An individual payment to the person from the Eingliederungsbudget (Förderleistung): its months with the amount of
 * each (src/domain/foerdern/budget.ts, pro rata, cent-exact) and the Mittelbindung each payment is booked against.
 */
export type LaufendeFoerderleistung = {
  foerderleistungId: string;
  bgId: string;
  fallnummer: string;
  empfaenger: Empfaenger;
  /** "Einstiegsgeld", "Mehraufwandsentschädigung", … (purpose of the transfer) */
  bezeichnung: string;
  traeger: Kostenanteil['traeger'];
  monate: readonly { monat: string; betragCent: number; mittelbindungId: string | null }[];
};

export type Zahlung = {
  schluessel: string;
  endToEndId: string;
  art: 'laufend' | 'nachzahlung' | 'eingliederung' | 'kdu_empfaenger';
  bgId: string;
  bewilligungId: string | null;
  korrekturId: string | null;
  fallnummer: string;
  leistungsmonat: string;
  zahlmonat: string;
  /** amount transferred: the benefit minus the Aufrechnungen */
  betragCent: number;
  /** the benefit of the month (= sum of `kosten`) */
  bruttoCent: number;
  aufrechnungen: Aufrechnungsabzug[];
  empfaenger: { name: string; iban: string; bic: string | null };
  verwendungszweck: string;
  kosten: Kostenanteil[];
  /** for art 'eingliederung': the Förderleistung and the Mittelbindung the payment reduces */
  foerderleistungId?: string;
  mittelbindungId?: string | null;
  /** for art 'kdu_empfaenger': the payee (row of kdu_empfaenger) */
  kduEmpfaengerId?: string;
};

export type Forderung = {
  schluessel: string;
  bgId: string;
  korrekturId: string;
  fallnummer: string;
  leistungsmonat: string;
  betragCent: number;
  personen: { id: string; betragCent: number }[];
  norm: string;
};

export type Zurueckgestellt = { bgId: string; schluessel: string; code: 'iban_ungueltig' | 'iban_nicht_sepa' | 'bic_ungueltig' | 'kosten_summe'; message: string };

export type ZahllaufPlan = {
  zahlmonat: string;
  leistungsmonat: string;
  norm: string;
  zahlungen: Zahlung[];
  forderungen: Forderung[];
  /** payments that cannot go out (invalid bank data, inconsistent cost lines) – to be fixed in the Fallakte */
  zurueckgestellt: Zurueckgestellt[];
  summeCent: number;
  /** keys skipped because they are already recorded */
  bereitsErledigt: number;
};

export type ZahllaufEingabe = {
  /** month in which the run takes place ('YYYY-MM'); pays Leistungsmonat = zahlmonat + 1 */
  zahlmonat: string;
  bewilligungen: Iterable<LaufendeBewilligung>;
  korrekturen?: Iterable<Korrektur>;
  /** keys of payments and claims already recorded */
  erledigt: ReadonlySet<string>;
  /** running Aufrechnungen (§ 43 SGB II), deducted from the laufende payments of their BG */
  aufrechnungen?: Iterable<LaufendeAufrechnung>;
  /** Förderleistungen from the Eingliederungsbudget (cost type `eingliederung`, no Aufrechnung) */
  foerderleistungen?: Iterable<LaufendeFoerderleistung>;
};

/** § 42 Abs. 1: the run of month M pays the following month. */
export function leistungsmonatFuer(zahlmonat: string): string {
  return monatPlus(zahlmonat, 1);
}

/** Short, stable EndToEndId from the key (SEPA: at most 35 characters). */
export function endToEndId(schluessel: string): string {
  return `VO${createHash('sha256').update(schluessel).digest('hex').slice(0, 32).toUpperCase()}`;
}

/** The benefit's name in the month (Arbeitslosengeld II until 2022, Bürgergeld, Grundsicherungsgeld). */
export function leistungsnameIm(monat: string): string {
  return gueltigAm(LEISTUNGSNAME, `${monat}-01`, 'den Namen der Leistung').wert.erwerbsfaehig;
}

/**
 * "Bürgergeld 06/2024 F-2024-0001" (Nachzahlungen: "Nachzahlung Bürgergeld 03/2024 …"; with " abzgl. Aufrechnung 56,30 EUR";
 * to a KdU-Empfänger: "Unterkunft und Heizung Grundsicherungsgeld 08/2026 F-2026-0001").
 */
export function verwendungszweck(art: Zahlung['art'], monat: string, fallnummer: string, aufrechnungCent = 0): string {
  const abzug = aufrechnungCent > 0 ? ` abzgl. Aufrechnung ${(aufrechnungCent / 100).toFixed(2).replace('.', ',')} EUR` : '';
  const vorsatz = art === 'nachzahlung' ? 'Nachzahlung ' : art === 'kdu_empfaenger' ? 'Unterkunft und Heizung ' : '';
  const text = `${vorsatz}${leistungsnameIm(monat)} ${monatKurz(monat)} ${fallnummer}${abzug}`;
  return text.length > 140 ? text.slice(0, 140) : text;
}

export function planeZahllauf(eingabe: ZahllaufEingabe): ZahllaufPlan {
  pruefeMonat(eingabe.zahlmonat, 'Zahlmonat');
  const leistungsmonat = leistungsmonatFuer(eingabe.zahlmonat);
  const zahlungen: Zahlung[] = [];
  const forderungen: Forderung[] = [];
  const zurueck: Zurueckgestellt[] = [];
  const geplant = new Set<string>();
  let erledigt = 0;
  let summe = 0;

  const empfaengerPruefen = (bgId: string, schluessel: string, e: Empfaenger): Zahlung['empfaenger'] | null => {
    const iban = pruefeIban(e.iban);
    if (!iban.gueltig) {
      zurueck.push({ bgId, schluessel, code: iban.code, message: iban.message });
      return null;
    }
    const bic = e.bic ? e.bic.replace(/\s+/g, '').toUpperCase() : null;
    if (!istGueltigeBic(bic)) {
      zurueck.push({ bgId, schluessel, code: 'bic_ungueltig', message: 'Die BIC ist ungültig.' });
      return null;
    }
    return { name: e.name, iban: iban.iban, bic };
  };
  const kostenPruefen = (bgId: string, schluessel: string, betrag: number, kosten: readonly Kostenanteil[]): boolean => {
    let s = 0;
    for (const k of kosten) s += k.betragCent;
    if (s === betrag) return true;
    zurueck.push({ bgId, schluessel, code: 'kosten_summe', message: `Die Kostenanteile (${s} Cent) ergeben nicht den Zahlbetrag (${betrag} Cent).` });
    return false;
  };
  const neu = (schluessel: string): boolean => {
    if (eingabe.erledigt.has(schluessel)) {
      erledigt++;
      return false;
    }
    if (geplant.has(schluessel)) return false;
    geplant.add(schluessel);
    return true;
  };

  // Aufrechnungen per BG; balances per Forderung as they fall during this run (months in order)
  const aufrechnungenJeBg = new Map<string, LaufendeAufrechnung[]>();
  const offen = new Map<string, number>();
  const personRest = new Map<string, number>();
  for (const a of eingabe.aufrechnungen ?? []) {
    const liste = aufrechnungenJeBg.get(a.bgId) ?? [];
    liste.push(a);
    aufrechnungenJeBg.set(a.bgId, liste);
    if (!offen.has(a.forderungId)) offen.set(a.forderungId, a.offenCent);
    if (a.personRestCent !== undefined) personRest.set(a.id, a.personRestCent);
  }
  const abzuege = (schluessel: string, bgId: string, m: LaufendeBewilligung['monate'][number]): Aufrechnungsabzug[] => {
    const liste = aufrechnungenJeBg.get(bgId);
    if (!liste) return [];
    const restJePerson = new Map((m.personen ?? []).map((p) => [p.id, p.auszahlungCent]));
    const out: Aufrechnungsabzug[] = [];
    // per person: what this month's Aufrechnungen already take (all together ≤ 30 % minus Minderung, § 43 Abs. 2 S. 2, Abs. 3)
    const bereitsJePerson = new Map<string, number>();
    // balances as they fall within this month (two Aufrechnungen of one Forderung against two persons)
    const offenImMonat = new Map<string, number>();
    let gesamt = 0;
    for (const a of liste) {
      const person = (m.personen ?? []).find((p) => p.id === a.personId);
      const r = monatlicheAufrechnung({
        monat: m.monat,
        prozent: a.prozent,
        abMonat: a.abMonat,
        bisMonat: a.bisMonat,
        stufe: person?.stufe ?? null,
        offenCent: offenImMonat.get(a.forderungId) ?? offen.get(a.forderungId) ?? 0,
        auszahlungPersonCent: restJePerson.get(a.personId) ?? 0,
        minderungCent: person?.minderungCent ?? 0,
        bereitsCent: bereitsJePerson.get(a.personId) ?? 0,
        ...(personRest.has(a.id) ? { personRestCent: personRest.get(a.id)! } : {}),
      });
      if (r.betragCent <= 0) continue;
      out.push({ schluessel: `${schluessel}:aufrechnung:${a.id}`, aufrechnungId: a.id, forderungId: a.forderungId, personId: a.personId, betragCent: r.betragCent, text: r.text });
      restJePerson.set(a.personId, (restJePerson.get(a.personId) ?? 0) - r.betragCent);
      bereitsJePerson.set(a.personId, (bereitsJePerson.get(a.personId) ?? 0) + r.betragCent);
      offenImMonat.set(a.forderungId, (offenImMonat.get(a.forderungId) ?? offen.get(a.forderungId) ?? 0) - r.betragCent);
      gesamt += r.betragCent;
    }
    // a payment is never reduced to nothing: then the Aufrechnung is not carried out this month
    if (gesamt >= m.betragCent) return [];
    for (const x of out) {
      offen.set(x.forderungId, (offen.get(x.forderungId) ?? 0) - x.betragCent);
      if (personRest.has(x.aufrechnungId)) personRest.set(x.aufrechnungId, personRest.get(x.aufrechnungId)! - x.betragCent);
    }
    return out;
  };

  for (const b of eingabe.bewilligungen) {
    for (const m of b.monate) {
      if (m.monat > leistungsmonat || m.betragCent <= 0) continue;
      const schluessel = `${b.bgId}:${m.monat}:laufend`;
      const kdu = kduTeil(b, m, schluessel, eingabe.erledigt);
      if (kdu) {
        const kduSchluessel = `${b.bgId}:${m.monat}:kdu_empfaenger`;
        if (neu(kduSchluessel)) {
          const an = empfaengerPruefen(b.bgId, kduSchluessel, kdu.zeitraum.empfaenger);
          if (!an || !kostenPruefen(b.bgId, kduSchluessel, m.betragCent, m.kosten)) continue;
          zahlungen.push({
            schluessel: kduSchluessel,
            endToEndId: endToEndId(kduSchluessel),
            art: 'kdu_empfaenger',
            bgId: b.bgId,
            bewilligungId: b.bewilligungId,
            korrekturId: null,
            fallnummer: b.fallnummer,
            leistungsmonat: m.monat,
            zahlmonat: eingabe.zahlmonat,
            betragCent: kdu.betragCent,
            bruttoCent: kdu.betragCent,
            aufrechnungen: [],
            empfaenger: an,
            verwendungszweck: verwendungszweck('kdu_empfaenger', m.monat, b.fallnummer),
            kosten: kdu.kosten,
            kduEmpfaengerId: kdu.zeitraum.id,
          });
          summe += kdu.betragCent;
        }
      }
      // the BG's part: everything but the payee's KdU
      const betragBg = m.betragCent - (kdu?.betragCent ?? 0);
      if (betragBg <= 0) continue;
      if (!neu(schluessel)) continue;
      const empfaenger = empfaengerPruefen(b.bgId, schluessel, b.empfaenger);
      if (!empfaenger || !kostenPruefen(b.bgId, schluessel, m.betragCent, m.kosten)) continue;
      const kostenBg = kdu ? m.kosten.filter((k) => k.kostenart !== 'unterkunft') : m.kosten;
      const aufrechnungen = abzuege(schluessel, b.bgId, { ...m, betragCent: betragBg });
      const abzug = aufrechnungen.reduce((s, x) => s + x.betragCent, 0);
      zahlungen.push({
        schluessel,
        endToEndId: endToEndId(schluessel),
        art: 'laufend',
        bgId: b.bgId,
        bewilligungId: b.bewilligungId,
        korrekturId: null,
        fallnummer: b.fallnummer,
        leistungsmonat: m.monat,
        zahlmonat: eingabe.zahlmonat,
        betragCent: betragBg - abzug,
        bruttoCent: betragBg,
        aufrechnungen,
        empfaenger,
        verwendungszweck: verwendungszweck('laufend', m.monat, b.fallnummer, abzug),
        kosten: kostenBg.map((k) => ({ ...k })),
      });
      summe += betragBg - abzug;
    }
  }
  for (const k of eingabe.korrekturen ?? []) {
    if (k.betragCent === 0 || k.monat > leistungsmonat) continue;
    if (k.betragCent > 0) {
      const schluessel = `${k.bgId}:${k.monat}:nachzahlung:${k.id}`;
      if (!neu(schluessel)) continue;
      const empfaenger = empfaengerPruefen(k.bgId, schluessel, k.empfaenger);
      const kosten = k.kosten ?? [];
      if (!empfaenger || !kostenPruefen(k.bgId, schluessel, k.betragCent, kosten)) continue;
      zahlungen.push({
        schluessel,
        endToEndId: endToEndId(schluessel),
        art: 'nachzahlung',
        bgId: k.bgId,
        bewilligungId: null,
        korrekturId: k.id,
        fallnummer: k.fallnummer,
        leistungsmonat: k.monat,
        zahlmonat: eingabe.zahlmonat,
        betragCent: k.betragCent,
        bruttoCent: k.betragCent,
        aufrechnungen: [],
        empfaenger,
        verwendungszweck: verwendungszweck('nachzahlung', k.monat, k.fallnummer),
        kosten: kosten.map((x) => ({ ...x })),
      });
      summe += k.betragCent;
    } else {
      const schluessel = `${k.bgId}:${k.monat}:erstattung:${k.id}`;
      if (!neu(schluessel)) continue;
      forderungen.push({
        schluessel,
        bgId: k.bgId,
        korrekturId: k.id,
        fallnummer: k.fallnummer,
        leistungsmonat: k.monat,
        betragCent: -k.betragCent,
        personen: (k.personen ?? []).map((p) => ({ ...p })),
        norm: NORM_ERSTATTUNG,
      });
    }
  }
  for (const f of eingabe.foerderleistungen ?? []) {
    for (const m of f.monate) {
      if (m.monat > leistungsmonat || m.betragCent <= 0) continue;
      const schluessel = `${f.bgId}:${m.monat}:eingliederung:${f.foerderleistungId}`;
      if (!neu(schluessel)) continue;
      const empfaenger = empfaengerPruefen(f.bgId, schluessel, f.empfaenger);
      if (!empfaenger) continue;
      const zweck = `${f.bezeichnung} ${monatKurz(m.monat)} ${f.fallnummer}`;
      zahlungen.push({
        schluessel,
        endToEndId: endToEndId(schluessel),
        art: 'eingliederung',
        bgId: f.bgId,
        bewilligungId: null,
        korrekturId: null,
        fallnummer: f.fallnummer,
        leistungsmonat: m.monat,
        zahlmonat: eingabe.zahlmonat,
        betragCent: m.betragCent,
        bruttoCent: m.betragCent,
        aufrechnungen: [],
        empfaenger,
        verwendungszweck: zweck.length > 140 ? zweck.slice(0, 140) : zweck,
        kosten: [{ kostenart: 'eingliederung', traeger: f.traeger, kommuneId: null, betragCent: m.betragCent }],
        foerderleistungId: f.foerderleistungId,
        mittelbindungId: m.mittelbindungId,
      });
      summe += m.betragCent;
    }
  }
  return { zahlmonat: eingabe.zahlmonat, leistungsmonat, norm: NORM_FAELLIGKEIT, zahlungen, forderungen, zurueckgestellt: zurueck, summeCent: summe, bereitsErledigt: erledigt };
}

/**
 * The payee's part of a laufende month: the month's cost lines of kostenart 'unterkunft', when a payee covers the
 * month. None when the month's BG part was recorded before the payee existed (paid in full, not split again).
 */
function kduTeil(
  b: LaufendeBewilligung,
  m: LaufendeBewilligung['monate'][number],
  laufendSchluessel: string,
  erledigt: ReadonlySet<string>,
): { zeitraum: KduEmpfaengerZeitraum; betragCent: number; kosten: Kostenanteil[] } | null {
  const zeitraum = b.kduEmpfaenger?.find((e) => e.vonMonat <= m.monat && (e.bisMonat === null || m.monat <= e.bisMonat));
  if (!zeitraum) return null;
  if (erledigt.has(laufendSchluessel) && !erledigt.has(`${b.bgId}:${m.monat}:kdu_empfaenger`)) return null;
  const kosten = m.kosten.filter((k) => k.kostenart === 'unterkunft').map((k) => ({ ...k }));
  let betrag = 0;
  for (const k of kosten) betrag += k.betragCent;
  if (betrag <= 0 || betrag > m.betragCent) return null;
  return { zeitraum, betragCent: betrag, kosten };
}

/** Booking lines of a payment with their keys (what the persistence records per payment). */
export function buchungszeilen(z: Zahlung): { schluessel: string; kostenart: Kostenanteil['kostenart']; traeger: Kostenanteil['traeger']; kommuneId: string | null; betragCent: number }[] {
  return z.kosten.map((k) => ({
    schluessel: `${z.schluessel}:${k.kostenart}${k.kommuneId ? `:${k.kommuneId}` : ''}`,
    kostenart: k.kostenart,
    traeger: k.traeger,
    kommuneId: k.kommuneId,
    betragCent: k.betragCent,
  }));
}
