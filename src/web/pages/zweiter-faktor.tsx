import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { beginTotpSetup } from '../../server/auth/begin-totp-setup.ts';
import { completeSecondFactor } from '../../server/auth/complete-second-factor.ts';
import { confirmTotpSetup } from '../../server/auth/confirm-totp-setup.ts';
import { setSessionCookie } from '../../server/cookies.ts';
import { AppError } from '../../server/errors.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { TotpSetupForm } from '../components/totp-setup.tsx';
import { useRoot } from '../hooks.ts';
import { info, readForm, web } from '../web-context.ts';
import { homeOf, safeNext } from './anmelden.tsx';
import type { PageHandle } from './root.tsx';

/** The message for the code field: the use case's field issue, else its message. */
const codeFehler = (err: AppError) => err.issues.find((i) => i.path === 'code')?.message ?? err.message;

/** "Abbrechen": ends the pending session through the ordinary sign-out. */
function CancelForm({ csrfToken }: { csrfToken: string }) {
  return (
    <PostForm csrfToken={csrfToken} action="/abmelden" aria-label="Anmeldung abbrechen">
      <SubmitButton variant="tertiary">Anmeldung abbrechen</SubmitButton>
    </PostForm>
  );
}

/** Where a session that is not (or no longer) in the expected pending state belongs. */
function elsewhere(context: unknown): never {
  const { req } = web(context);
  if (req.actor) throw redirect(homeOf(req.actor.art));
  if (req.sessionState?.kind === 'zweiter_faktor') throw redirect('/anmelden/zweiter-faktor');
  if (req.sessionState?.kind === 'totp_einrichten') throw redirect('/anmelden/totp-einrichten');
  throw redirect('/anmelden');
}

/* ---------- /anmelden/zweiter-faktor: the code after the password ---------- */

async function secondFactorLoader({ context, request }: LoaderFunctionArgs) {
  const { req } = web(context);
  if (req.sessionState?.kind !== 'zweiter_faktor') elsewhere(context);
  return { weiter: safeNext(new URL(request.url).searchParams.get('weiter'), '') };
}

type SecondFactorData = { errors: FieldErrors };

async function secondFactorAction({ context, request }: ActionFunctionArgs): Promise<SecondFactorData | Response> {
  const { app, req, reply } = web(context);
  const state = req.sessionState;
  if (state?.kind !== 'zweiter_faktor') elsewhere(context);
  const form = await readForm(request);
  try {
    const input = { sessionId: state.sessionId, user: state.user, code: form.get('code'), anfrage: info(context) };
    const { token } = await completeSecondFactor.execute({ ctx: app, actor: null, input });
    setSessionCookie(reply, app.config.secureCookies, token);
    return redirect(safeNext(form.get('weiter'), homeOf(state.user.art)));
  } catch (err) {
    if (err instanceof AppError && (err.code === 'totp_invalid' || err.code === 'too_many_attempts' || err.code === 'validation_failed')) {
      reply.code(err.status);
      return { errors: { code: codeFehler(err) } };
    }
    throw err;
  }
}

function SecondFactorPage() {
  const { weiter } = useLoaderData<typeof secondFactorLoader>();
  const result = useActionData() as SecondFactorData | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Sicherheitscode eingeben</h1>
      <ErrorSummary errors={errors} title="Bitte korrigieren Sie die folgenden Angaben:" />
      <p className="kern-body">Ihr Passwort war richtig. Bitte geben Sie jetzt den Code ein, den Ihre Authenticator-App für vorort anzeigt.</p>
      <PostForm csrfToken={csrfToken} action="/anmelden/zweiter-faktor">
        <input type="hidden" name="weiter" value={weiter} />
        <TextField
          name="code"
          label="Sicherheitscode"
          hint="6 Ziffern, ohne Leerzeichen"
          inputMode="numeric"
          autoComplete="one-time-code"
          width="kurz"
          error={errors.code}
          required
        />
        <SubmitButton>Anmelden</SubmitButton>
      </PostForm>
      <CancelForm csrfToken={csrfToken} />
    </div>
  );
}

export const secondFactorRoute: RouteObject = {
  path: 'anmelden/zweiter-faktor',
  loader: secondFactorLoader,
  action: secondFactorAction,
  Component: SecondFactorPage,
  handle: { title: 'Sicherheitscode eingeben' } satisfies PageHandle,
};

/* ---------- /anmelden/totp-einrichten: the Träger requires TOTP, set it up before anything else ---------- */

async function forcedSetupLoader({ context }: LoaderFunctionArgs) {
  const { app, req } = web(context);
  const state = req.sessionState;
  if (state?.kind !== 'totp_einrichten') elsewhere(context);
  const setup = await beginTotpSetup.execute({ ctx: app, actor: null, input: { userId: state.user.id, email: state.user.email, issuer: `Jobcenter ${state.traegerName}` } });
  return { setup: { secret: setup.secret, sealed: setup.sealed, qrSvg: setup.qrSvg } };
}

type ForcedSetupData = { errors: FieldErrors; setup: { secret: string; sealed: string; qrSvg: string } };

async function forcedSetupAction({ context, request }: ActionFunctionArgs): Promise<ForcedSetupData | Response> {
  const { app, req, reply } = web(context);
  const state = req.sessionState;
  if (state?.kind !== 'totp_einrichten') elsewhere(context);
  const form = await readForm(request);
  const sealed = form.get('sealed');
  const code = form.get('code');
  const again = async (message: string, status: number): Promise<ForcedSetupData> => {
    const setup = await beginTotpSetup.execute({ ctx: app, actor: null, input: { userId: state.user.id, email: state.user.email, issuer: `Jobcenter ${state.traegerName}`, sealed } });
    reply.code(status);
    return { errors: { code: message }, setup: { secret: setup.secret, sealed: setup.sealed, qrSvg: setup.qrSvg } };
  };
  try {
    const pending = { sessionId: state.sessionId, userId: state.user.id, traegerId: state.user.traegerId };
    const { token } = await confirmTotpSetup.execute({ ctx: app, actor: null, input: { pending, sealed, code, anfrage: info(context) } });
    if (token) setSessionCookie(reply, app.config.secureCookies, token);
    return redirect(homeOf(state.user.art));
  } catch (err) {
    if (err instanceof AppError && err.status === 400) return again(codeFehler(err), 400);
    throw err;
  }
}

function ForcedSetupPage() {
  const loaded = useLoaderData<typeof forcedSetupLoader>();
  const result = useActionData() as ForcedSetupData | undefined;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Zweiten Faktor einrichten</h1>
      <p className="kern-body">
        Ihr Jobcenter verlangt bei der Anmeldung zusätzlich zum Passwort einen Sicherheitscode aus einer Authenticator-App. Bitte richten Sie die App
        jetzt ein; danach sind Sie angemeldet.
      </p>
      <TotpSetupForm csrfToken={csrfToken} action="/anmelden/totp-einrichten" setup={result?.setup ?? loaded.setup} errors={result?.errors ?? {}} />
      <CancelForm csrfToken={csrfToken} />
    </div>
  );
}

export const forcedTotpSetupRoute: RouteObject = {
  path: 'anmelden/totp-einrichten',
  loader: forcedSetupLoader,
  action: forcedSetupAction,
  Component: ForcedSetupPage,
  handle: { title: 'Zweiten Faktor einrichten' } satisfies PageHandle,
};
