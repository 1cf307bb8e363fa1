/**
 * Postfach (docs/buergerportal.md): messages between citizen and Jobcenter in both directions, with attachments
 * (portal_dateien, scanned like every upload). Online delivery of Bescheide is a separate choice (Zustellungswunsch):
 * using the Postfach for messages and uploads never implies it.
 */
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { heute } from '../clock.ts';
import { pruefeZugriff } from './zugriff.ts';
import { mitAnhaengen } from './postfach-gemeinsam.ts';

/** The citizen's Postfach (own or as representative); messages to the citizen count as read once shown to the citizen. */
export async function postfach(opts: { ctx: AppContext; actor: Actor; fuer?: string | undefined }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const z = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'lesen', heute(ctx.clock.now()));
    const rows = await portalRepository.nachrichten(tx, { buergerId: z.buergerId });
    const nachrichten = await mitAnhaengen(tx, rows);
    if (z.als === 'selbst') for (const n of rows) if (n.richtung === 'an_buerger' && !n.gelesenAm) await portalRepository.markiereGelesen(tx, n.id);
    const zustellung = await portalRepository.zustellung(tx, z.buergerId);
    await recordAudit(tx, actor, { objectType: 'postfach', objectId: z.buergerId, action: 'read', purpose: 'Bürgerportal: Postfach lesen', details: { als: z.als } });
    return { buergerId: z.buergerId, als: z.als, nachrichten, onlineZustellung: zustellung?.online ?? false };
  });
}
