import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { terminPerLinkAbsagen } from '../../../server/termine/termin-per-link-absagen.ts';
import { terminPerLinkAnsehen } from '../../../server/termine/termin-per-link-ansehen.ts';
import { terminPerLinkVerschieben } from '../../../server/termine/termin-per-link-verschieben.ts';
import { wartelisteEintragPerLinkAnsehen } from '../../../server/termine/warteliste-eintrag-per-link-ansehen.ts';
import { wartelisteEintragPerLinkZurueckziehen } from '../../../server/termine/warteliste-eintrag-per-link-zurueckziehen.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton } from '../../components/forms.tsx';
import { useRoot, useT } from '../../hooks.ts';
import { translator, type MessageKey } from '../../../i18n/index.ts';
import { flash, readForm, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { anliegenText, zeitText } from './anzeige.ts';

/**
 * Citizen pages reached by a personal link from an e-mail, without an account (issue 6): the booked appointment
 * (`/termine/verwalten/:token`: see, move, cancel, join the video room) and the Warteliste entry
 * (`/termine/warteliste/:token`: see, withdraw). An unknown token is a 404, a used-up one a clear 410 page.
 */

const kanalKey = (k: string) => `termine.kanal.${k}` as MessageKey;
const statusKey = (s: string) => `termine.status.${s}` as MessageKey;
const wartelisteStatusKey = (s: string) => `termine.warteliste.status.${s}` as MessageKey;

/** Field error from a refused change: the rate limit in the reader's language, the use case's message otherwise. */
export function terminFehlerText(context: unknown, err: AppError) {
  const { lang, reply } = web(context);
  if (err.status === 429 && typeof err.extra.retryAfter === 'number') {
    reply.header('retry-after', String(err.extra.retryAfter));
    return translator(lang)('termine.fehler.zu_viele', { minuten: Math.max(1, Math.ceil(err.extra.retryAfter / 60)) });
  }
  return err.message;
}

// ---------------------------------------------------------------- /termine/verwalten/:token

async function terminLoader({ context, params }: LoaderFunctionArgs) {
  const { app, lang } = web(context);
  const token = params.token ?? '';
  const r = await terminPerLinkAnsehen.execute({ ctx: app, actor: null, input: { token, ziele: true } });
  const t = r.termin;
  const zeiten = r.ziele;
  return {
    token,
    beginn: zeitText(t.beginn, lang),
    kanal: t.kanal,
    status: t.status,
    art: t.art,
    anliegen: r.anliegen ? anliegenText(r.anliegen, lang) : '',
    ort: r.kanal === 'vor_ort' && r.standort ? `${r.standort.name}, ${r.standort.anschrift}` : '',
    darfAendern: r.darfVerschieben.ok,
    darfAbsagen: r.darfAbsagen.ok,
    zeiten: zeiten.map((z) => ({ value: z.beginn.toISOString(), label: zeitText(z.beginn, lang) })),
    errors: {} as Record<string, string>,
  };
}

async function terminAction({ context, request, params }: ActionFunctionArgs) {
  const { app, reply, lang } = web(context);
  const t = translator(lang);
  const token = params.token ?? '';
  const form = await readForm(request);
  try {
    if (form.get('_aktion') === 'absagen') {
      await terminPerLinkAbsagen.execute({ ctx: app, actor: null, input: { token } });
      flash(context, t('termine.abgesagt'));
      return redirect('/termine');
    }
    await terminPerLinkVerschieben.execute({ ctx: app, actor: null, input: { token, beginn: form.get('beginn') } });
    flash(context, t('termine.verschoben'));
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.status !== 404 && err.status !== 410) {
      reply.code(err.status);
      return { ...(await terminLoader({ context, request, params } as LoaderFunctionArgs)), errors: { beginn: beginnFehlerText(context, err) } };
    }
    throw err;
  }
  return redirect(`/termine/verwalten/${token}`);
}

/**
 * The message at the time field of a refused move: no time chosen → the page's own (translated) request to choose
 * one; another field issue → its message; a refusal of the move itself → `terminFehlerText`.
 */
export function beginnFehlerText(context: unknown, err: AppError): string {
  const issue = err.issues.find((i) => i.path === 'beginn');
  if (issue) return issue.code === 'invalid_type' ? translator(web(context).lang)('termine.zeit.fehlt') : issue.message;
  return terminFehlerText(context, err);
}

/** The facts of one appointment (Anliegen, time, channel, place, status), shared by the citizen's and the link's page. */
export function TerminAngaben({ termin: d }: { termin: { anliegen: string; beginn: string; kanal: string; ort?: string | null; status: string } }) {
  const t = useT();
  const zeile = (key: MessageKey, wert: string, attr?: Record<string, string>) => (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{t(key)}</dt>
      <dd className="kern-description-list-item__value" {...attr}>
        {wert}
      </dd>
    </div>
  );
  return (
    <dl className="kern-description-list">
      {zeile('termine.anliegen', d.anliegen)}
      {zeile('termine.zeitpunkt', d.beginn, { 'data-termin-beginn': '' })}
      {zeile('termine.kanal', t(kanalKey(d.kanal)))}
      {d.ort ? zeile('termine.link.ort', d.ort) : null}
      {zeile('termine.status', t(statusKey(d.status)), { 'data-termin-status': '' })}
    </dl>
  );
}

