/**
 * Maps an application (AntragDaten, pruned) to the calculation engine's input format v1 for one month, so the
 * public pre-check, the citizen and the caseworker see the same amount for the same facts.
 *
 * Deliberate choices (docs/antrag-datenformat.md):
 *  - Mehrbedarf for kostenaufwändige Ernährung is not estimated: its amount is set by the Jobcenter from the medical
 *    certificate; it appears in `hinweise`.
 *  - Behinderung counts only with Teilhabeleistungen (§ 21 Abs. 4 SGB II).
 *  - Schwangerschaft counts from the 13th week (Entbindungstermin minus 27 weeks) up to the month of the birth date.
 *  - "Alleinerziehend: nein" overrides the value the engine derives from the household; "ja" leaves it derived.
 *  - A child who is 25 or older in the month is taken as a household member outside the Bedarfsgemeinschaft.
 *  - School, training or studies (persons under 25) → `ausbildung` of the person ('keine' → not set).
 *  - Selbstständigkeit → brutto = Gewinn (Einnahmen − Ausgaben, a loss counts as 0, or the Gewinn stated),
 *    netto = Gewinn − Steuern und Pflichtbeiträge; the engine computes the Freibeträge on it.
 *  - Unterhalt and Unterhaltsvorschuss stated on a child's pages → the child's income.
 *  - One-off payments → `einmalig` with the day of inflow and the Erbschaft flag; the engine decides the month(s).
 *  - Leistungsbeginn and start of the Bewilligungszeitraum = month of the Antragsdatum (if it lies before the month).
 */
import { alterImMonat, parseTag } from '../berechnung/datum.ts';
import { euro } from '../berechnung/geld.ts';
import type { BerechnungInput, EinkommenInput, PersonInput } from '../berechnung/schema.ts';
import { selbststaendigGewinn, type AntragDaten } from './flows/erstantrag-daten.ts';

export class AntragUnvollstaendig extends Error {
  constructor(public readonly feld: string) {
    super(`Für die Berechnung fehlt: ${feld}`);
  }
}

export type Abbildung = { input: BerechnungInput; hinweise: string[] };

function plusTage(iso: string, tage: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
}

/** Same as `antragAbbilden(...).input`. */
export function antragZuBerechnungInput(d: AntragDaten, monat: string): BerechnungInput {
  return antragAbbilden(d, monat).input;
}

function geb(wert: string | undefined, feld: string): string {
  if (!wert) throw new AntragUnvollstaendig(feld);
  return wert;
}

const ausbildung = (a: string | undefined): Pick<PersonInput, 'ausbildung'> => (a === 'schule' || a === 'ausbildung' || a === 'studium' ? { ausbildung: a } : {});

function einkommen(p: PersonInput, e: EinkommenInput): void {
  p.einkommen = [...(p.einkommen ?? []), e];
}

