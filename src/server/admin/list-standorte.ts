import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize } from '../policies.ts';

/** All Standorte of the actor's Träger with the name of their Kommune. */
export async function listStandorte(opts: { ctx: AppContext; actor: Actor }): Promise<{ standort: Standort; kommune: string }[]> {
  authorize(opts.actor, 'organisation.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), (tx) => organisationRepository.listStandorte(tx));
}
