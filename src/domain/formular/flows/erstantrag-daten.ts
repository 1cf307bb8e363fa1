/**
 * Data shape of an online application (docs/antrag-datenformat.md). The pages of the flows pick their fields from
 * these schemas, so the stored draft is exactly these areas (each optional while the draft is unfinished).
 * Money in integer cents, days as ISO "JJJJ-MM-TT", countries as ISO 3166-1 alpha-2 (XX = staatenlos/ungeklärt).
 */
import { z } from 'zod';
import { feld } from '../felder.ts';

export const FAMILIENSTAENDE = ['ledig', 'verheiratet', 'eingetragene_lebenspartnerschaft', 'getrennt_lebend', 'geschieden', 'verwitwet'] as const;
export const GESCHLECHTER = ['w', 'm', 'd', 'keine_angabe'] as const;

export const personFelder = {
  vorname: feld.text(100),
  nachname: feld.text(100),
  geburtsdatum: feld.datum(),
  geschlecht: feld.auswahl(GESCHLECHTER),
  staatsangehoerigkeit: feld.land(),
};

/** Hauptantrag: the statement that opens the application */
export const antragSchema = z.strictObject({
  beantragt: feld.bestaetigung(),
});

/**
 * School, vocational training or university (asked for every person under 25 on the Antragsdatum; children from 15):
 * for pupils, trainees and students under 25 other rules on earnings apply (§ 11b Abs. 2b SGB II). 'keine' = none.
 */
export const AUSBILDUNGEN = ['schule', 'ausbildung', 'studium', 'keine'] as const;
export type Ausbildung = Exclude<(typeof AUSBILDUNGEN)[number], 'keine'>;

export const antragstellerSchema = z.strictObject({
  ...personFelder,
  familienstand: feld.auswahl(FAMILIENSTAENDE),
  ausbildung: feld.auswahl(AUSBILDUNGEN),
});

export const anschriftSchema = z.strictObject({
  strasse: feld.text(200),
  hausnummer: feld.text(20),
  zusatz: feld.text(200).optional(),
  plz: feld.plz(),
  ort: feld.text(200),
});

export const kontaktSchema = z.strictObject({
  telefon: feld.telefon().optional(),
  email: feld.email().optional(),
});

export const bankSchema = z.strictObject({
  iban: feld.iban(),
  kontoinhaber: feld.text(200),
});

export const haushaltSchema = z.strictObject({
  partner: feld.jaNein(),
  kinder: feld.jaNein(),
  weiterePersonen: feld.jaNein(),
});

/** WEP: partner in the Bedarfsgemeinschaft */
export const partnerSchema = z.strictObject({
  ...personFelder,
  erwerbsfaehig: feld.jaNein(),
  ausbildung: feld.auswahl(AUSBILDUNGEN),
});

/** KI: a child under 25 in the household */
export const kindSchema = z.strictObject({
  ...personFelder,
  verwandtschaft: feld.auswahl(['eigenes_kind', 'kind_partner', 'gemeinsames_kind', 'pflegekind', 'anderes'] as const),
  ausbildung: feld.auswahl(AUSBILDUNGEN),
  kindergeld: feld.jaNein(),
  kindergeldCent: feld.geld(),
  /** the child's own income from a parent outside the household (asked unless both parents live in it) */
  unterhaltErhalten: feld.jaNein(),
  unterhaltCent: feld.geld().optional(),
  unterhaltsvorschussCent: feld.geld().optional(),
});

/** WEP: other household members outside the Bedarfsgemeinschaft (parents, siblings, flatmates …) */
export const weiterePersonSchema = z.strictObject({
  vorname: feld.text(100),
  nachname: feld.text(100),
  geburtsdatum: feld.datum(),
  verhaeltnis: feld.auswahl(['elternteil', 'geschwister', 'kind_ueber_25', 'verwandt', 'nicht_verwandt'] as const),
  wirtschaftetGemeinsam: feld.jaNein(),
});

export const WOHNFORMEN = ['miete', 'eigentum', 'ohne_kosten'] as const;
export const HEIZUNGSARTEN = ['zentral', 'etage', 'ofen', 'fernwaerme', 'sonstige'] as const;

