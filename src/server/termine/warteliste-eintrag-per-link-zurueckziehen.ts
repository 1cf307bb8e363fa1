import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { zurueckziehenAblauf } from './warteliste-eintrag.ts';

/** Withdraws a Warteliste entry by its personal link. */
export const wartelisteEintragPerLinkZurueckziehen = defineUseCase({
  name: 'termine.warteliste-eintrag-per-link-zurueckziehen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: ['warteliste_eintrag.update'],
  run: async ({ ctx, input }) => zurueckziehenAblauf({ ctx, token: input.token, basisUrl: publicBaseUrl(ctx) }),
});
