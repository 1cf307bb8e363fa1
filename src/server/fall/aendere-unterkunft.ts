import type { Tx } from '../../db/client.ts';
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
      await aendereSerieAb(tx, {
        tabelle: 'unterkunft',
        filter: { bgId: bg.id },
        ab: input.ab,
        traegerId: actor.traegerId,
        werte: u
          ? { grundmieteCent: u.grundmieteCent, nebenkostenCent: u.nebenkostenCent, heizkostenCent: u.heizkostenCent, warmwasserDezentral: u.warmwasserDezentral ?? false }
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
