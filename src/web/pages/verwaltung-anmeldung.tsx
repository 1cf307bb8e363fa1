import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { addOidcProvider } from '../../server/auth/add-oidc-provider.ts';
import { getSignInSettings } from '../../server/auth/get-sign-in-settings.ts';
import { publicBaseUrl } from '../../server/auth/public-url.ts';
import { setOidcProviderActive } from '../../server/auth/set-oidc-provider-active.ts';
import { setTotpRequirement } from '../../server/auth/set-totp-requirement.ts';
import { AppError } from '../../server/errors.ts';
import { Checkbox, ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../components/forms.tsx';
import { useRoot } from '../hooks.ts';
import { flash, readForm, requirePermission, web } from '../web-context.ts';
import { OIDC_CALLBACK_PATH } from './oidc.tsx';
import type { PageHandle } from './root.tsx';
import { TabellenBereich } from '../components/tabelle.tsx';

/** Admin: the Träger's sign-in settings — TOTP requirement for staff and OpenID Connect providers. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const { app, req } = web(context);
  const settings = await getSignInSettings.execute({ ctx: app, actor, input: {} });
  return { ...settings, redirectUri: `${publicBaseUrl(app, req)}${OIDC_CALLBACK_PATH}` };
}

type Values = { label: string; issuer: string; clientId: string };
type ActionData = { errors: FieldErrors; values: Values };

async function action({ context, request }: ActionFunctionArgs): Promise<ActionData | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const { app, reply } = web(context);
  const form = await readForm(request);
  switch (form.get('aktion')) {
    case 'totp_pflicht': {
      const required = form.get('totpPflicht') === '1';
      await setTotpRequirement.execute({ ctx: app, actor, input: { required } });
      flash(context, required ? 'Der zweite Faktor ist jetzt für alle Mitarbeitenden Pflicht.' : 'Der zweite Faktor ist nicht mehr Pflicht.');
      return redirect('/verwaltung/anmeldung');
    }
    case 'anbieter_aktiv': {
      const aktiv = form.get('aktiv') === '1';
      await setOidcProviderActive.execute({ ctx: app, actor, input: { providerId: form.get('providerId'), aktiv } });
      flash(context, aktiv ? 'Der Anmeldedienst ist eingeschaltet.' : 'Der Anmeldedienst ist abgeschaltet.');
      return redirect('/verwaltung/anmeldung');
    }
    case 'anbieter_neu': {
      const input = { label: form.get('label'), issuer: form.get('issuer'), clientId: form.get('clientId'), clientSecret: form.get('clientSecret') };
      const values = { label: input.label, issuer: input.issuer, clientId: input.clientId };
      try {
        await addOidcProvider.execute({ ctx: app, actor, input });
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation_failed') {
          reply.code(400);
          return { errors: Object.fromEntries(err.issues.map((i) => [i.path, i.message])), values };
        }
        throw err;
      }
      flash(context, `Der Anmeldedienst „${input.label.trim()}“ ist eingerichtet.`);
      return redirect('/verwaltung/anmeldung');
    }
    default:
      throw new AppError('validation_failed', 400, 'Unbekannte Aktion.');
  }
}

function VerwaltungAnmeldungPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as ActionData | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Anmeldung und Sicherheit</h1>
      <ErrorSummary errors={errors} title="Bitte korrigieren Sie die folgenden Angaben:" />

      <section aria-labelledby="totp-pflicht" className="kern-stack-sm form-narrow">
        <h2 className="kern-heading-medium" id="totp-pflicht">
          Zweiter Faktor für Mitarbeitende
        </h2>
        <p className="kern-body">
          {d.totpPflicht
            ? 'Zurzeit müssen alle Mitarbeitenden bei der Anmeldung mit Passwort einen Code aus einer Authenticator-App eingeben.'
            : 'Zurzeit ist der zweite Faktor freiwillig.'}
        </p>
        <PostForm csrfToken={csrfToken} action="/verwaltung/anmeldung">
          <input type="hidden" name="aktion" value="totp_pflicht" />
          <Checkbox
            name="totpPflicht"
            label="Zweiten Faktor (TOTP) für alle Mitarbeitenden verlangen"
            hint="Wer noch keine Authenticator-App eingerichtet hat, muss das bei der nächsten Anmeldung tun. Bereits offene Sitzungen bleiben bestehen. Bei Anmeldung über einen Anmeldedienst (OpenID Connect) ist der Dienst für den zweiten Faktor zuständig."
            checked={d.totpPflicht}
          />
          <SubmitButton>Speichern</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="oidc" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="oidc">
          Anmeldedienste (OpenID Connect)
        </h2>
        <p className="kern-body">
          Mitarbeitende können sich über den Verzeichnisdienst Ihres Hauses (zum Beispiel Keycloak) anmelden. vorort legt dabei keine Konten an: die
          vom Dienst gemeldete E-Mail-Adresse muss zu einem aktiven Konto einer oder eines Mitarbeitenden gehören.
        </p>
        <p className="kern-body">
          Tragen Sie beim Anmeldedienst diese Weiterleitungsadresse (Redirect-URI) ein: <code>{d.redirectUri}</code>
        </p>
        {d.providers.length ? (
          <TabellenBereich label="Eingerichtete Anmeldedienste">
            <table className="kern-table">
              <caption className="kern-title">Eingerichtete Anmeldedienste</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">Beschriftung</th>
                  <th className="kern-table__header" scope="col">Adresse (Issuer)</th>
                  <th className="kern-table__header" scope="col">Client-ID</th>
                  <th className="kern-table__header" scope="col">Status</th>
                  <th className="kern-table__header" scope="col">Aktion</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.providers.map((p) => (
                  <tr className="kern-table__row" key={p.id}>
                    <th className="kern-table__header" scope="row">
                      {p.label}
                    </th>
                    <td className="kern-table__cell">{p.issuer}</td>
                    <td className="kern-table__cell">{p.clientId}</td>
                    <td className="kern-table__cell">{p.aktiv ? 'eingeschaltet' : 'abgeschaltet'}</td>
                    <td className="kern-table__cell">
                      <PostForm csrfToken={csrfToken} action="/verwaltung/anmeldung" className="inline-form" aria-label={`${p.label} ${p.aktiv ? 'abschalten' : 'einschalten'}`}>
                        <input type="hidden" name="aktion" value="anbieter_aktiv" />
                        <input type="hidden" name="providerId" value={p.id} />
                        <input type="hidden" name="aktiv" value={p.aktiv ? '0' : '1'} />
                        <SubmitButton variant="secondary">{p.aktiv ? `„${p.label}“ abschalten` : `„${p.label}“ einschalten`}</SubmitButton>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        ) : (
          <p className="kern-body">Noch ist kein Anmeldedienst eingerichtet.</p>
        )}

        <section aria-labelledby="oidc-neu" className="kern-stack-sm form-narrow">
          <h3 className="kern-heading-small" id="oidc-neu">
            Anmeldedienst hinzufügen
          </h3>
          <PostForm csrfToken={csrfToken} action="/verwaltung/anmeldung">
            <input type="hidden" name="aktion" value="anbieter_neu" />
            <TextField name="label" label="Beschriftung auf der Anmeldeseite" hint="z. B. Kreisverwaltung" defaultValue={result?.values.label} error={errors.label} required />
            <TextField
              name="issuer"
              type="url"
              label="Adresse des Anbieters (Issuer-URL)"
              hint="z. B. https://login.kreis-musterland.example/realms/jobcenter"
              defaultValue={result?.values.issuer}
              error={errors.issuer}
              required
            />
            <TextField name="clientId" label="Client-ID" defaultValue={result?.values.clientId} error={errors.clientId} required />
            <TextField
              name="clientSecret"
              type="password"
              label="Client-Secret"
              hint="Wird verschlüsselt gespeichert und nicht wieder angezeigt."
              autoComplete="new-password"
              error={errors.clientSecret}
              required
            />
            <SubmitButton>Anmeldedienst hinzufügen</SubmitButton>
          </PostForm>
        </section>
      </section>
    </div>
  );
}

export const verwaltungAnmeldungRoute: RouteObject = {
  path: 'verwaltung/anmeldung',
  loader,
  action,
  Component: VerwaltungAnmeldungPage,
  handle: { title: 'Anmeldung und Sicherheit' } satisfies PageHandle,
};
