import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { postfach } from '../../../server/portal/postfach-lesen.ts';
import { setzeZustellungswunsch } from '../../../server/portal/zustellungswunsch-setzen.ts';
import { erteileVollmacht, vollmachten, widerrufeVollmacht } from '../../../server/portal/vollmacht.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePageActor, web } from '../../web-context.ts';
import { translate } from '../../../i18n/index.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, portalT, usePT } from './texte.ts';

const titelHandle = { title: (d: { titel: string } | undefined) => d?.titel ?? 'vorort', citizen: true } satisfies PageHandle;

// ---- Postfach ---------------------------------------------------------------------------------------------------------

/** The answer page of an Anhörung a Postfach message names (src/server/fordern/anhoerung-versenden.ts). */
const anhoerungLink = (text: string) => text.match(/\/portal\/anhoerungen\/[0-9a-f-]{36}/)?.[0] ?? null;

async function postfachLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const q = new URL(request.url).searchParams;
  const p = await postfach({ ctx: app, actor, fuer: q.get('fuer') ?? undefined });
  return { ...p, titel: portalT(lang, 'postfach.titel'), fehler: q.get('fehler'), gesendet: q.get('gesendet') === '1' };
}

function PostfachPage() {
  const d = useLoaderData<typeof postfachLoader>();
  const { csrfToken, lang } = useRoot();
  const t = usePT();
  const fuer = d.als === 'vertreter' ? d.buergerId : '';
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      <p className="kern-body">
        {d.onlineZustellung ? t('postfach.zustellung.an') : t('postfach.zustellung.aus')}{' '}
        <a className="kern-link" href="/portal/zustellung">
          {t('postfach.zustellung.aendern')}
        </a>
      </p>
      {d.gesendet ? (
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__header">
            <span className="kern-title">{t('postfach.gesendet')}</span>
          </div>
        </div>
      ) : null}
      {d.fehler ? (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <span className="kern-title">{d.fehler === 'eingabe' ? t('postfach.fehler.eingabe') : t(`dokument.fehler.${d.fehler.replace(/[^a-z_]/g, '')}`)}</span>
          </div>
        </div>
      ) : null}
      <section className="kern-stack-sm" aria-labelledby="nachrichten">
        <h2 className="kern-heading-medium" id="nachrichten">
          {t('postfach.nachrichten')}
        </h2>
        {d.nachrichten.length === 0 ? <p className="kern-body">{t('postfach.leer')}</p> : null}
        <ul className="kern-list nachrichten">
          {d.nachrichten.map((n) => (
            <li key={n.id} className="nachricht">
              <article aria-labelledby={`n-${n.id}`} className="kern-stack-xs">
                <h3 className="kern-heading-small" id={`n-${n.id}`}>
                  {n.betreff}
                </h3>
                <p className="kern-body kern-body--small">
                  {n.richtung === 'an_buerger' ? t('postfach.von', { name: n.absenderName }) : t('postfach.an_jobcenter', { name: n.absenderName })} · {datumText(n.createdAt.slice(0, 10))}
                  {n.richtung === 'an_buerger' && !n.gelesenAm ? ` · ${t('postfach.neu')}` : ''}
                </p>
                <p className="kern-body pre-line" lang="de">
                  {n.text}
                </p>
                {/* an Anhörung (Fordern): the way to the answer page */}
                {anhoerungLink(n.text) ? (
                  <p>
                    <a className="kern-link" href={anhoerungLink(n.text)!}>
                      {translate(lang, 'anh.oeffnen')}
                    </a>
                  </p>
                ) : null}
                {n.anhaenge.length ? (
                  <ul className="kern-list">
                    {n.anhaenge.map((a) => (
                      <li key={a.id}>
                        {a.status === 'sauber' ? (
                          <a className="kern-link" href={`/portal/dateien/${a.id}`}>
                            {a.dateiname}
                          </a>
                        ) : (
                          `${a.dateiname} (${t(`portal.datei.${a.status}`)})`
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      </section>
      <section className="kern-stack-sm" aria-labelledby="schreiben">
        <h2 className="kern-heading-medium" id="schreiben">
          {t('postfach.schreiben')}
        </h2>
        <form method="post" action="/portal/postfach/senden" encType="multipart/form-data" className="kern-stack-sm">
          <input type="hidden" name="_csrf" value={csrfToken} />
          {fuer ? <input type="hidden" name="fuer" value={fuer} /> : null}
          <TextField name="betreff" label={t('postfach.betreff')} required />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feld-text">
              {t('postfach.text')}
            </label>
            <textarea className="kern-form-input__input" id="feld-text" name="text" rows={6} required aria-required />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feld-anhang">
              {t('postfach.anhang')}
              <span className="kern-label__optional"> – {t('feld.optional')}</span>
            </label>
            <div className="kern-hint" id="feld-anhang-hinweis">
              {t('portal.hochladen.hinweis')}
            </div>
            <input className="kern-form-input__input" id="feld-anhang" type="file" name="datei" accept="image/*,application/pdf" aria-describedby="feld-anhang-hinweis" />
          </div>
          <SubmitButton>{t('postfach.senden')}</SubmitButton>
        </form>
      </section>
    </div>
  );
}

export const postfachRoute: RouteObject = { path: 'portal/postfach', loader: postfachLoader, Component: PostfachPage, handle: titelHandle };

// ---- Zustellungswunsch ----------------------------------------------------------------------------------------------

async function zustellungLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const p = await postfach({ ctx: app, actor });
  return { titel: portalT(lang, 'zustellung.titel'), online: p.onlineZustellung };
}

async function zustellungAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const form = await readForm(request);
  const wahl = form.get('online');
  if (wahl !== 'ja' && wahl !== 'nein') {
    web(context).reply.code(400);
    return { errors: { online: portalT(lang, 'fehler.auswahl_fehlt') } };
  }
  await setzeZustellungswunsch({ ctx: app, actor, online: wahl === 'ja' });
  flash(context, portalT(lang, 'zustellung.gespeichert'));
  return redirect('/portal/postfach');
}

function ZustellungPage() {
  const d = useLoaderData<typeof zustellungLoader>();
  const a = useActionData() as { errors: FieldErrors } | undefined;
  const { csrfToken } = useRoot();
  const t = usePT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      <p className="kern-body">{t('zustellung.text')}</p>
      <ErrorSummary errors={a?.errors ?? {}} title={t('portal.fehler_titel')} />
      <PostForm csrfToken={csrfToken} action="/portal/zustellung">
        <fieldset className="kern-fieldset" aria-describedby={a?.errors.online ? 'feld-online-fehler' : undefined}>
          <legend className="kern-label">{t('zustellung.frage')}</legend>
          {a?.errors.online ? (
            <p className="kern-error" id="feld-online-fehler">
              <span className="kern-body">{a.errors.online}</span>
            </p>
          ) : null}
          <div className="kern-fieldset__body">
            <div className="kern-form-check">
              <input className="kern-form-check__radio" type="radio" id="feld-online" name="online" value="ja" defaultChecked={d.online} />
              <label className="kern-label" htmlFor="feld-online">
                {t('zustellung.ja')}
              </label>
            </div>
            <div className="kern-form-check">
              <input className="kern-form-check__radio" type="radio" id="feld-online-nein" name="online" value="nein" defaultChecked={!d.online} />
              <label className="kern-label" htmlFor="feld-online-nein">
                {t('zustellung.nein')}
              </label>
            </div>
          </div>
        </fieldset>
        <SubmitButton>{t('zustellung.speichern')}</SubmitButton>
      </PostForm>
    </div>
  );
}

export const zustellungRoute: RouteObject = { path: 'portal/zustellung', loader: zustellungLoader, action: zustellungAction, Component: ZustellungPage, handle: titelHandle };

// ---- Bevollmächtigte -----------------------------------------------------------------------------------------------

async function vollmachtLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  return { ...(await vollmachten({ ctx: app, actor })), titel: portalT(lang, 'vollmacht.titel') };
}

async function vollmachtAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang, reply } = web(context);
  const form = await readForm(request);
  if (form.get('_aktion') === 'widerrufen') {
    await widerrufeVollmacht({ ctx: app, actor, id: form.get('id') });
    flash(context, portalT(lang, 'vollmacht.widerrufen'));
    return redirect('/portal/vollmachten');
  }
  const values = { email: form.get('email'), umfang: form.get('umfang'), gueltigBis: form.get('gueltigBis') };
  try {
    await erteileVollmacht({ ctx: app, actor, email: values.email, umfang: values.umfang, gueltigBis: values.gueltigBis });
  } catch (err) {
    if (err instanceof AppError && err.status === 400 && err.issues) {
      reply.code(400);
      const errors: FieldErrors = {};
      for (const i of err.issues) errors[i.path] = portalT(lang, `vollmacht.fehler.${i.code}`);
      return { errors, values };
    }
    throw err;
  }
  flash(context, portalT(lang, 'vollmacht.erteilt'));
  return redirect('/portal/vollmachten');
}

function VollmachtPage() {
  const d = useLoaderData<typeof vollmachtLoader>();
  const a = useActionData() as { errors: FieldErrors; values: Record<string, string> } | undefined;
  const { csrfToken } = useRoot();
  const t = usePT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      <p className="kern-body">{t('vollmacht.text')}</p>
      <section className="kern-stack-sm" aria-labelledby="erteilt">
        <h2 className="kern-heading-medium" id="erteilt">
          {t('vollmacht.erteilt.titel')}
        </h2>
        {d.erteilt.length === 0 ? <p className="kern-body">{t('vollmacht.keine')}</p> : null}
        <ul className="kern-list">
          {d.erteilt.map((v) => (
            <li key={v.id} className="kern-stack-xs">
              <span className="kern-body">
                {v.name} ({v.email}) – {t(`portal.umfang.${v.umfang}`)}
                {v.gueltigBis ? `, ${t('vollmacht.bis', { datum: datumText(v.gueltigBis) })}` : ''}
                {v.aktiv ? '' : ` – ${t('vollmacht.inaktiv')}`}
              </span>
              {v.aktiv ? (
                <PostForm csrfToken={csrfToken} action="/portal/vollmachten" className="inline-form">
                  <input type="hidden" name="id" value={v.id} />
                  <button className="kern-btn kern-btn--secondary kern-btn--x-small" type="submit" name="_aktion" value="widerrufen">
                    <span className="kern-label">
                      {t('vollmacht.widerrufen.knopf')}
                      <span className="sr-only"> {v.name}</span>
                    </span>
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="kern-stack-sm" aria-labelledby="neu">
        <h2 className="kern-heading-medium" id="neu">
          {t('vollmacht.neu')}
        </h2>
        <ErrorSummary errors={a?.errors ?? {}} title={t('portal.fehler_titel')} />
        <PostForm csrfToken={csrfToken} action="/portal/vollmachten">
          <TextField name="email" type="email" label={t('vollmacht.email')} hint={t('vollmacht.email.hinweis')} defaultValue={a?.values.email ?? ''} error={a?.errors.email} required />
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('vollmacht.umfang')}</legend>
            {a?.errors.umfang ? (
              <p className="kern-error" id="feld-umfang-fehler">
                <span className="kern-body">{a.errors.umfang}</span>
              </p>
            ) : null}
            <div className="kern-fieldset__body">
              {['lesen', 'handeln'].map((u, i) => (
                <div className="kern-form-check" key={u}>
                  <input className="kern-form-check__radio" type="radio" id={i === 0 ? 'feld-umfang' : `feld-umfang-${u}`} name="umfang" value={u} defaultChecked={(a?.values.umfang ?? 'lesen') === u} />
                  <label className="kern-label" htmlFor={i === 0 ? 'feld-umfang' : `feld-umfang-${u}`}>
                    {t(`portal.umfang.${u}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextField name="gueltigBis" type="date" label={t('vollmacht.gueltig_bis')} optionalLabel={t('feld.optional')} defaultValue={a?.values.gueltigBis ?? ''} error={a?.errors.gueltigBis} />
          <SubmitButton>{t('vollmacht.erteilen')}</SubmitButton>
        </PostForm>
      </section>
      {d.erhalten.length ? (
        <section className="kern-stack-sm" aria-labelledby="erhalten">
          <h2 className="kern-heading-medium" id="erhalten">
            {t('vollmacht.erhalten')}
          </h2>
          <ul className="kern-list">
            {d.erhalten.map((v) => (
              <li key={v.id}>
                <a className="kern-link" href={`/portal?fuer=${v.buergerId}`}>
                  {t('portal.vertretung.fuer', { name: v.name })}
                </a>{' '}
                ({t(`portal.umfang.${v.umfang}`)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const vollmachtenRoute: RouteObject = { path: 'portal/vollmachten', loader: vollmachtLoader, action: vollmachtAction, Component: VollmachtPage, handle: titelHandle };
