import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { linkPruefen } from '../../server/auth/link-pruefen.ts';
import { publicBaseUrl } from '../../server/auth/public-url.ts';
import { lokalesZiel, register } from '../../server/auth/register.ts';
import { verifyEmail } from '../../server/auth/verify-email.ts';
import { AppError } from '../../server/errors.ts';
import { PASSWORD_MIN_LENGTH } from '../../server/security/passwords.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { useRoot, useT } from '../hooks.ts';
import { translator } from '../../i18n/index.ts';
import { info, readForm, web } from '../web-context.ts';
import { homeOf } from './anmelden.tsx';
import type { PageHandle } from './root.tsx';

/* ---------- /registrieren: create a citizen account ---------- */

/** `?weiter=` (a local path only) travels through the form, the confirmation mail and the sign-in page. */
const weiterVon = (request: Request) => lokalesZiel(new URL(request.url).searchParams.get('weiter')) ?? '';
const mitWeiter = (pfad: string, weiter: string) => (weiter ? `${pfad}?weiter=${encodeURIComponent(weiter)}` : pfad);

async function registerLoader({ context, request }: LoaderFunctionArgs) {
  const { req } = web(context);
  const weiter = weiterVon(request);
  if (req.actor) throw redirect(weiter || homeOf(req.actor.art));
  return { weiter };
}

type RegisterData = { errors: FieldErrors; values: { name: string; email: string } };

async function registerAction({ context, request }: ActionFunctionArgs): Promise<RegisterData | Response> {
  const { app, req, reply, lang } = web(context);
  const t = translator(lang);
  const form = await readForm(request);
  const input = {
    name: form.get('name'),
    email: form.get('email'),
    password: form.get('password'),
    weiter: form.get('weiter'),
    lang,
    baseUrl: publicBaseUrl(app, req),
    anfrage: info(context),
  };
  const values = { name: input.name, email: input.email };
  const errors: FieldErrors = {};
  // The use case's own schema decides; the page puts its rules in the chosen language next to the fields.
  try {
    register.parse(input);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
    for (const issue of err.issues) {
      if (issue.path === 'name') errors.name = t('register.fehler.name');
      if (issue.path === 'email') errors.email = t('register.fehler.email');
      if (issue.path === 'password') errors.password = t('register.fehler.passwort', { min: PASSWORD_MIN_LENGTH });
    }
  }
  if (!errors.password && input.password !== form.get('password2')) errors.password2 = t('register.fehler.passwort2');
  if (Object.keys(errors).length) {
    reply.code(400);
    return { errors, values };
  }
  // Accounts belong to the default Träger: the one whose public pages (start page, sign-in) this site shows.
  await register.execute({ ctx: app, actor: req.actor, input });
  // New account or not: the same answer, so nobody learns whether an address is registered.
  return redirect('/registrieren/gesendet');
}

function RegisterPage() {
  const { weiter } = useLoaderData<typeof registerLoader>();
  const result = useActionData() as RegisterData | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('register.titel')}</h1>
      <ErrorSummary errors={errors} title={t('form.fehler.titel')} />
      <p className="kern-body">{t('register.einleitung')}</p>
      <PostForm csrfToken={csrfToken} action={mitWeiter('/registrieren', weiter)}>
        <input type="hidden" name="weiter" value={weiter} />
        <TextField name="name" label={t('register.name')} autoComplete="name" defaultValue={result?.values.name} error={errors.name} required />
        <TextField name="email" type="email" label={t('register.email')} autoComplete="email" defaultValue={result?.values.email} error={errors.email} required />
        <TextField
          name="password"
          type="password"
          label={t('register.passwort')}
          hint={t('register.passwort.hinweis', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={errors.password}
          required
        />
        <TextField name="password2" type="password" label={t('register.passwort2')} autoComplete="new-password" error={errors.password2} required />
        <SubmitButton>{t('register.absenden')}</SubmitButton>
      </PostForm>
      <p className="kern-body">
        <a className="kern-link" href={mitWeiter('/anmelden', weiter)}>
          {t('register.schon_konto')}
        </a>
      </p>
    </div>
  );
}

