/**
 * Definitions of every figure of the Steuerung (docs/statistik.md, "Definitionen"): each `statistik_werte` kennung
 * of the Monatsbericht and each § 48a Kennzahl (K1 … K3E4) with a German title, the product's definition, the norm
 * and the source. The page /steuerung/definitionen shows them all; every figure on a page links to its entry with
 * `definitionHref(kennung)` (anchor = kennung with '.' → '-', e.g. `#elb-alter-u25`, `#K2`).
 * Pure data; the Grunddaten (`gd.*`) are internal counts of the engine and have no entry of their own.
 */
import { INTEGRATIONSART_TEXT, ZAEHLART } from '../foerdern/integration.ts';
import { INTEGRATIONSARTEN } from '../foerdern/typen.ts';
import { BEZUGSGROESSE_MINDESTWERT, LZB_REGEL, STATISTIK_WARTEZEIT } from '../recht/statistik.ts';
import { KENNZAHLEN, type Kennzahl } from './typen.ts';

export type DefinitionGruppe = 'begriffe' | 'bestand' | 'merkmale' | 'bewegungen' | 'integrationen' | 'geld' | 'kosten' | 'kennzahlen';

export type Definition = {
  titel: string;
  /** the product's definition in plain German */
  text: string;
  /** legal basis, e.g. "§ 5 Abs. 1 KennzV (§ 48a SGB II)" */
  norm?: string;
  /** where the definition comes from (BA-Statistik, Verordnung …) */
  quelle?: string;
  /** section of the definitions page */
  gruppe: DefinitionGruppe;
};

export const DEFINITION_GRUPPEN: Readonly<Record<DefinitionGruppe, string>> = {
  begriffe: 'Grundbegriffe',
  bestand: 'Bestand am Stichtag',
  merkmale: 'Merkmale der erwerbsfähigen Leistungsberechtigten und der Arbeitslosen',
  bewegungen: 'Bewegungen im Monat',
  integrationen: 'Arbeitsaufnahmen und Integrationen',
  geld: 'Leistungen des Berichtsmonats',
  kosten: 'Kosten nach Zahlmonat',
  kennzahlen: 'Kennzahlen und Ergänzungsgrößen nach § 48a SGB II',
};

/** The anchor of a definition: the kennung with '.' → '-' (`elb.alter.u25` → `elb-alter-u25`). */
export const definitionAnker = (kennung: string): string => kennung.replaceAll('.', '-');

/** The link of a figure to its definition. */
export const definitionHref = (kennung: string): string => `/steuerung/definitionen#${definitionAnker(kennung)}`;

const lzb = LZB_REGEL[LZB_REGEL.length - 1]!.wert;
const wartezeit = STATISTIK_WARTEZEIT[STATISTIK_WARTEZEIT.length - 1]!.wert.monate;
const mindestBezugsgroesse = BEZUGSGROESSE_MINDESTWERT[BEZUGSGROESSE_MINDESTWERT.length - 1]!.wert.mindestErwerbspersonen;
/** 15000 → "15.000" (German thousands separator, independent of the runtime's locale data) */
const tausender = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const KENNZV = 'Verordnung zur Festlegung der Kennzahlen nach § 48a SGB II (KennzV) vom 12.8.2010, zuletzt geändert am 15.3.2019';
const BA_GLOSSAR = 'Statistik der Bundesagentur für Arbeit, Glossar der Grundsicherungsstatistik';
const BA_KENNZAHLEN = 'Statistik der BA, Kennzahlen nach § 48a SGB II – Methodische Hinweise und Kennzahlensteckbriefe (sgb2.info)';
const BA_ALO = 'Statistik der BA, Glossar "Arbeitslose" und "Arbeitsuchende"';
const BA_KOSTEN = 'Statistik der BA, Geldleistungen für Bedarfsgemeinschaften – Methodische Hinweise';
const STICHTAG = 'am Stichtag des Berichtsmonats (Einstellung des Trägers; ohne Einstellung der letzte Kalendertag)';

const d = (gruppe: DefinitionGruppe, titel: string, text: string, norm?: string, quelle?: string): Definition => ({
  titel,
  text,
  gruppe,
  ...(norm ? { norm } : {}),
  ...(quelle ? { quelle } : {}),
});

