import { kduRepository } from '../../db/repositories/bewilligung.ts';
import { istKalenderdatum } from '../../domain/fallakte/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { isUuid } from '../fall/common.ts';
import { authorize } from '../policies.ts';
import { mitUeberschneidung, presentKduRichtwert } from './kdu-richtwerte.ts';

/**
 * Ends a KdU-Richtwert on `bis` (last day it applies). Moving the end later is allowed as long as it does not run into
 * the next Richtwert of the same Kommune and household size (exclusion constraint → 409 zeitraum_ueberschneidung).
 */
export async function beendeKduRichtwert(opts: { ctx: AppContext; actor: Actor; id: string; version: number; bis: string }) {
  const { ctx, actor, bis } = opts;
  authorize(actor, 'kdu.verwalten');
  if (!istKalenderdatum(bis)) throw validationFailed([{ path: 'bis', code: 'datum_ungueltig', message: 'Bitte den letzten Tag angeben, an dem der Richtwert gilt.' }]);
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const alt = isUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
    if (!alt) throw notFound('Der Richtwert');
    if (alt.version !== opts.version) throw versionConflict();
    if (bis < alt.gueltigVon) {
      throw validationFailed([{ path: 'bis', code: 'datum_vor_beginn', message: 'Das Ende darf nicht vor dem Beginn des Richtwerts liegen.' }]);
    }
    const r = await mitUeberschneidung(() => kduRepository.update(tx, alt.id, alt.version, { gueltigBis: bis }), 'bis');
    if (!r) throw versionConflict();
    await recordAudit(tx, actor, { objectType: 'kdu_richtwert', objectId: r.id, action: 'update', purpose: 'KdU-Richtwerte pflegen', details: { gueltigBis: bis } });
    return presentKduRichtwert(r);
  });
}
