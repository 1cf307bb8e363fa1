import { z } from 'zod';
import {
  ANTRAG_ARTEN,
  ANTRAG_STATUS,
  AUSBILDUNGEN,
  datumSchema,
  EINGANGSKANAELE,
  EINKOMMEN_ARTEN,
  FAMILIENSTAENDE,
  HEIZUNGSARTEN,
  ROLLEN,
} from '../../domain/fallakte/index.ts';
import { istSpeicherbar, UNZULAESSIGE_ZEICHEN } from '../schemas/grenzen.ts';
import { BETRAG_FEHLER, euroCent, euroTextInCent, ganzzahl, haekchen, leerAlsFehlend, leerAlsNull } from '../schemas/formular.ts';

/**
 * Inputs of the Fallakte's use cases: one object each, the Fallakte's id from the URL included. The same schema
 * parses the JSON API (numbers in cents, booleans) and the Fallakte page's forms (euro text "1.234,56", checkboxes,
 * empty fields), so both give the same field messages. The shapes follow the application data of
 * src/domain/fallakte (antragsdaten.ts); only the decoding of form text is added here.
 */

export const DATUM_FEHLT = 'Bitte ein Datum angeben.';
export const AUSFUELLEN = 'Bitte ausfüllen.';

/** The Fallakte (or Antrag, Wiedervorlage) from the URL; an unknown or malformed id answers 404 in the use case. */
const id = z.string().max(100).describe('ID (UUID)');
const version = ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 1, 2_147_483_647).describe('gelesene Version (optimistisches Sperren)');
/** A calendar day; an empty form field says "please give a date". */
const tag = () => z.string({ error: DATUM_FEHLT }).trim().min(1, { error: DATUM_FEHLT }).pipe(datumSchema);
const ab = tag().describe('gültig ab diesem Tag; der laufende Zeitraum endet am Vortag');
/** A required text; blank → "Bitte ausfüllen." */
const pflicht = (max: number, meldung = AUSFUELLEN) =>
  z
    .string({ error: meldung })
    .trim()
    .min(1, { error: meldung })
    .max(max)
    .refine(istSpeicherbar, { error: UNZULAESSIGE_ZEICHEN });
const freitext = (max: number) => z.string().trim().max(max).refine(istSpeicherbar, { error: UNZULAESSIGE_ZEICHEN });
const personWaehlen = (was = 'die Person') => z.uuid({ error: `Bitte wählen Sie ${was}.` });
/** An optional choice of a form: empty means "none given". */
const auswahlOptional = (was: string) => leerAlsFehlend(z.uuid({ error: `Bitte wählen Sie ${was}.` }));
const betrag = () => euroCent(BETRAG_FEHLER).describe('Betrag in Cent (Formular: Euro, z. B. 1234,56)');
/** An optional amount: an empty form field means 0 (e.g. an emptied Mehrbedarf ends it). */
const betragLeerNull = () =>
  z.preprocess((v) => (typeof v === 'string' && euroTextInCent(v) === null ? 0 : v), betrag()).optional();
/** ja / nein / not stated (form: "ja", "nein", ""; API: true, false, null). */
const jaNein = () => z.preprocess((v) => (v === 'ja' ? true : v === 'nein' ? false : v === '' ? null : v), z.boolean().nullable()).optional();

