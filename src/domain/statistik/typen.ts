/**
 * Statistik und Steuerung (docs/statistik.md): the closed lists and shared types of the snapshots, the Monatsbericht,
 * the § 48a Kennzahlen and the comparison. Shared by domain, schema, server and pages.
 * Legal domain terms stay German (GLOSSARY.md, section "Statistik").
 */

/** A snapshot is built (`im_aufbau`), then vorläufig for three months after its Stichtag, then endgültig (frozen). */
export const SNAPSHOT_STATUS = ['im_aufbau', 'vorlaeufig', 'endgueltig'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUS)[number];

/** Person groups of the Grundsicherungsstatistik: eLb, NEF (Sozialgeld, in der Regel Kinder), nicht leistungsberechtigt (e.g. KOL). */
export const PERSONENGRUPPEN = ['elb', 'nef', 'nicht_leistungsberechtigt'] as const;
export type Personengruppe = (typeof PERSONENGRUPPEN)[number];

/** Age groups at the Stichtag: under 15, 15–24 (U25), 25–49, 50 and older (Ü50). */
export const ALTERSGRUPPEN = ['u15', 'u25', '25_49', 'ue50'] as const;
export type Altersgruppe = (typeof ALTERSGRUPPEN)[number];

export const STAATSANGEHOERIGKEIT_GRUPPEN = ['deutsch', 'eu', 'drittstaat', 'unbekannt'] as const;
export type StaatsangehoerigkeitGruppe = (typeof STAATSANGEHOERIGKEIT_GRUPPEN)[number];

/** Arbeitsmarktstatus of an eLb at the Stichtag as the statistics count it. */
export const STATISTIK_ARBEITSMARKTSTATUS = ['arbeitslos', 'arbeitsuchend', 'massnahme', 'erwerbstaetig', 'nicht_verfuegbar'] as const;
export type StatistikArbeitsmarktstatus = (typeof STATISTIK_ARBEITSMARKTSTATUS)[number];

export const EBENEN = ['traeger', 'kommune', 'standort'] as const;
export type Ebene = (typeof EBENEN)[number];

export const BEZUGSGROESSE_ARTEN = ['zivile_erwerbspersonen', 'bevoelkerung_bis_altersgrenze'] as const;
export type BezugsgroesseArt = (typeof BEZUGSGROESSE_ARTEN)[number];

/** Markers of a published value: imputed by the BA, of limited validity, missing, kept secret. */
export const VERGLEICH_MARKIERUNGEN = ['imputiert', 'eingeschraenkt', 'fehlend', 'geheim'] as const;
export type VergleichMarkierung = (typeof VERGLEICH_MARKIERUNGEN)[number];

/** Job-start events of the Kennzahlen exchange format (and the bits of `statistik_personen.ereignisse`). */
export const EREIGNIS_ARTEN = ['svb', 'ausbildung', 'selbststaendig', 'minijob', 'oeffentlich_gefoerdert'] as const;
export type EreignisArt = (typeof EREIGNIS_ARTEN)[number];
export const EREIGNIS_BIT: Readonly<Record<EreignisArt, number>> = {
  svb: 1,
  ausbildung: 2,
  selbststaendig: 4,
  minijob: 8,
  oeffentlich_gefoerdert: 16,
};
/** Events that are an Integration (§ 5 VO zu § 48a SGB II). */
export const INTEGRATION_BITS = EREIGNIS_BIT.svb | EREIGNIS_BIT.ausbildung | EREIGNIS_BIT.selbststaendig;

/** The codes of the § 48a Kennzahlen and Ergänzungsgrößen, in the order of the Verordnung. */
export const KENNZAHLEN = ['K1', 'K1E1', 'K1E2', 'K1E3', 'K1E4', 'K2', 'K2E1', 'K2E2', 'K2E3', 'K2E4', 'K3', 'K3E1', 'K3E2', 'K3E3', 'K3E4'] as const;
export type Kennzahl = (typeof KENNZAHLEN)[number];

/**
 * The engine's internal form: one person in one month (at its Stichtag). The exchange format (periods) is turned
 * into this form by the engine; the live path reads it from `statistik_personen`. The counting rules then run on this
 * form only – one implementation for both.
 */
export type PersonMonat = {
  id: string;
  /** eLb at the Stichtag */
  elb: boolean;
  /** LZB at the Stichtag (implies elb) */
  lzb: boolean;
  alleinerziehend: boolean;
  /** sozialversicherungspflichtig beschäftigt at the Stichtag */
  sv: boolean;
  /** in a Maßnahme der aktiven Arbeitsförderung at the Stichtag */
  massnahme: boolean;
  /** EREIGNIS_BIT set of the job starts dated in this calendar month */
  ereignisse: number;
};

/**
 * Grunddaten of one month t (for one region): the counts the Kennzahlen are made of. `null` members are not yet
 * determinable (K2E3 needs the six Stichtage after t).
 */
export type Grunddaten = {
  /** |B(t)| */
  bestand: number;
  /** |L(t)| */
  lzb: number;
  /** eLb alleinerziehend at Stichtag(t) */
  bestandAlleinerziehend: number;
  /** persons in B(t) not in B(t−1) */
  zugaenge: number;
  /** persons in B(t−1) not in B(t) */
  abgaenge: number;
  /** |B(t−1)| – the denominator of the Abgangsrate */
  bestandVormonat: number;
  lzbZugaenge: number;
  lzbAbgaenge: number;
  lzbVormonat: number;
  /** Integrationen in t (persons in B(t−1) or B(t), at most one per person) */
  integrationen: number;
  minijob: number;
  oeffentlichGefoerdert: number;
  integrationenAlleinerziehend: number;
  integrationenLzb: number;
  /** svb-Integrationen in t (the base of K2E3) */
  svbIntegrationen: number;
  /** of these, in sv-Beschäftigung at each of the six following Stichtage; null = not yet determinable */
  svbKontinuierlich: number | null;
  /** LZB in a Maßnahme at Stichtag(t) */
  lzbMassnahme: number;
};

/** The Grunddaten stored per month as `gd.<key>` in statistik_werte (svbKontinuierlich apart: it is written for month m−6). */
export const GRUNDDATEN_SCHLUESSEL = [
  'bestand',
  'lzb',
  'bestandAlleinerziehend',
  'zugaenge',
  'abgaenge',
  'bestandVormonat',
  'lzbZugaenge',
  'lzbAbgaenge',
  'lzbVormonat',
  'integrationen',
  'minijob',
  'oeffentlichGefoerdert',
  'integrationenAlleinerziehend',
  'integrationenLzb',
  'svbIntegrationen',
  'lzbMassnahme',
] as const satisfies readonly Exclude<keyof Grunddaten, 'svbKontinuierlich'>[];

export type KennzahlWert = { wert: number; zaehler: number; nenner: number } | null;
export type KennzahlenErgebnis = { version: 1; bezugsmonat: string; kennzahlen: Record<Kennzahl, KennzahlWert> };

/** Monthly sums of the Träger (euros in the exchange format, cents inside vorort). */
export type Leistungssummen = { llu: number; luh: number };
