/**
 * Readings of the law where the reference notes (docs/berechnung.md, "Offene Rechtsfragen") mark a date
 * or rule as uncertain. Each open point is ONE named parameter here; the engine reads nothing else for it.
 * Change a value here (and the tests that pin it) once the BA Fachliche Weisungen or the BGBl confirm
 * another reading.
 */
export type Auslegung = {
  /**
   * When an age-dependent value (Regelbedarfsstufe, Warmwasser-Mehrbedarf, children counted for
   * the Alleinerziehenden-Mehrbedarf, Vermögensfreibetrag 2026) changes: for the whole month in which
   * the birthday falls. § 12 Abs. 2 S. 2 SGB II (2026) says so for the Vermögensfreibetrag; the engine
   * applies the same rule to the other age limits. Alternative (not implemented): day-exact split.
   */
  altersstufenwechsel: 'monat_des_geburtstags';
  /**
   * § 41 Abs. 1: days of a partial month = calendar days of entitlement, at most 30; a whole calendar
   * month always counts as 30/30 (also February).
   */
  teilmonatTage: 'kalendertage_hoechstens_30';
  /** § 11 Abs. 2 Zuflussprinzip: income of the month is set in full against the pro-rated Bedarf. */
  einkommenImTeilmonat: 'voll_im_zuflussmonat';
  /** § 72 Sofortzuschlag in a partial month: pro-rated like every Leistung per § 41 Abs. 1 (true) or in full (false). */
  sofortzuschlagAnteilig: boolean;
  /** 30 € Versicherungspauschale on other income of an adult who also has Erwerbseinkommen (BA practice believed: no). */
  versicherungspauschaleNebenErwerbseinkommen: boolean;
  /** § 67 Abs. 1: last start date of a Bewilligungszeitraum under the Corona rules (statute text: 31.3.2022). */
  coronaBwzBeginnBis: string;
  /** First day of the 2026 § 22 Abs. 1 S. 5 cap (1.5 × angemessen in the Karenzzeit); not stated in the law. */
  kduReform2026Ab: string;
  /** First day on which the benefit is called "Grundsicherungsgeld" in the texts (§ 19 Abs. 1 n.F.). */
  grundsicherungsgeldAb: string;
  /**
   * Minderungen in months from this date follow the 2026 law (§ 65a Abs. 2 keys it on the date of the
   * violation, which the exchange format does not carry).
   */
  minderungNeuesRechtAb: string;
  /** KdU head shares: remainder cents go one each to the first persons in input order. */
  kopfteilRest: 'erste_personen';
  /**
   * § 7b Abs. 4 SGB II (2026): the income of a person deemed not erreichbar. The person stays a member of the
   * Bedarfsgemeinschaft (§ 7 Abs. 3 names the BG by persons, § 7b only takes the claim), so § 9 Abs. 2 still
   * counts a partner's income for the others; the law does not say how much. 'nach_eigenem_bedarf': the income
   * first covers the person's own Regel- and Mehrbedarf that the Jobcenter no longer pays, only the excess counts
   * for the others (as for a partner excluded from benefits in a gemischte BG, BSG 15.4.2008 B 14/7b AS 58/06 R);
   * a child's excess Kindergeld passes to the Kindergeldberechtigte as usual. Alternative 'voll': the person has
   * no own need any more, all income counts (a child's whole Kindergeld passes to the parent).
   */
  einkommenNichtErreichbar: 'nach_eigenem_bedarf' | 'voll';
  /**
   * § 11b Abs. 2b SGB II (young people in Schule, Ausbildung, Studium): the Minijob-Grenze replaces the 100 € and the
   * 20 % band; whether the 30 % and 10 % bands still apply above it is open (reference notes § 7 pitfall 5).
   * 'weitere_stufen': by the wording, they apply (bands 2 and 3 on the gross above their lower limits);
   * 'nur_minijobgrenze': only the Minijob-Grenze is free (the reading of the Leipzig calculator).
   */
  jungeErwerbstaetigeStufen: 'weitere_stufen' | 'nur_minijobgrenze';
  /**
   * § 11 Abs. 3 S. 4 SGB II: whether counting a one-off inflow at once "would end the claim" is judged with the
   * facts of the Anrechnungsmonat; each inflow alone (other undecided one-off inflows left out of the trial).
   */
  einmaligeEinnahmeEntscheidung: 'je_einnahme_im_anrechnungsmonat';
  /**
   * Gemischte BG: the income of a partner under SGB XII is reduced only by the § 82 Abs. 3 SGB XII Absetzbetrag on
   * earnings; other income is taken as given (net of the deductions of § 82 Abs. 2 SGB XII).
   */
  sgb12Einkommen: 'absetzbetrag_82_abs_3';
};

export const AUSLEGUNG: Readonly<Auslegung> = {
  altersstufenwechsel: 'monat_des_geburtstags',
  teilmonatTage: 'kalendertage_hoechstens_30',
  einkommenImTeilmonat: 'voll_im_zuflussmonat',
  sofortzuschlagAnteilig: true,
  versicherungspauschaleNebenErwerbseinkommen: false,
  coronaBwzBeginnBis: '2022-03-31',
  kduReform2026Ab: '2026-07-01',
  grundsicherungsgeldAb: '2026-07-01',
  minderungNeuesRechtAb: '2026-07-01',
  kopfteilRest: 'erste_personen',
  einkommenNichtErreichbar: 'nach_eigenem_bedarf',
  jungeErwerbstaetigeStufen: 'weitere_stufen',
  einmaligeEinnahmeEntscheidung: 'je_einnahme_im_anrechnungsmonat',
  sgb12Einkommen: 'absetzbetrag_82_abs_3',
};
