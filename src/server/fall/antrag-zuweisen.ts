import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './antrag-common.ts';
import { ART_TEXT, datumText, protokolliere } from './common.ts';

/**
 * Assigns an Antrag to a caseworker of its Standort (or removes the assignment). An Antrag still "eingegangen"
 * is then "in Bearbeitung".
 */
export async function antragZuweisen(opts: { ctx: AppContext; actor: Actor; id: string; bearbeiterId: string | null; version: number }) {
  const { ctx, actor, id, bearbeiterId, version } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const antrag = await ladeAntragFuer(tx, actor, id, 'fall.bearbeiten');
    if (antrag.version !== version) throw versionConflict();
    let name = '';
    if (bearbeiterId) {
      const kollegen = await antraegeRepository.kollegen(tx, [antrag.standortId]);
      const ziel = kollegen.find((k) => k.id === bearbeiterId);
      if (!ziel) {
        throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
          { path: 'bearbeiterId', code: 'bearbeiter_ungueltig', message: 'Diese Person arbeitet nicht in der Leistungssachbearbeitung dieses Standorts.' },
        ]);
      }
      name = ziel.name;
    }
    const updated = await antraegeRepository.update(tx, id, version, {
      bearbeiterId,
      ...(bearbeiterId && antrag.status === 'eingegangen' ? { status: 'in_bearbeitung' } : {}),
    });
    if (!updated) throw versionConflict();
    if (antrag.bgId) {
      await protokolliere(tx, actor, {
        bgId: antrag.bgId,
        art: 'antrag_zugewiesen',
        beschreibung: bearbeiterId
          ? `${ART_TEXT[antrag.art]} vom ${datumText(antrag.antragsdatum)} ${bearbeiterId === actor.userId ? 'übernommen' : `${name} zugewiesen`}.`
          : `Zuweisung des ${ART_TEXT[antrag.art]}s vom ${datumText(antrag.antragsdatum)} aufgehoben.`,
        details: { antragId: id, bearbeiterId },
        zweck: 'Leistungssachbearbeitung: Arbeitsvorrat verteilen',
      });
    }
    return { ...updated, bearbeiterName: bearbeiterId ? name : null };
  });
}
