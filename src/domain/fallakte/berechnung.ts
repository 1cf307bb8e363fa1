/**
 * Fallakte → input of the Leistungsberechnung (exchange format v1, docs/berechnung.md).
 */
import type { BerechnungInput, EinkommenInput, PersonInput } from '../berechnung/schema.ts';
import { minderungImMonat } from '../fordern/monat.ts';
import { letzterTag, naechsterMonat } from './datum.ts';
import type { FallZustand, PersonZustand } from './typen.ts';

export class FallakteFehler extends Error {
  constructor(
    readonly code: 'kein_antragsteller' | 'mehrere_antragsteller' | 'mehrere_partner' | 'keine_personen',
    message: string,
  ) {
    super(message);
    this.name = 'FallakteFehler';
  }
}

export type BerechnungsOptionen = {
  /** First month of the running benefit ('YYYY-MM'), controls the Karenzzeit. */
  leistungsbeginn?: string;
  /** Start of the Bewilligungszeitraum ('YYYY-MM'). */
  bewilligungszeitraumBeginn?: string;
  /** Part of the month instead of the whole month (both days inclusive, within `monat`). */
  zeitraum?: { von: string; bis: string };
  /** Values of the Kommune for the Angemessenheit (cents). */
  angemessen?: { bruttokaltmieteCent?: number; heizkostenCent?: number };
  /** Earlier benefit periods before `leistungsbeginn` ('YYYY-MM', both inclusive): Karenzzeit extension or restart. */
  fruehererBezug?: readonly { von: string; bis: string }[];
  /**
   * Last month ('YYYY-MM') whose benefits were already provided by an earlier decision: a one-off income that flowed in
   * up to then counts from the month after its inflow (§ 11 Abs. 3 S. 3 SGB II).
   */
  bereitsErbrachtBis?: string;
};

const euro = (c: number) => Math.round(c) / 100;

/**
 * Leistungsbeginn and earlier benefit periods for a Bewilligungszeitraum from `beginn` ('YYYY-MM'), from the
 * periods of the BG's approved Bewilligungen (days 'YYYY-MM-DD'). Their months before `beginn` are merged into
 * ranges; the range that runs up to the month before `beginn` is the running benefit (its first month is the
 * Leistungsbeginn), the earlier ranges are `fruehererBezug` (Karenzzeit extension or restart, § 12 Abs. 3, § 22 Abs. 1).
 */
export function bezugszeiten(
  bewilligte: readonly { von: string; bis: string }[],
  beginn: string,
): { leistungsbeginn: string; fruehererBezug: { von: string; bis: string }[] } {
  const perioden = bewilligte
    .map((b) => ({ von: b.von.slice(0, 7), bis: b.bis.slice(0, 7) }))
    .filter((b) => b.von < beginn)
    .map((b) => ({ von: b.von, bis: b.bis < beginn ? b.bis : beginn }))
    .sort((a, b) => (a.von < b.von ? -1 : a.von > b.von ? 1 : 0));
  const ranges: { von: string; bis: string }[] = [];
  for (const p of perioden) {
    const letzte = ranges.at(-1);
    if (letzte && p.von <= naechsterMonat(letzte.bis)) {
      if (p.bis > letzte.bis) letzte.bis = p.bis;
    } else ranges.push({ ...p });
  }
  const laufend = ranges.at(-1);
  // a range reaching `beginn` (or the month before it) continues into the new period
  if (laufend && (laufend.bis === beginn || naechsterMonat(laufend.bis) === beginn)) {
    return { leistungsbeginn: laufend.von, fruehererBezug: ranges.slice(0, -1) };
  }
  return { leistungsbeginn: beginn, fruehererBezug: ranges };
}

