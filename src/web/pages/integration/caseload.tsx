import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { caseloadLesen } from '../../../server/integration/caseload.ts';
import { can } from '../../../server/policies.ts';
import { SelectField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import { datumText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';

/**
 * Staff (German): "Meine Klientinnen und Klienten" — the caseload of the Integrationsfachkraft (Teamleitung: of the
 * team, filter by Fachkraft): person, Fallnummer, current Arbeitsmarktstatus, next agreed contact and open
 * Wiedervorlagen, overdue first. The filter is a GET form (works without JavaScript).
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'arbeitsplatz.integration');
  const fachkraftId = new URL(request.url).searchParams.get('fachkraftId') ?? '';
  const d = await caseloadLesen.execute({ ctx: web(context).app, actor, input: { fachkraftId } });
  return { ...d, umverteilen: can(actor, 'betreuung.zuweisen'), gewaehlt: fachkraftId };
}

function CaseloadPage() {
  const d = useLoaderData<typeof loader>();
  const ueberfaellig = d.personen.filter((p) => p.ueberfaelligeWiedervorlagen > 0).length;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{d.team ? 'Fallbestand des Teams' : 'Meine Klientinnen und Klienten'}</h1>
        <p className="kern-body">
          {`${d.personen.length === 1 ? 'Eine Person' : `${d.personen.length} Personen`} in Betreuung am ${datumText(d.heute)}`}
          {ueberfaellig ? `, davon ${ueberfaellig} mit überfälliger Wiedervorlage (oben).` : '.'}
        </p>
        {d.umverteilen ? (
          <p className="kern-body">
            <a className="kern-link" href="/integration/umverteilen">
              Betreuung umverteilen
            </a>
          </p>
        ) : null}
      </div>
      {d.team ? (
        <form method="get" action="/integration" className="kern-stack-md form-narrow" aria-label="Fachkraft wählen">
          <SelectField
            name="fachkraftId"
            label="Fachkraft"
            options={[{ value: 'alle', label: 'alle Fachkräfte meiner Standorte' }, { value: 'eigene', label: 'meine eigenen' }, ...d.fachkraefte.map((f) => ({ value: f.id, label: f.name }))]}
            defaultValue={d.gewaehlt || 'alle'}
          />
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">Anzeigen</span>
          </button>
        </form>
      ) : null}
      {d.personen.length === 0 ? (
        <p className="kern-body">Niemand in Betreuung.</p>
      ) : (
        <TabellenBereich label="Klientinnen und Klienten">
          <table className="kern-table">
            <caption className="kern-sr-only">Klientinnen und Klienten</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Person</th>
                <th scope="col" className="kern-table__header">Fallnummer</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Nächster Kontakt</th>
                <th scope="col" className="kern-table__header">Wiedervorlagen</th>
                {d.team ? <th scope="col" className="kern-table__header">Fachkraft</th> : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.personen.map((p) => (
                <tr key={p.personId} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/integration/personen/${p.personId}`}>{`${p.nachname}, ${p.vorname}`}</a>
                  </th>
                  <td className="kern-table__cell">
                    <a className="kern-link" href={`/faelle/${p.bgId}`}>
                      {p.fallnummer}
                    </a>
                  </td>
                  <td className="kern-table__cell">{`${p.statusText}${p.langzeitarbeitslosSeit ? `; langzeitarbeitslos seit ${datumText(p.langzeitarbeitslosSeit)}` : ''}`}</td>
                  <td className="kern-table__cell">{datumText(p.naechsterKontakt)}</td>
                  <td className="kern-table__cell">
                    {p.offeneWiedervorlagen === 0
                      ? 'keine'
                      : `${p.offeneWiedervorlagen} offen${p.ueberfaelligeWiedervorlagen ? `, ${p.ueberfaelligeWiedervorlagen} überfällig` : ''} (nächste ${datumText(p.naechsteWiedervorlage)})`}
                  </td>
                  {d.team ? <td className="kern-table__cell">{p.fachkraftName}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </div>
  );
}

export const caseloadRoute: RouteObject = {
  path: 'integration',
  loader,
  Component: CaseloadPage,
  handle: { title: 'Meine Klientinnen und Klienten' } satisfies PageHandle,
};
