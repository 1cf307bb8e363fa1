/**
 * Test cases of the flows: sequences of { stepId, eingabe } as a person would fill in the forms (strings as an HTML
 * form sends them). `hinzufuegen` adds a list entry from an overview; `weiter: true` posts the shown (pre-filled)
 * values unchanged. Used by flows.test.ts (forward and backward) and by the mapping tests.
 */
import type { FormEingabe } from '../../src/domain/formular/felder.ts';

export type Schritt =
  | { stepId: string; eingabe: FormEingabe }
  | { stepId: string; hinzufuegen: string }
  | { stepId: string; weiter: true };

export type Testfall = { name: string; flow: string; vorbelegung?: Record<string, unknown>; schritte: Schritt[]; ende: string };

export const HEUTE = '2025-03-04';

const start: Schritt[] = [
  { stepId: 'antrag', eingabe: { beantragt: 'on' } },
  { stepId: 'person', eingabe: { vorname: 'Anna', nachname: 'Beispiel', geburtsdatum: '12.05.1988', geschlecht: 'w', staatsangehoerigkeit: 'DE' } },
  { stepId: 'familienstand', eingabe: { familienstand: 'verheiratet' } },
  { stepId: 'anschrift', eingabe: { strasse: 'Lindenweg', hausnummer: '4a', plz: '12345', ort: 'Musterstadt' } },
  { stepId: 'kontakt', eingabe: { telefon: '0151 2345678', email: '' } },
  { stepId: 'bank', eingabe: { iban: 'DE89 3704 0044 0532 0130 00', kontoinhaber: 'Anna Beispiel' } },
];

export const familieMitZweiKindern: Testfall = {
  name: 'Paar mit zwei Kindern, Arbeit, Kindergeld, Konto, Schwangerschaft',
  flow: 'erstantrag',
  ende: 'zusammenfassung',
  schritte: [
    ...start,
    { stepId: 'haushalt', eingabe: { partner: 'ja', kinder: 'ja', weiterePersonen: 'nein' } },
    { stepId: 'partner-person', eingabe: { vorname: 'Ben', nachname: 'Beispiel', geburtsdatum: '1986-02-01', geschlecht: 'm', staatsangehoerigkeit: 'PL' } },
    { stepId: 'partner-erwerb', eingabe: { erwerbsfaehig: 'ja' } },
    { stepId: 'kinder', hinzufuegen: 'kinder' },
    { stepId: 'kinder/k1/kind-person', eingabe: { vorname: 'Clara', nachname: 'Beispiel', geburtsdatum: '2009-06-30', geschlecht: 'w', staatsangehoerigkeit: 'DE', verwandtschaft: 'gemeinsames_kind' } },
    { stepId: 'kinder/k1/kind-schule', eingabe: { ausbildung: 'schule' } },
    { stepId: 'kinder/k1/kind-kindergeld', eingabe: { kindergeld: 'ja' } },
    { stepId: 'kinder/k1/kind-kindergeld-betrag', eingabe: { kindergeldCent: '255' } },
    { stepId: 'kinder', hinzufuegen: 'kinder' },
    { stepId: 'kinder/k2/kind-person', eingabe: { vorname: 'David', nachname: 'Beispiel', geburtsdatum: '2018-11-02', geschlecht: 'm', staatsangehoerigkeit: 'DE', verwandtschaft: 'gemeinsames_kind' } },
    { stepId: 'kinder/k2/kind-kindergeld', eingabe: { kindergeld: 'ja' } },
    { stepId: 'kinder/k2/kind-kindergeld-betrag', eingabe: { kindergeldCent: '255,00' } },
    { stepId: 'kinder', eingabe: {} },
    { stepId: 'wohnung', eingabe: { wohnform: 'miete' } },
    {
      stepId: 'wohnkosten',
      eingabe: { grundmieteCent: '650', nebenkostenCent: '180,50', heizkostenCent: '95', heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '78' },
    },
    { stepId: 'einkommen-frage', eingabe: { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'nein' } },
    { stepId: 'einkommen', hinzufuegen: 'einkommen' },
    { stepId: 'einkommen/e1/einkommen-art', eingabe: { person: 'antragsteller', art: 'arbeit' } },
    { stepId: 'einkommen/e1/einkommen-arbeit', eingabe: { arbeitgeber: 'Bäckerei Korn', bruttoCent: '1.400,00', nettoCent: '1100', minijob: 'nein' } },
    { stepId: 'einkommen', eingabe: {} },
    { stepId: 'vermoegen-frage', eingabe: { vermoegenVorhanden: 'ja' } },
    { stepId: 'vermoegen', hinzufuegen: 'vermoegen' },
    { stepId: 'vermoegen/v1/vermoegen-eintrag', eingabe: { person: 'partner', art: 'konto', bezeichnung: 'Girokonto', wertCent: '812,40' } },
    { stepId: 'vermoegen', eingabe: {} },
    { stepId: 'mehrbedarf', eingabe: { arten: ['schwangerschaft'] } },
    { stepId: 'mehrbedarf-schwangerschaft', eingabe: { schwangerePerson: 'antragsteller', entbindungstermin: '2025-07-20' } },
    { stepId: 'unterhalt', eingabe: { vorhanden: 'nein' } },
    { stepId: 'zusammenfassung', eingabe: { richtig: 'on', mitwirkung: 'on' } },
  ],
};

