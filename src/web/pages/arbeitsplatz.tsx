import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { can } from '../../server/policies.ts';
import { anzahlOffeneAntraege } from '../../server/fall/arbeitsvorrat.ts';
import { requirePageActor, web } from '../web-context.ts';
import { forbidden } from '../../server/errors.ts';
import type { PageHandle } from './root.tsx';

const ROLE_NAMES: Record<string, string> = {
  leistung: 'Leistungssachbearbeitung',
  integration: 'Integrationsfachkraft / Fallmanagement',
  teamleitung: 'Teamleitung',
  controlling: 'Controlling',
  admin: 'Administration',
};

/** Staff start page: one work area per role of the signed-in person. Shows only real data, never sample figures. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  if (actor.art !== 'staff') throw forbidden();
  const offeneAntraege = can(actor, 'arbeitsplatz.leistung') && can(actor, 'fall.lesen') ? await anzahlOffeneAntraege({ ctx: web(context).app, actor }) : 0;
  return {
    offeneAntraege,
    name: actor.name,
    roles: actor.roles,
    standorte: actor.standorte,
    areas: {
      leistung: can(actor, 'arbeitsplatz.leistung'),
      integration: can(actor, 'arbeitsplatz.integration'),
      teamleitung: can(actor, 'arbeitsplatz.teamleitung'),
      controlling: can(actor, 'arbeitsplatz.controlling'),
      admin: can(actor, 'organisation.verwalten'),
    },
  };
}

function Area(p: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="kern-card" aria-labelledby={p.id}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-title" id={p.id}>
            {p.title}
          </h2>
        </div>
        <div className="kern-card__body kern-stack-sm">{p.children}</div>
      </div>
    </section>
  );
}

function ArbeitsplatzPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Arbeitsplatz</h1>
        <p className="kern-body">
          {d.name} · {d.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')}
          {d.standorte.length ? ` · ${d.standorte.map((s) => s.name).join(', ')}` : ''}
        </p>
      </div>
      <div className="card-grid">
        {d.areas.leistung ? (
          <Area id="bereich-leistung" title="Leistung">
            <p className="kern-body">
              {d.offeneAntraege === 0
                ? 'Arbeitsvorrat: Es liegen keine offenen Anträge vor.'
                : `Arbeitsvorrat: ${d.offeneAntraege} ${d.offeneAntraege === 1 ? 'offener Antrag' : 'offene Anträge'} an Ihren Standorten.`}
            </p>
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/arbeitsvorrat">
                  Zum Arbeitsvorrat
                </a>
              </li>
              <li>
                <a className="kern-link" href="/faelle">
                  Fallakte suchen oder Erstantrag erfassen
                </a>
              </li>
            </ul>
          </Area>
        ) : null}
        {d.areas.integration ? (
          <Area id="bereich-integration" title="Integration">
            <p className="kern-body">Keine Termine und Wiedervorlagen.</p>
            <p className="kern-body kern-body--small">Kooperationspläne und Termine werden hier erscheinen.</p>
          </Area>
        ) : null}
        {d.areas.teamleitung ? (
          <Area id="bereich-teamleitung" title="Teamleitung">
            <p className="kern-body">Keine Freigaben offen (Vier-Augen-Prinzip).</p>
          </Area>
        ) : null}
        {d.areas.controlling ? (
          <Area id="bereich-controlling" title="Controlling">
            <p className="kern-body">Noch keine Statistikdaten: Monatsstatistik und Kennzahlen nach § 48a SGB II entstehen aus den Fallakten.</p>
          </Area>
        ) : null}
        {d.areas.admin ? (
          <Area id="bereich-admin" title="Verwaltung">
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/verwaltung">
                  Kommunen, Standorte und Benutzer verwalten
                </a>
              </li>
              <li>
                <a className="kern-link" href="/verwaltung/protokoll">
                  Zugriffsprotokoll durchsuchen
                </a>
              </li>
            </ul>
          </Area>
        ) : null}
      </div>
    </div>
  );
}

export const arbeitsplatzRoute: RouteObject = {
  path: 'arbeitsplatz',
  loader,
  Component: ArbeitsplatzPage,
  handle: { title: 'Arbeitsplatz' } satisfies PageHandle,
};
