import { authorize } from '../policies.ts';
import { aendereSerieAb } from './aendere-ab.ts';
import { datumText } from './texte.ts';
import { imTenant, sperreVersion } from './fallakte-version.ts';
import { ladeBgFuer } from './zugriff.ts';
import { mitUeberschneidungsFehler } from './ueberschneidung.ts';
import { protokolliere } from './protokolliere.ts';
import { pruefeIban } from './iban.ts';
import { bankAenderungSchema } from './schemas.ts';
import { defineUseCase } from '../use-case.ts';

/** New bank account "ab" a day (or none any more). Needs 'fall.bankdaten'; the IBAN is checked. */
export const aendereBankverbindung = defineUseCase({
  name: 'fall.aendere-bankverbindung',
  zugang: 'angemeldet',
  input: bankAenderungSchema,
  audit: ['fallakte.update'],
  run: async (opts) => {
    const { ctx, actor, input } = opts;
    const id = input.id;
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
  },
});
