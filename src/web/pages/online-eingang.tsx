import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { onlineEingang } from '../../server/portal/online-eingang.ts';
import { requirePermission, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';
import { ART_TEXT, datumText, STATUS_TEXT } from './faelle/shared.tsx';

/** Staff (German): unfinished online applications to follow up, and open online Anträge with their documents. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const r = await onlineEingang({ ctx: web(context).app, actor });
  return {
    entwuerfe: r.entwuerfe.map((e) => ({ ...e, updatedAt: e.updatedAt.toISOString(), erinnerungGesendetAm: e.erinnerungGesendetAm?.toISOString() ?? null })),
    antraege: r.antraege,
  };
}

const SCAN_TEXT: Record<string, string> = { sauber: 'virengeprüft', quarantaene: 'in Quarantäne (noch nicht geprüft)', abgelehnt: 'abgelehnt' };

function OnlineEingangPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Online-Eingang</h1>
      <section className="kern-stack-sm" aria-labelledby="online-antraege">
        <h2 className="kern-heading-medium" id="online-antraege">
          Online-Anträge und Nachweise
        </h2>
        {d.antraege.length === 0 ? <p className="kern-body">Keine offenen Online-Anträge.</p> : null}
        <div className="table-wrap">
          <table className="kern-table">
            <caption className="sr-only">Offene Online-Anträge mit hochgeladenen Nachweisen</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Antragsteller/in</th>
                <th scope="col" className="kern-table__header">Art</th>
                <th scope="col" className="kern-table__header">Antragsdatum</th>
                <th scope="col" className="kern-table__header">Standort</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Nachweise</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.antraege.map((a) => (
                <tr key={a.id} className="kern-table__row">
                  <td className="kern-table__cell">{a.bgId ? <a className="kern-link" href={`/faelle/${a.bgId}`}>{a.buergerName ?? '–'}</a> : (a.buergerName ?? '–')}</td>
                  <td className="kern-table__cell">
                    {a.art === 'veraenderung' && a.bgId ? (
                      <a className="kern-link" href={`/faelle/${a.bgId}/mitteilungen/${a.id}`}>
                        {`${ART_TEXT[a.art]} prüfen und übernehmen`}
                      </a>
                    ) : (
                      (ART_TEXT[a.art] ?? a.art)
                    )}
                  </td>
                  <td className="kern-table__cell">{datumText(a.antragsdatum)}</td>
                  <td className="kern-table__cell">{a.standortName}</td>
                  <td className="kern-table__cell">{STATUS_TEXT[a.status] ?? a.status}</td>
                  <td className="kern-table__cell">
                    {a.dateien.length === 0 ? '–' : null}
                    <ul className="kern-list">
                      {a.dateien.map((f) => (
                        <li key={f.id}>
                          {f.status === 'sauber' ? (
                            <a className="kern-link" href={`/portal/dateien/${f.id}`}>
                              {f.dateiname}
                            </a>
                          ) : (
                            f.dateiname
                          )}{' '}
                          <span className="kern-body kern-body--small">({SCAN_TEXT[f.status] ?? f.status})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="kern-stack-sm" aria-labelledby="unfertig">
        <h2 className="kern-heading-medium" id="unfertig">
          Unfertige Online-Anträge
        </h2>
        <p className="kern-body">Das Antragsdatum ist gesichert. Bitte nehmen Sie Kontakt auf, wenn ein Antrag länger nicht weitergeführt wurde.</p>
        {d.entwuerfe.length === 0 ? <p className="kern-body">Keine unfertigen Anträge.</p> : null}
        <div className="table-wrap">
          <table className="kern-table">
            <caption className="sr-only">Unfertige Online-Anträge</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">E-Mail</th>
                <th scope="col" className="kern-table__header">Antragsdatum</th>
                <th scope="col" className="kern-table__header">Zuletzt bearbeitet</th>
                <th scope="col" className="kern-table__header">Offener Schritt</th>
                <th scope="col" className="kern-table__header">Erinnert</th>
                <th scope="col" className="kern-table__header">Standort</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.entwuerfe.map((e) => (
                <tr key={e.id} className="kern-table__row">
                  <td className="kern-table__cell">{e.buergerName}</td>
                  <td className="kern-table__cell">{e.buergerEmail}</td>
                  <td className="kern-table__cell">{e.antragsdatum ? datumText(e.antragsdatum) : '– (noch nicht erklärt)'}</td>
                  <td className="kern-table__cell">{datumText(e.updatedAt.slice(0, 10))}</td>
                  <td className="kern-table__cell">{e.aktuellerSchritt ?? '–'}</td>
                  <td className="kern-table__cell">{e.erinnerungGesendetAm ? datumText(e.erinnerungGesendetAm.slice(0, 10)) : 'nein'}</td>
                  <td className="kern-table__cell">{e.standortName ?? 'noch offen'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export const onlineEingangRoute: RouteObject = {
  path: 'online-eingang',
  loader,
  Component: OnlineEingangPage,
  handle: { title: 'Online-Eingang' } satisfies PageHandle,
};
