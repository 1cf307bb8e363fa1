import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requestInfo, requireActor } from '../http.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { resolveSession, SESSION_COOKIE, SESSION_IDLE_MS } from './session.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../context.ts';

export const errorSchema = z
  .object({
    error: z.string().describe('stabiler Fehlercode'),
    message: z.string().describe('deutscher Text für Menschen'),
    issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .passthrough();

export const meSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  art: z.enum(['staff', 'buerger']),
  roles: z.array(z.string()),
  traeger: z.object({ id: z.string().uuid(), name: z.string() }),
  standorte: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});

export const presentMe = (a: Actor): z.infer<typeof meSchema> => ({
  id: a.userId,
  email: a.email,
  name: a.name,
  art: a.art,
  roles: a.roles,
  traeger: { id: a.traegerId, name: a.traegerName },
  standorte: a.standorte,
});

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Anmelden mit E-Mail und Passwort (und TOTP-Code, falls eingerichtet)',
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000), totp: z.string().max(10).optional() }),
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const result = await login({ ctx, request: requestInfo(req), ...req.body, allowPending: false });
      setSessionCookie(reply, ctx, result.token);
      const state = await resolveSession(ctx, result.token, String(req.id));
      if (state?.kind !== 'aktiv') throw new AppError('internal_error', 500, 'Die Sitzung konnte nicht angelegt werden.');
      return presentMe(state.actor);
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['Anmeldung'], summary: 'Abmelden (diese Sitzung)', response: { 204: z.null(), 401: errorSchema } } },
    async (req, reply) => {
      const state = req.sessionState;
      if (state) {
        const s = state.kind === 'aktiv' ? { traegerId: state.actor.traegerId, userId: state.actor.userId, sessionId: state.actor.sessionId } : { traegerId: state.user.traegerId, userId: state.user.id, sessionId: state.sessionId };
        await logout({ ctx, ...s, requestId: String(req.id) });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/auth/logout-all',
    { schema: { tags: ['Anmeldung'], summary: 'Überall abmelden (alle Sitzungen auf allen Geräten)', response: { 200: z.object({ beendet: z.number() }), 401: errorSchema } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { ended } = await logout({ ctx, traegerId: actor.traegerId, userId: actor.userId, sessionId: actor.sessionId, requestId: actor.requestId, everywhere: true });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { beendet: ended };
    },
  );

  api.get(
    '/api/me',
    { schema: { tags: ['Anmeldung'], summary: 'Die angemeldete Person', response: { 200: meSchema, 401: errorSchema } } },
    async (req) => {
      return presentMe(requireActor(req));
    },
  );
}
