import { LONG_TRANSACTION } from '../../db/client.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { statistikRepository } from '../../db/repositories/statistik.ts';
import {
  statistikSnapshotRepository as repo,
  type BgSchreiben,
  type ChunkFakten,
  type PersonMonatZeile,
  type PersonSchreiben,
  type Zelle,
} from '../../db/repositories/statistik-snapshot.ts';
import { SV_PFLICHTIG, zaehltAlsIntegration } from '../../domain/foerdern/integration.ts';
import { INTEGRATIONSARTEN, type Instrument, type Integrationsart } from '../../domain/foerdern/typen.ts';
import { kostenImMonat, type Buchung } from '../../domain/kosten/index.ts';
import { grunddaten, kontinuierlich, K2E3_FOLGEMONATE, plusMonate } from '../../domain/statistik/kennzahlen.ts';
import {
  altersgruppe,
  datenstand,
  elbIntervall,
  istAktivierungsmassnahme,
  istLzb,
  lzbFenster,
  personengruppe,
  staatsangehoerigkeitGruppe,
  statistikArbeitsmarktstatus,
  stichtagVon,
  teileLuh,
  type Bundesland,
} from '../../domain/statistik/merkmale.ts';
import { EREIGNIS_BIT, GRUNDDATEN_SCHLUESSEL, type Ebene, type EreignisArt, type PersonMonat, type SnapshotStatus } from '../../domain/statistik/typen.ts';
import type { AppContext } from '../context.ts';
import { fehler } from '../errors.ts';

/**
 * The monthly snapshot of one Träger (docs/statistik.md, "Monats-Snapshots"). Not a use case: the nightly job
 * (src/jobs/statistik-snapshots.ts) and the use case 'statistik.snapshot-erstellen' call it.
 *
 * 1. settings (Stichtag, Land) → the status row (`im_aufbau`; a vorläufiger snapshot is rebuilt with lauf + 1, an
 *    endgültiger is refused with 409 statistik_endgueltig, an unfinished one is resumed);
 * 2. the BGs with a bewilligte Bewilligung month, chunk by chunk in BG id order, each chunk in ONE transaction:
 *    delete the month's rows of the chunk's id range, write statistik_personen and statistik_bg, set `fortschritt`
 *    to the chunk's last BG id — a killed build resumes after `fortschritt`, nothing is counted twice (the keys);
 * 3. after the last chunk, in ONE transaction: statistik_werte of the month for Träger, Kommunen and Standorte
 *    (counts aggregated in SQL, the Grunddaten through the Kennzahlen engine, costs of the Zahlmonat through the
 *    kosten domain), `gd.svbKontinuierlich` of month m−6, and the status (vorläufig or endgültig by `datenstand`).
 */

/** Thrown by `abbrechenNach` (tests: a build killed after n chunks). */
export class SnapshotAbgebrochen extends Error {
  constructor(readonly chunks: number) {
    super(`Snapshot nach ${chunks} Abschnitten abgebrochen (Test)`);
    this.name = 'SnapshotAbgebrochen';
  }
}

export type SnapshotErgebnis = {
  monat: string;
  stichtag: string;
  status: Exclude<SnapshotStatus, 'im_aufbau'>;
  lauf: number;
  personen: number;
  bg: number;
  dauerMs: number;
  /** the build resumed an unfinished one */
  fortgesetzt: boolean;
};

/** BGs per chunk transaction (measured: larger chunks spread the fixed cost of a chunk; each reads every fact table once). */
export const CHUNK_GROESSE = 5000;

