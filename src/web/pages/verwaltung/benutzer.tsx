import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { STAFF_ROLES } from '../../../server/policies.ts';
import { benutzerAnlegen } from '../../../server/admin/create-user.ts';
import { benutzerLaden } from '../../../server/admin/get-user.ts';
import { standorteAuflisten } from '../../../server/admin/list-standorte.ts';
import { benutzerAuflisten, USER_LIST_LIMIT } from '../../../server/admin/list-users.ts';
import { PASSWORD_LINK_HOURS } from '../../../server/admin/password-link.ts';
import { ROLE_LABELS, type UserView } from '../../../server/admin/schemas.ts';
import { passwortLinkSenden } from '../../../server/admin/send-password-link.ts';
import { benutzerAktivSetzen } from '../../../server/admin/set-user-aktiv.ts';
import { benutzerAendern } from '../../../server/admin/update-user.ts';
import type { Actor, AppContext } from '../../../server/context.ts';
import { can } from '../../../server/policies.ts';
import { Alert } from '../../components/alert.tsx';
import { CheckboxGroup, ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import {
  AktivBadge,
  AktivUmschalten,
  AngabenAendern,
  berlinZeit,
  Fakten,
  formFailure,
  formVersion,
  KonfliktHinweis,
  ListenKopf,
  ListenTabelle,
  NamensZelle,
  Zurueck,
  type FormResult,
} from './shared.tsx';

const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';
const ROLE_OPTIONS = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const ART_LABEL = { staff: 'Beschäftigte', buerger: 'Bürgerin/Bürger' } as const;
const roleNames = (roles: string[]) => roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(', ');

/* ---------- /verwaltung/benutzer ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'benutzer.verwalten');
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const artParam = params.get('art');
  const art = artParam === 'staff' || artParam === 'buerger' ? artParam : undefined;
  const { benutzer, begrenzt } = await benutzerAuflisten.execute({ ctx: web(context).app, actor, input: { art, q } });
  return { benutzer, begrenzt, q, art: art ?? '' };
}

function BenutzerListePage() {
  const d = useLoaderData<typeof listLoader>();
  const gefiltert = !!(d.q || d.art);
  return (
    <div className="kern-stack-lg">
      <ListenKopf titel="Benutzer" neuHref="/verwaltung/benutzer/neu" neuLabel="Konto für Beschäftigte anlegen" />
      <search aria-label="Konten suchen">
        <form method="get" action="/verwaltung/benutzer" className="filter-bar">
        <TextField name="q" label="Name oder E-Mail-Adresse" defaultValue={d.q} />
        <SelectField
          name="art"
          label="Art des Kontos"
          defaultValue={d.art}
          options={[
            { value: '', label: 'Alle' },
            { value: 'staff', label: 'Beschäftigte' },
            { value: 'buerger', label: 'Bürgerinnen und Bürger' },
          ]}
        />
        <SubmitButton variant="secondary">Suchen</SubmitButton>
        </form>
      </search>
      <p className="kern-body kern-body--small">Jede Anzeige dieser Liste wird im Zugriffsprotokoll vermerkt.</p>
      {d.begrenzt ? (
        <Alert type="info" title={`Es werden nur die ersten ${USER_LIST_LIMIT} Konten angezeigt.`}>
          <p className="kern-body">Bitte grenzen Sie die Suche ein.</p>
        </Alert>
      ) : null}
      {d.benutzer.length === 0 ? (
        <p className="kern-body">{gefiltert ? 'Keine Konten gefunden.' : 'Es gibt noch keine Konten.'}</p>
      ) : (
        <ListenTabelle
          caption={gefiltert ? `Gefundene Konten (${d.benutzer.length})` : `Alle Konten (${d.benutzer.length})`}
          spalten={['Name', 'E-Mail-Adresse', 'Art', 'Rollen und Standorte', 'E-Mail bestätigt', 'Status']}
        >
          {d.benutzer.map((u) => (
            <tr className="kern-table__row" key={u.id}>
              <NamensZelle href={`/verwaltung/benutzer/${u.id}`}>{u.name}</NamensZelle>
              <td className="kern-table__cell">{u.email}</td>
              <td className="kern-table__cell">{ART_LABEL[u.art]}</td>
              <td className="kern-table__cell">
                {u.art === 'staff' ? (
                  <>
                    {roleNames(u.roles)}
                    {u.standorte.length ? (
                      <>
                        <br />
                        <span className="kern-body--small">{u.standorte.map((s) => s.name).join(', ')}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  '–'
                )}
              </td>
              <td className="kern-table__cell">{u.emailBestaetigt ? 'ja' : 'nein'}</td>
              <td className="kern-table__cell">
                <AktivBadge aktiv={u.aktiv} />
              </td>
            </tr>
          ))}
        </ListenTabelle>
      )}
    </div>
  );
}

export const benutzerRoute: RouteObject = {
  path: 'verwaltung/benutzer',
  loader: listLoader,
  Component: BenutzerListePage,
  handle: { title: 'Benutzer' } satisfies PageHandle,
};

/* ---------- form shared by "new" and "edit" ---------- */

/** Standorte to choose from: the active ones, plus those already assigned even when deactivated since. */
async function standortOptions(ctx: AppContext, actor: Actor, assigned: string[] = []) {
  const rows = await standorteAuflisten.execute({ ctx, actor, input: {} });
  return rows
    .filter((s) => s.standort.aktiv || assigned.includes(s.standort.id))
    .map((s) => ({ value: s.standort.id, label: s.standort.aktiv ? `${s.standort.name} (${s.kommune})` : `${s.standort.name} (deaktiviert)` }));
}

type StaffValues = { name?: string; email?: string; roles?: string[]; standortIds?: string[] };

function StaffFelder(p: { values: StaffValues; errors: FormResult['errors']; standorte: { value: string; label: string }[] }) {
  return (
    <>
      <TextField name="name" label="Name" autoComplete="off" defaultValue={p.values.name} error={p.errors.name} required />
      <TextField name="email" type="email" label="Dienstliche E-Mail-Adresse" autoComplete="off" hint="Mit ihr meldet sich die Person an." defaultValue={p.values.email} error={p.errors.email} required />
      <CheckboxGroup name="roles" legend="Rollen" hint="Mindestens eine Rolle." options={ROLE_OPTIONS} checked={p.values.roles ?? []} error={p.errors.roles} />
      <CheckboxGroup
        name="standortIds"
        legend="Standorte"
        hint="Leistung, Integration und Teamleitung brauchen mindestens einen Standort; Controlling und Administration sehen den ganzen Träger."
        options={p.standorte}
        checked={p.values.standortIds ?? []}
        error={p.errors.standortIds}
      />
    </>
  );
}

async function readStaffForm(request: Request) {
  const form = await readForm(request);
  const values = { name: form.get('name'), email: form.get('email'), roles: form.getAll('roles'), standortIds: form.getAll('standortIds') };
  return { form, values };
}

/* ---------- /verwaltung/benutzer/neu ---------- */

async function newLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'benutzer.verwalten');
  return { standorte: await standortOptions(web(context).app, actor) };
}

