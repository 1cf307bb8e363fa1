/**
 * Online-Antrag (Erstantrag) and Weiterbewilligungsantrag as flow configuration. Content follows the official
 * form set: Hauptantrag, WEP (Partner, weitere Personen), KI (Kinder, with their Unterhalt/Unterhaltsvorschuss), KDU,
 * EK (incl. Selbstständigkeit in simple form: Einnahmen, Ausgaben, Steuern; one-off payments), VM, MEB, UH; school,
 * training or studies for every person under 25. The first step is the statement "Ich beantrage Bürgergeld" – saving
 * it fixes the Antragsdatum.
 */
import { z } from 'zod';
import { defineFlow, type Eintrag, type Liste, type Seite, type Uebergang } from '../engine.ts';
import {
  abschlussSchema,
  anschriftSchema,
  antragSchema,
  antragstellerSchema,
  bankSchema,
  einkommenSchema,
  einmalzahlungSchema,
  haushaltSchema,
  kindSchema,
  kontaktSchema,
  mehrbedarfSchema,
  partnerSchema,
  personenAuswahl,
  pruefeSelbststaendig,
  unterhaltSchema,
  unterhaltspflichtigerSchema,
  unterkunftSchema,
  vermoegenSchema,
  weiterePersonSchema,
  type AntragDaten,
} from './erstantrag-daten.ts';
import { feld } from '../felder.ts';
import { alterAmTag, parseTag } from '../../berechnung/datum.ts';

type D = AntragDaten;

const refGibtEs = (felder: string[]) => (werte: Record<string, unknown>, daten: Record<string, unknown>) =>
  felder
    .filter((f) => typeof werte[f] === 'string' && !personenAuswahl(daten as D).some((p) => p.ref === werte[f]))
    .map((f) => ({ feld: f, code: 'person_unbekannt' }));

const seite = (titel: string, schema: z.ZodObject, bereich?: string, extra: Partial<Seite> = {}): Seite => ({
  titel,
  schema,
  ...(bereich ? { bereich } : {}),
  ...extra,
});

// ---- list sub-flows ---------------------------------------------------------------------------------------------

type E = { eintrag: Eintrag; daten: D };

/** age of a child on the Antragsdatum (or today's draft date); unknown → undefined */
function alterBeiAntrag(e: Eintrag, d: D): number | undefined {
  const geb = e.geburtsdatum;
  const stichtag = d.antragsdatum;
  if (typeof geb !== 'string' || typeof stichtag !== 'string') return undefined;
  return alterAmTag(parseTag(geb), parseTag(stichtag));
}

/**
 * Unterhalt or Unterhaltsvorschuss is asked on the child's pages unless both parents live in the household (a
 * common child of the couple): then nobody outside owes it.
 */
const unterhaltFrage = ({ eintrag, daten }: E) => !(eintrag.verwandtschaft === 'gemeinsames_kind' && daten.haushalt?.partner === true);

const unterhaltBetrag = (werte: Record<string, unknown>) =>
  !((typeof werte.unterhaltCent === 'number' && werte.unterhaltCent > 0) || (typeof werte.unterhaltsvorschussCent === 'number' && werte.unterhaltsvorschussCent > 0))
    ? [{ feld: 'unterhaltCent', code: 'unterhalt_betrag_fehlt' }]
    : [];

