/**
 * Eingliederungsbudget (docs/foerdern.md, reference § A.6): the Träger's budget per Haushaltsjahr and Titel (Soll),
 * Mittelbindungen (Festlegungen) for the expected cost of a Teilnahme or Förderleistung per Haushaltsjahr, payments
 * against them, and the overview Soll / gebunden / ausgezahlt / frei. Pure: amounts are integer cents, days ISO
 * calendar dates.
 *
 * Cost split by Haushaltsjahr (`kostenJeJahr`):
 * - `pauschal`: the whole amount falls into the year of the start (the provider invoices one flat fee per place);
 * - `monatlich`: the amount is due per calendar month, pro rata by days for a month that is only partly covered
 *   (days covered / days of the month), and the months are summed per Haushaltsjahr.
 * Cents are rounded on the running total (half up), so the parts of all months add up exactly to the rounded total,
 * and the monthly parts of a period that is later shortened stay what they were (only the last month changes).
 */
import type { BudgetTitel, FoerderleistungArt, Instrument, KostenartPlatz } from './typen.ts';
import { tageImMonat } from '../berechnung/datum.ts';

export type KostenJahr = { haushaltsjahr: number; betragCent: number };
export type KostenMonat = { monat: string; betragCent: number };

/** Common multiple of every month length (28, 29, 30, 31): exact fractions of a month in integers. */
const NENNER = 377_580n;

const istTag = (t: string) => /^\d{4}-\d{2}-\d{2}$/.test(t);

function monatPlus1(monat: string): string {
  const j = Number(monat.slice(0, 4));
  const m = Number(monat.slice(5, 7));
  return m === 12 ? `${j + 1}-01` : `${j}-${String(m + 1).padStart(2, '0')}`;
}

/** Half-up rounding of a non-negative fraction n / NENNER. */
const runde = (n: bigint) => Number((2n * n + NENNER) / (2n * NENNER));

/**
 * The monthly amount `betragJeMonatCent` for every calendar month touched by `von`…`bis` (inclusive), pro rata by
 * days, rounded on the running total so that the months add up exactly to the rounded total.
 */
