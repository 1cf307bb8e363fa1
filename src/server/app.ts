import { randomUUID } from 'node:crypto';
import { logPfad } from './log-pfad.ts';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
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
import { alsDatenfehler, AppError, DATENFEHLER_CODES, type FieldIssue } from './errors.ts';
import { sendError } from './http.ts';
import { resolveSession } from './auth/session.ts';
import { clearSessionCookie, SESSION_COOKIE } from './cookies.ts';
import { checkCsrf, ensureCsrfCookie } from './security/csrf.ts';
import { registerApiRoutes } from './routes.ts';
import { contentSecurityPolicy, setzeSicherheitsHeader } from './security/header.ts';
import { UNZULAESSIGE_ZEICHEN, unspeicherbareStelle } from './schemas/grenzen.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type App = FastifyInstance;

/**
 * The pages, handed in by the composition root (src/app.ts): src/server never imports src/web
 * (docs/adr/0014-schichtgrenzen-und-abhaengigkeitsregel.md), yet unknown paths and errors outside /api are answered
 * with a page.
 */
export type Seiten = {
  /** Registers the catch-all routes that render pages (after the API routes). */
  registrieren(app: FastifyInstance, ctx: AppContext): void;
  /** The (translated) error page for a failure outside the API. */
  fehlerseite(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, err: AppError): Promise<unknown>;
};

/**
 * Builds the HTTP server: hooks, error handling and the JSON API under /api; the pages come from `seiten`.
 * Start the application through `buildApp` in src/app.ts, which plugs in src/web.
 */
export async function buildServer(ctx: AppContext, opts: { logger?: boolean; seiten: Seiten }): Promise<App> {
  const { registrieren: registerWebRoutes, fehlerseite: renderErrorPage } = opts.seiten;
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
    // Errors the router raises before any hook runs (bad percent-encoding, a path segment over 100 characters):
    // the same {error, message} JSON / German error page as everything else, never Fastify's English default.
    frameworkErrors: (error, req, reply) => {
      setzeSicherheitsHeader(reply, { config: ctx.config, url: req.url, requestId: String(req.id), csp });
      return antworteMitFehler(req, reply, toAppError(error));
    },
  }).withTypeProvider<ZodTypeProvider>();
  const csp = contentSecurityPolicy(ctx.config);
  const antworteMitFehler = (req: FastifyRequest, reply: FastifyReply, err: AppError) =>
    req.url.startsWith('/api/') || !acceptsHtml(req.headers.accept) ? sendError(reply, err) : renderErrorPage(ctx, req, reply, err);

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
  // browsers ask for /favicon.ico on their own, whatever the page links
  const favicon = await readFile(path.join(root, 'src/web/static/favicon.ico'));
  app.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) => reply.header('cache-control', 'public, max-age=86400').type('image/x-icon').send(favicon));

  app.decorateRequest('sessionState', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (req, reply) => {
    setzeSicherheitsHeader(reply, { config: ctx.config, url: req.url, requestId: String(req.id), csp });
    if (req.url.startsWith('/assets/') || req.url === '/api/health') return;
    req.csrfToken = ensureCsrfCookie(req, reply, ctx.config.secureCookies);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionState = await resolveSession(ctx, token, String(req.id));
      req.actor = req.sessionState?.kind === 'aktiv' ? req.sessionState.actor : null;
      if (!req.sessionState) clearSessionCookie(reply);
    }
  });

  // Text PostgreSQL cannot store (NUL, lone surrogates) is refused in every request part, signed in or not, before
  // any schema or use case sees it (issue 11). Schemas use the same rule (src/server/schemas/grenzen.ts).
  app.addHook('preValidation', async (req) => {
    for (const [teil, wert] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const stelle = unspeicherbareStelle(wert, teil);
      if (stelle) throw new AppError('invalid_characters', 400, UNZULAESSIGE_ZEICHEN, [{ path: stelle, code: 'invalid_characters', message: UNZULAESSIGE_ZEICHEN }]);
    }
  });

  app.addHook('preHandler', async (req) => {
    checkCsrf(req);
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      req.log.error({ err: describeForLog(error) }, 'request failed');
    } else if (appError.code in DATENFEHLER_CODES) {
      req.log.warn({ err: describeForLog(error) }, 'database refused input');
    }
    return antworteMitFehler(req, reply, appError);
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
  const datenfehler = alsDatenfehler(error);
  if (datenfehler) return datenfehler;
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
  if (e.code === 'FST_ERR_BAD_URL') {
    return new AppError('bad_url', 400, 'Die Adresse enthält eine ungültige Zeichenkodierung (Prozent-Kodierung).');
  }
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new AppError('url_too_long', 414, 'Ein Teil der Adresse ist zu lang.');
  }
  if (e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new AppError('bad_request', 400, 'Die Längenangabe der Anfrage passt nicht zu ihrem Inhalt.');
  }
  if (e.code === 'FST_ERR_CTP_INVALID_TYPE' || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('unsupported_media_type', 415, 'Dieses Format wird nicht unterstützt. Bitte senden Sie JSON.');
  }
  if (e.statusCode === 415) {
    return new AppError('unsupported_media_type', 415, 'Dieses Format wird nicht unterstützt.');
  }
  if (e.statusCode === 413) {
    return new AppError('payload_too_large', 413, 'Die Anfrage ist zu groß.');
  }
  if (e.statusCode === 404) {
    return new AppError('not_found', 404, 'Diese Seite oder Schnittstelle gibt es nicht.');
  }
  if (e.statusCode === 405) {
    return new AppError('method_not_allowed', 405, 'Diese Aktion ist hier nicht möglich.');
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
