import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requestInfo, requireActor } from '../http.ts';
import { login } from './login.ts';
import { logout, logoutAll } from './logout.ts';
import { resolveSession } from './session.ts';
import { clearSessionCookie, langFromCookie, setSessionCookie } from '../cookies.ts';
import { AppError } from '../errors.ts';
import { apiErrorSchema } from '../use-case.ts';
import type { Actor } from '../context.ts';
import { publicBaseUrl } from './public-url.ts';
import { register } from './register.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { verifyEmail } from './verify-email.ts';

const errorSchema = apiErrorSchema;

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

/**
 * The auth API. Each route calls its use case's `execute`; they stay hand-written because they set or clear the
 * session cookie or read the language cookie. The body schemas keep Fastify's check of the JSON shape (field paths
 * `body.x`); the use case's schema is the one that decides.
 */
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
      const result = await login.execute({ ctx, actor: req.actor, input: { ...req.body, allowPending: false, anfrage: requestInfo(req) } });
      setSessionCookie(reply, ctx.config.secureCookies, result.token);
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
        await logout.execute({ ctx, actor: req.actor, input: { sitzung: s, requestId: String(req.id) } });
      }
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/auth/logout-all',
    { schema: { tags: ['Anmeldung'], summary: 'Überall abmelden (alle Sitzungen auf allen Geräten)', response: { 200: z.object({ beendet: z.number() }), 401: errorSchema } } },
    async (req, reply) => {
      const { ended } = await logoutAll.execute({ ctx, actor: requireActor(req), input: {} });
      clearSessionCookie(reply);
      return { beendet: ended };
    },
  );

  const accepted = z.object({ message: z.string() });

  api.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Bürgerkonto anlegen (Selbstregistrierung); schickt eine E-Mail mit Bestätigungslink',
        description:
          'Das Konto gehört zum Träger, dessen öffentliche Seiten diese Installation zeigt (VORORT_TRAEGER, sonst der erste). ' +
          'Ob es die Adresse schon gibt, verrät die Antwort nicht: dann geht stattdessen eine Hinweis-E-Mail an sie.',
        body: z.object({ name: z.string().max(200), email: z.string().max(320), password: z.string().max(1000) }),
        response: { 202: accepted, 400: errorSchema },
      },
    },
    async (req, reply) => {
      await register.execute({
        ctx,
        actor: req.actor,
        input: { ...req.body, lang: langFromCookie(req), baseUrl: publicBaseUrl(ctx, req), anfrage: requestInfo(req) },
      });
      return reply.code(202).send({ message: 'Wir haben eine E-Mail an die angegebene Adresse geschickt. Bitte öffnen Sie den Link darin.' });
    },
  );

  api.post(
    '/api/auth/verify-email',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'E-Mail-Adresse mit dem Token aus der Bestätigungs-E-Mail bestätigen (einmalig, 48 Stunden gültig)',
        body: z.object({ token: z.string().min(1).max(200) }),
        response: { 200: z.object({ message: z.string() }), 400: errorSchema },
      },
    },
    async (req) => {
      await verifyEmail.execute({ ctx, actor: req.actor, input: { token: req.body.token, anfrage: requestInfo(req) } });
      return { message: 'Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.' };
    },
  );

  api.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Link zum Zurücksetzen des Passworts anfordern (Antwort immer gleich)',
        body: z.object({ email: z.string().max(320) }),
        response: { 202: accepted, 400: errorSchema },
      },
    },
    async (req, reply) => {
      await requestPasswordReset.execute({ ctx, actor: req.actor, input: { email: req.body.email, baseUrl: publicBaseUrl(ctx, req), anfrage: requestInfo(req) } });
      return reply.code(202).send({ message: 'Wenn es ein Konto mit dieser Adresse gibt, haben wir eine E-Mail mit einem Link geschickt. Der Link gilt eine Stunde.' });
    },
  );

  api.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags: ['Anmeldung'],
        summary: 'Neues Passwort mit dem Token aus der E-Mail festlegen (einmalig, 1 Stunde gültig); beendet alle Sitzungen',
        body: z.object({ token: z.string().min(1).max(200), password: z.string().max(1000) }),
        response: { 200: z.object({ message: z.string() }), 400: errorSchema },
      },
    },
    async (req) => {
      await resetPassword.execute({ ctx, actor: req.actor, input: { token: req.body.token, password: req.body.password, anfrage: requestInfo(req) } });
      return { message: 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.' };
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
