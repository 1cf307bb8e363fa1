import { z } from 'zod';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { statistikKennzahlenRepository, type KennzahlenWertZeile } from '../../db/repositories/statistik-kennzahlen.ts';
import { statistikRepository } from '../../db/repositories/statistik.ts';
import { monatPlus } from '../../domain/bewilligung/monat.ts';
import { lzbBestimmbarAb, lzbNichtBestimmbarText } from '../../domain/statistik/bericht.ts';
import { K2E3_FOLGEMONATE, KENNZAHLEN_FENSTER_MONATE, kennzahlenAusGrunddaten } from '../../domain/statistik/kennzahlen.ts';
import { stichtagVon } from '../../domain/statistik/merkmale.ts';
import { GRUNDDATEN_SCHLUESSEL, KENNZAHLEN, type Ebene, type Grunddaten, type Kennzahl, type KennzahlenErgebnis, type Leistungssummen } from '../../domain/statistik/typen.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { fehler } from '../errors.ts';
import { kalendermonat } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { bereichSchema, pruefeBereich, pruefeMonat } from './bereich.ts';

/**
 * Live § 48a Kennzahlen (docs/statistik.md, "Live-Kennzahlen und Seiten"): the Kennzahlen of a Berichtsmonat for the
 * Träger, a Kommune or a Standort, computed by the engine of `npx vorort kennzahlen` (`kennzahlenAusGrunddaten`)
 * from the Grunddaten and Leistungssummen the snapshots stored in statistik_werte – one implementation of the
 * counting rules. With the 25-month series of every Kennzahl and, for the Träger, the same quotients per Kommune and
 * per Standort. Aggregates only; no audit event (nothing personal is read).
 * Without `monat`: the latest month with a built snapshot.
 */

/** Months of a series (Bezugsmonat − 24 … Bezugsmonat). */
const REIHE_MONATE = 25;
/** Months back the engine reads for one Bezugsmonat (the Vorjahresmonat). */
const FENSTER = KENNZAHLEN_FENSTER_MONATE;

export type Datenstand = 'vorlaeufig' | 'endgueltig';
export type Kennzahlwert = { wert: number; zaehler: number; nenner: number } | null;
export type KennzahlZeile = { kennzahl: Kennzahl; wert: Kennzahlwert; grund: string | null };
export type Reihenpunkt = { monat: string; wert: number | null; datenstand: Datenstand | null };
export type Vergleichszeile = { id: string; name: string; kennzahlen: Record<Kennzahl, number | null> };

export type KennzahlenAntwort = {
  monat: string;
  stichtag: string;
  ebene: Ebene;
  region: { id: string | null; name: string };
  datenstand: Datenstand;
  /** the engine's result (exchange format v1 output) */
  ergebnis: KennzahlenErgebnis;
  /** the 15 values with the reason of a null */
  zeilen: KennzahlZeile[];
  /** stocks of the month at the region (figures of the hub): BG, eLb, LZB */
  eckwerte: { bg: number | null; elb: number | null; lzb: number | null };
  /** the Kennzahl of the trend chart (input `kennzahl`, default K2) */
  kennzahl: Kennzahl;
  /** 25 months up to the Bezugsmonat, per Kennzahl */
  reihen: Record<Kennzahl, Reihenpunkt[]>;
  /** Ebene traeger only: the same quotients per Kommune and per Standort; null otherwise */
  vergleich: { kommunen: Vergleichszeile[]; standorte: Vergleichszeile[] } | null;
};

export const kennzahlenInput = bereichSchema.extend({
  monat: kalendermonat().optional().or(z.literal('').transform(() => undefined)),
  kennzahl: z.preprocess((v) => (v === '' ? undefined : v), z.enum(KENNZAHLEN, { message: `Unbekannte Kennzahl. Erlaubt sind ${KENNZAHLEN[0]} … ${KENNZAHLEN.at(-1)}.` }).optional()),
});

