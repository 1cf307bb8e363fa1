import type { Tx } from '../db/client.ts';
import { schreibeAuditZeile } from '../db/repositories/audit.ts';
import type { Actor } from './context.ts';

/**
 * The one place that writes the audit trail of Sozialdaten access (§ 35 SGB I, §§ 67 ff. SGB X).
 * Call it inside the same transaction as the read or change, so one never happens without the other.
 *
 * An event is a closed, discriminated union (issue 12): the object type is one of `AUDIT_OBJEKTE`, the action one
 * that object allows, and `details` has the shape of that object type — so an auditor reading `details` in the
 * Zugriffsprotokoll finds the same keys for the same kind of entry, and a new kind of entry is a change here.
 */
export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'deactivate'
  | 'activate'
  | 'export'
  | 'login'
  | 'logout'
  /** A one-time link to set the password was issued and mailed (user administration). */
  | 'password_link';

/** Object types and the actions recorded for each (the values of `audit_log.object_type` / `.action`). */
export const AUDIT_OBJEKTE = {
  antrag: ['create', 'read', 'search', 'update'],
  antrag_entwurf: ['create', 'read', 'update'],
  arbeitsvorrat: ['read'],
  audit_log: ['search'],
  bescheid: ['read'],
  bevollmaechtigung: ['create', 'read', 'update'],
  bewilligung: ['create', 'read', 'search', 'update'],
  dokument: ['read'],
  einladung: ['read', 'update'],
  erstattungsforderung: ['read', 'search'],
  fallakte: ['create', 'read', 'search', 'update'],
  kdu_richtwert: ['create', 'update'],
  kommune: ['create', 'update', 'activate', 'deactivate'],
  massenaenderung: ['create', 'read', 'update'],
  oidc_provider: ['create', 'activate', 'deactivate'],
  person: ['create', 'update'],
  portal: ['read'],
  portal_datei: ['create', 'read', 'update'],
  postfach: ['read'],
  postfach_nachricht: ['create'],
  standort: ['create', 'update', 'activate', 'deactivate'],
  termin: ['create', 'read', 'update'],
  termin_abwesenheit: ['create', 'read', 'deactivate'],
  termin_ausnahme: ['deactivate'],
  termin_regeln: ['update'],
  termin_ressource: ['update'],
  terminkalender: ['read'],
  traeger: ['update'],
  traeger_einstellungen: ['update'],
  user: ['create', 'read', 'search', 'update', 'activate', 'deactivate', 'password_link', 'login', 'logout'],
  warteliste_eintrag: ['create', 'read', 'update'],
  wiedervorlagen: ['read'],
  zahllauf: ['create', 'read', 'export'],
  zustellungswunsch: ['update'],
} as const satisfies Record<string, readonly AuditAction[]>;

export type AuditObjectType = keyof typeof AUDIT_OBJEKTE;
export type AuditActionOf<T extends AuditObjectType> = (typeof AUDIT_OBJEKTE)[T][number];

/** A list view: how many, and the people (`treffer`) or Fallakten (`faelle`) it showed — "who saw my data" finds them. */
type Liste = { anzahl?: number; treffer?: readonly string[]; faelle?: readonly string[] };
/** Which fields a change touched (names, never values). */
type Felder = { felder?: readonly string[] };

