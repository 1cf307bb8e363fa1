/**
 * The § 48a Kennzahlen engine (docs/statistik.md, "Kennzahlen nach § 48a SGB II"; Verordnung zur Festlegung der
 * Kennzahlen nach § 48a SGB II, "KennzV", §§ 4–6). Pure, no IO.
 *
 * One implementation of the counting rules, three steps:
 *  1. `personMonate`: the exchange format (periods per person) → the internal form `PersonMonat` at Stichtag(t) =
 *     last day of t. The live path reads the same form from the snapshots (statistik_personen).
 *  2. `grunddaten(vor, jetzt)`: the counts of month t from the rows of t−1 and t; `kontinuierlich` adds the K2E3 count
 *     once the six following Stichtage are known.
 *  3. `kennzahlenAusGrunddaten`: the quotients of the Bezugsmonat from the Grunddaten of the months it needs
 *     (null where a month, a sum or a denominator is missing).
 * `berechneKennzahlen` = validate + 1 + 2 + 3 for one exchange-format file (`npx vorort kennzahlen`).
 */
import { letzterTag, plusTage, tageZwischen } from '../fallakte/datum.ts';
import { LZB_REGEL } from '../recht/statistik.ts';
import { gueltigAm, RechtsstandFehler } from '../recht/typen.ts';
import {
  KennzahlenFehler,
  kennzahlenFehlerAusZod,
  kennzahlenInputSchema,
  type KennzahlenInput,
  type Periode,
} from './kennzahlen-schema.ts';
import {
  EREIGNIS_BIT,
  INTEGRATION_BITS,
  KENNZAHLEN,
  type Grunddaten,
  type Kennzahl,
  type KennzahlenErgebnis,
  type KennzahlWert,
  type Leistungssummen,
  type PersonMonat,
} from './typen.ts';

export { KennzahlenFehler, type KennzahlenFehlerCode, type KennzahlenInput } from './kennzahlen-schema.ts';

/** "in den vergangenen zwölf Monaten" (§§ 4 Abs. 2 Nr. 3, 4; 5 Abs. 1; 6 Abs. 2 KennzV); also the Vorjahres-Abstand. */
export const KENNZAHLEN_FENSTER_MONATE = 12;
/** K2E3: sv-beschäftigt at the Stichtag of each of the six months after the integration month (KennzV § 5 Abs. 2 Nr. 3 i.d.F. vom 15.3.2019). */
export const K2E3_FOLGEMONATE = 6;

// ------------------------------------------------------------------------------------------ calendar