/** A young couple: both under 25 (school, training, studies asked), the partner with a one-off payment (Erbschaft). */
export const jungesPaar: Testfall = {
  name: 'Junges Paar unter 25, Studium und Ausbildung, Minijob, Erbschaft',
  flow: 'erstantrag',
  ende: 'zusammenfassung',
  schritte: [
    { stepId: 'antrag', eingabe: { beantragt: 'on' } },
    { stepId: 'person', eingabe: { vorname: 'Mia', nachname: 'Jung', geburtsdatum: '2003-09-01', geschlecht: 'w', staatsangehoerigkeit: 'DE' } },
    { stepId: 'ausbildung', eingabe: { ausbildung: 'studium' } },
    { stepId: 'familienstand', eingabe: { familienstand: 'ledig' } },
    { stepId: 'anschrift', eingabe: { strasse: 'Uferweg', hausnummer: '7', plz: '12345', ort: 'Musterstadt' } },
    { stepId: 'kontakt', eingabe: { telefon: '', email: 'mia@example.org' } },
    { stepId: 'bank', eingabe: { iban: 'DE89 3704 0044 0532 0130 00', kontoinhaber: 'Mia Jung' } },
    { stepId: 'haushalt', eingabe: { partner: 'ja', kinder: 'nein', weiterePersonen: 'nein' } },
    { stepId: 'partner-person', eingabe: { vorname: 'Noah', nachname: 'Jung', geburtsdatum: '2002-01-20', geschlecht: 'm', staatsangehoerigkeit: 'DE' } },
    { stepId: 'partner-erwerb', eingabe: { erwerbsfaehig: 'ja' } },
    { stepId: 'partner-ausbildung', eingabe: { ausbildung: 'ausbildung' } },
    { stepId: 'wohnung', eingabe: { wohnform: 'miete' } },
    { stepId: 'wohnkosten', eingabe: { grundmieteCent: '480', nebenkostenCent: '100', heizkostenCent: '70', heizungsart: 'zentral', warmwasserDezentral: 'nein', wohnflaecheQm: '50' } },
    { stepId: 'einkommen-frage', eingabe: { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'ja' } },
    { stepId: 'einkommen', hinzufuegen: 'einkommen' },
    { stepId: 'einkommen/e1/einkommen-art', eingabe: { person: 'antragsteller', art: 'arbeit' } },
    { stepId: 'einkommen/e1/einkommen-arbeit', eingabe: { arbeitgeber: 'Café am Markt', bruttoCent: '520', nettoCent: '520', minijob: 'ja' } },
    { stepId: 'einkommen', eingabe: {} },
    { stepId: 'einmalzahlungen', hinzufuegen: 'einmalzahlungen' },
    { stepId: 'einmalzahlungen/z1/einmalzahlung', eingabe: { person: 'partner', art: 'erbschaft', einmalbetragCent: '3.000', zuflussDatum: '2025-02-20' } },
    { stepId: 'einmalzahlungen', eingabe: {} },
    { stepId: 'vermoegen-frage', eingabe: { vermoegenVorhanden: 'nein' } },
    { stepId: 'mehrbedarf', eingabe: {} },
    { stepId: 'unterhalt', eingabe: { vorhanden: 'nein' } },
    { stepId: 'zusammenfassung', eingabe: { richtig: 'on', mitwirkung: 'on' } },
  ],
};

