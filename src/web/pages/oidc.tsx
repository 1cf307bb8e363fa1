import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { finishOidcSignIn } from '../../server/auth/finish-oidc-sign-in.ts';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_TTL_MS } from '../../server/auth/oidc-flow.ts';
import { publicBaseUrl } from '../../server/auth/public-url.ts';
import { setSessionCookie } from '../../server/cookies.ts';
import { startOidcSignIn } from '../../server/auth/start-oidc-sign-in.ts';
import { AppError } from '../../server/errors.ts';
import { info, readForm, web, type WebContext } from '../web-context.ts';
import { homeOf, safeNext } from './anmelden.tsx';
import type { PageHandle } from './root.tsx';

/** Sign-in through the Träger's OpenID provider (staff only, German only). */
export const OIDC_CALLBACK_PATH = '/anmelden/oidc/callback';
const FLOW_COOKIE_PATH = '/anmelden/oidc';

const redirectUri = (w: WebContext) => `${publicBaseUrl(w.app, w.req)}${OIDC_CALLBACK_PATH}`;

type Failure = { fehler: string };

function FailurePage({ fehler }: Failure) {
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Anmeldung nicht möglich</h1>
      <p className="kern-body">{fehler}</p>
      <p className="kern-body">
        <a className="kern-link" href="/anmelden">
          Zurück zur Anmeldung
        </a>
      </p>
    </div>
  );
}

/* ---------- POST /anmelden/oidc/:providerId: off to the provider ---------- */

async function startAction({ context, request, params }: ActionFunctionArgs): Promise<Failure | Response> {
  const w = web(context);
  const form = await readForm(request);
  try {
    const { authorizationUrl, flowCookie } = await startOidcSignIn.execute({
      ctx: w.app,
      actor: w.req.actor,
      input: { providerId: params.providerId ?? '', redirectUri: redirectUri(w), weiter: safeNext(form.get('weiter'), '') },
    });
    w.reply.setCookie(OIDC_FLOW_COOKIE, flowCookie, {
      path: FLOW_COOKIE_PATH,
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
      sameSite: 'lax',
      secure: w.app.config.secureCookies,
      maxAge: Math.floor(OIDC_FLOW_TTL_MS / 1000),
    });
    return redirect(authorizationUrl);
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.status !== 404) {
      w.reply.code(err.status);
      return { fehler: err.message };
    }
    if (err instanceof AppError && err.code === 'oidc_unavailable') {
      w.reply.code(502);
      return { fehler: err.message };
    }
    throw err;
  }
}

function StartPage() {
  const result = useActionData() as Failure | undefined;
  return <FailurePage fehler={result?.fehler ?? 'Bitte starten Sie die Anmeldung über die Schaltfläche auf der Anmeldeseite.'} />;
}

export const oidcStartRoute: RouteObject = {
  path: 'anmelden/oidc/:providerId',
  // A plain GET has nothing to do here; after a failed POST the page shows why.
  loader: ({ context }) => (web(context).req.method === 'GET' ? redirect('/anmelden') : null),
  action: startAction,
  Component: StartPage,
  handle: { title: 'Anmeldung nicht möglich' } satisfies PageHandle,
};

/* ---------- GET /anmelden/oidc/callback: back from the provider ---------- */

async function callbackLoader({ context, request }: LoaderFunctionArgs): Promise<Failure | Response> {
  const w = web(context);
  const flowCookie = w.req.cookies[OIDC_FLOW_COOKIE];
  // One attempt per flow: the cookie goes whatever the outcome.
  w.reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
  try {
    const input = { flowCookie, query: new URL(request.url).searchParams, anfrage: info(context) };
    const result = await finishOidcSignIn.execute({ ctx: w.app, actor: w.req.actor, input });
    setSessionCookie(w.reply, w.app.config.secureCookies, result.token);
    return redirect(safeNext(result.weiter, homeOf(result.user.art)));
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      w.reply.code(err.status);
      return { fehler: err.message };
    }
    if (err instanceof AppError && err.code === 'oidc_unavailable') {
      w.reply.code(502);
      return { fehler: err.message };
    }
    throw err;
  }
}

function CallbackPage() {
  const data = useLoaderData() as Failure;
  return <FailurePage fehler={data.fehler} />;
}

export const oidcCallbackRoute: RouteObject = {
  path: 'anmelden/oidc/callback',
  loader: callbackLoader,
  Component: CallbackPage,
  handle: { title: 'Anmeldung nicht möglich' } satisfies PageHandle,
};
