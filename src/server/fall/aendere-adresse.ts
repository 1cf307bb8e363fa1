import { antraegeRepository } from '../../db/repositories/antraege.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { organisationRepository } from '../../db/repositories/organisation.ts';
import { AppError } from '../errors.ts';
import { aendereSerieAb } from './aendere-ab.ts';
import { datumText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { adresseAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * New address "ab" a day (a move). A move into another Kommune makes that Kommune's Standort responsible
 * from now on: the Fallakte and its open Anträge move there (their assignment ends).
 */
export const aendereAdresse = defineUseCase({
  name: 'fall.aendere-adresse',
  zugang: 'angemeldet',
  input: adresseAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        const kommune = await organisationRepository.findKommune(tx, input.adresse.kommuneId);
        if (!kommune) {
          throw new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', [
            { path: 'adresse.kommuneId', code: 'kommune_unbekannt', message: 'Diese Kommune gibt es beim Träger nicht.' },
          ]);
        }
        const standort = await fallRepository.standortFuerKommune(tx, kommune.id);
        const neuerStandort = standort && standort.id !== bg.standortId ? standort : null;
        const updated = await sperreVersion(tx, bg, input.version, neuerStandort ? { standortId: neuerStandort.id } : {});
        const verschoben = neuerStandort ? await antraegeRepository.verschiebeOffene(tx, bg.id, neuerStandort.id) : 0;
        const a = input.adresse;
        await aendereSerieAb(tx, {
          tabelle: 'adressen',
          filter: { bgId: bg.id },
          ab: input.ab,
          traegerId: actor.traegerId,
          werte: { strasse: a.strasse, hausnummer: a.hausnummer, zusatz: a.zusatz ?? null, plz: a.plz, ort: a.ort, kommuneId: a.kommuneId },
        });
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'adresse_geaendert',
          beschreibung: `Anschrift ab ${datumText(input.ab)}: ${a.strasse} ${a.hausnummer}, ${a.plz} ${a.ort} (${kommune.name}).${neuerStandort ? ` Zuständig ist jetzt ${neuerStandort.name}${verschoben ? `; ${verschoben} offene(r) Antrag/Anträge dorthin abgegeben` : ''}.` : ''}`,
          details: { ab: input.ab, kommuneId: kommune.id, standortId: neuerStandort?.id ?? null },
        });
        return updated;
      }),
    );
  },
});