export const kinderListe: Liste<D> = {
  titel: 'antrag.kinder.titel',
  uebersicht: 'kinder',
  idPraefix: 'k',
  max: 15,
  mindestens: (d) => (d.haushalt?.kinder === true ? 1 : 0),
  initial: 'kind-person',
  seiten: {
    'kind-person': seite('antrag.kind_person.titel', kindSchema.pick({ vorname: true, nachname: true, geburtsdatum: true, geschlecht: true, staatsangehoerigkeit: true, verwandtschaft: true })),
    'kind-schule': seite('antrag.kind_schule.titel', kindSchema.pick({ ausbildung: true })),
    'kind-kindergeld': seite('antrag.kind_kindergeld.titel', kindSchema.pick({ kindergeld: true })),
    'kind-kindergeld-betrag': seite('antrag.kind_kindergeld_betrag.titel', kindSchema.pick({ kindergeldCent: true })),
    'kind-unterhalt': seite('antrag.kind_unterhalt.titel', kindSchema.pick({ unterhaltErhalten: true })),
    'kind-unterhalt-betrag': seite('antrag.kind_unterhalt_betrag.titel', kindSchema.pick({ unterhaltCent: true, unterhaltsvorschussCent: true }), undefined, {
      pruefe: unterhaltBetrag,
    }),
  },
  uebergaenge: {
    'kind-person': [{ wenn: ({ eintrag, daten }: E) => (alterBeiAntrag(eintrag, daten) ?? 0) >= 15, ziel: 'kind-schule' }, { ziel: 'kind-kindergeld' }],
    'kind-schule': 'kind-kindergeld',
    'kind-kindergeld': [
      { wenn: ({ eintrag }: E) => eintrag.kindergeld === true, ziel: 'kind-kindergeld-betrag' },
      { wenn: unterhaltFrage, ziel: 'kind-unterhalt' },
    ],
    'kind-kindergeld-betrag': [{ wenn: unterhaltFrage, ziel: 'kind-unterhalt' }],
    'kind-unterhalt': [{ wenn: ({ eintrag }: E) => eintrag.unterhaltErhalten === true, ziel: 'kind-unterhalt-betrag' }],
  },
};

export const weiterePersonenListe: Liste<D> = {
  titel: 'antrag.weitere.titel',
  uebersicht: 'weitere-personen',
  idPraefix: 'w',
  max: 15,
  mindestens: (d) => (d.haushalt?.weiterePersonen === true ? 1 : 0),
  initial: 'weitere-person',
  seiten: { 'weitere-person': seite('antrag.weitere_person.titel', weiterePersonSchema) },
  uebergaenge: {},
};

const nettoBisBrutto = (werte: Record<string, unknown>) =>
  typeof werte.nettoCent === 'number' && typeof werte.bruttoCent === 'number' && werte.nettoCent > werte.bruttoCent
    ? [{ feld: 'nettoCent', code: 'netto_ueber_brutto' }]
    : [];

/**
 * Kindergeld, Unterhalt and Unterhaltsvorschuss a child's pages already state are not entered again as income (it
 * would count twice).
 */
const nichtSchonBeimKind = (werte: Record<string, unknown>, daten: Record<string, unknown>) => {
  const kind = ((daten as D).kinder ?? []).find((k) => k.id === werte.person);
  if (!kind) return [];
  const schon =
    (werte.art === 'kindergeld' && kind.kindergeld === true) ||
    (werte.art === 'unterhalt' && kind.unterhaltErhalten === true && (kind.unterhaltCent ?? 0) > 0) ||
    (werte.art === 'unterhaltsvorschuss' && kind.unterhaltErhalten === true && (kind.unterhaltsvorschussCent ?? 0) > 0);
  return schon ? [{ feld: 'art', code: 'schon_beim_kind' }] : [];
};

export const einkommenListe: Liste<D> = {
  titel: 'antrag.einkommen.titel',
  uebersicht: 'einkommen',
  idPraefix: 'e',
  max: 30,
  mindestens: (d) => (d.einkommenVorhanden === true ? 1 : 0),
  initial: 'einkommen-art',
  seiten: {
    'einkommen-art': seite('antrag.einkommen_art.titel', einkommenSchema.pick({ person: true, art: true }), undefined, {
      pruefe: (werte, daten) => [...refGibtEs(['person'])(werte, daten), ...nichtSchonBeimKind(werte, daten)],
    }),
    'einkommen-arbeit': seite('antrag.einkommen_arbeit.titel', einkommenSchema.pick({ arbeitgeber: true, bruttoCent: true, nettoCent: true, minijob: true }), undefined, {
      pruefe: nettoBisBrutto,
    }),
    'einkommen-selbststaendig': seite(
      'antrag.einkommen_selbststaendig.titel',
      einkommenSchema.pick({ taetigkeit: true, einnahmenCent: true, ausgabenCent: true, gewinnMonatlichCent: true, steuernCent: true }),
      undefined,
      { pruefe: (werte) => pruefeSelbststaendig(werte as Parameters<typeof pruefeSelbststaendig>[0]) },
    ),
    'einkommen-betrag': seite('antrag.einkommen_betrag.titel', einkommenSchema.pick({ betragCent: true, bezeichnung: true })),
  },
  uebergaenge: {
    'einkommen-art': [
      { wenn: ({ eintrag }: E) => eintrag.art === 'arbeit', ziel: 'einkommen-arbeit' },
      { wenn: ({ eintrag }: E) => eintrag.art === 'selbststaendigkeit', ziel: 'einkommen-selbststaendig' },
      { ziel: 'einkommen-betrag' },
    ],
  },
};

