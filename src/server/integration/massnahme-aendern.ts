import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { INSTRUMENT_TEXT, instrumentVerfuegbar } from '../../domain/foerdern/instrumente.ts';
import { changedFields, withUniqueFields } from '../admin/common.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { validationFailed, versionConflict } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { BEZEICHNUNG_VERGEBEN, INSTRUMENT_UNGUELTIG } from './massnahme-anlegen.ts';
import { massnahmeAendernSchema } from './massnahmen-schemas.ts';
import { ladeMassnahme } from './teilnahme-gemeinsam.ts';

/** Changes a Maßnahme of the programme (running Teilnahmen keep their bound cost). */
export const massnahmeAendern = defineUseCase({
  name: 'integration.massnahme-aendern',
  zugang: 'massnahmen.verwalten',
  input: massnahmeAendernSchema,
  audit: ['massnahme.update'],
  run: async ({ ctx, actor, input }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const vorher = await ladeMassnahme(tx, input.id);
      if (input.instrument !== vorher.instrument && !instrumentVerfuegbar(input.instrument, heute(ctx.clock.now()))) {
        throw validationFailed([{ path: 'instrument', code: 'instrument_nicht_gueltig', message: INSTRUMENT_UNGUELTIG }]);
      }
      const patch = {
        bezeichnung: input.bezeichnung,
        instrument: input.instrument,
        anbieter: input.anbieter,
        beschreibung: input.beschreibung ?? null,
        regeldauerTage: input.regeldauerTage ?? null,
        kostenJePlatzCent: input.kostenJePlatzCent,
        kostenart: input.kostenart,
        titel: input.titel ?? INSTRUMENT_TEXT[input.instrument].titel,
      };
      return withUniqueFields(
        async () => {
          const m = await massnahmenRepository.update(tx, vorher.id, input.version, patch);
          if (!m) throw versionConflict();
          await recordAudit(tx, actor, { objectType: 'massnahme', objectId: m.id, action: 'update', purpose: 'Maßnahmenprogramm pflegen', details: { felder: changedFields(vorher, patch) } });
          return m;
        },
        { massnahmen_bezeichnung_unique: BEZEICHNUNG_VERGEBEN },
        BEZEICHNUNG_VERGEBEN,
      );
    }),
});