/* ---------------- Grundbegriffe (no kennung of statistik_werte; used by the pages) ---------------- */
const BEGRIFFE: Record<string, Definition> = {
  stichtag: d(
    'begriffe',
    'Stichtag',
    'Tag, an dem die Bestände eines Berichtsmonats gezählt werden. Der Träger legt ihn in den Einstellungen fest (Tag 1 bis 28 des Monats); ohne Einstellung ist es der letzte Kalendertag. Auch die Kennzahlen nach § 48a SGB II auf diesen Seiten zählen am Stichtag des Trägers. Nur die Prüfrechnung mit einer Austauschdatei außerhalb dieser Seiten (Befehl „npx vorort kennzahlen“) rechnet immer mit dem letzten Kalendertag des Monats.',
    '§ 53 SGB II (Statistik), § 3 KennzV',
    BA_GLOSSAR,
  ),
  datenstand: d(
    'begriffe',
    'Datenstand (vorläufig / endgültig)',
    `Ein Monat ist vorläufig, solange seit seinem Stichtag weniger als ${wartezeit} Monate vergangen sind: Nachträgliche Eingaben ändern ihn noch, er wird jede Nacht neu gebildet. Danach ist er endgültig und wird nicht mehr geändert (Wartezeit der BA-Statistik). Spätere Änderungen der Fallakte wirken dann nicht mehr.`,
    '§ 53 SGB II (Statistik)',
    `${BA_GLOSSAR}, "Wartezeit"`,
  ),
  ebene: d(
    'begriffe',
    'Ebene und Region',
    'Jede Zahl wird für den ganzen Träger, für jede Kommune (nach der Adresse der Bedarfsgemeinschaft am Stichtag) und für jeden Standort (zuständiger Standort der Bedarfsgemeinschaft) gebildet. Die Teamleitung sieht nur die Standorte, für die sie zuständig ist.',
    undefined,
    `${BA_GLOSSAR}, "Regionale Zuordnung"`,
  ),
  kleinzahl: d(
    'begriffe',
    'Kleine Zahlen (*)',
    'In Exporten, die zur Veröffentlichung bestimmt sind, werden Anzahlen unter der eingestellten Grenze (Standard 3) als * gezeigt, damit keine Rückschlüsse auf einzelne Personen möglich sind. Auf den Seiten der Steuerung werden die Zahlen vollständig gezeigt.',
    '§ 35 SGB I, § 67 SGB X',
    'Statistik der BA, Geheimhaltung',
  ),
};

