import { z } from 'zod';
import { defineUseCase } from '../use-case.ts';
import { findUsableToken } from './email-token.ts';

/**
 * Whether the one-time link from a mail (e-mail confirmation, password reset) still works — for the page the link
 * opens, which shows the form or "link no longer valid". Only reads; the token is used up by the POST.
 */
export const linkPruefen = defineUseCase({
  name: 'auth.link-pruefen',
  zugang: 'oeffentlich',
  input: z.object({ token: z.string(), zweck: z.enum(['email_bestaetigung', 'passwort_zuruecksetzen']) }),
  audit: [],
  run: async ({ ctx, input }) => !!(await findUsableToken(ctx, input.token, input.zweck)),
});
