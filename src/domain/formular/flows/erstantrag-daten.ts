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

export const antragstellerSchema = z.strictObject({
  ...personFelder,
  familienstand: feld.auswahl(FAMILIENSTAENDE),
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
});

/** KI: a child under 25 in the household */
export const kindSchema = z.strictObject({
  ...personFelder,
  verwandtschaft: feld.auswahl(['eigenes_kind', 'kind_partner', 'gemeinsames_kind', 'pflegekind', 'anderes'] as const),
  schuleOderAusbildung: feld.jaNein(),
  kindergeld: feld.jaNein(),
  kindergeldCent: feld.geld(),
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
  /** EKS in simple form: expected monthly profit over the coming six months */
  taetigkeit: feld.text(200),
  gewinnMonatlichCent: feld.geld(),
  betragCent: feld.geld(),
  bezeichnung: feld.text(200).optional(),
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
