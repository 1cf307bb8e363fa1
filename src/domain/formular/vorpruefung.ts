/**
 * "Anspruch prüfen": the public, anonymous pre-check. A few answers (as URL parameters — nothing is stored) become
 * the same AntragDaten the Online-Antrag produces, and the engine computes the amount through the same mapping
 * (antragZuBerechnungInput), so the pre-check, the citizen's application and the caseworker see the same amount for
 * the same facts. The answers can pre-fill the real application (link with the same parameters).
 */
import { berechne, type BerechnungErgebnis } from '../berechnung/index.ts';
import { parameterAm } from '../recht/index.ts';
import { parseDatum, parseGeld } from './felder.ts';
import { antragAbbilden } from './berechnung.ts';
import type { AntragDaten } from './flows/erstantrag-daten.ts';

export const MAX_KINDER_VORPRUEFUNG = 6;

export const VORPRUEFUNG_FELDER = [
  'geburtsdatum',
  'partner',
  'partnerGeburtsdatum',
  ...Array.from({ length: MAX_KINDER_VORPRUEFUNG }, (_, i) => `kind${i + 1}`),
  'kindergeld',
  'grundmiete',
  'nebenkosten',
  'heizkosten',
  'netto',
  'brutto',
  'partnerNetto',
  'partnerBrutto',
  'sonstiges',
  'vermoegen',
] as const;

export type VorpruefungFehler = { feld: string; code: string };
export type Vorpruefung = { daten: AntragDaten; fehler: VorpruefungFehler[] };

/** Reads the pre-check answers (strings, e.g. URLSearchParams) into application data; errors per field. */
export function vorpruefungLesen(get: (name: string) => string | null | undefined, heute: string): Vorpruefung {
  const fehler: VorpruefungFehler[] = [];
  const wert = (n: string) => (get(n) ?? '').trim();
  const datum = (n: string, pflicht: boolean): string | undefined => {
    const v = wert(n);
    if (!v) {
      if (pflicht) fehler.push({ feld: n, code: 'pflichtfeld' });
      return undefined;
    }
    const d = parseDatum(v);
    if (!d || d > heute) {
      fehler.push({ feld: n, code: 'datum_ungueltig' });
      return undefined;
    }
    return d;
  };
  const geld = (n: string): number | undefined => {
    const v = wert(n);
    if (!v) return undefined;
    const c = parseGeld(v);
    if (c === null || c > 100_000_000) {
      fehler.push({ feld: n, code: 'betrag_ungueltig' });
      return undefined;
    }
    return c;
  };
  const geburtsdatum = datum('geburtsdatum', true);
  const partner = wert('partner') === 'ja';
  const partnerGeburtsdatum = partner ? datum('partnerGeburtsdatum', true) : undefined;
  const kinder: NonNullable<AntragDaten['kinder']> = [];
  const kindergeld = geld('kindergeld');
  for (let i = 1; i <= MAX_KINDER_VORPRUEFUNG; i++) {
    const g = datum(`kind${i}`, false);
    if (g) kinder.push({ id: `k${i}`, geburtsdatum: g, ...(kindergeld !== undefined && kindergeld > 0 ? { kindergeld: true, kindergeldCent: kindergeld } : { kindergeld: false }) });
  }
  const grundmiete = geld('grundmiete');
  const nebenkosten = geld('nebenkosten');
  const heizkosten = geld('heizkosten');
  const netto = geld('netto');
  const brutto = geld('brutto');
  const partnerNetto = partner ? geld('partnerNetto') : undefined;
  const partnerBrutto = partner ? geld('partnerBrutto') : undefined;
  const sonstiges = geld('sonstiges');
  const vermoegen = geld('vermoegen');
  if (netto !== undefined && brutto !== undefined && netto > brutto) fehler.push({ feld: 'netto', code: 'netto_ueber_brutto' });
  if (partnerNetto !== undefined && partnerBrutto !== undefined && partnerNetto > partnerBrutto) fehler.push({ feld: 'partnerNetto', code: 'netto_ueber_brutto' });

  const einkommen: NonNullable<AntragDaten['einkommen']> = [];
  if (netto) einkommen.push({ id: 'e1', person: 'antragsteller', art: 'arbeit', nettoCent: netto, bruttoCent: brutto ?? netto, minijob: false });
  if (partnerNetto) einkommen.push({ id: 'e2', person: 'partner', art: 'arbeit', nettoCent: partnerNetto, bruttoCent: partnerBrutto ?? partnerNetto, minijob: false });
  if (sonstiges) einkommen.push({ id: 'e3', person: 'antragsteller', art: 'sonstiges', betragCent: sonstiges });
  const hatWohnkosten = (grundmiete ?? 0) + (nebenkosten ?? 0) + (heizkosten ?? 0) > 0;
  const daten: AntragDaten = {
    antragsdatum: heute,
    antragsteller: geburtsdatum ? { geburtsdatum } : {},
    haushalt: { partner, kinder: kinder.length > 0, weiterePersonen: false },
    ...(partner ? { partner: partnerGeburtsdatum ? { geburtsdatum: partnerGeburtsdatum } : {} } : {}),
    ...(kinder.length ? { kinder } : {}),
    unterkunft: hatWohnkosten
      ? { wohnform: 'miete', grundmieteCent: grundmiete ?? 0, nebenkostenCent: nebenkosten ?? 0, heizkostenCent: heizkosten ?? 0, warmwasserDezentral: false }
      : { wohnform: 'ohne_kosten' },
    einkommenVorhanden: einkommen.length > 0,
    ...(einkommen.length ? { einkommen } : {}),
    vermoegenVorhanden: (vermoegen ?? 0) > 0,
    ...(vermoegen ? { vermoegen: [{ id: 'v1', person: 'antragsteller', art: 'konto', bezeichnung: 'Ersparnisse', wertCent: vermoegen }] } : {}),
  };
  return { daten, fehler };
}

