import type { Tx } from '../../db/client.ts';
import type { Actor, AppContext } from '../context.ts';
import { authorize } from '../policies.ts';
import { aendereSerieAb, datumText, imTenant, ladeBgFuer, mitUeberschneidungsFehler, protokolliere, pruefeIban, sperreVersion } from './common.ts';
import type { BankAenderung } from './schemas.ts';

/** New bank account "ab" a day (or none any more). Needs 'fall.bankdaten'; the IBAN is checked. */
export async function aendereBankverbindung(opts: { ctx: AppContext; actor: Actor; id: string; input: BankAenderung; /** run inside the caller's transaction (e.g. applying a Veränderungsmitteilung) */ tx?: Tx }) {
  const { ctx, actor, id, input } = opts;
  const iban = input.bank ? pruefeIban(input.bank.iban, 'bank.iban') : null;
  return mitUeberschneidungsFehler(() =>
    imTenant(ctx, actor, opts.tx, async (tx) => {
      const bg = await ladeBgFuer(tx, actor, id, 'fall.bearbeiten');
      authorize(actor, 'fall.bankdaten');
      const updated = await sperreVersion(tx, bg, input.version);
      await aendereSerieAb(tx, {
        tabelle: 'bankverbindungen',
        filter: { bgId: bg.id },
        ab: input.ab,
        traegerId: actor.traegerId,
        werte: input.bank && iban ? { iban, bic: input.bank.bic || null, kontoinhaber: input.bank.kontoinhaber } : null,
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'bankverbindung_geaendert',
        // The history names the change, not the account number (readers without bank rights see it too).
        beschreibung: input.bank
          ? `Neue Bankverbindung ab ${datumText(input.ab)} (Konto endet auf …${iban!.slice(-4)}).`
          : `Bankverbindung endet am ${datumText(input.ab)} (Vortag).`,
        details: { ab: input.ab },
        zweck: 'Leistungssachbearbeitung: Bankverbindung ändern',
      });
      return updated;
    }),
  );
}
