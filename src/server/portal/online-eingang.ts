import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize, visibleStandorte } from '../policies.ts';

/**
 * Staff view of the online channel (Standort-scoped): unfinished online applications to follow up (the Antragsdatum
 * is already secured) and open online Anträge with the documents the citizens uploaded and their scan status.
 */
export async function onlineEingang(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  authorize(actor, 'fall.lesen');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const sichtbar = visibleStandorte(actor, 'fall.lesen');
    const entwuerfe = await portalRepository.offeneEntwuerfe(tx, sichtbar);
    const antraege = await portalRepository.onlineAntraege(tx, sichtbar);
    const dateien = await portalRepository.dateienZuAntraegen(tx, antraege.map((a) => a.id));
    await recordAudit(tx, actor, { objectType: 'antrag', action: 'search', purpose: 'Online-Eingang: unfertige Anträge nachverfolgen', details: { entwuerfe: entwuerfe.length, antraege: antraege.length } });
    return {
      entwuerfe,
      antraege: antraege.map((a) => ({ ...a, dateien: dateien.filter((d) => d.antragId === a.id) })),
    };
  });
}
