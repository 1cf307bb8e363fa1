import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { datumText, isUuid, ladeBgFuer, protokolliere } from './common.ts';

/** Marks a follow-up as done. */
export async function wiedervorlageErledigen(opts: { ctx: AppContext; actor: Actor; id: string; version: number }) {
  const { ctx, actor, id, version } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    if (!isUuid(id)) throw notFound('Die Wiedervorlage');
    const wv = await antraegeRepository.findWiedervorlage(tx, id);
    if (!wv) throw notFound('Die Wiedervorlage');
    await ladeBgFuer(tx, actor, wv.bgId, 'fall.bearbeiten');
    if (wv.erledigtAm) throw new AppError('schon_erledigt', 409, 'Diese Wiedervorlage ist schon erledigt.');
    if (wv.version !== version) throw versionConflict();
    const updated = await antraegeRepository.updateWiedervorlage(tx, id, version, { erledigtAm: ctx.clock.now(), erledigtVon: actor.userId });
    if (!updated) throw versionConflict();
    await protokolliere(tx, actor, {
      bgId: wv.bgId,
      art: 'wiedervorlage_erledigt',
      beschreibung: `Wiedervorlage zum ${datumText(wv.faelligAm)} erledigt: ${wv.grund}`,
      details: { wiedervorlageId: id },
      zweck: 'Leistungssachbearbeitung: Wiedervorlage erledigen',
    });
    return updated;
  });
}