type Monatswerte = Map<string, Map<string, number>>;

/** kennung → wert per month of one region. */
function nachMonat(zeilen: readonly KennzahlenWertZeile[]): Monatswerte {
  const out: Monatswerte = new Map();
  for (const r of zeilen) {
    let m = out.get(r.monat);
    if (!m) out.set(r.monat, (m = new Map()));
    m.set(r.kennung, r.wert);
  }
  return out;
}

/**
 * The engine's inputs of one region from its stored figures. A month counts only when its snapshot is built; a
 * region without persons in a built month has no rows and all counts 0. `gd.svbKontinuierlich` is written once the
 * six following Stichtage are known; without it the value is undeterminable (null) – unless there was no
 * svb-Integration and the sixth following month is built (then 0).
 */
function quellen(werte: Monatswerte, gebaut: ReadonlySet<string>) {
  const gd = (monat: string): Grunddaten | undefined => {
    if (!gebaut.has(monat)) return undefined;
    const w = werte.get(monat) ?? new Map<string, number>();
    const g = Object.fromEntries(GRUNDDATEN_SCHLUESSEL.map((k) => [k, w.get(`gd.${k}`) ?? 0])) as Omit<Grunddaten, 'svbKontinuierlich'>;
    const kont = w.get('gd.svbKontinuierlich');
    const svbKontinuierlich = kont !== undefined ? kont : g.svbIntegrationen === 0 && gebaut.has(monatPlus(monat, K2E3_FOLGEMONATE)) ? 0 : null;
    return { ...g, svbKontinuierlich };
  };
  // Leistungssummen in cents (the engine's unit inside vorort)
  const leistungen = (monat: string): Leistungssummen | undefined => {
    if (!gebaut.has(monat)) return undefined;
    const w = werte.get(monat);
    return { llu: w?.get('leistung.llu_cent') ?? 0, luh: w?.get('leistung.luh_cent') ?? 0 };
  };
  return { gd, leistungen };
}

/** The engine's result as `npx vorort kennzahlen` writes it: K1/K1E1 Zähler and Nenner in euros. */
const inEuro = (w: Kennzahlwert): Kennzahlwert => (w === null ? null : { ...w, zaehler: w.zaehler / 100, nenner: w.nenner / 100 });

/** The LZB Kennzahlen: not meaningful while the LZB window reaches before the first data. */
const LZB_KENNZAHLEN: readonly Kennzahl[] = ['K3', 'K3E1', 'K3E2', 'K3E3', 'K3E4'];
/** The Kennzahlen of Zugänge/Abgänge: a month's movements are unknown without the previous month's snapshot. */
const BEWEGUNG_KENNZAHLEN: readonly Kennzahl[] = ['K1E3', 'K1E4', 'K3E3', 'K3E4'];

/**
 * What the history can give (the Träger's data start): `lzbAb` = first month with a determinable LZB (null: no
 * data); a month's Zu-/Abgänge are known only when the month before has a built snapshot.
 */
type Grenzen = { lzbAb: string | null; gebaut: ReadonlySet<string> };

/** Why a Kennzahl of Bezugsmonat m cannot be given from this history (null: it can). */
function historienGrund(k: Kennzahl, m: string, g: Grenzen): string | null {
  const monate = benoetigteMonate(k, m);
  // LZB Zu-/Abgänge of a month compare with the month before
  const lzbMonate = k === 'K3E3' || k === 'K3E4' ? [monatPlus(monate[0]!, -1), ...monate] : monate;
  if (LZB_KENNZAHLEN.includes(k) && g.lzbAb !== null && lzbMonate.some((x) => x < g.lzbAb!)) return lzbNichtBestimmbarText(g.lzbAb);
  if (BEWEGUNG_KENNZAHLEN.includes(k)) {
    const ohne = monate.filter((x) => g.gebaut.has(x) && !g.gebaut.has(monatPlus(x, -1)));
    if (ohne.length > 0) return `Für ${monatText(ohne[0]!)} sind Zu- und Abgänge unbekannt: Für den Vormonat ${monatText(monatPlus(ohne[0]!, -1))} gibt es keine Statistik.`;
  }
  return null;
}