async function newAction({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'benutzer.verwalten');
  const { app } = web(context);
  const { values } = await readStaffForm(request);
  try {
    const { benutzer, passwortMail } = await benutzerAnlegen.execute({ ctx: app, actor, input: values });
    if (passwortMail === 'versandt') {
      flash(context, `Das Konto für ${benutzer.name} wurde angelegt. Eine E-Mail mit dem Link zum Festlegen des Passworts ist an ${benutzer.email} verschickt.`);
      return redirect(`/verwaltung/benutzer/${benutzer.id}`);
    }
    flash(context, `Das Konto für ${benutzer.name} wurde angelegt.`);
    return redirect(`/verwaltung/benutzer/${benutzer.id}?mail=fehlgeschlagen`);
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function NeuerBenutzerPage() {
  const { standorte } = useLoaderData<typeof newLoader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/benutzer" label="Benutzer" />
      <h1 className="kern-heading-large">Konto für Beschäftigte anlegen</h1>
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      <p className="kern-body">
        Sie vergeben kein Passwort. Die Person erhält eine E-Mail mit einem Link, über den sie ihr Passwort selbst festlegt. Der Link gilt {PASSWORD_LINK_HOURS} Stunden.
      </p>
      <PostForm csrfToken={csrfToken} action="/verwaltung/benutzer/neu">
        <StaffFelder values={(result?.values ?? {}) as StaffValues} errors={errors} standorte={standorte} />
        <SubmitButton>Konto anlegen und E-Mail senden</SubmitButton>
      </PostForm>
    </div>
  );
}

export const benutzerNeuRoute: RouteObject = {
  path: 'verwaltung/benutzer/neu',
  loader: newLoader,
  action: newAction,
  Component: NeuerBenutzerPage,
  handle: { title: 'Konto anlegen' } satisfies PageHandle,
};

/* ---------- /verwaltung/benutzer/:id ---------- */

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'benutzer.verwalten');
  const ctx = web(context).app;
  const benutzer = await benutzerLaden.execute({ ctx, actor, input: { id: params.id ?? '' } });
  return {
    benutzer,
    standorte: benutzer.art === 'staff' ? await standortOptions(ctx, actor, benutzer.standorte.map((s) => s.id)) : [],
    eigenesKonto: benutzer.id === actor.userId,
    protokoll: can(actor, 'protokoll.durchsuchen'),
    mailFehlgeschlagen: new URL(request.url).searchParams.get('mail') === 'fehlgeschlagen',
  };
}

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'benutzer.verwalten');
  const { app } = web(context);
  const id = params.id ?? '';
  const { form, values } = await readStaffForm(request);
  const version = formVersion(form.get('version'));
  const aktion = form.get('_aktion');
  try {
    if (aktion === 'deaktivieren' || aktion === 'aktivieren') {
      const u = await benutzerAktivSetzen.execute({ ctx: app, actor, input: { id, aktiv: aktion === 'aktivieren', version } });
      flash(context, u.aktiv ? `Das Konto von ${u.name} ist wieder aktiv.` : `Das Konto von ${u.name} wurde deaktiviert; alle Sitzungen sind beendet.`);
      return redirect(`/verwaltung/benutzer/${id}`);
    }
    if (aktion === 'passwort_link') {
      const r = await passwortLinkSenden.execute({ ctx: app, actor, input: { id } });
      if (r.passwortMail === 'fehlgeschlagen') return redirect(`/verwaltung/benutzer/${id}?mail=fehlgeschlagen`);
      flash(context, `Ein neuer Link zum Festlegen des Passworts ist verschickt (gültig bis ${berlinZeit(r.gueltigBis)} Uhr). Frühere Links gelten nicht mehr.`);
      return redirect(`/verwaltung/benutzer/${id}`);
    }
    const u = await benutzerAendern.execute({ ctx: app, actor, input: { ...values, id, version } });
    flash(context, `Die Änderungen am Konto von ${u.name} wurden gespeichert.`);
    return redirect(`/verwaltung/benutzer/${id}`);
  } catch (err) {
    return formFailure(context, err, values);
  }
}

