import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { tenantScope } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkTotp, openTotpSecret } from '../security/totp.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { totpCodeInvalid } from './confirm-totp-setup.ts';
import { assertNotLocked, recordLoginFailure } from './throttle.ts';

/**
 * Switches the second factor off — only with a current code from the app, and never while the Träger requires
 * TOTP for its staff. Wrong codes count against the sign-in throttle like wrong passwords.
 */
export const disableTotp = defineUseCase({
  name: 'auth.disable-totp',
  zugang: 'angemeldet',
  input: z.object({ code: z.string().trim().min(1, 'Bitte geben Sie den Code ein, den Ihre Authenticator-App anzeigt.'), anfrage: anfrageSchema }),
  audit: ['user.update'],
  run: async ({ ctx, actor, input: opts }): Promise<void> => {
    const request = opts.anfrage;
    const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, actor.traegerId));
    if (traeger?.totpPflicht && actor.art === 'staff') {
      throw new AppError('totp_required_by_traeger', 409, 'Ihr Jobcenter verlangt für alle Mitarbeitenden einen zweiten Faktor. Er kann deshalb nicht abgeschaltet werden.');
    }
    await assertNotLocked(ctx.db, actor.email, request.ip);
    const ok = await ctx.db.withTenant(tenantScope(actor), async (tx) => {
      const user = await userRepository.findById(tx, actor.userId);
      if (!user?.totpEnabledAt || !user.totpSecretEnc) throw new AppError('conflict', 409, 'Für dieses Konto ist kein zweiter Faktor eingerichtet.');
      const step = checkTotp(openTotpSecret(ctx.config.secret, user.totpSecretEnc), opts.code, user.totpLastStep);
      if (step === null || !(await userRepository.advanceTotpStep(tx, user.id, step))) return false;
      await userRepository.setTechnical(tx, user.id, { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
      await recordAudit(tx, actor, {
        objectType: 'user',
        objectId: user.id,
        personId: user.id,
        action: 'update',
        purpose: 'Zweiten Faktor (TOTP) abgeschaltet',
        details: { feld: 'totp' },
      });
      return true;
    });
    if (!ok) {
      await recordLoginFailure(ctx.db, actor.email, request.ip);
      throw totpCodeInvalid();
    }
  },
});