export type VorpruefungErgebnis = {
  /** the engine's result; its `schritte` and the `hinweise` name the people readably ("Sie", "Kind 1"), never by id */
  ergebnis: BerechnungErgebnis;
  hinweise: string[];
  monat: string;
  /** the benefit's legal name in that month (title and text use this one name) */
  leistung: string;
};

/**
 * The benefit's legal name in the month of `heute` (§ 19 Abs. 1 SGB II: "Bürgergeld", from 1 July 2026
 * "Grundsicherungsgeld"; later months carry the last known name forward). The pre-check's title and its
 * explanation use this one name.
 */
export function leistungsnameVorpruefung(heute: string): string {
  return parameterAm(`${heute.slice(0, 7)}-01`).leistungsname.wert.erwerbsfaehig;
}

/** The person ids the pre-check gives the engine (antragAbbilden): the applicant, the partner, children k1, k2 … */
const PERSON_ID = /(?<![\p{L}\d_-])(antragsteller|partner|k(\d+))(?![\p{L}\d_-])/gu;

/**
 * Replaces the pre-check's person ids in an engine text by readable German: "für Sie", "von Ihnen", "für Ihre
 * Partnerin oder Ihren Partner", "Kind 1". The case follows the preposition in front of the id ("für" takes the
 * accusative, "von" the dative; otherwise nominative, e.g. in the list of shares).
 */
export function lesbarePersonen(text: string): string {
  return text.replace(PERSON_ID, (id: string, _g: string, kind: string | undefined, offset: number) => {
    if (kind !== undefined) return `Kind ${kind}`;
    const davor = text.slice(Math.max(0, offset - 4), offset);
    const fall = davor === 'für ' ? 'akk' : davor === 'von ' ? 'dat' : 'nom';
    if (id === 'antragsteller') return fall === 'dat' ? 'Ihnen' : 'Sie';
    return fall === 'akk' ? 'Ihre Partnerin oder Ihren Partner' : fall === 'dat' ? 'Ihrer Partnerin oder Ihrem Partner' : 'Ihre Partnerin oder Ihr Partner';
  });
}

/** The estimate for the month of `heute` — the engine's result for exactly these facts, with readable texts. */
export function vorpruefungBerechnen(daten: AntragDaten, heute: string): VorpruefungErgebnis {
  const monat = heute.slice(0, 7);
  const { input, hinweise } = antragAbbilden(daten, monat);
  const ergebnis = berechne(input);
  return {
    ergebnis: { ...ergebnis, schritte: ergebnis.schritte.map((s) => ({ ...s, text: lesbarePersonen(s.text) })) },
    hinweise: hinweise.map(lesbarePersonen),
    monat,
    leistung: leistungsnameVorpruefung(heute),
  };
}

/** The pre-check answers as pre-filled application data (what the Online-Antrag starts with). */
export function vorbelegungAusVorpruefung(daten: AntragDaten): AntragDaten {
  const { antragsdatum: _ohne, ...rest } = daten;
  void _ohne;
  return rest;
}
