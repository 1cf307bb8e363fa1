import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { termineRepository } from '../../../db/repositories/termine.ts';
import { deutscheAnzeige, instantAus, KANAL_NAME, KANAELE, lokalesDatum, plusTage, uhrzeitText, wandzeit, type Kanal } from '../../../domain/termine/index.ts';
import { MELDE_ERGEBNISSE, MELDE_ERGEBNIS_TEXT, MELDEZWECKE, type MeldeErgebnis, type Meldezweck } from '../../../domain/recht/meldeaufforderung.ts';
import { publicBaseUrl } from '../../../server/auth/public-url.ts';
import { tenantScope } from '../../../server/context.ts';
import { AppError } from '../../../server/errors.ts';
import { checkIn, einladungLesen, erfasseErgebnis, kalender, ladeEin, listeRessourcen, sprechzeitEntfernen, sprechzeitHinzufuegen } from '../../../server/termine/personal.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

/** Staff pages of issue 6 (German only): calendar, consultation hours, invitations with outcome, check-in. */

const WOCHENTAGE = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const STATUS: Record<string, string> = { gebucht: 'gebucht', abgesagt: 'abgesagt', wahrgenommen: 'wahrgenommen', nicht_erschienen: 'nicht erschienen' };

// ---------------------------------------------------------------- /termine/kalender

async function kalenderLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const url = new URL(request.url);
  const ansicht = (['person', 'team', 'standort'] as const).find((a) => a === url.searchParams.get('ansicht')) ?? 'person';
  const datumParam = url.searchParams.get('datum');
  const datum = datumParam && /^\d{4}-\d{2}-\d{2}$/.test(datumParam) ? datumParam : lokalesDatum(app.clock.now());
  const tage = url.searchParams.get('tage') === '7' ? 7 : 1;
  const standortId = url.searchParams.get('standortId') || actor.standorte[0]?.id;
  const r = await kalender({ ctx: app, actor, input: { ansicht, datum: new Date(instantAus(datum, 0)), tage, standortId, team: url.searchParams.get('team') || undefined } });
  const einladungen = await app.db.withTenant(tenantScope(actor), async (tx) => {
    const ergebnis: Record<string, string> = {};
    for (const t of r.termine.filter((x) => x.art === 'einladung')) {
      const e = await termineRepository.findEinladungZuTermin(tx, t.id);
      if (e) ergebnis[t.id] = e.id;
    }
    return ergebnis;
  });
  return {
    ansicht,
    datum,
    tage,
    standortId: standortId ?? '',
    standorte: actor.standorte,
    zurueck: plusTage(datum, -tage),
    weiter: plusTage(datum, tage),
    termine: r.termine.map((t) => ({
      id: t.id,
      zeit: deutscheAnzeige(t.beginn),
      bis: uhrzeitText(wandzeit(t.ende).minuten),
      anliegen: r.anliegen.find((a) => a.id === t.anliegenId)?.name ?? '',
      person: t.name || t.email || 'Konto im Portal',
      bei: r.ressourcen.find((x) => x.id === t.ressourceId)?.name ?? '',
      kanal: KANAL_NAME[t.kanal as Kanal],
      video: t.kanal === 'video' && t.status === 'gebucht',
      status: STATUS[t.status] ?? t.status,
      checkin: t.eingechecktAm ? uhrzeitText(wandzeit(t.eingechecktAm).minuten) : '',
      einladungId: einladungen[t.id] ?? null,
    })),
  };
}

