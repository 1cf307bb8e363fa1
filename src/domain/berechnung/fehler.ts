import type { z } from 'zod';

/** Stable machine codes of invalid input. */
export type FehlerCode =
  | 'schema_ungueltig'
  | 'negativer_betrag'
  | 'zeitraum_ungueltig'
  | 'zeitraum_ausserhalb_rechtsstand'
  | 'geburtsdatum_nach_zeitraum'
  | 'kind_aelter_als_elternteil'
  | 'kind_25_oder_aelter'
  | 'keine_person_in_bg'
  | 'keine_erwerbsfaehige_person'
  | 'erwerbsfaehig_unter_15'
  | 'antragsteller_fehlt'
  | 'antragsteller_mehrfach'
  | 'partner_mehrfach'
  | 'id_doppelt'
  | 'unbekannte_person'
  | 'kindergeldberechtigter_ungueltig'
  | 'leistungsbeginn_nach_zeitraum'
  | 'bewilligungszeitraum_ungueltig'
  | 'alleinerziehend_ohne_kind'
  | 'mehrbedarf_behinderung_unter_15'
  | 'netto_groesser_brutto'
  | 'minderung_unzulaessig'
  | 'nicht_erreichbar_unzulaessig'
  | 'selbststaendigkeit_ungueltig'
  | 'ferienjob_unzulaessig'
  | 'zufluss_nach_zeitraum'
  | 'sgb12_unzulaessig'
  | 'frueherer_bezug_ungueltig'
  | 'kind_ausserhalb_bg_ungedeckt';

/** Invalid input or impossible facts. `pfad` is a JSON path such as "personen[1].geburtsdatum". */
export class BerechnungsFehler extends Error {
  readonly code: FehlerCode;
  readonly pfad: string;
  constructor(code: FehlerCode, pfad: string, message: string) {
    super(message);
    this.name = 'BerechnungsFehler';
    this.code = code;
    this.pfad = pfad;
  }

  toJSON(): { error: FehlerCode; pfad: string; message: string } {
    return { error: this.code, pfad: this.pfad, message: this.message };
  }
}

/** ["personen", 1, "geburtsdatum"] → "personen[1].geburtsdatum" */
export function pfadText(pfad: readonly PropertyKey[]): string {
  let s = '';
  for (const teil of pfad) {
    if (typeof teil === 'number') s += `[${teil}]`;
    else s += s === '' ? String(teil) : `.${String(teil)}`;
  }
  return s;
}

const TYPNAME: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  boolean: 'true oder false',
  object: 'Objekt',
  array: 'Liste',
  undefined: 'nichts',
  null: 'null',
};

function typ(x: unknown): string {
  return TYPNAME[x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x] ?? String(typeof x);
}

/** Turns the first zod issue into a BerechnungsFehler with a German message. */
export function fehlerAusZod(fehler: z.ZodError, eingabe: unknown): BerechnungsFehler {
  const issue = tiefsteIssue(fehler.issues[0] as z.core.$ZodIssue);
  const pfad = pfadText(issue.path);
  const wo = pfad === '' ? 'Eingabe' : pfad;
  switch (issue.code) {
    case 'invalid_type': {
      const ist = wertAn(eingabe, issue.path);
      if (ist === undefined) return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: Angabe fehlt.`);
      return new BerechnungsFehler(
        'schema_ungueltig',
        pfad,
        `${wo}: erwartet ${TYPNAME[issue.expected] ?? issue.expected}, erhalten ${typ(ist)}.`,
      );
    }
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) {
        return new BerechnungsFehler('negativer_betrag', pfad, `${wo}: Beträge dürfen nicht negativ sein.`);
      }
      if (issue.origin === 'array') {
        if (pfad === 'personen') return new BerechnungsFehler('keine_person_in_bg', pfad, 'Die Eingabe enthält keine Person; eine Bedarfsgemeinschaft braucht mindestens eine.');
        return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: mindestens ${issue.minimum} ${Number(issue.minimum) === 1 ? 'Eintrag' : 'Einträge'} nötig.`);
      }
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: Wert zu klein (Minimum ${issue.minimum}).`);
    case 'too_big':
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: Wert zu groß (Maximum ${issue.maximum}).`);
    case 'not_multiple_of':
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: höchstens zwei Nachkommastellen (volle Cent).`);
    case 'invalid_format':
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: Format ungültig (erwartet JJJJ-MM-TT bzw. JJJJ-MM).`);
    case 'invalid_value':
      return new BerechnungsFehler(
        'schema_ungueltig',
        pfad,
        `${wo}: unzulässiger Wert, erlaubt: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
      );
    case 'unrecognized_keys':
      return new BerechnungsFehler(
        'schema_ungueltig',
        pfad,
        `${wo}: unbekannte Angabe ${issue.keys.map((k) => `"${k}"`).join(', ')}.`,
      );
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        return new BerechnungsFehler(
          'schema_ungueltig',
          pfad,
          `${wo}: unbekannte Einkommensart, erlaubt: ${((issue as { options?: unknown[] }).options ?? []).map(String).join(', ')}.`,
        );
      }
      return new BerechnungsFehler(
        'schema_ungueltig',
        pfad,
        pfad === 'zeitraum'
          ? 'zeitraum: erwartet ein Monat "JJJJ-MM" oder {"von": "JJJJ-MM-TT", "bis": "JJJJ-MM-TT"}.'
          : `${wo}: Angabe passt zu keiner erlaubten Form.`,
      );
    case 'custom':
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: ${issue.message === 'kein gültiges Kalenderdatum' ? 'kein gültiges Kalenderdatum' : 'ungültig'}.`);
    default:
      return new BerechnungsFehler('schema_ungueltig', pfad, `${wo}: ungültige Angabe.`);
  }
}

/** For a union where every branch failed at a deeper path, report the deepest specific issue. */
function tiefsteIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors) || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue | undefined;
  for (const zweig of issue.errors) {
    const erste = zweig[0];
    if (erste && (best === undefined || erste.path.length > best.path.length)) best = erste;
  }
  if (!best || best.path.length === 0) return issue;
  return tiefsteIssue({ ...best, path: [...issue.path, ...best.path] } as z.core.$ZodIssue);
}

function wertAn(wurzel: unknown, pfad: readonly PropertyKey[]): unknown {
  let x: unknown = wurzel;
  for (const teil of pfad) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<PropertyKey, unknown>)[teil];
  }
  return x;
}
