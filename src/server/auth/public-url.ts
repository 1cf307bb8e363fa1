import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';

/**
 * The base URL for links in e-mails and for the OIDC redirect URI: VORORT_PUBLIC_URL, otherwise the origin the
 * request came in on. The fallback trusts the Host header, which a client can choose freely — acceptable only
 * because production refuses to start without VORORT_PUBLIC_URL (src/config/config.ts), so it is never used there.
 */
export function publicBaseUrl(ctx: AppContext, req: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl.replace(/\/$/, '');
  return `${req.protocol}://${req.host}`;
}
