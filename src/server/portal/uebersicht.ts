import { minderungsverfahrenRepository } from '../../db/repositories/minderungsverfahren.ts';
import { portalRepository } from '../../db/repositories/portal.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { heute } from '../clock.ts';
import { portalFlow } from './flows.ts';
import { pruefeZugriff } from './zugriff.ts';

/**
 * What the portal start page shows for a citizen (or, for a representative, for the person they act for): open
 * drafts, every request made with its status, unread messages, and whom the actor may act for.
 */
export async function portalUebersicht(opts: { ctx: AppContext; actor: Actor; fuer?: string | undefined }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const zugriff = await pruefeZugriff(tx, actor, opts.fuer ?? actor.userId, 'lesen', heute(ctx.clock.now()));
    const buergerId = zugriff.buergerId;
    const entwuerfe = (await portalRepository.listEntwuerfe(tx, buergerId))
      .filter((e) => e.status === 'offen')
      .map((e) => ({ id: e.id, flowId: e.flowId, titel: portalFlow(e.flowId)?.titel ?? e.flowId, antragsdatum: e.antragsdatum, geaendert: e.updatedAt.toISOString() }));
    const nachrichten = await portalRepository.nachrichten(tx, { buergerId });
    // A Minderungsbescheid (Fordern) in the Postfach is no decision on an Antrag
    const minderungsbescheide = await minderungsverfahrenRepository.minderungsbescheidNachrichten(
      tx,
      nachrichten.filter((x) => x.art === 'bescheid').map((x) => x.id),
    );
    // A decided Antrag links the latest Bescheid of its case in the Postfach (if delivered online; else it comes by post).
    const bescheidZu = (bgId: string | null) => {
      const n = bgId ? nachrichten.find((x) => x.art === 'bescheid' && x.bgId === bgId && !minderungsbescheide.has(x.id)) : undefined;
      return n ? { nachrichtId: n.id, betreff: n.betreff } : null;
    };
    const antraege = (await portalRepository.antraegeVon(tx, buergerId)).map((a) => ({
      id: a.id,
      art: a.art,
      antragsdatum: a.antragsdatum,
      status: a.status,
      bescheid: a.status === 'entschieden' ? bescheidZu(a.bgId) : null,
    }));
    const ungelesen = nachrichten.filter((n) => n.richtung === 'an_buerger' && !n.gelesenAm).length;
    const vertretene: Array<{ id: string; name: string; umfang: string }> = [];
    for (const v of await portalRepository.vollmachtenFuer(tx, actor.userId, heute(ctx.clock.now()))) {
      const vorhanden = vertretene.find((x) => x.id === v.v.vollmachtgeberId);
      if (!vorhanden) vertretene.push({ id: v.v.vollmachtgeberId, name: v.name, umfang: v.v.umfang });
      else if (v.v.umfang === 'handeln') vorhanden.umfang = 'handeln';
    }
    const person = buergerId === actor.userId ? { name: actor.name } : await portalRepository.findUser(tx, buergerId);
    await recordAudit(tx, actor, { objectType: 'portal', objectId: buergerId, action: 'read', purpose: 'Bürgerportal: Übersicht', details: { als: zugriff.als } });
    return { buergerId, als: zugriff.als, name: person?.name ?? '', entwuerfe, antraege, ungelesen, vertretene };
  });
}
