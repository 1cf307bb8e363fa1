import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AUDIT_PAGE_DEFAULT, protokollDurchsuchen, type PersonRef } from '../../../server/admin/search-audit.ts';
import { AppError } from '../../../server/errors.ts';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, issuesToErrors, Zurueck } from './shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

const FIELDS = ['person', 'actor', 'von', 'bis'] as const;
type Filter = Record<(typeof FIELDS)[number], string>;

const ACTION_LABELS: Record<string, string> = {
  read: 'angesehen',
  search: 'gesucht / Liste angesehen',
  create: 'angelegt',
  update: 'geändert',
  deactivate: 'deaktiviert',
  activate: 'wieder aktiviert',
  password_link: 'Link zum Passwort gesendet',
  export: 'exportiert',
  login: 'angemeldet',
  logout: 'abgemeldet',
};
const OBJECT_LABELS: Record<string, string> = {
  user: 'Konto',
  kommune: 'Kommune',
  standort: 'Standort',
  audit_log: 'Zugriffsprotokoll',
};

type Entry = {
  id: number;
  at: string;
  actorName: string | null;
  actorUserId: string | null;
  actorRole: string;
  objectType: string;
  objectId: string | null;
  personId: string | null;
  personName: string | null;
  action: string;
  purpose: string;
  requestId: string | null;
  felder: string[];
};

