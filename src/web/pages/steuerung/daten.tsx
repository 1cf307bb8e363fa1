import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { can } from '../../../server/policies.ts';
import { statistikSnapshotErstellen } from '../../../server/statistik/snapshot-erstellen.ts';
import { statistikSnapshots } from '../../../server/statistik/snapshots.ts';
import { Alert } from '../../components/alert.tsx';
import { PostForm, SubmitButton } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { DATENSTAND_TEXT, datumText, monatText, zahlText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung/daten "Stand der Daten" (docs/statistik.md, "Monats-Snapshots"): every month from the first data with its
 * snapshot – vorläufig, endgültig, im Aufbau or not yet built –, the build number, when it was built and how many
 * persons and BGs it holds; with statistik.verwalten a button per month builds it now (endgültige are frozen).
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const d = await statistikSnapshots.execute({ ctx: web(context).app, actor, input: {} });
  return { ...d, verwalten: can(actor, 'statistik.verwalten') };
}

async function action({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.verwalten');
  const form = await readForm(request);
  const monat = form.get('monat');
  try {
    const r = await statistikSnapshotErstellen.execute({ ctx: web(context).app, actor, input: { monat } });
    flash(context, `Die Statistik für ${monatText(r.monat)} wurde erstellt (Lauf ${r.lauf}, ${DATENSTAND_TEXT[r.status]}).`);
    return redirect('/steuerung/daten');
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      web(context).reply.code(err.status);
      return { fehler: err.issues[0]?.message ?? err.message, monat };
    }
    throw err;
  }
}

const STATUS_TEXT = { ...DATENSTAND_TEXT, im_aufbau: 'im Aufbau (wird fortgesetzt)' } as const;
const zeit = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function DatenPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Stand der Daten</h1>
      <p className="kern-body">
        Die Statistik eines Monats wird zum Stichtag aus der Fallakte, den Bewilligungen und der Integrationsarbeit festgehalten (jede Nacht). Drei Monate
        lang ist sie vorläufig und wird neu erstellt, wenn Nachträge kommen; danach ist sie endgültig und ändert sich nicht mehr.
      </p>
      {a?.fehler ? (
        <Alert type="danger" title={`Die Statistik für ${monatText(a.monat)} wurde nicht erstellt`}>
          <p className="kern-body">{a.fehler}</p>
        </Alert>
      ) : null}
      {d.monate.length === 0 ? (
        <Alert type="info" title="Noch keine Daten">
          <p className="kern-body">Für diesen Träger gibt es noch keinen Monat mit Bewilligungen.</p>
        </Alert>
      ) : (
        <TabellenBereich label="Monate und ihr Datenstand">
          <table className="kern-table">
            <caption className="kern-sr-only">Monate und ihr Datenstand</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Monat</th>
                <th scope="col" className="kern-table__header">Stichtag</th>
                <th scope="col" className="kern-table__header">Stand</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Lauf</th>
                <th scope="col" className="kern-table__header">Erstellt am</th>
                {d.zahlenSichtbar ? (
                  <>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">Personen in Bedarfsgemeinschaften</th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">Bedarfsgemeinschaften</th>
                  </>
                ) : null}
                {d.verwalten ? (
                  <th scope="col" className="kern-table__header">
                    Aktion
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.monate.map((m) => (
                <tr key={m.monat} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {monatText(m.monat)}
                  </th>
                  <td className="kern-table__cell">{datumText(m.stichtag)}</td>
                  <td className="kern-table__cell">{m.status ? STATUS_TEXT[m.status] : 'noch nicht erstellt'}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{m.lauf ?? '–'}</td>
                  <td className="kern-table__cell">{m.gebautAm ? zeit(m.gebautAm) : '–'}</td>
                  {d.zahlenSichtbar ? (
                    <>
                      <td className="kern-table__cell kern-table__cell--numeric">{m.personen === null ? '–' : zahlText(m.personen)}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">{m.bg === null ? '–' : zahlText(m.bg)}</td>
                    </>
                  ) : null}
                  {d.verwalten ? (
                    <td className="kern-table__cell">
                      {m.status === 'endgueltig' ? (
                        'endgültig, wird nicht neu erstellt'
                      ) : (
                        <PostForm csrfToken={csrfToken} action="/steuerung/daten" className="inline-form" aria-label={`Statistik ${monatText(m.monat)} erstellen`}>
                          <input type="hidden" name="monat" value={m.monat} />
                          <SubmitButton variant="secondary">{m.status === null ? `${monatText(m.monat)} erstellen` : `${monatText(m.monat)} neu erstellen`}</SubmitButton>
                        </PostForm>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </div>
  );
}

export const steuerungDatenRoute: RouteObject = { path: 'steuerung/daten', loader, action, Component: DatenPage, handle: { title: 'Stand der Daten' } satisfies PageHandle };