/** The kinds with their own fields; all others are a monthly amount (betragCent). */
type BetragArt = Exclude<(typeof EINKOMMEN_ARTEN)[number], 'erwerbstaetigkeit' | 'selbststaendigkeit' | 'einmalig'>;
const SONSTIGE_ARTEN = EINKOMMEN_ARTEN.filter((a): a is BetragArt => a !== 'erwerbstaetigkeit' && a !== 'selbststaendigkeit' && a !== 'einmalig');
export const NETTO_UEBER_BRUTTO = 'Der Gewinn nach Steuern und Pflichtbeiträgen darf nicht höher sein als der Gewinn.';
export const ZUFLUSS_FEHLT = 'Bitte geben Sie an, wann die Einnahme zugeflossen ist.';
const einkommenDaten = z.discriminatedUnion(
  'art',
  [
    z.strictObject({
      art: z.literal('erwerbstaetigkeit'),
      bezeichnung: leerAlsFehlend(freitext(200)).describe('z. B. Arbeitgeber'),
      bruttoCent: betrag(),
      nettoCent: betrag(),
      absetzungenCent: betrag().optional().describe('nachgewiesene Absetzungen nach § 11b Abs. 1 S. 1 Nr. 3–5'),
      ferienjob: haekchen().optional().describe('Ferienjob einer Schülerin oder eines Schülers unter 25 (§ 11a Abs. 7 SGB II)'),
    }),
    z
      .strictObject({
        art: z.literal('selbststaendigkeit'),
        bezeichnung: leerAlsFehlend(freitext(200)),
        betragCent: leerAlsFehlend(betrag()).describe('alte Form: monatlicher Betrag nach allen Absetzungen (statt Gewinn und netto)'),
        bruttoCent: leerAlsFehlend(betrag()).describe('monatlicher Gewinn: Betriebseinnahmen minus Betriebsausgaben'),
        nettoCent: leerAlsFehlend(betrag()).describe('Gewinn nach Steuern und Pflichtbeiträgen'),
        absetzungenCent: leerAlsFehlend(betrag()).describe('nachgewiesene Absetzungen nach § 11b Abs. 1 S. 1 Nr. 3–5'),
      })
      .superRefine((e, c) => {
        const gewinn = e.bruttoCent !== undefined || e.nettoCent !== undefined;
        if (gewinn) {
          if (e.bruttoCent === undefined) c.addIssue({ code: 'custom', path: ['bruttoCent'], message: 'Bitte geben Sie den Gewinn an.', params: { code: 'gewinn_fehlt' } });
          if (e.nettoCent === undefined) c.addIssue({ code: 'custom', path: ['nettoCent'], message: 'Bitte geben Sie den Gewinn nach Steuern und Pflichtbeiträgen an.', params: { code: 'netto_fehlt' } });
          if (e.bruttoCent !== undefined && e.nettoCent !== undefined && e.nettoCent > e.bruttoCent) {
            c.addIssue({ code: 'custom', path: ['nettoCent'], message: NETTO_UEBER_BRUTTO, params: { code: 'netto_ueber_brutto' } });
          }
        } else if (e.betragCent === undefined) {
          c.addIssue({ code: 'custom', path: ['bruttoCent'], message: 'Bitte geben Sie den Gewinn an.', params: { code: 'gewinn_fehlt' } });
        }
      }),
    z.strictObject({
      art: z.literal('einmalig'),
      bezeichnung: leerAlsFehlend(freitext(200)).describe('z. B. Steuererstattung, Abfindung'),
      betragCent: betrag(),
      zuflussDatum: z.string({ error: ZUFLUSS_FEHLT }).trim().min(1, { error: ZUFLUSS_FEHLT }).pipe(datumSchema).describe('Tag des Zuflusses; der Eintrag gilt ab diesem Tag'),
      erbschaft: haekchen().optional().describe('Einnahme aus einer Erbschaft (ab 1.7.2023 Vermögen, § 11a Abs. 1 Nr. 7 SGB II)'),
    }),
    z.strictObject({
      art: z.enum(SONSTIGE_ARTEN as [BetragArt, ...BetragArt[]]),
      bezeichnung: leerAlsFehlend(freitext(200)),
      betragCent: betrag(),
    }),
  ],
  { error: 'Bitte wählen Sie die Art des Einkommens.' },
);
export type EinkommenDaten = z.output<typeof einkommenDaten>;
const vermoegenDaten = z.strictObject({
  bezeichnung: pflicht(200, 'Bitte geben Sie an, um welches Vermögen es geht (z. B. Sparbuch, Auto).'),
  wertCent: betrag().describe('zu berücksichtigender Wert in Cent'),
});
const staatsangehoerigkeit = z
  .preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/, 'Bitte den zweistelligen Ländercode angeben, z. B. DE (XX = staatenlos oder ungeklärt).'))
  .describe('ISO-3166-1-Code, XX = staatenlos/ungeklärt');
const stammdaten = z.strictObject({
  vorname: pflicht(100),
  nachname: pflicht(100),
  geburtsdatum: tag(),
  geschlecht: leerAlsNull(z.enum(['w', 'm', 'd'])).optional(),
  staatsangehoerigkeit,
  familienstand: leerAlsNull(z.enum(FAMILIENSTAENDE)).optional(),
  telefon: leerAlsNull(freitext(40)).optional().describe('Telefonnummer wie angegeben'),
  email: leerAlsNull(freitext(254)).optional().describe('E-Mail-Adresse wie angegeben'),
});
const mehrbedarf = z.strictObject({
  behinderung: haekchen().optional(),
  ernaehrungCent: betragLeerNull(),
  unabweisbarCent: betragLeerNull(),
  schulbuecherCent: betragLeerNull(),
});
const merkmale = z.strictObject({
  erwerbsfaehig: jaNein().describe('leer: ab 15 Jahren erwerbsfähig'),
  schwanger: haekchen().optional(),
  mehrbedarf: mehrbedarf.optional(),
  alleinerziehend: jaNein().describe('übersteuert den abgeleiteten Wert'),
  ausbildung: leerAlsNull(z.enum(AUSBILDUNGEN, { error: 'Bitte wählen Sie den Ausbildungsstatus.' }))
    .optional()
    .describe('Schule, Ausbildung oder Studium (§ 11b Abs. 2b SGB II); leer: keine'),
  sgb12: haekchen().optional().describe('Partner bezieht Altersrente oder Leistungen nach SGB XII (gemischte Bedarfsgemeinschaft)'),
});

