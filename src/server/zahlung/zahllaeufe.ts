import { zahlungRepository } from '../../db/repositories/bewilligung.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';

/** Overview of the payment runs (controlling, teamleitung, leistung): counts and sums, no bank details. */
export async function zahllaeufe(opts: { ctx: AppContext; actor: Actor }) {
  authorize(opts.actor, 'zahllauf.uebersicht');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) =>
    (await zahlungRepository.listLaeufe(tx)).map((l) => ({
      id: l.id,
      zahlmonat: l.zahlmonat,
      nr: l.nr,
      status: l.status,
      startedAt: l.startedAt.toISOString(),
      finishedAt: l.finishedAt ? l.finishedAt.toISOString() : null,
      anzahl: l.anzahl,
      summeCent: l.summeCent,
      hatDatei: l.hatDatei,
      zurueckgestellt: ((l.zurueckgestellt as unknown[] | null) ?? []).length,
    })),
  );
}

/** The pain.001 file of a run (contains bank details: only who may run payments). Audited as an export. */
export async function zahllaufDatei(opts: { ctx: AppContext; actor: Actor; id: string }) {
  authorize(opts.actor, 'zahllauf.ausfuehren');
  return opts.ctx.db.withTenant(tenantScope(opts.actor), async (tx) => {
    if (!isUuid(opts.id)) throw notFound('Der Zahllauf');
    const l = await zahlungRepository.findLauf(tx, opts.id);
    if (!l || !l.pain001) throw notFound('Die SEPA-Datei');
    await recordAudit(tx, opts.actor, { objectType: 'zahllauf', objectId: l.id, action: 'export', purpose: 'SEPA-Datei für die Bank herunterladen', details: { zahlmonat: l.zahlmonat, anzahl: l.anzahl } });
    return { dateiname: `${l.nachrichtId}.xml`, xml: l.pain001 };
  });
}
