import { TabellenBereich } from '../components/tabelle.tsx';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { text } from '../../domain/formular/index.ts';
import { authorize } from '../../server/policies.ts';
import { PORTAL_FLOWS } from '../../server/portal/flows.ts';
import { portalUebersicht } from '../../server/portal/uebersicht.ts';
import { portalAnhoerungen } from '../../server/fordern/portal-anhoerungen.ts';
import { PostForm, SubmitButton } from '../components/forms.tsx';
import { useRoot, useT } from '../hooks.ts';
import { requirePageActor, web } from '../web-context.ts';
import { datumText, spracheVon, usePT } from './portal/texte.ts';
import type { PageHandle } from './root.tsx';

/** Citizen start page ("Mein Bereich"): open drafts, requests and their status, Postfach, changes, representatives. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  authorize(actor, 'portal.nutzen');
  const { app, lang } = web(context);
  const fuer = new URL(request.url).searchParams.get('fuer') ?? undefined;
  const u = await portalUebersicht({ ctx: app, actor, fuer });
  const sprache = spracheVon(lang);
  // Anhörungen (Fordern) not yet decided: a card "Anhörung: bitte antworten bis …" (or "beantwortet am …") each
  const alleAnhoerungen = (await portalAnhoerungen.execute({ ctx: app, actor, input: fuer ? { fuer } : {} })).anhoerungen;
  const anhoerungen = alleAnhoerungen.filter((a) => a.status === 'offen' || (a.status === 'entscheidung' && a.beantwortet));
  return {
    ...u,
    anhoerungen,
    hatAnhoerungen: alleAnhoerungen.length > 0,
    titel: text('portal.titel', sprache),
    entwuerfe: u.entwuerfe.map((e) => ({ ...e, titel: text(e.titel, sprache) })),
    veraenderungen: [...PORTAL_FLOWS.values()].filter((f) => f.art === 'veraenderung').map((f) => ({ id: f.id, titel: text(f.titel, sprache) })),
  };
}

function PortalPage() {
  const d = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  const t = usePT();
  const tk = useT();
  const fuer = d.als === 'vertreter' ? d.buergerId : '';
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">{d.titel}</h1>
      {d.als === 'vertreter' ? <p className="kern-body">{t('portal.vertretung_fuer', { name: d.name })}</p> : <p className="kern-body">{d.name}</p>}
      {d.anhoerungen.map((a) => (
        <section key={a.id} className={`kern-alert kern-alert--${a.status === 'offen' ? 'warning' : 'info'}`} aria-labelledby={`anhoerung-${a.id}`}>
          <div className="kern-alert__header">
            <span className={`kern-icon kern-icon--${a.status === 'offen' ? 'warning' : 'info'}`} aria-hidden="true" />
            <h2 className="kern-title" id={`anhoerung-${a.id}`}>
              {a.status === 'offen' ? tk('anh.karte', { datum: datumText(a.frist) }) : tk('anh.liste.beantwortet', { datum: datumText((a.antwortAm ?? '').slice(0, 10)) })}
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{tk('anh.person', { name: a.name, aktenzeichen: a.aktenzeichen })}</p>
            <a className="kern-link" href={`/portal/anhoerungen/${a.id}${fuer ? `?fuer=${encodeURIComponent(fuer)}` : ''}`}>
              {tk('anh.oeffnen')}
            </a>
          </div>
        </section>
      ))}

      <section className="kern-stack-sm" aria-labelledby="antraege-offen">
        <h2 className="kern-heading-medium" id="antraege-offen">
          {t('portal.entwuerfe.titel')}
        </h2>
        {d.entwuerfe.length === 0 ? <p className="kern-body">{t('portal.entwuerfe.leer')}</p> : null}
        <ul className="kern-list">
          {d.entwuerfe.map((e) => (
            <li key={e.id}>
              <a className="kern-link" href={`/portal/antrag/${e.id}`}>
                {t('portal.fortsetzen', { titel: e.titel })}
              </a>
              {e.antragsdatum ? <span className="kern-body kern-body--small"> – {t('portal.antragsdatum', { datum: datumText(e.antragsdatum) })}</span> : null}
            </li>
          ))}
        </ul>
        <PostForm csrfToken={csrfToken} action="/portal/antrag/neu">
          <input type="hidden" name="flow" value="erstantrag" />
          {fuer ? <input type="hidden" name="fuer" value={fuer} /> : null}
          <SubmitButton>{t('portal.erstantrag_starten')}</SubmitButton>
        </PostForm>
      </section>

      <section className="kern-stack-sm" aria-labelledby="antraege-status">
        <h2 className="kern-heading-medium" id="antraege-status">
          {t('portal.status.titel')}
        </h2>
        {d.antraege.length === 0 ? (
          <p className="kern-body">{t('portal.status.leer')}</p>
        ) : (
          <TabellenBereich label={t('portal.status.titel')}>
            <table className="kern-table">
              <caption className="sr-only">{t('portal.status.titel')}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('portal.status.art')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('portal.status.datum')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('portal.status.stand')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.antraege.map((a) => (
                  <tr key={a.id} className="kern-table__row">
                    <td className="kern-table__cell">{t(`portal.art.${a.art}`)}</td>
                    <td className="kern-table__cell">{datumText(a.antragsdatum)}</td>
                    <td className="kern-table__cell">
                      {t(`portal.antragstatus.${a.status}`)}
                      {a.bescheid ? (
                        <>
                          {': '}
                          <a className="kern-link" href={`/portal/postfach#n-${a.bescheid.nachrichtId}`}>
                            {a.bescheid.betreff}
                          </a>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
      </section>

      {fuer ? null : (
        <section className="kern-stack-sm" aria-labelledby="termine">
          <h2 className="kern-heading-medium" id="termine">
            {t('portal.termine.titel')}
          </h2>
          <p className="kern-body">{t('portal.termine.text')}</p>
          <p>
            <a className="kern-btn kern-btn--secondary" href="/termine">
              <span className="kern-label">{t('portal.termine.link')}</span>
            </a>
          </p>
        </section>
      )}

      {d.antraege.length > 0 ? (
        <section className="kern-stack-sm" aria-labelledby="aenderungen">
          <h2 className="kern-heading-medium" id="aenderungen">
            {t('portal.aenderung.titel')}
          </h2>
          <p className="kern-body">{t('portal.aenderung.text')}</p>
          <ul className="kern-list aktionen-liste">
            {[{ id: 'weiterbewilligung', titel: t('wba.antrag.titel') }, ...d.veraenderungen].map((f) => (
              <li key={f.id}>
                <PostForm csrfToken={csrfToken} action="/portal/antrag/neu" className="inline-form">
                  <input type="hidden" name="flow" value={f.id} />
                  {fuer ? <input type="hidden" name="fuer" value={fuer} /> : null}
                  <SubmitButton variant="tertiary">{f.titel}</SubmitButton>
                </PostForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="kern-stack-sm" aria-labelledby="weiteres">
        <h2 className="kern-heading-medium" id="weiteres">
          {t('portal.weiteres')}
        </h2>
        <ul className="kern-list">
          <li>
            <a className="kern-link" href={fuer ? `/portal/postfach?fuer=${fuer}` : '/portal/postfach'}>
              {t('postfach.titel')}
            </a>
            {d.ungelesen > 0 ? <span className="kern-body kern-body--small"> – {t('portal.ungelesen', { anzahl: d.ungelesen })}</span> : null}
          </li>
          {d.hatAnhoerungen ? (
            <li>
              <a className="kern-link" href={fuer ? `/portal/anhoerungen?fuer=${fuer}` : '/portal/anhoerungen'}>
                {tk('anh.link')}
              </a>
            </li>
          ) : null}
          <li>
            <a className="kern-link" href={fuer ? `/portal/kooperationsplan?fuer=${fuer}` : '/portal/kooperationsplan'}>
              {tk('koop.link')}
            </a>
          </li>
          {fuer ? null : (
            <>
              <li>
                <a className="kern-link" href="/portal/zustellung">
                  {t('zustellung.titel')}
                </a>
              </li>
              <li>
                <a className="kern-link" href="/portal/vollmachten">
                  {t('vollmacht.titel')}
                </a>
              </li>
            </>
          )}
          <li>
            <a className="kern-link" href="/anspruch-pruefen">
              {t('portal.anspruch_pruefen')}
            </a>
          </li>
        </ul>
      </section>

      {d.vertretene.length > 0 ? (
        <section className="kern-stack-sm" aria-labelledby="vertretung">
          <h2 className="kern-heading-medium" id="vertretung">
            {t('portal.vertretung.titel')}
          </h2>
          <ul className="kern-list">
            <li>
              <a className="kern-link" href="/portal">
                {t('portal.vertretung.selbst')}
              </a>
            </li>
            {d.vertretene.map((v) => (
              <li key={v.id}>
                <a className="kern-link" href={`/portal?fuer=${v.id}`}>
                  {t('portal.vertretung.fuer', { name: v.name })}
                </a>{' '}
                <span className="kern-body kern-body--small">({t(`portal.umfang.${v.umfang}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const portalRoute: RouteObject = {
  path: 'portal',
  loader,
  Component: PortalPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Portal', citizen: true } satisfies PageHandle,
};
