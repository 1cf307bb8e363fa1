import { z } from 'zod';
import { publicBaseUrl } from '../auth/public-url.ts';
import { defineUseCase } from '../use-case.ts';
import { kennung } from './eingaben.ts';
import { absageAblauf } from './termin-aendern.ts';

/** Cancels an appointment (citizens their own within `darfAbsagen`); CANCEL mail; the freed time goes to the Warteliste. */
export const terminAbsagen = defineUseCase({
  name: 'termine.termin-absagen',
  zugang: 'angemeldet',
  input: z.object({ id: kennung() }),
  audit: ['termin.update'],
  run: async ({ ctx, actor, input }) => absageAblauf({ ctx, actor, terminId: input.id, basisUrl: publicBaseUrl(ctx) }),
});
