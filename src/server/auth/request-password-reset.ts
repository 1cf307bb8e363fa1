import { z } from 'zod';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import { defineUseCase } from '../use-case.ts';
import { anfrageSchema } from './anfrage.ts';
import { hashToken, randomToken } from '../security/crypto.ts';
import { composeMail, langOf } from './mail-text.ts';
import { merkeMailVor, versendeMails } from '../../mail/ausgang.ts';

/** A reset link stays valid for one hour and can be used once. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
/** At most this many reset mails per account and hour, so nobody can flood a mailbox through the form. */
const MAX_MAILS_PER_HOUR = 5;

/**
 * "Passwort vergessen": mails a one-time link to set a new password. The answer is always the same, whether
 * the address has an account or not; inactive accounts and unknown addresses get no mail.
 */
export const requestPasswordReset = defineUseCase({
  name: 'auth.request-password-reset',
  zugang: 'oeffentlich',
  // Any text: an address that is not one simply gets no mail, and the answer is the same.
  input: z.object({ email: z.string().max(320), baseUrl: z.string(), anfrage: anfrageSchema }),
  audit: ['user.read'],
  run: async ({ ctx, input: opts }): Promise<void> => {
    const request = opts.anfrage;
    const email = opts.email.trim();
    if (!z.email().safeParse(email).success) return;
    const user = await ctx.db.withSystem((tx) => directoryRepository.findUserByEmail(tx, email));
    if (!user || !user.aktiv) return;
    const traeger = await ctx.db.withSystem((tx) => directoryRepository.findTraegerById(tx, user.traegerId));
    if (!traeger) return;

    const token = randomToken();
    const mail = composeMail({
      lang: user.art === 'buerger' ? langOf(user.sprache) : 'de',
      subject: 'mail.reset.betreff',
      body: 'mail.reset.text',
      params: { name: user.name, link: `${opts.baseUrl}/passwort-neu?token=${encodeURIComponent(token)}` },
      jobcenter: traeger.jobcenterName,
    });
    const vorgemerkt = await ctx.db.withTenant({ traegerId: user.traegerId, userId: user.id, requestId: request.requestId }, async (tx) => {
      if ((await userRepository.countRecentTokens(tx, user.id, 'passwort_zuruecksetzen', 3600)) >= MAX_MAILS_PER_HOUR) return null;
      await userRepository.createToken(tx, {
        traegerId: user.traegerId,
        userId: user.id,
        zweck: 'passwort_zuruecksetzen',
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
      });
      await recordAudit(
        tx,
        { system: 'passwort-zuruecksetzen', traegerId: user.traegerId, requestId: request.requestId },
        { objectType: 'user', objectId: user.id, personId: user.id, action: 'read', purpose: 'Link zum Zurücksetzen des Passworts an die hinterlegte E-Mail-Adresse senden' },
      );
      return merkeMailVor(tx, { secret: ctx.config.secret, traegerId: user.traegerId, anlass: 'passwort_vergessen', mail: { to: user.email, ...mail } });
    });
    if (vorgemerkt) await versendeMails({ ctx, vorgemerkt: [vorgemerkt] });
  },
});