export const einmalzahlungenListe: Liste<D> = {
  titel: 'antrag.einmalzahlungen.titel',
  uebersicht: 'einmalzahlungen',
  idPraefix: 'z',
  max: 20,
  mindestens: (d) => (d.einmalzahlungVorhanden === true ? 1 : 0),
  initial: 'einmalzahlung',
  seiten: { einmalzahlung: seite('antrag.einmalzahlung.titel', einmalzahlungSchema, undefined, { pruefe: refGibtEs(['person']) }) },
  uebergaenge: {},
};

export const vermoegenListe: Liste<D> = {
  titel: 'antrag.vermoegen.titel',
  uebersicht: 'vermoegen',
  idPraefix: 'v',
  max: 30,
  mindestens: (d) => (d.vermoegenVorhanden === true ? 1 : 0),
  initial: 'vermoegen-eintrag',
  seiten: { 'vermoegen-eintrag': seite('antrag.vermoegen_eintrag.titel', vermoegenSchema, undefined, { pruefe: refGibtEs(['person']) }) },
  uebergaenge: {},
};

export const unterhaltListe: Liste<D> = {
  titel: 'antrag.unterhalt.titel',
  uebersicht: 'unterhaltspflichtige',
  idPraefix: 'u',
  max: 10,
  mindestens: (d) => (d.unterhalt?.vorhanden === true ? 1 : 0),
  initial: 'unterhaltspflichtiger',
  seiten: { unterhaltspflichtiger: seite('antrag.unterhaltspflichtiger.titel', unterhaltspflichtigerSchema, undefined, { pruefe: refGibtEs(['fuerPerson']) }) },
  uebergaenge: {},
};

// ---- main pages -------------------------------------------------------------------------------------------------

const leer = z.strictObject({});
const mb = mehrbedarfSchema;

