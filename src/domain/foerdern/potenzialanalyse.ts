import { z } from 'zod';
import { SCHLUESSELGROESSEN, type Schluesselgroesse } from './typen.ts';

/**
 * Potenzialanalyse (§ 15 Abs. 1 SGB II): what the Integrationsfachkraft and the person find out together about
 * strengths, qualification, experience, language, mobility, working time and what stands in the way of work
 * (Handlungsbedarfe by Schlüsselgröße, coded from the Träger's catalogue). Versioned: each save is a new Fassung.
 *
 * Health-related content is special-category data (Art. 9 DSGVO, § 67 Abs. 12 SGB X): the catalogue items marked
 * `gesundheitsbezogen` and the free text on health-related limits. `trenneGesundheit` splits it off, so it is
 * stored apart (table potenzialanalyse_gesundheit) and only the integration side ever sees it.
 */

export const SCHLUESSELGROESSE_TEXT: Record<Schluesselgroesse, string> = {
  qualifikation: 'Qualifikation',
  leistungsfaehigkeit: 'Leistungsfähigkeit',
  motivation: 'Motivation',
  rahmenbedingungen: 'Rahmenbedingungen',
};

export const SCHULABSCHLUESSE = ['ohne', 'foerderschule', 'hauptschule', 'mittlere_reife', 'fachhochschulreife', 'abitur', 'ausland'] as const;
export type Schulabschluss = (typeof SCHULABSCHLUESSE)[number];
export const SCHULABSCHLUSS_TEXT: Record<Schulabschluss, string> = {
  ohne: 'ohne Schulabschluss',
  foerderschule: 'Förderschulabschluss',
  hauptschule: 'Hauptschulabschluss (Erster Schulabschluss)',
  mittlere_reife: 'Mittlerer Schulabschluss',
  fachhochschulreife: 'Fachhochschulreife',
  abitur: 'Allgemeine Hochschulreife',
  ausland: 'Schulabschluss im Ausland',
};

export const BERUFSABSCHLUSS_ARTEN = [
  'ohne',
  'betrieblich',
  'schulisch',
  'meister_techniker',
  'studium',
  'ausland_anerkannt',
  'ausland_nicht_anerkannt',
] as const;
export type BerufsabschlussArt = (typeof BERUFSABSCHLUSS_ARTEN)[number];
export const BERUFSABSCHLUSS_TEXT: Record<BerufsabschlussArt, string> = {
  ohne: 'ohne Berufsabschluss',
  betrieblich: 'Betriebliche Ausbildung (duale Ausbildung)',
  schulisch: 'Schulische Berufsausbildung',
  meister_techniker: 'Meister/in, Techniker/in, Fachwirt/in',
  studium: 'Hochschulabschluss',
  ausland_anerkannt: 'Abschluss aus dem Ausland, anerkannt',
  ausland_nicht_anerkannt: 'Abschluss aus dem Ausland, (noch) nicht anerkannt',
};

/** Gemeinsamer Europäischer Referenzrahmen, plus first language. */
export const SPRACHNIVEAUS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'muttersprache'] as const;
export type Sprachniveau = (typeof SPRACHNIVEAUS)[number];
export const SPRACHNIVEAU_TEXT: Record<Sprachniveau, string> = {
  A1: 'A1',
  A2: 'A2',
  B1: 'B1',
  B2: 'B2',
  C1: 'C1',
  C2: 'C2',
  muttersprache: 'Muttersprache',
};

/** Driving licence classes (Fahrerlaubnis-Verordnung § 6). */
export const FUEHRERSCHEINKLASSEN = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'L', 'T'] as const;
export type Fuehrerscheinklasse = (typeof FUEHRERSCHEINKLASSEN)[number];

// ------------------------------------------------------------------------------------------------- schema

