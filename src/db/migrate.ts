import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client } from 'pg';

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies all pending migrations (src/db/migrations, written by drizzle-kit plus hand-written SQL for
 * row-level security). Runs as the connecting (owner) role on its own connection.
 * Drizzle applies all pending migrations in one transaction: never add and use an enum value in one set.
 */
export async function runMigrations(connectionString: string): Promise<void> {
  const client = new Client({ connectionString, application_name: 'vorort-migrate' });
  await client.connect();
  try {
    // Serialise concurrent starts against the same database.
    await client.query('SELECT pg_advisory_lock(7261001)');
    await client.query('SET client_min_messages = warning');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock(7261001)').catch(() => {});
    await client.end();
  }
}