/** The shape of `details` per object type. Keys are fixed; values stay free of Sozialdaten beyond ids. */
export type AuditDetails = {
  antrag: Liste & { personen?: number; entwurf?: string; fuer?: string; bgId?: string | null; entwuerfe?: number; antraege?: number };
  antrag_entwurf: { flow?: string; fuer?: string; vorbelegung?: 'anspruchspruefung'; schritt?: string; antragsdatum?: string | null };
  arbeitsvorrat: Liste;
  audit_log: { filter: { person: string | null; actor: string | null; von: string | null; bis: string | null; offset: number }; anzahl: number };
  bescheid: { bgId: string; art: string };
  bevollmaechtigung: { umfang?: string; gueltigBis?: string | null };
  bewilligung: Liste & { art?: string; version?: number };
  dokument: { bgId: string };
  einladung: { ergebnis?: string };
  erstattungsforderung: Liste & { bgId?: string; stand?: string | undefined; fallnummer?: string | undefined };
  fallakte: Liste & {
    stichtag?: string;
    bankdaten?: boolean;
    kriterien?: { name?: string; geburtsdatum?: string; fallnummer?: string };
    /** The kind of change (the Fallakte's history line, e.g. `adresse`, `dokument`). */
    art?: string;
    dokumentId?: string;
    portalDateiId?: string;
  };
  kdu_richtwert: { vorgaenger?: string; ab?: string; gueltigBis?: string | null };
  kommune: Felder;
  massenaenderung: { ab?: string; gesamt?: number; auswahl?: string; filter?: string; seite?: number; faelle?: number };
  oidc_provider: { label: string; issuer?: string };
  person: { bgId: string; ref?: string };
  portal: { als: string };
  portal_datei: { status?: string; code?: string };
  postfach: { als?: string };
  postfach_nachricht: { als?: string };
  standort: Felder & { art?: string; datum?: string; plaetze?: number };
  termin: { kanal?: string; anliegenId?: string; feld?: string; status?: string };
  termin_abwesenheit: Liste;
  termin_ausnahme: { datum: string };
  termin_regeln: { geaendert: Record<string, { vorher: unknown; nachher: unknown }> };
  termin_ressource: { team: string | null };
  terminkalender: { ansicht: string; anzahl: number };
  traeger: { feld: string; wert: boolean | string | number | null };
  traeger_einstellungen: Felder;
  user: Liste &
    Felder & {
      filter?: { art: string; suche?: string };
      roles?: readonly string[];
      /** A single changed field (sign-in data: `totp`, `password_hash`, `email_verified_at`, `oidc`). */
      feld?: string;
      anbieter?: string;
      art?: 'buerger';
      sprache?: string;
      anlass?: 'neues_konto' | 'erneut';
      gueltigStunden?: number;
      beendeteSitzungen?: number;
      sitzungenBeendet?: number;
    };
  warteliste_eintrag: { status?: string; angebote?: number };
  wiedervorlagen: Liste;
  zahllauf: Liste & { zahlmonat: string; seite?: number; geplant?: number; bereitsErledigt?: number; aufrechnungCent?: number };
  zustellungswunsch: { online: boolean; als: string };
};

// every object type has its details shape, and no shape without an object type
type _Vollstaendig = [AuditObjectType] extends [keyof AuditDetails] ? ([keyof AuditDetails] extends [AuditObjectType] ? true : never) : never;
const vollstaendig: _Vollstaendig = true;
void vollstaendig;

type Ereignis<T extends AuditObjectType> = {
  objectType: T;
  objectId?: string | null;
  /** The person whose data this is (for "search by person"); for user accounts the account itself. */
  personId?: string | null;
  action: AuditActionOf<T>;
  /** Why: the task in whose course the data was used, in words an auditor understands. */
  purpose: string;
  details?: AuditDetails[T] | undefined;
};

/** One audit event: discriminated by `objectType`. */
export type AuditEvent = { [T in AuditObjectType]: Ereignis<T> }[AuditObjectType];

/** `<objectType>.<action>` of every event that can be written (a use case's `audit` list, src/server/use-case.ts). */
export type AuditMarke = { [T in AuditObjectType]: `${T}.${AuditActionOf<T>}` }[AuditObjectType];

/** A signed-in person, or work without one (a link, a background job), recorded as `system:<name>` in `actor_role`. */
export type AuditActor = Actor | { system: string; traegerId: string; requestId?: string };

export async function recordAudit(tx: Tx, actor: AuditActor, event: AuditEvent) {
  const isSystem = 'system' in actor;
  await schreibeAuditZeile(tx, {
    traegerId: actor.traegerId,
    actorUserId: isSystem ? null : actor.userId,
    actorRole: isSystem ? `system:${actor.system}` : actor.roles.join(','),
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    personId: event.personId ?? null,
    action: event.action,
    purpose: event.purpose,
    requestId: actor.requestId ?? null,
    details: event.details ?? null,
  });
}
