import { throttleRepository } from '../../db/repositories/throttle.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { hmac } from '../security/crypto.ts';

/**
 * Rate limit for anonymous appointment requests and Warteliste entries (each sends an e-mail to an address nobody
 * has confirmed yet). Same table and approach as the sign-in lockout (`login_throttle`, src/server/auth/throttle.ts):
 * every request counts within a window; reaching the maximum locks the key for a while. Keys are keyed hashes (HMAC
 * with the installation's secret) – neither address nor e-mail is stored in plain text or can be found by trying
 * every IPv4 address.
 */
export const TERMIN_LIMITS = {
  /** per IP address: 20 requests per hour, then one hour pause */
  adresse: { windowSeconds: 60 * 60, maxFailures: 20, lockSeconds: 60 * 60 },
  /** per e-mail address: 5 requests per hour, then one hour pause */
  email: { windowSeconds: 60 * 60, maxFailures: 5, lockSeconds: 60 * 60 },
};

export type TerminAnfrageArt = 'anfrage' | 'warteliste';

const adresseKey = (secret: string, ip: string) => `termine-adresse:${hmac(secret, `termine-adresse:${ip}`)}`;
const emailKey = (secret: string, email: string) => `termine-email:${hmac(secret, `termine-email:${email.trim().toLowerCase()}`)}`;

/**
 * Refuses (429 `too_many_requests`, with `retryAfter` seconds) when the address or the e-mail is locked; otherwise
 * counts this request. Call before any other work of the request.
 */
export async function terminAnfrageZaehlen(ctx: Pick<AppContext, 'db' | 'config'>, opts: { ip: string; email?: string | undefined; jetzt?: Date }): Promise<void> {
  const { db } = ctx;
  const secret = ctx.config.secret;
  const keys = [adresseKey(secret, opts.ip), ...(opts.email ? [emailKey(secret, opts.email)] : [])];
  // throttling is a security timer: real time on purpose, like the database's now() that stamps the locks (src/server/clock.ts)
  const jetzt = (opts.jetzt ?? new Date()).getTime();
  const zeilen = await db.withSystem(async (tx) => {
    const r = [];
    for (const k of keys) r.push(await throttleRepository.get(tx, k));
    return r;
  });
  const bis = zeilen
    .map((z) => z?.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > jetzt)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (bis) {
    const retryAfter = Math.max(1, Math.ceil((bis.getTime() - jetzt) / 1000));
    const minuten = Math.max(1, Math.ceil(retryAfter / 60));
    throw new AppError('too_many_requests', 429, `Zu viele Anfragen in kurzer Zeit. Bitte versuchen Sie es in ${minuten} Minuten erneut.`, [], { retryAfter });
  }
  await db.withSystem(async (tx) => {
    await throttleRepository.recordFailure(tx, adresseKey(secret, opts.ip), TERMIN_LIMITS.adresse);
    if (opts.email) await throttleRepository.recordFailure(tx, emailKey(secret, opts.email), TERMIN_LIMITS.email);
  });
}
