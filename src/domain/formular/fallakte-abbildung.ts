/**
 * Maps a completed online application (portal shape `AntragDaten`, docs/antrag-datenformat.md) to the Fallakte's
 * Antragsdaten (`ErstantragDaten`, docs/fallakte.md), so the Antrag lands in the work queue with the data in place and
 * a caseworker takes it over without retyping.
 *
 * Decisions:
 *  - refs: 'antragsteller', 'partner', the child's / other person's entry id (k1, w2 …) — stable within the Antrag.
 *  - geschlecht 'keine_angabe' → null. Other household members are asked no nationality → 'XX' (ungeklärt).
 *  - Kindergeld stated per child becomes the child's income (art kindergeld), paid to the Antragsteller.
 *  - Unterhalt and Unterhaltsvorschuss stated on a child's pages become the child's income (art unterhalt,
 *    unterhaltsvorschuss).
 *  - Work income → erwerbstaetigkeit (Arbeitgeber as bezeichnung). Selbstständigkeit → bruttoCent = Gewinn
 *    (Einnahmen − Ausgaben, a loss counts as 0 – it is not set off against other income –, or the Gewinn stated),
 *    nettoCent = Gewinn − Steuern und Pflichtbeiträge.
 *  - School, training or studies of a person under 25 → merkmal `ausbildung` ('keine' → not set).
 *  - One-off payments → income art 'einmalig' of the person with betragCent, zuflussDatum and erbschaft.
 *  - Schwangerschaft → merkmal schwanger of the named person; Behinderung counts only with Teilhabeleistungen.
 *  - "Alleinerziehend: nein" overrides the derived value; "ja" leaves it derived (null).
 *  - Wohnform 'ohne_kosten' → no Unterkunft row.
 *  - The Kommune is not part of the form (PLZ do not identify it); the portal asks for it on submission.
 *  - Familienstand, telephone and e-mail → the Antragsteller's Stammdaten; Wohnfläche and Heizungsart → Unterkunft;
 *    Unterhaltspflichtige → their own dated rows (who, relation, for whom, pays, title).
 *  - A child's Verwandtschaft decides its parents in the Fallakte (eigenes Kind → Antragsteller, Kind der
 *    Partnerin/des Partners → Partner, gemeinsames Kind → both, Pflegekind/anderes → none).
 *
 * `FELD_ABBILDUNG` lists every answer field of the Erstantrag flow with its place in the Fallakte, or says it is
 * shown only in the application view (with the reason); a test fails for a field without an entry.
 */
import type { EinkommenDaten, ErstantragDaten, PersonDaten } from '../fallakte/antragsdaten.ts';
import { selbststaendigGewinn, type AntragDaten } from './flows/erstantrag-daten.ts';

export class AbbildungUnvollstaendig extends Error {
  constructor(public readonly feld: string) {
    super(`Für die Übernahme in die Fallakte fehlt: ${feld}`);
  }
}

function pflicht<T>(wert: T | undefined | null, feld: string): T {
  if (wert === undefined || wert === null || wert === '') throw new AbbildungUnvollstaendig(feld);
  return wert;
}

const geschlecht = (g: string | undefined): 'w' | 'm' | 'd' | null => (g === 'w' || g === 'm' || g === 'd' ? g : null);