/** KDU */
export const unterkunftSchema = z.strictObject({
  wohnform: feld.auswahl(WOHNFORMEN),
  grundmieteCent: feld.geld(),
  nebenkostenCent: feld.geld(),
  heizkostenCent: feld.geld(),
  heizungsart: feld.auswahl(HEIZUNGSARTEN),
  warmwasserDezentral: feld.jaNein(),
  wohnflaecheQm: feld.ganzzahl(1, 1000),
});

export const EINKOMMENSARTEN = ['arbeit', 'selbststaendigkeit', 'kindergeld', 'unterhalt', 'unterhaltsvorschuss', 'rente', 'arbeitslosengeld', 'krankengeld', 'elterngeld', 'sonstiges'] as const;
export type Einkommensart = (typeof EINKOMMENSARTEN)[number];

/** EK: one income entry of one person */
export const einkommenSchema = z.strictObject({
  person: feld.personRef(),
  art: feld.auswahl(EINKOMMENSARTEN),
  arbeitgeber: feld.text(200),
  bruttoCent: feld.geld(),
  nettoCent: feld.geld(),
  minijob: feld.jaNein(),
  /**
   * EKS in simple form, per month (average of the coming six months): Betriebseinnahmen and Betriebsausgaben – or the
   * Gewinn directly – and the Steuern und Pflichtbeiträge paid on it (empty = none). See `selbststaendigGewinn`.
   */
  taetigkeit: feld.text(200),
  einnahmenCent: feld.geld().optional(),
  ausgabenCent: feld.geld().optional(),
  gewinnMonatlichCent: feld.geld().optional(),
  steuernCent: feld.geld().optional(),
  betragCent: feld.geld(),
  bezeichnung: feld.text(200).optional(),
});

export const EINMALZAHLUNG_ARTEN = ['steuererstattung', 'nachzahlung', 'abfindung', 'erbschaft', 'sonstiges'] as const;

/** One-off payment received in the last months or expected (§ 11 Abs. 3 SGB II; an Erbschaft is Vermögen from 1.7.2023) */
export const einmalzahlungSchema = z.strictObject({
  person: feld.personRef(),
  art: feld.auswahl(EINMALZAHLUNG_ARTEN),
  einmalbetragCent: feld.geld(),
  zuflussDatum: feld.datum(),
});

export const VERMOEGENSARTEN = ['konto', 'bargeld', 'sparanlage', 'wertpapiere', 'kraftfahrzeug', 'immobilie', 'versicherung', 'sonstiges'] as const;

/** VM */
export const vermoegenSchema = z.strictObject({
  person: feld.personRef(),
  art: feld.auswahl(VERMOEGENSARTEN),
  bezeichnung: feld.text(200),
  wertCent: feld.geld(),
});

export const MEHRBEDARFE = ['schwangerschaft', 'behinderung', 'ernaehrung'] as const;

/** MEB */
export const mehrbedarfSchema = z.strictObject({
  arten: feld.mehrfach(MEHRBEDARFE),
  alleinerziehend: feld.jaNein(),
  schwangerePerson: feld.personRef(),
  entbindungstermin: feld.datum(),
  behindertePerson: feld.personRef(),
  teilhabeleistungen: feld.jaNein(),
  ernaehrungPerson: feld.personRef(),
  erkrankung: feld.text(500),
});

/** UH: persons outside the household who owe maintenance */
export const unterhaltSchema = z.strictObject({
  vorhanden: feld.jaNein(),
});

export const unterhaltspflichtigerSchema = z.strictObject({
  name: feld.text(200),
  verhaeltnis: feld.auswahl(['anderer_elternteil', 'elternteil', 'ehegatte', 'frueherer_ehegatte', 'sonstige'] as const),
  fuerPerson: feld.personRef(),
  zahlt: feld.jaNein(),
  titel: feld.jaNein(),
});

export const abschlussSchema = z.strictObject({
  richtig: feld.bestaetigung(),
  mitwirkung: feld.bestaetigung(),
});

type Teil<T extends z.ZodObject> = Partial<z.output<T>>;
type Liste<T extends z.ZodObject> = Array<Teil<T> & { id: string }>;

