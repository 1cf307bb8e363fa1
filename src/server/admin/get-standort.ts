import { organisationRepository } from '../../db/repositories/organisation.ts';
import type { Standort } from '../../db/schema/index.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policies.ts';
import { requireUuid } from './common.ts';

/** One Standort of the actor's Träger with its Kommune's name; another Träger's or an unknown id is "not found". */
export async function getStandort(opts: { ctx: AppContext; actor: Actor; id: string }): Promise<{ standort: Standort; kommune: string }> {
  authorize(opts.actor, 'organisation.verwalten');
  requireUuid(opts.id, 'Der Standort');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const standort = await organisationRepository.findStandort(tx, opts.id);
    if (!standort) throw notFound('Der Standort');
    const kommune = await organisationRepository.findKommune(tx, standort.kommuneId);
    return { standort, kommune: kommune?.name ?? '' };
  });
}
