import { Secret, TOTP } from 'otpauth';
import { decrypt, encrypt } from './crypto.ts';

/** TOTP (RFC 6238): 6 digits, 30-second steps, SHA-1 — what every authenticator app understands. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(base32: string, label: string, issuer: string): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
}

export const sealTotpSecret = (serverSecret: string, base32: string) => encrypt(serverSecret, 'totp', base32);
export const openTotpSecret = (serverSecret: string, sealed: string) => decrypt(serverSecret, 'totp', sealed);

/**
 * Checks a code, allowing one step of clock drift either way. Returns the accepted time step, or null.
 * A step at or before `lastStep` is refused, so a code cannot be used twice.
 */
// TOTP steps follow the authenticator app's real clock: real time on purpose, not the business clock ctx.clock
export function checkTotp(base32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const totp = totpFor(base32, 'x', 'vorort');
  const delta = totp.validate({ token: clean, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
