import type { Role } from '../db/schema/index.ts';
import type { Actor } from './context.ts';
import { forbidden } from './errors.ts';

/**
 * Who may do what, in one place. Each permission names the roles that hold it; pages and API routes call
 * `authorize(actor, 'permission')`, and menus ask `can(actor, 'permission')` so they show only permitted actions.
 */
const PERMISSIONS = {
  /** Kommunen, Standorte, sign-in settings of the Träger. */
  'organisation.verwalten': ['admin'],
  /** Create, change and deactivate staff accounts; see citizen accounts. */
  'benutzer.verwalten': ['admin'],
  /** Search the audit trail. */
  'protokoll.durchsuchen': ['admin'],
  /** Staff work areas. */
  'arbeitsplatz.leistung': ['leistung', 'teamleitung'],
  'arbeitsplatz.integration': ['integration', 'teamleitung'],
  'arbeitsplatz.teamleitung': ['teamleitung'],
  'arbeitsplatz.controlling': ['controlling'],
  /** Benefit calculation for a case (issue 3). */
  'berechnung.ausfuehren': ['leistung', 'teamleitung', 'integration'],
  /** Fallakten and Anträge (issue 4): read, change, and see bank details. */
  'fall.lesen': ['leistung', 'integration', 'teamleitung'],
  'fall.bearbeiten': ['leistung', 'teamleitung'],
  'fall.bankdaten': ['leistung', 'teamleitung'],
  /** Bewilligung, Bescheid, Zahlung, Kosten, Massenänderung (issue 4, items 3–8). */
  'bewilligung.lesen': ['leistung', 'integration', 'teamleitung'],
  'bewilligung.bearbeiten': ['leistung', 'teamleitung'],
  'bewilligung.freigeben': ['teamleitung'],
  'zahllauf.ausfuehren': ['leistung', 'teamleitung'],
  'zahllauf.uebersicht': ['leistung', 'teamleitung', 'controlling'],
  'kosten.lesen': ['controlling', 'teamleitung'],
  'kdu.verwalten': ['admin'],
  'einstellungen.verwalten': ['admin'],
  'massenaenderung.ausfuehren': ['teamleitung'],
  /** Termine (issue 6): calendars, consultation hours, invitations, outcomes, check-in. */
  'termine.bearbeiten': ['leistung', 'integration', 'teamleitung', 'admin'],
  /** Termine: closed days/extra hours of a Standort, absences of staff, team membership of desks. */
  'termine.planen': ['teamleitung', 'admin'],
  /** Citizen portal. */
  'portal.nutzen': ['buerger'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles whose view spans the whole Träger instead of the user's Standorte. */
export const TRAEGER_WIDE_ROLES: readonly Role[] = ['controlling', 'admin'];

export function can(actor: Pick<Actor, 'roles'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

export function authorize(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** The Standorte whose data the actor may see; `'alle'` for roles spanning the Träger. */
export function visibleStandorte(actor: Actor): 'alle' | string[] {
  if (actor.roles.some((r) => TRAEGER_WIDE_ROLES.includes(r))) return 'alle';
  return actor.standorte.map((s) => s.id);
}
