import { bescheidStammdaten } from '../../db/repositories/bewilligung.ts';
import { aufrechnungRepository, erstattungRepository } from '../../db/repositories/erstattungen.ts';
import { heute } from '../fall/common.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { authorize, visibleStandorte } from '../policies.ts';
import { ladeForderungFuer, presentForderung } from './erstattung-common.ts';

/** Erstattungsforderungen of the caller's Standorte, filtered by state and Fallnummer; audited as a search. */
export async function listeErstattungsforderungen(opts: { ctx: AppContext; actor: Actor; filter: { stand?: 'offen' | 'erledigt' | undefined; fallnummer?: string | undefined } }) {
  const { ctx, actor } = opts;
  authorize(actor, 'bewilligung.bearbeiten');
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const rows = await erstattungRepository.liste(tx, { standorte: visibleStandorte(actor, 'bewilligung.bearbeiten'), stand: opts.filter.stand, fallnummer: opts.filter.fallnummer?.trim() || undefined });
    await recordAudit(tx, actor, {
      objectType: 'erstattungsforderung',
      action: 'search',
      purpose: 'Leistungssachbearbeitung: Erstattungsforderungen bearbeiten',
      details: { anzahl: rows.length, ...opts.filter },
    });
    return rows.map((r) => presentForderung(r));
  });
}

/** One Erstattungsforderung with its history; audited as a read. */
export async function ladeErstattungsforderung(opts: { ctx: AppContext; actor: Actor; id: string }) {
  const { ctx, actor } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const r = await ladeForderungFuer(tx, actor, opts.id);
    await recordAudit(tx, actor, { objectType: 'erstattungsforderung', objectId: r.f.id, action: 'read', purpose: 'Leistungssachbearbeitung: Erstattungsforderung einsehen', details: { bgId: r.f.bgId } });
    const bescheid = r.f.bescheidId ? ((await erstattungRepository.bescheidKopf(tx, r.f.bescheidId)) ?? null) : null;
    const f = presentForderung(r, await erstattungRepository.vorgaenge(tx, r.f.id), bescheid, await aufrechnungRepository.derForderung(tx, r.f.id));
    // names of the persons who owe (for the Aufrechnung form and the list of Aufrechnungen)
    const namen = new Map(((await bescheidStammdaten(tx, [r.f.bgId], heute(ctx.clock.now()), { bank: false })).get(r.f.bgId)?.personen ?? []).map((p) => [p.id, p.name]));
    return { ...f, personen: f.personen.map((p) => ({ ...p, name: namen.get(p.id) ?? null })) };
  });
}
