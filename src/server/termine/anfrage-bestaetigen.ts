import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import type { Kanal } from '../../domain/termine/index.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { anfragePruefen } from './anfrage-pruefen.ts';
import { bucheTermin } from './buche-termin.ts';

/** Anonymous booking, step 2: the link was opened – consume it (once, before expiry) and book. */
export const anfrageBestaetigen = defineUseCase({
  name: 'termine.anfrage-bestaetigen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().min(10).max(200) }),
  audit: ['termin.create'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const b = await anfragePruefen.run({ ctx, actor, input });
    return bucheTermin({
      ctx,
      traegerId: b.traegerId,
      actor: null,
      person: { email: b.email, name: b.name },
      input: { anliegenId: b.anliegenId, kanal: b.kanal as Kanal, beginn: b.beginn, standortId: b.standortId ?? undefined },
      basisUrl: publicBaseUrl(ctx),
      jetzt,
      imSelbenSchritt: async (tx) => {
        const used = await termineRepository.useBestaetigung(tx, b.id, null);
        if (!used) throw new AppError('link_verbraucht', 410, 'Dieser Bestätigungslink wurde bereits verwendet.');
      },
    });
  },
});
