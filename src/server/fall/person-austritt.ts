import { fallRepository } from '../../db/repositories/fall.ts';
import { tagVorher } from '../../domain/fallakte/index.ts';
import { AppError, notFound } from '../errors.ts';
import { datumText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { personAustrittSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/** A person leaves the BG/household: the membership (and relationships in this BG) end the day before `ab`. */
export const personAustritt = defineUseCase({
  name: 'fall.person-austritt',
  zugang: 'angemeldet',
  input: personAustrittSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        if (!(await fallRepository.istMitglied(tx, bg.id, input.personId))) throw notFound('Die Person');
        const updated = await sperreVersion(tx, bg, input.version);
        const serie = (await fallRepository.serie(tx, 'mitgliedschaften', { personId: input.personId })) as { id: string; gueltigVon: string; gueltigBis: string | null; bgId?: string }[];
        const laufend = serie.find((m) => m.bgId === bg.id && m.gueltigVon < input.ab && (m.gueltigBis === null || m.gueltigBis >= input.ab));
        if (!laufend) throw new AppError('nichts_zu_beenden', 409, `Die Person gehört am ${datumText(input.ab)} nicht zu dieser Bedarfsgemeinschaft.`);
        const bis = tagVorher(input.ab);
        await fallRepository.schliessePeriode(tx, 'mitgliedschaften', laufend.id, bis);
        const beziehungen = (await fallRepository.serie(tx, 'beziehungen', { bgId: bg.id })) as { id: string; gueltigVon: string; gueltigBis: string | null; personId?: string; zuPersonId?: string }[];
        for (const b of beziehungen) {
          if ((b.personId === input.personId || b.zuPersonId === input.personId) && b.gueltigVon < input.ab && (b.gueltigBis === null || b.gueltigBis >= input.ab)) {
            await fallRepository.schliessePeriode(tx, 'beziehungen', b.id, bis);
          }
        }
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'person_ausgeschieden',
          beschreibung: `Gehört ab ${datumText(input.ab)} nicht mehr zur Bedarfsgemeinschaft (Auszug oder Tod).`,
          personId: input.personId,
          details: { ab: input.ab },
        });
        return updated;
      }),
    );
  },
});