function hauptSeiten() {
  return {
    person: seite('antrag.person.titel', antragstellerSchema.pick({ vorname: true, nachname: true, geburtsdatum: true, geschlecht: true, staatsangehoerigkeit: true }), 'antragsteller'),
    ausbildung: seite('antrag.ausbildung.titel', antragstellerSchema.pick({ ausbildung: true }), 'antragsteller'),
    familienstand: seite('antrag.familienstand.titel', antragstellerSchema.pick({ familienstand: true }), 'antragsteller'),
    anschrift: seite('antrag.anschrift.titel', anschriftSchema, 'anschrift'),
    kontakt: seite('antrag.kontakt.titel', kontaktSchema, 'kontakt'),
    bank: seite('antrag.bank.titel', bankSchema, 'bank'),
    haushalt: seite('antrag.haushalt.titel', haushaltSchema, 'haushalt'),
    'partner-person': seite('antrag.partner_person.titel', partnerSchema.pick({ vorname: true, nachname: true, geburtsdatum: true, geschlecht: true, staatsangehoerigkeit: true }), 'partner'),
    'partner-erwerb': seite('antrag.partner_erwerb.titel', partnerSchema.pick({ erwerbsfaehig: true }), 'partner'),
    'partner-ausbildung': seite('antrag.partner_ausbildung.titel', partnerSchema.pick({ ausbildung: true }), 'partner'),
    kinder: seite('antrag.kinder.titel', leer),
    'weitere-personen': seite('antrag.weitere.titel', leer),
    wohnung: seite('antrag.wohnung.titel', unterkunftSchema.pick({ wohnform: true }), 'unterkunft'),
    wohnkosten: seite(
      'antrag.wohnkosten.titel',
      unterkunftSchema.pick({ grundmieteCent: true, nebenkostenCent: true, heizkostenCent: true, heizungsart: true, warmwasserDezentral: true, wohnflaecheQm: true }),
      'unterkunft',
    ),
    // declaring income – one-off payments included – is not voluntary (§ 60 SGB I): both answers are required; a draft
    // from before the one-off payment question stops here again when resumed
    'einkommen-frage': seite('antrag.einkommen_frage.titel', z.strictObject({ einkommenVorhanden: feld.jaNein(), einmalzahlungVorhanden: feld.jaNein() })),
    einkommen: seite('antrag.einkommen.titel', leer),
    einmalzahlungen: seite('antrag.einmalzahlungen.titel', leer),
    'vermoegen-frage': seite('antrag.vermoegen_frage.titel', z.strictObject({ vermoegenVorhanden: feld.jaNein() })),
    vermoegen: seite('antrag.vermoegen.titel', leer),
    mehrbedarf: seite('antrag.mehrbedarf.titel', mb.pick({ arten: true }), 'mehrbedarf'),
    'mehrbedarf-schwangerschaft': seite('antrag.mb_schwangerschaft.titel', mb.pick({ schwangerePerson: true, entbindungstermin: true }), 'mehrbedarf', {
      pruefe: refGibtEs(['schwangerePerson']),
    }),
    'mehrbedarf-behinderung': seite('antrag.mb_behinderung.titel', mb.pick({ behindertePerson: true, teilhabeleistungen: true }), 'mehrbedarf', {
      pruefe: refGibtEs(['behindertePerson']),
    }),
    'mehrbedarf-ernaehrung': seite('antrag.mb_ernaehrung.titel', mb.pick({ ernaehrungPerson: true, erkrankung: true }), 'mehrbedarf', {
      pruefe: refGibtEs(['ernaehrungPerson']),
    }),
    'mehrbedarf-alleinerziehend': seite('antrag.mb_alleinerziehend.titel', mb.pick({ alleinerziehend: true }), 'mehrbedarf'),
    unterhalt: seite('antrag.unterhalt.titel', unterhaltSchema, 'unterhalt'),
    unterhaltspflichtige: seite('antrag.unterhaltspflichtige.titel', leer),
  } satisfies Record<string, Seite>;
}

/** under 25 on the Antragsdatum: asked for school, training or studies (§ 11b Abs. 2b SGB II) */
const unter25 = (p: { geburtsdatum?: string | undefined } | undefined, d: D) =>
  typeof p?.geburtsdatum === 'string' && typeof d.antragsdatum === 'string' && alterAmTag(parseTag(p.geburtsdatum), parseTag(d.antragsdatum)) < 25;

const hatMb = (art: string) => (d: D) => d.mehrbedarf?.arten?.includes(art as never) === true;
const alleinerziehendFrage = (d: D) => d.haushalt?.partner === false && d.haushalt?.kinder === true;

/** the next Mehrbedarf page after `nach` (in the fixed order), or `ende` */
function mehrbedarfWeiter(nach: number, ende: string): Uebergang<D> {
  const reihe: Array<[(d: D) => boolean, string]> = [
    [hatMb('schwangerschaft'), 'mehrbedarf-schwangerschaft'],
    [hatMb('behinderung'), 'mehrbedarf-behinderung'],
    [hatMb('ernaehrung'), 'mehrbedarf-ernaehrung'],
    [alleinerziehendFrage, 'mehrbedarf-alleinerziehend'],
  ];
  return [...reihe.slice(nach).map(([wenn, ziel]) => ({ wenn, ziel })), { ziel: ende }];
}