/** 'YYYY-MM' plus `n` months (negative: back). */
export function plusMonate(monat: string, n: number): string {
  const index = Number(monat.slice(0, 4)) * 12 + Number(monat.slice(5, 7)) - 1 + n;
  const jahr = Math.floor(index / 12);
  return `${String(jahr).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

type Zeitraum = { von: string; bis: string | null };

function enthaelt(perioden: readonly Zeitraum[] | undefined, tag: string): boolean {
  if (perioden === undefined) return false;
  for (const p of perioden) if (p.von <= tag && (p.bis === null || tag <= p.bis)) return true;
  return false;
}

/**
 * Days on which the person was eLb in the LZB window: the `fensterTage` (730) days ending with `stichtag`, both ends
 * included (LZB_REGEL, § 6 KennzV). Overlapping or touching periods count each day once; `bis` null = open.
 */
export function lzbTage(perioden: readonly Zeitraum[], stichtag: string): number {
  const regel = gueltigAm(LZB_REGEL, stichtag, 'die LZB-Regel').wert;
  const fensterVon = plusTage(stichtag, -(regel.fensterTage - 1));
  const teile: [string, string][] = [];
  for (const p of perioden) {
    const von = p.von > fensterVon ? p.von : fensterVon;
    const bis = p.bis === null || p.bis > stichtag ? stichtag : p.bis;
    if (von <= bis) teile.push([von, bis]);
  }
  teile.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let tage = 0;
  let offen: [string, string] | undefined;
  for (const t of teile) {
    if (offen !== undefined && t[0] <= plusTage(offen[1], 1)) {
      if (t[1] > offen[1]) offen[1] = t[1];
    } else {
      if (offen !== undefined) tage += tageZwischen(offen[0], offen[1]) + 1;
      offen = [t[0], t[1]];
    }
  }
  if (offen !== undefined) tage += tageZwischen(offen[0], offen[1]) + 1;
  return tage;
}

/** LZB at the Stichtag: eLb at the Stichtag and eLb on at least `mindestTage` (638) days of the window. */
function istLzbAm(elb: readonly Zeitraum[], stichtag: string): boolean {
  return lzbTage(elb, stichtag) >= gueltigAm(LZB_REGEL, stichtag, 'die LZB-Regel').wert.mindestTage;
}

// ------------------------------------------------------------------------------------------ step 1

/**
 * The exchange format → internal form at Stichtag(monat) = last day of `monat`. One row per person that is eLb, sv,
 * alleinerziehend or in a Maßnahme at the Stichtag or has a job start dated in the month (rows with nothing set are
 * left out: a missing row means "nothing" to every rule). `ereignisse` = EREIGNIS_BIT set of the month's events.
 */
export function personMonate(input: KennzahlenInput, monat: string): PersonMonat[] {
  const stichtag = letzterTag(monat);
  const zeilen: PersonMonat[] = [];
  for (const p of input.personen) {
    const elb = enthaelt(p.elb, stichtag);
    let ereignisse = 0;
    for (const e of p.ereignisse ?? []) if (e.datum.startsWith(monat)) ereignisse |= EREIGNIS_BIT[e.art];
    const zeile: PersonMonat = {
      id: p.id,
      elb,
      lzb: elb && istLzbAm(p.elb, stichtag),
      alleinerziehend: enthaelt(p.alleinerziehend, stichtag),
      sv: enthaelt(p.svBeschaeftigung, stichtag),
      massnahme: enthaelt(p.massnahmen, stichtag),
      ereignisse,
    };
    if (zeile.elb || zeile.alleinerziehend || zeile.sv || zeile.massnahme || zeile.ereignisse !== 0) zeilen.push(zeile);
  }
  return zeilen;
}

// ------------------------------------------------------------------------------------------ step 2

/** Rows by id; a person listed twice (two BGs on one Stichtag) is one person with the flags of both rows. */
function nachId(zeilen: readonly PersonMonat[]): Map<string, PersonMonat> {
  const m = new Map<string, PersonMonat>();
  for (const z of zeilen) {
    const alt = m.get(z.id);
    if (alt === undefined) m.set(z.id, z);
    else {
      m.set(z.id, {
        id: z.id,
        elb: alt.elb || z.elb,
        lzb: alt.lzb || z.lzb,
        alleinerziehend: alt.alleinerziehend || z.alleinerziehend,
        sv: alt.sv || z.sv,
        massnahme: alt.massnahme || z.massnahme,
        ereignisse: alt.ereignisse | z.ereignisse,
      });
    }
  }
  return m;
}

const inB = (z: PersonMonat | undefined): boolean => z !== undefined && z.elb;
const inL = (z: PersonMonat | undefined): boolean => z !== undefined && z.elb && z.lzb;
const inBAlleinerziehend = (z: PersonMonat | undefined): boolean => z !== undefined && z.elb && z.alleinerziehend;

/**
 * A job start in month t counts (as Integration, Minijob or öffentlich geförderte Beschäftigung) for a person in
 * B(t−1) or B(t) – the stock at the previous Stichtag, extended by one month for entrants (§ 5 KennzV; BA method).
 */
const ereignisZaehlt = (vor: PersonMonat | undefined, jetzt: PersonMonat): boolean => inB(vor) || inB(jetzt);

/**
 * Grunddaten of month t from the rows at Stichtag(t−1) (`vor`) and Stichtag(t) (`jetzt`). Job starts are read from
 * `jetzt` (the events dated in t), at most one of each kind per person. `svbKontinuierlich` is null here
 * (see `kontinuierlich`).
 */
export function grunddaten(vor: readonly PersonMonat[], jetzt: readonly PersonMonat[]): Grunddaten {
  const v = nachId(vor);
  const j = nachId(jetzt);
  const g: Grunddaten = {
    bestand: 0,
    lzb: 0,
    bestandAlleinerziehend: 0,
    zugaenge: 0,
    abgaenge: 0,
    bestandVormonat: 0,
    lzbZugaenge: 0,
    lzbAbgaenge: 0,
    lzbVormonat: 0,
    integrationen: 0,
    minijob: 0,
    oeffentlichGefoerdert: 0,
    integrationenAlleinerziehend: 0,
    integrationenLzb: 0,
    svbIntegrationen: 0,
    svbKontinuierlich: null,
    lzbMassnahme: 0,
  };
  for (const [id, z] of j) {
    const alt = v.get(id);
    if (inB(z)) {
      g.bestand++;
      if (!inB(alt)) g.zugaenge++;
      if (z.alleinerziehend) g.bestandAlleinerziehend++;
    }
    if (inL(z)) {
      g.lzb++;
      if (!inL(alt)) g.lzbZugaenge++;
      if (z.massnahme) g.lzbMassnahme++;
    }
    if (z.ereignisse !== 0 && ereignisZaehlt(alt, z)) {
      if ((z.ereignisse & INTEGRATION_BITS) !== 0) {
        g.integrationen++;
        if (inBAlleinerziehend(alt) || inBAlleinerziehend(z)) g.integrationenAlleinerziehend++;
        if (inL(alt) || inL(z)) g.integrationenLzb++;
        if ((z.ereignisse & EREIGNIS_BIT.svb) !== 0) g.svbIntegrationen++;
      }
      if ((z.ereignisse & EREIGNIS_BIT.minijob) !== 0) g.minijob++;
      if ((z.ereignisse & EREIGNIS_BIT.oeffentlich_gefoerdert) !== 0) g.oeffentlichGefoerdert++;
    }
  }
  for (const [id, z] of v) {
    const neu = j.get(id);
    if (inB(z)) {
      g.bestandVormonat++;
      if (!inB(neu)) g.abgaenge++;
    }
    if (inL(z)) {
      g.lzbVormonat++;
      if (!inL(neu)) g.lzbAbgaenge++;
    }
  }
  return g;
}

/**
 * K2E3 count of integration month t: of the svb-Integrationen of t (svb start in t of a person in B(t−1) or B(t) –
 * the same persons as `Grunddaten.svbIntegrationen`), those in sv-Beschäftigung at each of the six following
 * Stichtage (`folgende[0..5]` = rows of t+1 … t+6). null when fewer than six following months are known.
 * `vormonat` = rows of t−1: pass them, otherwise a person who left B in the month of the take-up is not counted
 * (without them only persons in B(t) can be told apart from persons never in the stock).
 */
export function kontinuierlich(
  integrationsmonat: readonly PersonMonat[],
  folgende: readonly (readonly PersonMonat[])[],
  vormonat: readonly PersonMonat[] = [],
): number | null {
  if (folgende.length < K2E3_FOLGEMONATE) return null;
  const svSets = folgende.slice(0, K2E3_FOLGEMONATE).map((zeilen) => {
    const s = new Set<string>();
    for (const z of zeilen) if (z.sv) s.add(z.id);
    return s;
  });
  const v = nachId(vormonat);
  let n = 0;
  for (const [id, z] of nachId(integrationsmonat)) {
    if ((z.ereignisse & INTEGRATION_BITS) === 0 || (z.ereignisse & EREIGNIS_BIT.svb) === 0) continue;
    if (!ereignisZaehlt(v.get(id), z)) continue;
    if (svSets.every((s) => s.has(id))) n++;
  }
  return n;
}

// ------------------------------------------------------------------------------------------ step 3

/**
 * value num/den (already in tenths of a percent) rounded half away from zero ("kaufmännisch") to whole tenths,
 * computed on integers (BigInt) so that no floating-point error decides a rounding.
 */
function zehntel(num: bigint, den: bigint): number {
  const negativ = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (2n * a + b) / (2n * b);
  if (q === 0n) return 0;
  return Number(negativ ? -q : q) / 10;
}

const ganz = (x: number): bigint => BigInt(Math.round(x));

/** Veränderungsrate (zaehler / nenner − 1) × 100; null for nenner 0. */
function veraenderung(zaehler: number, nenner: number): KennzahlWert {
  if (nenner === 0) return null;
  return { wert: zehntel((ganz(zaehler) - ganz(nenner)) * 1000n, ganz(nenner)), zaehler, nenner };
}

/** Quote zaehler / nenner × 100; null for nenner 0. */
function quote(zaehler: number, nenner: number): KennzahlWert {
  if (nenner === 0) return null;
  return { wert: zehntel(ganz(zaehler) * 1000n, ganz(nenner)), zaehler, nenner };
}

/** Sum over 12 months / average stock of 12 months (nenner = Σ stock / 12, exact, may be fractional). */
function quoteDurchschnitt(zaehler: number, summeBestand: number): KennzahlWert {
  if (summeBestand === 0) return null;
  const monate = BigInt(KENNZAHLEN_FENSTER_MONATE);
  return { wert: zehntel(ganz(zaehler) * monate * 1000n, ganz(summeBestand)), zaehler, nenner: summeBestand / KENNZAHLEN_FENSTER_MONATE };
}

function summe(liste: readonly Grunddaten[], feld: (g: Grunddaten) => number): number {
  let s = 0;
  for (const g of liste) s += feld(g);
  return s;
}

/**
 * The 15 Kennzahlen of `bezugsmonat` m from the Grunddaten of months m−12 … m and the Leistungssummen (in CENTS) of
 * m and m−12. Windows: rates over t = m−11 … m; the K2 family: events of t = m−11 … m over the average stock of
 * t = m−12 … m−1. A Kennzahl is null when one of its months' Grunddaten is undefined, a sum is missing, a
 * svbKontinuierlich of its window is null, or its denominator is 0. zaehler/nenner are the exact figures used
 * (K1/K1E1 in the unit of `leistungen`).
 */
export function kennzahlenAusGrunddaten(
  bezugsmonat: string,
  gd: (monat: string) => Grunddaten | undefined,
  leistungen: (monat: string) => Leistungssummen | undefined,
): KennzahlenErgebnis {
  const n = KENNZAHLEN_FENSTER_MONATE;
  const vorjahr = plusMonate(bezugsmonat, -n);
  const reihe = (von: number, bis: number): Grunddaten[] | null => {
    const r: Grunddaten[] = [];
    for (let k = von; k <= bis; k++) {
      const g = gd(plusMonate(bezugsmonat, k));
      if (g === undefined) return null;
      r.push(g);
    }
    return r;
  };
  const jetzt = gd(bezugsmonat);
  const vorher = gd(vorjahr);
  const fenster = reihe(-(n - 1), 0); // t = m−11 … m
  const nennerFenster = reihe(-n, -1); // t = m−12 … m−1
  const lJetzt = leistungen(bezugsmonat);
  const lVorher = leistungen(vorjahr);

  const rate = (z: (g: Grunddaten) => number, nn: (g: Grunddaten) => number): KennzahlWert =>
    fenster === null ? null : quote(summe(fenster, z), summe(fenster, nn));
  const integrationsquote = (z: (g: Grunddaten) => number, bestand: (g: Grunddaten) => number): KennzahlWert =>
    fenster === null || nennerFenster === null ? null : quoteDurchschnitt(summe(fenster, z), summe(nennerFenster, bestand));

  const k2e3 = (): KennzahlWert => {
    if (fenster === null) return null;
    let zaehler = 0;
    for (const g of fenster) {
      if (g.svbKontinuierlich === null) return null;
      zaehler += g.svbKontinuierlich;
    }
    return quote(zaehler, summe(fenster, (g) => g.svbIntegrationen));
  };

  const kennzahlen: Record<Kennzahl, KennzahlWert> = {
    K1: lJetzt === undefined || lVorher === undefined ? null : veraenderung(lJetzt.llu, lVorher.llu),
    K1E1: lJetzt === undefined || lVorher === undefined ? null : veraenderung(lJetzt.luh, lVorher.luh),
    K1E2: jetzt === undefined || vorher === undefined ? null : veraenderung(jetzt.bestand, vorher.bestand),
    K1E3: rate((g) => g.zugaenge, (g) => g.bestand),
    K1E4: rate((g) => g.abgaenge, (g) => g.bestandVormonat),
    K2: integrationsquote((g) => g.integrationen, (g) => g.bestand),
    K2E1: integrationsquote((g) => g.minijob, (g) => g.bestand),
    K2E2: integrationsquote((g) => g.oeffentlichGefoerdert, (g) => g.bestand),
    K2E3: k2e3(),
    K2E4: integrationsquote((g) => g.integrationenAlleinerziehend, (g) => g.bestandAlleinerziehend),
    K3: jetzt === undefined || vorher === undefined ? null : veraenderung(jetzt.lzb, vorher.lzb),
    K3E1: integrationsquote((g) => g.integrationenLzb, (g) => g.lzb),
    K3E2: jetzt === undefined ? null : quote(jetzt.lzbMassnahme, jetzt.lzb),
    K3E3: rate((g) => g.lzbZugaenge, (g) => g.lzb),
    K3E4: rate((g) => g.lzbAbgaenge, (g) => g.lzbVormonat),
  };
  return { version: 1, bezugsmonat, kennzahlen };
}

// ------------------------------------------------------------------------------------------ exchange format

function pruefePerioden(perioden: readonly Periode[] | undefined, pfad: string): void {
  if (perioden === undefined) return;
  perioden.forEach((p, i) => {
    if (p.bis !== null && p.bis < p.von) {
      throw new KennzahlenFehler('periode_ungueltig', `${pfad}[${i}].bis`, `${pfad}[${i}]: Das Ende (${p.bis}) liegt vor dem Beginn (${p.von}).`);
    }
  });
}

/** Validates the exchange format (schema and facts); returns the typed input or throws KennzahlenFehler. */
export function pruefeKennzahlenInput(input: unknown): KennzahlenInput {
  const r = kennzahlenInputSchema.safeParse(input);
  if (!r.success) throw kennzahlenFehlerAusZod(r.error, input);
  const ids = new Set<string>();
  r.data.personen.forEach((p, i) => {
    if (ids.has(p.id)) throw new KennzahlenFehler('id_doppelt', `personen[${i}].id`, `Die id "${p.id}" kommt mehrfach vor; jede Person darf nur einmal aufgeführt werden.`);
    ids.add(p.id);
    pruefePerioden(p.elb, `personen[${i}].elb`);
    pruefePerioden(p.alleinerziehend, `personen[${i}].alleinerziehend`);
    pruefePerioden(p.svBeschaeftigung, `personen[${i}].svBeschaeftigung`);
    pruefePerioden(p.massnahmen, `personen[${i}].massnahmen`);
  });
  const monate = new Set<string>();
  r.data.leistungen.forEach((l, i) => {
    if (monate.has(l.monat)) throw new KennzahlenFehler('monat_doppelt', `leistungen[${i}].monat`, `Für den Monat ${l.monat} sind die Leistungssummen mehrfach angegeben.`);
    monate.add(l.monat);
  });
  return r.data;
}

const inEuro = (w: KennzahlWert): KennzahlWert => (w === null ? null : { wert: w.wert, zaehler: w.zaehler / 100, nenner: w.nenner / 100 });

/** Euros with at most two decimals (validated) → integer cents. */
const cent = (euro: number): number => Math.round(euro * 100);

/**
 * Validates and computes the Kennzahlen of one exchange-format file (version 1). Builds the rows of months
 * m−13 … m+6 (m+1 … m+6 for K2E3: the sv periods of the file are taken as known facts also after the Bezugsmonat),
 * the Grunddaten of m−12 … m and the quotients. K1/K1E1 zaehler/nenner are returned in euros, like the input.
 */
export function berechneKennzahlen(input: unknown): KennzahlenErgebnis {
  const daten = pruefeKennzahlenInput(input);
  const m = daten.bezugsmonat;
  const n = KENNZAHLEN_FENSTER_MONATE;
  const zeilen = new Map<string, PersonMonat[]>();
  try {
    // the rule must cover every Stichtag used, even when no person is eLb on the first one
    gueltigAm(LZB_REGEL, letzterTag(plusMonate(m, -(n + 1))), 'die LZB-Regel');
    for (let k = -(n + 1); k <= K2E3_FOLGEMONATE; k++) {
      const monat = plusMonate(m, k);
      zeilen.set(monat, personMonate(daten, monat));
    }
  } catch (e) {
    if (e instanceof RechtsstandFehler) {
      throw new KennzahlenFehler(
        'ausserhalb_rechtsstand',
        'bezugsmonat',
        `Für den Stichtag ${e.datum} ist keine LZB-Regel hinterlegt; der Bezugsmonat ${m} braucht die Stichtage ab ${letzterTag(plusMonate(m, -(n + 1)))}.`,
      );
    }
    throw e;
  }
  const zeilenVon = (monat: string): PersonMonat[] => zeilen.get(monat) ?? [];
  const gd = new Map<string, Grunddaten>();
  for (let k = -n; k <= 0; k++) {
    const t = plusMonate(m, k);
    const vor = zeilenVon(plusMonate(t, -1));
    const jetzt = zeilenVon(t);
    const folgende: PersonMonat[][] = [];
    for (let f = 1; f <= K2E3_FOLGEMONATE; f++) folgende.push(zeilenVon(plusMonate(t, f)));
    gd.set(t, { ...grunddaten(vor, jetzt), svbKontinuierlich: kontinuierlich(jetzt, folgende, vor) });
  }
  const summen = new Map<string, Leistungssummen>();
  for (const l of daten.leistungen) summen.set(l.monat, { llu: cent(l.llu), luh: cent(l.luh) });

  const e = kennzahlenAusGrunddaten(m, (monat) => gd.get(monat), (monat) => summen.get(monat));
  const kennzahlen = {} as Record<Kennzahl, KennzahlWert>;
  for (const k of KENNZAHLEN) kennzahlen[k] = k === 'K1' || k === 'K1E1' ? inEuro(e.kennzahlen[k]) : e.kennzahlen[k];
  return { version: 1, bezugsmonat: m, kennzahlen };
}

// ------------------------------------------------------------------------------------------ texts

/** Which direction is better when ranking (§ 48a comparison): K1 and K3 lower, K2 higher; Ergänzungsgrößen by sense. */
export const KENNZAHL_RICHTUNG: Readonly<Record<Kennzahl, 'niedriger_besser' | 'hoeher_besser'>> = {
  K1: 'niedriger_besser',
  K1E1: 'niedriger_besser',
  K1E2: 'niedriger_besser',
  K1E3: 'niedriger_besser',
  K1E4: 'hoeher_besser',
  K2: 'hoeher_besser',
  K2E1: 'hoeher_besser',
  K2E2: 'hoeher_besser',
  K2E3: 'hoeher_besser',
  K2E4: 'hoeher_besser',
  K3: 'niedriger_besser',
  K3E1: 'hoeher_besser',
  K3E2: 'hoeher_besser',
  K3E3: 'niedriger_besser',
  K3E4: 'hoeher_besser',
};

/** the LZB rule in force now, for the texts only (the computation takes the rule valid at each Stichtag) */
const LZB_TEXT = LZB_REGEL.reduce((a, b) => (b.gueltigAb > a.gueltigAb ? b : a)).wert;

export type KennzahlText = { name: string; zaehler: string; nenner: string; norm: string };

/** Name, Zähler, Nenner and norm of every Kennzahl, as vorort computes it (German, for pages and exports). */
export const KENNZAHL_TEXT: Readonly<Record<Kennzahl, KennzahlText>> = {
  K1: {
    name: 'Veränderung der Summe der Leistungen zum Lebensunterhalt (ohne Leistungen für Unterkunft und Heizung)',
    zaehler: 'Summe der Leistungen zum Lebensunterhalt (§§ 20, 21, 23, 24 Abs. 1 SGB II, Leistungsanspruch) im Bezugsmonat',
    nenner: 'dieselbe Summe im Bezugsmonat des Vorjahres; Veränderungsrate (Zähler / Nenner − 1) × 100',
    norm: '§ 4 Abs. 1 KennzV (§ 48a SGB II)',
  },
  K1E1: {
    name: 'Veränderung der Summe der Leistungen für Unterkunft und Heizung',
    zaehler: 'Summe der Leistungen für Unterkunft und Heizung (§ 22 SGB II, Leistungsanspruch) im Bezugsmonat',
    nenner: 'dieselbe Summe im Bezugsmonat des Vorjahres; Veränderungsrate',
    norm: '§ 4 Abs. 2 Nr. 1 KennzV',
  },
  K1E2: {
    name: 'Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten',
    zaehler: 'erwerbsfähige Leistungsberechtigte am Stichtag des Bezugsmonats',
    nenner: 'erwerbsfähige Leistungsberechtigte am Stichtag des Vorjahresmonats; Veränderungsrate',
    norm: '§ 4 Abs. 2 Nr. 2 KennzV',
  },
  K1E3: {
    name: 'Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten',
    zaehler: 'Summe der Zugänge (am Stichtag eLb, am vorigen Stichtag nicht) der letzten zwölf Monate',
    nenner: 'Summe der eLb-Bestände an den Stichtagen derselben zwölf Monate (bestandsgewichteter Durchschnitt)',
    norm: '§ 4 Abs. 2 Nr. 3 KennzV',
  },
  K1E4: {
    name: 'Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten',
    zaehler: 'Summe der Abgänge (am vorigen Stichtag eLb, am Stichtag nicht) der letzten zwölf Monate',
    nenner: 'Summe der eLb-Bestände am jeweiligen Vormonats-Stichtag',
    norm: '§ 4 Abs. 2 Nr. 4 KennzV',
  },
  K2: {
    name: 'Integrationsquote',
    zaehler:
      'Summe der Integrationen (Aufnahme sozialversicherungspflichtiger Beschäftigung, voll qualifizierender Ausbildung oder selbständiger Tätigkeit; höchstens eine je Person und Monat; Person am vorigen oder am Stichtag des Monats eLb) der letzten zwölf Monate',
    nenner: 'durchschnittlicher eLb-Bestand der zwölf Monate davor (Vormonat bis 13 Monate zurück)',
    norm: '§ 5 Abs. 1 KennzV',
  },
  K2E1: {
    name: 'Quote der Eintritte in geringfügige Beschäftigung',
    zaehler: 'Summe der Eintritte in geringfügige Beschäftigung (Minijobs) der letzten zwölf Monate, gezählt wie Integrationen',
    nenner: 'durchschnittlicher eLb-Bestand wie bei K2',
    norm: '§ 5 Abs. 2 Nr. 1 KennzV',
  },
  K2E2: {
    name: 'Quote der Eintritte in öffentlich geförderte Beschäftigung',
    zaehler: 'Summe der Eintritte in öffentlich geförderte Beschäftigung (§§ 16d, 16i SGB II) der letzten zwölf Monate, gezählt wie Integrationen',
    nenner: 'durchschnittlicher eLb-Bestand wie bei K2',
    norm: '§ 5 Abs. 2 Nr. 2 KennzV, § 2 Abs. 2 Nr. 3 KennzV',
  },
  K2E3: {
    name: 'Kontinuierliche Beschäftigung nach Integration',
    zaehler: 'Integrationen in sozialversicherungspflichtige Beschäftigung der letzten zwölf Monate, deren Person an den Stichtagen aller sechs folgenden Monate sozialversicherungspflichtig beschäftigt war',
    nenner: 'Integrationen in sozialversicherungspflichtige Beschäftigung der letzten zwölf Monate',
    norm: '§ 5 Abs. 2 Nr. 3 KennzV (Fassung vom 15.3.2019)',
  },
  K2E4: {
    name: 'Integrationsquote der Alleinerziehenden',
    zaehler: 'Integrationen von Personen, die am vorigen oder am Stichtag des Monats alleinerziehende eLb waren, der letzten zwölf Monate',
    nenner: 'durchschnittliche Zahl alleinerziehender eLb der zwölf Monate davor',
    norm: '§ 5 Abs. 2 Nr. 4 KennzV',
  },
  K3: {
    name: 'Veränderung des Bestands an Langzeitleistungsbeziehenden',
    zaehler: `Langzeitleistungsbeziehende (eLb am Stichtag und an mindestens ${LZB_TEXT.mindestTage} der ${LZB_TEXT.fensterTage} Tage bis zum Stichtag) im Bezugsmonat`,
    nenner: 'Langzeitleistungsbeziehende im Bezugsmonat des Vorjahres; Veränderungsrate',
    norm: '§ 6 Abs. 1 KennzV',
  },
  K3E1: {
    name: 'Integrationsquote der Langzeitleistungsbeziehenden',
    zaehler: 'Integrationen von Personen, die am vorigen oder am Stichtag des Monats Langzeitleistungsbeziehende waren, der letzten zwölf Monate',
    nenner: 'durchschnittlicher Bestand an Langzeitleistungsbeziehenden der zwölf Monate davor',
    norm: '§ 6 Abs. 2 Nr. 1 KennzV',
  },
  K3E2: {
    name: 'Aktivierungsquote der Langzeitleistungsbeziehenden',
    zaehler: 'Langzeitleistungsbeziehende, die am Stichtag des Bezugsmonats in einer Maßnahme der aktiven Arbeitsförderung sind',
    nenner: 'Langzeitleistungsbeziehende am Stichtag des Bezugsmonats',
    norm: '§ 6 Abs. 2 Nr. 2 KennzV, § 2 Abs. 2 Nr. 1 KennzV',
  },
  K3E3: {
    name: 'Durchschnittliche Zugangsrate der Langzeitleistungsbeziehenden',
    zaehler: 'Summe der Zugänge in den LZB-Bestand der letzten zwölf Monate',
    nenner: 'Summe der LZB-Bestände an den Stichtagen derselben zwölf Monate',
    norm: '§ 6 Abs. 2 Nr. 3 KennzV',
  },
  K3E4: {
    name: 'Durchschnittliche Abgangsrate der Langzeitleistungsbeziehenden',
    zaehler: 'Summe der Abgänge aus dem LZB-Bestand der letzten zwölf Monate',
    nenner: 'Summe der LZB-Bestände am jeweiligen Vormonats-Stichtag',
    norm: '§ 6 Abs. 2 Nr. 4 KennzV',
  },
};
