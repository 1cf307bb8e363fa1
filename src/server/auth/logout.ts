import { sessionRepository } from '../../db/repositories/sessions.ts';
import type { AppContext } from '../context.ts';

export type LogoutOptions = {
  ctx: AppContext;
  traegerId: string;
  userId: string;
  sessionId: string;
  requestId: string;
  /** "Überall abmelden": end every session of this user, on every device. */
  everywhere?: boolean;
};

export async function logout(opts: LogoutOptions): Promise<{ ended: number }> {
  return opts.ctx.db.withTenant({ traegerId: opts.traegerId, userId: opts.userId, requestId: opts.requestId }, async (tx) => {
    if (opts.everywhere) return { ended: await sessionRepository.revokeAllOfUser(tx, opts.userId) };
    await sessionRepository.revoke(tx, opts.sessionId);
    return { ended: 1 };
  });
}