const MS_TAG = 86_400_000;
const tagNr = (t: string) => Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10))) / MS_TAG;
const letzterTag = (monat: string) => new Date(Date.UTC(Number(monat.slice(0, 4)), Number(monat.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** Integrationsart → bit of `ereignisse` (DESIGN-15 "ereignisse"). */
const EREIGNIS_VON: Readonly<Record<Integrationsart, EreignisArt>> = {
  svb_vollzeit: 'svb',
  svb_teilzeit: 'svb',
  gefoerdert_16e: 'svb',
  ausbildung: 'ausbildung',
  selbststaendigkeit: 'selbststaendig',
  minijob: 'minijob',
  gefoerdert_16d: 'oeffentlich_gefoerdert',
  gefoerdert_16i: 'oeffentlich_gefoerdert',
};

const MERKMALE = ['alter.u25', 'alter.25_49', 'alter.ue50', 'geschlecht.w', 'geschlecht.m', 'geschlecht.d', 'geschlecht.unbekannt', 'alleinerziehend', 'staat.deutsch', 'staat.eu', 'staat.drittstaat', 'staat.unbekannt'];

/** Every kennung of a region (written also when 0, so a report can tell 0 from "not built"); costs only Träger/Kommune. */
export const KENNUNGEN_BESTAND: readonly string[] = [
  'bg',
  'bg.alleinerziehend',
  'personen',
  'elb',
  'nef',
  'nlb',
  'lzb',
  'alo',
  'am.arbeitslos',
  'am.arbeitsuchend',
  'am.massnahme',
  'am.erwerbstaetig',
  'am.nicht_verfuegbar',
  ...MERKMALE.map((m) => `elb.${m}`),
  ...MERKMALE.map((m) => `alo.${m}`),
  'personen.alter.u15',
  'bg.zugaenge',
  'bg.abgaenge',
  'elb.zugaenge',
  'elb.abgaenge',
  'neuantraege',
  'massnahme.eintritte',
  'massnahme.teilnehmende',
  ...INTEGRATIONSARTEN.map((a) => `integration.${a}`),
  'integrationen',
  'leistung.llu_cent',
  'leistung.luh_cent',
  'zahlung.llu_cent',
  'zahlung.luh_cent',
  'zahlung.luh_bund_cent',
  'zahlung.luh_kommunal_cent',
  'zahlung.sofortzuschlag_cent',
  ...GRUNDDATEN_SCHLUESSEL.map((k) => `gd.${k}`),
];
export const KENNUNGEN_KOSTEN: readonly string[] = [
  'kosten.gesamt_cent',
  'kosten.lebensunterhalt_cent',
  'kosten.unterkunft_cent',
  'kosten.unterkunft_bund_cent',
  'kosten.unterkunft_kommunal_cent',
  'kosten.sofortzuschlag_cent',
  'kosten.einmalig_cent',
  'kosten.eingliederung_cent',
];

// ---------------------------------------------------------------------------------------------- one chunk

type Monatsrahmen = { monat: string; stichtag: string; monatsanfang: string; monatsende: string; fenster: { von: string; bis: string }; land: Bundesland | null };

/** A one-argument function with a cache of its results. */
function merke<R>(f: (x: string) => R): (x: string) => R {
  const cache = new Map<string, R>();
  return (x) => {
    let r = cache.get(x);
    if (r === undefined && !cache.has(x)) cache.set(x, (r = f(x)));
    return r as R;
  };
}

/** The person and BG rows of one chunk from its facts (the rules of DESIGN-15 "Rules of the person row"). */
export function chunkZeilen(f: ChunkFakten, r: Monatsrahmen): { personen: PersonSchreiben[]; bgs: BgSchreiben[] } {
  const { stichtag, monatsanfang, monatsende } = r;
  const integ = new Map<string, ChunkFakten['integrationen']>();
  for (const i of f.integrationen) integ.set(i.personId, [...(integ.get(i.personId) ?? []), i]);
  const teil = new Map<string, ChunkFakten['teilnahmen']>();
  for (const x of f.teilnahmen) {
    if (istAktivierungsmassnahme(x.instrument as Instrument, stichtag) !== true) continue;
    teil.set(x.personId, [...(teil.get(x.personId) ?? []), x]);
  }
  const betraege = new Map<string, Map<string, { anspruchCent: number; sofortzuschlagCent: number }>>();
  for (const [bgId, m] of f.monate) betraege.set(bgId, new Map(m.personen.map((p) => [p.id, p])));

  // the rules per distinct input (many persons share a Geburtsdatum or a code; exact inputs as keys)
  const altersgruppeVon = merke((geb: string) => altersgruppe(geb, stichtag));
  const staatVon = merke((code: string) => staatsangehoerigkeitGruppe(code, stichtag));
  const personen: PersonSchreiben[] = [];
  const bgs = new Map<string, BgSchreiben>();
  const bgZeile = (bgId: string): BgSchreiben | undefined => {
    let b = bgs.get(bgId);
    if (b) return b;
    const ort = f.bg.get(bgId);
    if (!ort) return undefined;
    b = { bgId, kommuneId: ort.kommuneId, standortId: ort.standortId, personen: 0, elb: 0, nef: 0, alleinerziehend: false, leistungLluCent: 0, leistungLuhCent: 0, zahlungLluCent: 0, zahlungLuhCent: 0, luhBundCent: 0, luhKommunalCent: 0, sofortzuschlagCent: 0 };
    // the money of the Bewilligung month: LUH_i = min(anspruch_i, unterkunft_i), LLU_i = the rest (src/domain/kosten);
    // Leistungsanspruch = before Minderungen (anspruch_i + the engine's Minderung of the person, which never touches the KdU)
    for (const p of f.monate.get(bgId)?.personen ?? []) {
      const luh = Math.min(p.anspruchCent, p.unterkunftCent);
      b.zahlungLuhCent += luh;
      b.zahlungLluCent += p.anspruchCent - luh;
      const vor = p.anspruchCent + Math.round((f.monate.get(bgId)?.minderungEuro.get(p.id) ?? 0) * 100);
      const luhVor = Math.min(vor, p.unterkunftCent);
      b.leistungLuhCent += luhVor;
      b.leistungLluCent += vor - luhVor;
      b.sofortzuschlagCent += p.sofortzuschlagCent;
    }
    const teilung = teileLuh(b.zahlungLuhCent, r.land, r.monat);
    b.luhBundCent = teilung.bundCent;
    b.luhKommunalCent = teilung.kommunalCent;
    bgs.set(bgId, b);
    return b;
  };
  for (const bgId of f.monate.keys()) bgZeile(bgId);

  for (const m of f.mitglieder) {
    const s = f.stammdaten.get(m.personId);
    const b = bgZeile(m.bgId);
    if (!s || !b) continue;
    const mk = f.merkmale.get(m.personId);
    const erwerbsfaehig = mk?.erwerbsfaehig ?? null;
    const betrag = betraege.get(m.bgId)?.get(m.personId);
    const anspruchCent = betrag?.anspruchCent ?? 0;
    const gruppe = personengruppe({ stichtag, geburtsdatum: s.geburtsdatum, erwerbsfaehig, anspruchCent, sofortzuschlagCent: betrag?.sofortzuschlagCent ?? 0 });
    const iv = elbIntervall({ monat: r.monat, mitgliedVon: m.von, mitgliedBis: m.bis, geburtsdatum: s.geburtsdatum, erwerbsfaehig, anspruchCent });
    const elb = iv !== null && iv.von <= stichtag && stichtag <= iv.bis;
    // LZB: eLb days of the earlier snapshots in the window (summed in SQL) + this month's up to the Stichtag
    const dieserMonat = iv ? Math.max(0, tagNr(iv.bis < stichtag ? iv.bis : stichtag) - tagNr(iv.von > r.fenster.von ? iv.von : r.fenster.von) + 1) : 0;
    const lzb = elb && istLzb((f.lzbVorTage.get(m.personId) ?? 0) + dieserMonat, stichtag);
    const eigene = integ.get(m.personId) ?? [];
    const sv = eigene.some((i) => SV_PFLICHTIG.has(i.art as Integrationsart) && i.beginn <= stichtag && (i.ende === null || i.ende >= stichtag));
    const imMonat = eigene.filter((i) => i.beginn >= monatsanfang && i.beginn <= monatsende);
    let ereignisse = 0;
    for (const i of imMonat) {
      const art = EREIGNIS_VON[i.art as Integrationsart];
      if (art) ereignisse |= EREIGNIS_BIT[art];
    }
    const integrationsart = (imMonat.find((i) => zaehltAlsIntegration(i.art as Integrationsart)) ?? imMonat[0])?.art ?? null;
    const tn = teil.get(m.personId) ?? [];
    const massnahme = tn.some((x) => x.eintritt <= stichtag && (x.austritt === null || x.austritt >= stichtag));
    const massnahmeEintritt = tn.some((x) => x.eintritt >= monatsanfang && x.eintritt <= monatsende);
    const status = f.status.get(m.personId);
    const alleinerziehend = mk?.alleinerziehend === true;
    personen.push({
      personId: m.personId,
      bgId: m.bgId,
      gruppe,
      kommuneId: b.kommuneId,
      standortId: b.standortId,
      altersgruppe: altersgruppeVon(s.geburtsdatum),
      geschlecht: s.geschlecht,
      alleinerziehend,
      staatsangehoerigkeit: staatVon(s.staatsangehoerigkeit),
      arbeitsmarktstatus: elb ? statistikArbeitsmarktstatus({ status: status?.status ?? null, grund: status?.grund ?? null, inMassnahme: massnahme, svBeschaeftigt: sv }) : null,
      elbVon: iv?.von ?? null,
      elbBis: iv?.bis ?? null,
      elb,
      lzb,
      sv,
      massnahme,
      ereignisse,
      integrationsart,
      massnahmeEintritt,
    });
    b.personen++;
    if (elb) b.elb++;
    if (gruppe === 'nef') b.nef++;
    if (alleinerziehend) b.alleinerziehend = true;
  }
  return { personen, bgs: [...bgs.values()] };
}

// ---------------------------------------------------------------------------------------------- the figures

type Regionen = { kommunen: string[]; standorte: { id: string; kommuneId: string | null }[] };
type Wert = { ebene: Ebene; region: string; kennung: string; wert: number };

class Summen {
  readonly werte = new Map<string, Map<string, number>>();
  private key = (ebene: Ebene, region: string) => `${ebene}|${region}`;
  constructor(r: Regionen) {
    const alle = (ebene: Ebene, region: string, kosten: boolean) => {
      const m = new Map<string, number>();
      for (const k of KENNUNGEN_BESTAND) m.set(k, 0);
      if (kosten) for (const k of KENNUNGEN_KOSTEN) m.set(k, 0);
      this.werte.set(this.key(ebene, region), m);
    };
    alle('traeger', '', true);
    for (const k of r.kommunen) alle('kommune', k, true);
    for (const s of r.standorte) alle('standort', s.id, false);
  }
  add(ebene: Ebene, region: string, kennung: string, wert: number) {
    const m = this.werte.get(this.key(ebene, region));
    if (!m) return;
    m.set(kennung, (m.get(kennung) ?? 0) + wert);
  }
  set(ebene: Ebene, region: string, kennung: string, wert: number) {
    this.werte.get(this.key(ebene, region))?.set(kennung, wert);
  }
  /** A cell's counts go to the Träger, its Kommune and its Standort. */
  zelle(z: Zelle) {
    for (const [k, v] of Object.entries(z.werte)) {
      this.add('traeger', '', k, v);
      if (z.kommuneId) this.add('kommune', z.kommuneId, k, v);
      if (z.standortId) this.add('standort', z.standortId, k, v);
    }
  }
  liste(): Wert[] {
    const out: Wert[] = [];
    for (const [key, m] of this.werte) {
      const [ebene, region] = key.split('|') as [Ebene, string];
      for (const [kennung, wert] of m) out.push({ ebene, region, kennung, wert });
    }
    return out;
  }
}

type MitRegion = { pm: PersonMonat; kommuneId: string | null; standortId: string };
const alsPm = (z: PersonMonatZeile): MitRegion => ({
  pm: { id: z.personId, elb: z.elb, lzb: z.lzb, alleinerziehend: z.alleinerziehend, sv: z.sv, massnahme: z.massnahme, ereignisse: z.ereignisse },
  kommuneId: z.kommuneId,
  standortId: z.standortId,
});

/** The lists per region: Träger (''), each Kommune, each Standort. */
function nachRegion(liste: readonly MitRegion[]): Map<string, PersonMonat[]> {
  const out = new Map<string, PersonMonat[]>([['traeger|', []]]);
  const push = (k: string, pm: PersonMonat) => {
    const l = out.get(k);
    if (l) l.push(pm);
    else out.set(k, [pm]);
  };
  for (const x of liste) {
    push('traeger|', x.pm);
    if (x.kommuneId) push(`kommune|${x.kommuneId}`, x.pm);
    push(`standort|${x.standortId}`, x.pm);
  }
  return out;
}

/**
 * The engine's rows of a month: the stored persons (eLb or with a job start) plus, as eLb = false, the persons of
 * B(m−1) who have no row at m (they left) with their job starts of m – their events still count (DESIGN-15).
 */
async function personMonateMitAbgaengen(tx: Parameters<typeof repo.personMonate>[0], traegerId: string, monat: string, nurEreignis?: number): Promise<MitRegion[]> {
  const zeilen = (await repo.personMonate(tx, { traegerId, monat, nurEreignis })).map(alsPm);
  const ereignisse = await repo.abgangsEreignisse(tx, { traegerId, monat, vormonat: plusMonate(monat, -1), monatsanfang: `${monat}-01`, monatsende: letzterTag(monat) });
  const abg = new Map<string, MitRegion>();
  for (const e of ereignisse) {
    const bitArt = EREIGNIS_VON[e.art as Integrationsart];
    if (!bitArt) continue;
    let x = abg.get(e.personId);
    if (!x) abg.set(e.personId, (x = { pm: { id: e.personId, elb: false, lzb: false, alleinerziehend: false, sv: false, massnahme: false, ereignisse: 0 }, kommuneId: e.kommuneId, standortId: e.standortId }));
    x.pm.ereignisse |= EREIGNIS_BIT[bitArt];
  }
  return [...zeilen, ...abg.values()];
}

async function berechneWerte(
  tx: Parameters<typeof repo.personMonate>[0],
  o: { traegerId: string; monat: string; land: Bundesland | null; stichtagTag: number | null; heute: string },
): Promise<{ werte: Wert[]; kontinuierlichMonat: string | null; kontinuierlichWerte: Wert[]; kontinuierlichNurNeu: boolean }> {
  const { traegerId, monat } = o;
  const vormonat = plusMonate(monat, -1);
  const monatsanfang = `${monat}-01`;
  const monatsende = letzterTag(monat);
  const regionen = await repo.regionen(tx);
  const s = new Summen(regionen);
  for (const z of await repo.bestand(tx, { traegerId, monat })) s.zelle(z);
  for (const z of await repo.bewegungen(tx, { traegerId, monat, vormonat })) s.zelle(z);
  for (const z of await repo.integrationen(tx, { traegerId, monat, vormonat, monatsanfang, monatsende })) s.zelle(z);
  for (const z of await repo.neuantraege(tx, { traegerId, monatsanfang, monatsende })) s.zelle(z);
  // integrationen = the sum of the Integration-counting arts
  for (const [, m] of s.werte) {
    let summe = 0;
    for (const a of INTEGRATIONSARTEN) if (zaehltAlsIntegration(a)) summe += m.get(`integration.${a}`) ?? 0;
    m.set('integrationen', summe);
  }

  // costs paid in Zahlmonat m (kosten domain), Träger and Kommune (the BG's Kommune in the snapshot, else the booking's)
  const buchungen = await repo.buchungen(tx, { traegerId, monat });
  const kosten = (liste: typeof buchungen, ebene: Ebene, region: string) => {
    const k = kostenImMonat(
      liste.map((b): Buchung => ({ bgId: b.bgId, leistungsmonat: b.leistungsmonat, zahlmonat: b.zahlmonat, kostenart: b.kostenart as Buchung['kostenart'], traeger: b.kostentraeger as Buchung['traeger'], kommuneId: b.kommuneId, betragCent: b.betragCent })),
      monat,
    );
    const luh = teileLuh(k.jeKostenart.unterkunft, o.land, monat);
    s.set(ebene, region, 'kosten.gesamt_cent', k.gesamtCent);
    s.set(ebene, region, 'kosten.lebensunterhalt_cent', k.jeKostenart.lebensunterhalt);
    s.set(ebene, region, 'kosten.unterkunft_cent', k.jeKostenart.unterkunft);
    s.set(ebene, region, 'kosten.unterkunft_bund_cent', luh.bundCent);
    s.set(ebene, region, 'kosten.unterkunft_kommunal_cent', luh.kommunalCent);
    s.set(ebene, region, 'kosten.sofortzuschlag_cent', k.jeKostenart.sofortzuschlag);
    s.set(ebene, region, 'kosten.einmalig_cent', k.jeKostenart.einmalig);
    s.set(ebene, region, 'kosten.eingliederung_cent', k.jeKostenart.eingliederung);
  };
  kosten(buchungen, 'traeger', '');
  for (const k of regionen.kommunen) kosten(buchungen.filter((b) => b.bgKommuneId === k), 'kommune', k);

  // Grunddaten of m through the engine, per region
  const jetzt = nachRegion(await personMonateMitAbgaengen(tx, traegerId, monat));
  const vor = nachRegion((await repo.personMonate(tx, { traegerId, monat: vormonat })).map(alsPm));
  const regionKeys = ['traeger|', ...regionen.kommunen.map((k) => `kommune|${k}`), ...regionen.standorte.map((x) => `standort|${x.id}`)];
  for (const key of regionKeys) {
    const [ebene, region] = key.split('|') as [Ebene, string];
    const gd = grunddaten(vor.get(key) ?? [], jetzt.get(key) ?? []);
    for (const k of GRUNDDATEN_SCHLUESSEL) s.set(ebene, region, `gd.${k}`, gd[k]);
  }

  // gd.svbKontinuierlich of m−6: its svb-Integrationen, sv-pflichtig employed (integrationen, whether still in a BG
  // or not) at each of the six Stichtage m−5 … m
  const t = plusMonate(monat, -K2E3_FOLGEMONATE);
  const snapT = await repo.snapshot(tx, t);
  const kontinuierlichWerte: Wert[] = [];
  if (snapT && snapT.status !== 'im_aufbau') {
    // `kontinuierlich` looks only at the persons with an svb start in t (and at their row of t−1): only those are read
    const imMonat = await personMonateMitAbgaengen(tx, traegerId, t, EREIGNIS_BIT.svb);
    const svbIds = [...new Set(imMonat.filter((x) => (x.pm.ereignisse & EREIGNIS_BIT.svb) !== 0).map((x) => x.pm.id))];
    const vorT = nachRegion((await repo.personMonate(tx, { traegerId, monat: plusMonate(t, -1), personIds: svbIds })).map(alsPm));
    const tage = Array.from({ length: K2E3_FOLGEMONATE }, (_, i) => stichtagVon(plusMonate(t, i + 1), o.stichtagTag));
    const sv = await repo.svAn(tx, { traegerId, personIds: svbIds, tage, arten: [...SV_PFLICHTIG] });
    const folgende = tage.map((tag) => svbIds.map((id): PersonMonat => ({ id, elb: false, lzb: false, alleinerziehend: false, sv: sv.has(`${id}|${tag}`), massnahme: false, ereignisse: 0 })));
    const inT = nachRegion(imMonat);
    for (const key of regionKeys) {
      const [ebene, region] = key.split('|') as [Ebene, string];
      const n = kontinuierlich(inT.get(key) ?? [], folgende, vorT.get(key) ?? []);
      if (n !== null) kontinuierlichWerte.push({ ebene, region, kennung: 'gd.svbKontinuierlich', wert: n });
    }
  }
  return { werte: s.liste(), kontinuierlichMonat: snapT ? t : null, kontinuierlichWerte, kontinuierlichNurNeu: snapT?.status === 'endgueltig' };
}

// ---------------------------------------------------------------------------------------------- the build

/**
 * Builds (or resumes, or rebuilds) the snapshot of `monat` for one Träger as of `heute`. Refuses a month whose
 * Stichtag lies after `heute` (400 statistik_monat_zukunft) and an endgültiger snapshot (409 statistik_endgueltig).
 */
export async function baueSnapshot(o: {
  ctx: AppContext;
  traegerId: string;
  monat: string;
  heute: string;
  /** tests: throw SnapshotAbgebrochen after this many chunks (a killed job) */
  abbrechenNach?: number;
  chunkGroesse?: number;
}): Promise<SnapshotErgebnis> {
  const { ctx, traegerId, monat, heute } = o;
  const scope = { traegerId };
  const beginn = Date.now();
  const groesse = o.chunkGroesse ?? CHUNK_GROESSE;
  const start = await ctx.db.withTenant(scope, async (tx) => {
    const e = await repo.einstellungen(tx);
    const stichtag = stichtagVon(monat, e.stichtagTag);
    if (stichtag > heute) throw fehler('statistik_monat_zukunft', { issues: [{ path: 'monat', code: 'statistik_monat_zukunft', message: 'Der Stichtag dieses Monats liegt in der Zukunft.' }] });
    const s = await repo.snapshot(tx, monat, { sperren: true });
    if (s?.status === 'endgueltig') throw fehler('statistik_endgueltig');
    const lauf = s?.status === 'im_aufbau' ? s : await repo.beginne(tx, { traegerId, monat, stichtag, jetzt: ctx.clock.now() });
    return { einstellungen: e, stichtag: lauf.stichtag, lauf: lauf.lauf, fortgesetzt: s?.status === 'im_aufbau' };
  });
  const { stichtag, lauf } = start;
  const land = (start.einstellungen.land as Bundesland | null) ?? null;
  const monatsanfang = `${monat}-01`;
  const monatsende = letzterTag(monat);
  const fenster = lzbFenster(stichtag);
  const rahmen: Monatsrahmen = { monat, stichtag, monatsanfang, monatsende, fenster, land };
  const { bgIds, lzbVorTage, personFakten } = await ctx.db.withTenant(
    scope,
    async (tx) => ({
      bgIds: await repo.bgIdsDesMonats(tx, { traegerId, monat, monatsanfang, monatsende }),
      // the earlier months do not change during the build: their eLb days in the window, read once
      lzbVorTage: await repo.lzbVorTage(tx, { traegerId, monat, stichtag, fensterVon: fenster.von, fensterMonatVon: fenster.von.slice(0, 7) }),
      // Stammdaten, Merkmale, Arbeitsmarktstatus at the Stichtag: one pass per table instead of one per chunk
      personFakten: await repo.personFakten(tx, { traegerId, stichtag }),
    }),
    LONG_TRANSACTION,
  );

  const gehoertZumLauf = (s: Awaited<ReturnType<typeof repo.snapshot>>) => {
    // another build finished or restarted the month meanwhile: this one stops (its work is not needed)
    if (!s || s.status !== 'im_aufbau' || s.lauf !== lauf) throw fehler('conflict', { meldung: 'Die Statistik dieses Monats wird gerade von einem anderen Lauf erstellt.' });
  };
  let chunks = 0;
  for (;;) {
    const fertig = await ctx.db.withTenant(
      scope,
      async (tx) => {
        await repo.planFuerChunk(tx);
        const s = await repo.snapshot(tx, monat, { sperren: true });
        gehoertZumLauf(s);
        const nach = s!.fortschritt;
        const ab = nach === null ? 0 : ersterIndexNach(bgIds, nach);
        if (ab >= bgIds.length) return true;
        const ids = bgIds.slice(ab, ab + groesse);
        const fakten = await repo.chunkFakten(tx, {
          traegerId,
          bgIds: ids,
          monat,
          stichtag,
          monatsanfang,
          monatsende,
          lzbVorTage,
          personen: personFakten,
        });
        const { personen, bgs } = chunkZeilen(fakten, rahmen);
        await repo.schreibeChunk(tx, { traegerId, monat, nach, bis: ids.at(-1)!, personen, bgs });
        return false;
      },
      LONG_TRANSACTION,
    );
    if (fertig) break;
    chunks++;
    if (o.abbrechenNach !== undefined && chunks >= o.abbrechenNach) throw new SnapshotAbgebrochen(chunks);
  }

  await ctx.db.withSystem((tx) => repo.analysiere(tx), LONG_TRANSACTION);
  return ctx.db.withTenant(
    scope,
    async (tx) => {
      await repo.planFuerAggregation(tx);
      const s = await repo.snapshot(tx, monat, { sperren: true });
      gehoertZumLauf(s);
      await repo.entferneRest(tx, { traegerId, monat, nach: bgIds.at(-1) ?? null });
      const w = await berechneWerte(tx, { traegerId, monat, land, stichtagTag: start.einstellungen.stichtagTag, heute });
      await repo.ersetzeWerte(tx, { traegerId, monat, werte: w.werte });
      if (w.kontinuierlichMonat) await repo.setzeWerte(tx, { traegerId, monat: w.kontinuierlichMonat, nurNeu: w.kontinuierlichNurNeu, werte: w.kontinuierlichWerte });
      const anzahl = await repo.zaehle(tx, { traegerId, monat });
      const status = datenstand(monat, start.einstellungen.stichtagTag, heute);
      const dauerMs = Date.now() - beginn;
      await repo.abschliessen(tx, { monat, status, jetzt: ctx.clock.now(), protokoll: { ...anzahl, dauerMs } });
      return { monat, stichtag, status, lauf, ...anzahl, dauerMs, fortgesetzt: start.fortgesetzt };
    },
    LONG_TRANSACTION,
  );
}

/** Index of the first id after `nach` in the sorted list (binary search). */
function ersterIndexNach(ids: readonly string[], nach: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid]! <= nach) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Back-fill and rebuild for one Träger: every month from the first data month (or `von`) up to the last month whose
 * Stichtag has passed, in order (LZB needs the earlier months): missing or unfinished → build/resume; vorläufig →
 * rebuild; endgültig → skip.
 */
export async function baueFehlendeSnapshots(o: { ctx: AppContext; traegerId: string; heute: string; von?: string }): Promise<SnapshotErgebnis[]> {
  const { ctx, traegerId, heute } = o;
  const { erster, stichtagTag, vorhanden } = await ctx.db.withTenant({ traegerId }, async (tx) => ({
    erster: await statistikRepository.ersterDatenmonat(tx),
    stichtagTag: (await repo.einstellungen(tx)).stichtagTag,
    vorhanden: new Map((await repo.liste(tx)).map((s) => [s.monat, s.status])),
  }));
  if (erster === null) return [];
  const out: SnapshotErgebnis[] = [];
  for (let m = o.von && o.von > erster ? o.von : erster; stichtagVon(m, stichtagTag) <= heute; m = plusMonate(m, 1)) {
    if (vorhanden.get(m) === 'endgueltig') continue;
    out.push(await baueSnapshot({ ctx, traegerId, monat: m, heute }));
  }
  return out;
}

/**
 * Träger whose snapshots are built at the same time. Each build is one connection running one query after the other
 * (the database does most of the work); two streams keep both cores of the reference machine busy
 * (bench/statistik.ts: docs/statistik.md "Demo-Daten und Benchmark"). Like the parallel streams of a Massenänderung.
 */
export const PARALLELE_TRAEGER = 2;

/** `fn` for every item, at most `n` running at a time; the results in the order of the items. */
async function jeweils<T, R>(liste: readonly T[], n: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = Array.from({ length: liste.length });
  let naechster = 0;
  const strom = async () => {
    while (naechster < liste.length) {
      const i = naechster++;
      out[i] = await fn(liste[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, liste.length)) }, strom));
  return out;
}

/** The snapshot of one month for each of the given Träger, `parallel` (default PARALLELE_TRAEGER) at a time. */
export async function baueMonatFuerTraeger(o: { ctx: AppContext; traegerIds: readonly string[]; monat: string; heute: string; parallel?: number }): Promise<SnapshotErgebnis[]> {
  return jeweils(o.traegerIds, o.parallel ?? PARALLELE_TRAEGER, (traegerId) => baueSnapshot({ ctx: o.ctx, traegerId, monat: o.monat, heute: o.heute }));
}

/**
 * The nightly run: `baueFehlendeSnapshots` for every Träger, PARALLELE_TRAEGER at a time (each Träger's months in
 * order); one Träger's failure does not stop the others (logged, retried next night).
 */
export async function baueSnapshotsAllerTraeger(o: { ctx: AppContext; heute: string; log?: { warn: (obj: object, msg: string) => void } }): Promise<number> {
  const alle = await o.ctx.db.withSystem((tx) => directoryRepository.listTraeger(tx));
  const anzahl = await jeweils(alle, PARALLELE_TRAEGER, async (t) => {
    try {
      return (await baueFehlendeSnapshots({ ctx: o.ctx, traegerId: t.id, heute: o.heute })).length;
    } catch (err) {
      o.log?.warn({ err, traegerId: t.id }, 'Statistik-Snapshots: Träger übersprungen');
      return 0;
    }
  });
  return anzahl.reduce((a, b) => a + b, 0);
}
