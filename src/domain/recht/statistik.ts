/**
 * Statistik und Steuerung (docs/statistik.md, "Regeln nach Datum"): the counting rules of the § 48a Kennzahlen
 * (Verordnung zur Festlegung der Kennzahlen nach § 48a SGB II, "KennzV") and of the Grundsicherungsstatistik as
 * dated parameters, and the Bundesbeteiligung an den Kosten der Unterkunft (§ 46 Abs. 5 ff. SGB II).
 */
import type { Instrument } from '../foerdern/typen.ts';
import type { Gueltig } from './typen.ts';

const QUELLE_VO = 'Verordnung zur Festlegung der Kennzahlen nach § 48a SGB II vom 12.8.2010, zuletzt geändert 15.3.2019 (gesetze-im-internet.de/sgb2_48afkv); jobcenter-domain.md § 2.1, § 3';

export type LzbRegel = {
  /** eLb on at least this many days … */
  mindestTage: number;
  /** … of this many days ending with the Stichtag (both ends included) */
  fensterTage: number;
};

/** Langzeitleistungsbeziehende: eLb at the Stichtag and eLb on ≥ 638 of the 730 days up to it (§ 6 KennzV). */
export const LZB_REGEL: readonly Gueltig<LzbRegel>[] = [
  { gueltigAb: '2011-01-01', wert: { mindestTage: 638, fensterTage: 730 }, norm: '§ 6 KennzV (§ 48a SGB II)', quelle: QUELLE_VO, fundstelle: '§ 6 KennzV' },
];

export type Wartezeit = { monate: number };

/**
 * Wartezeit of the Grundsicherungsstatistik: figures of a month become final ("festgeschrieben") after three months;
 * later entries are ignored (BA-Statistik, Glossar "Wartezeit"; jobcenter-domain.md § 2.1).
 */
export const STATISTIK_WARTEZEIT: readonly Gueltig<Wartezeit>[] = [
  {
    gueltigAb: '2005-01-01',
    wert: { monate: 3 },
    norm: 'Statistik der BA: Wartezeit der Grundsicherungsstatistik (Verwaltungspraxis, § 53 SGB II)',
    quelle: 'sgb2.info Glossar "Wartezeit"; BA-Statistik Glossar "Eckwerte der Grundsicherungsstatistik"; jobcenter-domain.md § 2.1',
  },
];

export type Bezugsgroessenregel = {
  /** no Quote is published for a Bezugsgröße below this many zivile Erwerbspersonen */
  mindestErwerbspersonen: number;
};

/** BA publishes no Arbeitslosenquote for a Bezugsgröße below 15,000 (BA-Statistik, Methodische Hinweise Bezugsgrößen). */
export const BEZUGSGROESSE_MINDESTWERT: readonly Gueltig<Bezugsgroessenregel>[] = [
  {
    gueltigAb: '2005-01-01',
    wert: { mindestErwerbspersonen: 15000 },
    norm: 'Statistik der BA: Berechnung der Arbeitslosenquote (Verwaltungspraxis, § 53 SGB II, § 281 SGB III)',
    quelle: 'BA-Statistik, Glossar und Methodische Hinweise "Bezugsgrößen"; foerdern-fordern-statistik.md § C.3',
  },
];

// ------------------------------------------------------------------------------------------ Länder

/** The 16 Länder by their ISO 3166-2:DE suffix (as `statistik_einstellungen.land`). */
export const BUNDESLAENDER = [
  { code: 'BW', name: 'Baden-Württemberg' },
  { code: 'BY', name: 'Bayern' },
  { code: 'BE', name: 'Berlin' },
  { code: 'BB', name: 'Brandenburg' },
  { code: 'HB', name: 'Bremen' },
  { code: 'HH', name: 'Hamburg' },
  { code: 'HE', name: 'Hessen' },
  { code: 'MV', name: 'Mecklenburg-Vorpommern' },
  { code: 'NI', name: 'Niedersachsen' },
  { code: 'NW', name: 'Nordrhein-Westfalen' },
  { code: 'RP', name: 'Rheinland-Pfalz' },
  { code: 'SL', name: 'Saarland' },
  { code: 'SN', name: 'Sachsen' },
  { code: 'ST', name: 'Sachsen-Anhalt' },
  { code: 'SH', name: 'Schleswig-Holstein' },
  { code: 'TH', name: 'Thüringen' },
] as const;
export type Bundesland = (typeof BUNDESLAENDER)[number]['code'];