/* ---------------- Bestand am Stichtag ---------------- */
const BESTAND: Record<string, Definition> = {
  bg: d(
    'bestand',
    'Bedarfsgemeinschaften',
    `Bedarfsgemeinschaften mit mindestens einer erwerbsfähigen oder nicht erwerbsfähigen leistungsberechtigten Person, die Leistungen bezieht, ${STICHTAG}.`,
    '§ 7 Abs. 3 SGB II',
    `${BA_GLOSSAR}, "Bedarfsgemeinschaft"`,
  ),
  'bg.alleinerziehend': d(
    'bestand',
    'Bedarfsgemeinschaften von Alleinerziehenden',
    `Bedarfsgemeinschaften, in denen eine erwachsene Person allein mit mindestens einem minderjährigen Kind lebt (Alleinerziehenden-Bedarfsgemeinschaft), ${STICHTAG}.`,
    '§ 21 Abs. 3 SGB II',
    `${BA_GLOSSAR}, "Alleinerziehende"`,
  ),
  personen: d(
    'bestand',
    'Personen in Bedarfsgemeinschaften',
    `Alle Mitglieder der gezählten Bedarfsgemeinschaften ${STICHTAG}: erwerbsfähige und nicht erwerbsfähige Leistungsberechtigte sowie nicht Leistungsberechtigte (z. B. Kinder ohne Leistungsanspruch).`,
    '§ 7 Abs. 3 SGB II',
    `${BA_GLOSSAR}, "Personen in Bedarfsgemeinschaften"`,
  ),
  'personen.alter.u15': d('bestand', 'Personen unter 15 Jahren', `Personen in Bedarfsgemeinschaften, die ${STICHTAG} jünger als 15 Jahre sind.`, '§ 7 Abs. 1, § 19 Abs. 1 SGB II', BA_GLOSSAR),
  elb: d(
    'bestand',
    'Erwerbsfähige Leistungsberechtigte (eLb)',
    `Personen ab 15 Jahren bis zur Altersgrenze nach § 7a SGB II, die erwerbsfähig sind und ${STICHTAG} Bürgergeld beziehen (Leistungsanspruch größer als null).`,
    '§ 7 Abs. 1, § 8 SGB II',
    `${BA_GLOSSAR}, "Erwerbsfähige Leistungsberechtigte"`,
  ),
  nef: d(
    'bestand',
    'Nicht erwerbsfähige Leistungsberechtigte (NEF)',
    `Personen, die ${STICHTAG} Bürgergeld als nicht erwerbsfähige Leistungsberechtigte (früher Sozialgeld) beziehen – in der Regel Kinder unter 15 Jahren.`,
    '§ 19 Abs. 1 Satz 2, § 23 SGB II',
    `${BA_GLOSSAR}, "Nicht erwerbsfähige Leistungsberechtigte"`,
  ),
  nlb: d(
    'bestand',
    'Nicht Leistungsberechtigte',
    `Mitglieder der Bedarfsgemeinschaften ohne eigenen Leistungsanspruch ${STICHTAG}, z. B. Kinder, deren Bedarf durch eigenes Einkommen (Kindergeld, Unterhalt) gedeckt ist.`,
    '§ 7 Abs. 3, § 9 Abs. 2 SGB II',
    `${BA_GLOSSAR}, "Kinder ohne Leistungsanspruch"`,
  ),
  lzb: d(
    'bestand',
    'Langzeitleistungsbeziehende (LZB)',
    `Erwerbsfähige Leistungsberechtigte ${STICHTAG}, die an mindestens ${lzb.mindestTage} der ${lzb.fensterTage} Tage bis zum Stichtag (einschließlich) erwerbsfähige Leistungsberechtigte waren (21 von 24 Monaten). Unterbrechungen zählen nicht mit.`,
    '§ 6 Abs. 1 KennzV (§ 48a SGB II)',
    `${KENNZV}; ${BA_GLOSSAR}, "Langzeitleistungsbeziehende"`,
  ),
  alo: d(
    'bestand',
    'Arbeitslose (SGB II)',
    `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} nach der Integrationsakte arbeitslos gemeldet sind: nicht oder weniger als 15 Stunden wöchentlich beschäftigt, auf Beschäftigungssuche und verfügbar. Teilnehmende an Maßnahmen der aktiven Arbeitsförderung zählen nicht als arbeitslos.`,
    '§ 16 SGB III, § 53a SGB II',
    BA_ALO,
  ),
  'am.arbeitslos': d('bestand', 'eLb arbeitslos', `Erwerbsfähige Leistungsberechtigte mit dem Status arbeitslos ${STICHTAG}.`, '§ 16 SGB III, § 53a Abs. 1 SGB II', BA_ALO),
  'am.arbeitsuchend': d(
    'bestand',
    'eLb arbeitsuchend, nicht arbeitslos',
    `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} arbeitsuchend, aber nicht arbeitslos sind (z. B. weil sie 15 Stunden oder mehr arbeiten oder nach § 53a Abs. 2 SGB II nicht als arbeitslos gelten).`,
    '§ 15 SGB III, § 53a SGB II',
    BA_ALO,
  ),
  'am.massnahme': d(
    'bestand',
    'eLb in einer Maßnahme',
    `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} an einer Maßnahme der aktiven Arbeitsförderung teilnehmen (ohne Vermittlungsbudget und beschäftigungsbegleitende Leistungen); sie zählen nicht als arbeitslos.`,
    '§ 16 Abs. 2 SGB III, § 2 Abs. 2 Nr. 1 KennzV',
    BA_ALO,
  ),
  'am.erwerbstaetig': d(
    'bestand',
    'eLb erwerbstätig',
    `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} sozialversicherungspflichtig beschäftigt sind und weder arbeitslos noch in einer Maßnahme sind („Aufstocker“).`,
    '§ 11b Abs. 3 SGB II',
    BA_GLOSSAR,
  ),
  'am.nicht_verfuegbar': d(
    'bestand',
    'eLb nicht verfügbar',
    `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} nicht arbeitsuchend sind, z. B. wegen Erziehung eines Kindes unter drei Jahren, Pflege, Schule oder Arbeitsunfähigkeit.`,
    '§ 10 Abs. 1 SGB II',
    BA_ALO,
  ),
};

