import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { standortAnlegen } from '../../../server/admin/create-standort.ts';
import { standortLaden } from '../../../server/admin/get-standort.ts';
import { kommunenAuflisten } from '../../../server/admin/list-kommunen.ts';
import { standorteAuflisten } from '../../../server/admin/list-standorte.ts';
import { presentStandort } from '../../../server/admin/schemas.ts';
import { standortAktivSetzen } from '../../../server/admin/set-standort-aktiv.ts';
import { standortAendern } from '../../../server/admin/update-standort.ts';
import type { Actor, AppContext } from '../../../server/context.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import {
  AktivBadge,
  AktivUmschalten,
  AngabenAendern,
  formFailure,
  formVersion,
  KonfliktHinweis,
  ListenKopf,
  ListenTabelle,
  NamensZelle,
  orNull,
  TextAreaField,
  Zurueck,
  type FormResult,
} from './shared.tsx';

const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';
const FIELDS = ['name', 'kommuneId', 'strasse', 'plz', 'ort', 'telefon', 'email', 'oeffnungszeiten'] as const;
type Values = Partial<Record<(typeof FIELDS)[number], string | null>>;

/* ---------- /verwaltung/standorte ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  return { standorte: (await standorteAuflisten.execute({ ctx: web(context).app, actor, input: {} })).map((s) => presentStandort(s.standort, s.kommune)) };
}

function StandortePage() {
  const { standorte } = useLoaderData<typeof listLoader>();
  return (
    <div className="kern-stack-lg">
      <ListenKopf titel="Standorte" neuHref="/verwaltung/standorte/neu" neuLabel="Neuen Standort anlegen" />
      {standorte.length === 0 ? (
        <p className="kern-body">Es sind noch keine Standorte eingetragen.</p>
      ) : (
        <ListenTabelle caption={`Standorte des Trägers (${standorte.length})`} spalten={['Name', 'Kommune', 'Anschrift', 'Status']}>
          {standorte.map((s) => (
            <tr className="kern-table__row" key={s.id}>
              <NamensZelle href={`/verwaltung/standorte/${s.id}`}>{s.name}</NamensZelle>
              <td className="kern-table__cell">{s.kommune}</td>
              <td className="kern-table__cell">
                {s.strasse}, {s.plz} {s.ort}
              </td>
              <td className="kern-table__cell">
                <AktivBadge aktiv={s.aktiv} />
              </td>
            </tr>
          ))}
        </ListenTabelle>
      )}
    </div>
  );
}

export const standorteRoute: RouteObject = {
  path: 'verwaltung/standorte',
  loader: listLoader,
  Component: StandortePage,
  handle: { title: 'Standorte' } satisfies PageHandle,
};

/* ---------- form shared by "new" and "edit" ---------- */

/** Kommunen to choose from: the active ones, plus the current one even when it has been deactivated since. */
async function kommuneOptions(ctx: AppContext, actor: Actor, current?: string) {
  const kommunen = await kommunenAuflisten.execute({ ctx, actor, input: {} });
  return kommunen
    .filter((k) => k.aktiv || k.id === current)
    .map((k) => ({ value: k.id, label: k.aktiv ? k.name : `${k.name} (deaktiviert)` }));
}

function StandortFelder(p: { values: Values; errors: FormResult['errors']; kommunen: { value: string; label: string }[] }) {
  const v = p.values;
  return (
    <>
      <TextField name="name" label="Name des Standorts" hint="So erscheint er auf der Startseite, z. B. „Jobcenter Musterstadt“." defaultValue={v.name} error={p.errors.name} required />
      <SelectField
        name="kommuneId"
        label="Kommune"
        options={[{ value: '', label: 'Bitte wählen' }, ...p.kommunen]}
        defaultValue={v.kommuneId ?? ''}
        error={p.errors.kommuneId}
      />
      <TextField name="strasse" label="Straße und Hausnummer" autoComplete="off" defaultValue={v.strasse} error={p.errors.strasse} required />
      <TextField name="plz" label="Postleitzahl" inputMode="numeric" defaultValue={v.plz} error={p.errors.plz} required />
      <TextField name="ort" label="Ort" defaultValue={v.ort} error={p.errors.ort} required />
      <TextField name="telefon" type="tel" label="Telefon" optionalLabel="optional" defaultValue={v.telefon} error={p.errors.telefon} />
      <TextField name="email" type="email" label="E-Mail-Adresse" optionalLabel="optional" defaultValue={v.email} error={p.errors.email} />
      <TextAreaField
        name="oeffnungszeiten"
        label="Öffnungszeiten"
        hint="Eine Zeile je Zeitraum, z. B. „Mo–Fr 8:00–12:00“."
        defaultValue={v.oeffnungszeiten}
        error={p.errors.oeffnungszeiten}
      />
    </>
  );
}

