import { loadConfig } from '../../config/config.ts';
import { startEmbeddedPostgres } from '../../db/embedded.ts';
import { runMigrations } from '../../db/migrate.ts';
import { ensureDatabase, safeTarget } from '../../system.ts';

/** `vorort migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
export async function migrateCommand(_args: string[]): Promise<number> {
  const config = loadConfig();
  if (config.databaseUrl) {
    await runMigrations(config.databaseUrl);
    console.log(`Migrationen angewendet: ${safeTarget(config.databaseUrl)}`);
    return 0;
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, ausweichen: !config.dataDirGesetzt });
  try {
    await runMigrations(await ensureDatabase(embedded.connectionString, 'vorort'));
    console.log(`Migrationen angewendet (eingebettete Datenbank in ${config.dataDir}).`);
  } finally {
    await embedded.stop();
  }
  return 0;
}
