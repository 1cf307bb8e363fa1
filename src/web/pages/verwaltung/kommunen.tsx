import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { createKommune } from '../../../server/admin/create-kommune.ts';
import { getKommune } from '../../../server/admin/get-kommune.ts';
import { listKommunen } from '../../../server/admin/list-kommunen.ts';
import { kommuneCreateSchema, kommuneUpdateSchema, presentKommune } from '../../../server/admin/schemas.ts';
import { setKommuneAktiv } from '../../../server/admin/set-kommune-aktiv.ts';
import { updateKommune } from '../../../server/admin/update-kommune.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { AktivBadge, formFailure, formVersion, invalid, KonfliktHinweis, orNull, parseWith, Zurueck, type FormResult } from './shared.tsx';

const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';

/* ---------- /verwaltung/kommunen ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  return { kommunen: (await listKommunen({ ctx: web(context).app, actor })).map(presentKommune) };
}

function KommunenPage() {
  const { kommunen } = useLoaderData<typeof listLoader>();
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <h1 className="kern-heading-large">Kommunen</h1>
      <p className="kern-body">
        <a className="kern-btn kern-btn--primary" href="/verwaltung/kommunen/neu">
          <span className="kern-label">Neue Kommune anlegen</span>
        </a>
      </p>
      {kommunen.length === 0 ? (
        <p className="kern-body">Es sind noch keine Kommunen eingetragen.</p>
      ) : (
        <div className="table-wrap">
          <table className="kern-table">
            <caption className="kern-title">Kommunen des Trägers ({kommunen.length})</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">Amtlicher Gemeindeschlüssel</th>
                <th scope="col" className="kern-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {kommunen.map((k) => (
                <tr className="kern-table__row" key={k.id}>
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/verwaltung/kommunen/${k.id}`}>
                      {k.name}
                    </a>
                  </th>
                  <td className="kern-table__cell">{k.ags ?? '–'}</td>
                  <td className="kern-table__cell">
                    <AktivBadge aktiv={k.aktiv} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export const kommunenRoute: RouteObject = {
  path: 'verwaltung/kommunen',
  loader: listLoader,
  Component: KommunenPage,
  handle: { title: 'Kommunen' } satisfies PageHandle,
};

/* ---------- form shared by "new" and "edit" ---------- */

function KommuneFelder(p: { values: { name?: string; ags?: string | null }; errors: FormResult['errors'] }) {
  return (
    <>
      <TextField name="name" label="Name der Kommune" defaultValue={p.values.name} error={p.errors.name} required />
      <TextField
        name="ags"
        label="Amtlicher Gemeindeschlüssel (AGS)"
        optionalLabel="optional"
        hint="8 Ziffern, z. B. 09162000"
        inputMode="numeric"
        width="kurz"
        defaultValue={p.values.ags}
        error={p.errors.ags}
      />
    </>
  );
}

const readKommuneForm = async (request: Request) => {
  const form = await readForm(request);
  return { form, values: { name: form.get('name'), ags: form.get('ags') } };
};

/* ---------- /verwaltung/kommunen/neu ---------- */

async function newLoader({ context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, 'organisation.verwalten');
  return null;
}