const EINZELNES_SURROGAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const speicherbar = (s: string) => !s.includes('\u0000') && !EINZELNES_SURROGAT.test(s);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Bitte höchstens ${max} Zeichen.` })
    .refine(speicherbar, { error: 'Der Text enthält unzulässige Zeichen. Bitte entfernen Sie sie.' });
const pflichttext = (max: number, leer: string) => text(max).refine((s) => s.length > 0, { error: leer });
const liste = (max: number, anzahl: number) => z.array(pflichttext(max, 'Bitte keine leeren Einträge.')).max(anzahl, { error: `Bitte höchstens ${anzahl} Einträge.` });
const jahr = () => z.number({ error: 'Bitte eine Jahreszahl angeben, z. B. 2019.' }).int({ error: 'Bitte eine Jahreszahl angeben, z. B. 2019.' }).min(1950, { error: 'Bitte ein Jahr ab 1950 angeben.' }).max(2100, { error: 'Bitte ein Jahr bis 2100 angeben.' });
const UHRZEIT = /^([01]\d|2[0-3]):[0-5]\d$/;
const uhrzeit = () => z.string().regex(UHRZEIT, { error: 'Bitte eine Uhrzeit im Format HH:MM angeben, z. B. 08:30.' });

/** A code of the Träger's Handlungsbedarf catalogue (checked against the catalogue by the use case). */
export const handlungsbedarfCode = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9_]{1,39}$/, { error: 'Der Code besteht aus 2 bis 40 Kleinbuchstaben, Ziffern und Unterstrichen, z. B. „kinderbetreuung“.' })
    .describe('Code aus dem Katalog der Handlungsbedarfe');

export const handlungsbedarfEintragSchema = z.strictObject({
  code: handlungsbedarfCode(),
  bemerkung: text(500).nullable().default(null).describe('Konkretisierung, z. B. „Kita-Platz ab 1.3. zugesagt“'),
});
export type HandlungsbedarfEintrag = z.output<typeof handlungsbedarfEintragSchema>;

export const berufserfahrungSchema = z
  .strictObject({
    taetigkeit: pflichttext(200, 'Bitte die Tätigkeit angeben.'),
    von: jahr(),
    bis: jahr().nullable().default(null).describe('leer: bis heute'),
  })
  .refine((b) => b.bis === null || b.bis >= b.von, { error: 'Das Ende darf nicht vor dem Beginn liegen.', path: ['bis'] });

export const weitereSpracheSchema = z.strictObject({
  sprache: pflichttext(60, 'Bitte die Sprache angeben.'),
  niveau: z.enum(SPRACHNIVEAUS, { error: 'Bitte ein Niveau wählen.' }),
});

/**
 * The content of one Fassung as staff enter it (API and form): everything, with all Handlungsbedarfe in one list
 * and the health-related limits as free text. `trenneGesundheit` splits it for storage.
 */
export const potenzialanalyseEingabeSchema = z
  .strictObject({
    staerken: liste(200, 30).default([]).describe('Stärken, eine je Eintrag'),
    qualifikation: z
      .strictObject({
        schulabschluss: z.enum(SCHULABSCHLUESSE, { error: 'Bitte einen Schulabschluss wählen.' }).nullable().default(null),
        berufsabschluss: z.enum(BERUFSABSCHLUSS_ARTEN, { error: 'Bitte eine Art des Berufsabschlusses wählen.' }).nullable().default(null),
        berufsabschlussBezeichnung: text(200).nullable().default(null).describe('z. B. „Kauffrau im Einzelhandel“'),
        qualifikationen: liste(200, 30).default([]).describe('Zertifikate, Scheine, Weiterbildungen'),
      })
      .default({ schulabschluss: null, berufsabschluss: null, berufsabschlussBezeichnung: null, qualifikationen: [] }),
    berufserfahrung: z.array(berufserfahrungSchema).max(20, { error: 'Bitte höchstens 20 Einträge.' }).default([]),
    sprache: z
      .strictObject({
        deutsch: z.enum(SPRACHNIVEAUS, { error: 'Bitte ein Niveau wählen.' }).nullable().default(null),
        weitere: z.array(weitereSpracheSchema).max(10, { error: 'Bitte höchstens 10 Sprachen.' }).default([]),
      })
      .default({ deutsch: null, weitere: [] }),
    mobilitaet: z
      .strictObject({
        fuehrerschein: z.array(z.enum(FUEHRERSCHEINKLASSEN, { error: 'Unbekannte Führerscheinklasse.' })).max(FUEHRERSCHEINKLASSEN.length).default([]),
        fahrzeug: z.boolean().default(false).describe('eigenes Fahrzeug verfügbar'),
        oepnv: z.boolean().default(false).describe('Arbeitsorte mit Bus und Bahn erreichbar'),
        maxPendelzeitMinuten: z
          .number({ error: 'Bitte Minuten als ganze Zahl angeben.' })
          .int({ error: 'Bitte Minuten als ganze Zahl angeben.' })
          .min(0, { error: 'Die Pendelzeit darf nicht negativ sein.' })
          .max(300, { error: 'Bitte höchstens 300 Minuten.' })
          .nullable()
          .default(null)
          .describe('zumutbare Pendelzeit je Weg in Minuten'),
      })
      .default({ fuehrerschein: [], fahrzeug: false, oepnv: false, maxPendelzeitMinuten: null }),
    arbeitszeit: z
      .strictObject({
        wochenstunden: z
          .number({ error: 'Bitte Stunden als Zahl angeben.' })
          .min(1, { error: 'Bitte mindestens 1 Stunde.' })
          .max(60, { error: 'Bitte höchstens 60 Stunden.' })
          .nullable()
          .default(null)
          .describe('gewünschte Wochenstunden'),
        fruehestens: uhrzeit().nullable().default(null).describe('frühester Arbeitsbeginn HH:MM'),
        spaetestens: uhrzeit().nullable().default(null).describe('spätestes Arbeitsende HH:MM'),
        einschraenkungen: text(500).nullable().default(null).describe('z. B. „Kinderbetreuung nur bis 14:00“ (keine Gesundheitsangaben)'),
      })
      .default({ wochenstunden: null, fruehestens: null, spaetestens: null, einschraenkungen: null })
      // the follow-on comparison only when both times are valid (an invalid start already has its own error)
      .refine((a) => !a.fruehestens || !a.spaetestens || !UHRZEIT.test(a.fruehestens) || !UHRZEIT.test(a.spaetestens) || a.fruehestens < a.spaetestens, { error: 'Das Arbeitsende muss nach dem Beginn liegen.', path: ['spaetestens'] }),
    berufswuensche: liste(200, 20).default([]),
    handlungsbedarfe: z
      .array(handlungsbedarfEintragSchema)
      .max(60, { error: 'Bitte höchstens 60 Handlungsbedarfe.' })
      .default([])
      .refine((l) => new Set(l.map((h) => h.code)).size === l.length, { error: 'Jeder Handlungsbedarf darf nur einmal vorkommen.' }),
    gesundheitlicheEinschraenkungen: text(2000)
      .nullable()
      .default(null)
      .describe('Gesundheitsbezogene Einschränkungen (besondere Kategorie, Art. 9 DSGVO): nur mit dem Recht potenzialanalyse.gesundheit'),
  });
export type PotenzialanalyseEingabe = z.output<typeof potenzialanalyseEingabeSchema>;

/** What is stored in `potenzialanalysen.daten`: the input without any health content. */
export type PotenzialanalyseDaten = Omit<PotenzialanalyseEingabe, 'gesundheitlicheEinschraenkungen'>;
/** What is stored in `potenzialanalyse_gesundheit.daten`. */
export type GesundheitDaten = { handlungsbedarfe: HandlungsbedarfEintrag[]; einschraenkungen: string | null };

/** A catalogue entry as the domain needs it. */
export type KatalogEintrag = { code: string; schluesselgroesse: Schluesselgroesse; bezeichnung: string; gesundheitsbezogen: boolean; aktiv: boolean };

/** An input item that does not fit the catalogue, with its place in the input (`handlungsbedarfe.<i>.code`). */
export type KatalogFehler = { index: number; art: 'unbekannt' | 'inaktiv' };

/**
 * Splits an input into what is stored as the Potenzialanalyse and what is stored apart as health data.
 * `unbekannt`: codes not in the catalogue; `inaktiv`: deactivated codes that the previous Fassung did not have
 * (a deactivated item may stay on a person, it may not be newly chosen).
 */
export function trenneGesundheit(
  eingabe: PotenzialanalyseEingabe,
  katalog: readonly KatalogEintrag[],
  bisherigeCodes: ReadonlySet<string> = new Set(),
): { daten: PotenzialanalyseDaten; gesundheit: GesundheitDaten | null; fehler: KatalogFehler[] } {
  const nachCode = new Map(katalog.map((k) => [k.code, k]));
  const fehler: KatalogFehler[] = [];
  const allgemein: HandlungsbedarfEintrag[] = [];
  const gesundheit: HandlungsbedarfEintrag[] = [];
  eingabe.handlungsbedarfe.forEach((h, index) => {
    const k = nachCode.get(h.code);
    if (!k) fehler.push({ index, art: 'unbekannt' });
    else if (!k.aktiv && !bisherigeCodes.has(h.code)) fehler.push({ index, art: 'inaktiv' });
    else (k.gesundheitsbezogen ? gesundheit : allgemein).push(h);
  });
  const { gesundheitlicheEinschraenkungen, handlungsbedarfe: _alle, ...rest } = eingabe;
  const einschraenkungen = gesundheitlicheEinschraenkungen?.trim() ? gesundheitlicheEinschraenkungen.trim() : null;
  return {
    daten: { ...rest, handlungsbedarfe: allgemein },
    gesundheit: gesundheit.length || einschraenkungen ? { handlungsbedarfe: gesundheit, einschraenkungen } : null,
    fehler,
  };
}

/** Indices of the input's items that are health-related (for refusing them to someone without the right). */
export function gesundheitsbezogeneEintraege(eingabe: Pick<PotenzialanalyseEingabe, 'handlungsbedarfe'>, katalog: readonly KatalogEintrag[]): number[] {
  const gesundheit = new Set(katalog.filter((k) => k.gesundheitsbezogen).map((k) => k.code));
  return eingabe.handlungsbedarfe.flatMap((h, i) => (gesundheit.has(h.code) ? [i] : []));
}

/** Reads stored `daten` of any Fassung (older rows may lack newer fields): the schema's defaults fill the gaps. */
export function leseDaten(gespeichert: unknown): PotenzialanalyseDaten {
  const { gesundheitlicheEinschraenkungen: _g, ...daten } = potenzialanalyseEingabeSchema.parse({ ...(gespeichert as object), gesundheitlicheEinschraenkungen: null });
  return daten;
}

export function leseGesundheit(gespeichert: unknown): GesundheitDaten {
  const g = (gespeichert ?? {}) as Partial<GesundheitDaten>;
  return { handlungsbedarfe: Array.isArray(g.handlungsbedarfe) ? g.handlungsbedarfe : [], einschraenkungen: typeof g.einschraenkungen === 'string' ? g.einschraenkungen : null };
}

/** The form of the next Fassung starts from the current one: stored parts put together again. */
export function alsEingabe(daten: PotenzialanalyseDaten, gesundheit: GesundheitDaten | null): PotenzialanalyseEingabe {
  return {
    ...daten,
    handlungsbedarfe: [...daten.handlungsbedarfe, ...(gesundheit?.handlungsbedarfe ?? [])],
    gesundheitlicheEinschraenkungen: gesundheit?.einschraenkungen ?? null,
  };
}

// ------------------------------------------------------------------------------------------------- comparing Fassungen

/** One difference between two Fassungen, in words for the history view. */
export type Aenderung = { bereich: string; feld: string; vorher: string; nachher: string };

const LEER = '–';
const jaNein = (b: boolean) => (b ? 'ja' : 'nein');
const oder = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? LEER : s);
const aufzaehlung = (l: readonly string[]) => (l.length ? l.join(', ') : LEER);
const erfahrungText = (b: PotenzialanalyseDaten['berufserfahrung'][number]) => `${b.taetigkeit} (${b.von}–${b.bis ?? 'heute'})`;

/** Labels for the codes of the catalogue (code itself when unknown). */
export type Bezeichnungen = ReadonlyMap<string, string>;
const hbText = (h: HandlungsbedarfEintrag, namen: Bezeichnungen) => `${namen.get(h.code) ?? h.code}${h.bemerkung ? ` (${h.bemerkung})` : ''}`;

/**
 * What changed from `alt` to `neu` (non-health parts). `alt` null: the first Fassung — nothing is listed as changed.
 */
export function vergleichePotenzialanalyse(alt: PotenzialanalyseDaten | null, neu: PotenzialanalyseDaten, namen: Bezeichnungen = new Map()): Aenderung[] {
  if (!alt) return [];
  const aus: Aenderung[] = [];
  const feld = (bereich: string, name: string, vorher: string, nachher: string) => {
    if (vorher !== nachher) aus.push({ bereich, feld: name, vorher, nachher });
  };
  feld('Stärken', 'Stärken', aufzaehlung(alt.staerken), aufzaehlung(neu.staerken));
  const q = (d: PotenzialanalyseDaten) => d.qualifikation;
  feld('Qualifikation', 'Schulabschluss', oder(q(alt).schulabschluss && SCHULABSCHLUSS_TEXT[q(alt).schulabschluss!]), oder(q(neu).schulabschluss && SCHULABSCHLUSS_TEXT[q(neu).schulabschluss!]));
  feld('Qualifikation', 'Berufsabschluss', oder(q(alt).berufsabschluss && BERUFSABSCHLUSS_TEXT[q(alt).berufsabschluss!]), oder(q(neu).berufsabschluss && BERUFSABSCHLUSS_TEXT[q(neu).berufsabschluss!]));
  feld('Qualifikation', 'Bezeichnung des Abschlusses', oder(q(alt).berufsabschlussBezeichnung), oder(q(neu).berufsabschlussBezeichnung));
  feld('Qualifikation', 'Weitere Qualifikationen', aufzaehlung(q(alt).qualifikationen), aufzaehlung(q(neu).qualifikationen));
  feld('Berufserfahrung', 'Tätigkeiten', aufzaehlung(alt.berufserfahrung.map(erfahrungText)), aufzaehlung(neu.berufserfahrung.map(erfahrungText)));
  feld('Sprache', 'Deutsch', oder(alt.sprache.deutsch && SPRACHNIVEAU_TEXT[alt.sprache.deutsch]), oder(neu.sprache.deutsch && SPRACHNIVEAU_TEXT[neu.sprache.deutsch]));
  const sprachen = (d: PotenzialanalyseDaten) => aufzaehlung(d.sprache.weitere.map((s) => `${s.sprache} (${SPRACHNIVEAU_TEXT[s.niveau]})`));
  feld('Sprache', 'Weitere Sprachen', sprachen(alt), sprachen(neu));
  const m = (d: PotenzialanalyseDaten) => d.mobilitaet;
  feld('Mobilität', 'Führerschein', aufzaehlung(m(alt).fuehrerschein), aufzaehlung(m(neu).fuehrerschein));
  feld('Mobilität', 'Eigenes Fahrzeug', jaNein(m(alt).fahrzeug), jaNein(m(neu).fahrzeug));
  feld('Mobilität', 'ÖPNV nutzbar', jaNein(m(alt).oepnv), jaNein(m(neu).oepnv));
  const pendel = (d: PotenzialanalyseDaten) => (m(d).maxPendelzeitMinuten === null ? LEER : `${m(d).maxPendelzeitMinuten} Minuten`);
  feld('Mobilität', 'Höchste Pendelzeit je Weg', pendel(alt), pendel(neu));
  const a = (d: PotenzialanalyseDaten) => d.arbeitszeit;
  const stunden = (d: PotenzialanalyseDaten) => (a(d).wochenstunden === null ? LEER : `${String(a(d).wochenstunden).replace('.', ',')} Stunden`);
  feld('Arbeitszeit', 'Gewünschte Wochenstunden', stunden(alt), stunden(neu));
  feld('Arbeitszeit', 'Frühester Beginn', oder(a(alt).fruehestens), oder(a(neu).fruehestens));
  feld('Arbeitszeit', 'Spätestes Ende', oder(a(alt).spaetestens), oder(a(neu).spaetestens));
  feld('Arbeitszeit', 'Einschränkungen', oder(a(alt).einschraenkungen), oder(a(neu).einschraenkungen));
  feld('Berufswünsche', 'Berufswünsche', aufzaehlung(alt.berufswuensche), aufzaehlung(neu.berufswuensche));
  aus.push(...vergleicheHandlungsbedarfe(alt.handlungsbedarfe, neu.handlungsbedarfe, namen, 'Handlungsbedarfe'));
  return aus;
}

/** What changed in the health part (only ever computed for someone holding potenzialanalyse.gesundheit). */
export function vergleicheGesundheit(alt: GesundheitDaten | null, neu: GesundheitDaten | null, namen: Bezeichnungen = new Map()): Aenderung[] {
  const a = alt ?? { handlungsbedarfe: [], einschraenkungen: null };
  const n = neu ?? { handlungsbedarfe: [], einschraenkungen: null };
  const aus = vergleicheHandlungsbedarfe(a.handlungsbedarfe, n.handlungsbedarfe, namen, 'Gesundheit');
  if ((a.einschraenkungen ?? '') !== (n.einschraenkungen ?? '')) aus.push({ bereich: 'Gesundheit', feld: 'Gesundheitliche Einschränkungen', vorher: oder(a.einschraenkungen), nachher: oder(n.einschraenkungen) });
  return aus;
}

function vergleicheHandlungsbedarfe(alt: readonly HandlungsbedarfEintrag[], neu: readonly HandlungsbedarfEintrag[], namen: Bezeichnungen, bereich: string): Aenderung[] {
  const aus: Aenderung[] = [];
  const vorher = new Map(alt.map((h) => [h.code, h]));
  const nachher = new Map(neu.map((h) => [h.code, h]));
  for (const h of neu) {
    const v = vorher.get(h.code);
    if (!v) aus.push({ bereich, feld: namen.get(h.code) ?? h.code, vorher: 'nicht erfasst', nachher: hbText(h, namen) });
    else if ((v.bemerkung ?? '') !== (h.bemerkung ?? '')) aus.push({ bereich, feld: namen.get(h.code) ?? h.code, vorher: hbText(v, namen), nachher: hbText(h, namen) });
  }
  for (const h of alt) if (!nachher.has(h.code)) aus.push({ bereich, feld: namen.get(h.code) ?? h.code, vorher: hbText(h, namen), nachher: 'erledigt / entfallen' });
  return aus;
}

/** The Handlungsbedarfe grouped by Schlüsselgröße in the catalogue's order (for the summary and the form). */
export function nachSchluesselgroesse<T extends { schluesselgroesse: Schluesselgroesse }>(eintraege: readonly T[]): { schluesselgroesse: Schluesselgroesse; titel: string; eintraege: T[] }[] {
  return SCHLUESSELGROESSEN.map((s) => ({ schluesselgroesse: s, titel: SCHLUESSELGROESSE_TEXT[s], eintraege: eintraege.filter((e) => e.schluesselgroesse === s) })).filter((g) => g.eintraege.length > 0);
}

// ------------------------------------------------------------------------------------------------- the default catalogue

/**
 * A catalogue a Träger can start with (demo data, and "Standardkatalog übernehmen" on /integration/katalog): the
 * usual Handlungsbedarfe of the four Schlüsselgrößen of the BA's 4-Phasen-Modell. Health-related ones are marked.
 */
export const STANDARD_HANDLUNGSBEDARFE: readonly Omit<KatalogEintrag, 'aktiv'>[] = [
  { code: 'berufsabschluss_fehlt', schluesselgroesse: 'qualifikation', bezeichnung: 'Fehlender Berufsabschluss', gesundheitsbezogen: false },
  { code: 'schulabschluss_fehlt', schluesselgroesse: 'qualifikation', bezeichnung: 'Fehlender Schulabschluss', gesundheitsbezogen: false },
  { code: 'deutschkenntnisse', schluesselgroesse: 'qualifikation', bezeichnung: 'Deutschkenntnisse nicht ausreichend', gesundheitsbezogen: false },
  { code: 'anerkennung_abschluss', schluesselgroesse: 'qualifikation', bezeichnung: 'Anerkennung eines ausländischen Abschlusses offen', gesundheitsbezogen: false },
  { code: 'digitale_kompetenzen', schluesselgroesse: 'qualifikation', bezeichnung: 'Digitale Grundkompetenzen fehlen', gesundheitsbezogen: false },
  { code: 'berufserfahrung_veraltet', schluesselgroesse: 'qualifikation', bezeichnung: 'Berufserfahrung fehlt oder liegt lange zurück', gesundheitsbezogen: false },
  { code: 'koerperliche_einschraenkung', schluesselgroesse: 'leistungsfaehigkeit', bezeichnung: 'Körperliche Einschränkungen', gesundheitsbezogen: true },
  { code: 'psychische_belastung', schluesselgroesse: 'leistungsfaehigkeit', bezeichnung: 'Psychische Belastung', gesundheitsbezogen: true },
  { code: 'sucht', schluesselgroesse: 'leistungsfaehigkeit', bezeichnung: 'Suchtproblematik', gesundheitsbezogen: true },
  { code: 'belastbarkeit', schluesselgroesse: 'leistungsfaehigkeit', bezeichnung: 'Eingeschränkte zeitliche Belastbarkeit', gesundheitsbezogen: false },
  { code: 'motivation_tagesstruktur', schluesselgroesse: 'motivation', bezeichnung: 'Motivation und Tagesstruktur', gesundheitsbezogen: false },
  { code: 'realistische_berufsziele', schluesselgroesse: 'motivation', bezeichnung: 'Berufliche Ziele unklar oder unrealistisch', gesundheitsbezogen: false },
  { code: 'kinderbetreuung', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Kinderbetreuung nicht gesichert', gesundheitsbezogen: false },
  { code: 'pflege_angehoerige', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Pflege von Angehörigen', gesundheitsbezogen: false },
  { code: 'schulden', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Schulden', gesundheitsbezogen: false },
  { code: 'wohnsituation', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Wohnsituation ungesichert', gesundheitsbezogen: false },
  { code: 'mobilitaet', schluesselgroesse: 'rahmenbedingungen', bezeichnung: 'Mobilität eingeschränkt (kein Führerschein, schlechte ÖPNV-Anbindung)', gesundheitsbezogen: false },
];
