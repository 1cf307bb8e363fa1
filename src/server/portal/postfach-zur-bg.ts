import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { ladeBgFuer } from '../fall/zugriff.ts';
import { alsMitteilung } from '../fall/mitteilung-vorbereiten.ts';
import { mitAnhaengen, buergerDerBg } from './postfach-gemeinsam.ts';

/** Staff: the Postfach of a case (Fallakte page). */
export async function postfachZurBg(opts: { ctx: AppContext; actor: Actor; bgId: string }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const bg = await ladeBgFuer(tx, actor, opts.bgId, 'fall.lesen');
    const buergerId = await buergerDerBg(tx, bg.id);
    const rows = await portalRepository.nachrichten(tx, { bgId: bg.id });
    const nachrichten = await mitAnhaengen(tx, rows);
    for (const n of rows) if (n.richtung === 'an_jobcenter' && !n.gelesenAm) await portalRepository.markiereGelesen(tx, n.id);
    await recordAudit(tx, actor, { objectType: 'postfach', objectId: bg.id, action: 'read', purpose: 'Fallakte: Postfach lesen' });
    // Veränderungsmitteilungen from the portal (to check and apply) and uploads still being scanned.
    const mitteilungen = (await antraegeRepository.listByBg(tx, bg.id)).flatMap(({ antrag }) => {
      const p = alsMitteilung(antrag);
      return p ? [{ id: antrag.id, antragsdatum: antrag.antragsdatum, flow: p.flow, veraenderungsart: p.veraenderungsart, angewendet: p.angewendet ?? null, eingangskanal: antrag.eingangskanal }] : [];
    });
    const ausstehend = (await portalRepository.ausstehendeDateienDerBg(tx, bg.id)).map((d) => ({ id: d.id, dateiname: d.dateiname, hochgeladenAm: d.createdAt.toISOString() }));
    return { portalKonto: buergerId !== undefined, nachrichten, mitteilungen, ausstehend };
  });
}
