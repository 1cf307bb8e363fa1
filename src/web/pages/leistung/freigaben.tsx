import { AntragOffenLassen } from '../faelle/bewilligung-abschnitt.tsx';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { freigabenListen } from '../../../server/bewilligung/freigaben.ts';
import { freigabenListe as minderungFreigaben } from '../../../server/fordern/freigaben-liste.ts';
import { can } from '../../../server/policies.ts';
import { PostForm, SubmitButton } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroText } from '../faelle/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, ['bewilligung.freigeben', 'fordern.freigeben']);
  const ctx = web(context).app;
  return {
    freigaben: can(actor, 'bewilligung.freigeben') ? await freigabenListen.execute({ ctx, actor, input: {} }) : null,
    // Minderungsbescheide with Vier-Augen-Pflicht (Fordern): approved on the procedure page
    minderungen: can(actor, 'fordern.freigeben') ? await minderungFreigaben.execute({ ctx, actor, input: {} }) : null,
  };
}

/** Teamleitung's approval queue (Vier-Augen-Prinzip). */
function FreigabenPage() {
  const { freigaben, minderungen } = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Freigaben</h1>
      {freigaben === null ? null : (
        <section aria-labelledby="bewilligungen" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="bewilligungen">
        Bewilligungen zur Freigabe
      </h2>
      <p className="kern-body">Bewilligungen, die nach den Vier-Augen-Regeln des Trägers eine zweite Person freigeben muss.</p>
      {freigaben.length === 0 ? (
        <p className="kern-body">Keine offenen Freigaben.</p>
      ) : (
        <TabellenBereich label="Offene Freigaben">
          <table className="kern-table">
            <caption className="kern-sr-only">Offene Freigaben</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Fall</th>
                <th scope="col" className="kern-table__header">Zeitraum</th>
                <th scope="col" className="kern-table__header">Grund</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Summe</th>
                <th scope="col" className="kern-table__header">Aktion</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {freigaben.map((f) => (
                <tr key={f.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/faelle/${f.bgId}#bewilligung`}>
                      {f.fallnummer}
                    </a>
                  </th>
                  <td className="kern-table__cell">{`${f.beginn} bis ${f.ende}`}</td>
                  <td className="kern-table__cell">{f.vierAugenGruende.map((g) => g.text).join('; ')}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.summeCent)}</td>
                  <td className="kern-table__cell">
                    {f.eigene ? (
                      'von Ihnen berechnet – eine andere Person gibt frei'
                    ) : (
                      <PostForm csrfToken={csrfToken} action={`/bewilligungen/${f.id}/freigeben`} aria-label={`Freigabe ${f.fallnummer}`}>
                        <input type="hidden" name="version" value={f.version} />
                        <input type="hidden" name="zurueck" value="/freigaben" />
                        <AntragOffenLassen id={f.id} vorgang={f.vorgang} />
                        <SubmitButton>{`Freigeben: ${f.fallnummer}`}</SubmitButton>
                      </PostForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
        </section>
      )}
      {minderungen === null ? null : (
        <section aria-labelledby="minderungen" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="minderungen">
            Minderungsbescheide zur Freigabe
          </h2>
          <p className="kern-body">Festgestellte Minderungen, die nach den Vier-Augen-Regeln des Trägers eine zweite Person freigeben muss. Die Freigabe erfolgt im Verfahren.</p>
          {minderungen.verfahren.length === 0 ? (
            <p className="kern-body">Kein Minderungsbescheid wartet auf Freigabe.</p>
          ) : (
            <ul className="kern-list">
              {minderungen.verfahren.map((v) => (
                <li key={v.id}>
                  <a className="kern-link" href={`/fordern/verfahren/${v.id}`}>
                    {`${v.aktenzeichen} – ${v.name}`}
                  </a>
                  {` (Fall ${v.fallnummer}): ${v.tatbestandText}, Feststellungsfrist bis ${v.fristEnde.slice(8, 10)}.${v.fristEnde.slice(5, 7)}.${v.fristEnde.slice(0, 4)}`}
                </li>
              ))}
            </ul>
          )}
          {minderungen.mehr ? <p className="kern-body">Es werden die ersten 200 angezeigt.</p> : null}
        </section>
      )}
    </div>
  );
}

export const freigabenRoute: RouteObject = { path: 'freigaben', loader, Component: FreigabenPage, handle: { title: 'Freigaben' } satisfies PageHandle };