/** The draft (and, once complete, the application) as stored. */
export type AntragDaten = {
  antragsdatum?: string;
  antrag?: Teil<typeof antragSchema>;
  antragsteller?: Teil<typeof antragstellerSchema>;
  anschrift?: Teil<typeof anschriftSchema>;
  kontakt?: Teil<typeof kontaktSchema>;
  bank?: Teil<typeof bankSchema>;
  haushalt?: Teil<typeof haushaltSchema>;
  partner?: Teil<typeof partnerSchema>;
  kinder?: Liste<typeof kindSchema>;
  weiterePersonen?: Liste<typeof weiterePersonSchema>;
  unterkunft?: Teil<typeof unterkunftSchema>;
  einkommenVorhanden?: boolean;
  einkommen?: Liste<typeof einkommenSchema>;
  einmalzahlungVorhanden?: boolean;
  einmalzahlungen?: Liste<typeof einmalzahlungSchema>;
  vermoegenVorhanden?: boolean;
  vermoegen?: Liste<typeof vermoegenSchema>;
  mehrbedarf?: Teil<typeof mehrbedarfSchema>;
  unterhalt?: Teil<typeof unterhaltSchema>;
  unterhaltspflichtige?: Liste<typeof unterhaltspflichtigerSchema>;
  abschluss?: Teil<typeof abschlussSchema>;
  [feld: string]: unknown;
};

/** Person references used by income, assets, Mehrbedarfe and maintenance: "antragsteller", "partner" or a child's id. */
export type PersonAuswahl = { ref: string; name: string; rolle: 'antragsteller' | 'partner' | 'kind' };

const name = (p: { vorname?: string | undefined; nachname?: string | undefined } | undefined, ersatz: string) =>
  [p?.vorname, p?.nachname].filter(Boolean).join(' ') || ersatz;

export function personenAuswahl(d: AntragDaten): PersonAuswahl[] {
  const liste: PersonAuswahl[] = [{ ref: 'antragsteller', name: name(d.antragsteller, 'Antragsteller/in'), rolle: 'antragsteller' }];
  if (d.haushalt?.partner === true) liste.push({ ref: 'partner', name: name(d.partner, 'Partner/in'), rolle: 'partner' });
  if (d.haushalt?.kinder === true) for (const k of d.kinder ?? []) liste.push({ ref: k.id, name: name(k, 'Kind'), rolle: 'kind' });
  return liste;
}

type SelbststaendigAngaben = { einnahmenCent?: number | undefined; ausgabenCent?: number | undefined; gewinnMonatlichCent?: number | undefined; steuernCent?: number | undefined };

/**
 * Monthly Gewinn (Betriebseinnahmen minus Betriebsausgaben, or the Gewinn stated directly) and Gewinn minus Steuern
 * und Pflichtbeiträge. A loss counts as a Gewinn of 0: it is not set off against other income (§ 5 Bürgergeld-V).
 * undefined while neither Einnahmen nor Gewinn is given.
 */
export function selbststaendigGewinn(e: SelbststaendigAngaben): { gewinnCent: number; nettoCent: number } | undefined {
  const gewinnCent =
    typeof e.einnahmenCent === 'number' ? Math.max(0, e.einnahmenCent - (e.ausgabenCent ?? 0)) : typeof e.gewinnMonatlichCent === 'number' ? e.gewinnMonatlichCent : undefined;
  if (gewinnCent === undefined) return undefined;
  return { gewinnCent, nettoCent: Math.max(0, gewinnCent - (e.steuernCent ?? 0)) };
}

/** Field errors of the Selbstständigkeit page (codes as in texte/de.ts `fehler.*`). */
export function pruefeSelbststaendig(e: SelbststaendigAngaben): Array<{ feld: string; code: string }> {
  const { einnahmenCent: ein, ausgabenCent: aus, gewinnMonatlichCent: gewinn } = e;
  // either Einnahmen and Ausgaben, or the Gewinn
  if (ein === undefined && aus !== undefined) return [{ feld: 'einnahmenCent', code: 'pflichtfeld' }];
  if (ein === undefined && gewinn === undefined) return [{ feld: 'einnahmenCent', code: 'gewinn_fehlt' }];
  if (ein !== undefined && aus === undefined) return [{ feld: 'ausgabenCent', code: 'pflichtfeld' }];
  if (ein !== undefined && gewinn !== undefined && gewinn !== Math.max(0, ein - (aus ?? 0))) return [{ feld: 'gewinnMonatlichCent', code: 'gewinn_passt_nicht' }];
  const g = selbststaendigGewinn(e)!;
  if ((e.steuernCent ?? 0) > g.gewinnCent) return [{ feld: 'steuernCent', code: 'steuern_ueber_gewinn' }];
  return [];
}