/* ---------------- Merkmale: for X in elb, alo ---------------- */
const GRUPPE_TEXT: Record<'elb' | 'alo', { kurz: string; lang: string }> = {
  elb: { kurz: 'eLb', lang: 'Erwerbsfähige Leistungsberechtigte' },
  alo: { kurz: 'Arbeitslose', lang: 'Arbeitslose (SGB II)' },
};
const MERKMALE: Record<string, Definition> = {};
for (const x of ['elb', 'alo'] as const) {
  const g = GRUPPE_TEXT[x];
  const m = (suffix: string, titel: string, text: string, norm?: string) =>
    (MERKMALE[`${x}.${suffix}`] = d('merkmale', `${g.kurz}: ${titel}`, `${g.lang} ${STICHTAG}, ${text}`, norm, BA_GLOSSAR));
  m('alter.u25', 'unter 25 Jahre', 'die jünger als 25 Jahre sind (15 bis 24 Jahre).');
  m('alter.25_49', '25 bis 49 Jahre', 'die 25 bis 49 Jahre alt sind.');
  m('alter.ue50', '50 Jahre und älter', 'die 50 Jahre oder älter sind.');
  m('geschlecht.w', 'Frauen', 'deren Geschlecht in der Fallakte weiblich ist.');
  m('geschlecht.m', 'Männer', 'deren Geschlecht in der Fallakte männlich ist.');
  m('geschlecht.d', 'divers', 'deren Geschlecht in der Fallakte divers ist.');
  m('geschlecht.unbekannt', 'Geschlecht ohne Angabe', 'zu deren Geschlecht die Fallakte keine Angabe enthält.');
  m('alleinerziehend', 'alleinerziehend', 'die allein mit mindestens einem minderjährigen Kind in ihrer Bedarfsgemeinschaft leben.', '§ 21 Abs. 3 SGB II');
  m('staat.deutsch', 'deutsche Staatsangehörigkeit', 'mit deutscher Staatsangehörigkeit.');
  m('staat.eu', 'Staatsangehörigkeit eines anderen EU-Staats', 'mit der Staatsangehörigkeit eines anderen Mitgliedstaats der Europäischen Union (nach dem Stand der Union am Stichtag).');
  m('staat.drittstaat', 'Staatsangehörigkeit eines Drittstaats', 'mit der Staatsangehörigkeit eines Staates außerhalb der Europäischen Union.');
  m('staat.unbekannt', 'Staatsangehörigkeit ohne Angabe', 'zu deren Staatsangehörigkeit die Fallakte keine Angabe enthält oder die staatenlos sind.');
}

/* ---------------- Bewegungen im Monat ---------------- */
const BEWEGUNGEN: Record<string, Definition> = {
  'bg.zugaenge': d('bewegungen', 'Zugänge an Bedarfsgemeinschaften', 'Bedarfsgemeinschaften, die am Stichtag des Berichtsmonats gezählt werden, am Stichtag des Vormonats aber nicht.', undefined, `${BA_GLOSSAR}, "Zugänge und Abgänge"`),
  'bg.abgaenge': d('bewegungen', 'Abgänge an Bedarfsgemeinschaften', 'Bedarfsgemeinschaften, die am Stichtag des Vormonats gezählt wurden, am Stichtag des Berichtsmonats aber nicht mehr.', undefined, `${BA_GLOSSAR}, "Zugänge und Abgänge"`),
  'elb.zugaenge': d('bewegungen', 'Zugänge an eLb', 'Erwerbsfähige Leistungsberechtigte am Stichtag des Berichtsmonats, die am Stichtag des Vormonats keine waren (Vergleich zweier Bestände, höchstens ein Zugang je Person und Monat).', '§ 4 Abs. 2 Nr. 3 KennzV', BA_KENNZAHLEN),
  'elb.abgaenge': d('bewegungen', 'Abgänge an eLb', 'Erwerbsfähige Leistungsberechtigte am Stichtag des Vormonats, die am Stichtag des Berichtsmonats keine mehr sind.', '§ 4 Abs. 2 Nr. 4 KennzV', BA_KENNZAHLEN),
  neuantraege: d('bewegungen', 'Neuanträge', 'Erstanträge auf Bürgergeld mit Antragsdatum im Berichtsmonat (Weiterbewilligungs- und Veränderungsanträge zählen nicht), beim Standort der Bedarfsgemeinschaft.', '§ 37 SGB II', undefined),
  'massnahme.eintritte': d('bewegungen', 'Eintritte in Maßnahmen', 'Erwerbsfähige Leistungsberechtigte, die im Berichtsmonat in eine Maßnahme der aktiven Arbeitsförderung eingetreten sind.', '§ 16 SGB II, § 2 Abs. 2 Nr. 1 KennzV', `${BA_GLOSSAR}, "Förderstatistik"`),
  'massnahme.teilnehmende': d('bewegungen', 'Teilnehmende an Maßnahmen', `Erwerbsfähige Leistungsberechtigte, die ${STICHTAG} an einer Maßnahme der aktiven Arbeitsförderung teilnehmen (ohne Vermittlungsbudget und beschäftigungsbegleitende Leistungen).`, '§ 16 SGB II, § 2 Abs. 2 Nr. 1 KennzV', `${BA_GLOSSAR}, "Förderstatistik"`),
};