export const alleinstehend: Testfall = {
  name: 'Alleinstehend, Miete, kein Einkommen, kein Vermögen',
  flow: 'erstantrag',
  ende: 'zusammenfassung',
  schritte: [
    ...start,
    { stepId: 'haushalt', eingabe: { partner: 'nein', kinder: 'nein', weiterePersonen: 'nein' } },
    { stepId: 'wohnung', eingabe: { wohnform: 'miete' } },
    { stepId: 'wohnkosten', eingabe: { grundmieteCent: '400', nebenkostenCent: '90', heizkostenCent: '60', heizungsart: 'etage', warmwasserDezentral: 'ja', wohnflaecheQm: '45' } },
    { stepId: 'einkommen-frage', eingabe: { einkommenVorhanden: 'nein', einmalzahlungVorhanden: 'nein' } },
    { stepId: 'vermoegen-frage', eingabe: { vermoegenVorhanden: 'nein' } },
    { stepId: 'mehrbedarf', eingabe: {} },
    { stepId: 'unterhalt', eingabe: { vorhanden: 'nein' } },
    { stepId: 'zusammenfassung', eingabe: { richtig: 'on', mitwirkung: 'on' } },
  ],
};

export const alleinerziehendSelbststaendig: Testfall = {
  name: 'Alleinerziehend mit Kind und Mitbewohner, selbstständig, ohne Wohnkosten, Unterhaltspflichtiger',
  flow: 'erstantrag',
  ende: 'zusammenfassung',
  schritte: [
    ...start,
    { stepId: 'haushalt', eingabe: { partner: 'nein', kinder: 'ja', weiterePersonen: 'ja' } },
    { stepId: 'kinder', hinzufuegen: 'kinder' },
    { stepId: 'kinder/k1/kind-person', eingabe: { vorname: 'Emil', nachname: 'Beispiel', geburtsdatum: '2020-01-15', geschlecht: 'm', staatsangehoerigkeit: 'DE', verwandtschaft: 'eigenes_kind' } },
    { stepId: 'kinder/k1/kind-kindergeld', eingabe: { kindergeld: 'nein' } },
    // not a common child of a couple: the child's Unterhalt/Unterhaltsvorschuss is asked on its pages
    { stepId: 'kinder/k1/kind-unterhalt', eingabe: { unterhaltErhalten: 'ja' } },
    { stepId: 'kinder/k1/kind-unterhalt-betrag', eingabe: { unterhaltCent: '', unterhaltsvorschussCent: '227' } },
    { stepId: 'kinder', eingabe: {} },
    { stepId: 'weitere-personen', hinzufuegen: 'weiterePersonen' },
    { stepId: 'weiterePersonen/w1/weitere-person', eingabe: { vorname: 'Frieda', nachname: 'Muster', geburtsdatum: '1960-03-03', verhaeltnis: 'elternteil', wirtschaftetGemeinsam: 'nein' } },
    { stepId: 'weitere-personen', eingabe: {} },
    { stepId: 'wohnung', eingabe: { wohnform: 'ohne_kosten' } },
    { stepId: 'einkommen-frage', eingabe: { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'ja' } },
    { stepId: 'einkommen', hinzufuegen: 'einkommen' },
    { stepId: 'einkommen/e1/einkommen-art', eingabe: { person: 'antragsteller', art: 'selbststaendigkeit' } },
    {
      stepId: 'einkommen/e1/einkommen-selbststaendig',
      eingabe: { taetigkeit: 'Grafikdesign', einnahmenCent: '1.200', ausgabenCent: '850', gewinnMonatlichCent: '', steuernCent: '50' },
    },
    { stepId: 'einkommen', eingabe: {} },
    { stepId: 'einmalzahlungen', hinzufuegen: 'einmalzahlungen' },
    { stepId: 'einmalzahlungen/z1/einmalzahlung', eingabe: { person: 'antragsteller', art: 'steuererstattung', einmalbetragCent: '640', zuflussDatum: '15.02.2025' } },
    { stepId: 'einmalzahlungen', eingabe: {} },
    { stepId: 'vermoegen-frage', eingabe: { vermoegenVorhanden: 'nein' } },
    { stepId: 'mehrbedarf', eingabe: { arten: ['ernaehrung'] } },
    { stepId: 'mehrbedarf-ernaehrung', eingabe: { ernaehrungPerson: 'k1', erkrankung: 'Zöliakie' } },
    { stepId: 'mehrbedarf-alleinerziehend', eingabe: { alleinerziehend: 'ja' } },
    { stepId: 'unterhalt', eingabe: { vorhanden: 'ja' } },
    { stepId: 'unterhaltspflichtige', hinzufuegen: 'unterhaltspflichtige' },
    { stepId: 'unterhaltspflichtige/u1/unterhaltspflichtiger', eingabe: { name: 'Gustav Beispiel', verhaeltnis: 'elternteil', fuerPerson: 'k1', zahlt: 'nein', titel: 'ja' } },
    { stepId: 'unterhaltspflichtige', eingabe: {} },
    { stepId: 'zusammenfassung', eingabe: { richtig: 'on', mitwirkung: 'on' } },
  ],
};

