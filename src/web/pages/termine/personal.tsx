import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { deutscheAnzeige, KANAL_NAME, KANAELE, lokalesDatum, plusTage, uhrzeitText, wandzeit, type Kanal } from '../../../domain/termine/index.ts';
import { MELDE_ERGEBNISSE, MELDE_ERGEBNIS_TEXT, MELDEZWECKE, type MeldeErgebnis } from '../../../domain/recht/meldeaufforderung.ts';
import { AppError } from '../../../server/errors.ts';
import { einchecken } from '../../../server/termine/einchecken.ts';
import { einladen } from '../../../server/termine/einladen.ts';
import { einladungAnsehen } from '../../../server/termine/einladung-ansehen.ts';
import { einladungVorbereiten } from '../../../server/termine/einladung-vorbereiten.ts';
import { ergebnisErfassen } from '../../../server/termine/ergebnis-erfassen.ts';
import { einladungZugang, ZUGANG_TEXT } from '../../../server/termine/einladung-zugang.ts';
import { ZUGANG_ARTEN, type ZugangArt } from '../../../domain/fordern/typen.ts';
import { can } from '../../../server/policies.ts';
import { kalenderAnsehen } from '../../../server/termine/kalender-ansehen.ts';
import { ressourcenAuflisten } from '../../../server/termine/ressourcen-auflisten.ts';
import { sprechzeitEntfernen } from '../../../server/termine/sprechzeit-entfernen.ts';
import { sprechzeitHinzufuegen } from '../../../server/termine/sprechzeit-hinzufuegen.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { issuesToErrors } from '../verwaltung/shared.tsx';

/** Staff pages of issue 6 (German only): calendar, consultation hours, invitations with outcome, check-in. */

const WOCHENTAGE = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const STATUS: Record<string, string> = { gebucht: 'gebucht', abgesagt: 'abgesagt', wahrgenommen: 'wahrgenommen', nicht_erschienen: 'nicht erschienen' };

/**
 * The field messages of a refused form (status set on the reply): the use case's field issues, or – for a refusal
 * without fields (taken slot, outcome too early) – its message at `feld`. Not found and everything else is thrown on.
 */
function feldFehler(context: unknown, err: unknown, feld: string): Record<string, string> {
  if (!(err instanceof AppError) || err.status >= 500 || err.status === 404 || err.status === 403 || err.status === 401) throw err;
  web(context).reply.code(err.status);
  const errors = issuesToErrors(err.issues) as Record<string, string>;
  if (!Object.keys(errors).length) errors[feld] = err.message;
  return errors;
}

// ---------------------------------------------------------------- /termine/kalender