function Status(p: { u: UserView }) {
  const u = p.u;
  return (
    <Fakten
      items={[
        ['Status', <AktivBadge key="s" aktiv={u.aktiv} />],
        ['Art', ART_LABEL[u.art]],
        ['E-Mail-Adresse', u.email],
        ...(u.art === 'buerger' ? ([['E-Mail bestätigt', u.emailBestaetigt ? 'ja' : 'nein']] as [string, string][]) : []),
        ['Passwort festgelegt', u.passwortGesetzt ? 'ja' : 'nein'],
        ['Zweiter Faktor (TOTP)', u.zweiterFaktor ? 'eingerichtet' : 'nicht eingerichtet'],
        ['Letzte Anmeldung', berlinZeit(u.letzteAnmeldung)],
        ['Angelegt', berlinZeit(u.erstelltAm)],
      ]}
    />
  );
}

function BenutzerPage() {
  const d = useLoaderData<typeof detailLoader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const u = d.benutzer;
  const errors = result?.errors ?? {};
  const values: StaffValues =
    result?.values && !result.konflikt ? (result.values as StaffValues) : { name: u.name, email: u.email, roles: u.roles, standortIds: u.standorte.map((s) => s.id) };
  const action = `/verwaltung/benutzer/${u.id}`;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung/benutzer" label="Benutzer" />
      <h1 className="kern-heading-large">{u.name}</h1>
      {d.eigenesKonto ? <p className="kern-body">Das ist Ihr eigenes Konto.</p> : null}
      {d.mailFehlgeschlagen ? (
        <Alert type="warning" title="Die E-Mail konnte nicht verschickt werden" role="alert">
          <p className="kern-body">Der Mailserver hat die Nachricht nicht angenommen. Bitte senden Sie den Link später erneut.</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} title={FEHLER_TITEL} />
      <KonfliktHinweis text={result?.konflikt} />
      <Status u={u} />
      {d.protokoll ? (
        <p className="kern-body">
          <a className="kern-link" href={`/verwaltung/protokoll?person=${u.id}`}>
            Zugriffe auf dieses Konto im Zugriffsprotokoll ansehen
          </a>
        </p>
      ) : null}
      {u.art === 'staff' ? (
        <>
          <AngabenAendern csrfToken={csrfToken} action={action} version={u.version}>
            <StaffFelder values={values} errors={errors} standorte={d.standorte} />
          </AngabenAendern>
          {u.aktiv ? (
            <section aria-labelledby="passwort" className="kern-stack-md">
              <h2 className="kern-heading-medium" id="passwort">
                Passwort
              </h2>
              <p className="kern-body">
                Die Person erhält eine E-Mail mit einem Link, über den sie ein neues Passwort festlegt ({PASSWORD_LINK_HOURS} Stunden gültig). Frühere Links werden ungültig.
              </p>
              <PostForm csrfToken={csrfToken} action={action}>
                <SubmitButton variant="secondary" name="_aktion" value="passwort_link">
                  Link zum Festlegen des Passworts senden
                </SubmitButton>
              </PostForm>
            </section>
          ) : null}
        </>
      ) : (
        <p className="kern-body">Bürgerinnen und Bürger pflegen ihre Angaben selbst. Sie können das Konto hier nur deaktivieren oder wieder aktivieren.</p>
      )}
      {d.eigenesKonto ? null : (
        <AktivUmschalten
          csrfToken={csrfToken}
          action={action}
          version={u.version}
          aktiv={u.aktiv}
          objekt="Konto"
          text={{
            aktiv: 'Konten werden nicht gelöscht, sondern deaktiviert. Die Person wird sofort auf allen Geräten abgemeldet und kann sich nicht mehr anmelden.',
            inaktiv: 'Das Konto ist deaktiviert. Nach dem Aktivieren kann sich die Person wieder anmelden.',
          }}
        />
      )}
    </div>
  );
}

export const benutzerDetailRoute: RouteObject = {
  path: 'verwaltung/benutzer/:id',
  loader: detailLoader,
  action: detailAction,
  Component: BenutzerPage,
  handle: { title: (d: { benutzer: { name: string } } | undefined) => (d ? `Konto ${d.benutzer.name}` : 'Konto') } satisfies PageHandle,
};