/** Weiterbewilligung: pre-filled from the current Bewilligung; the person confirms each page unchanged. */
export const weiterbewilligung: Testfall = {
  name: 'Weiterbewilligung, vorbelegt, alles unverändert',
  flow: 'weiterbewilligung',
  ende: 'zusammenfassung',
  vorbelegung: {
    antragsteller: { vorname: 'Anna', nachname: 'Beispiel', geburtsdatum: '1988-05-12', geschlecht: 'w', staatsangehoerigkeit: 'DE', familienstand: 'ledig' },
    anschrift: { strasse: 'Lindenweg', hausnummer: '4a', plz: '12345', ort: 'Musterstadt' },
    kontakt: {},
    bank: { iban: 'DE89370400440532013000', kontoinhaber: 'Anna Beispiel' },
    haushalt: { partner: false, kinder: false, weiterePersonen: false },
    unterkunft: { wohnform: 'miete', grundmieteCent: 40000, nebenkostenCent: 9000, heizkostenCent: 6000, heizungsart: 'zentral', warmwasserDezentral: false, wohnflaecheQm: 45 },
    einkommenVorhanden: true,
    einkommen: [{ id: 'e1', person: 'antragsteller', art: 'arbeit', arbeitgeber: 'Lager Nord', bruttoCent: 60000, nettoCent: 48000, minijob: false }],
    vermoegenVorhanden: false,
    mehrbedarf: { arten: [] },
    unterhalt: { vorhanden: false },
    // a stale partner from an older Bewilligung is pruned at the start (haushalt.partner = false)
    partner: { vorname: 'Alt' },
  },
  schritte: [
    { stepId: 'antrag', eingabe: { beantragt: 'on' } },
    ...['person', 'familienstand', 'anschrift', 'kontakt', 'bank', 'haushalt', 'wohnung', 'wohnkosten'].map((stepId): Schritt => ({ stepId, weiter: true })),
    // the one-off payment question is asked anew for every period (not carried over from the Bewilligung)
    { stepId: 'einkommen-frage', eingabe: { einkommenVorhanden: 'ja', einmalzahlungVorhanden: 'nein' } },
    ...['einkommen', 'vermoegen-frage', 'mehrbedarf', 'unterhalt'].map((stepId): Schritt => ({ stepId, weiter: true })),
    { stepId: 'aenderungen', eingabe: { sonstigeAenderungen: '' } },
    { stepId: 'zusammenfassung', eingabe: { richtig: 'on', mitwirkung: 'on' } },
  ],
};

