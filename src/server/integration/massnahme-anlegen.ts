import { massnahmenRepository } from '../../db/repositories/massnahmen.ts';
import { INSTRUMENT_TEXT, instrumentVerfuegbar } from '../../domain/foerdern/instrumente.ts';
import { withUniqueFields } from '../admin/common.ts';
import { recordAudit } from '../audit-trail.ts';
import { heute } from '../clock.ts';
import { tenantScope } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { massnahmeAnlegenSchema } from './massnahmen-schemas.ts';

export const INSTRUMENT_UNGUELTIG = 'Dieses Instrument gibt es heute nicht (mehr). Berufliche Weiterbildung und Reha laufen seit 1.1.2025 über die Verweisung an die Agentur für Arbeit.';
export const BEZEICHNUNG_VERGEBEN = { path: 'bezeichnung', code: 'already_exists', message: 'Eine Maßnahme mit dieser Bezeichnung gibt es schon im Programm.' };

/** A new Maßnahme in the Träger's programme (the Kreis keeps one catalogue for all Kommunen and Standorte). */
export const massnahmeAnlegen = defineUseCase({
  name: 'integration.massnahme-anlegen',
  zugang: 'massnahmen.verwalten',
  input: massnahmeAnlegenSchema,
  audit: ['massnahme.create'],
  run: async ({ ctx, actor, input }) => {
    if (!instrumentVerfuegbar(input.instrument, heute(ctx.clock.now()))) throw validationFailed([{ path: 'instrument', code: 'instrument_nicht_gueltig', message: INSTRUMENT_UNGUELTIG }]);
    return ctx.db.withTenant(tenantScope(actor), (tx) =>
      withUniqueFields(
        async () => {
          const m = await massnahmenRepository.insert(tx, {
            traegerId: actor.traegerId,
            bezeichnung: input.bezeichnung,
            instrument: input.instrument,
            anbieter: input.anbieter,
            beschreibung: input.beschreibung ?? null,
            regeldauerTage: input.regeldauerTage ?? null,
            kostenJePlatzCent: input.kostenJePlatzCent,
            kostenart: input.kostenart,
            titel: input.titel ?? INSTRUMENT_TEXT[input.instrument].titel,
          });
          await recordAudit(tx, actor, { objectType: 'massnahme', objectId: m.id, action: 'create', purpose: 'Maßnahmenprogramm pflegen', details: { instrument: m.instrument } });
          return m;
        },
        { massnahmen_bezeichnung_unique: BEZEICHNUNG_VERGEBEN },
        BEZEICHNUNG_VERGEBEN,
      ),
    );
  },
});
