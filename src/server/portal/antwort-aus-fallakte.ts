import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { buergerDerBg, pruefeText } from './postfach-gemeinsam.ts';

/** Staff reply from the Fallakte: goes to the citizen account linked to the case. */
export async function antworteAusFallakte(opts: { ctx: AppContext; actor: Actor; bgId: string; betreff: string; text: string }) {
  const { ctx, actor } = opts;
  pruefeText(opts.betreff, opts.text);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.bgId, 'fall.bearbeiten');
    const buergerId = await buergerDerBg(tx, bg.id);
    if (!buergerId) throw new AppError('kein_portalkonto', 409, 'Zu dieser Fallakte gibt es kein Konto im Bürgerportal.');
    const n = await portalRepository.insertNachricht(tx, {
      traegerId: actor.traegerId,
      buergerId,
      bgId: bg.id,
      richtung: 'an_buerger',
      betreff: opts.betreff.trim(),
      text: opts.text.trim(),
      absenderId: actor.userId,
      absenderName: actor.name,
    });
    await recordAudit(tx, actor, { objectType: 'postfach_nachricht', objectId: n.id, action: 'create', purpose: 'Fallakte: Nachricht an die Bürgerin / den Bürger' });
    return n.id;
  });
}
