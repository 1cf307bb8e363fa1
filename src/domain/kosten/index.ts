/**
 * Booking of payments by cost type (Kostenart) and funding body.
 *
 *  - 'lebensunterhalt': Regelbedarf und Mehrbedarfe (§§ 20, 21, 23 SGB II) – Bund (§ 6 Abs. 1 S. 1 Nr. 1, § 46 Abs. 1)
 *  - 'unterkunft': Unterkunft und Heizung (§ 22 SGB II) – kommunaler Träger (§ 6 Abs. 1 S. 1 Nr. 2), attributed to
 *    the Kommune of the address
 *  - 'sofortzuschlag': Kindersofortzuschlag (§ 72 SGB II) – Bund
 *  - 'einmalig': einmalige Leistungen (e.g. § 24 Abs. 3) – the funding body is given with the booking
 *    (Erstausstattungen nach § 24 Abs. 3 S. 1 Nr. 1 und 2 are kommunal, § 6 Abs. 1 S. 1 Nr. 2)
 *  - 'eingliederung': individual Leistungen zur Eingliederung in Arbeit paid to the person (Einstiegsgeld § 16b,
 *    Mehraufwandsentschädigung § 16d, Vermittlungsbudget § 44 SGB III) – from the Eingliederungsbudget, Bund (EGT)
 *    or kommunal (§ 16a) by the budget Titel; never Regelbedarf (src/domain/foerdern/budget.ts)
 *
 * § 19 Abs. 3 S. 2 SGB II: income covers Regel- and Mehrbedarfe first, then Unterkunft und Heizung. So of each
 * person's entitlement the part up to the person's Kopfteil of Unterkunft und Heizung is KdU, the rest
 * Lebensunterhalt: kdu_i = min(anspruch_i, unterkunft_i). Minderungen never touch the KdU (§ 31a, as the engine).
 * All amounts are integer cents, and the parts add up exactly to the payment.
 */
import { cent } from '../berechnung/geld.ts';
import type { BerechnungErgebnis } from '../berechnung/schema.ts';
import { NORM_EINKOMMENSREIHENFOLGE } from '../recht/verfahren.ts';

export const KOSTENARTEN = ['lebensunterhalt', 'unterkunft', 'sofortzuschlag', 'einmalig', 'eingliederung'] as const;
export type Kostenart = (typeof KOSTENARTEN)[number];
export type Kostentraeger = 'bund' | 'kommune';

export const KOSTENART_TEXT: Readonly<Record<Kostenart, string>> = {
  lebensunterhalt: 'Regelbedarf und Mehrbedarfe',
  unterkunft: 'Kosten der Unterkunft und Heizung',
  sofortzuschlag: 'Kindersofortzuschlag',
  einmalig: 'Einmalige Leistungen',
  eingliederung: 'Leistungen zur Eingliederung in Arbeit (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget)',
};

export const KOSTENART_NORM: Readonly<Record<Kostenart, string>> = {
  lebensunterhalt: '§§ 20, 21, 23 SGB II',
  unterkunft: '§ 22 SGB II',
  sofortzuschlag: '§ 72 SGB II',
  einmalig: '§ 24 Abs. 3 SGB II',
  eingliederung: '§§ 16, 16b, 16d SGB II',
};

/** One cost line of a payment. `kommuneId` is set for kommunal costs (KdU, kommunal einmalige Leistungen). */
export type Kostenanteil = {
  kostenart: Kostenart;
  traeger: Kostentraeger;
  kommuneId: string | null;
  betragCent: number;
};

export type PersonKosten = { id: string; lebensunterhaltCent: number; unterkunftCent: number; sofortzuschlagCent: number };

export type Kostenaufteilung = {
  anteile: Kostenanteil[];
  personen: PersonKosten[];
  summeCent: number;
  norm: string;
};

/** Splits one month's engine result of a BG by cost type (§ 19 Abs. 3 S. 2). Sum = `auszahlung` exactly. */
export function kostenaufteilung(ergebnis: BerechnungErgebnis, kommuneId: string): Kostenaufteilung {
  let lu = 0;
  let kdu = 0;
  let sz = 0;
  const personen: PersonKosten[] = [];
  for (const p of ergebnis.personen) {
    const anspruch = cent(p.anspruch);
    const kopfteil = cent(p.unterkunft);
    const k = Math.min(anspruch, kopfteil);
    const s = cent(p.sofortzuschlag);
    personen.push({ id: p.id, lebensunterhaltCent: anspruch - k, unterkunftCent: k, sofortzuschlagCent: s });
    lu += anspruch - k;
    kdu += k;
    sz += s;
  }
  const anteile: Kostenanteil[] = [];
  if (lu > 0) anteile.push({ kostenart: 'lebensunterhalt', traeger: 'bund', kommuneId: null, betragCent: lu });
  if (kdu > 0) anteile.push({ kostenart: 'unterkunft', traeger: 'kommune', kommuneId, betragCent: kdu });
  if (sz > 0) anteile.push({ kostenart: 'sofortzuschlag', traeger: 'bund', kommuneId: null, betragCent: sz });
  return { anteile, personen, summeCent: lu + kdu + sz, norm: NORM_EINKOMMENSREIHENFOLGE };
}

/**
 * Splits a difference (Nachzahlung) between two cost splits of the same month: per cost line new − old, only the
 * positive parts, scaled down so that they add up exactly to `betragCent` (largest remainder).
 */