function KalenderPage() {
  const d = useLoaderData<typeof kalenderLoader>();
  const link = (datum: string) => `/termine/kalender?ansicht=${d.ansicht}&datum=${datum}&tage=${d.tage}${d.standortId ? `&standortId=${d.standortId}` : ''}`;
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Terminkalender</h1>
      <form method="get" action="/termine/kalender" className="kern-stack-sm" aria-label="Ansicht wählen">
        <SelectField name="ansicht" label="Ansicht" defaultValue={d.ansicht} options={[{ value: 'person', label: 'Meine Termine' }, { value: 'standort', label: 'Standort' }, { value: 'team', label: 'Team' }]} />
        <SelectField name="standortId" label="Standort" defaultValue={d.standortId} options={d.standorte.map((s) => ({ value: s.id, label: s.name }))} />
        <TextField name="datum" label="Datum" type="date" defaultValue={d.datum} />
        <SelectField name="tage" label="Zeitraum" defaultValue={String(d.tage)} options={[{ value: '1', label: 'Tag' }, { value: '7', label: 'Woche' }]} />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">Anzeigen</span>
        </button>
      </form>
      <p className="kern-body">
        <a className="kern-link" href={link(d.zurueck)}>
          Zurück
        </a>{' '}
        ·{' '}
        <a className="kern-link" href={link(d.weiter)}>
          Weiter
        </a>{' '}
        · <a className="kern-link" href="/termine/einladen">Einladung erstellen</a> · <a className="kern-link" href="/termine/sprechzeiten">Sprechzeiten pflegen</a> · <a className="kern-link" href="/termine/ausnahmen">Ausnahmen und Abwesenheiten</a>
      </p>
      {d.termine.length === 0 ? (
        <p className="kern-body">Keine Termine in diesem Zeitraum.</p>
      ) : (
        <TabellenBereich label="Termine">
          <table className="kern-table">
            <caption className="kern-title">Termine ab {d.datum}</caption>
            <thead>
              <tr>
                <th scope="col">Zeit</th>
                <th scope="col">Anliegen</th>
                <th scope="col">Person</th>
                <th scope="col">Bei</th>
                <th scope="col">Art</th>
                <th scope="col">Status</th>
                <th scope="col">Angekommen</th>
                <th scope="col">Aktion</th>
              </tr>
            </thead>
            <tbody>
              {d.termine.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    {t.zeit}–{t.bis}
                  </th>
                  <td>{t.anliegen}</td>
                  <td>{t.person}</td>
                  <td>{t.bei}</td>
                  <td>{t.kanal}</td>
                  <td>{t.status}</td>
                  <td>{t.checkin || '–'}</td>
                  <td>
                    {t.video ? (
                      <a className="kern-link" href={`/video/${t.id}`}>
                        Video-Raum
                      </a>
                    ) : null}{' '}
                    {t.einladungId ? (
                      <a className="kern-link" href={`/termine/einladungen/${t.einladungId}`}>
                        Einladung und Ergebnis
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </div>
  );
}

export const terminKalenderRoute: RouteObject = { path: 'termine/kalender', loader: kalenderLoader, Component: KalenderPage, handle: { title: 'Terminkalender' } satisfies PageHandle };

// ---------------------------------------------------------------- /termine/sprechzeiten

async function sprechzeitenLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, ['termine.eigenerKalender', 'termine.planen']);
  const { app } = web(context);
  const ressourcen = await listeRessourcen({ ctx: app, actor });
  return {
    ressourcen: ressourcen
      .filter((r) => r.darfPflegen)
      .map((r) => ({ id: r.id, name: r.name, sprechzeiten: r.sprechzeiten.map((s) => ({ id: s.id, text: `${WOCHENTAGE[s.wochentag - 1]} ${s.von}–${s.bis}${s.kanaele ? ` (nur ${s.kanaele.map((k) => KANAL_NAME[k as Kanal]).join(', ')})` : ''}${s.gueltigAb ? ` ab ${s.gueltigAb}` : ''}${s.gueltigBis ? ` bis ${s.gueltigBis}` : ''}` })) })),
    errors: {} as Record<string, string>,
    values: {} as Record<string, string>,
  };
}

async function sprechzeitenAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, ['termine.eigenerKalender', 'termine.planen']);
  const { app, reply } = web(context);
  const form = await readForm(request);
  const ressourceId = form.get('ressourceId');
  if (form.get('_aktion') === 'entfernen') {
    await sprechzeitEntfernen({ ctx: app, actor, ressourceId, sprechzeitId: form.get('sprechzeitId') });
    flash(context, 'Die Sprechzeit wurde entfernt.');
    return redirect('/termine/sprechzeiten');
  }
  const kanaele = form.getAll('kanaele');
  const input = {
    wochentag: Number(form.get('wochentag')),
    von: form.get('von'),
    bis: form.get('bis'),
    ...(form.get('gueltigAb') ? { gueltigAb: form.get('gueltigAb') } : {}),
    ...(form.get('gueltigBis') ? { gueltigBis: form.get('gueltigBis') } : {}),
    ...(kanaele.length ? { kanaele } : {}),
  };
  try {
    await sprechzeitHinzufuegen({ ctx: app, actor, ressourceId, input });
  } catch (err) {
    if (err instanceof AppError && err.status === 400) {
      reply.code(400);
      const errors: Record<string, string> = {};
      for (const i of err.issues) errors[i.path.split('.')[0] || 'von'] ??= i.message;
      return { ...(await sprechzeitenLoader({ context, request } as LoaderFunctionArgs)), errors, values: { von: form.get('von'), bis: form.get('bis'), wochentag: form.get('wochentag') } };
    }
    throw err;
  }
  flash(context, 'Die Sprechzeit wurde hinzugefügt.');
  return redirect('/termine/sprechzeiten');
}

