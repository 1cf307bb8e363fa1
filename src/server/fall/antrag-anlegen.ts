import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { ANTRAGSDATUM_IN_ZUKUNFT, ANTRAGSDATUM_VOR_RECHTSSTAND, imRechtsstand, plusTage } from '../../domain/fallakte/index.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { ART_TEXT, datumText, KANAL_TEXT } from './texte.ts';
import { heute } from '../clock.ts';
import { ladeBgFuer } from './zugriff.ts';
import { protokolliere } from './protokolliere.ts';
import { antragNeuSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/** A Weiterbewilligungsantrag or a Veränderungsmitteilung for an existing Fallakte, into the work queue. */
export const antragAnlegen = defineUseCase({
  name: 'fall.antrag-anlegen',
  zugang: 'angemeldet',
  input: antragNeuSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    if (!imRechtsstand(input.antragsdatum)) {
      throw new AppError('datum_ausserhalb_rechtsstand', 400, ANTRAGSDATUM_VOR_RECHTSSTAND, [
        { path: 'antragsdatum', code: 'datum_ausserhalb_rechtsstand', message: ANTRAGSDATUM_VOR_RECHTSSTAND },
      ]);
    }
    if (input.antragsdatum > heute(ctx.clock.now())) {
      throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
        { path: 'antragsdatum', code: 'antragsdatum_in_zukunft', message: ANTRAGSDATUM_IN_ZUKUNFT },
      ]);
    }
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      const antrag = await antraegeRepository.insert(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        art: input.art,
        antragsdatum: input.antragsdatum,
        eingangskanal: input.eingangskanal,
        standortId: bg.standortId,
        faelligAm: input.faelligAm ?? plusTage(heute(ctx.clock.now()), 14),
        payload: input.payload ?? null,
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'antrag_eingegangen',
        beschreibung: `${ART_TEXT[input.art]} vom ${datumText(input.antragsdatum)} (${KANAL_TEXT[input.eingangskanal]}) erfasst.`,
        details: { antragId: antrag.id },
        zweck: 'Leistungssachbearbeitung: Antrag erfassen',
      });
      return antrag;
    });
  },
});