// ------------------------------------------------------------------------------------------ Bundesbeteiligung KdU

export type BundesbeteiligungLand = {
  /** share of the Bund in the Leistungen nach § 22 Abs. 1 SGB II, basis points (71,3 % = 7130) */
  basispunkte: number;
  quelle?: string;
  unsicher?: string;
};
export type Bundesbeteiligung = { laender: Readonly<Partial<Record<Bundesland, BundesbeteiligungLand>>> };

const NORM_BB = '§ 46 Abs. 5–11 SGB II';
const ORDNUNG: readonly Bundesland[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];
/** The 16 percentages of a BBFestV in the order of the Verordnung (BW … TH), as written there ("71,3"), to basis points. */
function laender(prozente: string): Bundesbeteiligung {
  const werte = prozente.trim().split(/\s+/);
  if (werte.length !== ORDNUNG.length) throw new Error(`16 Werte erwartet, ${werte.length} erhalten`);
  const out: Partial<Record<Bundesland, BundesbeteiligungLand>> = {};
  ORDNUNG.forEach((land, i) => {
    out[land] = { basispunkte: Math.round(Number(werte[i]!.replace(',', '.')) * 100) };
  });
  return { laender: out };
}
const GII = (slug: string): string =>
  `gesetze-im-internet.de/${slug} (Text gelesen in den Spiegeln github.com/habibhaidari1/gesetze und github.com/thunderquack/bundestag_gesetze, b/${slug}/index.md)`;

/**
 * Bundesbeteiligung an den Leistungen für Unterkunft und Heizung (§ 22 Abs. 1 SGB II) per Land and year, § 46 Abs. 5
 * S. 3 SGB II: the Bund's share in percent, set each year by the Bundesbeteiligungs-Festlegungsverordnung (BBFestV
 * of year X: rückwirkende Anpassung for X, Festlegung for X + 1). Each year holds the LAST published value: the
 * adjusted one where an adjustment exists; the value for 2026 is only the Festlegung of the BBFestV 2025 and is
 * marked unsicher until the BBFestV 2026 adjusts it. A year without an entry (before 2020, after 2026) has no value:
 * teileLuh then books all KdU as kommunal and the report says "nicht hinterlegt".
 */