function berechne(monat: string, q: ReturnType<typeof quellen>, g: Grenzen): KennzahlenErgebnis {
  const e = kennzahlenAusGrunddaten(monat, q.gd, q.leistungen);
  const kennzahlen = { ...e.kennzahlen, K1: inEuro(e.kennzahlen.K1), K1E1: inEuro(e.kennzahlen.K1E1) };
  for (const k of KENNZAHLEN) if (historienGrund(k, monat, g) !== null) kennzahlen[k] = null;
  return { ...e, kennzahlen };
}

/** The months a Kennzahl of Bezugsmonat m reads (for the reason of a null). */
function benoetigteMonate(k: Kennzahl, m: string): string[] {
  const bereich = (von: number, bis: number) => Array.from({ length: bis - von + 1 }, (_, i) => monatPlus(m, von + i));
  if (k === 'K1' || k === 'K1E1' || k === 'K1E2' || k === 'K3') return [monatPlus(m, -FENSTER), m];
  if (k === 'K3E2') return [m];
  if (k === 'K1E3' || k === 'K1E4' || k === 'K3E3' || k === 'K3E4' || k === 'K2E3') return bereich(-(FENSTER - 1), 0);
  return bereich(-FENSTER, 0);
}

const monatText = (monat: string) => `${monat.slice(5, 7)}/${monat.slice(0, 4)}`;

/**
 * Why a Kennzahl has no value: a month without snapshot, a history too short (LZB window, Zu-/Abgänge of the first
 * month), K2E3's six following months, or a denominator of 0.
 */
function nullGrund(k: Kennzahl, m: string, g: Grenzen, gd: (monat: string) => Grunddaten | undefined): string {
  const gebaut = g.gebaut;
  const fehlend = benoetigteMonate(k, m).filter((x) => !gebaut.has(x));
  if (fehlend.length === 1) return `Für ${monatText(fehlend[0]!)} gibt es keine Statistik.`;
  if (fehlend.length > 1) return `Für ${fehlend.length} Monate des Zeitraums (ab ${monatText(fehlend[0]!)}) gibt es keine Statistik.`;
  const historie = historienGrund(k, m, g);
  if (historie !== null) return historie;
  if (k === 'K2E3' && benoetigteMonate(k, m).some((x) => gd(x)?.svbKontinuierlich === null)) return `Die ${K2E3_FOLGEMONATE} Folgemonate nach den Integrationen sind noch nicht vergangen.`;
  return 'Der Nenner ist 0: im Zeitraum gibt es keine Fälle dieser Gruppe.';
}

