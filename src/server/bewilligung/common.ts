import type { Tx } from '../../db/client.ts';
import { bewilligungRepository, einstellungenRepository, kduRepository } from '../../db/repositories/bewilligung.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { Bedarfsgemeinschaft, Bewilligung, BewilligungMonat, KduRichtwert } from '../../db/schema/index.ts';
import { BerechnungsFehler } from '../../domain/berechnung/fehler.ts';
import type { BerechnungErgebnis, BerechnungInput } from '../../domain/berechnung/schema.ts';
import {
  berechneZeitraum,
  BewilligungsFehler,
  STANDARD_VIER_AUGEN_REGELN,
  vierAugenRegelnSchema,
  zeitraumAusMonaten,
  type MonatsErgebnis,
  type PersonBetrag,
  type VierAugenRegeln,
  type ZeitraumErgebnis,
} from '../../domain/bewilligung/index.ts';
import {
  ersterTag,
  FallakteFehler,
  fallakteZuBerechnungInput,
  letzterTag,
  zustandFuerMonat,
  type FallakteDaten,
} from '../../domain/fallakte/index.ts';
import { kostenaufteilung, type Kostenanteil } from '../../domain/kosten/index.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { ladeBgFuer } from '../fall/common.ts';
import type { Permission } from '../policies.ts';

export const BEWILLIGUNG = 'Die Bewilligung';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a Bewilligung and its BG with the usual 404-before-403 rule (other Träger/Standort → 404). */
export async function ladeBewilligungFuer(tx: Tx, actor: Actor, id: string, permission: Permission): Promise<{ b: Bewilligung; bg: Bedarfsgemeinschaft }> {
  if (!UUID.test(id)) throw notFound(BEWILLIGUNG);
  const b = await bewilligungRepository.find(tx, id);
  if (!b) throw notFound(BEWILLIGUNG);
  const bg = await ladeBgFuer(tx, actor, b.bgId, permission);
  return { b, bg };
}

export async function ladeFallakte(tx: Tx, bg: Bedarfsgemeinschaft, bank: boolean): Promise<FallakteDaten> {
  const rows = await fallRepository.ladeDaten(tx, bg.id, { bank });
  return { bg: { id: bg.id, fallnummer: bg.fallnummer, standortId: bg.standortId, status: bg.status, version: bg.version }, ...rows };
}

export async function vierAugenRegeln(tx: Tx): Promise<VierAugenRegeln> {
  const e = await einstellungenRepository.find(tx);
  if (!e) return STANDARD_VIER_AUGEN_REGELN;
  const r = vierAugenRegelnSchema.safeParse(e.vierAugenRegeln);
  return r.success ? r.data : STANDARD_VIER_AUGEN_REGELN;
}

/** The KdU-Richtwert of the Kommune for the household size valid on `tag` (the largest size recorded if beyond). */
export function richtwertAm(werte: readonly KduRichtwert[], groesse: number, tag: string): KduRichtwert | undefined {
  const gueltig = werte.filter((w) => w.gueltigVon <= tag && (w.gueltigBis === null || w.gueltigBis >= tag));
  const genau = gueltig.find((w) => w.haushaltsgroesse === groesse);
  if (genau) return genau;
  const kleiner = gueltig.filter((w) => w.haushaltsgroesse < groesse).sort((a, b) => b.haushaltsgroesse - a.haushaltsgroesse);
  return kleiner[0];
}

export type BerechneteMonate = {
  zeitraum: ZeitraumErgebnis;
  kommuneJeMonat: Map<string, string>;
  kosten: Map<string, Kostenanteil[]>;
};

/** Engine errors and missing Fallakte facts → clear 400 errors. */
export function alsAppError(err: unknown): never {
  if (err instanceof BerechnungsFehler) {
    const code = err.code === 'zeitraum_ausserhalb_rechtsstand' ? 'datum_ausserhalb_rechtsstand' : 'berechnung_ungueltig';
    throw new AppError(code, 400, `Die Berechnung ist nicht möglich: ${err.message}`, [{ path: err.pfad, code: err.code, message: err.message }]);
  }
  if (err instanceof FallakteFehler) throw new AppError(err.code, 400, err.message);
  if (err instanceof BewilligungsFehler) throw new AppError(err.code, 400, err.message);
  throw err;
}

