import { directoryRepository } from '../../db/repositories/directory.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../security/crypto.ts';

export type TokenZweck = 'email_bestaetigung' | 'passwort_zuruecksetzen';

export const tokenInvalid = () =>
  new AppError('token_invalid', 400, 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.');

/**
 * Finds a still usable one-time token from an e-mail link (not used, not expired). Only reads: using it up
 * happens in the use case's own transaction (`userRepository.useToken`, which checks both again atomically).
 */
export async function findUsableToken(ctx: AppContext, token: string, zweck: TokenZweck) {
  if (!token || token.length > 200) return undefined;
  const row = await ctx.db.withSystem((tx) => directoryRepository.findAuthToken(tx, hashToken(token), zweck));
  // security timer: real time on purpose, not the business clock ctx.clock (src/server/clock.ts)
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return undefined;
  return row;
}
