import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { KANAELE, type Kanal } from '../../../domain/termine/index.ts';
import { AppError } from '../../../server/errors.ts';
import { anfrageBestaetigen } from '../../../server/termine/anfrage-bestaetigen.ts';
import { anfragePruefen } from '../../../server/termine/anfrage-pruefen.ts';
import { anfrageStellen } from '../../../server/termine/anfrage-stellen.ts';
import { angebotAnnehmen } from '../../../server/termine/angebot-annehmen.ts';
import { angebotAnsehen } from '../../../server/termine/angebot-ansehen.ts';
import { anliegenAuflisten } from '../../../server/termine/anliegen-auflisten.ts';
import { freieZeitenAuflisten } from '../../../server/termine/freie-zeiten-auflisten.ts';
import { meineWarteliste } from '../../../server/termine/meine-warteliste.ts';
import { wartelisteEintragZurueckziehen } from '../../../server/termine/warteliste-eintrag-zurueckziehen.ts';
import { wartelisteEintragen } from '../../../server/termine/warteliste-eintragen.ts';
import { terminBuchen } from '../../../server/termine/termin-buchen.ts';
import { meineTermine } from '../../../server/termine/meine-termine.ts';
import { terminAbsagen } from '../../../server/termine/termin-absagen.ts';
import { terminAnsehen } from '../../../server/termine/termin-ansehen.ts';
import { terminVerschieben } from '../../../server/termine/termin-verschieben.ts';
import { translator } from '../../../i18n/index.ts';
import { beginnFehlerText, TerminAngaben, terminFehlerText } from './link.tsx';
import { anliegenText, nachTag, tagText, uhrzeitText, zeitText } from './anzeige.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot, useT } from '../../hooks.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { flash, readForm, requirePageActor, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/**
 * Citizen pages of issue 6: choose an Anliegen and channel, see free times, book (signed in, or with e-mail double
 * opt-in), see, move and cancel own appointments, confirm links from e-mails. Every form works without JavaScript.
 */

const kanalKey = (k: string) => `termine.kanal.${k}` as MessageKey;
const statusKey = (s: string) => `termine.status.${s}` as MessageKey;

/** Without a session a page request means the configured default Träger (the use case takes a signed-in person's own). */
function traegerSlug(context: unknown) {
  return web(context).app.config.defaultTraegerSlug ?? undefined;
}

function RadioGroup(p: { name: string; legend: string; options: { value: string; label: string }[]; checked?: string | undefined; error?: string | undefined }) {
  const id = `feld-${p.name}`;
  const errorId = p.error ? `${id}-fehler` : undefined;
  return (
    <fieldset className={`kern-fieldset${p.error ? ' kern-fieldset--error' : ''}`} id={id} aria-describedby={errorId}>
      <legend className="kern-label">{p.legend}</legend>
      {p.error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-body">{p.error}</span>
        </p>
      ) : null}
      <div className="kern-fieldset__body">
        {p.options.map((o, i) => (
          <div className="kern-form-check" key={o.value}>
            <input className={`kern-form-check__radio${p.error ? ' kern-form-check__radio--error' : ''}`} type="radio" id={`${id}-${i}`} name={p.name} value={o.value} defaultChecked={p.checked === o.value} aria-describedby={errorId} />
            <label className="kern-label" htmlFor={`${id}-${i}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The free times as one radio group, a fieldset per day with the day as heading and the times in a compact grid
 * (no JavaScript; arrow keys move through the times, a screen reader announces the day with each time).
 */
function ZeitWahl(p: { tage: { datum: string; titel: string; zeiten: { wert: string; uhrzeit: string; standort: string }[] }[]; mehrereOrte: boolean; legend: string; checked?: string | undefined; error?: string | undefined }) {
  const errorId = p.error ? 'feld-beginn-fehler' : undefined;
  return (
    <fieldset className={`kern-fieldset${p.error ? ' kern-fieldset--error' : ''}`} id="feld-beginn" aria-describedby={errorId}>
      <legend className="kern-label">{p.legend}</legend>
      {p.error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-body">{p.error}</span>
        </p>
      ) : null}
      <div className="kern-fieldset__body zeit-tage">
        {p.tage.map((tag) => (
          <fieldset className="zeit-tag" key={tag.datum}>
            <legend>
              <h2 className="kern-heading-small">{tag.titel}</h2>
            </legend>
            <div className="zeit-raster">
              {tag.zeiten.map((z, i) => {
                const id = `beginn-${tag.datum}-${i}`;
                return (
                  <div className="kern-form-check" key={`${z.wert}|${z.standort}`}>
                    <input className={`kern-form-check__radio${p.error ? ' kern-form-check__radio--error' : ''}`} type="radio" id={id} name="beginn" value={z.wert} defaultChecked={p.checked === z.wert} aria-describedby={errorId} />
                    <label className="kern-label" htmlFor={id}>
                      {z.uhrzeit}
                      {p.mehrereOrte ? <span className="zeit-ort">{z.standort}</span> : null}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}

// ---------------------------------------------------------------- /termine

async function uebersichtLoader({ context }: LoaderFunctionArgs) {
  const { app, req, lang } = web(context);
  const angebot = await anliegenAuflisten.execute({ ctx: app, actor: req.actor, input: { traeger: traegerSlug(context) } });
  const actor = req.actor?.art === 'buerger' ? req.actor : null;
  const meine = actor ? await meineTermine.execute({ ctx: app, actor, input: {} }) : [];
  const warteliste = actor ? await meineWarteliste.execute({ ctx: app, actor, input: {} }) : [];
  return {
    angemeldet: !!actor,
    warteliste: warteliste.map((e) => ({ id: e.id, anliegen: anliegenText({ schluessel: e.anliegenSchluessel, name: e.anliegenName }, lang), status: e.status, seit: zeitText(e.eingetragenAm, lang) })),
    anliegen: angebot.anliegen.map((a) => ({ ...a, name: anliegenText(a, lang) })),
    standorte: angebot.standorte,
    meine: meine.map((t) => {
      const a = angebot.anliegen.find((x) => x.id === t.anliegenId);
      return { id: t.id, beginn: zeitText(t.beginn, lang), kanal: t.kanal, status: t.status, anliegen: a ? anliegenText(a, lang) : '' };
    }),
  };
}

/** Signed-in citizens withdraw their own Warteliste entry from the overview (no-JS form). */
async function uebersichtAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const form = await readForm(request);
  await wartelisteEintragZurueckziehen.execute({ ctx: app, actor, input: { id: form.get('eintragId') } });
  flash(context, translator(lang)('termine.warteliste.zurueckgezogen'));
  return redirect('/termine');
}

function UebersichtPage() {
  const d = useLoaderData<typeof uebersichtLoader>();
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">{t('termine.titel')}</h1>
      <p className="kern-body">{t('termine.einleitung')}</p>
      {d.angemeldet ? (
        <section aria-labelledby="meine" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="meine">
            {t('termine.meine')}
          </h2>
          {d.meine.length === 0 ? (
            <p className="kern-body">{t('termine.keine')}</p>
          ) : (
            <ul className="kern-list">
              {d.meine.map((m) => (
                <li key={m.id}>
                  <a className="kern-link" href={`/termine/${m.id}`}>
                    {m.beginn}: {m.anliegen} ({t(kanalKey(m.kanal))}, {t(statusKey(m.status))})
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {d.angemeldet && d.warteliste.length > 0 ? (
        <section aria-labelledby="meine-warteliste" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="meine-warteliste">
            {t('termine.warteliste.meine')}
          </h2>
          <ul className="kern-list">
            {d.warteliste.map((e) => (
              <li key={e.id} data-warteliste-eintrag={e.id}>
                {e.anliegen} ({t('termine.warteliste.seit')} {e.seit}): {t(`termine.warteliste.status.${e.status}` as MessageKey)}
                {e.status === 'wartend' || e.status === 'pausiert' ? (
                  <PostForm csrfToken={csrfToken} action="/termine" className="inline-form" aria-label={`${t('termine.warteliste.zurueckziehen')}: ${e.anliegen}`}>
                    <input type="hidden" name="eintragId" value={e.id} />
                    <SubmitButton variant="tertiary">{t('termine.warteliste.zurueckziehen')}</SubmitButton>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="buchen" className="kern-stack-sm form-narrow">
        <h2 className="kern-heading-medium" id="buchen">
          {t('termine.buchen')}
        </h2>
        <form method="get" action="/termine/buchen" className="kern-stack-lg">
          <RadioGroup name="anliegen" legend={t('termine.anliegen')} options={d.anliegen.map((a) => ({ value: a.schluessel, label: `${a.name} (${a.dauerMinuten} min)` }))} checked={d.anliegen[0]?.schluessel} />
          <RadioGroup name="kanal" legend={t('termine.kanal')} options={KANAELE.map((k) => ({ value: k, label: t(kanalKey(k)) }))} checked="vor_ort" />
          <SelectField name="standortId" label={t('termine.standort')} options={[{ value: '', label: t('termine.standort.egal') }, ...d.standorte.map((s) => ({ value: s.id, label: `${s.name}, ${s.anschrift}` }))]} />
          <button className="kern-btn kern-btn--primary" type="submit">
            <span className="kern-label">{t('termine.weiter')}</span>
          </button>
        </form>
      </section>
    </div>
  );
}

export const termineRoute: RouteObject = {
  path: 'termine',
  loader: uebersichtLoader,
  action: uebersichtAction,
  Component: UebersichtPage,
  handle: { title: (_d: never, t) => t('termine.titel'), citizen: true } satisfies PageHandle,
};

// ---------------------------------------------------------------- /termine/buchen

/**
 * The free times of two weeks from `von` (default today), grouped by day: a heading per day and a compact grid of
 * times below it (one radio group, so the keyboard moves through all times; the day is the group's legend).
 */
async function zeitenLaden(context: unknown, request: Request) {
  const { app, req, lang } = web(context);
  const url = new URL(request.url);
  const q = url.searchParams;
  const kanal = (q.get('kanal') || 'vor_ort') as Kanal;
  const standortId = q.get('standortId') || undefined;
  const von = q.get('von') || undefined;
  const traeger = traegerSlug(context);
  const r = await freieZeitenAuflisten.execute({ ctx: app, actor: req.actor, input: { traeger, anliegen: q.get('anliegen') ?? '', kanal, standortId, von } });
  const angebot = await anliegenAuflisten.execute({ ctx: app, actor: req.actor, input: { traeger } });
  const standort = (id: string) => angebot.standorte.find((s) => s.id === id);
  const zeiten = r.zeiten.map((z) => ({ wert: z.beginn.toISOString(), beginn: z.beginn, uhrzeit: uhrzeitText(z.beginn, lang), standortId: z.standortId, standort: standort(z.standortId)?.name ?? '' }));
  const orte = [...new Set(zeiten.map((z) => z.standortId))];
  const einOrt = orte.length === 1 ? standort(orte[0]!) : undefined;
  return {
    anliegen: { ...r.anliegen, name: anliegenText(r.anliegen, lang) },
    kanal,
    standortId: standortId ?? '',
    von: von ?? '',
    weiterAb: r.weiterAb ?? '',
    // one Standort for all times: named once above the list (with the address for a visit), not at every time
    ort: einOrt ? (kanal === 'vor_ort' ? `${einOrt.name}, ${einOrt.anschrift}` : einOrt.name) : '',
    mehrereOrte: orte.length > 1,
    zeiten: zeiten.map(({ beginn: _b, ...z }) => z),
    tage: nachTag(zeiten).map((t) => ({ datum: t.datum, titel: tagText(t.datum, lang), zeiten: t.zeiten.map(({ beginn: _b, ...z }) => z) })),
  };
}

async function buchenLoader({ context, request }: LoaderFunctionArgs) {
  const { req } = web(context);
  return { ...(await zeitenLaden(context, request)), angemeldet: req.actor?.art === 'buerger', errors: {} as Record<string, string>, values: {} as Record<string, string>, warteliste: false };
}

async function buchenAction({ context, request }: ActionFunctionArgs) {
  const { app, req, reply } = web(context);
  const daten = await zeitenLaden(context, request);
  const form = await readForm(request);
  const actor = req.actor?.art === 'buerger' ? req.actor : null;
  const values = { beginn: form.get('beginn'), email: form.get('email'), name: form.get('name') };
  const fehler = (errors: Record<string, string>, status = 400) => {
    reply.code(status);
    return { ...daten, angemeldet: !!actor, errors, values, warteliste: false };
  };
  /** Field issues at their fields; a refusal without field at `feld` (rate limit: translated). */
  const abgelehnt = (err: unknown, feld: string) => {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const errors: Record<string, string> = {};
    for (const i of err.issues) errors[i.path.split('.')[0] ?? feld] ??= i.path === 'beginn' && i.code === 'invalid_type' ? 'Bitte wählen Sie eine Zeit.' : i.message;
    if (!err.issues.length) errors[err.status === 429 ? 'email' : feld] = terminFehlerText(context, err);
    return fehler(errors, err.status);
  };
  const traeger = traegerSlug(context);
  if (form.get('_aktion') === 'warteliste') {
    try {
      await wartelisteEintragen.execute({ ctx: app, actor: req.actor, input: { traeger, anliegen: daten.anliegen.id, kanaele: [daten.kanal], email: values.email, name: values.name, ip: req.ip } });
    } catch (err) {
      return abgelehnt(err, 'email');
    }
    return { ...daten, angemeldet: !!actor, errors: {}, values, warteliste: true };
  }
  const standortId = daten.zeiten.find((z) => z.wert === values.beginn)?.standortId ?? (daten.standortId || undefined);
  try {
    if (actor) {
      const termin = await terminBuchen.execute({ ctx: app, actor, input: { anliegenId: daten.anliegen.id, kanal: daten.kanal, beginn: values.beginn, standortId } });
      flash(context, 'Ihr Termin ist gebucht. Die Bestätigung mit Kalenderdatei haben wir Ihnen per E-Mail geschickt.');
      return redirect(`/termine/${termin.id}`);
    }
    await anfrageStellen.execute({ ctx: app, actor: null, input: { traeger, anliegenId: daten.anliegen.id, kanal: daten.kanal, beginn: values.beginn, standortId, email: values.email, name: values.name, ip: req.ip } });
    return redirect('/termine/gesendet');
  } catch (err) {
    return abgelehnt(err, 'beginn');
  }
}

function BuchenPage() {
  const geladen = useLoaderData<typeof buchenLoader>();
  const d = (useActionData<typeof buchenAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  const t = useT();
  const basis = `?anliegen=${encodeURIComponent(d.anliegen.schluessel)}&kanal=${d.kanal}${d.standortId ? `&standortId=${d.standortId}` : ''}`;
  const query = `${basis}${d.von ? `&von=${d.von}` : ''}`;
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.zeiten.titel', { anliegen: d.anliegen.name })}</h1>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('termine.kanal')}</dt>
          <dd className="kern-description-list-item__value">{t(kanalKey(d.kanal))}</dd>
        </div>
        {d.ort ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('termine.link.ort')}</dt>
            <dd className="kern-description-list-item__value">{d.ort}</dd>
          </div>
        ) : null}
      </dl>
      {d.warteliste ? <Alert type="success" title={t('termine.warteliste.ok')} /> : null}
      <ErrorSummary errors={d.errors} title={t('termine.fehler.titel')} />
      {d.zeiten.length > 0 ? (
        <PostForm csrfToken={csrfToken} action={`/termine/buchen${query}`}>
          <ZeitWahl tage={d.tage} mehrereOrte={d.mehrereOrte} legend={d.errors.beginn ? t('termine.alternativen') : t('termine.zeit')} checked={d.values.beginn} error={d.errors.beginn} />
          {d.weiterAb ? (
            <p className="kern-body">
              <a className="kern-link" href={`/termine/buchen${basis}&von=${d.weiterAb}`}>
                {t('termine.zeiten.spaeter')}
              </a>
            </p>
          ) : null}
          {d.angemeldet ? null : (
            <>
              <TextField name="email" label={t('termine.email')} hint={t('termine.email.hinweis')} type="email" autoComplete="email" defaultValue={d.values.email} error={d.errors.email} />
              <TextField name="name" label={t('termine.name')} autoComplete="name" defaultValue={d.values.name} error={d.errors.name} />
            </>
          )}
          <SubmitButton>{t('termine.jetzt_buchen')}</SubmitButton>
        </PostForm>
      ) : (
        <div className="kern-stack-sm">
          <p className="kern-body">{t('termine.keine_zeiten')}</p>
          <PostForm csrfToken={csrfToken} action={`/termine/buchen${query}`}>
            <input type="hidden" name="_aktion" value="warteliste" />
            {d.angemeldet ? null : (
              <>
                <TextField name="email" label={t('termine.email')} type="email" autoComplete="email" defaultValue={d.values.email} error={d.errors.email} />
                <TextField name="name" label={t('termine.name')} autoComplete="name" defaultValue={d.values.name} />
              </>
            )}
            <SubmitButton>{t('termine.warteliste')}</SubmitButton>
          </PostForm>
        </div>
      )}
    </div>
  );
}

export const termineBuchenRoute: RouteObject = {
  path: 'termine/buchen',
  loader: buchenLoader,
  action: buchenAction,
  Component: BuchenPage,
  handle: { title: (_d: never, t) => t('termine.buchen'), citizen: true } satisfies PageHandle,
};

// ---------------------------------------------------------------- /termine/gesendet, /termine/gebucht

function GesendetPage() {
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.gesendet.titel')}</h1>
      <p className="kern-body">{t('termine.gesendet.text')}</p>
    </div>
  );
}
export const termineGesendetRoute: RouteObject = { path: 'termine/gesendet', Component: GesendetPage, handle: { title: (_d: never, t) => t('termine.gesendet.titel'), citizen: true } satisfies PageHandle };

function GebuchtPage() {
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.gebucht.titel')}</h1>
      <p className="kern-body">{t('termine.gebucht.text')}</p>
    </div>
  );
}
export const termineGebuchtRoute: RouteObject = { path: 'termine/gebucht', Component: GebuchtPage, handle: { title: (_d: never, t) => t('termine.gebucht.titel'), citizen: true } satisfies PageHandle };

// ---------------------------------------------------------------- /termine/bestaetigen/:token

async function bestaetigenLoader({ context, params }: LoaderFunctionArgs) {
  const { app, lang } = web(context);
  const b = await anfragePruefen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  return { beginn: zeitText(b.beginn, lang), kanal: b.kanal };
}
async function bestaetigenAction({ context, params }: ActionFunctionArgs) {
  const { app } = web(context);
  await anfrageBestaetigen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  return redirect('/termine/gebucht');
}
function BestaetigenPage() {
  const d = useLoaderData<typeof bestaetigenLoader>();
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.bestaetigen.titel')}</h1>
      <p className="kern-body">{t('termine.bestaetigen.text')}</p>
      <p className="kern-body">
        <strong>{d.beginn}</strong> ({t(kanalKey(d.kanal))})
      </p>
      <PostForm csrfToken={csrfToken}>
        <SubmitButton>{t('termine.bestaetigen.knopf')}</SubmitButton>
      </PostForm>
    </div>
  );
}
export const termineBestaetigenRoute: RouteObject = {
  path: 'termine/bestaetigen/:token',
  loader: bestaetigenLoader,
  action: bestaetigenAction,
  Component: BestaetigenPage,
  handle: { title: (_d: never, t) => t('termine.bestaetigen.titel'), citizen: true } satisfies PageHandle,
};

// ---------------------------------------------------------------- /termine/angebot/:token

async function angebotLoader({ context, params }: LoaderFunctionArgs) {
  const { app, lang } = web(context);
  const a = await angebotAnsehen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  return { beginn: zeitText(a.beginn, lang), kanal: a.kanal, gueltigBis: zeitText(a.gueltigBis, lang) };
}
async function angebotAction({ context, params }: ActionFunctionArgs) {
  const { app } = web(context);
  await angebotAnnehmen.execute({ ctx: app, actor: null, input: { token: params.token ?? '' } });
  return redirect('/termine/gebucht');
}
function AngebotPage() {
  const d = useLoaderData<typeof angebotLoader>();
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.angebot.titel')}</h1>
      <p className="kern-body">
        <strong>{d.beginn}</strong> ({t(kanalKey(d.kanal))})
      </p>
      <p className="kern-body">{t('termine.angebot.gueltig', { zeit: d.gueltigBis })}</p>
      <PostForm csrfToken={csrfToken}>
        <SubmitButton>{t('termine.angebot.annehmen')}</SubmitButton>
      </PostForm>
    </div>
  );
}
export const termineAngebotRoute: RouteObject = {
  path: 'termine/angebot/:token',
  loader: angebotLoader,
  action: angebotAction,
  Component: AngebotPage,
  handle: { title: (_d: never, t) => t('termine.angebot.titel'), citizen: true } satisfies PageHandle,
};

// ---------------------------------------------------------------- /termine/:id (own appointment)

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const r = await terminAnsehen.execute({ ctx: app, actor, input: { id: params.id ?? '', ziele: true } });
  const termin = r.termin;
  const aktiv = termin.status === 'gebucht' && termin.art === 'buchung';
  const zeiten = r.ziele;
  return {
    id: termin.id,
    beginn: zeitText(termin.beginn, lang),
    kanal: termin.kanal,
    status: termin.status,
    art: termin.art,
    anliegen: r.anliegen ? anliegenText(r.anliegen, lang) : '',
    ort: r.kanal === 'vor_ort' && r.standort ? `${r.standort.name}, ${r.standort.anschrift}` : '',
    darfVerschieben: aktiv && r.darfVerschieben.ok,
    darfAbsagen: aktiv && r.darfAbsagen.ok,
    zeiten: zeiten.map((z) => ({ value: z.beginn.toISOString(), label: zeitText(z.beginn, lang) })),
    errors: {} as Record<string, string>,
  };
}

async function detailAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, reply, lang } = web(context);
  const t = translator(lang);
  const form = await readForm(request);
  try {
    if (form.get('_aktion') === 'absagen') {
      await terminAbsagen.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
      flash(context, t('termine.abgesagt'));
    } else {
      await terminVerschieben.execute({ ctx: app, actor, input: { id: params.id ?? '', beginn: form.get('beginn') } });
      flash(context, t('termine.verschoben'));
    }
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.status !== 404) {
      reply.code(err.status);
      return { ...(await detailLoader({ context, request, params } as LoaderFunctionArgs)), errors: { beginn: err.issues.length ? beginnFehlerText(context, err) : err.message } };
    }
    throw err;
  }
  return redirect(`/termine/${params.id}`);
}

function DetailPage() {
  const geladen = useLoaderData<typeof detailLoader>();
  const d = (useActionData<typeof detailAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  const t = useT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('termine.detail.titel')}</h1>
      <ErrorSummary errors={d.errors} title={t('termine.fehler.titel')} />
      <TerminAngaben termin={d} />
      {d.kanal === 'video' && d.status === 'gebucht' ? (
        <p className="kern-body">
          <a className="kern-link" href={`/video/${d.id}`}>
            {t('termine.video.betreten')}
          </a>
        </p>
      ) : null}
      {d.status === 'gebucht' && d.art === 'buchung' && !d.darfVerschieben && !d.darfAbsagen ? <p className="kern-body">{t('termine.link.frist')}</p> : null}
      {d.darfVerschieben || d.darfAbsagen ? (
        <>
          {d.darfVerschieben && d.zeiten.length > 0 ? (
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
        </>
      ) : null}
    </div>
  );
}

export const terminDetailRoute: RouteObject = {
  path: 'termine/:id',
  loader: detailLoader,
  action: detailAction,
  Component: DetailPage,
  handle: { title: (_d: never, t) => t('termine.detail.titel'), citizen: true } satisfies PageHandle,
};
