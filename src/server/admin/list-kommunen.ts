import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';

/** All Kommunen of the actor's Träger, active and deactivated, by name. */
export async function listKommunen(opts: { ctx: AppContext; actor: Actor }): Promise<Kommune[]> {
  authorize(opts.actor, 'organisation.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), (tx) => organisationRepository.listKommunen(tx));
}