/* ---------------- Arbeitsaufnahmen ---------------- */
const ZAEHLART_SATZ = {
  integration: 'Sie zählt als Integration.',
  minijob: 'Sie ist keine Integration und wird als Eintritt in geringfügige Beschäftigung getrennt gezählt (K2E1).',
  oeffentlich_gefoerdert: 'Sie ist keine Integration und wird als Eintritt in öffentlich geförderte Beschäftigung getrennt gezählt (K2E2).',
} as const;
const INTEGRATIONEN: Record<string, Definition> = {
  integrationen: d(
    'integrationen',
    'Integrationen',
    'Aufnahmen einer sozialversicherungspflichtigen Beschäftigung (auch mit beschäftigungsbegleitender Förderung, z. B. § 16e SGB II), einer voll qualifizierenden Ausbildung oder einer selbständigen Tätigkeit im Berichtsmonat durch Personen, die am Stichtag des Vormonats oder des Berichtsmonats erwerbsfähige Leistungsberechtigte waren; höchstens eine je Person und Monat. Minijobs und öffentlich geförderte Beschäftigung (§§ 16d, 16i SGB II) sind keine Integrationen.',
    '§ 5 Abs. 1 KennzV (§ 48a SGB II)',
    `${KENNZV}; ${BA_KENNZAHLEN}`,
  ),
};
for (const art of INTEGRATIONSARTEN) {
  INTEGRATIONEN[`integration.${art}`] = d(
    'integrationen',
    `Arbeitsaufnahmen: ${INTEGRATIONSART_TEXT[art]}`,
    `Personen, die im Berichtsmonat eine Beschäftigung der Art „${INTEGRATIONSART_TEXT[art]}“ aufgenommen haben und am Stichtag des Vormonats oder des Berichtsmonats erwerbsfähige Leistungsberechtigte waren; höchstens eine je Person und Monat. ${ZAEHLART_SATZ[ZAEHLART[art]]}`,
    '§ 2 Abs. 2, § 5 KennzV (§ 48a SGB II)',
    KENNZV,
  );
}

/* ---------------- Quoten (Bezugsgröße from the Träger's settings) ---------------- */
const BEZUGSGROESSE_MINDEST = `Nicht ausgewiesen, wenn keine Bezugsgröße eingetragen ist oder die Bezugsgröße unter ${tausender(mindestBezugsgroesse)} liegt (zu kleine Region für eine aussagekräftige Quote).`;
const QUOTEN: Record<string, Definition> = {
  'quote.alo': d(
    'bestand',
    'SGB II-Arbeitslosenquote',
    `Arbeitslose im Rechtskreis SGB II ${STICHTAG} geteilt durch alle zivilen Erwerbspersonen der Region (Bezugsgröße, vom Träger je Gültigkeitsbeginn eingetragen) × 100, eine Nachkommastelle. ${BEZUGSGROESSE_MINDEST}`,
    '§ 53 SGB II, § 281 SGB III',
    'Statistik der BA, Methodische Hinweise "Arbeitslosenquoten" und "Bezugsgrößen"',
  ),
  'quote.sgb2': d(
    'bestand',
    'SGB II-Quote',
    `Leistungsberechtigte (erwerbsfähige und nicht erwerbsfähige) ${STICHTAG} geteilt durch die Bevölkerung von 0 Jahren bis zur Altersgrenze nach § 7a SGB II (Bezugsgröße, vom Träger eingetragen) × 100, eine Nachkommastelle. ${BEZUGSGROESSE_MINDEST}`,
    '§ 53 SGB II',
    `${BA_GLOSSAR}, "SGB II-Quote"`,
  ),
};

