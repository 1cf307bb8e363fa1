import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize, visibleStandorte } from '../policies.ts';
import { presentBewilligung } from './common.ts';

/** The approval queue of teamleitung: drafts waiting for a second person, within the caller's Standorte. */
export async function freigabeListe(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  authorize(actor, 'bewilligung.freigeben');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await bewilligungRepository.freigabeErforderlich(tx, visibleStandorte(actor, 'bewilligung.freigeben'));
    await recordAudit(tx, actor, { objectType: 'bewilligung', action: 'search', purpose: 'Teamleitung: Freigaben prüfen', details: { anzahl: rows.length } });
    return rows.map((r) => ({ ...presentBewilligung(r.b), fallnummer: r.fallnummer, eigene: r.b.createdBy === actor.userId }));
  });
}