export function antragZuErstantragDaten(d: AntragDaten, optionen: { kommuneId: string }): ErstantragDaten {
  const personen: PersonDaten[] = [];
  const a = d.antragsteller ?? {};
  personen.push({
    ref: 'antragsteller',
    vorname: pflicht(a.vorname, 'antragsteller.vorname'),
    nachname: pflicht(a.nachname, 'antragsteller.nachname'),
    geburtsdatum: pflicht(a.geburtsdatum, 'antragsteller.geburtsdatum'),
    geschlecht: geschlecht(a.geschlecht),
    staatsangehoerigkeit: pflicht(a.staatsangehoerigkeit, 'antragsteller.staatsangehoerigkeit'),
    ...(a.familienstand ? { familienstand: a.familienstand } : {}),
    ...(d.kontakt?.telefon ? { telefon: d.kontakt.telefon } : {}),
    ...(d.kontakt?.email ? { email: d.kontakt.email } : {}),
    rolle: 'antragsteller',
    ...ausbildung(a.ausbildung),
  });
  if (d.haushalt?.partner === true) {
    const p = d.partner ?? {};
    personen.push({
      ref: 'partner',
      vorname: pflicht(p.vorname, 'partner.vorname'),
      nachname: pflicht(p.nachname, 'partner.nachname'),
      geburtsdatum: pflicht(p.geburtsdatum, 'partner.geburtsdatum'),
      geschlecht: geschlecht(p.geschlecht),
      staatsangehoerigkeit: pflicht(p.staatsangehoerigkeit, 'partner.staatsangehoerigkeit'),
      rolle: 'partner',
      ...(p.erwerbsfaehig === false ? { erwerbsfaehig: false } : {}),
      ...ausbildung(p.ausbildung),
    });
  }
  for (const k of d.haushalt?.kinder === true ? (d.kinder ?? []) : []) {
    const einkommen: EinkommenDaten[] = k.kindergeld === true && typeof k.kindergeldCent === 'number' ? [{ art: 'kindergeld', betragCent: k.kindergeldCent }] : [];
    if (k.unterhaltErhalten === true && (k.unterhaltCent ?? 0) > 0) einkommen.push({ art: 'unterhalt', betragCent: k.unterhaltCent! });
    if (k.unterhaltErhalten === true && (k.unterhaltsvorschussCent ?? 0) > 0) einkommen.push({ art: 'unterhaltsvorschuss', betragCent: k.unterhaltsvorschussCent! });
    personen.push({
      ref: k.id,
      vorname: pflicht(k.vorname, `kinder.${k.id}.vorname`),
      nachname: pflicht(k.nachname, `kinder.${k.id}.nachname`),
      geburtsdatum: pflicht(k.geburtsdatum, `kinder.${k.id}.geburtsdatum`),
      geschlecht: geschlecht(k.geschlecht),
      staatsangehoerigkeit: pflicht(k.staatsangehoerigkeit, `kinder.${k.id}.staatsangehoerigkeit`),
      rolle: 'kind',
      ...elternNachVerwandtschaft(k.verwandtschaft, d.haushalt?.partner === true),
      ...ausbildung(k.ausbildung),
      ...(k.kindergeld === true ? { kindergeldberechtigter: 'antragsteller' } : {}),
      ...(einkommen.length ? { einkommen } : {}),
    });
  }
  for (const w of d.haushalt?.weiterePersonen === true ? (d.weiterePersonen ?? []) : []) {
    personen.push({
      ref: w.id,
      vorname: pflicht(w.vorname, `weiterePersonen.${w.id}.vorname`),
      nachname: pflicht(w.nachname, `weiterePersonen.${w.id}.nachname`),
      geburtsdatum: pflicht(w.geburtsdatum, `weiterePersonen.${w.id}.geburtsdatum`),
      geschlecht: null,
      staatsangehoerigkeit: 'XX',
      rolle: 'sonstige',
      inBedarfsgemeinschaft: false,
    });
  }
  const person = (ref: string | undefined) => personen.find((p) => p.ref === ref && p.rolle !== 'sonstige');

  for (const e of d.einkommenVorhanden === true ? (d.einkommen ?? []) : []) {
    const p = person(e.person);
    if (!p || !e.art) continue;
    let eintrag: EinkommenDaten | undefined;
    if (e.art === 'arbeit') {
      eintrag = {
        art: 'erwerbstaetigkeit',
        ...(e.arbeitgeber ? { bezeichnung: e.minijob ? `${e.arbeitgeber} (Minijob)` : e.arbeitgeber } : {}),
        bruttoCent: pflicht(e.bruttoCent, `einkommen.${e.id}.bruttoCent`),
        nettoCent: pflicht(e.nettoCent, `einkommen.${e.id}.nettoCent`),
      };
    } else if (e.art === 'selbststaendigkeit') {
      eintrag = selbststaendigEintrag(e, e.id);
    } else {
      eintrag = { art: e.art, ...(e.bezeichnung ? { bezeichnung: e.bezeichnung } : {}), betragCent: pflicht(e.betragCent, `einkommen.${e.id}.betragCent`) };
    }
    p.einkommen = [...(p.einkommen ?? []), eintrag];
  }
  for (const z of d.einmalzahlungVorhanden === true ? (d.einmalzahlungen ?? []) : []) {
    const p = person(z.person);
    if (!p) continue;
    const eintrag: EinkommenDaten = {
      art: 'einmalig',
      ...(z.art && EINMAL_BEZEICHNUNG[z.art] ? { bezeichnung: EINMAL_BEZEICHNUNG[z.art] } : {}),
      betragCent: pflicht(z.einmalbetragCent, `einmalzahlungen.${z.id}.einmalbetragCent`),
      zuflussDatum: pflicht(z.zuflussDatum, `einmalzahlungen.${z.id}.zuflussDatum`),
      ...(z.art === 'erbschaft' ? { erbschaft: true } : {}),
    };
    p.einkommen = [...(p.einkommen ?? []), eintrag];
  }
  for (const v of d.vermoegenVorhanden === true ? (d.vermoegen ?? []) : []) {
    const p = person(v.person);
    if (!p) continue;
    p.vermoegen = [...(p.vermoegen ?? []), { bezeichnung: pflicht(v.bezeichnung, `vermoegen.${v.id}.bezeichnung`), wertCent: pflicht(v.wertCent, `vermoegen.${v.id}.wertCent`) }];
  }
  const mb = d.mehrbedarf;
  const arten = mb?.arten ?? [];
  if (arten.includes('schwangerschaft')) {
    const p = person(mb?.schwangerePerson);
    if (p) p.schwanger = true;
  }
  if (arten.includes('behinderung') && mb?.teilhabeleistungen === true) {
    const p = person(mb.behindertePerson);
    if (p) p.mehrbedarf = { ...p.mehrbedarf, behinderung: true };
  }
  if (mb?.alleinerziehend === false) personen[0]!.alleinerziehend = false;

  const unterhaltspflichtige = (d.unterhalt?.vorhanden === true ? (d.unterhaltspflichtige ?? []) : []).map((u) => ({
    name: pflicht(u.name, `unterhaltspflichtige.${u.id}.name`),
    verhaeltnis: pflicht(u.verhaeltnis, `unterhaltspflichtige.${u.id}.verhaeltnis`),
    ...(u.fuerPerson && person(u.fuerPerson) ? { fuer: u.fuerPerson } : {}),
    ...(typeof u.zahlt === 'boolean' ? { zahlt: u.zahlt } : {}),
    ...(typeof u.titel === 'boolean' ? { titel: u.titel } : {}),
  }));

  const an = d.anschrift ?? {};
  const u = d.unterkunft;
  return {
    antragsdatum: pflicht(d.antragsdatum, 'antragsdatum'),
    eingangskanal: 'online',
    personen,
    adresse: {
      strasse: pflicht(an.strasse, 'anschrift.strasse'),
      hausnummer: pflicht(an.hausnummer, 'anschrift.hausnummer'),
      ...(an.zusatz ? { zusatz: an.zusatz } : {}),
      plz: pflicht(an.plz, 'anschrift.plz'),
      ort: pflicht(an.ort, 'anschrift.ort'),
      kommuneId: optionen.kommuneId,
    },
    bank: d.bank?.iban ? { iban: d.bank.iban, kontoinhaber: pflicht(d.bank.kontoinhaber, 'bank.kontoinhaber') } : null,
    unterkunft:
      u && (u.wohnform === 'miete' || u.wohnform === 'eigentum')
        ? {
            grundmieteCent: u.grundmieteCent ?? 0,
            nebenkostenCent: u.nebenkostenCent ?? 0,
            heizkostenCent: u.heizkostenCent ?? 0,
            ...(u.warmwasserDezentral === true ? { warmwasserDezentral: true } : {}),
            ...(typeof u.wohnflaecheQm === 'number' ? { wohnflaecheQm: u.wohnflaecheQm } : {}),
            ...(u.heizungsart ? { heizungsart: u.heizungsart } : {}),
          }
        : null,
    ...(unterhaltspflichtige.length ? { unterhaltspflichtige } : {}),
  };
}

