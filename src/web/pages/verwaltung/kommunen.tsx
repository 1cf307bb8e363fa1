import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { kommuneAnlegen } from '../../../server/admin/create-kommune.ts';
import { kommuneLaden } from '../../../server/admin/get-kommune.ts';
import { kommunenAuflisten } from '../../../server/admin/list-kommunen.ts';
import { presentKommune } from '../../../server/admin/schemas.ts';
import { kommuneAktivSetzen } from '../../../server/admin/set-kommune-aktiv.ts';
import { kommuneAendern } from '../../../server/admin/update-kommune.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../../components/forms.tsx';
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
  Zurueck,
  type FormResult,
} from './shared.tsx';

const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';

/* ---------- /verwaltung/kommunen ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  return { kommunen: (await kommunenAuflisten.execute({ ctx: web(context).app, actor, input: {} })).map(presentKommune) };
}

function KommunenPage() {
  const { kommunen } = useLoaderData<typeof listLoader>();
  return (
    <div className="kern-stack-lg">
      <ListenKopf titel="Kommunen" neuHref="/verwaltung/kommunen/neu" neuLabel="Neue Kommune anlegen" />
      {kommunen.length === 0 ? (
        <p className="kern-body">Es sind noch keine Kommunen eingetragen.</p>
      ) : (
        <ListenTabelle caption={`Kommunen des Trägers (${kommunen.length})`} spalten={['Name', 'Amtlicher Gemeindeschlüssel', 'Status']}>
          {kommunen.map((k) => (
            <tr className="kern-table__row" key={k.id}>
              <NamensZelle href={`/verwaltung/kommunen/${k.id}`}>{k.name}</NamensZelle>
              <td className="kern-table__cell">{k.ags ?? '–'}</td>
              <td className="kern-table__cell">
                <AktivBadge aktiv={k.aktiv} />
              </td>
            </tr>
          ))}
        </ListenTabelle>
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

function KommuneFelder(p: { values: { name?: string; ags?: string | null; postleitzahlen?: string | string[] }; errors: FormResult['errors'] }) {
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
      <TextField
        name="postleitzahlen"
        label="Postleitzahlen"
        optionalLabel="optional"
        hint="Durch Komma getrennt, z. B. 12345, 12347. Das Bürgerportal bestimmt damit die Kommune einer Anschrift; gehört eine Postleitzahl zu mehreren Kommunen, wird gefragt."
        defaultValue={Array.isArray(p.values.postleitzahlen) ? p.values.postleitzahlen.join(', ') : p.values.postleitzahlen}
        error={p.errors.postleitzahlen}
      />
    </>
  );
}

const readKommuneForm = async (request: Request) => {
  const form = await readForm(request);
  return { form, values: { name: form.get('name'), ags: form.get('ags'), postleitzahlen: form.get('postleitzahlen') } };
};

/* ---------- /verwaltung/kommunen/neu ---------- */

async function newLoader({ context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, 'organisation.verwalten');
  return null;
}

async function newAction({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'organisation.verwalten');
  const { values } = await readKommuneForm(request);
  try {
    // The page only maps form fields to the use case's input; the use case parses, checks and writes.
    const kommune = await kommuneAnlegen.execute({ ctx: web(context).app, actor, input: { name: values.name, ags: orNull(values.ags), postleitzahlen: values.postleitzahlen } });
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
        <KommuneFelder values={(result?.values ?? {}) as { name?: string; ags?: string; postleitzahlen?: string }} errors={errors} />
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
  return { kommune: presentKommune(await kommuneLaden.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '' } })) };
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
      const kommune = await kommuneAktivSetzen.execute({ ctx, actor, input: { id, aktiv: aktion === 'aktivieren', version } });
      flash(context, kommune.aktiv ? `Die Kommune „${kommune.name}“ ist wieder aktiv.` : `Die Kommune „${kommune.name}“ wurde deaktiviert.`);
      return redirect(`/verwaltung/kommunen/${id}`);
    }
    const kommune = await kommuneAendern.execute({ ctx, actor, input: { id, name: values.name, ags: orNull(values.ags), postleitzahlen: values.postleitzahlen, version } });
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
      <AngabenAendern csrfToken={csrfToken} action={`/verwaltung/kommunen/${kommune.id}`} version={kommune.version}>
        <KommuneFelder values={values as { name?: string; ags?: string | null; postleitzahlen?: string | string[] }} errors={errors} />
      </AngabenAendern>
      <AktivUmschalten
        csrfToken={csrfToken}
        action={`/verwaltung/kommunen/${kommune.id}`}
        version={kommune.version}
        aktiv={kommune.aktiv}
        objekt="Kommune"
        text={{
          aktiv: 'Kommunen werden nicht gelöscht, sondern deaktiviert. Das geht erst, wenn in der Kommune kein aktiver Standort mehr liegt.',
          inaktiv: 'Die Kommune ist deaktiviert. Nach dem Aktivieren können ihr wieder Standorte zugeordnet werden.',
        }}
      />
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