/* ---------------- Geld des Berichtsmonats ---------------- */
const GELD: Record<string, Definition> = {
  'zahlung.gesamt_cent': d('geld', 'Leistungen laut Bewilligungen gesamt', 'Summe der für den Monat bewilligten Leistungen nach Leistungsminderungen (Zahlungsanspruch): Lebensunterhalt, Unterkunft und Heizung (brutto) und Kindersofortzuschlag – nach Leistungsmonat, unabhängig davon, wann gezahlt wird.', '§§ 19 ff., 72 SGB II', BA_KOSTEN),
  'leistung.llu_cent': d('geld', 'Leistungsanspruch: Lebensunterhalt (LLU)', 'Summe der für den Berichtsmonat bewilligten Leistungen zum Lebensunterhalt – Regelbedarf, Mehrbedarfe, Sozialgeld und Darlehen nach § 24 Abs. 1 – vor Leistungsminderungen (Leistungsanspruch).', '§§ 20, 21, 23, 24 Abs. 1 SGB II; § 4 Abs. 1 KennzV', BA_KOSTEN),
  'leistung.luh_cent': d('geld', 'Leistungsanspruch: Unterkunft und Heizung (LUH)', 'Summe der für den Berichtsmonat bewilligten Leistungen für Unterkunft und Heizung vor Leistungsminderungen (Leistungsanspruch); je Person höchstens ihr Anspruch.', '§ 22 SGB II; § 4 Abs. 2 Nr. 1 KennzV', BA_KOSTEN),
  'zahlung.llu_cent': d('geld', 'Zahlungsanspruch: Lebensunterhalt', 'Leistungen zum Lebensunterhalt des Berichtsmonats nach Leistungsminderungen (Zahlungsanspruch).', '§§ 20, 21, 23, 31a SGB II', BA_KOSTEN),
  'zahlung.luh_cent': d('geld', 'Zahlungsanspruch: Unterkunft und Heizung', 'Leistungen für Unterkunft und Heizung des Berichtsmonats nach Leistungsminderungen (Zahlungsanspruch).', '§ 22 SGB II', BA_KOSTEN),
  'zahlung.luh_bund_cent': d('geld', 'Unterkunft und Heizung: Bundesbeteiligung', 'Anteil des Bundes an den Leistungen für Unterkunft und Heizung des Berichtsmonats nach dem für Land und Jahr festgelegten Prozentsatz.', '§ 46 Abs. 5 ff. SGB II', 'Bundesbeteiligungs-Festlegungsverordnung (BBFestV) des jeweiligen Jahres'),
  'zahlung.luh_kommunal_cent': d('geld', 'Unterkunft und Heizung: kommunaler Anteil', 'Leistungen für Unterkunft und Heizung des Berichtsmonats abzüglich der Bundesbeteiligung – der Anteil, den Kreis und Kommunen tragen.', '§ 6 Abs. 1 Nr. 2, § 46 Abs. 5 SGB II', undefined),
  'zahlung.sofortzuschlag_cent': d('geld', 'Kindersofortzuschlag', 'Sofortzuschlag für Kinder des Berichtsmonats; er gehört weder zum Lebensunterhalt noch zur Unterkunft und wird getrennt ausgewiesen.', '§ 72 SGB II', undefined),
};

/* ---------------- Kosten nach Zahlmonat ---------------- */
const ZAHLMONAT = 'Im Monat ausgezahlte Beträge nach den Buchungen des Zahllaufs (Zahlmonat, nicht Leistungsmonat); nur für den Träger und die Kommunen.';
const KOSTEN: Record<string, Definition> = {
  'kosten.gesamt_cent': d('kosten', 'Ausgaben gesamt', `${ZAHLMONAT} Summe aller Kostenarten.`, '§ 6 Abs. 1, § 46 SGB II', BA_KOSTEN),
  'kosten.lebensunterhalt_cent': d('kosten', 'Ausgaben: Regelbedarf und Mehrbedarf', `${ZAHLMONAT} Leistungen zum Lebensunterhalt (Regelbedarf, Mehrbedarfe).`, '§§ 20, 21, 23 SGB II', BA_KOSTEN),
  'kosten.unterkunft_cent': d('kosten', 'Ausgaben: Kosten der Unterkunft (brutto)', `${ZAHLMONAT} Kosten der Unterkunft und Heizung vor Abzug der Bundesbeteiligung.`, '§ 22 SGB II', BA_KOSTEN),
  'kosten.unterkunft_bund_cent': d('kosten', 'Ausgaben: Kosten der Unterkunft, Bundesbeteiligung', `${ZAHLMONAT} Anteil des Bundes an den Kosten der Unterkunft nach dem Satz für Land und Jahr.`, '§ 46 Abs. 5 ff. SGB II', 'Bundesbeteiligungs-Festlegungsverordnung (BBFestV)'),
  'kosten.unterkunft_kommunal_cent': d('kosten', 'Ausgaben: Kosten der Unterkunft, kommunaler Anteil', `${ZAHLMONAT} Kosten der Unterkunft abzüglich der Bundesbeteiligung.`, '§ 6 Abs. 1 Nr. 2 SGB II', BA_KOSTEN),
  'kosten.sofortzuschlag_cent': d('kosten', 'Ausgaben: Kindersofortzuschlag', `${ZAHLMONAT} Sofortzuschlag für Kinder.`, '§ 72 SGB II', undefined),
  'kosten.einmalig_cent': d('kosten', 'Ausgaben: einmalige Leistungen', `${ZAHLMONAT} Einmalige Bedarfe (z. B. Erstausstattung).`, '§ 24 Abs. 3 SGB II', BA_KOSTEN),
  'kosten.eingliederung_cent': d('kosten', 'Ausgaben: Eingliederungsleistungen', `${ZAHLMONAT} Förderleistungen aus dem Eingliederungsbudget (z. B. Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget).`, '§§ 16 ff. SGB II', undefined),
};

