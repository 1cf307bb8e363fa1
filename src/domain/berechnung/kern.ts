/**
 * The pure calculation core: validated input in, result out. No IO, no clock, no randomness.
 * All money is integer cents inside; every rounding is § 41 Abs. 2 (half up to the cent).
 *
 * A pipeline over one step module per paragraph of the law (kern/*.ts, docs/berechnung.md); each step reads and
 * writes the calculation's Kontext:
 *  1. period, parameters by date, persons' ages (month of the birthday counts)            kern/kontext.ts
 *  2. Regelbedarf (§ 20, § 23 Nr. 1), Mehrbedarfe (§ 21), Unterkunft und Heizung (§ 22),
 *     all pro-rated per § 41 Abs. 1; § 7b Abs. 4: the needs of a person not erreichbar lapse,
 *     its KdU head share goes to the remaining members                                       regelbedarf, mehrbedarf, unterkunft, erreichbarkeit, teilmonat
 *  3. income per person after § 11b; children's own income first (§ 9 Abs. 2 S. 2, § 11 Abs. 1 S. 5)   einkommen
 *  4. Bedarfsanteilsmethode (§ 9 Abs. 2 S. 3) over the uncovered needs                      verteilung
 *  5. Vermögen (§ 12 / § 67)                                                                  vermoegen
 *  6. Sofortzuschlag (§ 72), Minderungen (§§ 31a, 32), name of the benefit (§ 19 Abs. 1)    sofortzuschlag, minderung, leistungsname
 *  7. result and explanation                                                                 erklaerung
 */
import { euro } from './geld.ts';
import { parameterAm } from '../recht/index.ts';
import { monatsindex } from './datum.ts';
import { anrechnungsmonat, einkommen, erbschaftIstVermoegen } from './kern/einkommen.ts';
import { erklaere } from './kern/erklaerung.ts';
import { bedarfEntfaellt, kduUmverteilung } from './kern/erreichbarkeit.ts';
import { kontextFuer, zeitraumAus, type KernOptionen, type Kontext } from './kern/kontext.ts';
import { leistungsname } from './kern/leistungsname.ts';
import { mehrbedarf } from './kern/mehrbedarf.ts';
import { minderung } from './kern/minderung.ts';
import { regelbedarf } from './kern/regelbedarf.ts';
import { sofortzuschlag } from './kern/sofortzuschlag.ts';
import { teilmonat } from './kern/teilmonat.ts';
import { unterkunft } from './kern/unterkunft.ts';
import { vermoegen } from './kern/vermoegen.ts';
import { verteilung } from './kern/verteilung.ts';
import type { BerechnungErgebnis, PersonErgebnis } from './schema.ts';
import type { BerechnungInput, EinkommenInput } from './schema.ts';

export { fortschreibungsText, NORM_FORTSCHREIBUNG } from './kern/erklaerung.ts';
export { anrechnungsmonat, einmaligerAnteil, erbschaftIstVermoegen } from './kern/einkommen.ts';
export { inKarenzzeit, karenzMonateBisher, zeitraumAus, type KernOptionen, type Zeitraum } from './kern/kontext.ts';

/** Computes a validated case. Throws only on programming errors or law gaps (RechtsstandFehler). */
export function berechneKern(input: BerechnungInput, optionen: KernOptionen = {}): BerechnungErgebnis {
  const entscheidungen = optionen.einmaligAufteilen || !hatOffeneEinmalige(input) ? null : entscheideEinmalige(input, optionen);
  const k = kontextFuer(input, entscheidungen ? { ...optionen, einmaligAufteilen: entscheidungen } : optionen);
  regelbedarf(k);
  mehrbedarf(k);
  unterkunft(k);
  kduUmverteilung(k);
  teilmonat(k);
  bedarfEntfaellt(k);
  einkommen(k);
  verteilung(k);
  vermoegen(k);
  sofortzuschlag(k);
  minderung(k);
  leistungsname(k);
  return ergebnis(k);
}

type Einmalig = Extract<EinkommenInput, { art: 'einmalig' }>;

/** Fast scan (the bulk path is hot): does any person have a one-off inflow without a spreading decision? */
function hatOffeneEinmalige(input: BerechnungInput): boolean {
  for (const p of input.personen) {
    const liste = p.einkommen;
    if (liste) for (const e of liste) if (e.art === 'einmalig' && e.aufteilen === undefined) return true;
  }
  return false;
}

/**
 * § 11 Abs. 3 S. 4 SGB II: a one-off inflow is spread over six months where counting it at once would end the claim.
 * For every inflow whose months include this one and whose input leaves `aufteilen` open, the month is computed
 * twice without explanation: without the open inflows, and with this inflow counted at once as if this were its
 * Anrechnungsmonat (AUSLEGUNG.einmaligeEinnahmeEntscheidung: each inflow alone, with this month's facts; the
 * Bewilligung passes the decision of the real Anrechnungsmonat, src/domain/bewilligung/berechnung.ts).
 */
