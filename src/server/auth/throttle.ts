import type { Database } from '../../db/client.ts';
import { throttleRepository } from '../../db/repositories/throttle.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../security/crypto.ts';

/**
 * Sign-in throttling that slows guessing without handing an attacker a tool to lock people out (docs/sicherheit.md,
 * "Datenbank-Ausfall und Anmeldesperre"). Failures (wrong password, wrong or replayed TOTP code) are counted three ways:
 *
 * - per (address, account): 5 failures within 15 minutes lock this pair for 1 minute; every further lock within
 *   24 hours lasts twice as long (2, 4, 8 … at most 60 minutes). Only this account from this address is held up.
 * - per account, from any address (distributed guessing): 20 failures within 15 minutes lock the account for 1, 2, 4 …
 *   at most 15 minutes. The lock ends by itself, then the right password works again. Addresses from which the
 *   account signed in successfully within the last 30 days are not held up by it (they still have their pair limit).
 * - per address, over all accounts (password spraying): 30 failures within 15 minutes do NOT lock the address; for
 *   the next 15 minutes each account from there is locked after its first failure (the pair limit drops from 5 to 1).
 *   Right credentials of other accounts from the same address still get in.
 *
 * The address is the client address as Fastify sees it: behind a reverse proxy only with VORORT_TRUST_PROXY=1.
 * Keys hold only SHA-256 hashes of e-mail address and IP address. Security timers: real time (database now()),
 * never the business clock ctx.clock (src/server/clock.ts).
 */
export const THROTTLE = {
  pair: { windowSeconds: 15 * 60, maxFailures: 5, lockSeconds: 60, growth: { maxLockSeconds: 60 * 60, memorySeconds: 24 * 3600 } },
  account: { windowSeconds: 15 * 60, maxFailures: 20, lockSeconds: 60, growth: { maxLockSeconds: 15 * 60, memorySeconds: 24 * 3600 } },
  address: { windowSeconds: 15 * 60, maxFailures: 30, lockSeconds: 15 * 60 },
  /** How long a successful sign-in from an address exempts that address from the account lock. */
  knownAddressSeconds: 30 * 24 * 3600,
};

const emailHash = (email: string) => hashToken(email.trim().toLowerCase());
const accountKey = (email: string) => `konto:${emailHash(email)}`;
const addressKey = (ip: string) => `adresse:${hashToken(ip)}`;
const pairPrefix = (email: string) => `paar:${emailHash(email)}:`;
const pairKey = (email: string, ip: string) => `${pairPrefix(email)}${hashToken(ip)}`;
const knownKey = (email: string, ip: string) => `bekannt:${emailHash(email)}:${hashToken(ip)}`;

export async function assertNotLocked(db: Database, email: string, ip: string): Promise<void> {
  // one connection runs one query at a time (node-postgres): sequential, not Promise.all
  const [pair, account, known] = await db.withSystem(async (tx) => [
    await throttleRepository.get(tx, pairKey(email, ip)),
    await throttleRepository.get(tx, accountKey(email)),
    await throttleRepository.seenWithin(tx, knownKey(email, ip), THROTTLE.knownAddressSeconds),
  ] as const);
  // security timer: real time on purpose, not the business clock ctx.clock (src/server/clock.ts)
  const now = Date.now();
  const until = [pair?.lockedUntil, known ? null : account?.lockedUntil]
    .filter((d): d is Date => !!d && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    const retryAfter = Math.max(1, Math.ceil((until.getTime() - now) / 1000));
    const minutes = Math.ceil(retryAfter / 60);
    throw new AppError(
      'too_many_attempts',
      429,
      `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${minutes === 1 ? 'einer Minute' : `${minutes} Minuten`} erneut.`,
      [],
      { retryAfter },
    );
  }
}

export async function recordLoginFailure(db: Database, email: string, ip: string): Promise<void> {
  await db.withSystem(async (tx) => {
    const address = await throttleRepository.recordFailure(tx, addressKey(ip), THROTTLE.address);
    const spraying = !!address?.lockedUntil && address.lockedUntil.getTime() > Date.now();
    await throttleRepository.recordFailure(tx, pairKey(email, ip), { ...THROTTLE.pair, maxFailures: spraying ? 1 : THROTTLE.pair.maxFailures });
    await throttleRepository.recordFailure(tx, accountKey(email), THROTTLE.account);
  });
}

/**
 * After a successful sign-in from `ip`: forgets the failures of the account and of this pair and remembers the
 * address as known for the account. Without `ip` (password reset by e-mail): lifts every lock of the account.
 */
export async function clearLoginFailures(db: Database, email: string, ip?: string): Promise<void> {
  await db.withSystem(async (tx) => {
    await throttleRepository.clear(tx, accountKey(email));
    if (ip === undefined) {
      await throttleRepository.clear(tx, accountKey(email), { history: true });
      await throttleRepository.clearPrefix(tx, pairPrefix(email));
      return;
    }
    await throttleRepository.clear(tx, pairKey(email, ip), { history: true });
    await throttleRepository.touch(tx, knownKey(email, ip));
  });
}