export const adresseAenderungSchema = z.strictObject({
  id,
  version,
  ab,
  adresse: z.strictObject({
    strasse: pflicht(200),
    hausnummer: pflicht(20),
    zusatz: leerAlsNull(freitext(200)).optional(),
    plz: z.string({ error: 'Bitte eine fünfstellige Postleitzahl angeben.' }).trim().regex(/^\d{5}$/, 'Bitte eine fünfstellige Postleitzahl angeben.'),
    ort: pflicht(200),
    kommuneId: z.uuid({ error: 'Bitte wählen Sie die Kommune.' }).describe('Kommune des Wohnorts (bestimmt den zuständigen Standort)'),
  }),
});
export const bankAenderungSchema = z.strictObject({
  id,
  version,
  ab,
  bank: z
    .strictObject({
      iban: pflicht(50, 'Bitte die IBAN angeben.').describe('IBAN, Leerzeichen erlaubt'),
      bic: leerAlsNull(freitext(11)).optional(),
      kontoinhaber: pflicht(200, 'Bitte den Kontoinhaber angeben.'),
    })
    .nullable()
    .describe('null: keine Bankverbindung mehr'),
});
export const unterkunftAenderungSchema = z.strictObject({
  id,
  version,
  ab,
  unterkunft: z
    .strictObject({
      grundmieteCent: betrag(),
      nebenkostenCent: betrag(),
      heizkostenCent: betrag(),
      warmwasserDezentral: haekchen().optional(),
      wohnflaecheQm: leerAlsNull(ganzzahl('Bitte die Wohnfläche als ganze Zahl in m² angeben, z. B. 62.', 1, 10000)).optional().describe('Wohnfläche in m²'),
      heizungsart: leerAlsNull(z.enum(HEIZUNGSARTEN)).optional(),
    })
    .nullable()
    .describe('null: keine Kosten mehr'),
});
export const einkommenAenderungFelder = z.strictObject({
  id,
  version,
  ab,
  personId: personWaehlen(),
  /** Change or end this income; without it a new income is added. */
  einkommenId: auswahlOptional('das Einkommen').describe('bestehendes Einkommen ändern oder beenden; ohne: neues Einkommen'),
  einkommen: einkommenDaten.nullable().describe('null: das Einkommen endet am Vortag von "ab"'),
});
export const einkommenAenderungSchema = einkommenAenderungFelder.superRefine((e, c) => {
  if (e.einkommen === null && !e.einkommenId) c.addIssue({ code: 'custom', path: ['einkommenId'], message: 'Bitte wählen Sie das Einkommen, das endet.' });
});
export const vermoegenAenderungFelder = z.strictObject({
  id,
  version,
  ab,
  personId: personWaehlen(),
  vermoegenId: auswahlOptional('das Vermögen').describe('bestehendes Vermögen ändern oder beenden; ohne: neues Vermögen'),
  vermoegen: vermoegenDaten.nullable().describe('null: das Vermögen zählt ab "ab" nicht mehr (z. B. verbraucht, verkauft)'),
});
export const vermoegenAenderungSchema = vermoegenAenderungFelder.superRefine((e, c) => {
  if (e.vermoegen === null && !e.vermoegenId) c.addIssue({ code: 'custom', path: ['vermoegenId'], message: 'Bitte wählen Sie das Vermögen, das nicht mehr zählt.' });
});
export const bgSchliessenSchema = z.strictObject({
  id,
  version,
  ab: tag().describe('erster Tag, an dem die Bedarfsgemeinschaft nicht mehr besteht; alle Mitgliedschaften enden am Vortag'),
  grund: leerAlsFehlend(freitext(500)).describe('Grund, z. B. Wegzug oder bedarfsdeckendes Einkommen'),
});
export const personAenderungSchema = z.strictObject({
  id,
  version,
  ab,
  personId: z.uuid({ error: 'Bitte wählen Sie die Person über „Daten ändern“ in der Personenliste.' }),
  stammdaten: stammdaten.optional(),
  merkmale: merkmale.extend({ kindergeldberechtigterPersonId: z.uuid().nullable().optional() }).optional(),
});
export const vermerkSchema = z.strictObject({ id, text: pflicht(5000, 'Bitte geben Sie den Text des Vermerks ein.') });
export const antragNeuSchema = z.strictObject({
  id,
  art: z.enum(ANTRAG_ARTEN).exclude(['erstantrag']),
  antragsdatum: tag(),
  eingangskanal: z.enum(EINGANGSKANAELE),
  faelligAm: leerAlsFehlend(tag()),
  payload: z.record(z.string(), z.unknown()).optional().describe('strukturierte Angaben, z. B. aus dem Portal'),
});
/** Assigning an Antrag (use case fall.antrag-zuweisen; body of its API route). */
export const antragZuweisenSchema = z.strictObject({
  version: z.number().int().min(1),
  bearbeiterId: z.uuid().nullable().describe('null: Zuweisung aufheben'),
});
export const antragStatusSchema = z.strictObject({ id, version, status: z.enum(ANTRAG_STATUS, { error: 'Bitte einen Status wählen.' }) });
export const wiedervorlageNeuSchema = z.strictObject({
  id,
  faelligAm: tag(),
  grund: pflicht(500, 'Bitte geben Sie den Grund an.'),
  zugewiesenAn: leerAlsNull(z.uuid()).optional(),
  antragId: leerAlsFehlend(z.uuid()),
});
export const wiedervorlageErledigenSchema = z.strictObject({ id, version });
/** The document as the API sends it (Base64); the use case takes the bytes (`dokumentHochladenSchema`). */
export const dokumentSchema = z.strictObject({
  titel: z.string().trim().min(1).max(200),
  dateiname: z.string().trim().min(1).max(200),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(100),
  inhaltBase64: z.string().max(7_000_000).describe('Inhalt Base64-kodiert (höchstens 5 MB)'),
  eingegangenAm: datumSchema,
  personId: z.uuid().optional(),
});
export const dokumentHochladenSchema = z.strictObject({
  id,
  titel: pflicht(200),
  dateiname: pflicht(200),
  eingegangenAm: tag(),
  personId: z.uuid().optional(),
  inhalt: z.instanceof(Buffer),
});

