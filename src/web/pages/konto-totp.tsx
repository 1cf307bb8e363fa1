import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { beginTotpSetup } from '../../server/auth/begin-totp-setup.ts';
import { confirmTotpSetup } from '../../server/auth/confirm-totp-setup.ts';
import { disableTotp } from '../../server/auth/disable-totp.ts';
import { getTotpStatus } from '../../server/auth/get-totp-status.ts';
import { AppError, forbidden } from '../../server/errors.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { TotpSetupForm } from '../components/totp-setup.tsx';
import { useRoot } from '../hooks.ts';
import { flash, info, readForm, requirePageActor, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';

type Setup = { secret: string; sealed: string; qrSvg: string };

/** Own second factor (staff): set up an authenticator app, or switch it off again. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app } = web(context);
  const status = await getTotpStatus.execute({ ctx: app, actor, input: {} });
  const setup = status.enabledAt
    ? null
    : await beginTotpSetup.execute({ ctx: app, actor, input: { userId: actor.userId, email: actor.email, issuer: `Jobcenter ${actor.traegerName}` } });
  return {
    enabledAt: status.enabledAt ? status.enabledAt.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' }) : null,
    requiredByTraeger: status.requiredByTraeger,
    setup: setup ? { secret: setup.secret, sealed: setup.sealed, qrSvg: setup.qrSvg } : null,
  };
}

type ActionData = { errors: FieldErrors; setup?: Setup };

async function action({ context, request }: ActionFunctionArgs): Promise<ActionData | Response> {
  const actor = requirePageActor(context, request);
  if (actor.art !== 'staff') throw forbidden();
  const { app, reply } = web(context);
  const form = await readForm(request);
  const code = form.get('code');
  if (form.get('aktion') === 'abschalten') {
    try {
      await disableTotp.execute({ ctx: app, actor, input: { code, anfrage: info(context) } });
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        reply.code(err.status);
        return { errors: { code: codeFehler(err) } };
      }
      throw err;
    }
    flash(context, 'Der zweite Faktor ist abgeschaltet. Sie melden sich künftig nur mit dem Passwort an.');
    return redirect('/konto/totp');
  }

  const sealed = form.get('sealed');
  const again = async (message: string, status: number): Promise<ActionData> => {
    const setup = await beginTotpSetup.execute({ ctx: app, actor, input: { userId: actor.userId, email: actor.email, issuer: `Jobcenter ${actor.traegerName}`, sealed } });
    reply.code(status);
    return { errors: { code: message }, setup: { secret: setup.secret, sealed: setup.sealed, qrSvg: setup.qrSvg } };
  };
  try {
    await confirmTotpSetup.execute({ ctx: app, actor, input: { sealed, code, anfrage: info(context) } });
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return again(codeFehler(err), err.status);
    throw err;
  }
  flash(context, 'Die Authenticator-App ist eingerichtet. Bei der nächsten Anmeldung fragt vorort nach dem Code.');
  return redirect('/konto/totp');
}

/** The message for the code field: the use case's field issue, else its message. */
const codeFehler = (err: AppError) => err.issues.find((i) => i.path === 'code')?.message ?? err.message;

function KontoTotpPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as ActionData | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Zweiter Faktor (TOTP)</h1>
      <p className="kern-body">
        Mit einem zweiten Faktor fragt vorort bei der Anmeldung zusätzlich zum Passwort nach einem Code, den eine Authenticator-App alle 30
        Sekunden neu erzeugt.
      </p>
      {d.enabledAt ? (
        <>
          <Alert type="success" title="Der zweite Faktor ist eingerichtet.">
            <p className="kern-body">Eingerichtet am {d.enabledAt}.</p>
          </Alert>
          <section aria-labelledby="abschalten" className="kern-stack-sm">
            <h2 className="kern-heading-small" id="abschalten">
              Zweiten Faktor abschalten
            </h2>
            {d.requiredByTraeger ? (
              <p className="kern-body">Ihr Jobcenter verlangt für alle Mitarbeitenden einen zweiten Faktor. Er kann deshalb nicht abgeschaltet werden.</p>
            ) : (
              <>
                <ErrorSummary errors={errors} title="Bitte korrigieren Sie die folgenden Angaben:" />
                <p className="kern-body">Zum Abschalten bestätigen Sie bitte mit einem aktuellen Code aus der App. Danach können Sie eine neue App einrichten.</p>
                <PostForm csrfToken={csrfToken} action="/konto/totp">
                  <input type="hidden" name="aktion" value="abschalten" />
                  <TextField
                    name="code"
                    label="Sicherheitscode aus der App"
                    hint="6 Ziffern, ohne Leerzeichen"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    width="kurz"
                    error={errors.code}
                    required
                  />
                  <SubmitButton variant="secondary">Zweiten Faktor abschalten</SubmitButton>
                </PostForm>
              </>
            )}
          </section>
        </>
      ) : (
        <section aria-labelledby="einrichten" className="kern-stack-sm">
          <h2 className="kern-heading-small" id="einrichten">
            Authenticator-App einrichten
          </h2>
          {d.requiredByTraeger ? <p className="kern-body">Ihr Jobcenter verlangt einen zweiten Faktor.</p> : null}
          <TotpSetupForm csrfToken={csrfToken} action="/konto/totp" setup={(result?.setup ?? d.setup)!} errors={errors} hidden={{ aktion: 'einrichten' }} />
        </section>
      )}
      <p className="kern-body">
        <a className="kern-link" href="/konto">
          Zurück zu „Mein Konto“
        </a>
      </p>
    </div>
  );
}

export const kontoTotpRoute: RouteObject = {
  path: 'konto/totp',
  loader,
  action,
  Component: KontoTotpPage,
  handle: { title: 'Zweiter Faktor (TOTP)' } satisfies PageHandle,
};