/**
 * Computes the months of a period from the Fallakte: the state of each month (zustandFuerMonat), the KdU-Richtwert
 * of the BG's Kommune and household size as `unterkunft.angemessen`, the engine month by month.
 */
export async function berechneAusFallakte(
  tx: Tx,
  daten: FallakteDaten,
  monate: readonly string[],
  opts: { leistungsbeginn: string; bewilligungszeitraumBeginn: string },
): Promise<BerechneteMonate> {
  const kduCache = new Map<string, KduRichtwert[]>();
  const inputs: BerechnungInput[] = [];
  const kommuneJeMonat = new Map<string, string>();
  try {
    for (const monat of monate) {
      const zustand = zustandFuerMonat(daten, monat);
      const kommuneId = zustand.adresse?.kommuneId;
      if (!kommuneId) throw new AppError('keine_adresse', 400, `Für ${monat} ist keine Anschrift der Bedarfsgemeinschaft eingetragen.`);
      kommuneJeMonat.set(monat, kommuneId);
      if (!kduCache.has(kommuneId)) kduCache.set(kommuneId, await kduRepository.fuerKommune(tx, kommuneId));
      const rw = richtwertAm(kduCache.get(kommuneId) ?? [], zustand.personen.length, ersterTag(monat));
      const input = fallakteZuBerechnungInput(zustand, monat, {
        leistungsbeginn: opts.leistungsbeginn,
        bewilligungszeitraumBeginn: opts.bewilligungszeitraumBeginn,
        ...(rw ? { angemessen: { bruttokaltmieteCent: rw.bruttokaltmieteCent, heizkostenCent: rw.heizkostenCent } } : {}),
      });
      inputs.push(input);
    }
    const zeitraum = berechneZeitraum(inputs, { erklaerung: true });
    const kosten = new Map<string, Kostenanteil[]>();
    for (const m of zeitraum.monate) kosten.set(m.monat, kostenaufteilung(m.ergebnis, kommuneJeMonat.get(m.monat)!).anteile);
    return { zeitraum, kommuneJeMonat, kosten };
  } catch (err) {
    if (err instanceof AppError) throw err;
    alsAppError(err);
  }
}

export function monatsZeilen(traegerId: string, bewilligungId: string, z: ZeitraumErgebnis, kosten: Map<string, Kostenanteil[]>) {
  return z.monate.map((m) => ({
    traegerId,
    bewilligungId,
    monat: m.monat,
    input: m.input,
    ergebnis: m.ergebnis,
    personen: m.personen,
    kosten: kosten.get(m.monat) ?? [],
    auszahlungCent: m.auszahlungCent,
  }));
}

/** Stored months → the domain's period result (for Bescheide and comparisons). */
export function zeitraumAusGespeichert(monate: readonly BewilligungMonat[]): ZeitraumErgebnis {
  const ms: MonatsErgebnis[] = monate.map((m) => ({
    monat: m.monat,
    auszahlungCent: m.auszahlungCent,
    personen: m.personen as PersonBetrag[],
    input: m.input as BerechnungInput,
    ergebnis: m.ergebnis as BerechnungErgebnis,
  }));
  return zeitraumAusMonaten(ms);
}

export const monatBis = (bis: string) => bis.slice(0, 7);
export const monatVonTag = (von: string) => von.slice(0, 7);
export const periodeTage = (beginn: string, ende: string) => ({ von: ersterTag(beginn), bis: letzterTag(ende) });

/** PostgreSQL exclusion violation of the Bewilligungszeitraum → 409. */
export async function ohneUeberschneidung<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    let e: unknown = err;
    for (let d = 0; e && d < 5; d++) {
      const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
      if (x.code === '23P01' && x.constraint === 'bewilligungen_keine_ueberschneidung') throw ueberschneidungsFehler();
      e = x.cause;
    }
    throw err;
  }
}

