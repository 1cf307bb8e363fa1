import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Audit trail of Sozialdaten access (§ 35 SGB I, §§ 67 ff. SGB X): one row per read or change of personal data.
 * Append-only: the application role may only insert and select (grants), and a trigger refuses updates and deletes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    traegerId: uuid('traeger_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** The roles the actor acted in, e.g. "admin" or "leistung,teamleitung"; "system" for jobs. */
    actorRole: text('actor_role').notNull(),
    /** What was touched: "user", "kommune", "standort", later "person", "fallakte", … */
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    /** The person whose data it is, when the object belongs to a person (search by person). */
    personId: uuid('person_id'),
    action: text('action').notNull(),
    purpose: text('purpose').notNull(),
    requestId: text('request_id'),
    details: jsonb('details'),
  },
  (t) => [
    primaryKey({ columns: [t.traegerId, t.id] }),
    index('audit_log_at_idx').on(t.traegerId, t.at),
    index('audit_log_actor_idx').on(t.traegerId, t.actorUserId, t.at),
    index('audit_log_person_idx').on(t.traegerId, t.personId, t.at),
    index('audit_log_object_idx').on(t.traegerId, t.objectType, t.objectId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