function einkommen(p: PersonZustand, monat: string, optionen: BerechnungsOptionen): EinkommenInput[] {
  const ende = letzterTag(monat);
  return p.einkommen.flatMap((e): EinkommenInput[] => {
    if (e.art === 'erwerbstaetigkeit') {
      const out: EinkommenInput = { art: 'erwerbstaetigkeit', brutto: euro(e.bruttoCent ?? 0), netto: euro(e.nettoCent ?? 0) };
      if (e.absetzungenCent !== null && e.absetzungenCent !== undefined) out.absetzungen = euro(e.absetzungenCent);
      if (e.ferienjob) out.ferienjob = true;
      return [out];
    }
    // Selbständigkeit with Gewinn and netto: the engine computes the Freibeträge on the Gewinn; else the old amount
    if (e.art === 'selbststaendigkeit' && e.bruttoCent !== null && e.nettoCent !== null) {
      const out: EinkommenInput = { art: 'selbststaendigkeit', brutto: euro(e.bruttoCent), netto: euro(e.nettoCent) };
      if (e.absetzungenCent !== null && e.absetzungenCent !== undefined) out.absetzungen = euro(e.absetzungenCent);
      return [out];
    }
    // a one-off income: the engine decides in which months from the inflow it counts (§ 11 Abs. 3 SGB II)
    if (e.art === 'einmalig') {
      if (!e.zuflussDatum || e.zuflussDatum > ende) return [];
      // an inflow before the benefit began is Vermögen, not income (§ 11 Abs. 1: income is what flows in during the claim)
      if (optionen.leistungsbeginn && e.zuflussDatum.slice(0, 7) < optionen.leistungsbeginn) return [];
      const out: EinkommenInput = { art: 'einmalig', betrag: euro(e.betragCent ?? 0), zufluss: e.zuflussDatum };
      if (optionen.bereitsErbrachtBis && e.zuflussDatum.slice(0, 7) <= optionen.bereitsErbrachtBis) out.leistungBereitsErbracht = true;
      if (e.bezeichnung) out.bezeichnung = e.bezeichnung;
      if (e.erbschaft) out.erbschaft = true;
      return [out];
    }
    return [{ art: e.art as Exclude<EinkommenInput['art'], 'erwerbstaetigkeit' | 'einmalig'>, betrag: euro(e.betragCent ?? 0) }];
  });
}

function person(p: PersonZustand, monat: string, ids: Set<string>, minderung: { prozent: number; nichtErreichbar: boolean }, optionen: BerechnungsOptionen): PersonInput {
  const out: PersonInput = { id: p.id, geburtsdatum: p.geburtsdatum, rolle: p.rolle };
  // The engine's default for 'sonstige' is "outside the BG", for everyone else "inside".
  const standardInBg = p.rolle !== 'sonstige';
  if (p.inBg !== standardInBg) out.inBedarfsgemeinschaft = p.inBg;
  const m = p.merkmale;
  if (m) {
    if (m.erwerbsfaehig !== null) out.erwerbsfaehig = m.erwerbsfaehig;
    if (m.kindergeldberechtigterPersonId && ids.has(m.kindergeldberechtigterPersonId) && p.rolle === 'kind') {
      out.kindergeldberechtigter = m.kindergeldberechtigterPersonId;
    }
    if (m.alleinerziehend !== null) out.alleinerziehend = m.alleinerziehend;
    if (m.schwanger) out.schwanger = true;
    const mehrbedarf: NonNullable<PersonInput['mehrbedarf']> = {};
    if (m.mehrbedarfBehinderung) mehrbedarf.behinderung = true;
    if (m.mehrbedarfErnaehrungCent) mehrbedarf.ernaehrung = euro(m.mehrbedarfErnaehrungCent);
    if (m.mehrbedarfUnabweisbarCent) mehrbedarf.unabweisbar = euro(m.mehrbedarfUnabweisbarCent);
    if (m.mehrbedarfSchulbuecherCent) mehrbedarf.schulbuecher = euro(m.mehrbedarfSchulbuecherCent);
    if (Object.keys(mehrbedarf).length) out.mehrbedarf = mehrbedarf;
    if (m.ausbildung) out.ausbildung = m.ausbildung;
    if (m.sgb12) out.sgb12 = true;
  }
  const e = einkommen(p, monat, optionen);
  if (e.length) out.einkommen = e;
  const vermoegenCent = p.vermoegen.reduce((s, v) => s + v.wertCent, 0);
  if (vermoegenCent > 0) out.vermoegen = euro(vermoegenCent);
  // a decided Minderung (§§ 31a, 32; src/domain/fordern/monat.ts) reduces only an erwerbsfähige person's
  // Regelbedarf; a person recorded as no longer erwerbsfähig gets Sozialgeld, which no Minderung reaches
  if (m?.erwerbsfaehig !== false) {
    if (minderung.prozent > 0) out.minderungProzent = minderung.prozent;
    // § 7b Abs. 4 (from 1.7.2026): the person's whole claim lapses for the month, incl. the KdU share
    if (minderung.nichtErreichbar) out.nichtErreichbar = true;
  }
  return out;
}

