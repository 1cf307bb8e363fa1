import { z } from 'zod';
import { termineRepository } from '../../db/repositories/termine.ts';
import type { Kanal } from '../../domain/termine/index.ts';
import { publicBaseUrl } from '../auth/public-url.ts';
import { AppError, notFound } from '../errors.ts';
import { defineUseCase } from '../use-case.ts';
import { angebotAnsehen } from './angebot-ansehen.ts';
import { bucheTermin } from './buche-termin.ts';

/** Accepts a Warteliste offer: the offer is answered and the slot booked in one transaction. */
export const angebotAnnehmen = defineUseCase({
  name: 'termine.angebot-annehmen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: ['termin.create'],
  run: async ({ ctx, actor, input }) => {
    const jetzt = ctx.clock.now();
    const angebot = await angebotAnsehen.run({ ctx, actor, input });
    const eintrag = await ctx.db.withTenant({ traegerId: angebot.traegerId }, (tx) => termineRepository.findEintrag(tx, angebot.eintragId));
    if (!eintrag) throw notFound('Der Eintrag');
    return bucheTermin({
      ctx,
      traegerId: angebot.traegerId,
      actor: null,
      person: eintrag.buergerUserId ? { userId: eintrag.buergerUserId, name: eintrag.name } : { email: eintrag.email, name: eintrag.name },
      input: { anliegenId: angebot.anliegenId, kanal: angebot.kanal as Kanal, beginn: angebot.beginn, standortId: angebot.standortId, ressourceId: angebot.ressourceId },
      basisUrl: publicBaseUrl(ctx),
      jetzt,
      ohneAngebotId: angebot.id,
      imSelbenSchritt: async (tx) => {
        // the offer's own hold must not block its booking: answer it first (exactly once)
        const beantwortet = await termineRepository.beantworteAngebot(tx, angebot.id, 'angenommen', jetzt);
        if (!beantwortet) throw new AppError('angebot_beantwortet', 410, 'Dieses Angebot wurde bereits beantwortet. Der Link kann nur einmal verwendet werden.');
        await termineRepository.updateEintrag(tx, eintrag.id, { status: 'versorgt', verfallen: 0 });
      },
      nachInsert: async (tx, termin) => {
        await termineRepository.beantworteAngebotTermin(tx, angebot.id, termin.id);
      },
    });
  },
});
