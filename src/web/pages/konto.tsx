import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { logoutAll } from '../../server/auth/logout.ts';
import { clearSessionCookie } from '../../server/cookies.ts';
import { PostForm, SubmitButton } from '../components/forms.tsx';
import { useRoot, useT } from '../hooks.ts';
import { requirePageActor, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';

/** Own account: e-mail, roles, second factor, sign out everywhere. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  return { name: actor.name, email: actor.email, art: actor.art };
}

async function action({ context, request }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, reply } = web(context);
  await logoutAll.execute({ ctx: app, actor, input: {} });
  clearSessionCookie(reply);
  return redirect('/anmelden');
}

function KontoPage() {
  const d = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('konto.titel')}</h1>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('konto.name')}</dt>
          <dd className="kern-description-list-item__value">{d.name}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('konto.email')}</dt>
          <dd className="kern-description-list-item__value">{d.email}</dd>
        </div>
      </dl>
      {d.art === 'staff' ? (
        // TOTP is a staff feature (issue 2); staff pages are German only.
        <section aria-labelledby="zwei-faktor" className="kern-stack-sm">
          <h2 className="kern-heading-small" id="zwei-faktor">
            Zweiter Faktor (TOTP)
          </h2>
          <p className="kern-body">
            <a className="kern-link" href="/konto/totp">
              Authenticator-App einrichten oder ändern
            </a>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="ueberall" className="kern-stack-sm">
        <h2 className="kern-heading-small" id="ueberall">
          {t('konto.ueberall_abmelden')}
        </h2>
        <p className="kern-body">{t('konto.ueberall_abmelden.text')}</p>
        <PostForm csrfToken={csrfToken} action="/konto">
          <SubmitButton variant="secondary">{t('konto.ueberall_abmelden')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}

export const kontoRoute: RouteObject = {
  path: 'konto',
  loader,
  action,
  Component: KontoPage,
  handle: { title: (_d: never, t) => t('konto.titel'), citizen: true } satisfies PageHandle,
};