async function kalenderLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const q = new URL(request.url).searchParams;
  const standortId = q.get('standortId') || actor.standorte[0]?.id;
  const r = await kalenderAnsehen.execute({ ctx: app, actor, input: { ansicht: q.get('ansicht') ?? undefined, datum: q.get('datum') ?? undefined, tage: q.get('tage') ?? undefined, standortId, team: q.get('team') ?? undefined } });
  return {
    ansicht: r.ansicht,
    datum: r.datum,
    tage: r.tage,
    standortId: standortId ?? '',
    standorte: actor.standorte,
    zurueck: plusTage(r.datum, -r.tage),
    weiter: plusTage(r.datum, r.tage),
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
      einladungId: t.einladungId,
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
  const ressourcen = await ressourcenAuflisten.execute({ ctx: app, actor, input: {} });
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
  const { app } = web(context);
  const form = await readForm(request);
  const ressourceId = form.get('ressourceId');
  if (form.get('_aktion') === 'entfernen') {
    await sprechzeitEntfernen.execute({ ctx: app, actor, input: { ressourceId, sprechzeitId: form.get('sprechzeitId') } });
    flash(context, 'Die Sprechzeit wurde entfernt.');
    return redirect('/termine/sprechzeiten');
  }
  const values = { wochentag: form.get('wochentag'), von: form.get('von'), bis: form.get('bis'), gueltigAb: form.get('gueltigAb'), gueltigBis: form.get('gueltigBis') };
  try {
    await sprechzeitHinzufuegen.execute({ ctx: app, actor, input: { ressourceId, ...values, kanaele: form.getAll('kanaele') } });
  } catch (err) {
    const errors = feldFehler(context, err, 'von');
    return { ...(await sprechzeitenLoader({ context, request } as LoaderFunctionArgs)), errors, values };
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
  const personId = new URL(request.url).searchParams.get('person') ?? undefined;
  const { anliegen, person } = await einladungVorbereiten.execute({ ctx: app, actor, input: { personId } });
  return { anliegen: anliegen.map((a) => ({ value: a.id, label: a.name })), person, errors: {} as Record<string, string>, values: { name: person?.name ?? '' } as Record<string, string> };
}

async function einladenAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const form = await readForm(request);
  const values = { anliegenId: form.get('anliegenId'), kanal: form.get('kanal'), datum: form.get('datum'), uhrzeit: form.get('uhrzeit'), email: form.get('email'), name: form.get('name'), zweck: form.get('zweck'), thema: form.get('thema'), mitbringen: form.get('mitbringen') };
  // an invitation for a person of a Fallakte (link "Zum Meldetermin einladen") carries personId/bgId
  const bezug = { personId: form.get('personId') || undefined, bgId: form.get('bgId') || undefined };
  try {
    const t = await einladen.execute({ ctx: app, actor, input: { ...values, ...bezug } });
    flash(context, 'Die Einladung wurde gebucht und verschickt.');
    return redirect(`/termine/kalender?ansicht=standort&datum=${lokalesDatum(t.beginn)}&standortId=${t.standortId}`);
  } catch (err) {
    // a refusal without field (slot taken, outside the hours) belongs to the time
    const errors = feldFehler(context, err, 'uhrzeit');
    // the form posts to ?person=<id>, so the loader shows the same person again
    return { ...(await einladenLoader({ context, request } as LoaderFunctionArgs)), errors, values };
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
      {d.person ? (
        <p className="kern-body">
          Eingeladen wird{' '}
          <a className="kern-link" href={`/integration/personen/${d.person.personId}`}>
            {d.person.name}
          </a>{' '}
          (Fallnummer {d.person.fallnummer}). Bleibt die Person dem Termin ohne wichtigen Grund fern, kann daraus ein Minderungsverfahren eröffnet werden.
        </p>
      ) : null}
      <ErrorSummary errors={d.errors} title="Die Einladung wurde nicht erstellt." />
      <PostForm csrfToken={csrfToken} action={d.person ? `/termine/einladen?person=${d.person.personId}` : '/termine/einladen'}>
        {d.person ? (
          <>
            <input type="hidden" name="personId" value={d.person.personId} />
            <input type="hidden" name="bgId" value={d.person.bgId} />
          </>
        ) : null}
        <SelectField name="anliegenId" label="Anliegen" defaultValue={d.values.anliegenId} error={d.errors.anliegenId} options={d.anliegen} />
        <SelectField name="kanal" label="Art" defaultValue={d.values.kanal ?? 'vor_ort'} error={d.errors.kanal} options={KANAELE.map((k) => ({ value: k, label: KANAL_NAME[k] }))} />
        <TextField name="datum" label="Datum" type="date" defaultValue={d.values.datum} error={d.errors.datum} />
        <TextField name="uhrzeit" label="Uhrzeit (HH:MM)" defaultValue={d.values.uhrzeit} error={d.errors.uhrzeit} />
        <TextField name="name" label="Name der eingeladenen Person" defaultValue={d.values.name} error={d.errors.name} />
        <TextField name="email" label="E-Mail-Adresse" type="email" defaultValue={d.values.email} error={d.errors.email} />
        <SelectField name="zweck" label="Zweck (§ 309 Abs. 2 SGB III)" defaultValue={d.values.zweck} error={d.errors.zweck} options={Object.entries(MELDEZWECKE).map(([k, v]) => ({ value: k, label: v.text }))} />
        <TextField name="thema" label="Thema" optionalLabel="optional" defaultValue={d.values.thema} error={d.errors.thema} />
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
  const r = await einladungAnsehen.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
  return {
    id: r.einladung.id,
    version: r.einladung.version,
    text: r.einladung.text,
    status: r.einladung.status,
    begruendung: r.einladung.begruendung ?? '',
    zeit: deutscheAnzeige(r.termin.beginn),
    datum: lokalesDatum(r.termin.beginn),
    standortId: r.termin.standortId,
    person: r.person,
    // Zugangsnachweis (Fordern): how the invitation reached the person; a Minderungsverfahren may start from "nicht erschienen"
    zugang: r.einladung.zugangArt && r.einladung.zugangAm ? { art: r.einladung.zugangArt as ZugangArt, am: r.einladung.zugangAm, nachweis: r.einladung.zugangNachweis ?? '' } : null,
    mitPerson: !!r.einladung.personId && !!r.einladung.bgId,
    darfVerfahren: can(actor, 'fordern.bearbeiten'),
    errors: {} as Record<string, string>,
    zugangErrors: {} as Record<string, string>,
    zugangWerte: { art: '', am: '', nachweis: '' },
  };
}

async function einladungAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'termine.bearbeiten');
  const { app } = web(context);
  const form = await readForm(request);
  if (form.get('_aktion') === 'zugang') {
    const zugangWerte = { art: form.get('zugang_art'), am: form.get('zugang_am'), nachweis: form.get('zugang_nachweis') };
    try {
      await einladungZugang.execute({ ctx: app, actor, input: { id: params.id ?? '', ...zugangWerte, version: form.get('version') } });
    } catch (err) {
      const fehler = feldFehler(context, err, 'art');
      const zugangErrors = Object.fromEntries(Object.entries(fehler).map(([k, v]) => [`zugang_${k}`, v])) as Record<string, string>;
      return { ...(await einladungLoader({ context, request, params } as LoaderFunctionArgs)), zugangErrors, zugangWerte };
    }
    flash(context, 'Der Zugang der Einladung wurde gespeichert.');
    return redirect(`/termine/einladungen/${params.id}#zugang`);
  }
  try {
    await ergebnisErfassen.execute({ ctx: app, actor, input: { id: params.id ?? '', ergebnis: form.get('ergebnis'), begruendung: form.get('begruendung'), version: form.get('version') } });
  } catch (err) {
    const errors = feldFehler(context, err, 'ergebnis');
    return { ...(await einladungLoader({ context, request, params } as LoaderFunctionArgs)), errors };
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
      <h1 className="kern-heading-large">Einladung zum Termin am {d.zeit}</h1>
      <p className="kern-body">
        {d.person ? (
          <>
            Eingeladen:{' '}
            <a className="kern-link" href={`/integration/personen/${d.person.personId}`}>
              {d.person.name} (Integrationsakte)
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        <a className="kern-link" href={`/termine/kalender?ansicht=standort&datum=${d.datum}&standortId=${d.standortId}`}>
          Zurück zum Terminkalender
        </a>
      </p>
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
      {d.status === 'nicht_erschienen_ohne_wichtigen_grund' && d.mitPerson && d.darfVerfahren ? (
        <p className="kern-body">
          <a className="kern-link" href={`/fordern/neu?anlass=meldeversaeumnis&id=${d.id}`}>
            Minderungsverfahren eröffnen
          </a>
        </p>
      ) : null}
      <h2 className="kern-heading-medium" id="zugang">
        Zugang der Einladung
      </h2>
      <p className="kern-body">
        {d.zugang
          ? `${ZUGANG_TEXT[d.zugang.art] ?? d.zugang.art} am ${d.zugang.am.slice(8, 10)}.${d.zugang.am.slice(5, 7)}.${d.zugang.am.slice(0, 4)}${d.zugang.nachweis ? ` – ${d.zugang.nachweis}` : ''}`
          : 'Noch nicht erfasst. Eine Minderung wegen eines Meldeversäumnisses setzt voraus, dass der Zugang der Einladung nachgewiesen ist.'}
      </p>
      <details open={Object.keys(d.zugangErrors).length > 0}>
        <summary className="kern-link">{d.zugang ? 'Zugang ändern' : 'Zugang erfassen'}</summary>
        <ErrorSummary errors={d.zugangErrors} title="Bitte prüfen Sie den Zugang" />
        <PostForm csrfToken={csrfToken} aria-label="Zugang der Einladung erfassen" className="kern-stack-md">
          <input type="hidden" name="version" value={d.version} />
          <SelectField
            name="zugang_art"
            label="Wie hat die Einladung die Person erreicht?"
            options={[{ value: '', label: 'Bitte wählen' }, ...ZUGANG_ARTEN.map((z) => ({ value: z, label: ZUGANG_TEXT[z] }))]}
            defaultValue={d.zugangWerte.art || d.zugang?.art || ''}
            error={d.zugangErrors.zugang_art}
          />
          <TextField name="zugang_am" label="Zugegangen am" type="date" defaultValue={d.zugangWerte.am || d.zugang?.am || ''} error={d.zugangErrors.zugang_am} />
          <TextField
            name="zugang_nachweis"
            label="Nachweis"
            optionalLabel="optional"
            hint="z. B. Einwurf-Einschreiben mit Nummer, Zustellungsurkunde vom …, am Empfang ausgehändigt und quittiert"
            defaultValue={d.zugangWerte.nachweis || d.zugang?.nachweis || ''}
            error={d.zugangErrors.zugang_nachweis}
          />
          <SubmitButton variant="secondary" name="_aktion" value="zugang">
            Zugang speichern
          </SubmitButton>
        </PostForm>
      </details>
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
  const r = await einchecken.execute({ ctx: app, actor, input: { token: params.token ?? '' } });
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
