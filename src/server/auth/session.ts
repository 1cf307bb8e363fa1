import type { AppContext, Actor } from '../context.ts';
import type { Tx } from '../../db/client.ts';
import { directoryRepository } from '../../db/repositories/directory.ts';
import { sessionRepository } from '../../db/repositories/sessions.ts';
import { userRepository } from '../../db/repositories/users.ts';
import type { Role, User } from '../../db/schema/index.ts';
import { hashToken, randomToken } from '../security/crypto.ts';

/** Sliding lifetime: a session ends 8 hours after its last use. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** A session is re-stamped at most every 5 minutes, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type SessionState =
  | { kind: 'aktiv'; actor: Actor }
  /** Password accepted, the TOTP code is still missing, or the Träger requires TOTP set-up first. */
  | { kind: 'zweiter_faktor' | 'totp_einrichten'; sessionId: string; user: User; traegerName: string };

export async function startSession(
  tx: Tx,
  opts: { user: User; secondFactorPending: boolean; totpSetupRequired: boolean; methode: 'passwort' | 'oidc' },
): Promise<{ token: string; sessionId: string }> {
  // security timer: real time on purpose, not the business clock ctx.clock (src/server/clock.ts)
  const token = randomToken();
  const session = await sessionRepository.create(tx, {
    traegerId: opts.user.traegerId,
    userId: opts.user.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    secondFactorPending: opts.secondFactorPending,
    totpSetupRequired: opts.totpSetupRequired,
    methode: opts.methode,
  });
  if (!opts.secondFactorPending && !opts.totpSetupRequired) {
    await userRepository.setTechnical(tx, opts.user.id, { lastLoginAt: new Date() });
  }
  return { token, sessionId: session.id };
}

/**
 * Promotes a pending session (second factor given, or TOTP set up) to a full one, with a new token
 * so that a token seen before the second factor is worthless afterwards.
 */
export async function completeSession(tx: Tx, sessionId: string, userId: string): Promise<string> {
  const token = randomToken();
  await sessionRepository.update(tx, sessionId, {
    tokenHash: hashToken(token),
    secondFactorPending: false,
    totpSetupRequired: false,
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  await userRepository.setTechnical(tx, userId, { lastLoginAt: new Date() });
  return token;
}

/** Resolves the session cookie to the signed-in actor (or a pending second-factor state). */
export async function resolveSession(ctx: AppContext, token: string, requestId: string): Promise<SessionState | null> {
  if (!token || token.length > 200) return null;
  const found = await directoryRepository.sitzungZumToken(ctx.db, hashToken(token));
  if (!found) return null;
  const { session, user, traeger, standorte } = found;
  if (!user.aktiv) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await ctx.db.withTenant({ traegerId: session.traegerId, userId: user.id, requestId }, (tx) =>
      sessionRepository.touch(tx, session.id, new Date(Date.now() + SESSION_IDLE_MS)),
    );
  }
  if (session.secondFactorPending) return { kind: 'zweiter_faktor', sessionId: session.id, user, traegerName: traeger.name };
  if (session.totpSetupRequired) return { kind: 'totp_einrichten', sessionId: session.id, user, traegerName: traeger.name };
  return {
    kind: 'aktiv',
    actor: {
      userId: user.id,
      traegerId: user.traegerId,
      traegerName: traeger.name,
      art: user.art as 'staff' | 'buerger',
      email: user.email,
      name: user.name,
      roles: user.roles as Role[],
      standorte,
      sessionId: session.id,
      requestId,
    },
  };
}
