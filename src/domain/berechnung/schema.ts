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

export const einkommenSonstigesSchema = z.strictObject({
  art: z.enum(EINKOMMENSARTEN),
  betrag: betrag.describe('monatlicher Betrag in Euro nach den für diese Einnahme schon abgesetzten Beträgen'),
});

export const einkommenSchema = z.discriminatedUnion('art', [einkommenErwerbSchema, einkommenSonstigesSchema]);

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