/** Maps the answers for the month "JJJJ-MM"; throws AntragUnvollstaendig if a birth date is missing. */
export function antragAbbilden(d: AntragDaten, monat: string): Abbildung {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(monat)) throw new RangeError(`kein Monat: ${monat}`);
  const jahr = Number(monat.slice(0, 4));
  const mon = Number(monat.slice(5, 7));
  const hinweise: string[] = [];
  const personen: PersonInput[] = [];

  personen.push({
    id: 'antragsteller',
    rolle: 'antragsteller',
    geburtsdatum: geb(d.antragsteller?.geburtsdatum, 'antragsteller.geburtsdatum'),
    ...ausbildung(d.antragsteller?.ausbildung),
  });
  if (d.haushalt?.partner === true) {
    personen.push({
      id: 'partner',
      rolle: 'partner',
      geburtsdatum: geb(d.partner?.geburtsdatum, 'partner.geburtsdatum'),
      ...(d.partner?.erwerbsfaehig === false ? { erwerbsfaehig: false } : {}),
      ...ausbildung(d.partner?.ausbildung),
    });
  }
  for (const k of d.haushalt?.kinder === true ? (d.kinder ?? []) : []) {
    const geburtsdatum = geb(k.geburtsdatum, `kinder.${k.id}.geburtsdatum`);
    if (alterImMonat(parseTag(geburtsdatum), jahr, mon) >= 25) {
      personen.push({ id: k.id, rolle: 'sonstige', geburtsdatum, inBedarfsgemeinschaft: false });
      hinweise.push(`${k.id}: 25 Jahre oder älter – eigene Bedarfsgemeinschaft, nur für den Kopfteil der Unterkunft berücksichtigt.`);
      continue;
    }
    personen.push({ id: k.id, rolle: 'kind', geburtsdatum, ...ausbildung(k.ausbildung) });
  }
  for (const w of d.haushalt?.weiterePersonen === true ? (d.weiterePersonen ?? []) : []) {
    personen.push({ id: w.id, rolle: 'sonstige', geburtsdatum: geb(w.geburtsdatum, `weiterePersonen.${w.id}.geburtsdatum`), inBedarfsgemeinschaft: false });
  }
  const person = (ref: string | undefined) => personen.find((p) => p.id === ref);

  // Kindergeld asked per child (Anlage KI)
  for (const k of d.kinder ?? []) {
    const p = person(k.id);
    if (p && k.kindergeld === true && typeof k.kindergeldCent === 'number') einkommen(p, { art: 'kindergeld', betrag: euro(k.kindergeldCent) });
    if (p && k.unterhaltErhalten === true && (k.unterhaltCent ?? 0) > 0) einkommen(p, { art: 'unterhalt', betrag: euro(k.unterhaltCent!) });
    if (p && k.unterhaltErhalten === true && (k.unterhaltsvorschussCent ?? 0) > 0) einkommen(p, { art: 'unterhaltsvorschuss', betrag: euro(k.unterhaltsvorschussCent!) });
  }
  for (const e of d.einkommenVorhanden === true ? (d.einkommen ?? []) : []) {
    const p = person(e.person);
    if (!p || !e.art) continue;
    if (e.art === 'arbeit') {
      if (typeof e.bruttoCent === 'number' && typeof e.nettoCent === 'number') {
        einkommen(p, { art: 'erwerbstaetigkeit', brutto: euro(e.bruttoCent), netto: euro(e.nettoCent) });
      }
    } else if (e.art === 'selbststaendigkeit') {
      const g = selbststaendigGewinn(e);
      if (g) einkommen(p, { art: 'selbststaendigkeit', brutto: euro(g.gewinnCent), netto: euro(g.nettoCent) });
    } else if (typeof e.betragCent === 'number') {
      einkommen(p, { art: e.art, betrag: euro(e.betragCent) });
    }
  }

  for (const z of d.einmalzahlungVorhanden === true ? (d.einmalzahlungen ?? []) : []) {
    const p = person(z.person);
    if (p && typeof z.einmalbetragCent === 'number' && z.zuflussDatum) {
      einkommen(p, { art: 'einmalig', betrag: euro(z.einmalbetragCent), zufluss: z.zuflussDatum, bezeichnung: z.art ?? 'sonstiges', ...(z.art === 'erbschaft' ? { erbschaft: true } : {}) });
    }
  }

  // Vermögen: sum per person
  for (const v of d.vermoegenVorhanden === true ? (d.vermoegen ?? []) : []) {
    const p = person(v.person);
    if (p && typeof v.wertCent === 'number') p.vermoegen = euro(Math.round((p.vermoegen ?? 0) * 100) + v.wertCent);
  }

  // Mehrbedarfe
  const mb = d.mehrbedarf;
  const arten = mb?.arten ?? [];
  if (arten.includes('schwangerschaft') && mb?.entbindungstermin) {
    const p = person(mb.schwangerePerson);
    const ab = plusTage(mb.entbindungstermin, -27 * 7).slice(0, 7);
    if (p && monat >= ab && monat <= mb.entbindungstermin.slice(0, 7)) p.schwanger = true;
  }
  if (arten.includes('behinderung') && mb?.teilhabeleistungen === true) {
    const p = person(mb.behindertePerson);
    if (p && alterImMonat(parseTag(p.geburtsdatum), jahr, mon) >= 15) p.mehrbedarf = { ...p.mehrbedarf, behinderung: true };
  }
  if (arten.includes('ernaehrung')) hinweise.push('Mehrbedarf für kostenaufwändige Ernährung: Höhe legt das Jobcenter nach der ärztlichen Bescheinigung fest (nicht geschätzt).');
  if (mb?.alleinerziehend === false) personen[0]!.alleinerziehend = false;

  const input: BerechnungInput = { version: 1, zeitraum: monat, personen };
  const u = d.unterkunft;
  if (u && (u.wohnform === 'miete' || u.wohnform === 'eigentum')) {
    input.unterkunft = {
      grundmiete: euro(u.grundmieteCent ?? 0),
      nebenkosten: euro(u.nebenkostenCent ?? 0),
      heizkosten: euro(u.heizkostenCent ?? 0),
      ...(u.warmwasserDezentral === true ? { warmwasserDezentral: true } : {}),
    };
  }
  if (d.antragsdatum && d.antragsdatum.slice(0, 7) <= monat) {
    input.leistungsbeginn = d.antragsdatum.slice(0, 7);
    input.bewilligungszeitraumBeginn = d.antragsdatum.slice(0, 7);
  }
  return { input, hinweise };
}