function entscheideEinmalige(input: BerechnungInput, optionen: KernOptionen): Map<object, boolean> | null {
  const zr = zeitraumAus(input.zeitraum);
  const monatIdx = monatsindex(zr.jahr, zr.monat);
  const monate = parameterAm(zr.vonIso).einmalig.wert.aufteilungMonate;
  const offen = new Set<Einmalig>();
  for (const p of input.personen) {
    for (const ek of p.einkommen ?? []) {
      if (ek.art !== 'einmalig' || ek.aufteilen !== undefined || erbschaftIstVermoegen(ek)) continue;
      const versatz = monatIdx - anrechnungsmonat(ek);
      if (versatz >= 0 && versatz < monate) offen.add(ek);
    }
  }
  if (offen.size === 0) return null;
  const probe: KernOptionen = { erklaerung: false, einmaligAufteilen: new Map() };
  if (optionen.auslegung) probe.auslegung = optionen.auslegung;
  const ohne = (behalte: Einmalig | null): BerechnungInput => ({
    ...input,
    personen: input.personen.map((p) =>
      p.einkommen?.some((e) => offen.has(e as Einmalig))
        ? {
            ...p,
            einkommen: p.einkommen.flatMap((e): EinkommenInput[] => {
              if (!offen.has(e as Einmalig)) return [e];
              if (e !== behalte) return [];
              return [{ ...(e as Einmalig), zufluss: `${zr.vonIso.slice(0, 7)}-01`, leistungBereitsErbracht: false, erbschaft: false, aufteilen: false }];
            }),
          }
        : p,
    ),
  });
  const entscheidung = new Map<object, boolean>();
  const ohneHilfebeduerftig = berechneKern(ohne(null), probe).hilfebeduerftig;
  for (const ek of offen) entscheidung.set(ek, ohneHilfebeduerftig && !berechneKern(ohne(ek), probe).hilfebeduerftig);
  return entscheidung;
}

const einmaligSchluessel = (personId: string, ek: Einmalig): string => `${personId}|${ek.zufluss}|${ek.betrag}|${ek.bezeichnung ?? ''}`;

/**
 * For the months of a Bewilligung: decides each open one-off inflow (`aufteilen` absent) once, with the facts of its
 * Anrechnungsmonat where that month is among `inputs`, and writes the decision into every month's input, so that
 * all months of the period follow the same decision (§ 11 Abs. 3 S. 4). Inflows whose Anrechnungsmonat lies before
 * the period keep the engine's decision per month. Inputs must be validated.
 */
export function einmaligeEinnahmenFestlegen(inputs: readonly BerechnungInput[], optionen: KernOptionen = {}): BerechnungInput[] {
  const entschieden = new Map<string, boolean>();
  for (const input of inputs) {
    const zr = zeitraumAus(input.zeitraum);
    const monatIdx = monatsindex(zr.jahr, zr.monat);
    if (!input.personen.some((p) => p.einkommen?.some((e) => e.art === 'einmalig' && e.aufteilen === undefined && anrechnungsmonat(e) === monatIdx))) continue;
    const map = entscheideEinmalige(input, optionen);
    for (const p of input.personen) {
      for (const e of p.einkommen ?? []) {
        if (e.art === 'einmalig' && anrechnungsmonat(e) === monatIdx && map?.has(e)) entschieden.set(einmaligSchluessel(p.id, e), map.get(e) === true);
      }
    }
  }
  if (entschieden.size === 0) return [...inputs];
  return inputs.map((input) => ({
    ...input,
    personen: input.personen.map((p) =>
      p.einkommen?.some((e) => e.art === 'einmalig' && e.aufteilen === undefined && entschieden.has(einmaligSchluessel(p.id, e)))
        ? {
            ...p,
            einkommen: p.einkommen.map((e) =>
              e.art === 'einmalig' && e.aufteilen === undefined && entschieden.has(einmaligSchluessel(p.id, e))
                ? { ...e, aufteilen: entschieden.get(einmaligSchluessel(p.id, e)) === true }
                : e,
            ),
          }
        : p,
    ),
  }));
}

function ergebnis(k: Kontext): BerechnungErgebnis {
  const personen: PersonErgebnis[] = k.personen.map((p) => ({
    id: p.id,
    inBedarfsgemeinschaft: p.imBgEnde,
    regelbedarfsstufe: p.stufe,
    regelbedarf: euro(p.rb),
    mehrbedarfe: p.mb.map((m) => ({ art: m.art, betrag: euro(m.betrag), norm: m.norm })),
    unterkunft: euro(p.kdu),
    bedarf: euro(p.bedarf),
    einkommen: euro(p.gezaehlt),
    anspruch: euro(p.anspruchVor - p.minderung),
    minderung: euro(p.minderung),
    sofortzuschlag: euro(p.sz),
  }));
  const fortgeschrieben = k.par.fortgeschrieben;
  return {
    version: 1,
    rechtsstand: k.rechtsstand,
    ...(fortgeschrieben ? { fortgeschrieben: { rechtBekanntBis: fortgeschrieben } } : {}),
    leistung: k.leistung,
    hilfebeduerftig: k.hilfebeduerftig,
    ablehnungsgrund: k.hilfebeduerftig
      ? null
      : k.vermoegenAbzug > 0
        ? 'vermoegen'
        : k.nichtErreichbar > 0 && k.gesamtbedarf === 0
          ? 'nicht_erreichbar'
          : 'einkommen',
    gesamtbedarf: euro(k.gesamtbedarf),
    einkommen: euro(k.einkommen),
    anspruch: euro(k.anspruch),
    sofortzuschlag: euro(k.sofortzuschlag),
    auszahlung: euro(k.anspruch + k.sofortzuschlag),
    personen,
    schritte: k.erklaerung ? erklaere(k) : [],
  };
}
