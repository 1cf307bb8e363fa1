import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { genehmigungenAuflisten } from '../../../server/integration/genehmigungen-auflisten.ts';
import { teilnahmeGenehmigen } from '../../../server/integration/teilnahme-genehmigen.ts';
import { PostForm, SubmitButton } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis } from '../verwaltung/shared.tsx';

/** Teamleitung (German): Zuweisungen beyond the free Eingliederungsbudget, to approve or refuse. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'zuweisung.genehmigen');
  return { liste: await genehmigungenAuflisten.execute({ ctx: web(context).app, actor, input: {} }) };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'zuweisung.genehmigen');
  const form = await readForm(request);
  try {
    const r = await teilnahmeGenehmigen.execute({ ctx: web(context).app, actor, input: { id: form.get('id'), version: form.get('version'), entscheidung: form.get('entscheidung') } });
    flash(context, r.meldung);
    return redirect('/integration/genehmigungen');
  } catch (err) {
    return fallFormFailure(context, err, {}, (p) => p);
  }
}

function GenehmigungenPage() {
  const { liste } = useLoaderData<typeof loader>();
  const r = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Genehmigungen</h1>
        <p className="kern-body">Zuweisungen in Maßnahmen, für die das freie Eingliederungsbudget nicht reicht. Mit der Genehmigung wird der Platz vergeben und das Geld gebunden.</p>
      </div>
      <KonfliktHinweis text={r?.konflikt ?? Object.values(r?.errors ?? {})[0]} />
      {liste.length === 0 ? (
        <p className="kern-body">Keine Zuweisung wartet auf eine Genehmigung.</p>
      ) : (
        <TabellenBereich label="Offene Genehmigungen">
          <table className="kern-table">
            <caption className="kern-sr-only">Offene Genehmigungen</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Person</th>
                <th scope="col" className="kern-table__header">Maßnahme</th>
                <th scope="col" className="kern-table__header">Zeitraum</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Kosten</th>
                <th scope="col" className="kern-table__header">Budget (Haushaltsjahr: benötigt / frei)</th>
                <th scope="col" className="kern-table__header">Entscheidung</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {liste.map((t) => (
                <tr key={t.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/integration/personen/${t.personId}/massnahmen#teilnahme-${t.id}`}>
                      {t.name}
                    </a>
                  </th>
                  <td className="kern-table__cell">{`${t.massnahme} (${t.standortName})`}</td>
                  <td className="kern-table__cell">{`${datumText(t.geplantVon)} – ${datumText(t.geplantBis)}`}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(t.erwarteteKostenCent)}</td>
                  <td className="kern-table__cell">
                    {t.budget ? (
                      <div className="kern-stack-xs">
                        <span>{t.budget.titelText}</span>
                        <ul className="kern-list">
                          {t.budget.jahre.map((j) => (
                            <li key={j.haushaltsjahr}>{`${j.haushaltsjahr}: benötigt ${euroText(j.benoetigtCent)}, frei ${euroText(j.freiCent)}${j.benoetigtCent > j.freiCent ? ` (es fehlen ${euroText(j.benoetigtCent - j.freiCent)})` : ''}`}</li>
                          ))}
                        </ul>
                      </div>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="kern-table__cell">
                    <PostForm csrfToken={csrfToken} action="/integration/genehmigungen" aria-label={`Zuweisung für ${t.name} entscheiden`}>
                      <input type="hidden" name="id" value={t.id} />
                      <input type="hidden" name="version" value={t.version} />
                      <SubmitButton name="entscheidung" value="genehmigen">{`Genehmigen: ${t.name}`}</SubmitButton>
                      <SubmitButton variant="secondary" name="entscheidung" value="ablehnen">{`Ablehnen: ${t.name}`}</SubmitButton>
                    </PostForm>
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

export const genehmigungenRoute: RouteObject = { path: 'integration/genehmigungen', loader, action, Component: GenehmigungenPage, handle: { title: 'Genehmigungen' } satisfies PageHandle };
