import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { zurueckziehenAblauf } from './warteliste-eintrag.ts';

/** The signed-in citizen withdraws an own Warteliste entry (another's or unknown → 404). */
export const wartelisteEintragZurueckziehen = defineUseCase({
  name: 'termine.warteliste-eintrag-zurueckziehen',
  zugang: 'termine.eigene',
  input: z.object({ id: kennung() }),
  audit: ['warteliste_eintrag.update'],
  run: async ({ ctx, actor, input }) => zurueckziehenAblauf({ ctx, actor, eintragId: input.id, basisUrl: publicBaseUrl(ctx) }),
});
