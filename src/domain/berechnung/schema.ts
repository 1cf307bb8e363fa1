/**
 * Exchange format version 1 of the Leistungsberechnung (docs/berechnung.md, docs/schema/*.v1.json).
 * Plain zod objects without transforms, so that `z.toJSONSchema` documents them exactly.
 * Amounts are euros with at most two decimals.
 */
import { z } from 'zod';
import { istKalenderdatum } from './datum.ts';

const betrag = z
  .number()
  .min(0)
  .multipleOf(0.01)
  .max(10_000_000)
  .describe('Betrag in Euro, höchstens zwei Nachkommastellen, nicht negativ');

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(istKalenderdatum, { message: 'kein gültiges Kalenderdatum' })
  .describe('Kalenderdatum JJJJ-MM-TT');

const monat = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('Kalendermonat JJJJ-MM');

export const einkommenErwerbSchema = z.strictObject({
  art: z.literal('erwerbstaetigkeit'),
  brutto: betrag.describe('monatliches Bruttoeinkommen aus Erwerbstätigkeit in Euro'),
  netto: betrag.describe('monatliches Nettoeinkommen in Euro (nach Steuern und Sozialversicherung)'),
  absetzungen: betrag
    .optional()
    .describe(
      'nachgewiesene Beträge nach § 11b Abs. 1 S. 1 Nr. 3–5 (Versicherungen, Riester, Werbungskosten); ersetzen die 100 € nur bei mehr als 400 € brutto und wenn höher',
    ),
  ferienjob: z
    .boolean()
    .optional()
    .describe('Ferienjob einer Schülerin oder eines Schülers unter 25 in den Schulferien: ab 1.7.2023 anrechnungsfrei (§ 11a Abs. 7 SGB II)'),
});

/**
 * Selbständigkeit (§ 3 Bürgergeld-V). Either the old form `{art, betrag}` (an amount already net of everything,
 * counted like other income, as before) or `brutto` (Gewinn) and `netto` (Gewinn minus Steuern und
 * Pflichtbeiträge): then the Freibeträge of § 11b Abs. 2 and 3 are computed on the Gewinn like earnings.
 */
export const einkommenSelbststaendigSchema = z.strictObject({
  art: z.literal('selbststaendigkeit'),
  betrag: betrag.optional().describe('alte Form: monatlicher Betrag nach allen Absetzungen (ohne Freibetrag auf Erwerbseinkommen)'),
  brutto: betrag
    .optional()
    .describe('monatlicher Gewinn: Betriebseinnahmen minus notwendige Betriebsausgaben (§ 3 Bürgergeld-V)'),
  netto: betrag.optional().describe('Gewinn minus Steuern und Pflichtbeiträge zur Sozialversicherung'),
  absetzungen: betrag
    .optional()
    .describe('nachgewiesene Beträge nach § 11b Abs. 1 S. 1 Nr. 3–5; ersetzen die 100 € nur bei mehr als 400 € Gewinn und wenn höher'),
});

/**
 * Einmalige Einnahme (§ 11 Abs. 3 SGB II): counted from the month of inflow (or the month after, where the benefit
 * for that month was already paid without it); spread evenly over six months where counting it at once would end
 * the claim. From 1.7.2023 an Erbschaft is Vermögen, not income (§ 11a Abs. 1 Nr. 7).
 */
export const einkommenEinmaligSchema = z.strictObject({
  art: z.literal('einmalig'),
  betrag: betrag.describe('Betrag der einmaligen Einnahme in Euro (nach den für sie schon abgesetzten Beträgen)'),
  zufluss: datum.describe('Tag, an dem die Einnahme zugeflossen ist'),
  bezeichnung: z.string().max(200).optional(),
  erbschaft: z.boolean().optional().describe('Einnahme aus einer Erbschaft: ab 1.7.2023 Vermögen, nicht Einkommen (§ 11a Abs. 1 Nr. 7 SGB II)'),
  leistungBereitsErbracht: z
    .boolean()
    .optional()
    .describe('für den Zuflussmonat wurden schon Leistungen ohne die Einnahme erbracht: sie zählt ab dem Folgemonat (§ 11 Abs. 3 S. 3 SGB II)'),
  aufteilen: z
    .boolean()
    .optional()
    .describe(
      'true: auf sechs Monate verteilt, false: im Anrechnungsmonat ganz; fehlt es, entscheidet die Engine mit den Verhältnissen des berechneten Monats, ob die ganze Einnahme den Anspruch entfallen ließe (§ 11 Abs. 3 S. 4 SGB II)',
    ),
});