export const registerRoute: RouteObject = {
  path: 'registrieren',
  loader: registerLoader,
  action: registerAction,
  Component: RegisterPage,
  handle: { title: (_d: never, t) => t('register.titel'), citizen: true } satisfies PageHandle,
};

/* ---------- /registrieren/gesendet: "please open the link in the mail" ---------- */

function SentPage() {
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('register.gesendet.titel')}</h1>
      <p className="kern-body">{t('register.gesendet.text')}</p>
    </div>
  );
}

export const registerSentRoute: RouteObject = {
  path: 'registrieren/gesendet',
  Component: SentPage,
  handle: { title: (_d: never, t) => t('register.gesendet.titel'), citizen: true } satisfies PageHandle,
};

/* ---------- /registrieren/bestaetigen?token=…: GET shows a button, POST confirms ---------- */

async function confirmLoader({ context, request }: LoaderFunctionArgs) {
  const { app, req } = web(context);
  const token = new URL(request.url).searchParams.get('token') ?? '';
  // Only looks: opening the link (or a mail scanner prefetching it) changes nothing.
  const usable = await linkPruefen.execute({ ctx: app, actor: req.actor, input: { token, zweck: 'email_bestaetigung' } });
  return { token: usable ? token : '', weiter: weiterVon(request) };
}

type ConfirmData = { ergebnis: 'bestaetigt' | 'ungueltig' };

async function confirmAction({ context, request }: ActionFunctionArgs): Promise<ConfirmData> {
  const { app, req, reply } = web(context);
  const form = await readForm(request);
  try {
    await verifyEmail.execute({ ctx: app, actor: req.actor, input: { token: form.get('token'), anfrage: info(context) } });
    return { ergebnis: 'bestaetigt' };
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid') {
      reply.code(400);
      return { ergebnis: 'ungueltig' };
    }
    throw err;
  }
}

function ConfirmPage() {
  const { token, weiter } = useLoaderData<typeof confirmLoader>();
  const result = useActionData() as ConfirmData | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  if (result?.ergebnis === 'bestaetigt') {
    return (
      <div className="kern-stack-lg form-narrow">
        <h1 className="kern-heading-large">{t('register.bestaetigt.titel')}</h1>
        <Alert type="success" title={t('register.bestaetigt.text')} />
        <p className="kern-body">
          <a className="kern-link" href={mitWeiter('/anmelden', weiter)}>
            {t('register.zur_anmeldung')}
          </a>
        </p>
      </div>
    );
  }
  if (result?.ergebnis === 'ungueltig' || !token) {
    return (
      <div className="kern-stack-lg form-narrow">
        <h1 className="kern-heading-large">{t('register.link_ungueltig.titel')}</h1>
        <p className="kern-body">{t('register.link_ungueltig.text')}</p>
        <p className="kern-body">
          <a className="kern-link" href="/registrieren">
            {t('register.erneut')}
          </a>
          {' · '}
          <a className="kern-link" href="/anmelden">
            {t('register.zur_anmeldung')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('register.bestaetigen.titel')}</h1>
      <p className="kern-body">{t('register.bestaetigen.text')}</p>
      <PostForm csrfToken={csrfToken} action={mitWeiter('/registrieren/bestaetigen', weiter)}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton>{t('register.bestaetigen.absenden')}</SubmitButton>
      </PostForm>
    </div>
  );
}

export const registerConfirmRoute: RouteObject = {
  path: 'registrieren/bestaetigen',
  loader: confirmLoader,
  action: confirmAction,
  Component: ConfirmPage,
  handle: { title: (_d: never, t) => t('register.bestaetigen.titel'), citizen: true } satisfies PageHandle,
};
