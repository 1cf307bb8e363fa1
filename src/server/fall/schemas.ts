import { z } from 'zod';
import {
  adresseDatenSchema,
  ANTRAG_ARTEN,
  ANTRAG_STATUS,
  bankDatenSchema,
  datumSchema,
  EINGANGSKANAELE,
  einkommenDatenSchema,
  merkmaleDatenSchema,
  personDatenSchema,
  stammdatenSchema,
  unterkunftDatenSchema,
  vermoegenDatenSchema,
} from '../../domain/fallakte/index.ts';

const version = z.number().int().min(1).describe('gelesene Version der Fallakte (optimistisches Sperren)');
const ab = datumSchema.describe('gültig ab diesem Tag; der laufende Zeitraum endet am Vortag');

export const adresseAenderungSchema = z.strictObject({ version, ab, adresse: adresseDatenSchema });
export const bankAenderungSchema = z.strictObject({ version, ab, bank: bankDatenSchema.nullable().describe('null: keine Bankverbindung mehr') });
export const unterkunftAenderungSchema = z.strictObject({ version, ab, unterkunft: unterkunftDatenSchema.nullable().describe('null: keine Kosten mehr') });
export const einkommenAenderungSchema = z.strictObject({
  version,
  ab,
  personId: z.uuid(),
  /** Change or end this income; without it a new income is added. */
  einkommenId: z.uuid().optional().describe('bestehendes Einkommen ändern oder beenden; ohne: neues Einkommen'),
  einkommen: einkommenDatenSchema.nullable().describe('null: das Einkommen endet am Vortag von "ab"'),
});
export const vermoegenAenderungSchema = z.strictObject({
  version,
  ab,
  personId: z.uuid(),
  vermoegenId: z.uuid().optional().describe('bestehendes Vermögen ändern oder beenden; ohne: neues Vermögen'),
  vermoegen: vermoegenDatenSchema.nullable().describe('null: das Vermögen zählt ab "ab" nicht mehr (z. B. verbraucht, verkauft)'),
});
export const bgSchliessenSchema = z.strictObject({
  version,
  ab: datumSchema.describe('erster Tag, an dem die Bedarfsgemeinschaft nicht mehr besteht; alle Mitgliedschaften enden am Vortag'),
  grund: z.string().trim().max(500).optional().describe('Grund, z. B. Wegzug oder bedarfsdeckendes Einkommen'),
});
export const personAenderungSchema = z.strictObject({
  version,
  ab,
  personId: z.uuid(),
  stammdaten: stammdatenSchema.optional(),
  merkmale: merkmaleDatenSchema.extend({ kindergeldberechtigterPersonId: z.uuid().nullable().optional() }).optional(),
});
export const vermerkSchema = z.strictObject({ text: z.string().trim().min(1).max(5000) });
export const antragNeuSchema = z.strictObject({
  art: z.enum(ANTRAG_ARTEN).exclude(['erstantrag']),
  antragsdatum: datumSchema,
  eingangskanal: z.enum(EINGANGSKANAELE),
  faelligAm: datumSchema.optional(),
  payload: z.record(z.string(), z.unknown()).optional().describe('strukturierte Angaben, z. B. aus dem Portal'),
});
export const antragZuweisenSchema = z.strictObject({
  version: z.number().int().min(1),
  bearbeiterId: z.uuid().nullable().describe('null: Zuweisung aufheben'),
});
export const antragStatusSchema = z.strictObject({ version: z.number().int().min(1), status: z.enum(ANTRAG_STATUS) });
export const wiedervorlageNeuSchema = z.strictObject({
  faelligAm: datumSchema,
  grund: z.string().trim().min(1).max(500),
  zugewiesenAn: z.uuid().nullable().optional(),
  antragId: z.uuid().optional(),
});
export const wiedervorlageErledigenSchema = z.strictObject({ version: z.number().int().min(1) });
export const dokumentSchema = z.strictObject({
  titel: z.string().trim().min(1).max(200),
  dateiname: z.string().trim().min(1).max(200),
  mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i).max(100),
  inhaltBase64: z.string().max(7_000_000).describe('Inhalt Base64-kodiert (höchstens 5 MB)'),
  eingegangenAm: datumSchema,
  personId: z.uuid().optional(),
});

export type AdresseAenderung = z.infer<typeof adresseAenderungSchema>;
export type BankAenderung = z.infer<typeof bankAenderungSchema>;
export type UnterkunftAenderung = z.infer<typeof unterkunftAenderungSchema>;
export type EinkommenAenderung = z.infer<typeof einkommenAenderungSchema>;
export type PersonAenderung = z.infer<typeof personAenderungSchema>;
export type VermoegenAenderung = z.infer<typeof vermoegenAenderungSchema>;
export type BgSchliessen = z.infer<typeof bgSchliessenSchema>;
export type AntragNeu = z.infer<typeof antragNeuSchema>;
export type WiedervorlageNeu = z.infer<typeof wiedervorlageNeuSchema>;
export type DokumentNeu = z.infer<typeof dokumentSchema>;

export const personAufnahmeSchema = z.strictObject({
  version,
  ab: datumSchema.describe('erster Tag der Zugehörigkeit (bei Geburt: der Geburtstag)'),
  personId: z.uuid().optional().describe('schon bekannte Person (z. B. aus einer früheren BG); sonst wird sie neu angelegt'),
  person: personDatenSchema.omit({ ref: true, kindergeldberechtigter: true, eltern: true }).extend({
    kindergeldberechtigterPersonId: z.uuid().optional(),
    elternPersonIds: z.array(z.uuid()).max(2).optional().describe('Eltern in der BG (bei Kindern; Standard: Antragsteller und Partner)'),
  }),
});
export const personAustrittSchema = z.strictObject({
  version,
  ab: datumSchema.describe('erster Tag, an dem die Person nicht mehr dazugehört'),
  personId: z.uuid(),
});
export type PersonAufnahme = z.infer<typeof personAufnahmeSchema>;
export type PersonAustritt = z.infer<typeof personAustrittSchema>;