function TerminPage() {
  const geladen = useLoaderData<typeof terminLoader>();
  const d = (useActionData<typeof terminAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.detail.titel')}</h1>
      <p className="kern-body">{t('termine.link.hinweis')}</p>
      <ErrorSummary errors={d.errors} title={t('termine.fehler.titel')} />
      <TerminAngaben termin={d} />
      {d.kanal === 'video' ? (
        <p className="kern-body">
          <a className="kern-link" href={`/termine/verwalten/${d.token}/video`}>
            {t('termine.video.betreten')}
          </a>
        </p>
      ) : null}
      {d.art === 'einladung' ? <p className="kern-body">{t('termine.link.einladung')}</p> : !d.darfAendern || !d.darfAbsagen ? <p className="kern-body">{t('termine.link.frist')}</p> : null}
      {d.darfAendern && d.zeiten.length > 0 ? (
        <section aria-labelledby="verschieben" className="kern-stack-sm">
          <h2 className="kern-heading-small" id="verschieben">
            {t('termine.verschieben')}
          </h2>
          <PostForm csrfToken={csrfToken}>
            <input type="hidden" name="_aktion" value="verschieben" />
            <SelectField name="beginn" label={t('termine.zeit')} options={d.zeiten} error={d.errors.beginn} />
            <SubmitButton variant="secondary">{t('termine.verschieben.knopf')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
      {d.darfAbsagen ? (
        <section aria-labelledby="absagen" className="kern-stack-sm">
          <h2 className="kern-heading-small" id="absagen">
            {t('termine.absagen')}
          </h2>
          <p className="kern-body">{t('termine.absagen.text')}</p>
          <PostForm csrfToken={csrfToken}>
            <input type="hidden" name="_aktion" value="absagen" />
            <SubmitButton variant="secondary">{t('termine.absagen')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const terminPerLinkRoute: RouteObject = {
  path: 'termine/verwalten/:token',
  loader: terminLoader,
  action: terminAction,
  Component: TerminPage,
  handle: { title: (_d: never, t) => t('termine.detail.titel'), citizen: true } satisfies PageHandle,
};

// ---------------------------------------------------------------- /termine/warteliste/:token

async function eintragLoader({ context, params }: LoaderFunctionArgs) {
  const { app, lang } = web(context);
  const e = await wartelisteEintragPerLinkAnsehen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  return { anliegen: e.anliegenSchluessel ? anliegenText({ schluessel: e.anliegenSchluessel, name: e.anliegenName }, lang) : e.anliegenName, status: e.status, eingetragenAm: zeitText(e.eingetragenAm, lang), kanaele: e.kanaele };
}

async function eintragAction({ context, params }: ActionFunctionArgs) {
  const { app, lang } = web(context);
  await wartelisteEintragPerLinkZurueckziehen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  flash(context, translator(lang)('termine.warteliste.zurueckgezogen'));
  return redirect('/termine');
}

function EintragPage() {
  const d = useLoaderData<typeof eintragLoader>();
  const { csrfToken } = useRoot();
  const t = useT();
  const offen = d.status === 'wartend' || d.status === 'pausiert';
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.warteliste.titel')}</h1>
      <p className="kern-body">{t('termine.link.hinweis')}</p>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('termine.anliegen')}</dt>
          <dd className="kern-description-list-item__value">{d.anliegen}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('termine.kanal')}</dt>
          <dd className="kern-description-list-item__value">{d.kanaele.map((k) => t(kanalKey(k))).join(', ')}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('termine.warteliste.seit')}</dt>
          <dd className="kern-description-list-item__value">{d.eingetragenAm}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('termine.status')}</dt>
          <dd className="kern-description-list-item__value" data-eintrag-status="">
            {t(wartelisteStatusKey(d.status))}
          </dd>
        </div>
      </dl>
      {offen ? (
        <PostForm csrfToken={csrfToken}>
          <p className="kern-body">{t('termine.warteliste.zurueckziehen.text')}</p>
          <SubmitButton variant="secondary">{t('termine.warteliste.zurueckziehen')}</SubmitButton>
        </PostForm>
      ) : null}
    </div>
  );
}

export const wartelistePerLinkRoute: RouteObject = {
  path: 'termine/warteliste/:token',
  loader: eintragLoader,
  action: eintragAction,
  Component: EintragPage,
  handle: { title: (_d: never, t) => t('termine.warteliste.titel'), citizen: true } satisfies PageHandle,
};
