import { userRepository } from '../../db/repositories/users.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { checkTotp, openTotpSecret } from '../security/totp.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { completeSession } from './session.ts';
import { assertNotLocked, clearLoginFailures, recordLoginFailure } from './throttle.ts';

/**
 * Second step of a sign-in with TOTP: the password was right (pending session), now the code from the app.
 * A wrong or replayed code is refused and counts against the sign-in throttle, so the lockout after five
 * failures covers guessing codes as well as passwords. On success the session becomes a full one (new token).
 */
export const completeSecondFactor = defineUseCase({
  name: 'auth.complete-second-factor',
  // The pending session has no actor yet: the adapter names session and account from the resolved cookie.
  zugang: 'oeffentlich',
  input: z.object({
    sessionId: uuid(),
    user: z.object({ id: uuid(), traegerId: uuid(), email: z.string() }),
    code: z.string().trim().min(1, 'Bitte geben Sie den Sicherheitscode aus Ihrer Authenticator-App ein.'),
    anfrage: anfrageSchema,
  }),
  audit: [],
  run: async ({ ctx, input: opts }): Promise<{ token: string }> => {
    const { user } = opts;
    const request = opts.anfrage;
    await assertNotLocked(ctx.db, user.email, request.ip);
    const token = await ctx.db.withTenant({ traegerId: user.traegerId, userId: user.id, requestId: request.requestId }, async (tx) => {
      const current = await userRepository.findById(tx, user.id);
      if (!current?.aktiv || !current.totpEnabledAt || !current.totpSecretEnc) return null;
      const step = checkTotp(openTotpSecret(ctx.config.secret, current.totpSecretEnc), opts.code, current.totpLastStep);
      if (step === null || !(await userRepository.advanceTotpStep(tx, current.id, step))) return null;
      return completeSession(tx, opts.sessionId, current.id);
    });
    if (!token) {
      await recordLoginFailure(ctx.db, user.email, request.ip);
      throw new AppError('totp_invalid', 401, 'Der Sicherheitscode ist nicht richtig oder abgelaufen.', [
        { path: 'code', code: 'totp_invalid', message: 'Der Sicherheitscode ist nicht richtig oder abgelaufen.' },
      ]);
    }
    await clearLoginFailures(ctx.db, user.email, request.ip);
    return { token };
  },
});
