/**
 * The registry of every dated legal parameter (`Gueltig` table) in src/domain/recht: its label, the unit its values
 * are stored in, the entries (value, validity, norm, source) and how a value reads in the documentation. The table
 * in docs/berechnung.md is generated from it (dokumentation.ts), and a unit test (register.test.ts) checks that
 * every such table the recht modules export is registered here. Add a new table here when you add it to a module.
 */
import { AUFRECHNUNG } from './aufrechnung.ts';
import {
  EINMALIGE_EINNAHMEN,
  ERWERBSFREIBETRAG,
  JUNGE_ERWERBSTAETIGE,
  SGB12_ERWERBSFREIBETRAG,
  VERSICHERUNGSPAUSCHALE,
  type Erwerbsfreibetrag,
} from './einkommen.ts';
import { MINIJOB_GRENZE } from './foerdern-integration.ts';
import {
  ARBEITSVERWEIGERUNG,
  BEKANNTGABE,
  MINDERUNG_FESTSTELLUNG,
  MINDERUNG_MELDEVERSAEUMNIS,
  MINDERUNG_PFLICHTVERLETZUNG,
  MINDERUNG_SCHUTZ,
  MINDERUNG_VORZEITIGES_ENDE,
  type MinderungsStufe,
} from './fordern.ts';
import { KOOPERATIONSPLAN_REGIME } from './foerdern-kooperationsplan.ts';
import { KEINE_HLU_NORM, SOFORT_VOLLZIEHBAR_NORM } from './fordern-bescheid.ts';
import { ALTERSGRENZE_7A, ARBEITSLOSIGKEIT_STUNDENGRENZE, LANGZEITARBEITSLOSIGKEIT } from './foerdern-status.ts';
import { KINDERGELD } from './kindergeld.ts';
import { LEISTUNGSNAME } from './leistung.ts';
import { MEHRBEDARF_SAETZE } from './mehrbedarf.ts';
import { MELDE_BELEHRUNG } from './meldeaufforderung.ts';
import { INSTRUMENT_HOECHSTDAUER, INSTRUMENT_VERFUEGBARKEIT, MASSNAHME_BELEHRUNG, MASSNAHME_ZAEHLUNG, type Dauerregel } from './foerdern-instrumente.ts';
import { MINDERUNG } from './minderung.ts';
import { REGELBEDARFE } from './regelbedarf.ts';
import { SOFORTZUSCHLAG } from './sofortzuschlag.ts';
import { AKTIVIERUNG_K3E2, BEZUGSGROESSE_MINDESTWERT, BUNDESBETEILIGUNG_KDU, EU_MITGLIEDER, LZB_REGEL, STATISTIK_WARTEZEIT } from './statistik.ts';
import type { Gueltig } from './typen.ts';
import { UNTERKUNFT } from './unterkunft.ts';
import { ABSCHLIESSENDE_FESTSTELLUNG, ANHOERUNG_BAGATELLE, AUFHEBUNG_VERGANGENHEIT, BEWILLIGUNGSZEITRAUM } from './verfahren.ts';
import { VEREINFACHTES_VERFAHREN, VERMOEGEN, type Vermoegensregel } from './vermoegen.ts';

export type Parametertabelle<T> = {
  /** label in the documentation */
  name: string;
  /** the unit the values are stored in (cents, basis points, percent, months, text) */
  einheit: string;
  eintraege: readonly Gueltig<T>[];
  /** the value as it reads in the documentation */
  wert: (w: T) => string;
};

const tausender = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** "1.234,56 €" / "563 €" from cents */
export const euroDoku = (cent: number): string =>
  `${tausender(Math.floor(cent / 100))}${cent % 100 ? `,${String(cent % 100).padStart(2, '0')}` : ''} €`;
const e = euroDoku;
/** "2,3 %" from basis points */
const p = (bp: number): string => `${String(bp / 100).replace('.', ',')} %`;

const freibetrag = (w: Erwerbsfreibetrag): string =>
  `${e(w.grundabsetzbetragCent)} Grundabsetzbetrag (Nachweis höherer Kosten ab ${e(w.nachweisAbCent)} brutto); ${w.stufen
    .map((s) => `${p(s.prozent)} von ${e(s.abCent)} bis ${s.bisCent === null ? `${e(w.obergrenzeCent)} / ${e(w.obergrenzeMitKindCent)} mit minderjährigem Kind` : e(s.bisCent)}`)
    .join('; ')}`;

