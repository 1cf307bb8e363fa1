import { z } from 'zod';
import { STAFF_ROLES, type Kommune, type Standort, type User } from '../../db/schema/index.ts';

/**
 * Input and output shapes of the admin area, shared by the JSON API (route schemas, OpenAPI) and the pages
 * (which parse their form fields through the same schemas, so both give the same German messages).
 */

const pflichttext = (was: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: `Bitte geben Sie ${was} an.` })
    .max(max, { error: `Bitte kürzen Sie die Angabe auf höchstens ${max} Zeichen.` });

const VERSION_FEHLT = 'Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.';
const version = z
  .number({ error: VERSION_FEHLT })
  .int({ error: VERSION_FEHLT })
  .min(1, { error: VERSION_FEHLT })
  .describe('Version, die gelesen wurde (optimistisches Sperren)');

/** The id from the URL (unknown or malformed ids are "not found", checked in the use case). */
export const idFeld = z.string().max(100).describe('ID (UUID)');
export const idInputSchema = z.object({ id: idFeld });

const email = z
  .string({ error: 'Bitte geben Sie eine E-Mail-Adresse an.' })
  .trim()
  .toLowerCase()
  .max(320, { error: 'Die E-Mail-Adresse ist zu lang.' })
  .regex(z.regexes.email, { error: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.' });

// ---------- Kommunen ----------

export const kommuneCreateSchema = z.object({
  name: pflichttext('den Namen der Kommune'),
  ags: z
    .string()
    .trim()
    .regex(/^[0-9]{8}$/, { error: 'Der Amtliche Gemeindeschlüssel besteht aus genau 8 Ziffern.' })
    .nullable()
    .optional()
    .describe('Amtlicher Gemeindeschlüssel (8 Ziffern), optional'),
  postleitzahlen: z
    // A form sends one text ("12345, 12347"); the API a list. Both reach the same check.
    .preprocess((v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v), z.array(z.string().trim().regex(/^[0-9]{5}$/, { error: 'Bitte geben Sie Postleitzahlen mit genau 5 Ziffern an, durch Komma getrennt.' })).max(500))
    .optional()
    .describe('Postleitzahlen der Kommune; das Bürgerportal leitet daraus die Kommune einer Anschrift ab'),
});
export const kommuneUpdateSchema = kommuneCreateSchema.partial().extend({ version });
export const kommuneAendernSchema = kommuneUpdateSchema.extend({ id: idFeld });
export type KommuneCreate = z.infer<typeof kommuneCreateSchema>;
export type KommuneUpdate = z.infer<typeof kommuneUpdateSchema>;

export const kommuneSchema = z.object({
  id: z.string(),
  name: z.string(),
  ags: z.string().nullable(),
  postleitzahlen: z.array(z.string()),
  aktiv: z.boolean(),
  version: z.number().int(),
  erstelltAm: z.date(),
  geaendertAm: z.date(),
});

export const presentKommune = (k: Kommune): z.infer<typeof kommuneSchema> => ({
  id: k.id,
  name: k.name,
  ags: k.ags,
  postleitzahlen: k.postleitzahlen,
  aktiv: k.aktiv,
  version: k.version,
  erstelltAm: k.createdAt,
  geaendertAm: k.updatedAt,
});

// ---------- Standorte ----------

export const standortCreateSchema = z.object({
  name: pflichttext('den Namen des Standorts'),
  kommuneId: z.guid({ error: 'Bitte wählen Sie die Kommune, in der der Standort liegt.' }),
  strasse: pflichttext('Straße und Hausnummer'),
  plz: z.string({ error: 'Bitte geben Sie die Postleitzahl an.' }).trim().regex(/^[0-9]{5}$/, { error: 'Die Postleitzahl besteht aus genau 5 Ziffern.' }),
  ort: pflichttext('den Ort'),
  telefon: z
    .string()
    .trim()
    .max(50, { error: 'Die Telefonnummer ist zu lang.' })
    .regex(/^\+?[0-9][0-9 ()/-]*$/, { error: 'Bitte geben Sie die Telefonnummer mit Ziffern an, z. B. 0123 555-100.' })
    .nullable()
    .optional(),
  email: email.nullable().optional(),
  oeffnungszeiten: z.string().trim().max(2000, { error: 'Bitte kürzen Sie die Öffnungszeiten auf höchstens 2000 Zeichen.' }).optional().describe('Eine Zeile je Zeitraum'),
});
export const standortUpdateSchema = standortCreateSchema.partial().extend({ version });
export const standortAendernSchema = standortUpdateSchema.extend({ id: idFeld });
export type StandortCreate = z.infer<typeof standortCreateSchema>;
export type StandortUpdate = z.infer<typeof standortUpdateSchema>;

export const standortSchema = z.object({
  id: z.string(),
  name: z.string(),
  kommuneId: z.string(),
  kommune: z.string(),
  strasse: z.string(),
  plz: z.string(),
  ort: z.string(),
  telefon: z.string().nullable(),
  email: z.string().nullable(),
  oeffnungszeiten: z.string(),
  aktiv: z.boolean(),
  version: z.number().int(),
  erstelltAm: z.date(),
  geaendertAm: z.date(),
});

export const presentStandort = (s: Standort, kommune: string): z.infer<typeof standortSchema> => ({
  id: s.id,
  name: s.name,
  kommuneId: s.kommuneId,
  kommune,
  strasse: s.strasse,
  plz: s.plz,
  ort: s.ort,
  telefon: s.telefon,
  email: s.email,
  oeffnungszeiten: s.oeffnungszeiten,
  aktiv: s.aktiv,
  version: s.version,
  erstelltAm: s.createdAt,
  geaendertAm: s.updatedAt,
});

// ---------- Benutzer ----------

export const ROLE_LABELS: Record<(typeof STAFF_ROLES)[number], string> = {
  leistung: 'Leistungssachbearbeitung',
  integration: 'Integrationsfachkraft / Fallmanagement',
  teamleitung: 'Teamleitung',
  controlling: 'Controlling',
  admin: 'Administration',
};

/** Roles whose holders need at least one Standort (everything except the roles spanning the Träger). */
export const ROLES_NEEDING_STANDORT: readonly string[] = ['leistung', 'integration', 'teamleitung'];

const roles = z
  .array(z.enum(STAFF_ROLES, { error: 'Diese Rolle gibt es nicht.' }), { error: 'Bitte wählen Sie mindestens eine Rolle.' })
  .min(1, { error: 'Bitte wählen Sie mindestens eine Rolle.' })
  .max(STAFF_ROLES.length * 2);
const standortIds = z.array(z.guid({ error: 'Unbekannter Standort.' })).max(200);

export const userCreateSchema = z.object({
  name: pflichttext('den Namen'),
  email,
  roles: roles.describe('mindestens eine von leistung, integration, teamleitung, controlling, admin'),
  standortIds: standortIds.optional().describe('Standorte; Pflicht (mindestens einer) außer für controlling und admin'),
});
export const userUpdateSchema = userCreateSchema.partial().extend({ version });
export const userAendernSchema = userUpdateSchema.extend({ id: idFeld });
export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userSchema = z.object({
  id: z.string(),
  art: z.enum(['staff', 'buerger']),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  standorte: z.array(z.object({ id: z.string(), name: z.string() })),
  aktiv: z.boolean(),
  emailBestaetigt: z.boolean(),
  passwortGesetzt: z.boolean(),
  zweiterFaktor: z.boolean(),
  letzteAnmeldung: z.date().nullable(),
  version: z.number().int(),
  erstelltAm: z.date(),
});
export type UserView = z.infer<typeof userSchema>;

export const presentUser = (u: User, standorte: { id: string; name: string }[]): UserView => ({
  id: u.id,
  art: u.art as 'staff' | 'buerger',
  name: u.name,
  email: u.email,
  roles: u.roles,
  standorte,
  aktiv: u.aktiv,
  emailBestaetigt: !!u.emailVerifiedAt,
  passwortGesetzt: !!u.passwordHash,
  zweiterFaktor: !!u.totpEnabledAt,
  letzteAnmeldung: u.lastLoginAt,
  version: u.version,
  erstelltAm: u.createdAt,
});

export const aktivBodySchema = z
  .object({ version: version.optional() })
  .nullish()
  .describe('Optional die gelesene Version; weicht sie ab, antwortet der Server 409 version_conflict');
/** Input of the activate/deactivate use cases: id from the URL, the wanted state, optionally the version read. */
export const aktivSetzenSchema = z.object({ id: idFeld, aktiv: z.boolean(), version: version.optional() });

// ---------- Zugriffsprotokoll ----------

const tag = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Bitte geben Sie das Datum als JJJJ-MM-TT an.' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: 'Dieses Datum gibt es nicht.',
  });

export const auditQuerySchema = z.object({
  person: z.string().trim().max(320).optional().describe('betroffene Person: Konto-ID, E-Mail-Adresse oder Name'),
  actor: z.string().trim().max(320).optional().describe('handelnde Person: Konto-ID, E-Mail-Adresse oder Name'),
  von: tag.optional().describe('erster Kalendertag (Europe/Berlin), JJJJ-MM-TT'),
  bis: tag.optional().describe('letzter Kalendertag (Europe/Berlin), JJJJ-MM-TT, einschließlich'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  action: z.string(),
  purpose: z.string(),
  requestId: z.string().nullable(),
  details: z.unknown().nullable(),
});

const refSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() });
export const auditResultSchema = z.object({
  eintraege: z.array(auditEntrySchema),
  weitere: z.boolean().describe('es gibt weitere (ältere) Einträge: offset erhöhen'),
  person: refSchema.nullable(),
  actor: refSchema.nullable(),
});
