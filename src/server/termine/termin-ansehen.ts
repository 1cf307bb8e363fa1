import { termineRepository } from '../../db/repositories/termine.ts';
import { darfAbsagen, darfVerschieben, type Kanal } from '../../domain/termine/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { isUuid } from '../fall/common.ts';
import { alsTerminZeit, darfSehen, regelnFuer, terminNichtGefunden } from './gemeinsam.ts';

/**
 * One appointment for its page: the citizen's own, or one of the staff member's Standorte (otherwise 404) – with the
 * Anliegen, the Standort's address (where to go for an on-site appointment) and whether the citizen may still move
 * or cancel it online. The read is recorded in the audit trail.
 */
export async function terminAnsehen(opts: { ctx: AppContext; actor: Actor; id: string; jetzt?: Date }) {
  const { ctx, actor } = opts;
  const jetzt = opts.jetzt ?? ctx.clock.now();
  if (!isUuid(opts.id)) throw terminNichtGefunden();
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const t = await termineRepository.findTermin(tx, opts.id);
    if (!t || !darfSehen(actor, t)) throw terminNichtGefunden();
    const daten = await termineRepository.stammdaten(tx);
    const anliegen = daten.anliegen.find((a) => a.id === t.anliegenId);
    const standort = daten.standorte.find((s) => s.id === t.standortId);
    await recordAudit(tx, actor, { objectType: 'termin', objectId: t.id, personId: t.buergerUserId, action: 'read', purpose: 'Termin ansehen' });
    const regeln = await regelnFuer(tx, actor.traegerId);
    return {
      termin: t,
      anliegen: anliegen ? { id: anliegen.id, name: anliegen.name, schluessel: anliegen.schluessel } : undefined,
      standort: standort ? { name: standort.name, anschrift: `${standort.strasse}, ${standort.plz} ${standort.ort}` } : undefined,
      kanal: t.kanal as Kanal,
      darfVerschieben: darfVerschieben(alsTerminZeit(t), jetzt, regeln),
      darfAbsagen: darfAbsagen(alsTerminZeit(t), jetzt, regeln),
    };
  });
}
