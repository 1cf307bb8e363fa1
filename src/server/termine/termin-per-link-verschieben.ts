import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { verschiebeAblauf } from './termin-aendern.ts';
import { neuerBeginn } from './termin-verschieben.ts';
import { linkAufloesen } from './verwaltung-per-link.ts';

/** Moves the appointment behind a personal link (booking without account), within the Träger's rules. */
export const terminPerLinkVerschieben = defineUseCase({
  name: 'termine.termin-per-link-verschieben',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string().max(200), beginn: neuerBeginn() }),
  audit: ['termin.update'],
  run: async ({ ctx, input }) => {
    const l = await linkAufloesen(ctx, input.token);
    return verschiebeAblauf({ ctx, verwaltungsToken: input.token, terminId: l.terminId, input: { beginn: input.beginn }, basisUrl: publicBaseUrl(ctx) });
  },
});
