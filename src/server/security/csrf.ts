import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { randomToken, safeEqual } from './crypto.ts';

/**
 * CSRF protection for every state-changing request (docs/adr/0005-sessions-and-csrf.md):
 * 1. Requests a browser marks as cross-site (Sec-Fetch-Site) or whose Origin is another host are refused.
 * 2. Form posts carry the token of the `vorort_csrf` cookie in the field `_csrf` (double submit).
 * 3. API calls either send JSON (which no cross-site form can) or the token in the `x-csrf-token` header.
 * The session cookie is also SameSite=Lax, so it is not sent with cross-site posts at all.
 */
export const CSRF_COOKIE = 'vorort_csrf';
export const CSRF_FIELD = '_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrfFailed = () =>
  new AppError('csrf_failed', 403, 'Die Anfrage konnte nicht überprüft werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.');

export function ensureCsrfCookie(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  return token;
}

export function checkCsrf(req: FastifyRequest): void {
  if (!UNSAFE.has(req.method)) return;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw csrfFailed();
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw csrfFailed();
    }
    if (host !== req.headers.host) throw csrfFailed();
  } else if (origin === 'null') {
    throw csrfFailed();
  }
  const cookie = req.cookies[CSRF_COOKIE];
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string' && cookie && safeEqual(header, cookie)) return;
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data' || type === 'text/plain') {
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (typeof field === 'string' && cookie && safeEqual(field, cookie)) return;
    throw csrfFailed();
  }
  if (req.url.startsWith('/api/')) {
    if (type === 'application/json') return;
    // No body at all (e.g. POST /api/auth/logout): nothing a cross-site form could forge beyond check 1.
    const length = Number(req.headers['content-length'] ?? 0);
    if (!type && length === 0) return;
  }
  throw csrfFailed();
}
