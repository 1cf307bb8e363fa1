import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import { angebotPruefen, tokenHash, WartelisteFehler } from '../../domain/termine/index.ts';
import { AppError } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { alsAngebot } from './warteliste.ts';

/** Looks up a Warteliste offer by the token from the e-mail link (across Träger) and checks it; clear errors otherwise. */
export const angebotAnsehen = defineUseCase({
  name: 'termine.angebot-ansehen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: [],
  run: async ({ ctx, input }) => {
    const jetzt = ctx.clock.now();
    const hash = tokenHash(input.token);
    const row = await ctx.db.withSystem((tx) => termineRepository.findAngebotSystem(tx, hash));
    if (!row) throw new AppError('angebot_unbekannt', 404, 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.');
    try {
      angebotPruefen({ eintraege: [], angebote: [alsAngebot(row)] }, input.token, jetzt);
    } catch (err) {
      if (err instanceof WartelisteFehler) {
        const meldung =
          err.code === 'angebot_verfallen'
            ? 'Dieses Angebot ist abgelaufen. Der Termin wurde inzwischen anderen angeboten. Sie bleiben auf der Warteliste.'
            : 'Dieses Angebot wurde bereits beantwortet. Der Link kann nur einmal verwendet werden.';
        throw new AppError(err.code, 410, meldung);
      }
      throw err;
    }
    return row;
  },
});