function hauptUebergaenge(ende: string) {
  const nachEinkommen: Uebergang<D> = [{ wenn: (d) => d.einmalzahlungVorhanden === true, ziel: 'einmalzahlungen' }, { ziel: 'vermoegen-frage' }];
  const nachPartner: Uebergang<D> = [
    { wenn: (d) => d.haushalt?.kinder === true, ziel: 'kinder' },
    { wenn: (d) => d.haushalt?.weiterePersonen === true, ziel: 'weitere-personen' },
    { ziel: 'wohnung' },
  ];
  return {
    person: [{ wenn: (d: D) => unter25(d.antragsteller, d), ziel: 'ausbildung' }, { ziel: 'familienstand' }],
    ausbildung: 'familienstand',
    familienstand: 'anschrift',
    anschrift: 'kontakt',
    kontakt: 'bank',
    bank: 'haushalt',
    haushalt: [{ wenn: (d: D) => d.haushalt?.partner === true, ziel: 'partner-person' }, ...nachPartner],
    'partner-person': 'partner-erwerb',
    'partner-erwerb': [{ wenn: (d: D) => unter25(d.partner, d), ziel: 'partner-ausbildung' }, ...nachPartner],
    'partner-ausbildung': nachPartner,
    kinder: [{ wenn: (d: D) => d.haushalt?.weiterePersonen === true, ziel: 'weitere-personen' }, { ziel: 'wohnung' }],
    'weitere-personen': 'wohnung',
    wohnung: [{ wenn: (d: D) => d.unterkunft?.wohnform === 'ohne_kosten', ziel: 'einkommen-frage' }, { ziel: 'wohnkosten' }],
    wohnkosten: 'einkommen-frage',
    'einkommen-frage': [{ wenn: (d: D) => d.einkommenVorhanden === true, ziel: 'einkommen' }, ...nachEinkommen],
    einkommen: nachEinkommen,
    einmalzahlungen: 'vermoegen-frage',
    'vermoegen-frage': [{ wenn: (d: D) => d.vermoegenVorhanden === true, ziel: 'vermoegen' }, { ziel: 'mehrbedarf' }],
    vermoegen: 'mehrbedarf',
    mehrbedarf: mehrbedarfWeiter(0, 'unterhalt'),
    'mehrbedarf-schwangerschaft': mehrbedarfWeiter(1, 'unterhalt'),
    'mehrbedarf-behinderung': mehrbedarfWeiter(2, 'unterhalt'),
    'mehrbedarf-ernaehrung': mehrbedarfWeiter(3, 'unterhalt'),
    'mehrbedarf-alleinerziehend': 'unterhalt',
    unterhalt: [{ wenn: (d: D) => d.unterhalt?.vorhanden === true, ziel: 'unterhaltspflichtige' }, { ziel: ende }],
    unterhaltspflichtige: ende,
  } satisfies Record<string, Uebergang<D>>;
}

const listen = {
  kinder: kinderListe,
  weiterePersonen: weiterePersonenListe,
  einkommen: einkommenListe,
  einmalzahlungen: einmalzahlungenListe,
  vermoegen: vermoegenListe,
  unterhaltspflichtige: unterhaltListe,
};

export const erstantragFlow = defineFlow<D, ReturnType<typeof hauptSeiten> & { antrag: Seite; zusammenfassung: Seite }>({
  id: 'erstantrag',
  initial: 'antrag',
  seiten: {
    antrag: seite('antrag.antrag.titel', antragSchema, 'antrag', { antragsdatum: true }),
    ...hauptSeiten(),
    zusammenfassung: seite('antrag.zusammenfassung.titel', abschlussSchema, 'abschluss'),
  },
  uebergaenge: { antrag: 'person', ...hauptUebergaenge('zusammenfassung') },
  listen,
});

/**
 * Weiterbewilligungsantrag: the same pages, pre-filled from the current Bewilligung (`starteFlow(flow, vorbelegung)`);
 * the person checks each page and corrects what changed. What changed is found later by comparing with the
 * Bewilligung, so nobody has to list it.
 */
export const weiterbewilligungFlow = defineFlow<D, ReturnType<typeof hauptSeiten> & { antrag: Seite; aenderungen: Seite; zusammenfassung: Seite }>({
  id: 'weiterbewilligung',
  initial: 'antrag',
  seiten: {
    antrag: seite('wba.antrag.titel', antragSchema, 'antrag', { antragsdatum: true }),
    ...hauptSeiten(),
    aenderungen: seite('wba.aenderungen.titel', z.strictObject({ sonstigeAenderungen: feld.text(2000).optional() }), 'wba'),
    zusammenfassung: seite('antrag.zusammenfassung.titel', abschlussSchema, 'abschluss'),
  },
  uebergaenge: { antrag: 'person', ...hauptUebergaenge('aenderungen'), aenderungen: 'zusammenfassung' },
  listen,
});
