import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { User } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { verifyPassword } from '../security/passwords.ts';
import { checkTotp, openTotpSecret } from '../security/totp.ts';
import { startSession } from './session.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { assertNotLocked, clearLoginFailures, recordLoginFailure } from './throttle.ts';

/** What a person types: the body of POST /api/auth/login and the fields of the sign-in form. */
export const loginEingabe = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
  /** TOTP code, when the caller has it at hand (API). */
  totp: z.string().max(10).optional(),
});

export type LoginResult = {
  token: string;
  user: User;
  next: 'fertig' | 'zweiter_faktor' | 'totp_einrichten';
};

const invalid = () => new AppError('invalid_credentials', 401, 'E-Mail-Adresse oder Passwort ist nicht richtig.');

/** Sign-in with e-mail and password (and TOTP where set up or required). */
export const login = defineUseCase({
  name: 'auth.login',
  zugang: 'oeffentlich',
  input: loginEingabe.extend({
    /**
     * Pages sign in in two steps: with `allowPending` a missing TOTP code yields a pending session that the
     * second-factor page completes. The API instead answers 401 `totp_required` and expects the code in the same call.
     * Set by the adapter, never taken from the body.
     */
    allowPending: z.boolean(),
    anfrage: anfrageSchema,
  }),
  audit: [],
  run: ({ ctx, input }) => anmelden(ctx, input),
});

async function anmelden(ctx: AppContext, opts: z.output<typeof loginEingabe> & { allowPending: boolean; anfrage: z.output<typeof anfrageSchema> }): Promise<LoginResult> {
  const request = opts.anfrage;
  const email = opts.email;
  await assertNotLocked(ctx.db, email, request.ip);

  const found = await ctx.db.withSystem((tx) => directoryRepository.findUserByEmail(tx, email));
  const ok = await verifyPassword(found?.passwordHash ?? null, opts.password);
  if (!found || !ok) {
    await recordLoginFailure(ctx.db, email, request.ip);
    throw invalid();
  }
  const user = found;
  if (!user.aktiv) {
    throw new AppError('account_inactive', 403, 'Dieses Konto ist deaktiviert. Bitte wenden Sie sich an Ihr Jobcenter.');
  }
  if (user.art === 'buerger' && !user.emailVerifiedAt) {
    throw new AppError(
      'email_not_verified',
      403,
      'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.',
    );
  }
  const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, user.traegerId));
  const scope = { traegerId: user.traegerId, userId: user.id, requestId: request.requestId };

  const totpActive = !!(user.totpEnabledAt && user.totpSecretEnc);
  if (totpActive) {
    if (opts.totp) {
      const step = checkTotp(openTotpSecret(ctx.config.secret, user.totpSecretEnc!), opts.totp, user.totpLastStep);
      if (step === null) {
        await recordLoginFailure(ctx.db, email, request.ip);
        throw new AppError('totp_invalid', 401, 'Der Sicherheitscode ist nicht richtig oder abgelaufen.', [
          { path: 'totp', code: 'totp_invalid', message: 'Der Sicherheitscode ist nicht richtig oder abgelaufen.' },
        ]);
      }
      // Atomic: of two parallel requests with the same code only one gets through.
      const result = await ctx.db.withTenant(scope, async (tx) => {
        if (!(await userRepository.advanceTotpStep(tx, user.id, step))) return null;
        const s = await startSession(tx, { user, secondFactorPending: false, totpSetupRequired: false, methode: 'passwort' });
        return { token: s.token, user, next: 'fertig' as const };
      });
      if (!result) {
        await recordLoginFailure(ctx.db, email, request.ip);
        throw new AppError('totp_invalid', 401, 'Der Sicherheitscode ist nicht richtig oder abgelaufen.', [
          { path: 'totp', code: 'totp_invalid', message: 'Der Sicherheitscode ist nicht richtig oder abgelaufen.' },
        ]);
      }
      await clearLoginFailures(ctx.db, email, request.ip);
      return result;
    }
    if (!opts.allowPending) {
      throw new AppError('totp_required', 401, 'Bitte geben Sie den Sicherheitscode aus Ihrer Authenticator-App ein.');
    }
    // Not cleared yet: failures are forgotten only once the second factor is complete (complete-second-factor.ts).
    return ctx.db.withTenant(scope, async (tx) => {
      const s = await startSession(tx, { user, secondFactorPending: true, totpSetupRequired: false, methode: 'passwort' });
      return { token: s.token, user, next: 'zweiter_faktor' as const };
    });
  }

  const mustSetUp = user.art === 'staff' && !!traeger?.totpPflicht;
  if (mustSetUp && !opts.allowPending) {
    throw new AppError(
      'totp_setup_required',
      403,
      'Ihr Jobcenter verlangt einen zweiten Faktor. Bitte melden Sie sich einmal im Browser an und richten Sie ihn ein.',
    );
  }
  await clearLoginFailures(ctx.db, email, request.ip);
  return ctx.db.withTenant(scope, async (tx) => {
    const s = await startSession(tx, { user, secondFactorPending: false, totpSetupRequired: mustSetUp, methode: 'passwort' });
    return { token: s.token, user, next: mustSetUp ? ('totp_einrichten' as const) : ('fertig' as const) };
  });
}