export function kostenDerDifferenz(alt: readonly Kostenanteil[], neu: readonly Kostenanteil[], betragCent: number): Kostenanteil[] {
  const key = (a: Kostenanteil) => `${a.kostenart}|${a.traeger}|${a.kommuneId ?? ''}`;
  const diff = new Map<string, { a: Kostenanteil; d: number }>();
  for (const a of neu) diff.set(key(a), { a, d: (diff.get(key(a))?.d ?? 0) + a.betragCent });
  for (const a of alt) {
    const e = diff.get(key(a));
    if (e) e.d -= a.betragCent;
    else diff.set(key(a), { a, d: -a.betragCent });
  }
  const positiv = [...diff.values()].filter((e) => e.d > 0);
  let summe = 0;
  for (const e of positiv) summe += e.d;
  if (summe === 0 || betragCent <= 0) return [];
  if (summe === betragCent) return positiv.map((e) => ({ ...e.a, betragCent: e.d }));
  // scale to betragCent with exact cents
  const teile = positiv.map((e) => Math.floor((e.d * betragCent) / summe));
  let rest = betragCent - teile.reduce((s, t) => s + t, 0);
  const reste = positiv.map((e, i) => ({ i, r: (e.d * betragCent) % summe })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of reste) {
    if (rest <= 0) break;
    teile[i] = (teile[i] as number) + 1;
    rest--;
  }
  return positiv.map((e, i) => ({ ...e.a, betragCent: teile[i] as number })).filter((a) => a.betragCent > 0);
}

/** A booked payment line (what the Zahllauf records). `monat` = Leistungsmonat, `gebuchtAm` = booking/payment month. */
export type Buchung = {
  bgId: string;
  /** month the payment belongs to ('YYYY-MM') */
  leistungsmonat: string;
  /** month in which the money went out ('YYYY-MM'); reports of expenditure use this month */
  zahlmonat: string;
  kostenart: Kostenart;
  traeger: Kostentraeger;
  kommuneId: string | null;
  /** negative for recovered overpayments, if the caller books them */
  betragCent: number;
};

export type Kostenbericht = {
  von: string;
  bis: string;
  gesamtCent: number;
  bundCent: number;
  kommunalCent: number;
  jeKostenart: Record<Kostenart, number>;
  /** KdU (kostenart 'unterkunft') per Kommune */
  unterkunftJeKommune: { kommuneId: string; betragCent: number }[];
  /** KdU of the whole Kreis (all Kommunen) */
  unterkunftKreisCent: number;
  /** einmalige and other kommunal costs per Kommune (all kommunal cost types) */
  kommunalJeKommune: { kommuneId: string; betragCent: number }[];
  anzahlBedarfsgemeinschaften: number;
};

function liste(m: Map<string, number>): { kommuneId: string; betragCent: number }[] {
  return [...m].map(([kommuneId, betragCent]) => ({ kommuneId, betragCent })).sort((a, b) => (a.kommuneId < b.kommuneId ? -1 : a.kommuneId > b.kommuneId ? 1 : 0));
}

function leer(): Record<Kostenart, number> {
  return { lebensunterhalt: 0, unterkunft: 0, sofortzuschlag: 0, einmalig: 0, eingliederung: 0 };
}

/**
 * Aggregates bookings whose `zahlmonat` (or `leistungsmonat` with `nach: 'leistungsmonat'`) lies in [von, bis].
 */
export function kostenbericht(
  buchungen: Iterable<Buchung>,
  von: string,
  bis: string,
  optionen: { nach?: 'zahlmonat' | 'leistungsmonat' } = {},
): Kostenbericht {
  const feld = optionen.nach ?? 'zahlmonat';
  const je = leer();
  const kdu = new Map<string, number>();
  const kommunal = new Map<string, number>();
  const bgs = new Set<string>();
  let bund = 0;
  let kom = 0;
  for (const b of buchungen) {
    const m = b[feld];
    if (m < von || m > bis) continue;
    je[b.kostenart] += b.betragCent;
    if (b.traeger === 'bund') bund += b.betragCent;
    else {
      kom += b.betragCent;
      const k = b.kommuneId ?? '';
      kommunal.set(k, (kommunal.get(k) ?? 0) + b.betragCent);
      if (b.kostenart === 'unterkunft') kdu.set(k, (kdu.get(k) ?? 0) + b.betragCent);
    }
    bgs.add(b.bgId);
  }
  return {
    von,
    bis,
    gesamtCent: bund + kom,
    bundCent: bund,
    kommunalCent: kom,
    jeKostenart: je,
    unterkunftJeKommune: liste(kdu),
    unterkunftKreisCent: je.unterkunft,
    kommunalJeKommune: liste(kommunal),
    anzahlBedarfsgemeinschaften: bgs.size,
  };
}

/** The month's report. */
export function kostenImMonat(buchungen: Iterable<Buchung>, monat: string, optionen: { nach?: 'zahlmonat' | 'leistungsmonat' } = {}): Kostenbericht {
  return kostenbericht(buchungen, monat, monat, optionen);
}

/** Year to date: January of the month's year up to and including the month. */
export function kostenBisMonat(buchungen: Iterable<Buchung>, monat: string, optionen: { nach?: 'zahlmonat' | 'leistungsmonat' } = {}): Kostenbericht {
  return kostenbericht(buchungen, `${monat.slice(0, 4)}-01`, monat, optionen);
}

/** One report per month from `von` to `bis` (for monthly tables), computed in one pass. */
export function kostenJeMonat(buchungen: Iterable<Buchung>, monate: readonly string[], optionen: { nach?: 'zahlmonat' | 'leistungsmonat' } = {}): Kostenbericht[] {
  const feld = optionen.nach ?? 'zahlmonat';
  const gruppen = new Map<string, Buchung[]>(monate.map((m) => [m, []]));
  for (const b of buchungen) gruppen.get(b[feld])?.push(b);
  return monate.map((m) => kostenbericht(gruppen.get(m) ?? [], m, m, optionen));
}