export const veraenderungen: Testfall[] = [
  {
    name: 'neue Arbeit',
    flow: 'arbeit',
    ende: 'abschluss',
    schritte: [
      { stepId: 'aenderung', eingabe: { person: 'antragsteller', aenderung: 'neue_arbeit', ab: '01.04.2025' } },
      { stepId: 'arbeit', eingabe: { arbeitgeber: 'Spedition Ost', bruttoCent: '2100', nettoCent: '1580' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Arbeit beendet',
    flow: 'arbeit',
    ende: 'abschluss',
    schritte: [
      { stepId: 'aenderung', eingabe: { person: 'antragsteller', aenderung: 'arbeit_beendet', ab: '2025-03-31' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Umzug',
    flow: 'umzug',
    ende: 'abschluss',
    schritte: [
      { stepId: 'umzug', eingabe: { datum: '2025-05-01', zusicherungBeantragt: 'nein' } },
      { stepId: 'anschrift', eingabe: { strasse: 'Am Markt', hausnummer: '1', plz: '54321', ort: 'Neustadt' } },
      { stepId: 'wohnung', eingabe: { wohnform: 'miete' } },
      { stepId: 'wohnkosten', eingabe: { grundmieteCent: '500', nebenkostenCent: '100', heizkostenCent: '70', heizungsart: 'fernwaerme', warmwasserDezentral: 'nein', wohnflaecheQm: '50' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Person zieht ein, mit Einkommen',
    flow: 'person_neu',
    ende: 'abschluss',
    schritte: [
      { stepId: 'person', eingabe: { vorname: 'Hanna', nachname: 'Neu', geburtsdatum: '1990-09-09', geschlecht: 'w', staatsangehoerigkeit: 'UA', verhaeltnis: 'partner', einzugAm: '2025-04-15' } },
      { stepId: 'einkommen', eingabe: { hatEinkommen: 'ja' } },
      { stepId: 'einkommen-details', eingabe: { einkommensart: 'arbeit', betragCent: '900' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Person zieht aus',
    flow: 'person_weg',
    ende: 'abschluss',
    schritte: [
      { stepId: 'person', eingabe: { name: 'Ben Beispiel', auszugAm: '2025-04-30', neueAnschriftBekannt: 'ja' } },
      { stepId: 'neue-anschrift', eingabe: { neueAnschrift: 'Bahnhofstr. 2, 12345 Musterstadt' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Geburt',
    flow: 'geburt',
    ende: 'abschluss',
    schritte: [
      { stepId: 'kind', eingabe: { vorname: 'Ida', nachname: 'Beispiel', geburtsdatum: '2025-07-18', geschlecht: 'w' } },
      { stepId: 'kindergeld', eingabe: { kindergeldBeantragt: 'ja' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Bankverbindung',
    flow: 'bank',
    ende: 'abschluss',
    schritte: [
      { stepId: 'bank', eingabe: { iban: 'DE02 1203 0000 0000 2020 51', kontoinhaber: 'Anna Beispiel' } },
      { stepId: 'ab', eingabe: { ab: '2025-04-01' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
  {
    name: 'Abwesenheit',
    flow: 'abwesenheit',
    ende: 'abschluss',
    schritte: [
      { stepId: 'abwesenheit', eingabe: { von: '2025-08-01', bis: '2025-08-14', grund: 'urlaub', erreichbar: '' } },
      { stepId: 'abschluss', eingabe: { richtig: 'on' } },
    ],
  },
];

export const erstantragFaelle = [familieMitZweiKindern, alleinstehend, alleinerziehendSelbststaendig, jungesPaar];
