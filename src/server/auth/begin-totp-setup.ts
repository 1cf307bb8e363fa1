import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { decrypt, encrypt } from '../security/crypto.ts';
import { newTotpSecret, totpFor } from '../security/totp.ts';
import { defineUseCase } from '../use-case.ts';

/** How long a set-up page stays usable (the secret travels sealed in the form until it is confirmed). */
const SETUP_TTL_MS = 30 * 60 * 1000;
const PURPOSE = 'totp-einrichtung';

export type TotpSetup = {
  /** Base32 secret for manual entry in the authenticator app. */
  secret: string;
  /** The same secret sealed for the form (AES-GCM, bound to the user and a deadline). */
  sealed: string;
  /** otpauth:// URI the QR code carries. */
  uri: string;
  /** QR code as an SVG document, to be placed inline. */
  qrSvg: string;
};

/**
 * Starts setting up TOTP: a fresh secret, its otpauth URI and QR code. Nothing is stored yet — the secret goes
 * into the form sealed with the server secret and becomes the account's only when a correct code confirms it
 * (confirmTotpSetup). A `sealed` value from a previous attempt of the same user is reused, so the QR code does
 * not change while someone is still typing a code for it.
 */
export const beginTotpSetup = defineUseCase({
  name: 'auth.begin-totp-setup',
  // Also for the pending session the Träger's TOTP requirement holds back (no actor yet): the adapter names the
  // account from the resolved session. Nothing is stored; the secret is sealed to that account.
  zugang: 'oeffentlich',
  input: z.object({
    userId: z.string(),
    email: z.string(),
    /** Shown as the account's issuer in the authenticator app, e.g. "Jobcenter Kreis Musterland". */
    issuer: z.string(),
    sealed: z.string().optional(),
  }),
  audit: [],
  run: async ({ ctx, input: opts }): Promise<TotpSetup> => {
    const previous = opts.sealed ? openTotpSetup(ctx, opts.sealed, opts.userId) : null;
    const secret = previous ?? newTotpSecret();
    const sealed =
      previous && opts.sealed
        ? opts.sealed
        : encrypt(ctx.config.secret, PURPOSE, JSON.stringify({ u: opts.userId, s: secret, x: Date.now() + SETUP_TTL_MS }));
    const uri = totpFor(secret, opts.email, opts.issuer).toString();
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, sealed, uri, qrSvg };
  },
});

/** The secret inside a sealed set-up value, if it belongs to this user and has not run out; otherwise null. */
export function openTotpSetup(ctx: AppContext, sealed: string, userId: string): string | null {
  try {
    const data = JSON.parse(decrypt(ctx.config.secret, PURPOSE, sealed)) as { u?: unknown; s?: unknown; x?: unknown };
    if (data.u !== userId || typeof data.s !== 'string' || typeof data.x !== 'number' || data.x < Date.now()) return null;
    return data.s;
  } catch {
    return null;
  }
}
