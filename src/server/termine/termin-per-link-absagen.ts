import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { absageAblauf } from './termin-aendern.ts';
import { linkAufloesen } from './verwaltung-per-link.ts';

/** Cancels the appointment behind a personal link; afterwards the link no longer works (410). */
export const terminPerLinkAbsagen = defineUseCase({
  name: 'termine.termin-per-link-absagen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200) }),
  audit: ['termin.update'],
  run: async ({ ctx, input }) => {
    const l = await linkAufloesen(ctx, input.token);
    return absageAblauf({ ctx, verwaltungsToken: input.token, terminId: l.terminId, basisUrl: publicBaseUrl(ctx) });
  },
});
