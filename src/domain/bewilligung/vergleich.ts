/**
 * Comparison of an old and a new calculation of the same months (Änderung, Aufhebung, Massenänderung).
 *
 * Months up to `gezahltBis` have been paid already: a higher new amount is a Nachzahlung, a lower one an
 * Überzahlung that becomes an Erstattungsforderung (§ 50 SGB X) of each person concerned – unless only
 * Erstattungsforderungen below the Bagatellgrenze of § 40 Abs. 1 S. 3 SGB II arise (from 2023: 50 € for the
 * whole BG), in which case the past is not changed. Later months only get a new running amount.
 * Differences are taken per person, so a shift between persons of the same BG is visible.
 */
import { NORM_ERSTATTUNG, aufhebungRegelAm } from '../recht/verfahren.ts';
import type { MonatsBetraege } from './berechnung.ts';
import { ersterTag } from './monat.ts';

export type PersonDifferenz = { id: string; altCent: number; neuCent: number; differenzCent: number };

export type MonatsDifferenz = {
  monat: string;
  altCent: number;
  neuCent: number;
  differenzCent: number;
  /** the month has been paid already (≤ gezahltBis) */
  vergangen: boolean;
  personen: PersonDifferenz[];
};

export type Erstattungsforderung = {
  betragCent: number;
  /** each person owes their own share (§ 50 SGB X is directed at each member) */
  personen: { id: string; betragCent: number }[];
  monate: { monat: string; betragCent: number }[];
  norm: string;
};

export type Vergleich = {
  /** months where the BG total or any person's amount differs */
  geaenderteMonate: MonatsDifferenz[];
  geaendert: boolean;
  nachzahlung: { gesamtCent: number; monate: { monat: string; betragCent: number }[] };
  ueberzahlung: { gesamtCent: number; monate: { monat: string; betragCent: number }[]; personen: { id: string; betragCent: number }[] };
  /** null when nothing was overpaid or the Bagatellgrenze applies */
  erstattungsforderung: Erstattungsforderung | null;
  /** § 40 Abs. 1 S. 3: only small Erstattungsforderungen → the past is not changed */
  bagatelle: { grenzeCent: number; norm: string } | null;
};

export type VergleichOptionen = {
  /** last month already paid ('YYYY-MM'), null when nothing has been paid */
  gezahltBis: string | null;
  /** date of the decision; selects the Bagatellgrenze (default: first day of the first changed month) */
  entscheidungsdatum?: string;
};

/**
 * Compares `alt` (what was decided or, better, what was paid) with `neu`. A month missing on one side counts as 0
 * (e.g. an Aufhebung: `neu` without those months).
 */
export function vergleiche(alt: readonly MonatsBetraege[], neu: readonly MonatsBetraege[], optionen: VergleichOptionen): Vergleich {
  const altNach = new Map(alt.map((m) => [m.monat, m]));
  const neuNach = new Map(neu.map((m) => [m.monat, m]));
  const monate = [...new Set([...altNach.keys(), ...neuNach.keys()])].sort();
  const geaendert: MonatsDifferenz[] = [];
  const nach: { monat: string; betragCent: number }[] = [];
  const ueber: { monat: string; betragCent: number }[] = [];
  const ueberPerson = new Map<string, number>();
  let nachSumme = 0;
  let ueberSumme = 0;
  for (const monat of monate) {
    const a = altNach.get(monat);
    const n = neuNach.get(monat);
    const ids: string[] = [];
    const altP = new Map<string, number>();
    const neuP = new Map<string, number>();
    for (const p of a?.personen ?? []) {
      altP.set(p.id, p.auszahlungCent);
      ids.push(p.id);
    }
    for (const p of n?.personen ?? []) {
      neuP.set(p.id, p.auszahlungCent);
      if (!altP.has(p.id)) ids.push(p.id);
    }
    const personen: PersonDifferenz[] = [];
    let personGeaendert = false;
    for (const id of ids) {
      const ac = altP.get(id) ?? 0;
      const nc = neuP.get(id) ?? 0;
      personen.push({ id, altCent: ac, neuCent: nc, differenzCent: nc - ac });
      if (nc !== ac) personGeaendert = true;
    }
    const altCent = a?.auszahlungCent ?? 0;
    const neuCent = n?.auszahlungCent ?? 0;
    if (altCent === neuCent && !personGeaendert) continue;
    const vergangen = optionen.gezahltBis !== null && monat <= optionen.gezahltBis;
    geaendert.push({ monat, altCent, neuCent, differenzCent: neuCent - altCent, vergangen, personen });
    if (!vergangen) continue;
    let plus = 0;
    let minus = 0;
    for (const p of personen) {
      if (p.differenzCent > 0) plus += p.differenzCent;
      else if (p.differenzCent < 0) {
        minus -= p.differenzCent;
        ueberPerson.set(p.id, (ueberPerson.get(p.id) ?? 0) - p.differenzCent);
      }
    }
    // persons' amounts may be absent in a stored form that only has the total: fall back to the BG total
    if (personen.length === 0) {
      if (neuCent > altCent) plus = neuCent - altCent;
      else minus = altCent - neuCent;
    }
    if (plus > 0) {
      nach.push({ monat, betragCent: plus });
      nachSumme += plus;
    }
    if (minus > 0) {
      ueber.push({ monat, betragCent: minus });
      ueberSumme += minus;
    }
  }
  const ueberPersonen = [...ueberPerson].map(([id, betragCent]) => ({ id, betragCent }));
  let erstattungsforderung: Erstattungsforderung | null = null;
  let bagatelle: Vergleich['bagatelle'] = null;
  if (ueberSumme > 0) {
    const erster = geaendert[0];
    const stichtag = optionen.entscheidungsdatum ?? ersterTag(erster ? erster.monat : (monate[0] as string));
    const regel = aufhebungRegelAm(stichtag);
    if (nachSumme === 0 && ueberSumme < regel.wert.bagatellgrenzeCent) {
      bagatelle = { grenzeCent: regel.wert.bagatellgrenzeCent, norm: regel.norm };
    } else {
      erstattungsforderung = { betragCent: ueberSumme, personen: ueberPersonen, monate: ueber, norm: NORM_ERSTATTUNG };
    }
  }
  return {
    geaenderteMonate: geaendert,
    geaendert: geaendert.length > 0,
    nachzahlung: { gesamtCent: nachSumme, monate: nach },
    ueberzahlung: { gesamtCent: ueberSumme, monate: ueber, personen: ueberPersonen },
    erstattungsforderung,
    bagatelle,
  };
}
