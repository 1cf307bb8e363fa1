import { kduRepository } from '../../db/repositories/kdu-richtwerte.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { mitUeberschneidung, presentKduRichtwert, pruefeZeitraum } from './kdu-richtwerte.ts';
import { kduEingabeSchema } from './schemas.ts';

/** A KdU-Richtwert for a Kommune and household size with its validity (409 when it overlaps another). */
export const kduRichtwertAnlegen = defineUseCase({
  name: 'verwaltung.kdu-richtwert-anlegen',
  zugang: 'kdu.verwalten',
  input: kduEingabeSchema,
  audit: ['kdu_richtwert.create'],
  run: async ({ ctx, actor, input }) => {
    pruefeZeitraum(input);
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      if (!(await organisationRepository.findKommune(tx, input.kommuneId))) {
        throw validationFailed([{ path: 'kommuneId', code: 'kommune_unbekannt', message: 'Bitte eine Kommune wählen.' }]);
      }
      const r = await mitUeberschneidung(() => kduRepository.insert(tx, { ...input, gueltigBis: input.gueltigBis || null, traegerId: actor.traegerId }));
      await recordAudit(tx, actor, { objectType: 'kdu_richtwert', objectId: r.id, action: 'create', purpose: 'KdU-Richtwerte pflegen' });
      return presentKduRichtwert(r);
    });
  },
});
