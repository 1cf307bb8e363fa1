import { kduRepository } from '../../db/repositories/bewilligung.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { heute, isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';
import { presentKduRichtwert } from './kdu-richtwerte.ts';

/** One KdU-Richtwert with its Kommune and every Richtwert of the same Kommune and household size (its history). */
export async function ladeKduRichtwert(opts: { ctx: AppContext; actor: Actor; id: string }) {
  authorize(opts.actor, 'kdu.verwalten');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    const r = isUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
    if (!r) throw notFound('Der Richtwert');
    const kommune = await organisationRepository.findKommune(tx, r.kommuneId);
    const verlauf = (await kduRepository.fuerKommune(tx, r.kommuneId))
      .filter((x) => x.haushaltsgroesse === r.haushaltsgroesse)
      .sort((a, b) => a.gueltigVon.localeCompare(b.gueltigVon))
      .map(presentKduRichtwert);
    return { richtwert: { ...presentKduRichtwert(r), kommune: kommune?.name ?? '' }, verlauf, heute: heute(opts.ctx.clock.now()) };
  });
}