/**
 * /verwaltung/protokoll: search the audit trail by person, actor and period. Nothing is searched until the
 * form is sent (every search is itself recorded).
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'protokoll.durchsuchen');
  const params = new URL(request.url).searchParams;
  const filter = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? '').trim()])) as Filter;
  const seite = Math.max(1, Math.min(10_000, Number.parseInt(params.get('seite') ?? '1', 10) || 1));
  const gesucht = FIELDS.some((f) => params.has(f));
  const base = { filter, seite, gesucht, errors: {} as FieldErrors, kandidaten: {} as Record<string, PersonRef[]> };
  if (!gesucht) return { ...base, ergebnis: null };
  try {
    const r = await protokollDurchsuchen.execute({
      ctx: web(context).app,
      actor,
      input: {
        person: filter.person || undefined,
        actor: filter.actor || undefined,
        von: filter.von || undefined,
        bis: filter.bis || undefined,
        limit: AUDIT_PAGE_DEFAULT,
        offset: (seite - 1) * AUDIT_PAGE_DEFAULT,
      },
    });
    const eintraege: Entry[] = r.eintraege.map((e) => {
      const details = (e.details ?? {}) as { felder?: unknown };
      return {
        id: e.id,
        at: e.at.toISOString(),
        actorName: e.actorName,
        actorUserId: e.actorUserId,
        actorRole: e.actorRole,
        objectType: e.objectType,
        objectId: e.objectId,
        personId: e.personId,
        personName: e.personName,
        action: e.action,
        purpose: e.purpose,
        requestId: e.requestId,
        felder: Array.isArray(details.felder) ? details.felder.map(String) : [],
      };
    });
    return { ...base, ergebnis: { eintraege, weitere: r.weitere, person: r.person, actor: r.actor } };
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      web(context).reply.code(400);
      return { ...base, errors: issuesToErrors(err.issues), kandidaten: (err.extra.kandidaten ?? {}) as Record<string, PersonRef[]>, ergebnis: null };
    }
    throw err;
  }
}

const linkWith = (filter: Filter, patch: Partial<Filter> & { seite?: number }) => {
  const p = new URLSearchParams();
  for (const f of FIELDS) p.set(f, patch[f] ?? filter[f]);
  if (patch.seite && patch.seite > 1) p.set('seite', String(patch.seite));
  return `/verwaltung/protokoll?${p.toString()}`;
};

function Kandidaten(p: { field: 'person' | 'actor'; list: PersonRef[] | undefined; filter: Filter }) {
  if (!p.list?.length) return null;
  return (
    <div className="kern-stack-xs">
      <p className="kern-body">{p.field === 'person' ? 'Passende Konten (betroffene Person):' : 'Passende Konten (handelnde Person):'}</p>
      <ul className="kern-list">
        {p.list.map((k) => (
          <li key={k.id}>
            <a className="kern-link" href={linkWith(p.filter, { [p.field]: k.id })}>
              {k.name} ({k.email})
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProtokollPage() {
  const d = useLoaderData<typeof loader>();
  const r = d.ergebnis;
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <h1 className="kern-heading-large">Zugriffsprotokoll</h1>
      <p className="kern-body">
        Das Protokoll verzeichnet jeden Lese- und Schreibzugriff auf personenbezogene Daten (§ 35 SGB I, §§ 67 ff. SGB X): wann, wer in welcher Rolle, was, zu welchem Zweck.
        Einträge lassen sich weder ändern noch löschen. Jede Suche hier wird selbst protokolliert.
      </p>
      <ErrorSummary errors={d.errors} title="Bitte prüfen Sie die Suchangaben" />
      <search aria-label="Zugriffsprotokoll durchsuchen">
        <form method="get" action="/verwaltung/protokoll" className="kern-stack-md">
        <div className="filter-bar">
          <TextField name="person" label="Betroffene Person" hint="Name, E-Mail-Adresse oder ID" defaultValue={d.filter.person} error={d.errors.person} />
          <TextField name="actor" label="Handelnde Person" hint="Name, E-Mail-Adresse oder ID" defaultValue={d.filter.actor} error={d.errors.actor} />
          <TextField name="von" type="date" label="Von (Tag)" defaultValue={d.filter.von} error={d.errors.von} />
          <TextField name="bis" type="date" label="Bis einschließlich (Tag)" defaultValue={d.filter.bis} error={d.errors.bis} />
        </div>
        <SubmitButton>Suchen</SubmitButton>
        </form>
      </search>
      <Kandidaten field="person" list={d.kandidaten.person} filter={d.filter} />
      <Kandidaten field="actor" list={d.kandidaten.actor} filter={d.filter} />
      {r ? (
        <section aria-labelledby="ergebnis" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="ergebnis">
            Ergebnis
          </h2>
          <p className="kern-body">
            {[
              r.person ? `Betroffene Person: ${r.person.name ?? r.person.id}${r.person.email ? ` (${r.person.email})` : ''}` : null,
              r.actor ? `Handelnde Person: ${r.actor.name ?? r.actor.id}${r.actor.email ? ` (${r.actor.email})` : ''}` : null,
              d.filter.von || d.filter.bis ? `Zeitraum: ${d.filter.von || 'Beginn'} bis ${d.filter.bis || 'heute'} (Zeitzone Europe/Berlin)` : null,
            ]
              .filter(Boolean)
              .join(' · ') || 'Alle Einträge, neueste zuerst.'}
          </p>
          {r.eintraege.length === 0 ? (
            <p className="kern-body">Keine Einträge gefunden.</p>
          ) : (
            <TabellenBereich label="Einträge des Zugriffsprotokolls">
              <table className="kern-table kern-table--small">
                <caption className="kern-title">
                  Einträge {(d.seite - 1) * AUDIT_PAGE_DEFAULT + 1}–{(d.seite - 1) * AUDIT_PAGE_DEFAULT + r.eintraege.length}, neueste zuerst
                </caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">Zeit</th>
                    <th scope="col" className="kern-table__header">Handelnde Person (Rolle)</th>
                    <th scope="col" className="kern-table__header">Vorgang</th>
                    <th scope="col" className="kern-table__header">Betroffene Person</th>
                    <th scope="col" className="kern-table__header">Zweck</th>
                    <th scope="col" className="kern-table__header">Anfrage-Nr.</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {r.eintraege.map((e) => (
                    <tr className="kern-table__row" key={e.id}>
                      <th scope="row" className="kern-table__cell">
                        <time dateTime={e.at}>{berlinZeit(e.at)}</time>
                      </th>
                      <td className="kern-table__cell">
                        {`${e.actorName ?? e.actorUserId ?? 'System'} (${e.actorRole})`}
                      </td>
                      <td className="kern-table__cell">
                        {`${OBJECT_LABELS[e.objectType] ?? e.objectType} ${ACTION_LABELS[e.action] ?? e.action}`}
                        {e.felder.length ? <span className="kern-body--small"> – Felder: {e.felder.join(', ')}</span> : null}
                        {e.objectId ? <span className="kern-body--small"> · {e.objectId}</span> : null}
                      </td>
                      <td className="kern-table__cell">{e.personId ? (e.personName ?? e.personId) : '–'}</td>
                      <td className="kern-table__cell">{e.purpose}</td>
                      <td className="kern-table__cell kern-body--small">{e.requestId ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellenBereich>
          )}
          {d.seite > 1 || r.weitere ? (
            <nav aria-label="Seiten des Ergebnisses" className="actions">
              {d.seite > 1 ? (
                <a className="kern-link" href={linkWith(d.filter, { seite: d.seite - 1 })}>
                  Neuere Einträge
                </a>
              ) : null}
              {r.weitere ? (
                <a className="kern-link" href={linkWith(d.filter, { seite: d.seite + 1 })}>
                  Ältere Einträge
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const protokollRoute: RouteObject = {
  path: 'verwaltung/protokoll',
  loader,
  Component: ProtokollPage,
  handle: { title: 'Zugriffsprotokoll' } satisfies PageHandle,
};
