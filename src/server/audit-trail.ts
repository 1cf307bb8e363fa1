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
  arbeitsmarktstatus: ['create', 'read', 'update'],
  arbeitsvorrat: ['read'],
  audit_log: ['search'],
  bescheid: ['read'],
  betreuung: ['create', 'read', 'update'],
  bevollmaechtigung: ['create', 'read', 'update'],
  bewilligung: ['create', 'read', 'search', 'update'],
  dokument: ['read'],
  einladung: ['read', 'update'],
  eingliederungsbudget: ['create', 'read', 'update'],
  erstattungsforderung: ['read', 'search'],
  fallakte: ['create', 'read', 'search', 'update'],
  handlungsbedarf: ['create', 'update', 'activate', 'deactivate'],
  gespraechsvermerk: ['create', 'read'],
  integration: ['create', 'read', 'update'],
  foerderleistung: ['create', 'read', 'update'],
  kdu_richtwert: ['create', 'update'],
  kdu_empfaenger: ['create', 'read', 'update'],
  leistungsminderung: ['create', 'read', 'update'],
  minderungsverfahren: ['create', 'read', 'search', 'update', 'export'],
  kommune: ['create', 'update', 'activate', 'deactivate'],
  kooperationsplan: ['create', 'read', 'update', 'export'],
  massenaenderung: ['create', 'read', 'update'],
  massnahme: ['create', 'read', 'update', 'activate', 'deactivate'],
  kontingent: ['create', 'update'],
  mittelbindung: ['create', 'update'],
  oidc_provider: ['create', 'activate', 'deactivate'],
  person: ['create', 'update'],
  potenzialanalyse: ['create', 'read'],
  potenzialanalyse_gesundheit: ['create', 'read'],
  portal: ['read'],
  portal_datei: ['create', 'read', 'update'],
  postfach: ['read'],
  postfach_nachricht: ['create'],
  schlichtung: ['create', 'update'],
  standort: ['create', 'update', 'activate', 'deactivate'],
  statistik: ['create', 'update', 'export'],
  vergleich: ['create', 'update'],
  teilnahme: ['create', 'read', 'search', 'update', 'export'],
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
  arbeitsmarktstatus: { status?: string; von?: string; bis?: string | null; quelle?: string; art?: string };
  arbeitsvorrat: Liste;
  audit_log: { filter: { person: string | null; actor: string | null; von: string | null; bis: string | null; offset: number }; anzahl: number };
  bescheid: { bgId: string; art: string };
  betreuung: Liste & { fachkraftId?: string; ab?: string; anzahl?: number; ansicht?: string };
  bevollmaechtigung: { umfang?: string; gueltigBis?: string | null };
  bewilligung: Liste & { art?: string; version?: number };
  dokument: { bgId: string };
  einladung: { ergebnis?: string; zugang?: string };
  eingliederungsbudget: { haushaltsjahr?: number; titel?: string; sollCent?: number; ansicht?: string };
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
  foerderleistung: Liste & { art?: string; bgId?: string; betragCent?: number; beendetAm?: string };
  gespraechsvermerk: { art?: string; datum?: string; terminId?: string | null; wiedervorlageId?: string | null; erledigteWiedervorlagen?: number };
  integration: Liste & { art?: string; beginn?: string; bgId?: string; antragId?: string; wiedervorlageId?: string; teilnahmeId?: string | null; ergebnis?: string; ende?: string };
  handlungsbedarf: Felder & { code?: string; anzahl?: number };
  kdu_richtwert: { vorgaenger?: string; ab?: string; gueltigBis?: string | null };
  kdu_empfaenger: { bgId?: string; von?: string; bis?: string | null; verfahrenId?: string | null };
  leistungsminderung: Liste & { verfahrenId?: string; bgId?: string; prozent?: number; von?: string; bis?: string; beendetAb?: string; aufgehobenAm?: string; bewilligungId?: string | null };
  /** A Minderungsverfahren: the step (`schritt`), never the answer's text or the Würdigung. */
  minderungsverfahren: Liste & { schritt?: string; tatbestand?: string; anlass?: string; status?: string; dokument?: string; als?: string; bgId?: string; stufe?: number; prozent?: number };
  kommune: Felder;
  kooperationsplan: { fassung?: number; fassungen?: number; status?: string; art?: string; zustellung?: string; reaktion?: string; nachweis?: string; als?: string; bgId?: string };
  massenaenderung: { ab?: string; gesamt?: number; auswahl?: string; filter?: string; seite?: number; faelle?: number };
  massnahme: Felder & { instrument?: string; ansicht?: string; anzahl?: number };
  kontingent: { massnahmeId?: string; standortId?: string; plaetze?: number; von?: string; bis?: string | null };
  mittelbindung: { teilnahmeId?: string; foerderleistungId?: string; jahre?: readonly number[]; betragCent?: number; ab?: string; beleg?: string };
  oidc_provider: { label: string; issuer?: string };
  person: { bgId: string; ref?: string };
  potenzialanalyse: { fassung?: number; fassungen?: number; bgId?: string };
  /** Health part (Art. 9 DSGVO): which Fassungen were shown or written; `uebernommen`: carried over unseen. */
  potenzialanalyse_gesundheit: { fassung?: number; fassungen?: readonly number[]; uebernommen?: boolean };
  portal: { als: string };
  /** Statistik (aggregates only): what was built, changed or exported – never a person. */
  statistik: { monat?: string; monate?: readonly string[]; ebene?: string; format?: string; art?: string; feld?: string; lauf?: number };
  vergleich: { dateiname?: string; zeilen?: number; abgelehnt?: number; schluessel?: string; fiktiv?: boolean };
  portal_datei: { status?: string; code?: string };
  postfach: { als?: string };
  postfach_nachricht: { als?: string };
  schlichtung: { beginn?: string; ende?: string; ergebnis?: string; beantragtVon?: string };
  standort: Felder & { art?: string; datum?: string; plaetze?: number };
  teilnahme: Liste & { massnahmeId?: string; von?: string; nach?: string; grund?: string; platzNr?: number | null; dokument?: string; format?: string; ansicht?: string };
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
