import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../i18n/index.ts';
import { SESSION_IDLE_MS } from './auth/session.ts';

/**
 * Every cookie vorort sets, in one place: the API routes (src/server) and the pages (src/web) both set and read them,
 * and the pages may import src/server but never the other way round (docs/adr/0014-schichtgrenzen-und-abhaengigkeitsregel.md).
 */
export const SESSION_COOKIE = 'vorort_sitzung';
/** A one-time notice shown on the next page (after a redirect), see src/web/pages/root.tsx. */
export const HINWEIS_COOKIE = 'vorort_hinweis';
/** The language a citizen chose with the switch (pages, mails of the registration). */
export const LANG_COOKIE = 'vorort_sprache';

/** The session cookie: httpOnly, same-site lax, as long-lived as the session's sliding lifetime. */
export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(SESSION_IDLE_MS / 1000) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Sets the notice the next page shows once (it reads and clears the cookie). */
export function setHinweis(reply: FastifyReply, message: string): void {
  reply.setCookie(HINWEIS_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function setLangCookie(reply: FastifyReply, secure: boolean, lang: Lang): void {
  reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, secure, maxAge: 365 * 24 * 3600 });
}

/** The language from the cookie, German if none (or an unknown one) is set. */
export function langFromCookie(req: FastifyRequest): Lang {
  const cookie = req.cookies?.[LANG_COOKIE];
  return isLang(cookie) ? cookie : 'de';
}
