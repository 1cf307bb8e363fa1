import { AntragOffenLassen } from '../faelle/bewilligung-abschnitt.tsx';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { freigabenListen } from '../../../server/bewilligung/freigaben.ts';
import { PostForm, SubmitButton } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroText } from '../faelle/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'bewilligung.freigeben');
  return { freigaben: await freigabenListen.execute({ ctx: web(context).app, actor, input: {} }) };
}

/** Teamleitung's approval queue (Vier-Augen-Prinzip). */
function FreigabenPage() {
  const { freigaben } = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Freigaben</h1>
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
    </div>
  );
}

export const freigabenRoute: RouteObject = { path: 'freigaben', loader, Component: FreigabenPage, handle: { title: 'Freigaben' } satisfies PageHandle };
