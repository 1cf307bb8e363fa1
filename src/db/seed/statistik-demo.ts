import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Database, Tx } from '../client.ts';
import { bewilligungRepository } from '../repositories/bewilligung.ts';
import { fallRepository } from '../repositories/fall.ts';
import { antraege, arbeitsmarktstatus, bedarfsgemeinschaften, integrationen, kommunen, massnahmeKontingente, massnahmen, massnahmeTeilnahmen, standorte, traeger, users } from '../schema/index.ts';
import { berechneValidiert, pruefe, type BerechnungErgebnis } from '../../domain/berechnung/index.ts';
import { letzterTag, monatPlus, monatsErgebnis, zeitraumAusMonaten, type MonatsErgebnis } from '../../domain/bewilligung/index.ts';
import { faktenAusErstantrag, fallakteZuBerechnungInput, zustandFuerMonat, type ErstantragDaten, type FallakteDaten, type PersonDaten } from '../../domain/fallakte/index.ts';
import { einkommenAb } from '../../domain/foerdern/integration.ts';
import type { Arbeitsmarktstatus, Austrittsgrund, Instrument, Integrationsart, StatusGrund } from '../../domain/foerdern/typen.ts';
import { kostenaufteilung } from '../../domain/kosten/index.ts';

/**
 * Statistik-Demo (docs/statistik.md "Demo-Daten und Benchmark"): fills a Träger (default the demo Träger "musterland")
 * with a Kreis-sized history – by default 8,000 Bedarfsgemeinschaften over 36 months – so that the Monatsbericht,
 * the § 48a Kennzahlen and the Vergleich show plausible figures computed from real data. Everything is invented.
 *
 * The history is simulated first (pure, seeded PRNG: the same options give the same data), then written through the
 * same tables and repositories as real work: Fallakten from an Erstantrag (faktenAusErstantrag), Bewilligungen of
 * 12 months with every month computed by the benefit engine (one engine run per BG and distinct input – a month whose
 * input, ages and calendar year equal an earlier month's reuses that result), Erstanträge of the new cases,
 * Arbeitsmarktstatus periods, Maßnahme-Teilnahmen and job starts (integrationen). The ratios follow
 * jobcenter-domain.md § 6: ≈ 1.8 persons per BG, ≈ 73 % of them eLb, most NEF children, ≈ 15 % Alleinerziehende,
 * ≈ 2 % of the BG leaving and joining per month, "Dauerbezieher" vs. short spells so that ≈ 65–70 % of the eLb are
 * LZB at the end, job starts of ≈ 2 % of the eLb per month (K2 ≈ 25 %), a few % Minijobs, Maßnahmen.
 *
 * The cases that were already receiving benefits at the first month ("Bestand") start with that month and have no
 * Erstantrag in the data (taken over from before); every later case has its Erstantrag (Neuantrag) in its first month.
 *
 * Idempotent by refusal: the generated BGs have Fallnummern "ST-000001" …; when the Träger already has one, nothing
 * is written (`{ abgelehnt }`). All fact data is written in ONE transaction, so a crash leaves nothing half-written.
 */

export type StatistikDemoOptionen = {
  /** slug of the Träger (default 'musterland') */
  traegerSlug?: string;
  /** Bedarfsgemeinschaften at the start (the stock stays near this size) */
  bg: number;
  /** months of history, ending with `bis` */
  monate: number;
  /** last month 'YYYY-MM' */
  bis: string;
  /** PRNG seed (default 15) */
  seed?: number;
  log?: (zeile: string) => void;
};

export type StatistikDemoErgebnis = {
  traegerId: string;
  von: string;
  bis: string;
  bg: number;
  bgAmEnde: number;
  personen: number;
  bewilligungen: number;
  bewilligungMonate: number;
  engineLaeufe: number;
  antraege: number;
  integrationen: number;
  teilnahmen: number;
  statusPerioden: number;
  sekunden: number;
};

export const STATISTIK_DEMO_PRAEFIX = 'ST-';

// ---------------------------------------------------------------------------------------------- PRNG

