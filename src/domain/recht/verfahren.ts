/**
 * Procedural rules of SGB II / SGB X used by Bewilligung, Zahlung and Bescheid, as dated parameters.
 * Amounts in cents. The engine does not read them; they are registered with the others in `ALLE_TABELLEN` (register.ts).
 */
import { gueltigAm, type Gueltig } from './typen.ts';

export type BewilligungszeitraumRegel = {
  /** § 41 Abs. 3 S. 1: in der Regel ein Jahr */
  regelMonate: number;
  /** § 41 Abs. 3 S. 2: soll regelmäßig auf sechs Monate verkürzt werden (vorläufige Entscheidung, unangemessene KdU) */
  verkuerztMonate: number;
};

export const BEWILLIGUNGSZEITRAUM: readonly Gueltig<BewilligungszeitraumRegel>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: { regelMonate: 12, verkuerztMonate: 6 },
    norm: '§ 41 Abs. 3 SGB II',
    quelle: 'SGB II § 41 Abs. 3 (Fassung seit 1.8.2016; Wortlaut 2025 und 2026 gleich, sgb2-law.md § 1.10)',
  },
];

export type AbschlussRegel = {
  /**
   * Which income the abschließende Feststellung (§ 41a Abs. 3) sets against each month:
   *  - 'durchschnitt': a monthly average of all income of the Bewilligungszeitraum (§ 41a Abs. 4 S. 1 a.F.),
   *    except where the actual income excludes the claim in at least one month (§ 41a Abs. 4 S. 2 Nr. 2 a.F.);
   *  - 'monatlich': the actual income of each month; only income from self-employment is averaged
   *    (§ 3 Abs. 4 Alg II-V / Bürgergeld-V).
   */
  einkommen: 'durchschnitt' | 'monatlich';
  /** § 41a Abs. 6 S. 3: remaining overpayments are reclaimed only from this total for the whole BG (0 = always) */
  erstattungAbCent: number;
};

/** Rule by the first day of the Bewilligungszeitraum. */
export const ABSCHLIESSENDE_FESTSTELLUNG: readonly Gueltig<AbschlussRegel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { einkommen: 'durchschnitt', erstattungAbCent: 0 },
    norm: '§ 41a Abs. 4 und 6 SGB II a.F.',
    quelle: 'SGB II § 41a Fassung 1.8.2016 (BSG 11.7.2019 B 14 AS 44/18 R: Durchschnitt über alle Einkommensarten und alle Monate)',
  },
  {
    gueltigAb: '2023-01-01',
    wert: { einkommen: 'monatlich', erstattungAbCent: 5000 },
    norm: '§ 41a Abs. 3, 4 und 6 S. 3 SGB II',
    quelle:
      'SGB II § 41a Fassung 24.2.2025 und 16.4.2026 (Abs. 4 nur noch „soll nach Ablauf des Bewilligungszeitraums erfolgen“); Haufe Sauer § 11 Rz. 214 (Bagatellregelung seit 1.1.2023)',
    unsicher:
      'Inkrafttreten der Streichung des Durchschnittseinkommens (Abs. 4 S. 1 a.F.) nicht im Gesetzestext belegt; gewählt 2023-01-01 wie die Bagatellgrenze',
  },
];

export type AufhebungRegel = {
  /** § 40 Abs. 1 S. 3: no Aufhebung for the past when only Erstattungsforderungen below this total (whole BG) arise */
  bagatellgrenzeCent: number;
};

export const AUFHEBUNG_VERGANGENHEIT: readonly Gueltig<AufhebungRegel>[] = [
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2022-12-31',
    wert: { bagatellgrenzeCent: 0 },
    norm: '§ 40 Abs. 1 SGB II a.F., §§ 45, 48, 50 SGB X',
    quelle: 'SGB II § 40 a.F. ohne Bagatellgrenze',
  },
  {
    gueltigAb: '2023-01-01',
    wert: { bagatellgrenzeCent: 5000 },
    norm: '§ 40 Abs. 1 S. 3 SGB II',
    quelle: 'SGB II § 40 Abs. 1 S. 3 Fassung 24.2.2025 und 16.4.2026',
    unsicher: 'Inkrafttreten 1.1.2023 (Bürgergeld-Gesetz) angenommen, im Gesetzestext nicht genannt',
  },
];

export type AnhoerungBagatelle = {
  /** § 24 Abs. 2 Nr. 7 SGB X: no Anhörung needed when setting off against or with a claim below this amount */
  grenzeCent: number;
};

export const ANHOERUNG_BAGATELLE: readonly Gueltig<AnhoerungBagatelle>[] = [
  {
    gueltigAb: '2021-01-01',
    wert: { grenzeCent: 7000 },
    norm: '§ 24 Abs. 2 Nr. 7 SGB X',
    quelle: 'SGB X § 24 Abs. 2 Nr. 7 („weniger als 70 Euro“)',
    unsicher: 'Der Betrag gilt schon länger; vorort führt ihn ab dem frühesten unterstützten Rechtsstand (2021).',
  },
];

/** § 37 Abs. 2 S. 2: the application takes effect from the first day of its month. */
export const NORM_ANTRAG_RUECKWIRKUNG = '§ 37 Abs. 2 S. 2 SGB II';
/** § 42 Abs. 1: Leistungen sollen monatlich im Voraus erbracht werden. */
export const NORM_FAELLIGKEIT = '§ 42 Abs. 1 SGB II';
/** § 41a Abs. 1, 2: vorläufige Entscheidung, Grund der Vorläufigkeit ist anzugeben. */
export const NORM_VORLAEUFIG = '§ 41a Abs. 1 und 2 SGB II';
/** § 19 Abs. 3 S. 2: Einkommen deckt zuerst Regel- und Mehrbedarfe, dann Unterkunft und Heizung. */
export const NORM_EINKOMMENSREIHENFOLGE = '§ 19 Abs. 3 S. 2 SGB II';
/** Erstattung zu Unrecht erbrachter Leistungen. */
export const NORM_ERSTATTUNG = '§ 50 SGB X';
/** Funding: Bund (§ 46 Abs. 1 SGB II) and kommunale Träger (§ 6 Abs. 1 S. 1 Nr. 2 SGB II, KdU § 22). */
export const NORM_TRAEGERSCHAFT = { bund: '§ 6 Abs. 1 S. 1 Nr. 1, § 46 Abs. 1 SGB II', kommune: '§ 6 Abs. 1 S. 1 Nr. 2 SGB II' } as const;

export function bewilligungszeitraumRegelAm(datum: string): Gueltig<BewilligungszeitraumRegel> {
  return gueltigAm(BEWILLIGUNGSZEITRAUM, datum, 'den Bewilligungszeitraum');
}

export function abschlussRegelAm(datum: string): Gueltig<AbschlussRegel> {
  return gueltigAm(ABSCHLIESSENDE_FESTSTELLUNG, datum, 'die abschließende Feststellung');
}

export function anhoerungBagatelleAm(datum: string): Gueltig<AnhoerungBagatelle> {
  return gueltigAm(ANHOERUNG_BAGATELLE, datum, 'die Anhörung bei Aufrechnung kleiner Beträge');
}

export function aufhebungRegelAm(datum: string): Gueltig<AufhebungRegel> {
  return gueltigAm(AUFHEBUNG_VERGANGENHEIT, datum, 'die Aufhebung für die Vergangenheit');
}