export const personAufnahmeSchema = z.strictObject({
  id,
  version,
  ab: tag().describe('erster Tag der Zugehörigkeit (bei Geburt: der Geburtstag)'),
  personId: z.uuid().optional().describe('schon bekannte Person (z. B. aus einer früheren BG); sonst wird sie neu angelegt'),
  person: z.strictObject({
    ...stammdaten.shape,
    rolle: z.enum(ROLLEN),
    inBedarfsgemeinschaft: haekchen().optional().describe('Standard: ja, außer bei "sonstige" (nur Haushalt)'),
    ...merkmale.shape,
    einkommen: z.array(einkommenDaten).max(20).optional(),
    vermoegen: z.array(vermoegenDaten).max(20).optional(),
    kindergeldberechtigterPersonId: z.uuid().optional(),
    elternPersonIds: z.array(z.uuid()).max(2).optional().describe('Eltern in der BG (bei Kindern; Standard: Antragsteller und Partner)'),
  }),
});
export const personAustrittSchema = z.strictObject({
  id,
  version,
  ab: tag().describe('erster Tag, an dem die Person nicht mehr dazugehört'),
  personId: personWaehlen(),
});

export type AdresseAenderung = z.output<typeof adresseAenderungSchema>;
export type BankAenderung = z.output<typeof bankAenderungSchema>;
export type UnterkunftAenderung = z.output<typeof unterkunftAenderungSchema>;
export type EinkommenAenderung = z.output<typeof einkommenAenderungSchema>;
export type PersonAenderung = z.output<typeof personAenderungSchema>;
export type VermoegenAenderung = z.output<typeof vermoegenAenderungSchema>;
export type BgSchliessen = z.output<typeof bgSchliessenSchema>;
export type AntragNeu = z.output<typeof antragNeuSchema>;
export type WiedervorlageNeu = z.output<typeof wiedervorlageNeuSchema>;
export type DokumentNeu = z.output<typeof dokumentSchema>;
export type PersonAufnahme = z.output<typeof personAufnahmeSchema>;
export type PersonAustritt = z.output<typeof personAustrittSchema>;
