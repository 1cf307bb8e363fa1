import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { auditLog, users } from '../schema/index.ts';

export type AuditInsert = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>;

export const auditRepository = {
  async insert(tx: Tx, row: AuditInsert) {
    await tx.insert(auditLog).values(row);
  },

  /** Search by person (the data subject), actor and period [von, bis) — newest first. */
  async search(
    tx: Tx,
    filter: { personId?: string; actorUserId?: string; objectId?: string; von?: Date; bis?: Date; limit?: number },
  ) {
    const conditions = [];
    if (filter.personId) conditions.push(eq(auditLog.personId, filter.personId));
    if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
    if (filter.objectId) conditions.push(eq(auditLog.objectId, filter.objectId));
    if (filter.von) conditions.push(gte(auditLog.at, filter.von));
    if (filter.bis) conditions.push(lt(auditLog.at, filter.bis));
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
        action: auditLog.action,
        purpose: auditLog.purpose,
        requestId: auditLog.requestId,
      })
      .from(auditLog)
      .leftJoin(users, and(eq(users.traegerId, auditLog.traegerId), eq(users.id, auditLog.actorUserId)))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.limit ?? 200);
  },
};
