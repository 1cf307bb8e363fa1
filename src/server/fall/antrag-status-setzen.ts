import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './antrag-common.ts';
import { ART_TEXT, datumText, protokolliere, STATUS_TEXT } from './common.ts';

/** Moves an Antrag through the queue (e.g. "wartet auf Unterlagen", "zurückgenommen"). */
export async function antragStatusSetzen(opts: { ctx: AppContext; actor: Actor; id: string; status: string; version: number }) {
  const { ctx, actor, id, status, version } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
    if (antrag.version !== version) throw versionConflict();
    const erledigt = status === 'entschieden' || status === 'zurueckgenommen';
    const updated = await antraegeRepository.update(tx, id, version, { status, erledigtAm: erledigt ? ctx.clock.now() : null });
    if (!updated) throw versionConflict();
    if (antrag.bgId) {
      await protokolliere(tx, actor, {
        bgId: antrag.bgId,
        art: 'antrag_status',
        beschreibung: `${ART_TEXT[antrag.art]} vom ${datumText(antrag.antragsdatum)}: Status „${STATUS_TEXT[status] ?? status}“.`,
        details: { antragId: id, von: antrag.status, nach: status },
        zweck: 'Leistungssachbearbeitung: Antrag bearbeiten',
      });
    }
    return updated;
  });
}
