import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../client.ts';
import { auditLog, users } from '../schema/index.ts';

export type AuditInsert = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

export type AuditFilter = {
  /**
   * The data subject: entries whose person is this id, and list views whose hits (`details.treffer`)
   * included this person — so "who has seen my data" also finds search results that showed it.
   */
  personId?: string;
  actorUserId?: string;
  objectId?: string;
  objectType?: string;
  von?: Date;
  bis?: Date;
  /** First calendar day (YYYY-MM-DD, Europe/Berlin), inclusive. */
  vonTag?: string;
  /** Last calendar day (YYYY-MM-DD, Europe/Berlin), inclusive. */
  bisTag?: string;
  limit?: number;
  offset?: number;
};

const personUser = alias(users, 'person_user');

/**
 * The only INSERT into audit_log. Called by `recordAudit` (src/server/audit-trail.ts) alone, which types the event;
 * a unit test (src/server/audit-trail.test.ts) keeps every other module from importing it.
 */
export async function schreibeAuditZeile(tx: Tx, row: AuditInsert): Promise<void> {
  await tx.insert(auditLog).values(row);
}

/** Reading the audit trail (the Zugriffsprotokoll); writing goes through `recordAudit`. */
export const auditRepository = {
  /** Search by person (the data subject), actor and period — newest first. */
  async search(tx: Tx, filter: AuditFilter) {
    const conditions = [];
    if (filter.personId) {
      conditions.push(
        or(
          eq(auditLog.personId, filter.personId),
          sql`coalesce(${auditLog.details} -> 'treffer', '[]'::jsonb) @> ${JSON.stringify([filter.personId])}::jsonb`,
        ),
      );
    }
    if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
    if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
    if (filter.objectType) conditions.push(eq(auditLog.objectType, filter.objectType));
    if (filter.von) conditions.push(gte(auditLog.at, filter.von));
    if (filter.bis) conditions.push(lt(auditLog.at, filter.bis));
    if (filter.vonTag) conditions.push(gte(auditLog.at, sql`(${filter.vonTag}::date)::timestamp at time zone 'Europe/Berlin'`));
    if (filter.bisTag) conditions.push(lt(auditLog.at, sql`((${filter.bisTag}::date) + 1)::timestamp at time zone 'Europe/Berlin'`));
    return tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: sql<string | null>`${users.name}`,
        actorRole: auditLog.actorRole,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        personId: auditLog.personId,
        personName: sql<string | null>`${personUser.name}`,
        action: auditLog.action,
        purpose: auditLog.purpose,
        requestId: auditLog.requestId,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(users, and(eq(users.traegerId, auditLog.traegerId), eq(users.id, auditLog.actorUserId)))
      .leftJoin(personUser, and(eq(personUser.traegerId, auditLog.traegerId), eq(personUser.id, auditLog.personId)))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.limit ?? 200)
      .offset(filter.offset ?? 0);
  },
};