async function readStandortForm(request: Request) {
  const form = await readForm(request);
  const values = Object.fromEntries(FIELDS.map((f) => [f, form.get(f)])) as Record<(typeof FIELDS)[number], string>;
  const input = {
    ...values,
    telefon: orNull(values.telefon),
    email: orNull(values.email),
  };
  return { form, values, input };
}

/* ---------- /verwaltung/standorte/neu ---------- */

async function newLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  return { kommunen: await kommuneOptions(web(context).app, actor) };
}

async function newAction({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const { values, input } = await readStandortForm(request);
  try {
    const { standort } = await standortAnlegen.execute({ ctx: web(context).app, actor, input });
    flash(context, `Der Standort „${standort.name}“ wurde angelegt.`);
    return redirect('/verwaltung/standorte');
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function NeuerStandortPage() {
  const { kommunen } = useLoaderData<typeof newLoader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/standorte" label="Standorte" />
      <h1 className="kern-heading-large">Neuer Standort</h1>
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      {kommunen.length === 0 ? (
        <p className="kern-body">
          Bitte legen Sie zuerst eine <a className="kern-link" href="/verwaltung/kommunen/neu">Kommune</a> an.
        </p>
      ) : (
        <PostForm csrfToken={csrfToken} action="/verwaltung/standorte/neu">
          <StandortFelder values={(result?.values ?? {}) as Values} errors={errors} kommunen={kommunen} />
          <SubmitButton>Standort anlegen</SubmitButton>
        </PostForm>
      )}
    </div>
  );
}

export const standortNeuRoute: RouteObject = {
  path: 'verwaltung/standorte/neu',
  loader: newLoader,
  action: newAction,
  Component: NeuerStandortPage,
  handle: { title: 'Neuer Standort' } satisfies PageHandle,
};

/* ---------- /verwaltung/standorte/:id ---------- */

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const ctx = web(context).app;
  const s = await standortLaden.execute({ ctx, actor, input: { id: params.id ?? '' } });
  return { standort: presentStandort(s.standort, s.kommune), kommunen: await kommuneOptions(ctx, actor, s.standort.kommuneId) };
}

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const ctx = web(context).app;
  const id = params.id ?? '';
  const { form, values, input } = await readStandortForm(request);
  const version = formVersion(form.get('version'));
  const aktion = form.get('_aktion');
  try {
    if (aktion === 'deaktivieren' || aktion === 'aktivieren') {
      const { standort } = await standortAktivSetzen.execute({ ctx, actor, input: { id, aktiv: aktion === 'aktivieren', version } });
      flash(context, standort.aktiv ? `Der Standort „${standort.name}“ ist wieder aktiv.` : `Der Standort „${standort.name}“ wurde deaktiviert.`);
      return redirect(`/verwaltung/standorte/${id}`);
    }
    const { standort } = await standortAendern.execute({ ctx, actor, input: { ...input, id, version } });
    flash(context, `Die Änderungen an „${standort.name}“ wurden gespeichert.`);
    return redirect(`/verwaltung/standorte/${id}`);
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function StandortPage() {
  const { standort, kommunen } = useLoaderData<typeof detailLoader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  const values = (result?.values && !result.konflikt ? result.values : standort) as Values;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/standorte" label="Standorte" />
      <h1 className="kern-heading-large">{standort.name}</h1>
      <p className="kern-body">
        Status: <AktivBadge aktiv={standort.aktiv} />
      </p>
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      <AngabenAendern csrfToken={csrfToken} action={`/verwaltung/standorte/${standort.id}`} version={standort.version}>
        <StandortFelder values={values} errors={errors} kommunen={kommunen} />
      </AngabenAendern>
      <AktivUmschalten
        csrfToken={csrfToken}
        action={`/verwaltung/standorte/${standort.id}`}
        version={standort.version}
        aktiv={standort.aktiv}
        objekt="Standort"
        text={{
          aktiv:
            'Standorte werden nicht gelöscht, sondern deaktiviert. Ein deaktivierter Standort erscheint nicht mehr auf der Startseite und kann Beschäftigten nicht neu zugeordnet werden.',
          inaktiv: 'Der Standort ist deaktiviert. Nach dem Aktivieren erscheint er wieder auf der Startseite.',
        }}
      />
    </div>
  );
}

export const standortRoute: RouteObject = {
  path: 'verwaltung/standorte/:id',
  loader: detailLoader,
  action: detailAction,
  Component: StandortPage,
  handle: { title: (d: { standort: { name: string } } | undefined) => d?.standort.name ?? 'Standort' } satisfies PageHandle,
};