export function anteileJeMonat(o: { betragJeMonatCent: number; von: string; bis: string }): KostenMonat[] {
  if (!istTag(o.von) || !istTag(o.bis)) throw new RangeError('von/bis müssen Kalenderdaten JJJJ-MM-TT sein');
  if (o.bis < o.von) throw new RangeError('bis liegt vor von');
  if (!Number.isInteger(o.betragJeMonatCent) || o.betragJeMonatCent < 0) throw new RangeError('Betrag muss ganze, nicht negative Cent sein');
  const out: KostenMonat[] = [];
  const betrag = BigInt(o.betragJeMonatCent);
  let summe = 0n;
  let gerundetBisher = 0;
  const letzterMonat = o.bis.slice(0, 7);
  for (let m = o.von.slice(0, 7); m <= letzterMonat; m = monatPlus1(m)) {
    const tage = tageImMonat(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
    const ab = m === o.von.slice(0, 7) ? Number(o.von.slice(8, 10)) : 1;
    const bis = m === letzterMonat ? Number(o.bis.slice(8, 10)) : tage;
    const gedeckt = BigInt(bis - ab + 1);
    summe += (betrag * gedeckt * NENNER) / BigInt(tage);
    const gerundet = runde(summe);
    out.push({ monat: m, betragCent: gerundet - gerundetBisher });
    gerundetBisher = gerundet;
  }
  return out;
}

/** Months summed per Haushaltsjahr (calendar year, § 4 BHO), in ascending order. */
export function jeJahr(monate: readonly KostenMonat[]): KostenJahr[] {
  const m = new Map<number, number>();
  for (const x of monate) {
    const j = Number(x.monat.slice(0, 4));
    m.set(j, (m.get(j) ?? 0) + x.betragCent);
  }
  return [...m].sort((a, b) => a[0] - b[0]).map(([haushaltsjahr, betragCent]) => ({ haushaltsjahr, betragCent }));
}

/**
 * Expected cost of a place (a Teilnahme) per Haushaltsjahr: `pauschal` = the whole amount in the year of the start;
 * `monatlich` = per calendar month pro rata by days, summed per year (see the module comment).
 */
export function kostenJeJahr(o: { kostenJePlatzCent: number; kostenart: KostenartPlatz; von: string; bis: string }): KostenJahr[] {
  if (o.kostenart === 'pauschal') {
    if (!istTag(o.von)) throw new RangeError('von muss ein Kalenderdatum JJJJ-MM-TT sein');
    return o.kostenJePlatzCent > 0 ? [{ haushaltsjahr: Number(o.von.slice(0, 4)), betragCent: o.kostenJePlatzCent }] : [];
  }
  return jeJahr(anteileJeMonat({ betragJeMonatCent: o.kostenJePlatzCent, von: o.von, bis: o.bis })).filter((k) => k.betragCent > 0);
}

/** Sum of a cost split. */
export const summe = (kosten: readonly { betragCent: number }[]) => kosten.reduce((s, k) => s + k.betragCent, 0);

// ---------------------------------------------------------------------------------------------- Förderleistungen

/** Instrument and budget Titel of an individual payment to the person (all three are Bundesmittel, EGT). */
export const FOERDERLEISTUNG_INSTRUMENT: Readonly<Record<FoerderleistungArt, { instrument: Instrument; titel: BudgetTitel; text: string; norm: string }>> = {
  einstiegsgeld_16b: { instrument: 'sgb2_16b_einstiegsgeld', titel: 'egt_bund', text: 'Einstiegsgeld', norm: '§ 16b SGB II' },
  mehraufwand_16d: { instrument: 'sgb2_16d_agh', titel: 'egt_bund', text: 'Mehraufwandsentschädigung', norm: '§ 16d Abs. 7 SGB II' },
  vermittlungsbudget_44: { instrument: 'sgb3_44_vermittlungsbudget', titel: 'egt_bund', text: 'Vermittlungsbudget', norm: '§ 16 Abs. 1 SGB II i. V. m. § 44 SGB III' },
};

/** What a Förderleistung costs per month: a one-off amount in the month of its day, or monthly pro rata. */
export function foerderleistungMonate(
  f: { betragCent: number; einmalig: boolean; gueltigVon: string; gueltigBis: string | null; beendetAm?: string | null },
  /** for a monthly Förderleistung without an end (not created here, but possible in old data): count up to this day */
  offenBis?: string,
): KostenMonat[] {
  // a one-off payment ended before its day (Storno) is not paid
  if (f.einmalig) return f.beendetAm && f.beendetAm < f.gueltigVon ? [] : [{ monat: f.gueltigVon.slice(0, 7), betragCent: f.betragCent }];
  const ende = [f.gueltigBis, f.beendetAm ?? null].filter((x): x is string => !!x).sort()[0] ?? offenBis;
  if (!ende) throw new RangeError('Eine laufende Förderleistung braucht ein Ende');
  if (ende < f.gueltigVon) return [];
  return anteileJeMonat({ betragJeMonatCent: f.betragCent, von: f.gueltigVon, bis: ende }).filter((m) => m.betragCent > 0);
}

/**
 * Months of a Förderleistung that are due in the Zahllauf of `zahlmonat`: like the Regelleistung the run of month M
 * pays the following month in advance (§ 42 Abs. 1 SGB II applied alike) and every earlier month not yet paid.
 */
export function faelligeMonate(monate: readonly KostenMonat[], zahlmonat: string, bezahlt: ReadonlySet<string>): KostenMonat[] {
  const leistungsmonat = monatPlus1(zahlmonat);
  return monate.filter((m) => m.monat <= leistungsmonat && !bezahlt.has(m.monat));
}

// ---------------------------------------------------------------------------------------------- Overview

/** A Mittelbindung with what was paid against it. */
export type Bindung = {
  haushaltsjahr: number;
  titel: BudgetTitel;
  instrument: Instrument;
  standortId: string;
  betragCent: number;
  aufgeloestCent: number;
  ausgezahltCent: number;
};

export type Stand = { gebundenCent: number; ausgezahltCent: number };
/** gebunden = bound − released − paid (what is still committed); ausgezahlt = paid. */
export function stand(bindungen: Iterable<Bindung>): Stand {
  let g = 0;
  let a = 0;
  for (const b of bindungen) {
    g += b.betragCent - b.aufgeloestCent - b.ausgezahltCent;
    a += b.ausgezahltCent;
  }
  return { gebundenCent: g, ausgezahltCent: a };
}

/** frei = Soll − gebunden − ausgezahlt (negative when overcommitted). */
export const frei = (sollCent: number, s: Stand) => sollCent - s.gebundenCent - s.ausgezahltCent;

export type TitelZeile = { haushaltsjahr: number; titel: BudgetTitel; sollCent: number | null; gebundenCent: number; ausgezahltCent: number; freiCent: number | null };
export type GruppenZeile = { haushaltsjahr: number; titel: BudgetTitel; schluessel: string; gebundenCent: number; ausgezahltCent: number };

const titelKey = (j: number, t: string) => `${j}|${t}`;

export type Uebersicht = {
  /** Soll / gebunden / ausgezahlt / frei per year and Titel (frei null when no Soll entered). */
  jeTitel: TitelZeile[];
  jeInstrument: (GruppenZeile & { instrument: Instrument })[];
  jeStandort: (GruppenZeile & { standortId: string })[];
  /** Bindings for years after `jahr` (Verpflichtungen zulasten künftiger Haushaltsjahre), per year and Titel. */
  verpflichtungen: { haushaltsjahr: number; titel: BudgetTitel; gebundenCent: number }[];
};

/**
 * The overview for the years `jahre` (and Verpflichtungen for every year after `jahr`, the current Haushaltsjahr).
 * Soll exists per year and Titel only; the breakdown per instrument and Standort shows what is bound and paid.
 */
export function uebersicht(o: { jahr: number; jahre: readonly number[]; soll: readonly { haushaltsjahr: number; titel: BudgetTitel; sollCent: number }[]; bindungen: readonly Bindung[] }): Uebersicht {
  const gruppe = <K extends string>(key: (b: Bindung) => K) => {
    const m = new Map<string, { b: Bindung; s: Bindung[] }>();
    for (const b of o.bindungen) {
      if (!o.jahre.includes(b.haushaltsjahr)) continue;
      const k = `${b.haushaltsjahr}|${b.titel}|${key(b)}`;
      const e = m.get(k) ?? { b, s: [] };
      e.s.push(b);
      m.set(k, e);
    }
    return [...m.values()].sort((x, y) => x.b.haushaltsjahr - y.b.haushaltsjahr || x.b.titel.localeCompare(y.b.titel) || key(x.b).localeCompare(key(y.b)));
  };
  const titel = new Map<string, TitelZeile>();
  for (const j of o.jahre) {
    for (const s of o.soll.filter((x) => x.haushaltsjahr === j)) {
      titel.set(titelKey(j, s.titel), { haushaltsjahr: j, titel: s.titel, sollCent: s.sollCent, gebundenCent: 0, ausgezahltCent: 0, freiCent: null });
    }
  }
  for (const { b, s } of gruppe(() => '')) {
    const st = stand(s);
    const z = titel.get(titelKey(b.haushaltsjahr, b.titel)) ?? { haushaltsjahr: b.haushaltsjahr, titel: b.titel, sollCent: null, gebundenCent: 0, ausgezahltCent: 0, freiCent: null };
    z.gebundenCent = st.gebundenCent;
    z.ausgezahltCent = st.ausgezahltCent;
    titel.set(titelKey(b.haushaltsjahr, b.titel), z);
  }
  for (const z of titel.values()) z.freiCent = z.sollCent === null ? null : frei(z.sollCent, z);
  const jeInstrument = gruppe((b) => b.instrument).map(({ b, s }) => ({ haushaltsjahr: b.haushaltsjahr, titel: b.titel, schluessel: b.instrument, instrument: b.instrument, ...stand(s) }));
  const jeStandort = gruppe((b) => b.standortId).map(({ b, s }) => ({ haushaltsjahr: b.haushaltsjahr, titel: b.titel, schluessel: b.standortId, standortId: b.standortId, ...stand(s) }));
  const spaeter = new Map<string, { haushaltsjahr: number; titel: BudgetTitel; gebundenCent: number }>();
  for (const b of o.bindungen) {
    if (b.haushaltsjahr <= o.jahr) continue;
    const k = titelKey(b.haushaltsjahr, b.titel);
    const e = spaeter.get(k) ?? { haushaltsjahr: b.haushaltsjahr, titel: b.titel, gebundenCent: 0 };
    e.gebundenCent += b.betragCent - b.aufgeloestCent - b.ausgezahltCent;
    spaeter.set(k, e);
  }
  return {
    jeTitel: [...titel.values()].sort((a, b) => a.haushaltsjahr - b.haushaltsjahr || a.titel.localeCompare(b.titel)),
    jeInstrument,
    jeStandort,
    verpflichtungen: [...spaeter.values()].filter((v) => v.gebundenCent !== 0).sort((a, b) => a.haushaltsjahr - b.haushaltsjahr || a.titel.localeCompare(b.titel)),
  };
}

/** Does a cost split fit the free budget of each year? `freiJeJahr` = Soll − gebunden − ausgezahlt (missing = no Soll = 0). */
export function passtInsBudget(kosten: readonly KostenJahr[], freiJeJahr: ReadonlyMap<number, number>): { passt: boolean; fehlend: { haushaltsjahr: number; freiCent: number; benoetigtCent: number }[] } {
  const fehlend = [];
  for (const k of kosten) {
    if (k.betragCent <= 0) continue;
    const f = freiJeJahr.get(k.haushaltsjahr) ?? 0;
    if (k.betragCent > f) fehlend.push({ haushaltsjahr: k.haushaltsjahr, freiCent: f, benoetigtCent: k.betragCent });
  }
  return { passt: fehlend.length === 0, fehlend };
}

/**
 * What of a binding is released when the cost shrinks to `neuCent` (Austritt before the planned end, a shortened
 * Förderleistung): everything bound beyond the new cost and beyond what was already paid.
 */
export function freizugeben(b: { betragCent: number; aufgeloestCent: number; ausgezahltCent: number }, neuCent: number): number {
  const bleibt = Math.max(neuCent, b.ausgezahltCent);
  return Math.max(0, b.betragCent - b.aufgeloestCent - bleibt);
}

export const TITEL_TEXT: Readonly<Record<BudgetTitel, string>> = {
  egt_bund: 'Eingliederungsleistungen des Bundes (EGT, Kap. 1101 Tit. 685 11)',
  kommunal_16a: 'Kommunale Eingliederungsleistungen (§ 16a SGB II)',
};
/** The funding body of a booking from the Titel: Bund for EGT, Kommune for § 16a. */
export const KOSTENTRAEGER_TITEL: Readonly<Record<BudgetTitel, 'bund' | 'kommune'>> = { egt_bund: 'bund', kommunal_16a: 'kommune' };
