import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { login } from '../../server/auth/login.ts';
import { lokalesZiel } from '../../server/auth/register.ts';
import { logout } from '../../server/auth/logout.ts';
import { anmeldeAnbieter } from '../../server/auth/anmelde-anbieter.ts';
import { clearSessionCookie, setSessionCookie } from '../../server/cookies.ts';
import { AppError } from '../../server/errors.ts';
import { contentSecurityPolicy, herkunft } from '../../server/security/header.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { useRoot, useT } from '../hooks.ts';
import { translator } from '../../i18n/index.ts';
import { info, readForm, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';

/** Where to go after sign-in: only local paths, never another host (no "//", backslash, tab or other tricks). */
export function safeNext(value: string | null | undefined, fallback: string): string {
  return lokalesZiel(value) ?? fallback;
}

export const homeOf = (art: string) => (art === 'buerger' ? '/portal' : '/arbeitsplatz');

async function loader({ context, request }: LoaderFunctionArgs) {
  const { req, app, reply } = web(context);
  if (req.actor) throw redirect(homeOf(req.actor.art));
  const providers = await anmeldeAnbieter.execute({ ctx: app, actor: null, input: {} });
  // The OIDC buttons post here and are redirected to the provider: form-action must allow those origins on this page.
  const ziele = providers.map((p) => herkunft(p.issuer)).filter((o): o is string => o !== null);
  if (ziele.length) reply.header('content-security-policy', contentSecurityPolicy(app.config, ziele));
  return {
    weiter: safeNext(new URL(request.url).searchParams.get('weiter'), ''),
    providers: providers.map((p) => ({ id: p.id, label: p.label })),
  };
}

type ActionData = { errors: FieldErrors; email: string };

async function action({ context, request }: ActionFunctionArgs): Promise<ActionData | Response> {
  const { app, reply, lang } = web(context);
  const form = await readForm(request);
  const email = form.get('email').trim();
  const t = translator(lang);
  try {
    const input = { email, password: form.get('password'), allowPending: true, anfrage: info(context) };
    const result = await login.execute({ ctx: app, actor: null, input });
    setSessionCookie(reply, app.config.secureCookies, result.token);
    const next = safeNext(form.get('weiter'), homeOf(result.user.art));
    if (result.next === 'zweiter_faktor') return redirect(`/anmelden/zweiter-faktor?weiter=${encodeURIComponent(next)}`);
    if (result.next === 'totp_einrichten') return redirect('/anmelden/totp-einrichten');
    return redirect(next);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      // the schema's rule, in the chosen language next to the field
      const errors: FieldErrors = {};
      for (const issue of err.issues) {
        if (issue.path === 'email') errors.email = t('login.fehler.email');
        if (issue.path === 'password') errors.password = t('login.fehler.passwort');
      }
      return { errors, email };
    }
    if (err instanceof AppError && [401, 403, 429].includes(err.status)) {
      reply.code(err.status);
      if (err.status === 429 && typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
      return { errors: { email: loginErrorText(t, err) }, email };
    }
    throw err;
  }
}

/** The sign-in page is a citizen page: known refusals in the chosen language, others as the use case words them. */
function loginErrorText(t: ReturnType<typeof translator>, err: AppError): string {
  switch (err.code) {
    case 'invalid_credentials':
      return t('login.fehler.ungueltig');
    case 'email_not_verified':
      return t('login.fehler.nicht_bestaetigt');
    case 'account_inactive':
      return t('login.fehler.deaktiviert');
    case 'too_many_attempts': {
      const minuten = Math.max(1, Math.ceil(Number(err.extra.retryAfter ?? 60) / 60));
      return minuten === 1 ? t('login.fehler.gesperrt_eine') : t('login.fehler.gesperrt', { minuten });
    }
    default:
      return err.message;
  }
}

function LoginPage() {
  const { weiter, providers } = useLoaderData<typeof loader>();
  const result = useActionData() as ActionData | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('login.titel')}</h1>
      <ErrorSummary errors={errors} title={t('form.fehler.titel')} />
      <p className="kern-body">{t('login.einleitung')}</p>
      <PostForm csrfToken={csrfToken} action="/anmelden">
        <input type="hidden" name="weiter" value={weiter} />
        <TextField name="email" type="email" label={t('login.email')} autoComplete="username" defaultValue={result?.email} error={errors.email} required />
        <TextField name="password" type="password" label={t('login.passwort')} autoComplete="current-password" error={errors.password} required />
        <div className="actions">
          <SubmitButton>{t('login.absenden')}</SubmitButton>
          <a className="kern-link" href="/passwort-vergessen">
            {t('login.vergessen')}
          </a>
        </div>
      </PostForm>
      <p className="kern-body">
        {/* a new citizen keeps the target (e.g. the Online-Antrag with the pre-check's answers) through registration */}
        <a className="kern-link" href={weiter ? `/registrieren?weiter=${encodeURIComponent(weiter)}` : '/registrieren'}>
          {t('login.registrieren')}
        </a>
      </p>
      {providers.length ? (
        <section aria-labelledby="oidc" className="kern-stack-sm">
          <h2 className="kern-heading-small" id="oidc">
            {t('login.oidc.titel')}
          </h2>
          {providers.map((p) => (
            <PostForm key={p.id} csrfToken={csrfToken} action={`/anmelden/oidc/${p.id}`}>
              <input type="hidden" name="weiter" value={weiter} />
              <SubmitButton variant="secondary">{t('login.oidc.button', { label: p.label })}</SubmitButton>
            </PostForm>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export const loginRoute: RouteObject = {
  path: 'anmelden',
  loader,
  action,
  Component: LoginPage,
  handle: { title: (_d: never, t) => t('login.titel'), citizen: true } satisfies PageHandle,
};

/** Sign-out (POST from the header button): ends this session. */
async function logoutAction({ context }: ActionFunctionArgs) {
  const { req, reply, app } = web(context);
  const state = req.sessionState;
  if (state) {
    const ids =
      state.kind === 'aktiv'
        ? { traegerId: state.actor.traegerId, userId: state.actor.userId, sessionId: state.actor.sessionId }
        : { traegerId: state.user.traegerId, userId: state.user.id, sessionId: state.sessionId };
    await logout.execute({ ctx: app, actor: req.actor, input: { sitzung: ids, requestId: String(req.id) } });
  }
  clearSessionCookie(reply);
  return redirect('/');
}

export const logoutRoute: RouteObject = {
  path: 'abmelden',
  action: logoutAction,
  loader: () => redirect('/'),
};