/** Selbstständigkeit as Fallakte income: Gewinn and Gewinn minus Steuern und Pflichtbeiträge. */
function selbststaendigEintrag(e: NonNullable<AntragDaten['einkommen']>[number], id: string): EinkommenDaten {
  const g = selbststaendigGewinn(e);
  if (!g) throw new AbbildungUnvollstaendig(`einkommen.${id}.einnahmenCent`);
  return { art: 'selbststaendigkeit', ...(e.taetigkeit ? { bezeichnung: e.taetigkeit } : {}), bruttoCent: g.gewinnCent, nettoCent: g.nettoCent };
}

const EINMAL_BEZEICHNUNG: Record<string, string> = { steuererstattung: 'Steuererstattung', nachzahlung: 'Nachzahlung', abfindung: 'Abfindung', erbschaft: 'Erbschaft' };

/** 'schule' | 'ausbildung' | 'studium' as the person's merkmal; 'keine' or not asked → nothing. */
const ausbildung = (a: string | undefined): Pick<PersonDaten, 'ausbildung'> => (a === 'schule' || a === 'ausbildung' || a === 'studium' ? { ausbildung: a } : {});

/** Parents of a child by its stated Verwandtschaft; undefined = not stated (the Fallakte's default applies). */
function elternNachVerwandtschaft(v: string | undefined, mitPartner: boolean): { eltern: string[] } | undefined {
  switch (v) {
    case 'eigenes_kind':
      return { eltern: ['antragsteller'] };
    case 'kind_partner':
      return { eltern: mitPartner ? ['partner'] : [] };
    case 'gemeinsames_kind':
      return { eltern: mitPartner ? ['antragsteller', 'partner'] : ['antragsteller'] };
    case 'pflegekind':
    case 'anderes':
      return { eltern: [] };
    default:
      return undefined;
  }
}

