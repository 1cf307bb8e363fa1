/**
 * Exchange format version 1 of the § 48a Kennzahlen engine (docs/statistik.md, "Kennzahlen nach § 48a SGB II"):
 * the input a caller hands to `npx vorort kennzahlen` or `berechneKennzahlen`, the result it gets back, and the
 * error the engine throws for invalid input. Plain zod objects without transforms (like src/domain/berechnung/schema.ts),
 * unknown fields are rejected. Amounts are euros with at most two decimals; dates are ISO days, `bis` inclusive,
 * `null` = open.
 */
import { z } from 'zod';
import { istKalenderdatum } from '../berechnung/datum.ts';
import { pfadText } from '../berechnung/fehler.ts';
import { EREIGNIS_ARTEN, KENNZAHLEN, type Kennzahl } from './typen.ts';

const datum = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(istKalenderdatum, { message: 'kein gültiges Kalenderdatum' })
  .describe('Kalenderdatum JJJJ-MM-TT');

const monat = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('Kalendermonat JJJJ-MM');

const betrag = z
  .number()
  .min(0)
  .multipleOf(0.01)
  .max(1_000_000_000_000)
  .describe('Summe in Euro, höchstens zwei Nachkommastellen, nicht negativ');

export const periodeSchema = z
  .strictObject({
    von: datum.describe('erster Tag (einschließlich)'),
    bis: datum.nullable().describe('letzter Tag (einschließlich); null = offen'),
  })
  .describe('Zeitraum, beide Tage einschließlich');

const perioden = z.array(periodeSchema).max(10_000);

export const GESCHLECHTER = ['w', 'm', 'd', 'unbekannt'] as const;

export const ereignisSchema = z.strictObject({
  datum: datum.describe('Tag der Aufnahme'),
  art: z
    .enum(EREIGNIS_ARTEN)
    .describe(
      'svb = sozialversicherungspflichtige Beschäftigung, ausbildung = voll qualifizierende Ausbildung, selbststaendig = selbständige Tätigkeit (diese drei sind Integrationen); minijob = geringfügige Beschäftigung (K2E1), oeffentlich_gefoerdert = öffentlich geförderte Beschäftigung (K2E2)',
    ),
});

export const kennzahlenPersonSchema = z.strictObject({
  id: z.string().min(1).max(200),
  geschlecht: z.enum(GESCHLECHTER).optional().describe('wird angenommen, in Version 1 aber nicht ausgewertet'),
  elb: perioden.describe('Zeiträume, in denen die Person erwerbsfähige Leistungsberechtigte mit Leistungsbezug war'),
  alleinerziehend: perioden.optional().describe('Zeiträume, in denen die Person alleinerziehend war'),
  ereignisse: z.array(ereignisSchema).max(10_000).optional(),
  svBeschaeftigung: perioden.optional().describe('Zeiträume sozialversicherungspflichtiger Beschäftigung'),
  massnahmen: perioden.optional().describe('Zeiträume in einer Maßnahme der aktiven Arbeitsförderung (§ 2 Abs. 2 Nr. 1 KennzV)'),
});

export const leistungsmonatSchema = z.strictObject({
  monat,
  llu: betrag.describe('Summe der Leistungen zum Lebensunterhalt (§§ 20, 21, 23, 24 Abs. 1 SGB II) des Monats in Euro'),
  luh: betrag.describe('Summe der Leistungen für Unterkunft und Heizung (§ 22 SGB II) des Monats in Euro'),
});

export const kennzahlenInputSchema = z
  .strictObject({
    version: z.literal(1),
    bezugsmonat: monat,
    personen: z.array(kennzahlenPersonSchema),
    leistungen: z.array(leistungsmonatSchema).describe('Monatssummen des Trägers (Leistungsanspruch); fehlt ein Monat, sind K1 bzw. K1E1 null'),
  })
  .describe('Kennzahlen nach § 48a SGB II, Eingabe Version 1');

export const kennzahlWertSchema = z
  .strictObject({
    wert: z.number().describe('Prozent, kaufmännisch auf eine Nachkommastelle gerundet'),
    zaehler: z.number(),
    nenner: z.number().describe('bei K2, K2E1, K2E2, K2E4 und K3E1 der Durchschnittsbestand (kann Nachkommastellen haben)'),
  })
  .nullable()
  .describe('null: Nenner 0 oder Daten eines benötigten Monats fehlen');

