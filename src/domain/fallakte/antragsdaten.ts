/**
 * Structured data of an application ("Antragsdaten", docs/fallakte.md). One shape for every way in: the staff
 * form (paper, phone, counter), the JSON API and – next issue – the citizen portal, which stores it in
 * `antraege.payload` as `{ schema: 'vorort.antrag.erstantrag', version: 1, daten }`; taking it over into a
 * Fallakte runs the same code as a paper application, so nothing is typed twice. Money in cents.
 */
import { z } from 'zod';
import { istKalenderdatum } from '../berechnung/datum.ts';
import { ersterTag, monatVon } from './datum.ts';
import { AUSBILDUNGEN, EINKOMMEN_ARTEN, FAMILIENSTAENDE, HEIZUNGSARTEN, ROLLEN, UNTERHALT_VERHAELTNISSE } from './typen.ts';

/**
 * First day of the law the engine knows (src/domain/recht): an earlier Antragsdatum cannot be decided. There is no
 * upper bound: months after the last known law date are computed with the law carried forward ("fortgeschrieben",
 * docs/berechnung.md); an Antragsdatum may only not lie after today (checked where the clock is known).
 */
export const RECHTSSTAND_VON = '2021-01-01';

export const datumSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum im Format JJJJ-MM-TT angeben.')
  .refine(istKalenderdatum, { message: 'Dieses Datum gibt es nicht.' })
  .describe('Kalenderdatum JJJJ-MM-TT');

const centSchema = z.number().int().min(0).max(100_000_000).describe('Betrag in Cent');
const text = (max: number) => z.string().trim().min(1).max(max);

export const ANTRAG_ARTEN = ['erstantrag', 'weiterbewilligung', 'veraenderung'] as const;
export const EINGANGSKANAELE = ['papier', 'telefon', 'schalter', 'online'] as const;
export const ANTRAG_STATUS = ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen', 'entschieden', 'zurueckgenommen'] as const;
export const OFFENE_STATUS = ['eingegangen', 'in_bearbeitung', 'wartet_auf_unterlagen'] as const;

const SONSTIGE_ARTEN = [
  'kindergeld',
  'unterhalt',
  'unterhaltsvorschuss',
  'rente',
  'arbeitslosengeld',
  'krankengeld',
  'elterngeld',
  'sonstiges',
] as const satisfies readonly Exclude<(typeof EINKOMMEN_ARTEN)[number], 'erwerbstaetigkeit' | 'selbststaendigkeit' | 'einmalig'>[];

export const einkommenDatenSchema = z.discriminatedUnion('art', [
  z.strictObject({
    art: z.literal('erwerbstaetigkeit'),
    bezeichnung: z.string().trim().max(200).optional().describe('z. B. Arbeitgeber'),
    bruttoCent: centSchema,
    nettoCent: centSchema,
    absetzungenCent: centSchema.optional().describe('nachgewiesene Absetzungen nach § 11b Abs. 1 S. 1 Nr. 3–5'),
    ferienjob: z.boolean().optional().describe('Ferienjob einer Schülerin oder eines Schülers unter 25 (§ 11a Abs. 7 SGB II)'),
  }),
  z
    .strictObject({
      art: z.literal('selbststaendigkeit'),
      bezeichnung: z.string().trim().max(200).optional(),
      betragCent: centSchema.optional().describe('alte Form: monatlicher Betrag nach allen Absetzungen (statt Gewinn und netto)'),
      bruttoCent: centSchema.optional().describe('monatlicher Gewinn: Betriebseinnahmen minus Betriebsausgaben'),
      nettoCent: centSchema.optional().describe('Gewinn nach Steuern und Pflichtbeiträgen'),
      absetzungenCent: centSchema.optional().describe('nachgewiesene Absetzungen nach § 11b Abs. 1 S. 1 Nr. 3–5'),
    })
    .superRefine((e, c) => {
      if (e.bruttoCent === undefined && e.nettoCent === undefined) {
        if (e.betragCent === undefined) c.addIssue({ code: 'custom', path: ['bruttoCent'], message: 'Bitte geben Sie den Gewinn an.' });
        return;
      }
      if (e.bruttoCent === undefined) c.addIssue({ code: 'custom', path: ['bruttoCent'], message: 'Bitte geben Sie den Gewinn an.' });
      if (e.nettoCent === undefined) c.addIssue({ code: 'custom', path: ['nettoCent'], message: 'Bitte geben Sie den Gewinn nach Steuern und Pflichtbeiträgen an.' });
      if (e.bruttoCent !== undefined && e.nettoCent !== undefined && e.nettoCent > e.bruttoCent) {
        c.addIssue({ code: 'custom', path: ['nettoCent'], message: 'Der Gewinn nach Steuern und Pflichtbeiträgen darf nicht höher sein als der Gewinn.' });
      }
    }),
  z.strictObject({
    art: z.literal('einmalig'),
    bezeichnung: z.string().trim().max(200).optional(),
    betragCent: centSchema.describe('ganzer Betrag der einmaligen Einnahme'),
    zuflussDatum: datumSchema.describe('Tag des Zuflusses (§ 11 Abs. 3 SGB II)'),
    erbschaft: z.boolean().optional().describe('Einnahme aus einer Erbschaft (ab 1.7.2023 Vermögen, § 11a Abs. 1 Nr. 7 SGB II)'),
  }),
  z.strictObject({
    art: z.enum(SONSTIGE_ARTEN),
    bezeichnung: z.string().trim().max(200).optional(),
    betragCent: centSchema,
  }),
]);

