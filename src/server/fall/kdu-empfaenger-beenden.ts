import { z } from 'zod';
import { kduEmpfaengerRepository } from '../../db/repositories/kdu-empfaenger.ts';
import { monatText } from '../../domain/bewilligung/monat.ts';
import { recordAudit } from '../audit-trail.ts';
import { notFound, validationFailed, versionConflict } from '../errors.ts';
import { ganzzahl } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { imTenant } from './fallakte-version.ts';
import { ladeBgFuerKduEmpfaenger, monatFeld, presentKduEmpfaenger } from './kdu-empfaenger-gemeinsam.ts';
import { protokolliere } from './protokolliere.ts';

export const kduEmpfaengerBeendenSchema = z.strictObject({
  id: z.string().max(100).describe('Fallakte (UUID)'),
  empfaengerId: z.string().max(100).describe('Eintrag (UUID)'),
  version: ganzzahl('Die Versionsnummer fehlt. Bitte laden Sie die Seite neu.', 1, 2_147_483_647).describe('gelesene Version des Eintrags'),
  bisMonat: monatFeld('Bitte den letzten Monat angeben, dessen Unterkunftskosten noch an den Empfänger gehen.'),
});

/**
 * Ends a payee of the BG's KdU with its last month (from the month after, the KdU go to the BG's account again, e.g.
 * when the person reported in person and counts as erreichbar again, § 7b Abs. 4 S. 3 SGB II). Only shortens; never
 * before a month whose KdU were already paid to the payee. Optimistic locking on the entry, under the BG's lock.
 */
export const kduEmpfaengerBeenden = defineUseCase({
  name: 'fall.kdu-empfaenger-beenden',
  zugang: 'fall.bankdaten',
  input: kduEmpfaengerBeendenSchema,
  audit: ['kdu_empfaenger.update', 'fallakte.update'],
  run: async ({ ctx, actor, input, tx: aussen }) =>
    imTenant(ctx, actor, aussen, async (tx) => {
      const bg = await ladeBgFuerKduEmpfaenger(tx, actor, input.id);
      await kduEmpfaengerRepository.sperreBg(tx, bg.id);
      const row = /^[0-9a-f-]{36}$/i.test(input.empfaengerId) ? await kduEmpfaengerRepository.find(tx, input.empfaengerId) : undefined;
      if (!row || row.bgId !== bg.id) throw notFound('Der Empfänger der Kosten der Unterkunft');
      if (row.version !== input.version) throw versionConflict();
      if (input.bisMonat < row.vonMonat) {
        throw validationFailed([{ path: 'bisMonat', code: 'bis_vor_von', message: `Der letzte Monat darf nicht vor dem ersten (${monatText(row.vonMonat)}) liegen.` }]);
      }
      if (row.bisMonat !== null && input.bisMonat > row.bisMonat) {
        throw validationFailed([{ path: 'bisMonat', code: 'nur_verkuerzen', message: `Der Eintrag endet schon mit ${monatText(row.bisMonat)}; er kann nur früher enden. Für spätere Monate tragen Sie einen neuen Empfänger ein.` }]);
      }
      const gezahlt = await kduEmpfaengerRepository.letzterGezahlterMonat(tx, bg.id);
      if (gezahlt !== null && input.bisMonat < gezahlt && gezahlt >= row.vonMonat) {
        throw validationFailed([
          { path: 'bisMonat', code: 'monat_bereits_gezahlt', message: `Die Kosten der Unterkunft sind bis ${monatText(gezahlt)} schon an ${row.name} überwiesen; der Eintrag kann frühestens mit diesem Monat enden.` },
        ]);
      }
      const neu = await kduEmpfaengerRepository.beende(tx, row.id, row.version, input.bisMonat);
      if (!neu) throw versionConflict();
      await recordAudit(tx, actor, {
        objectType: 'kdu_empfaenger',
        objectId: row.id,
        action: 'update',
        purpose: 'Leistungssachbearbeitung: Zahlung der Kosten der Unterkunft an Vermieter beenden',
        details: { bgId: bg.id, von: neu.vonMonat, bis: neu.bisMonat },
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'kdu_empfaenger',
        beschreibung: `Kosten der Unterkunft an ${row.name} enden mit ${monatText(input.bisMonat)}; danach wieder auf das Konto der Bedarfsgemeinschaft.`,
        details: { von: neu.vonMonat, bis: neu.bisMonat },
        zweck: 'Leistungssachbearbeitung: Zahlung der Kosten der Unterkunft an Vermieter beenden',
      });
      return presentKduEmpfaenger(neu);
    }),
});