export const kennzahlenErgebnisSchema = z
  .strictObject({
    version: z.literal(1),
    bezugsmonat: monat,
    kennzahlen: z.strictObject(Object.fromEntries(KENNZAHLEN.map((k) => [k, kennzahlWertSchema])) as Record<Kennzahl, typeof kennzahlWertSchema>),
  })
  .describe('Kennzahlen nach § 48a SGB II, Ergebnis Version 1');

export type KennzahlenInput = z.infer<typeof kennzahlenInputSchema>;
export type KennzahlenPerson = z.infer<typeof kennzahlenPersonSchema>;
export type Periode = z.infer<typeof periodeSchema>;

/** Stable machine codes of invalid input. */
export type KennzahlenFehlerCode = 'schema_ungueltig' | 'id_doppelt' | 'periode_ungueltig' | 'monat_doppelt' | 'ausserhalb_rechtsstand';

/** Invalid input. `pfad` is a JSON path such as "personen[1].elb[0].bis"; the message is German. */
export class KennzahlenFehler extends Error {
  readonly code: KennzahlenFehlerCode;
  readonly pfad: string;
  constructor(code: KennzahlenFehlerCode, pfad: string, message: string) {
    super(message);
    this.name = 'KennzahlenFehler';
    this.code = code;
    this.pfad = pfad;
  }

  toJSON(): { error: KennzahlenFehlerCode; pfad: string; message: string } {
    return { error: this.code, pfad: this.pfad, message: this.message };
  }
}

const TYPNAME: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  boolean: 'true oder false',
  object: 'Objekt',
  array: 'Liste',
  null: 'null',
};

function typ(x: unknown): string {
  return TYPNAME[x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x] ?? String(typeof x);
}

function wertAn(wurzel: unknown, pfad: readonly PropertyKey[]): unknown {
  let x: unknown = wurzel;
  for (const teil of pfad) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<PropertyKey, unknown>)[teil];
  }
  return x;
}

/** Turns the first zod issue into a KennzahlenFehler with a German message. */
export function kennzahlenFehlerAusZod(fehler: z.ZodError, eingabe: unknown): KennzahlenFehler {
  const issue = fehler.issues[0] as z.core.$ZodIssue;
  const pfad = pfadText(issue.path);
  const wo = pfad === '' ? 'Eingabe' : pfad;
  const f = (text: string) => new KennzahlenFehler('schema_ungueltig', pfad, `${wo}: ${text}`);
  switch (issue.code) {
    case 'invalid_type': {
      const ist = wertAn(eingabe, issue.path);
      if (ist === undefined) return f('Angabe fehlt.');
      return f(`erwartet ${TYPNAME[issue.expected] ?? issue.expected}, erhalten ${typ(ist)}.`);
    }
    case 'too_small':
      if (issue.origin === 'number') return f('Beträge dürfen nicht negativ sein.');
      if (issue.origin === 'string') return f('darf nicht leer sein.');
      return f(`Wert zu klein (Minimum ${issue.minimum}).`);
    case 'too_big':
      return f(issue.origin === 'array' ? `höchstens ${issue.maximum} Einträge.` : `Wert zu groß (Maximum ${issue.maximum}).`);
    case 'not_multiple_of':
      return f('höchstens zwei Nachkommastellen (volle Cent).');
    case 'invalid_format':
      return f(`Format ungültig (erwartet ${issue.path.at(-1) === 'bezugsmonat' || issue.path.at(-1) === 'monat' ? 'JJJJ-MM' : 'JJJJ-MM-TT'}).`);
    case 'invalid_value':
      return f(`unzulässiger Wert, erlaubt: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`);
    case 'unrecognized_keys':
      return f(`unbekannte Angabe ${issue.keys.map((k) => `"${k}"`).join(', ')}.`);
    case 'custom':
      return f(issue.message === 'kein gültiges Kalenderdatum' ? 'kein gültiges Kalenderdatum.' : 'ungültig.');
    default:
      return f('ungültige Angabe.');
  }
}