/** mulberry32: small, fast, deterministic. */
function zufall(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** weighted choice: [[value, weight], …] */
    gewichtet: <T>(xs: readonly (readonly [T, number])[]): T => {
      const summe = xs.reduce((s, [, w]) => s + w, 0);
      let r = next() * summe;
      for (const [v, w] of xs) {
        r -= w;
        if (r < 0) return v;
      }
      return xs.at(-1)![0];
    },
    /** deterministic uuid (v4 layout) */
    uuid: () => {
      const h = Array.from({ length: 4 }, () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
type Zufall = ReturnType<typeof zufall>;

// ---------------------------------------------------------------------------------------------- dates

const tagImMonat = (monat: string, tag: number) => `${monat}-${String(Math.min(tag, Number(letzterTag(monat).slice(8)))).padStart(2, '0')}`;
function plusTage(t: string, n: number): string {
  const d = new Date(`${t}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const jahre = (geburtsdatum: string, tag: string) => {
  const [gj, gm, gt] = geburtsdatum.split('-').map(Number) as [number, number, number];
  const [j, m, t] = tag.split('-').map(Number) as [number, number, number];
  return j - gj - (m < gm || (m === gm && t < gt) ? 1 : 0);
};
/** a birthday so that the person is `alter` years old on `tag` */
const geburtstag = (z: Zufall, tag: string, alter: number) => `${Number(tag.slice(0, 4)) - alter - 1}-${String(z.int(1, 12)).padStart(2, '0')}-${String(z.int(1, 28)).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------- invented names

const VORNAMEN_W = ['Anna', 'Sabine', 'Julia', 'Petra', 'Olena', 'Aysel', 'Maria', 'Fatma', 'Katrin', 'Nadine', 'Lea', 'Mia', 'Emma', 'Sofia', 'Lina', 'Hanna', 'Elif', 'Amira', 'Ewa', 'Ioana'];
const VORNAMEN_M = ['Max', 'Jonas', 'Stefan', 'Mehmet', 'Andrzej', 'Klaus', 'Thomas', 'Ali', 'Lukas', 'Paul', 'Noah', 'Ben', 'Can', 'Tim', 'Omar', 'Mihai', 'Jan', 'Dirk', 'Sven', 'Yusuf'];
const NACHNAMEN = ['Muster', 'Beispiel', 'Schneider', 'Weber', 'Klein', 'Yilmaz', 'Nowak', 'Hoffmann', 'Richter', 'Braun', 'Kaya', 'Popescu', 'Schulz', 'Wagner', 'Becker', 'Kovalenko', 'Haddad', 'Meyer', 'Wolf', 'Krause'];
const STRASSEN = ['Lindenweg', 'Am Stadtpark', 'Gartenstraße', 'Bahnhofstraße', 'Mühlenweg', 'Industriestraße', 'Dorfstraße', 'Kirchgasse', 'Uferweg', 'Schulweg', 'Birkenallee', 'Marktplatz'];
/** nationality mix of the SGB II stock (≈ 53 % German, ≈ 12 % EU, ≈ 35 % third countries) */
const STAATEN: readonly (readonly [string, number])[] = [
  ['DE', 53], ['PL', 3], ['RO', 3], ['BG', 3], ['IT', 1.5], ['GR', 1.5], ['TR', 8], ['SY', 12], ['UA', 7], ['AF', 4], ['IQ', 3], ['XX', 1],
];

// ---------------------------------------------------------------------------------------------- the simulated world

type StatusAbschnitt = { von: string; bis: string | null; status: Arbeitsmarktstatus; grund: StatusGrund | null };
type SimPerson = {
  ref: string;
  id: string;
  geburtsdatum: string;
  erwerbsfaehig: boolean;
  /** adult (or young adult) who can take a job */
  aktiv: boolean;
  grundstatus: { status: Arbeitsmarktstatus; grund: StatusGrund | null };
  status: StatusAbschnitt[];
  /** last day of a running Maßnahme (no new events before) */
  massnahmeBis: string | null;
  /** a job with income (Aufstocker): no second job start */
  beschaeftigt: boolean;
  /** last day of the Aufstocker job (then back to arbeitslos; its income period ends that day) */
  jobEnde: string | null;
};
type SimBg = {
  id: string;
  nr: number;
  kommune: number;
  typ: 'dauer' | 'kurz';
  /** month index of the first month */
  start: number;
  /** last month index with benefits (inclusive); null = still receiving at the end */
  ende: number | null;
  bestand: boolean;
  antragsdatum: string | null;
  daten: ErstantragDaten;
  fakten: FallakteDaten;
  personen: SimPerson[];
};
type SimIntegration = { id: string; personId: string; bgId: string; art: Integrationsart; beginn: string; ende: string | null; bruttoCent: number | null; nettoCent: number | null; stunden: number };
type SimTeilnahme = { id: string; personId: string; bgId: string; massnahme: number; kommune: number; eintritt: string; austritt: string; grund: Austrittsgrund };

const DEMO_MASSNAHMEN: readonly { bezeichnung: string; instrument: Instrument; anbieter: string; tage: number; kostenCent: number }[] = [
  { bezeichnung: 'Aktivierung und Orientierung (Statistik-Demo)', instrument: 'sgb3_45_mat', anbieter: 'Bildungswerk Musterland gGmbH', tage: 91, kostenCent: 48_000 },
  { bezeichnung: 'Betriebliche Erprobung (Statistik-Demo)', instrument: 'sgb3_45_mag', anbieter: 'Arbeitgeberservice Musterland', tage: 42, kostenCent: 0 },
  { bezeichnung: 'Arbeitsgelegenheit Stadtgrün (Statistik-Demo)', instrument: 'sgb2_16d_agh', anbieter: 'Beschäftigungsgesellschaft Seeheim gGmbH', tage: 182, kostenCent: 25_000 },
];

/** Kommunen weights: Musterstadt, Beispieldorf, Seeheim (first, second, third Kommune by name order of creation) */
const KOMMUNE_GEWICHT = [0.55, 0.25, 0.2];

/** a new status period of `p` from `tag` on (the running one ends the day before; later ones are dropped) */
function wechsel(p: SimPerson, tag: string, status: Arbeitsmarktstatus, grund: StatusGrund | null) {
  while (p.status.length > 0 && p.status.at(-1)!.von >= tag) p.status.pop();
  const letzte = p.status.at(-1);
  if (letzte && (letzte.bis === null || letzte.bis >= tag)) letzte.bis = plusTage(tag, -1);
  p.status.push({ von: tag, bis: null, status, grund });
}

type Welt = { bgs: SimBg[]; integrationen: SimIntegration[]; teilnahmen: SimTeilnahme[]; monate: string[] };

function simuliere(o: { bg: number; monate: string[]; seed: number; kommunen: { id: string; plz: string; ort: string }[] }): Welt {
  const z = zufall(o.seed);
  const monate = o.monate;
  const bgs: SimBg[] = [];
  const integrationenListe: SimIntegration[] = [];
  const teilnahmen: SimTeilnahme[] = [];
  let nr = 0;

  const neueBg = (start: number, bestand: boolean, typ: SimBg['typ']): SimBg => {
    const monat = monate[start]!;
    const erster = `${monat}-01`;
    const antragsdatum = bestand ? null : tagImMonat(monat, z.int(1, 26));
    const nachname = z.pick(NACHNAMEN);
    const staat = z.gewichtet(STAATEN);
    const kommune = z.gewichtet(KOMMUNE_GEWICHT.map((w, i) => [i, w] as const).filter(([i]) => i < o.kommunen.length));
    const art = z.gewichtet([
      ['single', 50],
      ['alleinerziehend', 16],
      ['paar', 8],
      ['familie', 17],
      ['elternteil_jung', 6],
      ['paar_eu', 3],
    ] as const);
    const personen: PersonDaten[] = [];
    const erwachsen = (ref: string, rolle: 'antragsteller' | 'partner', geschlecht: 'w' | 'm', alter: number, extra: Partial<PersonDaten> = {}): PersonDaten => ({
      ref,
      vorname: z.pick(geschlecht === 'w' ? VORNAMEN_W : VORNAMEN_M),
      nachname,
      geburtsdatum: geburtstag(z, erster, alter),
      geschlecht: z.chance(0.005) ? 'd' : geschlecht,
      staatsangehoerigkeit: staat,
      rolle,
      ...extra,
    });
    const erwachsenenAlter = () => z.gewichtet([[z.int(18, 24), 10], [z.int(25, 49), 58], [z.int(50, 62), 32]] as const);
    const kind = (i: number, alter: number): PersonDaten => ({
      ref: `k${i}`,
      vorname: z.pick(z.chance(0.5) ? VORNAMEN_W : VORNAMEN_M),
      nachname,
      geburtsdatum: geburtstag(z, erster, alter),
      geschlecht: z.chance(0.5) ? 'w' : 'm',
      staatsangehoerigkeit: staat,
      rolle: 'kind',
      einkommen: alter < 18 ? [{ art: 'kindergeld', betragCent: 25_500 }] : [],
    });
    const einkommen = (): PersonDaten['einkommen'] =>
      z.chance(0.06) ? [{ art: 'erwerbstaetigkeit', bezeichnung: 'Minijob', bruttoCent: 52_000, nettoCent: 52_000 }] : z.chance(0.05) ? [{ art: 'erwerbstaetigkeit', bezeichnung: 'Teilzeit', bruttoCent: 110_000, nettoCent: 86_000 }] : [];
    const g = z.chance(0.5) ? 'w' : 'm';
    if (art === 'single') {
      personen.push(erwachsen('a', 'antragsteller', g, erwachsenenAlter(), { familienstand: z.pick(['ledig', 'geschieden', 'getrennt_lebend'] as const), einkommen: einkommen() }));
    } else if (art === 'alleinerziehend') {
      personen.push(erwachsen('a', 'antragsteller', z.chance(0.9) ? 'w' : 'm', z.int(20, 48), { alleinerziehend: true, einkommen: einkommen() }));
      const n = z.gewichtet([[1, 45], [2, 38], [3, 17]] as const);
      for (let i = 0; i < n; i++) personen.push(kind(i, z.int(0, 14)));
    } else if (art === 'paar' || art === 'paar_eu') {
      const alter = erwachsenenAlter();
      personen.push(erwachsen('a', 'antragsteller', 'm', alter, { familienstand: 'verheiratet', einkommen: einkommen() }));
      personen.push(erwachsen('p', 'partner', 'w', Math.max(18, alter - z.int(0, 5)), { familienstand: 'verheiratet', ...(z.chance(0.06) ? { erwerbsfaehig: false } : {}) }));
    } else if (art === 'familie') {
      const alter = z.int(24, 50);
      personen.push(erwachsen('a', 'antragsteller', 'm', alter, { familienstand: 'verheiratet', einkommen: einkommen() }));
      personen.push(erwachsen('p', 'partner', 'w', Math.max(19, alter - z.int(0, 6)), { familienstand: 'verheiratet' }));
      const n = z.gewichtet([[1, 30], [2, 35], [3, 22], [4, 13]] as const);
      for (let i = 0; i < n; i++) personen.push(kind(i, z.chance(0.85) ? z.int(0, Math.min(14, alter - 19)) : z.int(15, Math.max(15, Math.min(17, alter - 19)))));
    } else {
      // a parent with a young adult child (15–20) in the BG (§ 7 Abs. 3 Nr. 4 SGB II)
      personen.push(erwachsen('a', 'antragsteller', z.chance(0.7) ? 'w' : 'm', z.int(38, 60), { alleinerziehend: false }));
      personen.push(kind(0, z.int(15, 20)));
    }
    const k = o.kommunen[kommune]!;
    const groesse = personen.length;
    const miete = (basis: number) => basis + z.int(0, 8) * 1_000;
    const daten: ErstantragDaten = {
      antragsdatum: antragsdatum ?? erster,
      eingangskanal: z.pick(['papier', 'schalter', 'online', 'telefon'] as const),
      personen,
      adresse: { strasse: z.pick(STRASSEN), hausnummer: String(z.int(1, 80)), plz: k.plz, ort: k.ort, kommuneId: k.id },
      unterkunft: {
        grundmieteCent: miete([33_000, 42_000, 50_000, 58_000, 65_000, 72_000][Math.min(groesse, 6) - 1]!),
        nebenkostenCent: 7_000 + groesse * 1_500,
        heizkostenCent: 5_000 + groesse * 1_200,
        heizungsart: 'zentral',
      },
    };
    nr += 1;
    const id = z.uuid();
    const { daten: fakten, personIds } = faktenAusErstantrag(daten, { bg: { id, fallnummer: `${STATISTIK_DEMO_PRAEFIX}${String(nr).padStart(6, '0')}`, standortId: '', status: 'aktiv', version: 1 }, neueId: z.uuid });
    // an Alleinerziehende stays one only while a child is minor: the Merkmal ends before the youngest turns 18
    // (within the history or the running Bewilligung after it)
    const eltern = personen.find((p) => p.alleinerziehend === true);
    if (eltern) {
      const juengstes = personen.filter((p) => p.rolle === 'kind').reduce((a, p) => (p.geburtsdatum > a ? p.geburtsdatum : a), '0000-01-01');
      const volljaehrig = `${Number(juengstes.slice(0, 4)) + 18}${juengstes.slice(4, 7)}`;
      const merkmal = fakten.merkmale.find((m) => m.personId === personIds[eltern.ref]);
      if (merkmal && volljaehrig <= monatPlus(monate.at(-1)!, 12)) {
        merkmal.gueltigBis = letzterTag(monatPlus(volljaehrig, -1));
        fakten.merkmale.push({ ...merkmal, id: z.uuid(), gueltigVon: `${volljaehrig}-01`, gueltigBis: null, alleinerziehend: false });
      }
    }
    const simPersonen: SimPerson[] = personen.map((p) => {
      const alter = jahre(p.geburtsdatum, erster);
      const erwerbsfaehig = p.erwerbsfaehig !== false;
      const aktiv = erwerbsfaehig && alter >= 15;
      const kleinKind = personen.some((q) => q.rolle === 'kind' && jahre(q.geburtsdatum, erster) < 3);
      const hatJob = (p.einkommen ?? []).some((e) => e.art === 'erwerbstaetigkeit');
      const grundstatus: SimPerson['grundstatus'] =
        alter < 18
          ? { status: 'nicht_arbeitsuchend', grund: 'schule_ausbildung' }
          : hatJob
            ? { status: 'arbeitsuchend', grund: 'erwerbstaetigkeit' }
            : (p.alleinerziehend || p.rolle === 'partner') && kleinKind
              ? { status: 'nicht_arbeitsuchend', grund: 'kind_unter_3' }
              : z.gewichtet([
                  [{ status: 'arbeitslos', grund: null }, 80],
                  [{ status: 'arbeitsuchend', grund: 'sonstiges' }, 8],
                  [{ status: 'arbeitsuchend', grund: 'arbeitsunfaehigkeit' }, 6],
                  [{ status: 'nicht_arbeitsuchend', grund: 'arbeitsunfaehig_langfristig' }, 8],
                  [{ status: 'nicht_arbeitsuchend', grund: 'pflege' }, 4],
                  [{ status: 'nicht_arbeitsuchend', grund: 'schule_ausbildung' }, 4],
                ] as const);
      return {
        ref: p.ref,
        id: personIds[p.ref]!,
        geburtsdatum: p.geburtsdatum,
        erwerbsfaehig,
        aktiv,
        grundstatus,
        status: aktiv ? [{ von: fakten.mitgliedschaften.find((m) => m.personId === personIds[p.ref])!.gueltigVon, bis: null, ...grundstatus }] : [],
        massnahmeBis: null,
        beschaeftigt: hatJob,
        jobEnde: null,
      };
    });
    const bg: SimBg = { id, nr, kommune, typ, start, ende: null, bestand, antragsdatum, daten, fakten, personen: simPersonen };
    bgs.push(bg);
    return bg;
  };

  const beende = (bg: SimBg, t: number) => {
    const tag = letzterTag(monate[t]!);
    bg.ende = t;
    for (const p of bg.personen) {
      const letzte = p.status.at(-1);
      if (letzte && letzte.bis === null) letzte.bis = tag;
    }
    for (const tn of teilnahmen) if (tn.bgId === bg.id && tn.austritt > tag) Object.assign(tn, { austritt: tag < tn.eintritt ? tn.eintritt : tag, grund: 'abbruch' as const });
    const f = bg.fakten;
    for (const liste of [f.mitgliedschaften, f.adressen, f.unterkunft, f.einkommen, f.bankverbindungen] as { gueltigVon: string; gueltigBis: string | null }[][]) {
      for (const r of liste) if (r.gueltigBis === null || r.gueltigBis > tag) r.gueltigBis = r.gueltigVon > tag ? r.gueltigVon : tag;
    }
  };

  // the stock at the first month: mostly long-term cases (steady state of the two spell types)
  for (let i = 0; i < o.bg; i++) neueBg(0, true, z.chance(0.92) ? 'dauer' : 'kurz');

  const HAZARD = { dauer: 0.002, kurz: 0.04 };
  // short spells find jobs more often than the long-term cases (who become LZB)
  const JOBCHANCE = { dauer: 0.6, kurz: 3 };
  for (let t = 0; t < monate.length; t++) {
    const monat = monate[t]!;
    const ultimo = letzterTag(monat);
    let abgaenge = 0;
    for (const bg of bgs) {
      if (bg.ende !== null || bg.start > t) continue;
      let endet = false;
      for (const p of bg.personen) {
        const alter = jahre(p.geburtsdatum, ultimo);
        // children turning 15 become eLb: they get a status (Schule)
        if (!p.aktiv && p.erwerbsfaehig && alter >= 15) {
          p.aktiv = true;
          p.grundstatus = { status: 'nicht_arbeitsuchend', grund: 'schule_ausbildung' };
          wechsel(p, `${monat}-01`, 'nicht_arbeitsuchend', 'schule_ausbildung');
        }
        if (!p.aktiv || alter < 15) continue;
        // the youngest child turned 3: the parent is available for work again (arbeitslos from the 1st of the month)
        if (p.status.at(-1)?.grund === 'kind_unter_3' && !bg.personen.some((q) => !q.aktiv && jahre(q.geburtsdatum, ultimo) < 3)) {
          p.grundstatus = { status: 'arbeitslos', grund: null };
          wechsel(p, `${monat}-01`, 'arbeitslos', null);
        }
        if (p.jobEnde && p.jobEnde < ultimo) {
          // the Aufstocker job ended: income stops, the person is arbeitslos again
          wechsel(p, plusTage(p.jobEnde, 1), 'arbeitslos', null);
          p.grundstatus = { status: 'arbeitslos', grund: null };
          p.beschaeftigt = false;
          p.jobEnde = null;
        }
        if (p.massnahmeBis) {
          if (p.massnahmeBis >= ultimo) continue;
          // back from the Maßnahme (the day after); more likely to start a job now
          const zurueck = plusTage(p.massnahmeBis, 1);
          wechsel(p, zurueck, p.grundstatus.status, p.grundstatus.grund);
          p.massnahmeBis = null;
          if (!endet && !p.beschaeftigt && z.chance(0.12)) {
            if (integration(bg, p, t, alter, zurueck)) endet = true;
            continue;
          }
        }
        if (endet || p.beschaeftigt) continue;
        const bereit = p.grundstatus.status === 'arbeitslos' || p.grundstatus.grund === 'sonstiges';
        const hazard = (alter < 18 ? 0.004 : bereit ? 0.05 : 0.01) * JOBCHANCE[bg.typ];
        if (z.chance(hazard)) {
          if (integration(bg, p, t, alter, null)) endet = true;
          continue;
        }
        if (bereit && alter >= 18 && z.chance(0.02)) {
          const m = z.gewichtet([[0, 55], [1, 25], [2, 20]] as const);
          const eintritt = tagImMonat(monat, z.int(1, 20));
          const austritt = plusTage(eintritt, DEMO_MASSNAHMEN[m]!.tage - 1 + z.int(-10, 10));
          teilnahmen.push({ id: z.uuid(), personId: p.id, bgId: bg.id, massnahme: m, kommune: bg.kommune, eintritt, austritt, grund: z.chance(0.85) ? 'regulaer' : 'abbruch' });
          wechsel(p, eintritt, 'arbeitsuchend', 'massnahme');
          p.massnahmeBis = austritt;
        }
      }
      // Aufstocker leave benefits more often (more hours, a better job)
      if (!endet && z.chance(HAZARD[bg.typ] + (bg.personen.some((p) => p.beschaeftigt) ? 0.01 : 0))) endet = true;
      if (endet) {
        beende(bg, t);
        abgaenge += 1;
      }
    }
    // new cases: as many as left (the stock slowly shrinks, as in the seeds), of them 55 % short spells
    if (t + 1 < monate.length) {
      const neu = Math.max(0, Math.round(abgaenge * 0.997 + (z.next() - 0.5) * 4));
      for (let i = 0; i < neu; i++) neueBg(t + 1, false, z.chance(0.5) ? 'kurz' : 'dauer');
    }
  }
  return { bgs, integrationen: integrationenListe, teilnahmen, monate };

  /** a job start of `p` in month t; true when the BG leaves benefits because of it (end of month t) */
  function integration(bg: SimBg, p: SimPerson, t: number, alter: number, fruehestens: string | null): boolean {
    const nachMassnahme = fruehestens !== null;
    const monat = monate[t]!;
    const art: Integrationsart =
      alter < 25 && z.chance(0.35)
        ? 'ausbildung'
        : z.gewichtet([
            ['svb_vollzeit', 36],
            ['svb_teilzeit', 30],
            ['minijob', 20],
            ['selbststaendigkeit', 3],
            ['gefoerdert_16i', nachMassnahme ? 4 : 2],
            ['gefoerdert_16e', 2],
          ] as const);
    const tag = tagImMonat(monat, z.gewichtet([[1, 40], [z.int(2, 28), 60]] as const));
    const beginn = fruehestens && fruehestens > tag ? fruehestens : tag;
    const lohn: Record<Integrationsart, [number, number, number]> = {
      svb_vollzeit: [240_000, 172_000, 39],
      svb_teilzeit: [110_000, 86_000, 20],
      ausbildung: [95_000, 76_000, 39],
      selbststaendigkeit: [150_000, 120_000, 40],
      minijob: [52_000, 52_000, 10],
      gefoerdert_16d: [0, 0, 20],
      gefoerdert_16e: [230_000, 168_000, 39],
      gefoerdert_16i: [200_000, 150_000, 30],
    };
    const [brutto, netto, stunden] = lohn[art];
    // most full-time jobs (and most jobs in a single's BG) end the need; the rest stay as Aufstocker
    const alleine = bg.personen.filter((q) => q.aktiv).length === 1;
    const verlaesst = art === 'svb_vollzeit' || art === 'selbststaendigkeit' || art === 'gefoerdert_16e' ? z.chance(0.8) : art === 'svb_teilzeit' ? z.chance(alleine ? 0.35 : 0.15) : false;
    // a fifth of the jobs ends within the year (for K2E3 not every start is lasting)
    // a part of the jobs ends within the year (for K2E3 not every start is lasting; Aufstocker return to arbeitslos)
    const endet = art !== 'ausbildung' && z.chance(verlaesst ? 0.2 : 0.65);
    const ende = endet ? tagImMonat(monatPlus(monat, z.int(2, 11)), 28) : null;
    integrationenListe.push({ id: z.uuid(), personId: p.id, bgId: bg.id, art, beginn, ende, bruttoCent: brutto || null, nettoCent: netto || null, stunden });
    if (verlaesst) {
      wechsel(p, beginn, 'arbeitsuchend', 'erwerbstaetigkeit');
      return true;
    }
    p.beschaeftigt = true;
    wechsel(p, beginn, 'arbeitsuchend', 'erwerbstaetigkeit');
    const ab = einkommenAb(beginn);
    const einkommen = {
      id: z.uuid(),
      personId: p.id,
      gueltigVon: ab,
      gueltigBis: null,
      art: 'erwerbstaetigkeit',
      bezeichnung: art === 'ausbildung' ? 'Ausbildungsvergütung' : 'Beschäftigung',
      bruttoCent: brutto,
      nettoCent: netto,
      absetzungenCent: null,
      betragCent: null,
    } as FallakteDaten['einkommen'][number];
    bg.fakten.einkommen.push(einkommen);
    if (ende) {
      einkommen.gueltigBis = ende;
      p.jobEnde = ende;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------- engine

/**
 * The Bewilligungen of a BG: periods of 12 months from its first month, the last one ending with its last month
 * (or running on past `bis` while it still receives). Engine results are reused for months with identical input.
 */
function bewilligungenDerBg(bg: SimBg, monate: string[], kommuneId: string, cache: { laeufe: number }) {
  const erster = monate[bg.start]!;
  const letzter = bg.ende === null ? null : monate[bg.ende]!;
  const ergebnisse = new Map<string, BerechnungErgebnis>();
  const perioden: { von: string; monate: MonatsErgebnis[] }[] = [];
  let beginn = erster;
  for (;;) {
    let ende = monatPlus(beginn, 11);
    if (letzter && ende > letzter) ende = letzter;
    const liste: MonatsErgebnis[] = [];
    for (let m = beginn; m <= ende; m = monatPlus(m, 1)) {
      const input = fallakteZuBerechnungInput(zustandFuerMonat(bg.fakten, m), m, { leistungsbeginn: erster, bewilligungszeitraumBeginn: beginn });
      const ohneMonat = { ...input, zeitraum: '' };
      const alter = bg.personen.map((p) => `${jahre(p.geburtsdatum, `${m}-01`)}/${jahre(p.geburtsdatum, letzterTag(m))}`).join(',');
      const key = `${m.slice(0, 4)}|${alter}|${JSON.stringify(ohneMonat)}`;
      let ergebnis = ergebnisse.get(key);
      if (!ergebnis) {
        ergebnis = berechneValidiert(pruefe(input), { erklaerung: false });
        ergebnisse.set(key, ergebnis);
        cache.laeufe += 1;
      }
      liste.push(monatsErgebnis(input, ergebnis));
    }
    perioden.push({ von: beginn, monate: liste });
    if (letzter && ende >= letzter) break;
    beginn = monatPlus(ende, 1);
    if (!letzter && beginn > monate.at(-1)!) break;
  }
  return perioden.map((p) => ({ ...zeitraumAusMonaten(p.monate), kosten: p.monate.map((m) => kostenaufteilung(m.ergebnis, kommuneId).anteile) }));
}

// ---------------------------------------------------------------------------------------------- writing

export async function erzeugeStatistikDemo(db: Database, o: StatistikDemoOptionen): Promise<StatistikDemoErgebnis | { abgelehnt: string }> {
  const t0 = performance.now();
  const log = o.log ?? (() => {});
  const slug = o.traegerSlug ?? 'musterland';
  const tr = await db.withSystem(async (tx) => (await tx.select({ id: traeger.id }).from(traeger).where(eq(traeger.slug, slug)))[0]);
  if (!tr) return { abgelehnt: `Träger "${slug}" gibt es nicht.` };
  const traegerId = tr.id;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.bis)) return { abgelehnt: `Ungültiger Monat "${o.bis}" (erwartet JJJJ-MM).` };
  if (!(o.monate >= 2 && o.monate <= 120) || !(o.bg >= 1 && o.bg <= 200_000)) return { abgelehnt: 'Monate (2–120) oder Zahl der BG (1–200.000) außerhalb des Bereichs.' };
  const monate = Array.from({ length: o.monate }, (_, i) => monatPlus(o.bis, i - o.monate + 1));

  return db.withTenant(
    { traegerId },
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7261015)`);
      const [vorhanden] = await tx.select({ n: sql<number>`count(*)::int` }).from(bedarfsgemeinschaften).where(and(eq(bedarfsgemeinschaften.traegerId, traegerId), like(bedarfsgemeinschaften.fallnummer, `${STATISTIK_DEMO_PRAEFIX}%`)));
      if ((vorhanden?.n ?? 0) > 0) return { abgelehnt: `Der Träger "${slug}" hat schon Statistik-Demodaten (${vorhanden!.n} Fallakten ${STATISTIK_DEMO_PRAEFIX}…); nichts geschrieben.` };

      const ks = await tx.select().from(kommunen).where(eq(kommunen.traegerId, traegerId)).orderBy(kommunen.ags);
      const sts = await tx.select().from(standorte).where(eq(standorte.traegerId, traegerId));
      const standortDer = (kommuneId: string) => sts.find((s) => s.kommuneId === kommuneId && s.aktiv) ?? sts[0];
      if (ks.length === 0 || sts.length === 0) return { abgelehnt: `Der Träger "${slug}" hat keine Kommunen oder Standorte.` };
      const staff = await tx.select({ id: users.id, roles: users.roles }).from(users).where(and(eq(users.traegerId, traegerId), eq(users.art, 'staff')));
      const mit = (rolle: string) => staff.find((u) => u.roles.includes(rolle))?.id ?? staff[0]?.id;
      const leistung = mit('leistung');
      const integration = mit('integration');
      if (!leistung || !integration) return { abgelehnt: `Der Träger "${slug}" hat keine Mitarbeitenden (für "erstellt von").` };

      const welt = simuliere({ bg: o.bg, monate, seed: o.seed ?? 15, kommunen: ks.map((k) => ({ id: k.id, plz: k.postleitzahlen?.[0] ?? '12345', ort: k.name })) });
      log(`Simuliert: ${welt.bgs.length} Bedarfsgemeinschaften, ${welt.integrationen.length} Arbeitsaufnahmen, ${welt.teilnahmen.length} Maßnahme-Teilnahmen (${((performance.now() - t0) / 1000).toFixed(1)} s).`);

      // the Maßnahmen of the demo with one Kontingent per Standort
      const massnahmeIds: string[] = [];
      for (const m of DEMO_MASSNAHMEN) {
        const [row] = await tx
          .insert(massnahmen)
          .values({ traegerId, bezeichnung: m.bezeichnung, instrument: m.instrument, anbieter: m.anbieter, beschreibung: 'Erfunden für die Statistik-Demo.', regeldauerTage: m.tage, kostenJePlatzCent: m.kostenCent, kostenart: 'pauschal', titel: 'egt_bund' })
          .onConflictDoUpdate({ target: [massnahmen.traegerId, massnahmen.bezeichnung], set: { aktiv: true } })
          .returning({ id: massnahmen.id });
        massnahmeIds.push(row!.id);
      }
      const kontingent = new Map<string, { id: string; platz: number }>();
      for (const [mi, mid] of massnahmeIds.entries()) {
        for (const s of sts) {
          const [k] = await tx.insert(massnahmeKontingente).values({ traegerId, massnahmeId: mid, standortId: s.id, gueltigVon: `${monate[0]}-01`, gueltigBis: null, plaetze: 5_000 }).returning({ id: massnahmeKontingente.id });
          kontingent.set(`${mi}|${s.id}`, { id: k!.id, platz: 0 });
        }
      }

      const ergebnis: StatistikDemoErgebnis = { traegerId, von: monate[0]!, bis: o.bis, bg: welt.bgs.length, bgAmEnde: 0, personen: 0, bewilligungen: 0, bewilligungMonate: 0, engineLaeufe: 0, antraege: 0, integrationen: 0, teilnahmen: 0, statusPerioden: 0, sekunden: 0 };
      const cache = { laeufe: 0 };
      const stichtag = letzterTag(o.bis);
      const BLOCK = 400;
      for (let i = 0; i < welt.bgs.length; i += BLOCK) {
        const block = welt.bgs.slice(i, i + BLOCK);
        await schreibeBlock(tx, { traegerId, block, welt, standortDer, leistung, integration, kontingent, massnahmeIds, cache, ergebnis, stichtag });
        if ((i / BLOCK) % 5 === 0) log(`  … ${Math.min(i + BLOCK, welt.bgs.length)} von ${welt.bgs.length} Bedarfsgemeinschaften geschrieben (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      }
      ergebnis.engineLaeufe = cache.laeufe;
      ergebnis.bgAmEnde = welt.bgs.filter((b) => b.ende === null).length;
      ergebnis.sekunden = Math.round((performance.now() - t0) / 100) / 10;
      return ergebnis;
    },
    { statementTimeoutMs: 120_000 },
  );
}

async function inChunks<R>(rows: R[], n: number, fn: (rows: R[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += n) await fn(rows.slice(i, i + n));
}

async function schreibeBlock(
  tx: Tx,
  o: {
    traegerId: string;
    block: SimBg[];
    welt: Welt;
    standortDer: (kommuneId: string) => { id: string } | undefined;
    leistung: string;
    integration: string;
    kontingent: Map<string, { id: string; platz: number }>;
    massnahmeIds: string[];
    cache: { laeufe: number };
    ergebnis: StatistikDemoErgebnis;
    stichtag: string;
  },
) {
  const t = o.traegerId;
  const mitT = <R extends object>(rows: R[]) => rows.map((r) => ({ ...r, traegerId: t }));
  const bgStandort = new Map<string, string>();
  for (const bg of o.block) {
    const kommuneId = bg.daten.adresse.kommuneId;
    const standortId = o.standortDer(kommuneId)!.id;
    bgStandort.set(bg.id, standortId);
    await fallRepository.insertBg(tx, { traegerId: t, id: bg.id, fallnummer: bg.fakten.bg.fallnummer, standortId, status: bg.ende === null ? 'aktiv' : 'geschlossen' });
  }
  const alle = <K extends keyof FallakteDaten>(k: K) => o.block.flatMap((b) => b.fakten[k] as unknown as object[]);
  const personen = o.block.flatMap((b) => b.personen.map((p) => ({ traegerId: t, id: p.id })));
  o.ergebnis.personen += personen.length;
  await fallRepository.insertPersonen(tx, personen);
  await inChunks(mitT(alle('stammdaten')), 2000, (r) => fallRepository.insertPerioden(tx, 'stammdaten', r as never));
  await inChunks(mitT(alle('mitgliedschaften')), 2000, (r) => fallRepository.insertPerioden(tx, 'mitgliedschaften', r as never));
  await inChunks(mitT(alle('merkmale')), 2000, (r) => fallRepository.insertPerioden(tx, 'merkmale', r as never));
  await inChunks(mitT(o.block.flatMap((b) => b.fakten.beziehungen.map((x) => ({ ...x, bgId: b.id })))), 2000, (r) => fallRepository.insertPerioden(tx, 'beziehungen', r as never));
  await inChunks(mitT(alle('einkommen')), 2000, (r) => fallRepository.insertPerioden(tx, 'einkommen', r as never));
  await inChunks(mitT(o.block.flatMap((b) => b.fakten.adressen.map((x) => ({ ...x, bgId: b.id })))), 2000, (r) => fallRepository.insertPerioden(tx, 'adressen', r as never));
  await inChunks(mitT(o.block.flatMap((b) => b.fakten.unterkunft.map((x) => ({ ...x, bgId: b.id })))), 2000, (r) => fallRepository.insertPerioden(tx, 'unterkunft', r as never));

  // Erstanträge of the new cases (the stock of the first month was taken over without one)
  const antragIds = new Map<string, string>();
  const antragRows = o.block
    .filter((b) => b.antragsdatum)
    .map((b) => {
      const id = randomUUID();
      antragIds.set(b.id, id);
      return {
        traegerId: t,
        id,
        bgId: b.id,
        art: 'erstantrag',
        antragsdatum: b.antragsdatum!,
        eingangskanal: b.daten.eingangskanal,
        status: 'entschieden',
        standortId: bgStandort.get(b.id)!,
        bearbeiterId: o.leistung,
        faelligAm: plusTage(b.antragsdatum!, 14),
        erledigtAm: new Date(`${plusTage(b.antragsdatum!, 12)}T11:00:00+01:00`),
        createdAt: new Date(`${b.antragsdatum!}T09:00:00+01:00`),
      };
    });
  await inChunks(antragRows, 1000, async (r) => {
    await tx.insert(antraege).values(r);
  });
  o.ergebnis.antraege += antragRows.length;

  // Bewilligungen with every month computed by the engine
  const bewRows: Parameters<typeof bewilligungRepository.insertManyBulk>[1] = [];
  let monatRows: Parameters<typeof bewilligungRepository.insertMonateBulk>[1] = [];
  const flush = async () => {
    await bewilligungRepository.insertManyBulk(tx, bewRows.splice(0));
    await bewilligungRepository.insertMonateBulk(tx, monatRows);
    monatRows = [];
  };
  for (const bg of o.block) {
    const perioden = bewilligungenDerBg(bg, o.welt.monate, bg.daten.adresse.kommuneId, o.cache);
    for (const [i, z] of perioden.entries()) {
      const id = randomUUID();
      bewRows.push({
        traegerId: t,
        id,
        bgId: bg.id,
        antragId: i === 0 ? (antragIds.get(bg.id) ?? null) : null,
        von: `${z.beginn}-01`,
        bis: letzterTag(z.ende),
        art: 'endgueltig',
        vorgang: i === 0 ? 'erstbewilligung' : 'weiterbewilligung',
        status: 'bewilligt',
        rechtsstand: z.rechtsstand,
        summeCent: z.summeCent,
        hoechsterMonatCent: Math.max(0, ...z.monate.map((m) => m.auszahlungCent)),
        createdBy: o.leistung,
        approvedBy: o.leistung,
      });
      for (const [j, m] of z.monate.entries()) {
        monatRows.push({ traegerId: t, bewilligungId: id, monat: m.monat, input: m.input, ergebnis: m.ergebnis, personen: m.personen, kosten: z.kosten[j]!, auszahlungCent: m.auszahlungCent });
      }
      o.ergebnis.bewilligungen += 1;
      o.ergebnis.bewilligungMonate += z.monate.length;
    }
    if (monatRows.length >= 1500) await flush();
  }
  await flush();

  // integration side: status periods, Maßnahme-Teilnahmen, job starts
  const imBlock = new Set(o.block.map((b) => b.id));
  const statusRows = o.block.flatMap((b) =>
    b.personen.flatMap((p) => p.status.map((s) => ({ traegerId: t, personId: p.id, gueltigVon: s.von, gueltigBis: s.bis, status: s.status, grund: s.grund, quelle: 'erfasst' as const, createdBy: o.integration }))),
  );
  await inChunks(statusRows, 2000, async (r) => {
    await tx.insert(arbeitsmarktstatus).values(r);
  });
  o.ergebnis.statusPerioden += statusRows.length;
  const tnRows = o.welt.teilnahmen
    .filter((x) => imBlock.has(x.bgId))
    .map((x) => {
      const k = o.kontingent.get(`${x.massnahme}|${bgStandort.get(x.bgId)}`)!;
      const laeuft = x.austritt > o.stichtag;
      const vorgeschlagen = plusTage(x.eintritt, -14);
      return {
        traegerId: t,
        id: x.id,
        massnahmeId: o.massnahmeIds[x.massnahme]!,
        kontingentId: k.id,
        personId: x.personId,
        bgId: x.bgId,
        status: laeuft ? ('eingetreten' as const) : ('ausgetreten' as const),
        platzNr: laeuft ? ++k.platz : null,
        geplantVon: x.eintritt,
        geplantBis: x.austritt < x.eintritt ? x.eintritt : x.austritt,
        vorgeschlagenAm: vorgeschlagen,
        zugewiesenAm: plusTage(x.eintritt, -7),
        eintrittAm: x.eintritt,
        austrittAm: laeuft ? null : x.austritt,
        austrittsgrund: laeuft ? null : x.grund,
        createdBy: o.integration,
      };
    });
  await inChunks(tnRows, 1000, async (r) => {
    await tx.insert(massnahmeTeilnahmen).values(r);
  });
  o.ergebnis.teilnahmen += tnRows.length;
  const intRows = o.welt.integrationen
    .filter((x) => imBlock.has(x.bgId))
    .map((x) => ({
      traegerId: t,
      id: x.id,
      personId: x.personId,
      bgId: x.bgId,
      art: x.art,
      beginn: x.beginn,
      ende: x.ende && x.ende <= o.stichtag ? x.ende : null,
      arbeitgeber: 'Arbeitgeber (Statistik-Demo)',
      wochenstunden: String(x.stunden),
      erwartetesBruttoCent: x.bruttoCent,
      erwartetesNettoCent: x.nettoCent,
      createdBy: o.integration,
      createdByName: 'Statistik-Demo',
    }));
  await inChunks(intRows, 1000, async (r) => {
    await tx.insert(integrationen).values(r);
  });
  o.ergebnis.integrationen += intRows.length;
}
