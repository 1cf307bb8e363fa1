import { userRepository } from '../../db/repositories/users.ts';
import { recordAudit } from '../audit-trail.ts';
import type { AppContext, RequestInfo } from '../context.ts';
import { findUsableToken, tokenInvalid } from './email-token.ts';

/**
 * Confirms a citizen's e-mail address with the token from the verification mail (single use, 48 hours).
 * Only a POST calls this — the link itself opens a page with a button, so mail scanners that prefetch links
 * do not confirm anything.
 */
export async function verifyEmail(opts: { ctx: AppContext; request: RequestInfo; token: string }): Promise<{ userId: string }> {
  const { ctx, request } = opts;
  const found = await findUsableToken(ctx, opts.token, 'email_bestaetigung');
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
}
