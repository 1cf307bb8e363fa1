import { sql } from 'drizzle-orm';
import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every table with Jobcenter data starts with: the Träger (tenant) and the row id. */
export const tenantColumns = {
  traegerId: uuid('traeger_id').notNull(),
  id: uuid('id').notNull().default(sql`gen_random_uuid()`),
};

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic locking: every update must name the version it read and increments it. */
export const versionColumn = { version: integer('version').notNull().default(1) };

/** Binary content (documents, PDFs) stored in the database. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
