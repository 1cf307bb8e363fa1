import { z } from 'zod';
import { kduEmpfaengerRepository } from '../../db/repositories/kdu-empfaenger.ts';
import { recordAudit } from '../audit-trail.ts';
import { defineUseCase } from '../use-case.ts';
import { imTenant } from './fallakte-version.ts';
import { ladeBgFuerKduEmpfaenger, presentKduEmpfaenger } from './kdu-empfaenger-gemeinsam.ts';

/** The payees of the BG's KdU (IBAN masked), for the Fallakte's section "Kosten der Unterkunft an Vermieter". */
export const kduEmpfaengerListe = defineUseCase({
  name: 'fall.kdu-empfaenger-liste',
  zugang: 'fall.bankdaten',
  input: z.strictObject({ id: z.string().max(100).describe('Fallakte (UUID)') }),
  audit: ['kdu_empfaenger.read'],
  run: async ({ ctx, actor, input, tx: aussen }) =>
    imTenant(ctx, actor, aussen, async (tx) => {
      const bg = await ladeBgFuerKduEmpfaenger(tx, actor, input.id, 'fall.lesen');
      const rows = await kduEmpfaengerRepository.derBg(tx, bg.id);
      if (rows.length > 0) {
        await recordAudit(tx, actor, {
          objectType: 'kdu_empfaenger',
          objectId: null,
          action: 'read',
          purpose: 'Leistungssachbearbeitung: Fallakte einsehen (Kosten der Unterkunft an Vermieter)',
          details: { bgId: bg.id },
        });
      }
      return { bgId: bg.id, eintraege: rows.map(presentKduEmpfaenger) };
    }),
});