async function newAction({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const { values } = await readKommuneForm(request);
  const parsed = parseWith(kommuneCreateSchema, { name: values.name, ags: orNull(values.ags) });
  if ('errors' in parsed) return invalid(context, parsed.errors, values);
  try {
    const kommune = await createKommune({ ctx: web(context).app, actor, input: parsed.data });
    flash(context, `Die Kommune „${kommune.name}“ wurde angelegt.`);
    return redirect('/verwaltung/kommunen');
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function NeueKommunePage() {
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/kommunen" label="Kommunen" />
      <h1 className="kern-heading-large">Neue Kommune</h1>
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      <PostForm csrfToken={csrfToken} action="/verwaltung/kommunen/neu">
        <KommuneFelder values={(result?.values ?? {}) as { name?: string; ags?: string }} errors={errors} />
        <SubmitButton>Kommune anlegen</SubmitButton>
      </PostForm>
    </div>
  );
}

export const kommuneNeuRoute: RouteObject = {
  path: 'verwaltung/kommunen/neu',
  loader: newLoader,
  action: newAction,
  Component: NeueKommunePage,
  handle: { title: 'Neue Kommune' } satisfies PageHandle,
};

/* ---------- /verwaltung/kommunen/:id ---------- */

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  return { kommune: presentKommune(await getKommune({ ctx: web(context).app, actor, id: params.id ?? '' })) };
}

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const ctx = web(context).app;
  const id = params.id ?? '';
  const { form, values } = await readKommuneForm(request);
  const version = formVersion(form.get('version'));
  const aktion = form.get('_aktion');
  try {
    if (aktion === 'deaktivieren' || aktion === 'aktivieren') {
      const kommune = await setKommuneAktiv({ ctx, actor, id, aktiv: aktion === 'aktivieren', version });
      flash(context, kommune.aktiv ? `Die Kommune „${kommune.name}“ ist wieder aktiv.` : `Die Kommune „${kommune.name}“ wurde deaktiviert.`);
      return redirect(`/verwaltung/kommunen/${id}`);
    }
    const parsed = parseWith(kommuneUpdateSchema, { name: values.name, ags: orNull(values.ags), version });
    if ('errors' in parsed) return invalid(context, parsed.errors, values);
    const kommune = await updateKommune({ ctx, actor, id, input: parsed.data });
    flash(context, `Die Änderungen an „${kommune.name}“ wurden gespeichert.`);
    return redirect(`/verwaltung/kommunen/${id}`);
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function KommunePage() {
  const { kommune } = useLoaderData<typeof detailLoader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  // After a conflict the form shows what is stored now (with its current version), not the stale input.
  const values = result?.values && !result.konflikt ? result.values : kommune;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/kommunen" label="Kommunen" />
      <h1 className="kern-heading-large">Kommune {kommune.name}</h1>
      <p className="kern-body">
        Status: <AktivBadge aktiv={kommune.aktiv} />
      </p>
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      <section aria-labelledby="bearbeiten" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="bearbeiten">
          Angaben ändern
        </h2>
        <PostForm csrfToken={csrfToken} action={`/verwaltung/kommunen/${kommune.id}`}>
          <input type="hidden" name="version" value={kommune.version} />
          <KommuneFelder values={values as { name?: string; ags?: string | null }} errors={errors} />
          <SubmitButton name="_aktion" value="speichern">
            Änderungen speichern
          </SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="status" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="status">
          {kommune.aktiv ? 'Kommune deaktivieren' : 'Kommune wieder aktivieren'}
        </h2>
        <p className="kern-body">
          {kommune.aktiv
            ? 'Kommunen werden nicht gelöscht, sondern deaktiviert. Das geht erst, wenn in der Kommune kein aktiver Standort mehr liegt.'
            : 'Die Kommune ist deaktiviert. Nach dem Aktivieren können ihr wieder Standorte zugeordnet werden.'}
        </p>
        <PostForm csrfToken={csrfToken} action={`/verwaltung/kommunen/${kommune.id}`}>
          <input type="hidden" name="version" value={kommune.version} />
          <SubmitButton variant="secondary" name="_aktion" value={kommune.aktiv ? 'deaktivieren' : 'aktivieren'}>
            {kommune.aktiv ? 'Kommune deaktivieren' : 'Kommune aktivieren'}
          </SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}

export const kommuneRoute: RouteObject = {
  path: 'verwaltung/kommunen/:id',
  loader: detailLoader,
  action: detailAction,
  Component: KommunePage,
  handle: { title: (d: { kommune: { name: string } } | undefined) => (d ? `Kommune ${d.kommune.name}` : 'Kommune') } satisfies PageHandle,
};