function SprechzeitenPage() {
  const geladen = useLoaderData<typeof sprechzeitenLoader>();
  const d = (useActionData<typeof sprechzeitenAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Sprechzeiten</h1>
      <ErrorSummary errors={d.errors} title="Bitte prüfen Sie Ihre Eingaben" />
      {d.ressourcen.length === 0 ? <p className="kern-body">Für Sie ist kein buchbarer Platz angelegt.</p> : null}
      {d.ressourcen.map((r) => (
        <section key={r.id} aria-labelledby={`r-${r.id}`} className="kern-stack-sm">
          <h2 className="kern-heading-medium" id={`r-${r.id}`}>
            {r.name}
          </h2>
          <ul className="kern-list">
            {r.sprechzeiten.map((s) => (
              <li key={s.id}>
                {s.text}{' '}
                <PostForm csrfToken={csrfToken} action="/termine/sprechzeiten" className="inline-form" aria-label={`${s.text} entfernen`}>
                  <input type="hidden" name="_aktion" value="entfernen" />
                  <input type="hidden" name="ressourceId" value={r.id} />
                  <input type="hidden" name="sprechzeitId" value={s.id} />
                  <SubmitButton variant="tertiary">Entfernen</SubmitButton>
                </PostForm>
              </li>
            ))}
          </ul>
          <PostForm csrfToken={csrfToken} action="/termine/sprechzeiten" aria-label={`Sprechzeit für ${r.name} hinzufügen`}>
            <input type="hidden" name="ressourceId" value={r.id} />
            <SelectField name="wochentag" label="Wochentag" defaultValue={d.values.wochentag ?? '1'} options={WOCHENTAGE.map((w, i) => ({ value: String(i + 1), label: w }))} />
            <TextField name="von" label="Von (HH:MM)" defaultValue={d.values.von ?? '08:00'} error={d.errors.von} />
            <TextField name="bis" label="Bis (HH:MM)" defaultValue={d.values.bis ?? '12:00'} error={d.errors.bis} />
            <TextField name="gueltigAb" label="Gültig ab" type="date" optionalLabel="optional" error={d.errors.gueltigAb} />
            <TextField name="gueltigBis" label="Gültig bis" type="date" optionalLabel="optional" error={d.errors.gueltigBis} />
            <fieldset className="kern-fieldset">
              <legend className="kern-label">Nur diese Arten (leer = alle)</legend>
              <div className="kern-fieldset__body">
                {KANAELE.map((k) => (
                  <div className="kern-form-check" key={k}>
                    <input className="kern-form-check__checkbox" type="checkbox" id={`k-${r.id}-${k}`} name="kanaele" value={k} />
                    <label className="kern-label" htmlFor={`k-${r.id}-${k}`}>
                      {KANAL_NAME[k]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <SubmitButton>Sprechzeit hinzufügen</SubmitButton>
          </PostForm>
        </section>
      ))}
    </div>
  );
}

export const terminSprechzeitenRoute: RouteObject = { path: 'termine/sprechzeiten', loader: sprechzeitenLoader, action: sprechzeitenAction, Component: SprechzeitenPage, handle: { title: 'Sprechzeiten' } satisfies PageHandle };

// ---------------------------------------------------------------- /termine/einladen

async function einladenLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const daten = await app.db.withTenant(tenantScope(actor), (tx) => termineRepository.stammdaten(tx));
  return { anliegen: daten.anliegen.map((a) => ({ value: a.id, label: a.name })), errors: {} as Record<string, string>, values: {} as Record<string, string> };
}

async function einladenAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app, req, reply } = web(context);
  const form = await readForm(request);
  const values = { anliegenId: form.get('anliegenId'), kanal: form.get('kanal'), datum: form.get('datum'), uhrzeit: form.get('uhrzeit'), email: form.get('email'), name: form.get('name'), zweck: form.get('zweck'), thema: form.get('thema'), mitbringen: form.get('mitbringen') };
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.datum)) errors.datum = 'Bitte geben Sie das Datum an.';
  if (!/^\d{2}:\d{2}$/.test(values.uhrzeit)) errors.uhrzeit = 'Bitte geben Sie die Uhrzeit im Format HH:MM an.';
  if (!values.email.includes('@')) errors.email = 'Bitte geben Sie die E-Mail-Adresse an.';
  if (!values.name.trim()) errors.name = 'Bitte geben Sie den Namen an.';
  if (!(values.zweck in MELDEZWECKE)) errors.zweck = 'Bitte wählen Sie den Zweck.';
  const zurueck = async (status: number) => {
    reply.code(status);
    return { ...(await einladenLoader({ context, request } as LoaderFunctionArgs)), errors, values };
  };
  if (Object.keys(errors).length) return zurueck(400);
  const [h, m] = values.uhrzeit.split(':').map(Number) as [number, number];
  try {
    const t = await ladeEin({
      ctx: app,
      actor,
      input: {
        anliegenId: values.anliegenId,
        kanal: (KANAELE as readonly string[]).includes(values.kanal) ? (values.kanal as Kanal) : 'vor_ort',
        beginn: new Date(instantAus(values.datum, h * 60 + m)),
        email: values.email,
        name: values.name.trim(),
        zweck: values.zweck as Meldezweck,
        thema: values.thema || undefined,
        mitbringen: values.mitbringen.split('\n').map((s) => s.trim()).filter(Boolean),
      },
      basisUrl: publicBaseUrl(app, req),
    });
    flash(context, 'Die Einladung wurde gebucht und verschickt.');
    return redirect(`/termine/kalender?ansicht=standort&datum=${lokalesDatum(t.beginn)}&standortId=${t.standortId}`);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      errors.uhrzeit = err.message;
      return zurueck(err.status);
    }
    throw err;
  }
}