/** Where an answer lands: a place in the Fallakte, or only the application view (PDF and page), with the reason. */
export type FeldZiel = { fallakte: string } | { nurAntragsansicht: string };

const STAMM = 'Stammdaten der Person (person_stammdaten)';
const ADRESSE = 'Anschrift (bg_adressen)';
const EINKOMMEN = 'Einkommen der Person (person_einkommen)';
const VERMOEGEN = 'Vermögen der Person (person_vermoegen)';
const UNTERKUNFT = 'Kosten der Unterkunft (bg_unterkunft)';
const UNTERHALT = 'Unterhaltspflichtige (bg_unterhaltspflichtige)';
const AUSBILDUNG = 'Merkmale (person_merkmale): Schule, Ausbildung oder Studium; „nichts davon“ bleibt leer';
const EINMALIG = `${EINKOMMEN}: einmalige Einnahme ab dem Zuflusstag`;

/**
 * Every answer field of the Erstantrag flow, as `bereich.feld` (main pages), `feld` (pages without a Bereich) or
 * `liste.feld` (list entries). Keep in step with the flow: the unit test compares this with the flow's pages.
 */
export const FELD_ABBILDUNG: Record<string, FeldZiel> = {
  'antrag.beantragt': { nurAntragsansicht: 'Erklärung; ihr Tag ist das Antragsdatum des Antrags' },
  'antragsteller.vorname': { fallakte: STAMM },
  'antragsteller.nachname': { fallakte: STAMM },
  'antragsteller.geburtsdatum': { fallakte: STAMM },
  'antragsteller.geschlecht': { fallakte: STAMM },
  'antragsteller.staatsangehoerigkeit': { fallakte: STAMM },
  'antragsteller.familienstand': { fallakte: `${STAMM}: Familienstand` },
  'antragsteller.ausbildung': { fallakte: AUSBILDUNG },
  'anschrift.strasse': { fallakte: ADRESSE },
  'anschrift.hausnummer': { fallakte: ADRESSE },
  'anschrift.zusatz': { fallakte: ADRESSE },
  'anschrift.plz': { fallakte: ADRESSE },
  'anschrift.ort': { fallakte: ADRESSE },
  'kontakt.telefon': { fallakte: `${STAMM} der antragstellenden Person: Telefon` },
  'kontakt.email': { fallakte: `${STAMM} der antragstellenden Person: E-Mail` },
  'bank.iban': { fallakte: 'Bankverbindung (bg_bankverbindungen)' },
  'bank.kontoinhaber': { fallakte: 'Bankverbindung (bg_bankverbindungen)' },
  'haushalt.partner': { fallakte: 'Personen der Bedarfsgemeinschaft (bg_mitgliedschaften, Partnerbeziehung)' },
  'haushalt.kinder': { fallakte: 'Personen der Bedarfsgemeinschaft (bg_mitgliedschaften)' },
  'haushalt.weiterePersonen': { fallakte: 'Haushaltsmitglieder außerhalb der BG (bg_mitgliedschaften, in_bg = false)' },
  'partner.vorname': { fallakte: STAMM },
  'partner.nachname': { fallakte: STAMM },
  'partner.geburtsdatum': { fallakte: STAMM },
  'partner.geschlecht': { fallakte: STAMM },
  'partner.staatsangehoerigkeit': { fallakte: STAMM },
  'partner.ausbildung': { fallakte: AUSBILDUNG },
  'partner.erwerbsfaehig': { fallakte: 'Merkmale (person_merkmale): Erwerbsfähigkeit; „ja“ bleibt „nach Alter“' },
  'kinder.vorname': { fallakte: STAMM },
  'kinder.nachname': { fallakte: STAMM },
  'kinder.geburtsdatum': { fallakte: `${STAMM} und Beginn der Zugehörigkeit` },
  'kinder.geschlecht': { fallakte: STAMM },
  'kinder.staatsangehoerigkeit': { fallakte: STAMM },
  'kinder.verwandtschaft': { fallakte: 'Elternbeziehungen (person_beziehungen)' },
  'kinder.ausbildung': { fallakte: AUSBILDUNG },
  'kinder.unterhaltErhalten': { fallakte: `${EINKOMMEN} des Kindes` },
  'kinder.unterhaltCent': { fallakte: `${EINKOMMEN} des Kindes (Unterhalt)` },
  'kinder.unterhaltsvorschussCent': { fallakte: `${EINKOMMEN} des Kindes (Unterhaltsvorschuss)` },
  'kinder.kindergeld': { fallakte: `${EINKOMMEN} des Kindes und Kindergeldberechtigte Person (person_merkmale)` },
  'kinder.kindergeldCent': { fallakte: `${EINKOMMEN} des Kindes (Kindergeld)` },
  'weiterePersonen.vorname': { fallakte: STAMM },
  'weiterePersonen.nachname': { fallakte: STAMM },
  'weiterePersonen.geburtsdatum': { fallakte: STAMM },
  'weiterePersonen.verhaeltnis': { nurAntragsansicht: 'Verhältnis zu Personen außerhalb der BG; die Fallakte führt nur Partner- und Elternbeziehungen' },
  'weiterePersonen.wirtschaftetGemeinsam': { nurAntragsansicht: 'Haushaltsgemeinschaft (§ 9 Abs. 5 SGB II) prüft die Sachbearbeitung' },
  'unterkunft.wohnform': { fallakte: `${UNTERKUNFT}; „ohne Kosten“: keine Unterkunftszeile` },
  'unterkunft.grundmieteCent': { fallakte: UNTERKUNFT },
  'unterkunft.nebenkostenCent': { fallakte: UNTERKUNFT },
  'unterkunft.heizkostenCent': { fallakte: UNTERKUNFT },
  'unterkunft.heizungsart': { fallakte: `${UNTERKUNFT}: Heizungsart` },
  'unterkunft.warmwasserDezentral': { fallakte: UNTERKUNFT },
  'unterkunft.wohnflaecheQm': { fallakte: `${UNTERKUNFT}: Wohnfläche` },
  einkommenVorhanden: { fallakte: EINKOMMEN },
  'einkommen.person': { fallakte: EINKOMMEN },
  'einkommen.art': { fallakte: EINKOMMEN },
  'einkommen.arbeitgeber': { fallakte: `${EINKOMMEN}: Bezeichnung` },
  'einkommen.bruttoCent': { fallakte: EINKOMMEN },
  'einkommen.nettoCent': { fallakte: EINKOMMEN },
  'einkommen.minijob': { fallakte: `${EINKOMMEN}: Bezeichnung „(Minijob)“` },
  'einkommen.taetigkeit': { fallakte: `${EINKOMMEN}: Bezeichnung` },
  'einkommen.einnahmenCent': { fallakte: `${EINKOMMEN}: Gewinn (brutto) = Einnahmen − Ausgaben, Verlust = 0` },
  'einkommen.ausgabenCent': { fallakte: `${EINKOMMEN}: Gewinn (brutto) = Einnahmen − Ausgaben, Verlust = 0` },
  'einkommen.gewinnMonatlichCent': { fallakte: `${EINKOMMEN}: Gewinn (brutto), wenn ohne Einnahmen und Ausgaben angegeben` },
  'einkommen.steuernCent': { fallakte: `${EINKOMMEN}: netto = Gewinn − Steuern und Pflichtbeiträge` },
  'einkommen.betragCent': { fallakte: EINKOMMEN },
  'einkommen.bezeichnung': { fallakte: EINKOMMEN },
  einmalzahlungVorhanden: { fallakte: EINMALIG },
  'einmalzahlungen.person': { fallakte: EINMALIG },
  'einmalzahlungen.art': { fallakte: `${EINMALIG}: Bezeichnung; „Erbschaft“ setzt das Kennzeichen Erbschaft (ab 1.7.2023 Vermögen)` },
  'einmalzahlungen.einmalbetragCent': { fallakte: `${EINMALIG}: Betrag` },
  'einmalzahlungen.zuflussDatum': { fallakte: `${EINMALIG}: Zuflusstag` },
  vermoegenVorhanden: { fallakte: VERMOEGEN },
  'vermoegen.person': { fallakte: VERMOEGEN },
  'vermoegen.art': { nurAntragsansicht: 'die Fallakte führt Vermögen mit Bezeichnung und Wert' },
  'vermoegen.bezeichnung': { fallakte: VERMOEGEN },
  'vermoegen.wertCent': { fallakte: VERMOEGEN },
  'mehrbedarf.arten': { fallakte: 'Merkmale (person_merkmale)' },
  'mehrbedarf.schwangerePerson': { fallakte: 'Merkmale (person_merkmale): schwanger' },
  'mehrbedarf.entbindungstermin': { nurAntragsansicht: 'Beginn des Mehrbedarfs (13. Woche) legt die Sachbearbeitung mit dem Mutterpass fest' },
  'mehrbedarf.behindertePerson': { fallakte: 'Merkmale (person_merkmale): Mehrbedarf Behinderung' },
  'mehrbedarf.teilhabeleistungen': { fallakte: 'Merkmale (person_merkmale): Mehrbedarf Behinderung nur mit Teilhabeleistungen' },
  'mehrbedarf.ernaehrungPerson': { nurAntragsansicht: 'Höhe des Mehrbedarfs Ernährung legt das Jobcenter nach ärztlicher Bescheinigung fest' },
  'mehrbedarf.erkrankung': { nurAntragsansicht: 'Gesundheitsangabe; Höhe legt das Jobcenter fest' },
  'mehrbedarf.alleinerziehend': { fallakte: 'Merkmale (person_merkmale): alleinerziehend („nein“ übersteuert, „ja“ bleibt abgeleitet)' },
  'unterhalt.vorhanden': { fallakte: UNTERHALT },
  'unterhaltspflichtige.name': { fallakte: UNTERHALT },
  'unterhaltspflichtige.verhaeltnis': { fallakte: UNTERHALT },
  'unterhaltspflichtige.fuerPerson': { fallakte: UNTERHALT },
  'unterhaltspflichtige.zahlt': { fallakte: UNTERHALT },
  'unterhaltspflichtige.titel': { fallakte: UNTERHALT },
  'abschluss.richtig': { nurAntragsansicht: 'Erklärung bei der Abgabe' },
  'abschluss.mitwirkung': { nurAntragsansicht: 'Erklärung bei der Abgabe' },
};
