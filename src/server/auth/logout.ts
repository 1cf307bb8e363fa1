import { z } from 'zod';
import { sessionRepository } from '../../db/repositories/sessions.ts';
import { uuid } from '../schemas/grenzen.ts';
import { defineUseCase } from '../use-case.ts';

/**
 * Ends the session the request came with — also a pending one (password given, second factor missing), which has
 * no actor yet; hence public, with the session named by the adapter from the resolved cookie, never by the body.
 */
export const logout = defineUseCase({
  name: 'auth.logout',
  zugang: 'oeffentlich',
  input: z.object({ sitzung: z.object({ traegerId: uuid(), userId: uuid(), sessionId: uuid() }), requestId: z.string() }),
  audit: [],
  run: async ({ ctx, input }) => {
    const { traegerId, userId, sessionId } = input.sitzung;
    await ctx.db.withTenant({ traegerId, userId, requestId: input.requestId }, (tx) => sessionRepository.revoke(tx, sessionId));
    return { ended: 1 };
  },
});

/** "Überall abmelden": ends every session of the signed-in person, on every device. */
export const logoutAll = defineUseCase({
  name: 'auth.logout-all',
  zugang: 'angemeldet',
  input: z.object({}),
  audit: [],
  run: async ({ ctx, actor }) => ({
    ended: await ctx.db.withTenant({ traegerId: actor.traegerId, userId: actor.userId, requestId: actor.requestId }, (tx) => sessionRepository.revokeAllOfUser(tx, actor.userId)),
  }),
});
