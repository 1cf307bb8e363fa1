import { sessionRepository } from '../../db/repositories/sessions.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../security/passwords.ts';
import { findUsableToken, tokenInvalid } from './email-token.ts';
import { clearLoginFailures } from './throttle.ts';

/**
 * Sets a new password with the token from the reset mail (single use, one hour). Afterwards every session of
 * the account ends (whoever knew the old password is signed out), other open reset links stop working, and a
 * lockout of the account is lifted. Opening the link proves control of the mailbox, so an unconfirmed citizen
 * address counts as confirmed.
 */
const PASSWORT_FEHLER = `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;

export const resetPassword = defineUseCase({
  name: 'auth.reset-password',
  zugang: 'oeffentlich',
  input: z.object({
    token: z.string(),
    password: z.string().min(PASSWORD_MIN_LENGTH, PASSWORT_FEHLER).max(1000, PASSWORT_FEHLER),
    anfrage: anfrageSchema,
  }),
  audit: ['user.update'],
  run: async ({ ctx, input: opts }): Promise<{ userId: string; endedSessions: number }> => {
    const request = opts.anfrage;
    const found = await findUsableToken(ctx, opts.token, 'passwort_zuruecksetzen');
    if (!found) throw tokenInvalid();
    const passwordHash = await hashPassword(opts.password);
    const result = await ctx.db.withTenant({ traegerId: found.traegerId, userId: found.userId, requestId: request.requestId }, async (tx) => {
      if (!(await userRepository.useToken(tx, found.id))) throw tokenInvalid();
      const user = await userRepository.findById(tx, found.userId);
      if (!user || !user.aktiv) throw tokenInvalid();
      await userRepository.setTechnical(tx, user.id, { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: new Date() }) });
      await userRepository.invalidateTokens(tx, user.id, 'passwort_zuruecksetzen');
      const endedSessions = await sessionRepository.revokeAllOfUser(tx, user.id);
      await recordAudit(
        tx,
        { system: 'passwort-zuruecksetzen', traegerId: user.traegerId, requestId: request.requestId },
        { objectType: 'user', objectId: user.id, personId: user.id, action: 'update', purpose: 'Neues Passwort über den Link aus der E-Mail festgelegt', details: { feld: 'password_hash', beendeteSitzungen: endedSessions } },
      );
      return { userId: user.id, email: user.email, endedSessions };
    });
    await clearLoginFailures(ctx.db, result.email);
    return { userId: result.userId, endedSessions: result.endedSessions };
  },
});
