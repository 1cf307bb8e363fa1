/**
 * The dated facts of a Fallakte as the domain sees them. The shapes match the rows of src/db/schema/fall.ts
 * (extra columns are simply ignored), so a repository result can be passed in directly. Money in cents.
 */
import type { MinderungFakt } from '../fordern/monat.ts';
import type { Periode } from './perioden.ts';

export const ROLLEN = ['antragsteller', 'partner', 'kind', 'sonstige'] as const;
export type Rolle = (typeof ROLLEN)[number];

export const EINKOMMEN_ARTEN = [
  'erwerbstaetigkeit',
  'kindergeld',
  'unterhalt',
  'unterhaltsvorschuss',
  'rente',
  'arbeitslosengeld',
  'krankengeld',
  'elterngeld',
  'selbststaendigkeit',
  'einmalig',
  'sonstiges',
] as const;
export type EinkommenArt = (typeof EINKOMMEN_ARTEN)[number];

type P = Periode & { id: string };

export type StammdatenPeriode = P & {
  personId: string;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  geschlecht: string | null;
  staatsangehoerigkeit: string;
  /** FAMILIENSTAENDE key or null (not stated); contact as given. Optional: older callers build rows without. */
  familienstand?: string | null;
  telefon?: string | null;
  email?: string | null;
};

export type MitgliedschaftPeriode = P & { personId: string; bgId: string; rolle: Rolle | string; inBg: boolean };

export type BeziehungPeriode = P & { personId: string; zuPersonId: string; art: 'partner' | 'elternteil' | string };

export type MerkmalePeriode = P & {
  personId: string;
  erwerbsfaehig: boolean | null;
  schwanger: boolean;
  mehrbedarfBehinderung: boolean;
  mehrbedarfErnaehrungCent: number | null;
  mehrbedarfUnabweisbarCent: number | null;
  mehrbedarfSchulbuecherCent: number | null;
  alleinerziehend: boolean | null;
  kindergeldberechtigterPersonId: string | null;
  /** In school, vocational training or university (§ 11b Abs. 2b SGB II); null = none. Optional: older callers. */
  ausbildung?: (typeof AUSBILDUNGEN)[number] | null;
  /** Partner not eligible under SGB II (Altersrente or SGB XII): mixed BG. */
  sgb12?: boolean;
};

export const AUSBILDUNGEN = ['schule', 'ausbildung', 'studium'] as const;

export type EinkommenPeriode = P & {
  personId: string;
  art: EinkommenArt | string;
  bezeichnung: string | null;
  bruttoCent: number | null;
  nettoCent: number | null;
  absetzungenCent: number | null;
  betragCent: number | null;
  /** Day of inflow of a one-off income (art 'einmalig', § 11 Abs. 3 SGB II); the period starts on it. */
  zuflussDatum?: string | null;
  /** One-off income from an Erbschaft (from 1.7.2023 Vermögen, § 11a Abs. 1 Nr. 7). */
  erbschaft?: boolean;
  /** Ferienjob of a pupil under 25 in the school holidays (Erwerbstätigkeit, § 11a Abs. 7). */
  ferienjob?: boolean;
};

export type VermoegenPeriode = P & { personId: string; bezeichnung: string; wertCent: number };

export type AdressePeriode = P & {
  strasse: string;
  hausnummer: string;
  zusatz: string | null;
  plz: string;
  ort: string;
  kommuneId: string;
};

export type BankPeriode = P & { iban: string; bic: string | null; kontoinhaber: string };

export type UnterkunftPeriode = P & {
  grundmieteCent: number;
  nebenkostenCent: number;
  heizkostenCent: number;
  warmwasserDezentral: boolean;
  /** Living space in m² and heating type (HEIZUNGSARTEN); null = not stated. */
  wohnflaecheQm?: number | null;
  heizungsart?: string | null;
};

export const UNTERHALT_VERHAELTNISSE = ['elternteil', 'anderer_elternteil', 'ehegatte', 'frueherer_ehegatte', 'sonstige'] as const;
export const FAMILIENSTAENDE = ['ledig', 'verheiratet', 'eingetragene_lebenspartnerschaft', 'getrennt_lebend', 'geschieden', 'verwitwet'] as const;
export const HEIZUNGSARTEN = ['zentral', 'etage', 'ofen', 'fernwaerme', 'sonstige'] as const;

/** A person outside the household who owes maintenance (§ 33 SGB II); null = not known. */
export type UnterhaltspflichtigerPeriode = P & {
  name: string;
  verhaeltnis: (typeof UNTERHALT_VERHAELTNISSE)[number] | string;
  fuerPersonId: string | null;
  zahlt: boolean | null;
  betragCent: number | null;
  titel: boolean | null;
};

/** Everything recorded for one BG (all periods, past and future). */
export type FallakteDaten = {
  bg: { id: string; fallnummer: string; standortId: string; status: string; version: number };
  mitgliedschaften: MitgliedschaftPeriode[];
  stammdaten: StammdatenPeriode[];
  merkmale: MerkmalePeriode[];
  einkommen: EinkommenPeriode[];
  vermoegen: VermoegenPeriode[];
  beziehungen: BeziehungPeriode[];
  adressen: AdressePeriode[];
  /** Empty when the reader may not see bank details. */
  bankverbindungen: BankPeriode[];
  unterkunft: UnterkunftPeriode[];
  /** Optional for callers that build Fallakte data by hand (tests, calculation). */
  unterhaltspflichtige?: UnterhaltspflichtigerPeriode[];
  /** Decided Minderungen of the persons (docs/fordern.md, "Geld"); loaded only where the Bewilligung is computed. */
  minderungen?: MinderungFakt[];
};

export type PersonZustand = {
  id: string;
  rolle: Rolle;
  inBg: boolean;
  /** First day of the membership period in force (for a child born during a month: its first day). */
  mitgliedSeit: string;
  vorname: string;
  nachname: string;
  geburtsdatum: string;
  geschlecht: string | null;
  staatsangehoerigkeit: string;
  familienstand: string | null;
  telefon: string | null;
  email: string | null;
  merkmale: MerkmalePeriode | null;
  einkommen: EinkommenPeriode[];
  vermoegen: VermoegenPeriode[];
};

/** The Fallakte as it stood on one day. */
export type FallZustand = {
  stichtag: string;
  bg: FallakteDaten['bg'];
  personen: PersonZustand[];
  beziehungen: BeziehungPeriode[];
  adresse: AdressePeriode | null;
  bank: BankPeriode | null;
  unterkunft: UnterkunftPeriode | null;
  unterhaltspflichtige: UnterhaltspflichtigerPeriode[];
  /** The decided Minderungen (all months; fallakteZuBerechnungInput takes those of its month) – only when loaded. */
  minderungen?: readonly MinderungFakt[];
};