export const EINKOMMENSARTEN = [
  'kindergeld',
  'unterhalt',
  'unterhaltsvorschuss',
  'rente',
  'arbeitslosengeld',
  'krankengeld',
  'elterngeld',
  'selbststaendigkeit',
  'sonstiges',
] as const;

/** Income kinds of the plain form `{art, betrag}` (Selbständigkeit has its own schema with an optional brutto/netto). */
export const EINKOMMENSARTEN_BETRAG = EINKOMMENSARTEN.filter(
  (a): a is Exclude<(typeof EINKOMMENSARTEN)[number], 'selbststaendigkeit'> => a !== 'selbststaendigkeit',
);

export const einkommenSonstigesSchema = z.strictObject({
  art: z.enum(EINKOMMENSARTEN_BETRAG),
  betrag: betrag.describe('monatlicher Betrag in Euro nach den für diese Einnahme schon abgesetzten Beträgen'),
});

export const einkommenSchema = z.discriminatedUnion('art', [
  einkommenErwerbSchema,
  einkommenSelbststaendigSchema,
  einkommenEinmaligSchema,
  einkommenSonstigesSchema,
]);

export const ROLLEN = ['antragsteller', 'partner', 'kind', 'sonstige'] as const;

export const personSchema = z.strictObject({
  id: z.string().min(1).max(100),
  geburtsdatum: datum,
  rolle: z.enum(ROLLEN),
  inBedarfsgemeinschaft: z
    .boolean()
    .optional()
    .describe('Standard: true, außer bei "sonstige"; Personen außerhalb zählen trotzdem für den Kopfteil der Unterkunft'),
  erwerbsfaehig: z.boolean().optional().describe('Standard: ab 15 Jahren erwerbsfähig'),
  kindergeldberechtigter: z
    .string()
    .min(1)
    .optional()
    .describe('bei einem Kind: id der Person, die das Kindergeld erhält (Standard: Antragsteller)'),
  alleinerziehend: z.boolean().optional().describe('übersteuert den aus dem Haushalt abgeleiteten Wert'),
  schwanger: z.boolean().optional().describe('schwanger nach der 12. Woche in diesem Zeitraum (oder Entbindungsmonat)'),
  mehrbedarf: z
    .strictObject({
      behinderung: z.boolean().optional(),
      ernaehrung: betrag.optional(),
      unabweisbar: betrag.optional(),
      schulbuecher: betrag.optional(),
    })
    .optional(),
  ausbildung: z
    .enum(['schule', 'ausbildung', 'studium'])
    .optional()
    .describe(
      'besucht eine Schule, ist in Ausbildung oder studiert: unter 25 gilt für Erwerbseinkommen § 11b Abs. 2b SGB II (ab 1.7.2023)',
    ),
  sgb12: z
    .boolean()
    .optional()
    .describe(
      'Partner, der nicht nach SGB II leistungsberechtigt ist (Altersrente, Grundsicherung im Alter oder bei Erwerbsminderung nach SGB XII): gemischte Bedarfsgemeinschaft – eigener Bedarf nach SGB XII, Einkommen zuerst dafür, nur der Überschuss zählt für die Bedarfsgemeinschaft',
    ),
  einkommen: z.array(einkommenSchema).max(50).optional(),
  vermoegen: betrag.optional().describe('zu berücksichtigendes (verwertbares, nicht geschütztes) Vermögen in Euro'),
  minderungProzent: z.number().int().min(0).max(100).optional(),
  nichtErreichbar: z
    .boolean()
    .optional()
    .describe(
      '§ 7b Abs. 4 SGB II (ab 1.7.2026): die erwerbsfähige Person gilt in diesem Monat als nicht erreichbar; ihr gesamter Anspruch (Regelbedarf, Mehrbedarfe, Kopfteil der Unterkunft) entfällt, ihr Kopfteil geht an die übrigen Mitglieder der Bedarfsgemeinschaft',
    ),
});

export const unterkunftSchema = z.strictObject({
  grundmiete: betrag,
  nebenkosten: betrag,
  heizkosten: betrag,
  warmwasserDezentral: z.boolean().optional(),
  angemessen: z
    .strictObject({
      bruttokaltmiete: betrag.optional().describe('abstrakt angemessene Bruttokaltmiete der Kommune für diese Haushaltsgröße'),
      heizkosten: betrag.optional().describe('angemessene Heizkosten'),
    })
    .optional(),
});

