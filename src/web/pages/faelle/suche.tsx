import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { sucheFaelle } from '../../../server/fall/suche-faelle.ts';
import { can } from '../../../server/policies.ts';
import { ErrorSummary, TextField, type FieldErrors } from '../../components/forms.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, ROLLE_TEXT } from './shared.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const params = new URL(request.url).searchParams;
  const input = { name: params.get('name') ?? '', geburtsdatum: params.get('geburtsdatum') ?? '', fallnummer: params.get('fallnummer') ?? '' };
  const gesucht = Object.values(input).some((v) => v.trim() !== '');
  let errors: FieldErrors = {};
  let treffer: Awaited<ReturnType<typeof sucheFaelle.run>> = [];
  if (gesucht) {
    try {
      treffer = await sucheFaelle.execute({ ctx: web(context).app, actor, input });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      web(context).reply.code(400);
      errors = Object.fromEntries(err.issues.map((i) => [i.path, i.message]));
    }
  }
  return { input, gesucht, errors, treffer, darfAnlegen: can(actor, 'fall.bearbeiten') };
}

function FaelleSuchePage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Fälle</h1>
      {d.darfAnlegen ? (
        <p className="kern-body">
          <a className="kern-btn kern-btn--primary" href="/faelle/neu">
            <span className="kern-label">Erstantrag erfassen</span>
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={d.errors} title="Bitte prüfen Sie Ihre Suche" />
      <section aria-labelledby="suche" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="suche">
          Fallakte suchen
        </h2>
        <search aria-label="Fallakten suchen">
        <form method="get" action="/faelle" className="filter-bar">
          <TextField name="name" label="Name" hint="Vor- oder Nachname, auch frühere Namen" defaultValue={d.input.name} error={d.errors.name} />
          <TextField name="geburtsdatum" label="Geburtsdatum" type="date" defaultValue={d.input.geburtsdatum} error={d.errors.geburtsdatum} />
          <TextField name="fallnummer" label="Fallnummer" hint="z. B. BG-000123" defaultValue={d.input.fallnummer} error={d.errors.fallnummer} />
          <button className="kern-btn kern-btn--secondary" type="submit">
            <span className="kern-label">Suchen</span>
          </button>
        </form>
        </search>
      </section>
      {d.gesucht && Object.keys(d.errors).length === 0 ? (
        d.treffer.length === 0 ? (
          // A live region announcing the empty result.
          // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
          <p className="kern-body" role="status">
            Keine Fallakte gefunden. Gesucht wird in den Fällen Ihrer Standorte.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="kern-table">
              <caption className="kern-title">{`Treffer (${d.treffer.length})`}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Name</th>
                  <th scope="col" className="kern-table__header">Geburtsdatum</th>
                  <th scope="col" className="kern-table__header">Rolle</th>
                  <th scope="col" className="kern-table__header">Fallnummer</th>
                  <th scope="col" className="kern-table__header">Standort</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.treffer.map((t) => (
                  <tr className="kern-table__row" key={`${t.bgId}-${t.personId}`}>
                    <th scope="row" className="kern-table__cell">
                      <a className="kern-link" href={`/faelle/${t.bgId}`}>
                        {`${t.nachname}, ${t.vorname}`}
                      </a>
                    </th>
                    <td className="kern-table__cell">{datumText(t.geburtsdatum)}</td>
                    <td className="kern-table__cell">
                      {ROLLE_TEXT[t.rolle] ?? t.rolle}
                      {t.aktuell ? '' : ' (früher)'}
                    </td>
                    <td className="kern-table__cell">{t.fallnummer}</td>
                    <td className="kern-table__cell">{t.standort}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </div>
  );
}

export const faelleSucheRoute: RouteObject = {
  path: 'faelle',
  loader,
  Component: FaelleSuchePage,
  handle: { title: 'Fälle' } satisfies PageHandle,
};
