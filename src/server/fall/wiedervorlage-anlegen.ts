import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { datumText } from './texte.ts';
import { ladeBgFuer } from './zugriff.ts';
import { protokolliere } from './protokolliere.ts';
import { wiedervorlageNeuSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/** A follow-up on the Fallakte: due date, reason, optionally a colleague of the BG's Standort. */
export const wiedervorlageAnlegen = defineUseCase({
  name: 'fall.wiedervorlage-anlegen',
  zugang: 'angemeldet',
  input: wiedervorlageNeuSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      let name: string | null = null;
      if (input.zugewiesenAn) {
        const ziel = (await antraegeRepository.kollegen(tx, [bg.standortId])).find((k) => k.id === input.zugewiesenAn);
        if (!ziel) {
          throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
            { path: 'zugewiesenAn', code: 'bearbeiter_ungueltig', message: 'Diese Person arbeitet nicht in der Leistungssachbearbeitung dieses Standorts.' },
          ]);
        }
        name = ziel.name;
      }
      if (input.antragId) {
        const antrag = await antraegeRepository.find(tx, input.antragId);
        if (!antrag || antrag.bgId !== bg.id) {
          throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [{ path: 'antragId', code: 'antrag_unbekannt', message: 'Der Antrag gehört nicht zu dieser Fallakte.' }]);
        }
      }
      const wv = await antraegeRepository.insertWiedervorlage(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        antragId: input.antragId ?? null,
        faelligAm: input.faelligAm,
        grund: input.grund,
        zugewiesenAn: input.zugewiesenAn ?? null,
        createdBy: actor.userId,
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'wiedervorlage',
        beschreibung: `Wiedervorlage zum ${datumText(input.faelligAm)}${name ? ` für ${name}` : ''}: ${input.grund}`,
        details: { wiedervorlageId: wv.id },
        zweck: 'Leistungssachbearbeitung: Wiedervorlage anlegen',
      });
      return { ...wv, zugewiesenName: name };
    });
  },
});
