import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { heute } from '../clock.ts';
import { pruefeZugriff } from './zugriff.ts';

/** The citizen opts in or out of online delivery of Bescheide (separate from messages and uploads). */
export async function setzeZustellungswunsch(opts: { ctx: AppContext; actor: Actor; fuer?: string | undefined; online: boolean }) {
  const { ctx, actor } = opts;
  await ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'handeln', heute(ctx.clock.now()));
    await portalRepository.setzeZustellung(tx, { traegerId: actor.traegerId, buergerId: z.buergerId, online: opts.online, geaendertVon: actor.userId });
    await recordAudit(tx, actor, { objectType: 'zustellungswunsch', objectId: z.buergerId, action: 'update', purpose: 'Bürgerportal: Zustellungswunsch ändern', details: { online: opts.online, als: z.als } });
  });
}
