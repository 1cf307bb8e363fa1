import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { useT } from '../hooks.ts';
import { startseite } from '../../server/auth/startseite.ts';
import { web } from '../web-context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PageHandle } from './root.tsx';

/** Public start page of the Jobcenter: what can be done online, Standorte with addresses and opening hours. */
async function loader({ context }: LoaderFunctionArgs) {
  const { app, req } = web(context);
  return startseite.execute({ ctx: app, actor: req.actor, input: {} });
}

/** Every online service that exists, in the order a new citizen needs them (pages behind sign-in lead there first). */
const ANGEBOTE = [
  { key: 'start.online.pruefen', href: '/anspruch-pruefen' },
  { key: 'start.online.antrag', href: '/portal' },
  { key: 'start.online.unterlagen', href: '/portal' },
  { key: 'start.online.termine', href: '/termine' },
  { key: 'start.online.postfach', href: '/portal/postfach' },
  { key: 'start.online.konto', href: '/registrieren' },
] as const satisfies ReadonlyArray<{ key: MessageKey; href: string }>;

function StartPage() {
  const { jobcenter, standorte } = useLoaderData<typeof loader>();
  const t = useT();
  if (!jobcenter) {
    return <h1 className="kern-heading-large">{t('start.kein_traeger')}</h1>;
  }
  return (
    <div className="kern-stack-xl">
      <div className="kern-stack-sm">
        <h1 className="kern-heading-large">{t('start.titel', { jobcenter })}</h1>
        <p className="kern-body kern-body--large">{t('start.einleitung')}</p>
      </div>
      <section aria-labelledby="online" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="online">
          {t('start.online.titel')}
        </h2>
        <div className="card-grid">
          {ANGEBOTE.map((a) => (
            <div className="kern-card" key={a.key}>
              <div className="kern-card__container">
                <div className="kern-card__header">
                  <h3 className="kern-title">
                    <a className="kern-link" href={a.href}>
                      {t(a.key)}
                    </a>
                  </h3>
                </div>
                <div className="kern-card__body">
                  <p className="kern-body">{t(`${a.key}.text`)}</p>
                </div>
              </div>
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="standorte" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="standorte">
          {t('start.standorte.titel')}
        </h2>
        {standorte.length === 0 ? <p className="kern-body">{t('start.standorte.keine')}</p> : null}
        <div className="card-grid">
          {standorte.map((s) => (
            <section className="kern-card" key={s.id} aria-labelledby={`standort-${s.id}`}>
              <div className="kern-card__container">
                <div className="kern-card__header">
                  <h3 className="kern-title" id={`standort-${s.id}`}>
                    {s.name}
                  </h3>
                </div>
                <div className="kern-card__body">
                  <dl className="kern-description-list kern-description-list--col">
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{t('start.standorte.anschrift')}</dt>
                      <dd className="kern-description-list-item__value">
                        {s.strasse}, {s.plz} {s.ort}
                      </dd>
                    </div>
                    {s.telefon ? (
                      <div className="kern-description-list-item">
                        <dt className="kern-description-list-item__key">{t('start.standorte.telefon')}</dt>
                        <dd className="kern-description-list-item__value">
                          <a className="kern-link" href={`tel:${s.telefon.replace(/[^+0-9]/g, '')}`}>
                            {s.telefon}
                          </a>
                        </dd>
                      </div>
                    ) : null}
                    {s.email ? (
                      <div className="kern-description-list-item">
                        <dt className="kern-description-list-item__key">{t('start.standorte.email')}</dt>
                        <dd className="kern-description-list-item__value">
                          <a className="kern-link" href={`mailto:${s.email}`}>
                            {s.email}
                          </a>
                        </dd>
                      </div>
                    ) : null}
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{t('start.standorte.oeffnungszeiten')}</dt>
                      <dd className="kern-description-list-item__value pre-line">{s.oeffnungszeiten}</dd>
                    </div>
                  </dl>
                </div>
              </div>
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}

export const startRoute: RouteObject = {
  index: true,
  loader,
  Component: StartPage,
  handle: { title: (_d: never, t) => t('shell.startseite'), citizen: true } satisfies PageHandle,
};
