import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { zeitpunkt } from '../schemas/grenzen.ts';
import { leerAlsFehlend } from '../schemas/formular.ts';
import { defineUseCase } from '../use-case.ts';
import { bucheTermin } from './buche-termin.ts';
import { kanalFeld, kennung } from './eingaben.ts';

export const terminBuchenEingabe = z.object({
  anliegenId: z.string().min(1).max(100),
  kanal: kanalFeld(),
  // an empty choice from the form: "Bitte wählen Sie eine Zeit."
  beginn: z.preprocess((v) => (v === '' ? undefined : v), zeitpunkt().optional()).refine((b) => b !== undefined, { error: 'Bitte wählen Sie eine Zeit.' }),
  standortId: leerAlsFehlend(kennung()),
});

/**
 * A citizen with an account books an appointment (one round trip set: src/server/termine/buche-termin.ts, ADR 0012).
 * A taken time answers 409 `slot_belegt` with fresh alternatives.
 */
export const terminBuchen = defineUseCase({
  name: 'termine.termin-buchen',
  zugang: 'termine.eigene',
  input: terminBuchenEingabe,
  audit: ['termin.create'],
  run: ({ ctx, actor, input }) =>
    bucheTermin({
      ctx,
      traegerId: actor.traegerId,
      actor,
      person: { userId: actor.userId, name: actor.name },
      input: { anliegenId: input.anliegenId, kanal: input.kanal, beginn: input.beginn!, standortId: input.standortId },
      basisUrl: publicBaseUrl(ctx),
    }),
});