export const statistikKennzahlen = defineUseCase({
  name: 'statistik.kennzahlen',
  zugang: 'statistik.lesen',
  input: kennzahlenInput,
  audit: [],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx): Promise<KennzahlenAntwort> => {
      const region = await pruefeBereich(tx, actor, { ebene: input.ebene, region: input.region });
      const tag = await statistikKennzahlenRepository.stichtagTag(tx);
      const monat = input.monat ?? (await statistikKennzahlenRepository.letzterMonat(tx));
      if (!monat) throw fehler('statistik_kein_snapshot');
      await pruefeMonat(tx, monat, stichtagVon(monat, tag), heute(ctx.clock.now()));

      const erster = monatPlus(monat, -(REIHE_MONATE - 1) - FENSTER);
      const snapshots = await statistikKennzahlenRepository.snapshots(tx, erster, monatPlus(monat, K2E3_FOLGEMONATE));
      const gebaut = new Set(snapshots.filter((s) => s.gebaut).map((s) => s.monat));
      const ersterMonat = await statistikRepository.ersterDatenmonat(tx);
      const grenzen: Grenzen = { lzbAb: ersterMonat === null ? null : lzbBestimmbarAb(ersterMonat, tag), gebaut };
      const dieser = snapshots.find((s) => s.monat === monat);
      if (!dieser || !gebaut.has(monat)) throw fehler('statistik_kein_snapshot');
      const stand = (m: string): Datenstand | null => {
        const s = snapshots.find((x) => x.monat === m);
        return s && gebaut.has(m) ? (s.status === 'endgueltig' ? 'endgueltig' : 'vorlaeufig') : null;
      };

      const werte = nachMonat(await statistikKennzahlenRepository.werte(tx, { ebene: input.ebene, region, von: erster, bis: monatPlus(monat, K2E3_FOLGEMONATE) }));
      const q = quellen(werte, gebaut);
      const ergebnis = berechne(monat, q, grenzen);
      const zeilen = KENNZAHLEN.map((k) => ({ kennzahl: k, wert: ergebnis.kennzahlen[k], grund: ergebnis.kennzahlen[k] === null ? nullGrund(k, monat, grenzen, q.gd) : null }));

      const reiheMonate = Array.from({ length: REIHE_MONATE }, (_, i) => monatPlus(monat, i - (REIHE_MONATE - 1)));
      const ergebnisse = reiheMonate.map((m) => (m === monat ? ergebnis : berechne(m, q, grenzen)));
      const reihen = Object.fromEntries(
        KENNZAHLEN.map((k) => [k, reiheMonate.map((m, i) => ({ monat: m, wert: ergebnisse[i]!.kennzahlen[k]?.wert ?? null, datenstand: stand(m) }))]),
      ) as Record<Kennzahl, Reihenpunkt[]>;

      const w = werte.get(monat);
      // LZB before the first month with a full LZB window of data: not meaningful
      const eckwerte = { bg: w?.get('bg') ?? 0, elb: w?.get('elb') ?? 0, lzb: grenzen.lzbAb !== null && monat < grenzen.lzbAb ? null : (w?.get('lzb') ?? 0) };

      let vergleich: KennzahlenAntwort['vergleich'] = null;
      let name = actor.traegerName;
      if (input.ebene === 'traeger') {
        const jeRegion = async (ebene: 'kommune' | 'standort', liste: { id: string; name: string }[]): Promise<Vergleichszeile[]> => {
          const zeilenAlle = await statistikKennzahlenRepository.werte(tx, { ebene, region: null, von: monatPlus(monat, -FENSTER), bis: monatPlus(monat, K2E3_FOLGEMONATE) });
          const mitDaten = new Set(zeilenAlle.map((x) => x.region));
          return liste
            .filter((r) => mitDaten.has(r.id))
            .map((r) => {
              const rq = quellen(nachMonat(zeilenAlle.filter((x) => x.region === r.id)), gebaut);
              const e = berechne(monat, rq, grenzen);
              return { id: r.id, name: r.name, kennzahlen: Object.fromEntries(KENNZAHLEN.map((k) => [k, e.kennzahlen[k]?.wert ?? null])) as Record<Kennzahl, number | null> };
            });
        };
        const kommunen = (await organisationRepository.listKommunen(tx)).map((k) => ({ id: k.id, name: k.name }));
        const standorte = (await organisationRepository.listStandorte(tx)).map((s) => ({ id: s.standort.id, name: s.standort.name }));
        vergleich = { kommunen: await jeRegion('kommune', kommunen), standorte: await jeRegion('standort', standorte) };
      } else {
        name = (await statistikKennzahlenRepository.regionName(tx, input.ebene, region)) ?? region;
      }

      return {
        monat,
        stichtag: dieser.stichtag,
        ebene: input.ebene,
        region: { id: region || null, name },
        datenstand: stand(monat) ?? 'vorlaeufig',
        ergebnis,
        zeilen,
        eckwerte,
        kennzahl: input.kennzahl ?? 'K2',
        reihen,
        vergleich,
      };
    }),
});