const vermoegen = (w: Vermoegensregel): string => {
  if (w.art === 'grundfreibetrag')
    return `${e(w.jeLebensjahrCent)} je vollendetem Lebensjahr je Erwachsenem (mind. ${e(w.mindestCent)}, höchstens ${w.hoechst.map((h) => `${e(h.cent)} geb. vor ${h.geborenVor}`).join(' / ')}); ${e(w.jeMinderjaehrigesKindCent)} je minderjährigem Kind; ${e(w.anschaffungJePersonCent)} Anschaffungsfreibetrag je Person`;
  if (w.art === 'karenzzeit')
    return `Karenzzeit ${w.karenzMonate} Monate: ${e(w.karenzErstePersonCent)} + ${e(w.karenzJeWeiterePersonCent)} je weitere Person; danach ${e(w.nachKarenzJePersonCent)} je Person`;
  return w.stufen.map((s) => `ab ${s.abAlter} Jahren ${e(s.cent)}`).join('; ');
};

const dauerDoku = (w: Dauerregel): string =>
  [
    w.instrument,
    w.hoechstMonate ? `höchstens ${w.hoechstMonate} Monate` : '',
    w.hoechstWochen ? `höchstens ${w.hoechstWochen} Wochen${w.hoechstWochenErhoeht ? ` (${w.hoechstWochenErhoeht} bei schwerwiegenden Hemmnissen)` : ''}` : '',
    w.rahmenJahre ? `innerhalb von ${w.rahmenJahre} Jahren ab dem ersten Eintritt` : w.zaehlung === 'insgesamt' ? 'insgesamt' : 'je Teilnahme',
    w.verlaengerungMonate ? `+ ${w.verlaengerungMonate} Monate nach dokumentierter Prüfung` : '',
    w.zuschussProzent ? `Zuschuss ${w.zuschussProzent.join('/')} %` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** Keeps each table's value type checked against its formatter, then erases it for the list. */
function tabelle<T>(t: Parametertabelle<T>): Parametertabelle<unknown> {
  return t as Parametertabelle<unknown>;
}

/** Every dated parameter table of src/domain/recht, in the order of the documentation. */
export const ALLE_TABELLEN: readonly Parametertabelle<unknown>[] = [
  tabelle({ name: 'Regelbedarfsstufen 1–6', einheit: 'Cent je Monat', eintraege: REGELBEDARFE, wert: (w) => ([1, 2, 3, 4, 5, 6] as const).map((s) => e(w[s])).join(' / ') }),
  tabelle({
    name: 'Mehrbedarfe',
    einheit: 'Basispunkte (1 % = 100); Lebensjahre',
    eintraege: MEHRBEDARF_SAETZE,
    wert: (w) =>
      `Schwangerschaft ${p(w.schwangerschaft)}; Alleinerziehende ${p(w.alleinerziehendHoch)} (ein Kind unter ${w.alleinerziehendKindUnter} oder zwei/drei unter ${w.alleinerziehendZweiDreiKinderUnter}) bzw. ${p(w.alleinerziehendJeKind)} je Kind, höchstens ${p(w.alleinerziehendHoechstens)} der Stufe 1; Behinderung ${p(w.behinderung)}; Warmwasser Stufen 1–6: ${([1, 2, 3, 4, 5, 6] as const).map((s) => p(w.warmwasser[s])).join(' / ')}`,
  }),
  tabelle({ name: 'Erwerbstätigenfreibetrag', einheit: 'Cent; Basispunkte', eintraege: ERWERBSFREIBETRAG, wert: freibetrag }),
  tabelle({ name: 'Versicherungspauschale', einheit: 'Cent je Monat', eintraege: VERSICHERUNGSPAUSCHALE, wert: e }),
  tabelle({
    name: 'Erwerbseinkommen junger Menschen',
    einheit: 'ja/nein; Lebensjahre',
    eintraege: JUNGE_ERWERBSTAETIGE,
    wert: (w) =>
      w.minijobGrenzeStattGrundabsetzbetrag
        ? `unter ${w.altersgrenze} in Schule, Ausbildung oder Studium: Minijob-Grenze statt 100 € und ohne die 20-%-Stufe; Ferienjobs von Schülerinnen und Schülern ${w.ferienjobAnrechnungsfrei ? 'anrechnungsfrei' : 'angerechnet'}`
        : 'keine Sonderregel (allgemeine Freibeträge)',
  }),
  tabelle({
    name: 'Einmalige Einnahmen',
    einheit: 'Monate; ja/nein',
    eintraege: EINMALIGE_EINNAHMEN,
    wert: (w) => `Aufteilung auf ${w.aufteilungMonate} Monate, wenn der Anspruch sonst entfiele; Erbschaften ${w.erbschaftIstVermoegen ? 'sind Vermögen' : 'sind Einkommen'}`,
  }),
  tabelle({
    name: 'Absetzbetrag Erwerbseinkommen SGB XII',
    einheit: 'Basispunkte',
    eintraege: SGB12_ERWERBSFREIBETRAG,
    wert: (w) => `${p(w.prozent)} des Erwerbseinkommens, höchstens ${p(w.hoechstensAnteilRbs1)} der Regelbedarfsstufe 1`,
  }),
  tabelle({ name: 'Kindersofortzuschlag je Kind', einheit: 'Cent je Monat', eintraege: SOFORTZUSCHLAG, wert: e }),
  tabelle({
    name: 'Unterkunft und Heizung',
    einheit: 'Monate; Basispunkte',
    eintraege: UNTERKUNFT,
    wert: (w) =>
      w.karenzMonate === 0
        ? 'keine Karenzzeit; Begrenzung auf die angemessenen Kosten'
        : `Karenzzeit ${w.karenzMonate} Monate (Bezug ab ${w.karenzZaehltAb} zählt), Heizung stets geprüft${w.karenzObergrenzeFaktor ? `; in der Karenzzeit höchstens ${p(w.karenzObergrenzeFaktor)} der angemessenen Unterkunft` : ''}`,
  }),
  tabelle({ name: 'Vermögensfreibeträge', einheit: 'Cent; Monate; Lebensjahre', eintraege: VERMOEGEN, wert: vermoegen }),
  tabelle({
    name: 'Vereinfachtes Verfahren (Corona)',
    einheit: 'Cent; Monate',
    eintraege: [VEREINFACHTES_VERFAHREN],
    wert: (w) =>
      `BWZ-Beginn ab ${w.bwzBeginnAb}: ${w.monate} Monate nur erhebliches Vermögen (${e(w.erheblichErstePersonCent)} + ${e(w.erheblichJeWeiterePersonCent)} je weitere Person), tatsächliche KdU`,
  }),
  tabelle({
    name: 'Leistungsminderungen',
    einheit: 'Prozent des Regelbedarfs; Cent',
    eintraege: MINDERUNG,
    wert: (w) =>
      `höchstens ${w.hoechstProzent} %${w.vollerWegfall ? ' oder Wegfall des Regelbedarfs (100 %)' : ''}${w.mindestanspruchCent ? `; Restanspruch ${e(w.mindestanspruchCent)}` : ''}`,
  }),
  tabelle({
    name: 'Name der Leistung',
    einheit: 'Text',
    eintraege: LEISTUNGSNAME,
    wert: (w) => (w.erwerbsfaehig === w.nichtErwerbsfaehig ? w.erwerbsfaehig : `${w.erwerbsfaehig} / ${w.nichtErwerbsfaehig}`),
  }),
  tabelle({ name: 'Kindergeld (nur Dokumentation und Benchmark)', einheit: 'Cent je Monat (1., 2., 3., ab 4. Kind)', eintraege: KINDERGELD, wert: (w) => w.map(e).join(' / ') }),
  tabelle({
    name: 'Aufrechnung',
    einheit: 'Prozent des Regelbedarfs; Monate',
    eintraege: AUFRECHNUNG,
    wert: (w) =>
      `${w.minderProzent} % des Regelbedarfs bei Erstattung nach § 41a SGB II oder § 48 Abs. 1 S. 2 Nr. 3 SGB X, sonst ${w.regelProzent} %; alle Aufrechnungen zusammen höchstens ${w.hoechstProzent} %; längstens ${w.hoechstMonate} Monate`,
  }),
  tabelle({
    name: 'Bewilligungszeitraum',
    einheit: 'Monate',
    eintraege: BEWILLIGUNGSZEITRAUM,
    wert: (w) => `in der Regel ${w.regelMonate} Monate, verkürzt ${w.verkuerztMonate} Monate`,
  }),
  tabelle({
    name: 'Abschließende Feststellung',
    einheit: 'Regel; Cent',
    eintraege: ABSCHLIESSENDE_FESTSTELLUNG,
    wert: (w) =>
      `Einkommen ${w.einkommen === 'durchschnitt' ? 'im Durchschnitt des Bewilligungszeitraums' : 'des jeweiligen Monats (Selbstständige: Durchschnitt)'}; ${w.erstattungAbCent > 0 ? `Erstattung erst ab ${e(w.erstattungAbCent)} für die Bedarfsgemeinschaft` : 'Erstattung ohne Bagatellgrenze'}`,
  }),
  tabelle({
    name: 'Aufhebung für die Vergangenheit',
    einheit: 'Cent',
    eintraege: AUFHEBUNG_VERGANGENHEIT,
    wert: (w) => (w.bagatellgrenzeCent > 0 ? `keine Aufhebung, wenn die Erstattung unter ${e(w.bagatellgrenzeCent)} bliebe` : 'keine Bagatellgrenze'),
  }),
  tabelle({
    name: 'Anhörung bei Aufrechnung (Bagatelle)',
    einheit: 'Cent',
    eintraege: ANHOERUNG_BAGATELLE,
    wert: (w) => `keine Anhörung nötig bei weniger als ${e(w.grenzeCent)}`,
  }),
  tabelle({ name: 'Rechtsfolgenbelehrung Meldeversäumnis', einheit: 'Text', eintraege: MELDE_BELEHRUNG, wert: (w) => w.rechtsfolgen }),
  tabelle({
    name: 'Minderung bei Pflichtverletzung (§ 31a)',
    einheit: 'Prozent des Regelbedarfs; Monate',
    eintraege: MINDERUNG_PFLICHTVERLETZUNG,
    wert: (w) =>
      w.anwendbar
        ? `${w.stufen.map((s: MinderungsStufe, i) => `Stufe ${i + 1}: ${s.prozent} % für ${s.monate} Monat${s.monate === 1 ? '' : 'e'}`).join('; ')}; „weitere“, wenn eine frühere Minderung festgestellt ist und ihr Zeitraum höchstens ${w.weitereInnerhalbMonate} Monate vor der Pflichtverletzung begann`
        : 'keine Minderung (§ 31a nicht anzuwenden)',
  }),
  tabelle({
    name: 'Minderung bei Meldeversäumnis (§ 32)',
    einheit: 'Prozent des Regelbedarfs; Monate',
    eintraege: MINDERUNG_MELDEVERSAEUMNIS,
    wert: (w) =>
      `${w.abVersaeumnis > 1 ? `erst bei wiederholtem Meldeversäumnis (früheres weniger als ${w.wiederholtInnerhalbMonate} Monate zurück): ` : 'jedes Meldeversäumnis: '}${w.prozent} % für ${w.monate} Monat${w.monate === 1 ? '' : 'e'}${w.nichterreichbarkeitAb ? `; ${w.nichterreichbarkeitAb} in Folge: Nichterreichbarkeit (§ 7b Abs. 4), Anspruch entfällt` : ''}`,
  }),
  tabelle({
    name: 'Arbeitsverweigerung (§ 31a Abs. 7)',
    einheit: 'Monate',
    eintraege: ARBEITSVERWEIGERUNG,
    wert: (w) =>
      w.anwendbar
        ? `Regelbedarf entfällt ${w.mindestMonate > 0 ? `mindestens ${w.mindestMonate}, ` : ''}höchstens ${w.hoechstMonate} Monate${w.vorherigeMinderung ? `; nur nach einer Minderung wegen ${w.vorherigeMinderung.tatbestaende.join(', ')} innerhalb von ${w.vorherigeMinderung.innerhalbMonate} Monaten` : '; ohne vorherige Minderung'}`
        : 'nicht anwendbar',
  }),
  tabelle({
    name: 'Feststellung der Minderung (§ 31b Abs. 1)',
    einheit: 'Monate',
    eintraege: MINDERUNG_FESTSTELLUNG,
    wert: (w) => `Feststellung nur innerhalb von ${w.fristMonate} Monaten nach der Pflichtverletzung; Minderung ab dem Kalendermonat nach der Bekanntgabe`,
  }),
  tabelle({
    name: 'Vorzeitiges Ende der Minderung (§ 31b Abs. 2)',
    einheit: 'Monate',
    eintraege: MINDERUNG_VORZEITIGES_ENDE,
    wert: (w) => `Ende bei Erfüllung oder ernsthafter Bereitschaft, frühestens nach ${w.mindestMonate} Monat${w.mindestMonate === 1 ? '' : 'en'}`,
  }),
  tabelle({
    name: 'Schutzpflichten im Minderungsverfahren',
    einheit: 'Regel',
    eintraege: MINDERUNG_SCHUTZ,
    wert: (w) =>
      [
        w.persoenlichAufVerlangen ? 'persönliche Anhörung auf Verlangen' : 'schriftliche Anhörung',
        w.persoenlichBeiWiederholung ? 'persönlich bei wiederholten Pflichtverletzungen oder Meldeversäumnissen' : '',
        w.persoenlichVorWegfall ? 'persönlich vor einem vollständigen Wegfall' : '',
        w.haertePruefungJedesNteMeldeversaeumnis ? `Härteprüfung bei jedem ${w.haertePruefungJedesNteMeldeversaeumnis}. Meldeversäumnis in Folge` : '',
      ]
        .filter(Boolean)
        .join('; '),
  }),
  tabelle({
    name: 'Bekanntgabe eines Schreibens (§ 37 Abs. 2 SGB X)',
    einheit: 'Tage',
    eintraege: BEKANNTGABE,
    wert: (w) => `gilt am ${w.tagNachAufgabe}. Tag nach der Aufgabe zur Post (oder Absendung) als bekannt gegeben`,
  }),
  tabelle({ name: 'Eingliederungsinstrumente (Verfügbarkeit)', einheit: 'Instrumente', eintraege: INSTRUMENT_VERFUEGBARKEIT, wert: (w) => w.verfuegbar.join(', ') }),
  tabelle({ name: 'Höchstdauer der Eingliederungsinstrumente', einheit: 'Monate; Wochen; Prozent', eintraege: INSTRUMENT_HOECHSTDAUER, wert: (w) => Object.values(w).map((r) => dauerDoku(r!)).join(' | ') }),
  tabelle({
    name: 'Maßnahme der aktiven Arbeitsförderung (Zuordnung für Kennzahlen)',
    einheit: 'Version; Instrumente',
    eintraege: MASSNAHME_ZAEHLUNG,
    wert: (w) => `Version ${w.version}; zählen nicht: ${Object.entries(w.zaehlt).filter(([, z]) => !z).map(([i]) => i).join(', ')}`,
  }),
  tabelle({ name: 'Rechtsfolgenbelehrung Zuweisung in eine Maßnahme', einheit: 'Text', eintraege: MASSNAHME_BELEHRUNG, wert: (w) => w.pflicht }),
  tabelle({ name: 'Minijob-Grenze (§ 11b Abs. 2b SGB II; Prüfung einer Beschäftigungsaufnahme)', einheit: 'Cent je Monat', eintraege: MINIJOB_GRENZE, wert: e }),
  tabelle({
    name: 'Kooperationsplan, Schlichtung, Verwaltungsakt',
    einheit: 'Regel; Wochen; Monate',
    eintraege: KOOPERATIONSPLAN_REGIME,
    wert: (w) =>
      w.art === 'eingliederungsvereinbarung'
        ? 'Eingliederungsvereinbarung (nur noch lesbar; neue nicht mehr möglich)'
        : `Kooperationsplan in Textform, Überprüfung spätestens nach ${w.ueberpruefungMonate} Monaten; ${w.schlichtung ? `Schlichtungsverfahren (${w.schlichtungWochen} Wochen, keine Leistungsminderung währenddessen)` : 'kein Schlichtungsverfahren'}${w.verwaltungsakt ? '; kommt kein Plan zustande: Verpflichtung durch Verwaltungsakt mit Rechtsfolgenbelehrung' : ''}`,
  }),
  tabelle({
    name: 'Arbeitslosigkeit: Stundengrenze',
    einheit: 'Stunden je Woche',
    eintraege: ARBEITSLOSIGKEIT_STUNDENGRENZE,
    wert: (w) => `arbeitslos nur bei Beschäftigung unter ${w.wochenstunden} Stunden wöchentlich`,
  }),
  tabelle({
    name: 'Langzeitarbeitslosigkeit',
    einheit: 'Jahre; Tage',
    eintraege: LANGZEITARBEITSLOSIGKEIT,
    wert: (w) =>
      `ab ${w.jahre} Jahr Arbeitslosigkeit${w.unschaedlichTage > 0 ? `; Unterbrechung durch Krankheit oder sonstige Nicht-Erwerbstätigkeit bis ${w.unschaedlichTage} Tage unschädlich` : '; jede Unterbrechung beginnt die Frist neu'}${w.massnahme45Unschaedlich ? '; Maßnahme nach § 45 SGB III unschädlich' : ''}`,
  }),
  tabelle({
    name: 'Altersgrenze § 7a SGB II',
    einheit: 'Jahre; Monate',
    eintraege: ALTERSGRENZE_7A,
    wert: (w) =>
      `${w.grundJahre} Jahre für Geburtsjahre vor ${w.abGeburtsjahr}; dann ${w.stufen.map((s) => `ab ${s.abGeburtsjahr} + ${s.monateJeJahr} Monat(e) je Jahrgang`).join(', ')}; ${w.endJahre} Jahre ab Geburtsjahr ${w.endGeburtsjahr}`,
  }),
  // Statistik (docs/statistik.md "Regeln nach Datum und Merkmale")
  tabelle({ name: 'Langzeitleistungsbeziehende (§ 48a-Kennzahlen)', einheit: 'Tage', eintraege: LZB_REGEL, wert: (w) => `eLb an mindestens ${w.mindestTage} der ${w.fensterTage} Tage bis zum Stichtag` }),
  tabelle({ name: 'Wartezeit der Statistik', einheit: 'Monate', eintraege: STATISTIK_WARTEZEIT, wert: (w) => `vorläufig bis ${w.monate} Monate nach dem Stichtag, danach endgültig` }),
  tabelle({ name: 'Mindestgröße der Bezugsgröße einer Quote', einheit: 'Personen', eintraege: BEZUGSGROESSE_MINDESTWERT, wert: (w) => `keine Quote bei weniger als ${tausender(w.mindestErwerbspersonen)} Personen` }),
  tabelle({
    name: 'Bundesbeteiligung an den Leistungen für Unterkunft und Heizung',
    einheit: 'Basispunkte (1 % = 100) je Land',
    eintraege: BUNDESBETEILIGUNG_KDU,
    wert: (w) => Object.entries(w.laender).map(([land, x]) => `${land} ${p(x!.basispunkte)}`).join('; '),
  }),
  tabelle({
    name: 'Maßnahme der aktiven Arbeitsförderung für K3E2',
    einheit: 'Instrumente',
    eintraege: AKTIVIERUNG_K3E2,
    wert: (w) => `zählen: ${Object.entries(w.zaehlt).filter(([, z]) => z).map(([i]) => i).join(', ')}`,
  }),
  tabelle({ name: 'Mitgliedstaaten der Europäischen Union', einheit: 'Staat (ISO 3166-1)', eintraege: EU_MITGLIEDER, wert: (w) => `${w.aenderung}: ${w.staaten.filter((c) => c !== 'EL').length} Staaten (${w.staaten.join(', ')})` }),
  // Fordern D: norms the Minderungsbescheid cites (docs/fordern.md "Entscheidung und Bescheid")
  tabelle({ name: 'Minderungsbescheid: keine ergänzende Hilfe zum Lebensunterhalt (SGB XII)', einheit: 'Norm', eintraege: KEINE_HLU_NORM, wert: (w) => w }),
  tabelle({ name: 'Minderungsbescheid: keine aufschiebende Wirkung von Widerspruch und Klage', einheit: 'Norm', eintraege: SOFORT_VOLLZIEHBAR_NORM, wert: (w) => w }),
];
