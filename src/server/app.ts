import { randomUUID } from 'node:crypto';
import { logPfad } from './log-pfad.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
// oxlint-disable-next-line import/no-unassigned-import -- sets zod's German messages for every schema
import '../config/zod-de.ts';
import { isDatabaseUnavailable } from '../db/client.ts';
import type { AppContext } from './context.ts';
import { AppError, type FieldIssue } from './errors.ts';
import { sendError } from './http.ts';
import { resolveSession, SESSION_COOKIE } from './auth/session.ts';
import { checkCsrf, ensureCsrfCookie } from './security/csrf.ts';
import { registerApiRoutes } from './routes.ts';
import { registerWebRoutes, renderErrorPage } from '../web/server.tsx';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type App = FastifyInstance;

/** Builds the HTTP application: API under /api, server-rendered pages everywhere else. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false || ctx.config.logLevel === 'silent'
        ? false
        : {
            level: ctx.config.logLevel,
            // No personal data in logs: no bodies, no cookies, no query strings, no tokens in paths (logPfad).
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                path: logPfad(req.url),
                requestId: req.id,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: process.env.VORORT_TRUST_PROXY === '1',
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  // Video-Beratung signalling (src/server/video/raeume.ts); frames above 64 KiB are refused by ws itself.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifyFormbody);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'vorort API',
        version: '1',
        description: 'JSON-API von vorort. Fehler haben die Form {"error": Code, "message": deutscher Text, "issues"?: [...]}.',
      },
      components: {
        securitySchemes: { sitzung: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(fastifyStatic, {
    root: path.join(root, 'node_modules/@kern-ux/native/dist'),
    prefix: '/assets/kern/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: path.join(root, 'src/web/static'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: ctx.config.env === 'production' ? '1h' : 0,
  });

  app.decorateRequest('sessionState', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/assets/') || req.url === '/api/health') return;
    req.csrfToken = ensureCsrfCookie(req, reply, ctx.config.secureCookies);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionState = await resolveSession(ctx, token, String(req.id));
      req.actor = req.sessionState?.kind === 'aktiv' ? req.sessionState.actor : null;
      if (!req.sessionState) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });

  app.addHook('preHandler', async (req) => {
    checkCsrf(req);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      req.log.error({ err: describeForLog(error) }, 'request failed');
    }
    if (req.url.startsWith('/api/') || !acceptsHtml(req.headers.accept)) return sendError(reply, appError);
    return renderErrorPage(ctx, req, reply, appError);
  });

  app.setNotFoundHandler((req, reply) => {
    const err = new AppError('not_found', 404, 'Diese Seite oder Schnittstelle gibt es nicht.');
    if (req.url.startsWith('/api/')) return sendError(reply, err);
    return renderErrorPage(ctx, req, reply, err);
  });

  registerApiRoutes(app, ctx);
  registerWebRoutes(app, ctx);
  return app;
}

function acceptsHtml(accept: string | undefined): boolean {
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError('database_unavailable', 503, 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.');
  }
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues: FieldIssue[] = e.validation.map((v) => ({
      path: [e.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].filter(Boolean).join('.'),
      code: String(v.params?.issue && typeof v.params.issue === 'object' && 'code' in v.params.issue ? (v.params.issue as { code: string }).code : v.keyword),
      message: v.message ?? 'Ungültige Angabe.',
    }));
    return new AppError('validation_failed', 400, 'Die Anfrage ist ungültig. Bitte prüfen Sie die Angaben.', issues);
  }
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && e instanceof SyntaxError)) {
    return new AppError('invalid_json', 400, 'Der Inhalt der Anfrage ist kein gültiges JSON.');
  }
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('invalid_json', 400, 'Die Anfrage hat keinen Inhalt, erwartet wird JSON.');
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('unsupported_media_type', 415, 'Dieses Format wird nicht unterstützt. Bitte senden Sie JSON.');
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('payload_too_large', 413, 'Die Anfrage ist zu groß.');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('bad_request', e.statusCode, 'Die Anfrage ist ungültig.');
  }
  return new AppError('internal_error', 500, 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.');
}

/**
 * What of an error may go into the log: its type, codes and stack frames — never its message, which for
 * database errors can carry query parameters or key values (personal data).
 */
export function describeForLog(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; code?: unknown; constraint?: unknown; stack?: string; cause?: unknown };
  const cause = e.cause as { code?: unknown; constraint?: unknown; name?: string } | undefined;
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 8).map((l) => l.trim());
  return {
    type: e.name,
    code: e.code,
    constraint: e.constraint,
    cause: cause ? { type: cause.name, code: cause.code, constraint: cause.constraint } : undefined,
    frames,
  };
}
