import type { Database } from '../../db/client.ts';
import { throttleRepository } from '../../db/repositories/throttle.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../security/crypto.ts';

/**
 * Sign-in rate limit with temporary lockout, per account and per address.
 * Account: 5 failures within 15 minutes lock it for 15 minutes. Address: 30 failures within 15 minutes.
 */
export const THROTTLE = {
  account: { windowSeconds: 15 * 60, maxFailures: 5, lockSeconds: 15 * 60 },
  address: { windowSeconds: 15 * 60, maxFailures: 30, lockSeconds: 15 * 60 },
};

const accountKey = (email: string) => `konto:${hashToken(email.trim().toLowerCase())}`;
const addressKey = (ip: string) => `adresse:${hashToken(ip)}`;

export async function assertNotLocked(db: Database, email: string, ip: string): Promise<void> {
  // one connection runs one query at a time (node-postgres): sequential, not Promise.all
  const [acct, addr] = await db.withSystem(async (tx) => [await throttleRepository.get(tx, accountKey(email)), await throttleRepository.get(tx, addressKey(ip))]);
  const until = [acct?.lockedUntil, addr?.lockedUntil]
    .filter((d): d is Date => !!d && d.getTime() > Date.now())
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    const retryAfter = Math.ceil((until.getTime() - Date.now()) / 1000);
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    throw new AppError(
      'too_many_attempts',
      429,
      `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${minutes} Minuten erneut.`,
      [],
      { retryAfter },
    );
  }
}

export async function recordLoginFailure(db: Database, email: string, ip: string): Promise<void> {
  await db.withSystem(async (tx) => {
    await throttleRepository.recordFailure(tx, accountKey(email), THROTTLE.account);
    await throttleRepository.recordFailure(tx, addressKey(ip), THROTTLE.address);
  });
}

export async function clearLoginFailures(db: Database, email: string): Promise<void> {
  await db.withSystem((tx) => throttleRepository.clear(tx, accountKey(email)));
}
