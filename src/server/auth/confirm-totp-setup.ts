import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { checkTotp, sealTotpSecret } from '../security/totp.ts';
import { openTotpSetup } from './begin-totp-setup.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { completeSession } from './session.ts';

export const totpCodeInvalid = () =>
  new AppError('totp_invalid', 400, 'Der Sicherheitscode ist nicht richtig oder abgelaufen.', [
    { path: 'code', code: 'totp_invalid', message: 'Der Sicherheitscode ist nicht richtig oder abgelaufen.' },
  ]);


/**
 * Confirms TOTP set-up with a code from the app: the secret becomes the account's (encrypted), the code's time
 * step counts as used. A pending "set up TOTP first" session becomes a full session with a new token.
 */
export const confirmTotpSetup = defineUseCase({
  name: 'auth.confirm-totp-setup',
  // The signed-in staff member (from /konto/totp), or the pending session that the Träger's TOTP requirement holds
  // back (from /anmelden/totp-einrichten, no actor yet; the adapter names it from the resolved session).
  zugang: 'oeffentlich',
  input: z.object({
    pending: z.object({ sessionId: uuid(), userId: uuid(), traegerId: uuid() }).optional(),
    sealed: z.string(),
    code: z.string().trim().min(1, 'Bitte geben Sie den Code ein, den Ihre Authenticator-App anzeigt.'),
    anfrage: anfrageSchema,
  }),
  audit: ['user.update'],
  run: async ({ ctx, actor, input: opts }): Promise<{ token: string | null }> => {
    const request = opts.anfrage;
    const who = actor
      ? { userId: actor.userId, traegerId: actor.traegerId }
      : opts.pending
        ? { userId: opts.pending.userId, traegerId: opts.pending.traegerId }
        : null;
    if (!who) throw new AppError('unauthenticated', 401, 'Bitte melden Sie sich an.');
    const secret = openTotpSetup(ctx, opts.sealed, who.userId);
    if (!secret) {
      throw new AppError('totp_setup_expired', 400, 'Die Einrichtung ist abgelaufen. Bitte scannen Sie den neuen QR-Code und geben Sie einen neuen Code ein.', [
        { path: 'code', code: 'totp_setup_expired', message: 'Die Einrichtung ist abgelaufen. Bitte scannen Sie den neuen QR-Code.' },
      ]);
    }
    const step = checkTotp(secret, opts.code, null);
    if (step === null) throw totpCodeInvalid();

    const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, who.traegerId));
    return ctx.db.withTenant({ traegerId: who.traegerId, userId: who.userId, requestId: request.requestId }, async (tx) => {
      const user = await userRepository.findById(tx, who.userId);
      if (!user || !user.aktiv) throw new AppError('unauthenticated', 401, 'Bitte melden Sie sich an.');
      if (user.art !== 'staff') throw new AppError('forbidden', 403, 'Der zweite Faktor ist für Konten von Mitarbeitenden vorgesehen.');
      if (user.totpEnabledAt) {
        throw new AppError('conflict', 409, 'Für dieses Konto ist bereits eine Authenticator-App eingerichtet. Schalten Sie sie zuerst ab, um eine neue einzurichten.');
      }
      await userRepository.setTechnical(tx, user.id, {
        totpSecretEnc: sealTotpSecret(ctx.config.secret, secret),
        totpEnabledAt: new Date(),
        totpLastStep: step,
      });
      await recordAudit(
        tx,
        actor ?? { system: 'anmeldung', traegerId: user.traegerId, requestId: request.requestId },
        {
          objectType: 'user',
          objectId: user.id,
          personId: user.id,
          action: 'update',
          purpose: opts.pending && traeger?.totpPflicht ? 'Zweiten Faktor (TOTP) eingerichtet, vom Träger verlangt' : 'Zweiten Faktor (TOTP) eingerichtet',
          details: { feld: 'totp' },
        },
      );
      const token = opts.pending ? await completeSession(tx, opts.pending.sessionId, user.id) : null;
      return { token };
    });
  },
});
