import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { z } from 'zod';
import { linkPruefen } from '../../server/auth/link-pruefen.ts';
import { publicBaseUrl } from '../../server/auth/public-url.ts';
import { requestPasswordReset } from '../../server/auth/request-password-reset.ts';
import { resetPassword } from '../../server/auth/reset-password.ts';
import { clearSessionCookie } from '../../server/cookies.ts';
import { AppError } from '../../server/errors.ts';
import { PASSWORD_MIN_LENGTH } from '../../server/security/passwords.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { useRoot, useT } from '../hooks.ts';
import { translator } from '../../i18n/index.ts';
import { flash, info, readForm, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';

/* ---------- /passwort-vergessen: request a reset link ---------- */

async function forgotLoader({ request }: LoaderFunctionArgs) {
  return { gesendet: new URL(request.url).searchParams.get('gesendet') === '1' };
}

type ForgotData = { errors: FieldErrors; email: string };

async function forgotAction({ context, request }: ActionFunctionArgs): Promise<ForgotData | Response> {
  const { app, req, reply, lang } = web(context);
  const t = translator(lang);
  const form = await readForm(request);
  const email = form.get('email').trim();
  if (!z.email().safeParse(email).success) {
    reply.code(400);
    return { errors: { email: t('register.fehler.email') }, email };
  }
  await requestPasswordReset.execute({ ctx: app, actor: req.actor, input: { email, baseUrl: publicBaseUrl(app, req), anfrage: info(context) } });
  // Always the same answer, whether there is an account for the address or not.
  return redirect('/passwort-vergessen?gesendet=1');
}

function ForgotPage() {
  const { gesendet } = useLoaderData<typeof forgotLoader>();
  const result = useActionData() as ForgotData | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('reset.titel')}</h1>
      {gesendet ? (
        <>
          <Alert type="info" title={t('reset.gesendet.titel')}>
            <p className="kern-body">{t('reset.gesendet')}</p>
          </Alert>
          <p className="kern-body">
            <a className="kern-link" href="/anmelden">
              {t('register.zur_anmeldung')}
            </a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} title={t('form.fehler.titel')} />
          <p className="kern-body">{t('reset.einleitung')}</p>
          <PostForm csrfToken={csrfToken} action="/passwort-vergessen">
            <TextField name="email" type="email" label={t('login.email')} autoComplete="email" defaultValue={result?.email} error={errors.email} required />
            <SubmitButton>{t('reset.absenden')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}

export const forgotPasswordRoute: RouteObject = {
  path: 'passwort-vergessen',
  loader: forgotLoader,
  action: forgotAction,
  Component: ForgotPage,
  handle: { title: (_d: never, t) => t('reset.titel'), citizen: true } satisfies PageHandle,
};

/* ---------- /passwort-neu?token=…: set a new password ---------- */

async function newLoader({ context, request }: LoaderFunctionArgs) {
  const { app, req } = web(context);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  // Only looks whether the link is still good; the token is used up by the POST.
  const usable = await linkPruefen.execute({ ctx: app, actor: req.actor, input: { token, zweck: 'passwort_zuruecksetzen' } });
  return { token: usable ? token : '' };
}

type NewData = { errors: FieldErrors; ungueltig?: boolean };

async function newAction({ context, request }: ActionFunctionArgs): Promise<NewData | Response> {
  const { app, req, reply, lang } = web(context);
  const t = translator(lang);
  const form = await readForm(request);
  const password = form.get('password');
  const input = { token: form.get('token'), password, anfrage: info(context) };
  try {
    // the use case's own rules first, then the form's repetition (which only the page has)
    resetPassword.parse(input);
    if (password !== form.get('password2')) {
      reply.code(400);
      return { errors: { password2: t('register.fehler.passwort2') } };
    }
    await resetPassword.execute({ ctx: app, actor: req.actor, input });
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid') {
      reply.code(400);
      return { errors: {}, ungueltig: true };
    }
    if (err instanceof AppError && err.code === 'validation_failed') {
      reply.code(400);
      return { errors: { password: t('register.fehler.passwort', { min: PASSWORD_MIN_LENGTH }) } };
    }
    throw err;
  }
  // Every session of the account has ended, this browser's included.
  clearSessionCookie(reply);
  flash(context, t('reset.neu.erfolg'));
  return redirect('/anmelden');
}

function NewPasswordPage() {
  const { token } = useLoaderData<typeof newLoader>();
  const result = useActionData() as NewData | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  const errors = result?.errors ?? {};
  // The form posts back to the same address, so after a typo the loader still finds the (unused) token.
  if (result?.ungueltig || !token) {
    return (
      <div className="kern-stack-lg form-narrow">
        <h1 className="kern-heading-large">{t('register.link_ungueltig.titel')}</h1>
        <p className="kern-body">{t('reset.link_ungueltig.text')}</p>
        <p className="kern-body">
          <a className="kern-link" href="/passwort-vergessen">
            {t('reset.neu_anfordern')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('reset.neu.titel')}</h1>
      <ErrorSummary errors={errors} title={t('form.fehler.titel')} />
      <p className="kern-body">{t('reset.neu.einleitung')}</p>
      <PostForm csrfToken={csrfToken} action={`/passwort-neu?token=${encodeURIComponent(token)}`}>
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label={t('reset.neu.passwort')}
          hint={t('register.passwort.hinweis', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={errors.password}
          required
        />
        <TextField name="password2" type="password" label={t('reset.neu.passwort2')} autoComplete="new-password" error={errors.password2} required />
        <SubmitButton>{t('reset.neu.absenden')}</SubmitButton>
      </PostForm>
    </div>
  );
}

export const newPasswordRoute: RouteObject = {
  path: 'passwort-neu',
  loader: newLoader,
  action: newAction,
  Component: NewPasswordPage,
  handle: { title: (_d: never, t) => t('reset.neu.titel'), citizen: true } satisfies PageHandle,
};