function EinladenPage() {
  const geladen = useLoaderData<typeof einladenLoader>();
  const d = (useActionData<typeof einladenAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Einladung erstellen</h1>
      <p className="kern-body">Die Einladung enthält die Meldeaufforderung mit Rechtsgrundlage und Rechtsfolgenbelehrung; sie geht mit Kalenderdatei per E-Mail hinaus.</p>
      <ErrorSummary errors={d.errors} title="Bitte prüfen Sie Ihre Eingaben" />
      <PostForm csrfToken={csrfToken} action="/termine/einladen">
        <SelectField name="anliegenId" label="Anliegen" defaultValue={d.values.anliegenId} options={d.anliegen} />
        <SelectField name="kanal" label="Art" defaultValue={d.values.kanal ?? 'vor_ort'} options={KANAELE.map((k) => ({ value: k, label: KANAL_NAME[k] }))} />
        <TextField name="datum" label="Datum" type="date" defaultValue={d.values.datum} error={d.errors.datum} />
        <TextField name="uhrzeit" label="Uhrzeit (HH:MM)" defaultValue={d.values.uhrzeit} error={d.errors.uhrzeit} />
        <TextField name="name" label="Name der eingeladenen Person" defaultValue={d.values.name} error={d.errors.name} />
        <TextField name="email" label="E-Mail-Adresse" type="email" defaultValue={d.values.email} error={d.errors.email} />
        <SelectField name="zweck" label="Zweck (§ 309 Abs. 2 SGB III)" defaultValue={d.values.zweck} error={d.errors.zweck} options={Object.entries(MELDEZWECKE).map(([k, v]) => ({ value: k, label: v.text }))} />
        <TextField name="thema" label="Thema" optionalLabel="optional" defaultValue={d.values.thema} />
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="feld-mitbringen">
            Mitzubringende Unterlagen (eine je Zeile, optional)
          </label>
          <textarea className="kern-form-input__input" id="feld-mitbringen" name="mitbringen" rows={3} defaultValue={d.values.mitbringen} />
        </div>
        <SubmitButton>Einladen</SubmitButton>
      </PostForm>
    </div>
  );
}

export const terminEinladenRoute: RouteObject = { path: 'termine/einladen', loader: einladenLoader, action: einladenAction, Component: EinladenPage, handle: { title: 'Einladung erstellen' } satisfies PageHandle };

// ---------------------------------------------------------------- /termine/einladungen/:id