export const ueberschneidungsFehler = () =>
  new AppError(
    'bewilligungszeitraum_ueberschneidung',
    409,
    'Für diesen Zeitraum ist bereits eine Bewilligung erteilt. Bewilligungszeiträume dürfen sich nicht überschneiden; ändern Sie die bestehende Bewilligung.',
  );

export async function protokolliereBewilligung(tx: Tx, actor: Actor, bgId: string, action: 'read' | 'create' | 'update', zweck: string, details: Record<string, unknown>) {
  await recordAudit(tx, actor, { objectType: 'bewilligung', objectId: bgId, action, purpose: zweck, details });
}

/** Ab, reason and Erstattung of an Aufhebung (stored in `aenderung`), null for other decisions. */
function aufhebungVon(b: Bewilligung): { ab: string; text: string; norm: string; erstattungCent: number } | null {
  if (b.vorgang !== 'aufhebung' || !b.aenderung) return null;
  const a = b.aenderung as {
    ab: string;
    vergleich: { erstattungsforderung: { betragCent: number } | null };
    aufhebung: { text: string; norm: string; tatbestand?: { norm: string } | null };
  };
  // the norm of the reason plus, for the past, the Tatbestand of § 48 Abs. 1 S. 2 SGB X
  const norm = a.aufhebung.tatbestand ? `${a.aufhebung.norm}; ${a.aufhebung.tatbestand.norm}` : a.aufhebung.norm;
  return { ab: a.ab, text: a.aufhebung.text, norm, erstattungCent: a.vergleich.erstattungsforderung?.betragCent ?? 0 };
}

/** Plain JSON view of a Bewilligung for the API and pages. */
export function presentBewilligung(b: Bewilligung, monate?: readonly BewilligungMonat[]) {
  return {
    id: b.id,
    bgId: b.bgId,
    antragId: b.antragId,
    beginn: monatVonTag(b.von),
    ende: monatBis(b.bis),
    art: b.art,
    vorgang: b.vorgang,
    status: b.status,
    rechtsstand: b.rechtsstand,
    vorlaeufigGrund: b.vorlaeufigGrund,
    vorgaengerId: b.vorgaengerId,
    summeCent: b.summeCent,
    hoechsterMonatCent: b.hoechsterMonatCent,
    vierAugenGruende: (b.vierAugenGruende as { code: string; text: string }[] | null) ?? [],
    ablehnungsgruende: ((b.ablehnungsgruende as { text: string; norm: string }[] | null) ?? []).map((g) => ({ text: g.text, norm: g.norm })),
    aufhebung: aufhebungVon(b),
    computedAt: b.computedAt.toISOString(),
    createdBy: b.createdBy,
    approvedBy: b.approvedBy,
    approvedAt: b.approvedAt ? b.approvedAt.toISOString() : null,
    version: b.version,
    ...(monate
      ? {
          monate: monate.map((m) => ({
            monat: m.monat,
            auszahlungCent: m.auszahlungCent,
            personen: (m.personen as PersonBetrag[]).map((p) => ({ id: p.id, auszahlungCent: p.auszahlungCent, anspruchCent: p.anspruchCent, sofortzuschlagCent: p.sofortzuschlagCent })),
            schritte: ((m.ergebnis as BerechnungErgebnis).schritte ?? []).map((s) => ({ text: s.text, norm: s.norm })),
            fortgeschrieben: (m.ergebnis as BerechnungErgebnis).fortgeschrieben !== undefined,
            rechtBekanntBis: (m.ergebnis as BerechnungErgebnis).fortgeschrieben?.rechtBekanntBis ?? null,
          })),
          fortgeschriebeneMonate: monate.filter((m) => (m.ergebnis as BerechnungErgebnis).fortgeschrieben !== undefined).map((m) => m.monat),
        }
      : {}),
  };
}