export const vermoegenDatenSchema = z.strictObject({
  bezeichnung: text(200),
  wertCent: centSchema.describe('zu berücksichtigender Wert in Cent'),
});

export const mehrbedarfDatenSchema = z.strictObject({
  behinderung: z.boolean().optional(),
  ernaehrungCent: centSchema.optional(),
  unabweisbarCent: centSchema.optional(),
  schulbuecherCent: centSchema.optional(),
});

export const merkmaleDatenSchema = z.strictObject({
  erwerbsfaehig: z.boolean().nullable().optional().describe('leer: ab 15 Jahren erwerbsfähig'),
  schwanger: z.boolean().optional(),
  mehrbedarf: mehrbedarfDatenSchema.optional(),
  alleinerziehend: z.boolean().nullable().optional().describe('übersteuert den abgeleiteten Wert'),
  ausbildung: z.enum(AUSBILDUNGEN).nullable().optional().describe('Schule, Ausbildung oder Studium (§ 11b Abs. 2b SGB II)'),
  sgb12: z.boolean().optional().describe('Partner bezieht Altersrente oder Leistungen nach SGB XII (gemischte Bedarfsgemeinschaft)'),
});

export const stammdatenSchema = z.strictObject({
  vorname: text(100),
  nachname: text(100),
  geburtsdatum: datumSchema,
  geschlecht: z.enum(['w', 'm', 'd']).nullable().optional(),
  staatsangehoerigkeit: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Bitte den zweistelligen Ländercode angeben, z. B. DE (XX = staatenlos oder ungeklärt).')
    .describe('ISO-3166-1-Code, XX = staatenlos/ungeklärt'),
  familienstand: z.enum(FAMILIENSTAENDE).nullable().optional(),
  telefon: z.string().trim().max(40).nullable().optional().describe('Telefonnummer wie angegeben'),
  email: z.string().trim().max(254).nullable().optional().describe('E-Mail-Adresse wie angegeben'),
});

export const personDatenSchema = z.strictObject({
  ref: z.string().min(1).max(40).describe('Verweis innerhalb des Antrags, z. B. "p1"'),
  ...stammdatenSchema.shape,
  rolle: z.enum(ROLLEN),
  inBedarfsgemeinschaft: z.boolean().optional().describe('Standard: ja, außer bei "sonstige" (nur Haushalt)'),
  ...merkmaleDatenSchema.shape,
  kindergeldberechtigter: z.string().max(40).optional().describe('ref der Person, die das Kindergeld erhält'),
  eltern: z.array(z.string().max(40)).max(2).optional().describe('refs der Eltern (bei Kindern; Standard: Antragsteller und Partner)'),
  einkommen: z.array(einkommenDatenSchema).max(20).optional(),
  vermoegen: z.array(vermoegenDatenSchema).max(20).optional(),
});

export const adresseDatenSchema = z.strictObject({
  strasse: text(200),
  hausnummer: text(20),
  zusatz: z.string().trim().max(200).nullable().optional(),
  plz: z.string().regex(/^\d{5}$/, 'Bitte eine fünfstellige Postleitzahl angeben.'),
  ort: text(200),
  kommuneId: z.uuid().describe('Kommune des Wohnorts (bestimmt den zuständigen Standort)'),
});

export const bankDatenSchema = z.strictObject({
  iban: z.string().trim().min(1).max(50).describe('IBAN, Leerzeichen erlaubt'),
  bic: z.string().trim().max(11).nullable().optional(),
  kontoinhaber: text(200),
});

export const unterkunftDatenSchema = z.strictObject({
  grundmieteCent: centSchema,
  nebenkostenCent: centSchema,
  heizkostenCent: centSchema,
  warmwasserDezentral: z.boolean().optional(),
  wohnflaecheQm: z.number().int().min(1).max(10000).nullable().optional().describe('Wohnfläche in m²'),
  heizungsart: z.enum(HEIZUNGSARTEN).nullable().optional(),
});

export const unterhaltspflichtigerDatenSchema = z.strictObject({
  name: text(200),
  verhaeltnis: z.enum(UNTERHALT_VERHAELTNISSE),
  fuer: z.string().max(40).nullable().optional().describe('ref der Person, der Unterhalt geschuldet wird'),
  zahlt: z.boolean().nullable().optional(),
  betragCent: centSchema.nullable().optional().describe('tatsächlich gezahlter Betrag je Monat'),
  titel: z.boolean().nullable().optional().describe('Unterhaltstitel (Urteil, Urkunde) vorhanden'),
});

