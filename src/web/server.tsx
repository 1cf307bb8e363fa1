import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, isRouteErrorResponse, StaticRouterProvider, type StaticHandlerContext } from 'react-router';
import { setzeSprache } from '../server/portal/sprache.ts';
import type { AppContext } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { sendError } from '../server/http.ts';
import { setzeSeitenRenderer } from '../server/seite.ts';
import { Shell } from './components/shell.tsx';
import { isLang, translator, type Lang } from '../i18n/index.ts';
import { jobcenterName as jobcenterNameLesen } from '../server/auth/jobcenter-name.ts';
import { langFromCookie, setLangCookie } from '../server/cookies.ts';
import { routes } from './routes.tsx';
import type { WebContext } from './web-context.ts';

/**
 * Server-rendered pages: React Router's static data router runs the route's loader/action (which call the
 * use cases in src/server), then React renders the whole document. No client-side routing: every link and
 * form is plain HTML, so everything works without JavaScript (docs/adr/0004-server-rendered-pages.md).
 */
const handler = createStaticHandler(routes);

/**
 * Renders the page for `req` — or, with `anfrage`, for another request (a multipart route outside the page router
 * that answers a wrong upload with the page and its field errors, status 400, instead of a redirect).
 */
export async function seiteAusliefern(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, anfrage?: Request) {
  if (req.url.startsWith('/api/')) return sendError(reply, new AppError('not_found', 404, 'Diese Schnittstelle gibt es nicht.'));
  const lang = resolveLang(req, reply, ctx);
  // the language switch on a citizen page also sets the account's language (for mails)
  if (req.actor?.art === 'buerger' && isLang((req.query as Record<string, unknown> | undefined)?.lang)) await setzeSprache({ ctx, actor: req.actor, sprache: lang });
  const webContext: WebContext = { app: ctx, req, reply, lang };
  const result = await handler.query(anfrage ?? toFetchRequest(req), { requestContext: webContext });
  if (result instanceof Response) {
    if (result.status >= 300 && result.status < 400) {
      return reply.code(result.status).header('location', result.headers.get('location') ?? '/').send();
    }
    return reply.code(result.status).send(await result.text());
  }
  const error = firstError(result);
  if (error) return renderErrorPage(ctx, req, reply, error);
  const router = createStaticRouter(handler.dataRoutes, result);
  const html = renderToString(<StaticRouterProvider router={router} context={result} hydrate={false} />);
  // An action may set the status either through React Router's data(…, {status}) or on the reply (e.g. 400, 429).
  const status = result.statusCode !== 200 ? result.statusCode : reply.statusCode;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!DOCTYPE html>${html}`);
}

export function registerWebRoutes(app: FastifyInstance, ctx: AppContext) {
  setzeSeitenRenderer(seiteAusliefern);
  const serve = (req: FastifyRequest, reply: FastifyReply) => seiteAusliefern(ctx, req, reply);
  app.get('/*', serve);
  app.post('/*', serve);
}

function toFetchRequest(req: FastifyRequest): Request {
  const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
  }
  if (req.method === 'GET' || req.method === 'HEAD') return new Request(url, { method: req.method, headers });
  const form = new URLSearchParams();
  const body = (req.body ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) {
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string') form.append(k, item);
  }
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  return new Request(url, { method: req.method, headers, body: form });
}

function firstError(context: StaticHandlerContext): AppError | null {
  if (!context.errors) return null;
  const err = Object.values(context.errors)[0];
  if (err instanceof AppError) return err;
  if (isRouteErrorResponse(err)) {
    if (err.status === 404) return new AppError('not_found', 404, 'Diese Seite gibt es nicht.');
    if (err.status === 405) return new AppError('method_not_allowed', 405, 'Diese Aktion ist hier nicht möglich.');
    return new AppError('error', err.status, String(err.statusText || 'Fehler'));
  }
  throw err;
}

function resolveLang(req: FastifyRequest, reply: FastifyReply, ctx: AppContext): Lang {
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(query)) {
    setLangCookie(reply, ctx.config.secureCookies, query);
    return query;
  }
  return langFromCookie(req);
}

/** German (or translated) error page for every failure outside the API: 404, 403, 500, 503, CSRF. */
export async function renderErrorPage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, err: AppError) {
  if (err.status === 401) {
    return reply.code(303).header('location', `/anmelden?weiter=${encodeURIComponent(req.url.split('?')[0] ?? '/')}`).send();
  }
  const lang: Lang = langFromCookie(req);
  const t = translator(lang);
  // personal links (Termin, Warteliste) that no longer hold: the citizen's language; German keeps the precise message
  const linkText = lang === 'de' ? null : err.code === 'link_verbraucht' ? t('fehler.link.link_verbraucht') : err.code === 'link_abgelaufen' ? t('fehler.link.link_abgelaufen') : null;
  const title = linkText
    ? t('fehler.link.titel')
    : err.status === 404
      ? t('fehler.404.titel')
      : err.status === 403
        ? t('fehler.403.titel')
        : err.status === 503
          ? t('fehler.503.titel')
          : err.status >= 500
            ? t('fehler.500.titel')
            : err.message;
  const text = linkText ?? (err.status === 404 ? t('fehler.404.text') : err.status >= 500 && err.status !== 503 ? t('fehler.500.text') : err.message);
  let jobcenterName: string | null = null;
  if (err.status !== 503) {
    try {
      jobcenterName = await jobcenterNameLesen.execute({ ctx, actor: req.actor, input: {} });
    } catch {
      jobcenterName = null;
    }
  }
  const actor = req.actor;
  const html = renderToString(
    <Shell
      lang={lang}
      title={title}
      csrfToken={req.csrfToken}
      user={actor ? { name: actor.name, art: actor.art, roles: actor.roles, traegerName: actor.traegerName } : null}
      jobcenterName={jobcenterName}
      path={req.url}
      citizen={!actor || actor.art === 'buerger'}
    >
      <div className="kern-stack-lg">
        <h1 className="kern-heading-large">{title}</h1>
        <p className="kern-body">{text}</p>
        <p className="kern-body kern-body--small">{t('fehler.anfrage_nummer', { id: String(req.id) })}</p>
        <p>
          <a className="kern-link" href="/">
            {t('fehler.zur_startseite')}
          </a>
        </p>
      </div>
    </Shell>,
  );
  return reply.code(err.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!DOCTYPE html>${html}`);
}