/* ---------------- § 48a Kennzahlen ---------------- */
const ZWOELF = 'der vergangenen zwölf Monate (Bezugsmonat und die elf Monate davor)';
const VERAENDERUNG = 'Ausgewiesen als Veränderungsrate (Zähler / Nenner − 1) × 100; ein negativer Wert bedeutet eine Abnahme.';
const QUOTE_NENNER = 'durchschnittlichen Bestand an erwerbsfähigen Leistungsberechtigten der zwölf Monate davor (Stichtage Bezugsmonat − 12 bis Bezugsmonat − 1)';
const KENNZAHL_DEF: Record<Kennzahl, Definition> = {
  K1: d('kennzahlen', 'K1 Veränderung der Summe der Leistungen zum Lebensunterhalt', `Summe der Leistungen zum Lebensunterhalt (ohne Unterkunft und Heizung; Leistungsanspruch vor Leistungsminderungen) im Bezugsmonat gegenüber dem Bezugsmonat des Vorjahres. ${VERAENDERUNG} Niedriger ist besser.`, '§ 4 Abs. 1 KennzV (§ 48a SGB II)', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K1E1: d('kennzahlen', 'K1E1 Veränderung der Summe der Leistungen für Unterkunft und Heizung', `Summe der Leistungen für Unterkunft und Heizung (Leistungsanspruch) im Bezugsmonat gegenüber dem Bezugsmonat des Vorjahres. ${VERAENDERUNG}`, '§ 4 Abs. 2 Nr. 1 KennzV', KENNZV),
  K1E2: d('kennzahlen', 'K1E2 Veränderung der Zahl der eLb', `Zahl der erwerbsfähigen Leistungsberechtigten am Stichtag des Bezugsmonats gegenüber dem Stichtag des Bezugsmonats des Vorjahres. ${VERAENDERUNG}`, '§ 4 Abs. 2 Nr. 2 KennzV', KENNZV),
  K1E3: d('kennzahlen', 'K1E3 Durchschnittliche Zugangsrate der eLb', `Summe der Zugänge an eLb ${ZWOELF} geteilt durch die Summe der Bestände dieser Monate (bestandsgewichteter Durchschnitt der monatlichen Zugangsraten). Zugang = eLb am Stichtag des Monats, die es am Stichtag des Vormonats nicht waren.`, '§ 4 Abs. 2 Nr. 3 KennzV', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K1E4: d('kennzahlen', 'K1E4 Durchschnittliche Abgangsrate der eLb', `Summe der Abgänge an eLb ${ZWOELF} geteilt durch die Summe der Bestände der jeweiligen Vormonate. Abgang = eLb am Stichtag des Vormonats, die es am Stichtag des Monats nicht mehr sind.`, '§ 4 Abs. 2 Nr. 4 KennzV', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K2: d('kennzahlen', 'K2 Integrationsquote', `Summe der Integrationen ${ZWOELF} geteilt durch den ${QUOTE_NENNER}. Integration = Aufnahme einer sozialversicherungspflichtigen Beschäftigung, Ausbildung oder Selbständigkeit durch eine Person im Bestand am Ende des Vormonats oder des Monats, höchstens eine je Person und Monat. Höher ist besser.`, '§ 5 Abs. 1 KennzV (§ 48a SGB II)', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K2E1: d('kennzahlen', 'K2E1 Quote der Eintritte in geringfügige Beschäftigung', `Summe der Aufnahmen eines Minijobs ${ZWOELF} (gezählt wie Integrationen) geteilt durch den ${QUOTE_NENNER}.`, '§ 5 Abs. 2 Nr. 1 KennzV', KENNZV),
  K2E2: d('kennzahlen', 'K2E2 Quote der Eintritte in öffentlich geförderte Beschäftigung', `Summe der Aufnahmen öffentlich geförderter Beschäftigung (§ 16d, § 16i SGB II) ${ZWOELF} geteilt durch den ${QUOTE_NENNER}.`, '§ 5 Abs. 2 Nr. 2, § 2 Abs. 2 Nr. 3 KennzV', KENNZV),
  K2E3: d('kennzahlen', 'K2E3 Kontinuierliche Beschäftigung nach Integration', `Anteil der Integrationen in sozialversicherungspflichtige Beschäftigung ${ZWOELF}, deren Person am Stichtag jedes der sechs Monate nach dem Integrationsmonat sozialversicherungspflichtig beschäftigt war. Solange für einen Monat des Zeitraums die sechs Folgemonate noch nicht vergangen sind, bleibt der Wert leer: Er wird erst berechnet, wenn die Statistik aller sechs Folgemonate vorliegt. Integrationen in Ausbildung und Selbständigkeit gehen nicht ein.`, '§ 5 Abs. 2 Nr. 3 KennzV (Fassung vom 15.3.2019)', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K2E4: d('kennzahlen', 'K2E4 Integrationsquote der Alleinerziehenden', `Wie K2, beschränkt auf Alleinerziehende: Integrationen von Personen, die am Ende des Vormonats oder des Monats alleinerziehende eLb waren, geteilt durch den durchschnittlichen Bestand alleinerziehender eLb der zwölf Monate davor.`, '§ 5 Abs. 2 Nr. 4 KennzV', KENNZV),
  K3: d('kennzahlen', 'K3 Veränderung des Bestands an Langzeitleistungsbeziehenden', `Zahl der Langzeitleistungsbeziehenden am Stichtag des Bezugsmonats gegenüber dem Stichtag des Bezugsmonats des Vorjahres. ${VERAENDERUNG} Niedriger ist besser.`, '§ 6 Abs. 1 KennzV (§ 48a SGB II)', `${KENNZV}; ${BA_KENNZAHLEN}`),
  K3E1: d('kennzahlen', 'K3E1 Integrationsquote der Langzeitleistungsbeziehenden', 'Wie K2, beschränkt auf Langzeitleistungsbeziehende: Integrationen von Personen, die am Ende des Vormonats oder des Monats LZB waren, geteilt durch den durchschnittlichen LZB-Bestand der zwölf Monate davor.', '§ 6 Abs. 2 Nr. 1 KennzV', KENNZV),
  K3E2: d('kennzahlen', 'K3E2 Aktivierungsquote der Langzeitleistungsbeziehenden', 'Langzeitleistungsbeziehende, die am Stichtag des Bezugsmonats an einer Maßnahme der aktiven Arbeitsförderung teilnehmen (ohne Vermittlungsbudget und beschäftigungsbegleitende Leistungen), geteilt durch alle Langzeitleistungsbeziehenden an diesem Tag.', '§ 6 Abs. 2 Nr. 2, § 2 Abs. 2 Nr. 1 KennzV', KENNZV),
  K3E3: d('kennzahlen', 'K3E3 Durchschnittliche Zugangsrate der Langzeitleistungsbeziehenden', `Wie K1E3 für Langzeitleistungsbeziehende: Summe der Zugänge an LZB ${ZWOELF} geteilt durch die Summe der LZB-Bestände dieser Monate.`, '§ 6 Abs. 2 Nr. 3 KennzV', KENNZV),
  K3E4: d('kennzahlen', 'K3E4 Durchschnittliche Abgangsrate der Langzeitleistungsbeziehenden', `Wie K1E4 für Langzeitleistungsbeziehende: Summe der Abgänge an LZB ${ZWOELF} geteilt durch die Summe der LZB-Bestände der jeweiligen Vormonate.`, '§ 6 Abs. 2 Nr. 4 KennzV', KENNZV),
};

/** Every definition by kennung (statistik_werte kennung, Kennzahl code or Grundbegriff), in page order. */
export const DEFINITIONEN: Readonly<Record<string, Definition>> = {
  ...BEGRIFFE,
  ...BESTAND,
  ...QUOTEN,
  ...MERKMALE,
  ...BEWEGUNGEN,
  ...INTEGRATIONEN,
  ...GELD,
  ...KOSTEN,
  ...Object.fromEntries(KENNZAHLEN.map((k) => [k, KENNZAHL_DEF[k]])),
};

/** The title of a kennung (the kennung itself when it has no definition). */
export const definitionTitel = (kennung: string): string => DEFINITIONEN[kennung]?.titel ?? kennung;