/**
 * Builds the engine input for one month (or part of it, `optionen.zeitraum`) from the state of a Fallakte.
 * Check the result with `pruefe()` before `berechneValidiert`; `berechne()` does both.
 */
export function fallakteZuBerechnungInput(zustand: FallZustand, monat: string, optionen: BerechnungsOptionen = {}): BerechnungInput {
  if (zustand.personen.length === 0) throw new FallakteFehler('keine_personen', 'Zu diesem Zeitpunkt gehört niemand zur Bedarfsgemeinschaft.');
  const antragsteller = zustand.personen.filter((p) => p.rolle === 'antragsteller');
  if (antragsteller.length === 0) throw new FallakteFehler('kein_antragsteller', 'Zu diesem Zeitpunkt ist keine antragstellende Person eingetragen.');
  if (antragsteller.length > 1) throw new FallakteFehler('mehrere_antragsteller', 'Es sind mehrere antragstellende Personen eingetragen.');
  if (zustand.personen.filter((p) => p.rolle === 'partner').length > 1) {
    throw new FallakteFehler('mehrere_partner', 'Es sind mehrere Partnerinnen oder Partner eingetragen.');
  }
  const ids = new Set(zustand.personen.map((p) => p.id));
  const input: BerechnungInput = {
    version: 1,
    zeitraum: optionen.zeitraum ? { von: optionen.zeitraum.von, bis: optionen.zeitraum.bis } : monat,
    // the month's decided Minderungen (docs/fordern.md, "Geld"), capped by the law of the month
    personen: zustand.personen.map((p) => person(p, monat, ids, minderungImMonat(zustand.minderungen ?? [], p.id, monat), optionen)),
  };
  if (optionen.leistungsbeginn) input.leistungsbeginn = optionen.leistungsbeginn;
  if (optionen.bewilligungszeitraumBeginn) input.bewilligungszeitraumBeginn = optionen.bewilligungszeitraumBeginn;
  if (optionen.fruehererBezug?.length) input.fruehererBezug = optionen.fruehererBezug.map((b) => ({ von: b.von, bis: b.bis }));
  const u = zustand.unterkunft;
  if (u) {
    input.unterkunft = { grundmiete: euro(u.grundmieteCent), nebenkosten: euro(u.nebenkostenCent), heizkosten: euro(u.heizkostenCent) };
    if (u.warmwasserDezentral) input.unterkunft.warmwasserDezentral = true;
    const a = optionen.angemessen;
    if (a && (a.bruttokaltmieteCent !== undefined || a.heizkostenCent !== undefined)) {
      input.unterkunft.angemessen = {};
      if (a.bruttokaltmieteCent !== undefined) input.unterkunft.angemessen.bruttokaltmiete = euro(a.bruttokaltmieteCent);
      if (a.heizkostenCent !== undefined) input.unterkunft.angemessen.heizkosten = euro(a.heizkostenCent);
    }
  }
  return input;
}
