import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Kommune } from '../../db/schema/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policies.ts';
import { requireUuid } from './common.ts';

/** One Kommune of the actor's Träger; another Träger's or an unknown id is "not found". */
export async function getKommune(opts: { ctx: AppContext; actor: Actor; id: string }): Promise<Kommune> {
  authorize(opts.actor, 'organisation.verwalten');
  requireUuid(opts.id, 'Die Kommune');
  const kommune = await opts.ctx.db.withTenant(tenantScope(opts.actor), (tx) => organisationRepository.findKommune(tx, opts.id));
  if (!kommune) throw notFound('Die Kommune');
  return kommune;
}