export const BUNDESBETEILIGUNG_KDU: readonly Gueltig<Bundesbeteiligung>[] = [
  {
    gueltigAb: '2020-01-01',
    gueltigBis: '2020-12-31',
    wert: laender('76,4 72,2 70,6 66,2 73,6 77,5 73,5 67,2 74,3 71,1 80,5 76,2 68,7 67,9 72,9 71,4'),
    norm: NORM_BB,
    quelle: `BBFestV 2021 vom 25.6.2021 (BGBl. I S. 2148), § 3 Abs. 1 (Anpassung 2020); ${GII('bbfestv_2021')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 3 Abs. 1 BBFestV 2021',
  },
  {
    gueltigAb: '2021-01-01',
    gueltigBis: '2021-12-31',
    wert: laender('73,6 68,7 66,5 65,0 71,4 73,6 70,4 65,1 72,0 69,4 77,9 74,0 67,5 66,1 70,9 69,4'),
    norm: NORM_BB,
    quelle: `BBFestV 2022 vom 11.7.2022 (BGBl. I S. 1132), § 3 Abs. 1 (rückwirkende Anpassung 2021); ${GII('bbfestv_2022')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 3 Abs. 1 BBFestV 2022',
  },
  {
    gueltigAb: '2022-01-01',
    gueltigBis: '2022-12-31',
    wert: laender('71,5 67,4 65,8 67,2 68,2 70,5 67,2 69,1 70,3 68,4 76,7 68,9 69,5 67,8 68,4 69,6'),
    norm: NORM_BB,
    quelle: `BBFestV 2022 vom 11.7.2022 (BGBl. I S. 1132), § 3 Abs. 2 (Anpassung 2022); ${GII('bbfestv_2022')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 3 Abs. 2 BBFestV 2022',
  },
  {
    gueltigAb: '2023-01-01',
    gueltigBis: '2023-12-31',
    wert: laender('71,9 68,9 66,8 68,3 69,6 72,5 68,7 70,1 71,9 70,4 78,1 69,8 71,3 69,3 70,3 71,3'),
    norm: NORM_BB,
    quelle: `BBFestV 2023 vom 7.7.2023 (BGBl. 2023 I Nr. 180), § 2 Abs. 1 (rückwirkende Anpassung 2023); ${GII('bbfestv_2023')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 2 Abs. 1 BBFestV 2023',
  },
  {
    gueltigAb: '2024-01-01',
    gueltigBis: '2024-12-31',
    wert: laender('72,1 69,5 67,0 69,1 70,2 72,4 68,7 71,5 72,8 71,3 78,7 70,2 72,4 69,8 70,6 72,2'),
    norm: NORM_BB,
    quelle: `BBFestV 2024 vom 8.7.2024 (BGBl. 2024 I Nr. 228), § 2 Abs. 1 (rückwirkende Anpassung 2024); ${GII('bbfestv_2024')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 2 Abs. 1 BBFestV 2024',
  },
  {
    gueltigAb: '2025-01-01',
    gueltigBis: '2025-12-31',
    wert: laender('72,5 70,6 67,3 69,8 71,3 72,7 69,4 72,5 74,3 72,1 79,4 70,3 74,1 70,9 71,5 73,3'),
    norm: NORM_BB,
    quelle: `BBFestV 2025 vom 15.7.2025 (BGBl. 2025 I Nr. 160), § 2 Abs. 1 (rückwirkende Anpassung 2025); ${GII('bbfestv_2025')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 2 Abs. 1 BBFestV 2025',
  },
  {
    gueltigAb: '2026-01-01',
    gueltigBis: '2026-12-31',
    wert: laender('72,5 70,6 67,3 69,8 71,3 72,7 69,4 72,5 74,3 72,1 79,4 70,3 74,1 70,9 71,5 73,3'),
    norm: NORM_BB,
    quelle: `BBFestV 2025 vom 15.7.2025 (BGBl. 2025 I Nr. 160), § 2 Abs. 2 (Festlegung 2026); ${GII('bbfestv_2025')}`,
    fundstelle: '§ 46 Abs. 5 SGB II i.V.m. § 2 Abs. 2 BBFestV 2025',
    unsicher: 'vorläufige Festlegung für 2026; die rückwirkende Anpassung durch eine BBFestV 2026 ist nicht hinterlegt',
  },
];

// ------------------------------------------------------------------------------------------ Maßnahmen K3E2

/**
 * "Maßnahmen der aktiven Arbeitsförderung" in the sense of K3E2 (Aktivierungsquote der LZB), § 2 Abs. 2 Nr. 1 KennzV
 * in the version of 15.3.2019: Maßnahmen nach §§ 16, 16d, 16e a.F. (bis 31.12.2018), 16f und 16i SGB II (and the
 * ended Bundesprogramm "Soziale Teilhabe"), but not the Vermittlungsbudget (§ 44 SGB III) and not the "Beschäftigung
 * begleitenden Leistungen" of Nr. 2 (EGZ §§ 88–90 SGB III, §§ 16b and 16e SGB II). Not named, so not counted: § 16a
 * (kommunale Eingliederungsleistungen), § 16c (Selbständige), § 16h, § 16k (BA correction of Feb 2024). Stricter than
 * MASSNAHME_ZAEHLUNG (foerdern-instrumente.ts), which also drives the Arbeitsmarktstatus.
 */
export type AktivierungK3E2 = { zaehlt: Readonly<Record<Instrument, boolean>> };

export const AKTIVIERUNG_K3E2: readonly Gueltig<AktivierungK3E2>[] = [
  {
    gueltigAb: '2019-03-22',
    wert: {
      zaehlt: {
        sgb3_44_vermittlungsbudget: false,
        sgb3_45_mat: true,
        sgb3_45_mag: true,
        sgb3_45_mpav: true,
        sgb3_88_egz: false,
        sgb3_81_fbw: true,
        verweisung_aa_fbw: false,
        verweisung_aa_reha: false,
        sgb2_16a_kinderbetreuung: false,
        sgb2_16a_schuldnerberatung: false,
        sgb2_16a_psychosozial: false,
        sgb2_16a_suchtberatung: false,
        sgb2_16b_einstiegsgeld: false,
        sgb2_16c_selbststaendige: false,
        sgb2_16d_agh: true,
        sgb2_16e_lza: false,
        sgb2_16f_freie_foerderung: true,
        sgb2_16h_junge_menschen: false,
        sgb2_16i_teilhabe: true,
        sgb2_16k_coaching: false,
      },
    },
    norm: '§ 2 Abs. 2 Nr. 1 und 2, § 6 Abs. 2 Nr. 2 KennzV (§ 48a SGB II)',
    quelle: `${QUELLE_VO.replace('zuletzt geändert 15.3.2019', 'Fassung der Änderung vom 15.3.2019 (BGBl. I S. 339)')}; Text: github.com/thunderquack/bundestag_gesetze s/sgb2_48afkv/index.md`,
    fundstelle: '§ 2 Abs. 2 Nr. 1 KennzV',
    unsicher:
      'FbW und Reha durch die Agentur (Verweisung ab 1.1.2025) sind keine Maßnahmen nach § 16 SGB II und zählen hier nicht; ob die BA sie in K3E2 zählt, ist nicht belegt',
  },
];

// ------------------------------------------------------------------------------------------ EU

/** The member states of the European Union in one period: ISO 3166-1 alpha-2 codes (Greece also as 'EL'). */
export type EuMitglieder = { staaten: readonly string[]; aenderung: string };

const QUELLE_EU =
  'Gründungs- und Beitrittsverträge (Art. 49, 52 EUV); Austritt des Vereinigten Königreichs mit Ablauf des 31.1.2020 (Art. 50 EUV, Austrittsabkommen ABl. L 29 vom 31.1.2020); european-union.europa.eu "Länderprofile"';
const NORM_EU = '§ 51b SGB II (Merkmal Staatsangehörigkeit der Grundsicherungsstatistik) i.V.m. Art. 52 EUV';
const EU_1958 = ['BE', 'DE', 'FR', 'IT', 'LU', 'NL'];
const EU_1973 = [...EU_1958, 'DK', 'IE', 'GB'];
const EU_1981 = [...EU_1973, 'GR', 'EL'];
const EU_1986 = [...EU_1981, 'ES', 'PT'];
const EU_1995 = [...EU_1986, 'AT', 'FI', 'SE'];
const EU_2004 = [...EU_1995, 'CY', 'CZ', 'EE', 'HU', 'LT', 'LV', 'MT', 'PL', 'SI', 'SK'];
const EU_2007 = [...EU_2004, 'BG', 'RO'];
const EU_2013 = [...EU_2007, 'HR'];
const EU_2020 = EU_2013.filter((c) => c !== 'GB');
const euStand = (gueltigAb: string, staaten: string[], aenderung: string): Gueltig<EuMitglieder> => ({
  gueltigAb,
  wert: { staaten, aenderung },
  norm: NORM_EU,
  quelle: QUELLE_EU,
});

/**
 * Member states of the European Union by date, for the nationality group "EU" of the statistics (Germany itself is
 * counted as "deutsch"). Codes as in person_stammdaten.staatsangehoerigkeit (ISO 3166-1 alpha-2).
 */
export const EU_MITGLIEDER: readonly Gueltig<EuMitglieder>[] = [
  euStand('1958-01-01', EU_1958, 'Gründungsstaaten'),
  euStand('1973-01-01', EU_1973, 'Beitritt DK, IE, GB'),
  euStand('1981-01-01', EU_1981, 'Beitritt GR'),
  euStand('1986-01-01', EU_1986, 'Beitritt ES, PT'),
  euStand('1995-01-01', EU_1995, 'Beitritt AT, FI, SE'),
  euStand('2004-05-01', EU_2004, 'Beitritt CY, CZ, EE, HU, LT, LV, MT, PL, SI, SK'),
  euStand('2007-01-01', EU_2007, 'Beitritt BG, RO'),
  euStand('2013-07-01', EU_2013, 'Beitritt HR'),
  euStand('2020-02-01', EU_2020, 'Austritt GB (mit Ablauf des 31.1.2020)'),
];
