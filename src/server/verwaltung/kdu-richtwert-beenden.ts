import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { mitUeberschneidung, presentKduRichtwert } from './kdu-richtwerte.ts';
import { kduBeendenSchema } from './schemas.ts';

/**
 * Ends a KdU-Richtwert on `bis` (last day it applies). Moving the end later is allowed as long as it does not run into
 * the next Richtwert of the same Kommune and household size (exclusion constraint → 409 zeitraum_ueberschneidung).
 */
export const kduRichtwertBeenden = defineUseCase({
  name: 'verwaltung.kdu-richtwert-beenden',
  zugang: 'kdu.verwalten',
  input: kduBeendenSchema,
  audit: ['kdu_richtwert.update'],
  run: async ({ ctx, actor, input: opts }) => {
  const { bis } = opts;
  return ctx.db.withTenant(tenantScope(actor), async (tx) => {
    const alt = istUuid(opts.id) ? await kduRepository.find(tx, opts.id) : undefined;
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
  },
});
