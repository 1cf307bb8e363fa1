import type { Gueltig } from './typen.ts';

/**
 * Dated values of the Arbeitsmarktstatus (docs/foerdern.md, "Arbeitsmarktstatus"): the hour limit that separates
 * Arbeitslosigkeit from Erwerbstätigkeit, the one-year limit of Langzeitarbeitslosigkeit with the interruptions that
 * do not break it, and the § 7a age limit that ends being an eLb.
 */

export type Stundengrenze = {
  /** a job or self-employment of at least this many hours a week ends Arbeitslosigkeit (Beschäftigungslosigkeit) */
  wochenstunden: number;
};

/** § 16 Abs. 1, § 138 Abs. 3 SGB III i.V.m. § 53a Abs. 1 SGB II: "weniger als 15 Stunden wöchentlich". */
export const ARBEITSLOSIGKEIT_STUNDENGRENZE: readonly Gueltig<Stundengrenze>[] = [
  {
    gueltigAb: '2005-01-01',
    wert: { wochenstunden: 15 },
    norm: '§ 16 Abs. 1, § 138 Abs. 3 SGB III i.V.m. § 53a Abs. 1 SGB II',
    quelle: 'SGB III § 138 Abs. 3 (bis 31.3.2012 § 119 Abs. 3 SGB III a.F.); Haufe Sauer § 53a Rz. 3–4',
    fundstelle: '§ 138 Abs. 3 SGB III',
  },
];

export type Langzeitregel = {
  /** Langzeitarbeitslos: "ein Jahr und länger arbeitslos" */
  jahre: number;
  /**
   * Abs. 1 S. 2: an interruption by illness or other Nicht-Erwerbstätigkeit of up to this many days does not break
   * the duration (0 = every interruption breaks it).
   */
  unschaedlichTage: number;
  /** Abs. 1 S. 2: taking part in a Maßnahme nach § 45 SGB III does not break the duration. */
  massnahme45Unschaedlich: boolean;
};

/**
 * § 18 Abs. 1 SGB III (i.V.m. § 53a SGB II). Abs. 2 (interruptions within five years left out of account) applies
 * only to the entitlement to Leistungen that require Langzeitarbeitslosigkeit, not to the status (Haufe Sauer
 * SGB III § 18 Rz. 7); the status derived here follows Abs. 1 only.
 */
export const LANGZEITARBEITSLOSIGKEIT: readonly Gueltig<Langzeitregel>[] = [
  {
    gueltigAb: '2005-01-01',
    gueltigBis: '2014-08-15',
    wert: { jahre: 1, unschaedlichTage: 0, massnahme45Unschaedlich: false },
    norm: '§ 18 Abs. 1 SGB III a.F.',
    quelle: 'buzer.de Änderung § 18 SGB III (Fassung vor dem Gesetz vom 11.8.2014)',
  },
  {
    gueltigAb: '2014-08-16',
    wert: { jahre: 1, unschaedlichTage: 42, massnahme45Unschaedlich: true },
    norm: '§ 18 Abs. 1 SGB III',
    quelle: 'SGB III § 18 Abs. 1 S. 2, angefügt durch G vom 11.8.2014 (BGBl. I S. 1348); ra.de/g/sgb-3-18',
    fundstelle: '§ 18 Abs. 1 SGB III',
    unsicher: 'Tag des Inkrafttretens von Abs. 1 S. 2 (Tarifautonomiestärkungsgesetz) nicht am Gesetzblatt geprüft',
  },
];

export type Altersgrenze7a = {
  /** born before this year: limit `grundJahre` years */
  abGeburtsjahr: number;
  grundJahre: number;
  /** months added per birth year from `abGeburtsjahr` on, as [first birth year, months per year] steps */
  stufen: readonly { abGeburtsjahr: number; monateJeJahr: number }[];
  /** born in or after this year: limit `endJahre` years */
  endGeburtsjahr: number;
  endJahre: number;
};

/**
 * § 7a SGB II: the age limit of § 7 Abs. 1 Nr. 2 (after it one is no eLb any more) — 65 years for those born before
 * 1947, then + 1 month per birth year up to 1958 (66 years) and + 2 months per year up to 1963, 67 years from 1964;
 * reached at the end of the month in which the person completes that age.
 */
export const ALTERSGRENZE_7A: readonly Gueltig<Altersgrenze7a>[] = [
  {
    gueltigAb: '2008-01-01',
    wert: {
      abGeburtsjahr: 1947,
      grundJahre: 65,
      stufen: [
        { abGeburtsjahr: 1947, monateJeJahr: 1 },
        { abGeburtsjahr: 1959, monateJeJahr: 2 },
      ],
      endGeburtsjahr: 1964,
      endJahre: 67,
    },
    norm: '§ 7a SGB II',
    quelle: 'RV-Altersgrenzenanpassungsgesetz vom 20.4.2007 (BGBl. I S. 554), § 7a SGB II',
  },
];