async function einladungLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const r = await einladungLesen({ ctx: app, actor, id: params.id ?? '' });
  return { id: r.einladung.id, version: r.einladung.version, text: r.einladung.text, status: r.einladung.status, begruendung: r.einladung.begruendung ?? '', zeit: deutscheAnzeige(r.termin.beginn), errors: {} as Record<string, string> };
}

async function einladungAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app, reply } = web(context);
  const form = await readForm(request);
  const ergebnis = form.get('ergebnis') as MeldeErgebnis;
  try {
    if (!MELDE_ERGEBNISSE.includes(ergebnis)) throw new AppError('validation_failed', 400, 'Bitte wählen Sie das Ergebnis.', [{ path: 'ergebnis', code: 'required', message: 'Bitte wählen Sie das Ergebnis.' }]);
    await erfasseErgebnis({ ctx: app, actor, id: params.id ?? '', input: { ergebnis, begruendung: form.get('begruendung') || undefined, version: Number(form.get('version')) } });
  } catch (err) {
    if (err instanceof AppError && err.status < 500 && err.status !== 404) {
      reply.code(err.status);
      return { ...(await einladungLoader({ context, request, params } as LoaderFunctionArgs)), errors: { [err.issues[0]?.path ?? 'ergebnis']: err.message } };
    }
    throw err;
  }
  flash(context, 'Das Ergebnis wurde gespeichert.');
  return redirect(`/termine/einladungen/${params.id}`);
}

function EinladungPage() {
  const geladen = useLoaderData<typeof einladungLoader>();
  const d = (useActionData<typeof einladungAction>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Einladung vom {d.zeit}</h1>
      <pre className="kern-body einladung-text">{d.text}</pre>
      <h2 className="kern-heading-medium">Ergebnis</h2>
      {d.status === 'eingeladen' ? (
        <>
          <ErrorSummary errors={d.errors} title="Bitte prüfen Sie Ihre Eingaben" />
          <PostForm csrfToken={csrfToken}>
            <input type="hidden" name="version" value={d.version} />
            <SelectField name="ergebnis" label="Ergebnis" error={d.errors.ergebnis} options={MELDE_ERGEBNISSE.map((e) => ({ value: e, label: MELDE_ERGEBNIS_TEXT[e] }))} />
            <TextField name="begruendung" label="Begründung (bei „nicht erschienen“)" error={d.errors.begruendung} optionalLabel="optional" />
            <SubmitButton>Ergebnis speichern</SubmitButton>
          </PostForm>
        </>
      ) : (
        <p className="kern-body">
          {MELDE_ERGEBNIS_TEXT[d.status as MeldeErgebnis] ?? d.status}
          {d.begruendung ? ` – ${d.begruendung}` : ''}
        </p>
      )}
    </div>
  );
}

export const terminEinladungRoute: RouteObject = { path: 'termine/einladungen/:id', loader: einladungLoader, action: einladungAction, Component: EinladungPage, handle: { title: 'Einladung' } satisfies PageHandle };

// ---------------------------------------------------------------- /checkin/:token

async function checkinLoader({ context, request, params }: LoaderFunctionArgs) {
  requirePermission(context, request, 'termine.bearbeiten');
  return { token: params.token ?? '', meldung: '', name: '' };
}

async function checkinAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const r = await checkIn({ ctx: app, actor, token: params.token ?? '' });
  return { token: params.token ?? '', meldung: `${r.name || 'Die Person'} ist angekommen (${deutscheAnzeige(r.termin.beginn)}).`, name: r.name };
}

function CheckinPage() {
  const geladen = useLoaderData<typeof checkinLoader>();
  const d = useActionData<typeof checkinAction>() ?? geladen;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Check-in am Empfang</h1>
      {d.meldung ? (
        <p className="kern-body">
          <output>{d.meldung}</output>
        </p>
      ) : (
        <PostForm csrfToken={csrfToken}>
          <p className="kern-body">Der QR-Code eines Termins wurde gelesen. Ankunft jetzt erfassen?</p>
          <SubmitButton>Ankunft erfassen</SubmitButton>
        </PostForm>
      )}
    </div>
  );
}

export const checkinRoute: RouteObject = { path: 'checkin/:token', loader: checkinLoader, action: checkinAction, Component: CheckinPage, handle: { title: 'Check-in' } satisfies PageHandle };
