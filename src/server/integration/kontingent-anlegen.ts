import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { istUuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { kontingentAnlegenSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme } from './teilnahme-gemeinsam.ts';

/** Places of a Maßnahme at one Standort for one period (Kontingent). */
export const kontingentAnlegen = defineUseCase({
  name: 'integration.kontingent-anlegen',
  zugang: 'massnahmen.verwalten',
  input: kontingentAnlegenSchema,
  audit: ['kontingent.create'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const m = await ladeMassnahme(tx, input.massnahmeId);
      const standort = istUuid(input.standortId) ? await organisationRepository.findStandort(tx, input.standortId) : undefined;
      const fehler = [];
      if (!standort) fehler.push({ path: 'standortId', code: 'unknown_reference', message: 'Bitte wählen Sie einen Standort Ihres Trägers.' });
      if (input.gueltigBis && input.gueltigBis < input.gueltigVon) fehler.push({ path: 'gueltigBis', code: 'zeitraum_ungueltig', message: 'Das Ende liegt vor dem Beginn.' });
      if (fehler.length) throw validationFailed(fehler);
      const k = await massnahmenRepository.insertKontingent(tx, {
        traegerId: actor.traegerId,
        massnahmeId: m.id,
        standortId: standort!.id,
        gueltigVon: input.gueltigVon,
        gueltigBis: input.gueltigBis ?? null,
        plaetze: input.plaetze,
      });
      await recordAudit(tx, actor, {
        objectType: 'kontingent',
        objectId: k.id,
        action: 'create',
        purpose: 'Maßnahmenprogramm pflegen: Plätze je Standort',
        details: { massnahmeId: m.id, standortId: k.standortId, plaetze: k.plaetze, von: k.gueltigVon, bis: k.gueltigBis },
      });
      return k;
    }),
});
