import type { Tx } from '../db/client.ts';
import { auditRepository } from '../db/repositories/audit.ts';
import type { Actor } from './context.ts';

/**
 * The one place that writes the audit trail of Sozialdaten access (§ 35 SGB I, §§ 67 ff. SGB X).
 * Call it inside the same transaction as the read or change, so one never happens without the other.
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

export type AuditEvent = {
  objectType: string;
  objectId?: string | null;
  /** The person whose data this is (for "search by person"); for user accounts the account itself. */
  personId?: string | null;
  action: AuditAction;
  /** Why: the task in whose course the data was used, in words an auditor understands. */
  purpose: string;
  details?: Record<string, unknown>;
};

export async function recordAudit(tx: Tx, actor: Actor | { system: string; traegerId: string; requestId?: string }, event: AuditEvent) {
  const isSystem = 'system' in actor;
  await auditRepository.insert(tx, {
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
