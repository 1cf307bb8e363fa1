import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestInfo } from './context.ts';
import type { SessionState } from './auth/session.ts';
import { AppError, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    sessionState: SessionState | null;
    actor: Actor | null;
    /** Token for forms (double-submit cookie), see src/server/security/csrf.ts. */
    csrfToken: string;
  }
}

export function requestInfo(req: FastifyRequest): RequestInfo {
  return { requestId: String(req.id), ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) };
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** JSON body of an error, the same shape for every API route. */
export function errorBody(err: AppError) {
  return {
    error: err.code,
    message: err.message,
    ...(err.issues.length ? { issues: err.issues } : {}),
    ...err.extra,
  };
}

export function sendError(reply: FastifyReply, err: AppError) {
  if (err.status === 429 && typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
  return reply.code(err.status).send(errorBody(err));
}