export const berechnungInputSchema = z
  .strictObject({
    version: z.literal(1),
    zeitraum: z.union([
      monat,
      z.strictObject({ von: datum, bis: datum }).describe('Teil eines Kalendermonats, beide Tage einschließlich'),
    ]),
    leistungsbeginn: monat.optional().describe('erster Monat des laufenden Leistungsbezugs; fehlt er, läuft die Karenzzeit'),
    fruehererBezug: z
      .array(z.strictObject({ von: monat, bis: monat }).describe('Monate mit Leistungen nach SGB II oder SGB XII, beide einschließlich'))
      .max(50)
      .optional()
      .describe(
        'frühere Bezugszeiträume vor dem leistungsbeginn: sie verlängern die Karenzzeiten um die Monate ohne Bezug; nach mindestens drei Jahren ohne Bezug beginnt eine neue Karenzzeit (§ 12 Abs. 3, § 22 Abs. 1 SGB II)',
      ),
    bewilligungszeitraumBeginn: monat
      .optional()
      .describe('Beginn des Bewilligungszeitraums; fehlt er, gilt der berechnete Monat als Beginn'),
    personen: z.array(personSchema).min(1).max(30),
    unterkunft: unterkunftSchema.optional().describe('fehlt sie, entstehen keine Kosten der Unterkunft'),
  })
  .describe('Leistungsberechnung SGB II, Eingabe Version 1');

const ausgabeBetrag = z.number().describe('Euro');

export const mehrbedarfErgebnisSchema = z.strictObject({
  art: z.enum([
    'schwangerschaft',
    'alleinerziehend',
    'behinderung',
    'ernaehrung',
    'unabweisbar',
    'schulbuecher',
    'warmwasser',
    'kappung',
  ]),
  betrag: ausgabeBetrag,
  norm: z.string(),
});

export const personErgebnisSchema = z.strictObject({
  id: z.string(),
  inBedarfsgemeinschaft: z.boolean(),
  regelbedarfsstufe: z.number().int().min(1).max(6).nullable(),
  regelbedarf: ausgabeBetrag,
  mehrbedarfe: z.array(mehrbedarfErgebnisSchema),
  unterkunft: ausgabeBetrag,
  bedarf: ausgabeBetrag,
  einkommen: ausgabeBetrag,
  anspruch: ausgabeBetrag,
  minderung: ausgabeBetrag,
  sofortzuschlag: ausgabeBetrag,
});

export const schrittSchema = z.strictObject({
  text: z.string(),
  norm: z.string(),
  betrag: ausgabeBetrag,
  person: z.string().nullable(),
  quelle: z
    .string()
    .optional()
    .describe('Herkunft des Werts: Fundstelle des angewandten Rechtsparameters (z. B. „§ 20 Abs. 1a SGB II i.V.m. RBSFV 2024“) oder „Angaben im Fall“'),
});

export const berechnungErgebnisSchema = z
  .strictObject({
    version: z.literal(1),
    rechtsstand: z.string().describe('jüngstes Inkrafttreten unter den angewandten Regeln'),
    fortgeschrieben: z
      .strictObject({
        rechtBekanntBis: z.string().describe('letzter Tag des hinterlegten Rechts (JJJJ-MM-TT), dessen Werte verwendet wurden'),
      })
      .optional()
      .describe(
        'nur vorhanden, wenn der Monat nach dem letzten Tag des hinterlegten Rechts liegt: berechnet mit den zuletzt bekannten Werten (fortgeschrieben); ändern sich die Werte, ist neu zu berechnen',
      ),
    leistung: z.string(),
    hilfebeduerftig: z.boolean(),
    ablehnungsgrund: z
      .enum(['einkommen', 'vermoegen', 'nicht_erreichbar'])
      .nullable()
      .describe('nicht_erreichbar: kein Anspruch, weil alle Mitglieder mit Bedarf nach § 7b Abs. 4 SGB II als nicht erreichbar gelten'),
    gesamtbedarf: ausgabeBetrag,
    einkommen: ausgabeBetrag,
    anspruch: ausgabeBetrag.describe('Summe der Ansprüche der Personen nach Minderungen, ohne Sofortzuschlag'),
    sofortzuschlag: ausgabeBetrag,
    auszahlung: ausgabeBetrag.describe('anspruch + sofortzuschlag'),
    personen: z.array(personErgebnisSchema),
    schritte: z.array(schrittSchema),
  })
  .describe('Leistungsberechnung SGB II, Ergebnis Version 1');

export type BerechnungInput = z.infer<typeof berechnungInputSchema>;
export type PersonInput = z.infer<typeof personSchema>;
export type EinkommenInput = z.infer<typeof einkommenSchema>;
export type UnterkunftInput = z.infer<typeof unterkunftSchema>;
export type BerechnungErgebnis = z.infer<typeof berechnungErgebnisSchema>;
export type PersonErgebnis = z.infer<typeof personErgebnisSchema>;
export type MehrbedarfErgebnis = z.infer<typeof mehrbedarfErgebnisSchema>;
export type Schritt = z.infer<typeof schrittSchema>;
