import { fallRepository } from '../../db/repositories/fall.ts';
import { geltendeAm, type UnterkunftPeriode } from '../../domain/fallakte/index.ts';
import { aendereSerieAb } from './aendere-ab.ts';
import { datumText, euroText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { unterkunftAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/** New housing costs "ab" a day (e.g. a rent increase or a Nebenkostenabrechnung). */
export const aendereUnterkunft = defineUseCase({
  name: 'fall.aendere-unterkunft',
  zugang: 'angemeldet',
  input: unterkunftAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
    return mitUeberschneidungsFehler(() =>
      imTenant(ctx, actor, opts.tx, async (tx) => {
        const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
        const updated = await sperreVersion(tx, bg, input.version);
        const u = input.unterkunft;
        // Wohnfläche and Heizungsart not sent stay as they were (a rent change must not erase them).
        const bisher = geltendeAm((await fallRepository.serie(tx, 'unterkunft', { bgId: bg.id })) as unknown as (UnterkunftPeriode & { gueltigVon: string })[], input.ab);
        await aendereSerieAb(tx, {
          tabelle: 'unterkunft',
          filter: { bgId: bg.id },
          ab: input.ab,
          traegerId: actor.traegerId,
          werte: u
            ? {
                grundmieteCent: u.grundmieteCent,
                nebenkostenCent: u.nebenkostenCent,
                heizkostenCent: u.heizkostenCent,
                warmwasserDezentral: u.warmwasserDezentral ?? false,
                wohnflaecheQm: u.wohnflaecheQm !== undefined ? u.wohnflaecheQm : (bisher?.wohnflaecheQm ?? null),
                heizungsart: u.heizungsart !== undefined ? u.heizungsart : (bisher?.heizungsart ?? null),
              }
            : null,
        });
        await protokolliere(tx, actor, {
          bgId: bg.id,
          art: 'unterkunft_geaendert',
          beschreibung: u
            ? `Kosten der Unterkunft ab ${datumText(input.ab)}: Grundmiete ${euroText(u.grundmieteCent)}, Nebenkosten ${euroText(u.nebenkostenCent)}, Heizkosten ${euroText(u.heizkostenCent)}${u.warmwasserDezentral ? ', Warmwasser dezentral' : ''}.`
            : `Keine Kosten der Unterkunft mehr ab ${datumText(input.ab)}.`,
          details: { ab: input.ab, ...u },
        });
        return updated;
      }),
    );
  },
});