export const erstantragDatenSchema = z
  .strictObject({
    antragsdatum: datumSchema.describe('Tag des Antrags; Leistungen ab dem Ersten dieses Monats (§ 37 Abs. 2 SGB II)'),
    eingangskanal: z.enum(EINGANGSKANAELE),
    standortId: z.uuid().optional().describe('zuständiger Standort; Standard: Standort der Kommune der Anschrift'),
    personen: z.array(personDatenSchema).min(1).max(20),
    adresse: adresseDatenSchema,
    bank: bankDatenSchema.nullable().optional(),
    unterkunft: unterkunftDatenSchema.nullable().optional(),
    unterhaltspflichtige: z.array(unterhaltspflichtigerDatenSchema).max(20).optional(),
    faelligAm: datumSchema.optional().describe('Frist im Arbeitsvorrat; Standard: Antragsdatum + 14 Tage'),
  })
  .describe('Erstantrag: Bedarfsgemeinschaft mit Personen, Anschrift, Bank, Einkommen, Unterkunft');

export type ErstantragDaten = z.infer<typeof erstantragDatenSchema>;
export type PersonDaten = z.infer<typeof personDatenSchema>;
export type EinkommenDaten = z.infer<typeof einkommenDatenSchema>;

/** The envelope an application's `payload` carries. */
export const ERSTANTRAG_PAYLOAD_SCHEMA = 'vorort.antrag.erstantrag';
export type AntragPayload = { schema: typeof ERSTANTRAG_PAYLOAD_SCHEMA; version: 1; daten: ErstantragDaten };

export type FachlichesProblem = { path: string; code: string; message: string };

/** Start of benefits for an application: the first day of the month of the Antragsdatum (§ 37 Abs. 2 S. 2 SGB II). */
export function leistungsbeginn(antragsdatum: string): string {
  return ersterTag(monatVon(antragsdatum));
}

export function imRechtsstand(tag: string): boolean {
  return tag >= RECHTSSTAND_VON;
}

export const ANTRAGSDATUM_VOR_RECHTSSTAND = 'Das Antragsdatum darf nicht vor dem 01.01.2021 liegen (frühester unterstützter Rechtsstand).';
export const ANTRAGSDATUM_IN_ZUKUNFT = 'Das Antragsdatum darf nicht in der Zukunft liegen.';

/**
 * Checks what the schema cannot: one Antragsteller, at most one partner, references, law in force, and – when
 * `heute` (the calendar day in Europe/Berlin) is given – an Antragsdatum that is not in the future.
 */
export function pruefeErstantrag(d: ErstantragDaten, heute?: string): FachlichesProblem[] {
  const probleme: FachlichesProblem[] = [];
  if (!imRechtsstand(d.antragsdatum)) {
    probleme.push({ path: 'antragsdatum', code: 'datum_ausserhalb_rechtsstand', message: ANTRAGSDATUM_VOR_RECHTSSTAND });
  } else if (heute && d.antragsdatum > heute) {
    probleme.push({ path: 'antragsdatum', code: 'antragsdatum_in_zukunft', message: ANTRAGSDATUM_IN_ZUKUNFT });
  }
  const antragsteller = d.personen.filter((p) => p.rolle === 'antragsteller').length;
  if (antragsteller !== 1) {
    probleme.push({ path: 'personen', code: 'antragsteller_genau_einmal', message: 'Es muss genau eine antragstellende Person angegeben sein.' });
  }
  if (d.personen.filter((p) => p.rolle === 'partner').length > 1) {
    probleme.push({ path: 'personen', code: 'partner_hoechstens_einmal', message: 'Es kann höchstens eine Partnerin oder ein Partner angegeben sein.' });
  }
  const refs = new Set<string>();
  d.personen.forEach((p, i) => {
    if (refs.has(p.ref)) probleme.push({ path: `personen.${i}.ref`, code: 'ref_doppelt', message: 'Dieser Verweis kommt mehrfach vor.' });
    refs.add(p.ref);
    if (p.geburtsdatum > d.antragsdatum && p.rolle !== 'kind') {
      probleme.push({ path: `personen.${i}.geburtsdatum`, code: 'geburtsdatum_nach_antrag', message: 'Das Geburtsdatum liegt nach dem Antragsdatum.' });
    }
  });
  d.personen.forEach((p, i) => {
    if (p.kindergeldberechtigter && !refs.has(p.kindergeldberechtigter)) {
      probleme.push({ path: `personen.${i}.kindergeldberechtigter`, code: 'ref_unbekannt', message: 'Diese Person gehört nicht zum Antrag.' });
    }
    for (const e of p.eltern ?? []) {
      if (!refs.has(e) || e === p.ref) probleme.push({ path: `personen.${i}.eltern`, code: 'ref_unbekannt', message: 'Diese Person gehört nicht zum Antrag.' });
    }
  });
  (d.unterhaltspflichtige ?? []).forEach((u, i) => {
    if (u.fuer && !refs.has(u.fuer)) probleme.push({ path: `unterhaltspflichtige.${i}.fuer`, code: 'ref_unbekannt', message: 'Diese Person gehört nicht zum Antrag.' });
  });
  return probleme;
}
