import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/config.ts';
import { konfigurierteBasisUrl } from '../auth/public-url.ts';

/**
 * Security headers of every response (issue 11, docs/sicherheit.md "Eingaben, Fehler, Header"):
 * - Content-Security-Policy without inline script or style: the pages load /assets/enhance.js and /assets/video.js
 *   as files; React renders no style attributes. The video client talks to its own origin over ws/wss.
 * - Referrer-Policy same-origin: personal links (Termin-Link, password reset) never leak to another site through a
 *   Referer. Not "no-referrer": with it browsers send `Origin: null` on same-site form posts, which the CSRF check
 *   (src/server/security/csrf.ts) must refuse.
 * - Cache-Control no-store on everything but static assets: API answers, pages, PDFs and documents carry personal data.
 */
export function contentSecurityPolicy(config: Config, formZiele: readonly string[] = []): string {
  const basis = new URL(konfigurierteBasisUrl(config));
  const ws = `${basis.protocol === 'https:' ? 'wss:' : 'ws:'}//${basis.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    `form-action 'self'${formZiele.map((z) => ` ${z}`).join('')}`,
    "base-uri 'none'",
  ].join('; ');
}

export function setzeSicherheitsHeader(reply: FastifyReply, opts: { config: Config; url: string; requestId: string; csp: string }) {
  reply.header('x-request-id', opts.requestId);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', opts.csp);
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (!opts.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
}

/** The origin of a URL (for form-action), or null when it is not an http(s) URL. */
export function herkunft(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}
