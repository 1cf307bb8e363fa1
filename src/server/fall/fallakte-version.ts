import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import type { Bedarfsgemeinschaft } from '../../db/schema/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { versionConflict } from '../errors.ts';

/** Runs `fn` in the caller's transaction if there is one (several changes applied together), else in a new one. */
export function imTenant<T>(ctx: AppContext, actor: Actor, tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : ctx.db.withTenant(tenantScope(actor), fn);
}

/** Optimistic locking of the Fallakte: every change names the version it read. */
export async function sperreVersion(tx: Tx, bg: Bedarfsgemeinschaft, version: number, patch: { standortId?: string; status?: 'aktiv' | 'geschlossen' } = {}) {
  if (bg.version !== version) throw versionConflict();
  const updated = await fallRepository.bumpVersion(tx, bg.id, version, patch);
  if (!updated) throw versionConflict();
  return updated;
}
