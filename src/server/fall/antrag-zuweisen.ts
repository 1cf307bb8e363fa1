import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { ganzzahl, leerAlsNull } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { AppError, versionConflict } from '../errors.ts';
import { ladeAntragFuer } from './zugriff.ts';
import { ART_TEXT, datumText } from './texte.ts';
import { protokolliere } from './protokolliere.ts';

/**
 * Assigns an Antrag to a caseworker of its Standort (or removes the assignment). An Antrag still "eingegangen"
 * is then "in Bearbeitung".
 */
export const antragZuweisenSchema = z.strictObject({
  /** The Antrag from the URL; an unknown or malformed id answers 404. */
  id: z.string().max(100).describe('ID (UUID)'),
  version: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 1, 2_147_483_647),
  bearbeiterId: leerAlsNull(z.uuid()).describe('null: Zuweisung aufheben'),
});

export const antragZuweisen = defineUseCase({
  name: 'fall.antrag-zuweisen',
  zugang: 'angemeldet',
  input: antragZuweisenSchema,
  audit: ['fallakte.update'],
  run: async ({ ctx, actor, input: { id, bearbeiterId, version } }) =>
    ctx.db.withTenant(tenantScope(actor), async (tx) => {
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
  }),
});
