import type { Role } from '../db/schema/index.ts';
import { BERECHTIGUNGEN, reichweiteDerRollen, type Permission, type Reichweite } from './berechtigungen.ts';
import type { Actor } from './context.ts';
import { forbidden } from './errors.ts';

export type { Permission, Reichweite } from './berechtigungen.ts';
/** Roles, for pages (src/web does not import src/db). */
export { STAFF_ROLES, type Role, type StaffRole } from '../db/schema/users.ts';

/**
 * Who may do what: every check reads the permission table in `berechtigungen.ts`. Use cases call
 * `authorize(actor, 'permission')` (403 if no role of the actor holds it); the objects a permission reaches come from
 * `reichweite` / `sichtbareStandorte` (an object outside the reach answers 404). Menus ask `can(actor, 'permission')`
 * so they show only permitted actions.
 */
export function can(actor: Pick<Actor, 'roles'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return reichweiteDerRollen(actor.roles, permission) !== null;
}

export function authorize(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** Whether the actor holds at least one of the permissions (403 otherwise). */
export function authorizeOneOf(actor: Pick<Actor, 'roles'>, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => can(actor, p))) throw forbidden();
}

/** How far the permission reaches for this actor (the widest of their roles); `null` if they do not hold it. */
export function reichweite(actor: Pick<Actor, 'roles'>, permission: Permission): Reichweite | null {
  return reichweiteDerRollen(actor.roles, permission);
}

/**
 * The Standorte whose objects the permission reaches for this actor: `'alle'` for Träger-wide reach, the person's own
 * Standorte for Standort reach, none otherwise (also when the actor does not hold the permission).
 */
export function sichtbareStandorte(actor: Pick<Actor, 'roles' | 'standorte'>, permission: Permission): 'alle' | string[] {
  const r = reichweite(actor, permission);
  if (r === 'traeger') return 'alle';
  if (r === 'standort') return actor.standorte.map((s) => s.id);
  return [];
}

/** Whether the permission reaches objects of this Standort for the actor. */
export function standortErreichbar(actor: Pick<Actor, 'roles' | 'standorte'>, permission: Permission, standortId: string): boolean {
  const s = sichtbareStandorte(actor, permission);
  return s === 'alle' || s.includes(standortId);
}

/**
 * The Standorte whose data the actor may see for the permission. Kept under its old name for the callers that list
 * objects; the permission is required so the reach always comes from the table.
 */
export function visibleStandorte(actor: Pick<Actor, 'roles' | 'standorte'>, permission: Permission): 'alle' | string[] {
  return sichtbareStandorte(actor, permission);
}

/** Roles holding the permission with Träger-wide reach (documentation, tests). */
export function traegerweit(permission: Permission): Role[] {
  return (Object.entries(BERECHTIGUNGEN[permission].rollen) as [Role, Reichweite][]).filter(([, w]) => w === 'traeger').map(([r]) => r);
}
