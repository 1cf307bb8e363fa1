import type { FastifyReply, FastifyRequest } from 'fastify';
import { redirect } from 'react-router';
import type { Actor, AppContext } from '../server/context.ts';
import { setHinweis } from '../server/cookies.ts';
import { requestInfo } from '../server/http.ts';
import { authorize, authorizeOneOf, type Permission } from '../server/policies.ts';
import type { Lang } from '../i18n/index.ts';

/** What every page loader and action receives as `context`. */
export type WebContext = {
  app: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
  lang: Lang;
};

export const web = (context: unknown): WebContext => context as WebContext;

/** The signed-in actor; otherwise a redirect to the sign-in page that comes back here. */
export function requirePageActor(context: unknown, request: Request): Actor {
  const { req } = web(context);
  if (req.sessionState?.kind === 'zweiter_faktor') throw redirect('/anmelden/zweiter-faktor');
  if (req.sessionState?.kind === 'totp_einrichten') throw redirect('/anmelden/totp-einrichten');
  if (!req.actor) {
    const url = new URL(request.url);
    throw redirect(`/anmelden?weiter=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return req.actor;
}

/** The signed-in actor holding the permission (or one of the permissions); otherwise 403. */
export function requirePermission(context: unknown, request: Request, permission: Permission | readonly Permission[]): Actor {
  const actor = requirePageActor(context, request);
  if (typeof permission === 'string') authorize(actor, permission);
  else authorizeOneOf(actor, permission);
  return actor;
}

export const info = (context: unknown) => requestInfo(web(context).req);

/** A one-time notice shown on the next page (after a redirect). */
export function flash(context: unknown, message: string) {
  setHinweis(web(context).reply, message);
}

/** Reads a form submission into a plain object (repeated fields as arrays). */
export async function readForm(request: Request): Promise<{ get: (name: string) => string; getAll: (name: string) => string[] }> {
  const form = await request.formData();
  return {
    get: (name) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : '';
    },
    getAll: (name) => form.getAll(name).filter((v): v is string => typeof v === 'string'),
  };
}
