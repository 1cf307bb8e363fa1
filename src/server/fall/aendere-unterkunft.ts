import type { Tx } from '../../db/client.ts';
import { fallRepository } from '../../db/repositories/fall.ts';
import { geltendeAm, type UnterkunftPeriode } from '../../domain/fallakte/index.ts';
import type { Actor, AppContext } from '../context.ts';
import { aendereSerieAb, datumText, euroText, imTenant, ladeBgFuer, mitUeberschneidungsFehler, protokolliere, sperreVersion } from './common.ts';
import type { UnterkunftAenderung } from './schemas.ts';

/** New housing costs "ab" a day (e.g. a rent increase or a Nebenkostenabrechnung). */
export async function aendereUnterkunft(opts: { ctx: AppContext; actor: Actor; id: string; input: UnterkunftAenderung; /** run inside the caller's transaction (e.g. applying a Veränderungsmitteilung) */ tx?: Tx }) {
  const { ctx, actor, id, input } = opts;
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
}
