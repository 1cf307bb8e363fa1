import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { findUsableToken, tokenInvalid } from './email-token.ts';

/**
 * Confirms a citizen's e-mail address with the token from the verification mail (single use, 48 hours).
 * Only a POST calls this — the link itself opens a page with a button, so mail scanners that prefetch links
 * do not confirm anything.
 */
export const verifyEmail = defineUseCase({
  name: 'auth.verify-email',
  zugang: 'oeffentlich',
  // Any text: a token that is no token is simply not found (400 token_invalid).
  input: z.object({ token: z.string(), anfrage: anfrageSchema }),
  audit: ['user.update'],
  run: async ({ ctx, input }): Promise<{ userId: string }> => {
    const request = input.anfrage;
    const found = await findUsableToken(ctx, input.token, 'email_bestaetigung');
    if (!found) throw tokenInvalid();
    return ctx.db.withTenant({ traegerId: found.traegerId, userId: found.userId, requestId: request.requestId }, async (tx) => {
      if (!(await userRepository.useToken(tx, found.id))) throw tokenInvalid();
      const user = await userRepository.findById(tx, found.userId);
      if (!user || !user.aktiv) throw tokenInvalid();
      if (!user.emailVerifiedAt) await userRepository.setTechnical(tx, user.id, { emailVerifiedAt: new Date() });
      await recordAudit(
        tx,
        { system: 'selbstregistrierung', traegerId: user.traegerId, requestId: request.requestId },
        { objectType: 'user', objectId: user.id, personId: user.id, action: 'update', purpose: 'Bestätigung der E-Mail-Adresse durch die Kontoinhaberin oder den Kontoinhaber', details: { feld: 'email_verified_at' } },
      );
      return { userId: user.id };
    });
  },
});
