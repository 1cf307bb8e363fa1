import type { ReactNode } from 'react';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { can } from '../../server/policies.ts';
import { startUebersicht } from '../../server/start/uebersicht.ts';
import { requirePageActor, web } from '../web-context.ts';
import { forbidden } from '../../server/errors.ts';
import type { PageHandle } from './root.tsx';
import { datumText } from './faelle/shared.tsx';

const ROLE_NAMES: Record<string, string> = {
  leistung: 'Leistungssachbearbeitung',
  integration: 'Integrationsfachkraft / Fallmanagement',
  teamleitung: 'Teamleitung',
  controlling: 'Controlling',
  admin: 'Administration',
};

/** Staff start page: today's numbers from the database for the person's roles and Standorte, and the work areas. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  if (actor.art !== 'staff') throw forbidden();
  const zahlen = await startUebersicht({ ctx: web(context).app, actor });
  return {
    zahlen,
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

/** "1 offener Antrag" / "3 offene Anträge" */
const anzahl = (n: number, eins: string, mehr: string) => `${n} ${n === 1 ? eins : mehr}`;

/** One number tile: the count in words, with a link to the list for people who may open it. */
function Kachel(p: { id: string; titel: string; text: string; link?: { href: string; label: string } | null; children?: ReactNode }) {
  return (
    <section className="kern-card kachel" aria-labelledby={p.id}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h3 className="kern-title" id={p.id}>
            {p.titel}
          </h3>
        </div>
        <div className="kern-card__body kern-stack-xs">
          <p className="kern-body">{p.text}</p>
          {p.children}
          {p.link ? (
            <p className="kern-body">
              <a className="kern-link" href={p.link.href}>
                {p.link.label}
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function Area(p: { id: string; title: string; children: ReactNode }) {
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
  const z = d.zahlen;
  const bereich = z.aggregat ? 'im ganzen Träger' : 'an Ihren Standorten';
  const hatZahlen = !!(z.freigaben || z.minderungFreigaben || z.termine || z.wiedervorlagen || z.onlineAntraege || z.offeneAntraege);
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Arbeitsplatz</h1>
        <p className="kern-body">
          {d.name} · {d.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ')}
          {d.standorte.length ? ` · ${d.standorte.map((s) => s.name).join(', ')}` : ''}
        </p>
      </div>
      {hatZahlen ? (
        <section aria-labelledby="heute" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="heute">
            {`Heute, ${datumText(z.heute)}`}
          </h2>
          {z.aggregat ? <p className="kern-body kern-body--small">Kennzahlen des ganzen Trägers, ohne Angaben zu einzelnen Personen.</p> : null}
          <div className="card-grid">
            {z.freigaben ? (
              <Kachel
                id="kachel-freigaben"
                titel="Freigaben (Vier-Augen-Prinzip)"
                text={z.freigaben.anzahl === 0 ? `Keine Bewilligung wartet ${bereich} auf Freigabe.` : `${anzahl(z.freigaben.anzahl, 'Bewilligung wartet', 'Bewilligungen warten')} ${bereich} auf Freigabe.`}
                link={z.freigaben.link ? { href: z.freigaben.link, label: 'Zu den Freigaben' } : null}
              />
            ) : null}
            {z.minderungFreigaben ? (
              <Kachel
                id="kachel-minderung-freigaben"
                titel="Minderungsbescheide zur Freigabe"
                text={z.minderungFreigaben.anzahl === 0 ? `Kein Minderungsbescheid wartet ${bereich} auf Freigabe.` : `${anzahl(z.minderungFreigaben.anzahl, 'Minderungsbescheid wartet', 'Minderungsbescheide warten')} ${bereich} auf Freigabe.`}
                link={z.minderungFreigaben.link ? { href: z.minderungFreigaben.link, label: 'Zu den Freigaben' } : null}
              />
            ) : null}
            {z.termine ? (
              <Kachel
                id="kachel-termine"
                titel="Termine heute"
                text={z.termine.anzahl === 0 ? `Heute keine Termine ${bereich}.` : `${anzahl(z.termine.anzahl, 'Termin', 'Termine')} heute ${bereich}.`}
              >
                {z.termine.jeStandort.length ? (
                  <ul className="kern-list">
                    {z.termine.jeStandort.map((s) => (
                      <li key={s.standortId}>
                        {s.link ? (
                          <a className="kern-link" href={s.link}>
                            {`${s.name}: ${anzahl(s.anzahl, 'Termin', 'Termine')}`}
                          </a>
                        ) : (
                          `${s.name}: ${anzahl(s.anzahl, 'Termin', 'Termine')}`
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Kachel>
            ) : null}
            {z.wiedervorlagen ? (
              <Kachel
                id="kachel-wiedervorlagen"
                titel="Wiedervorlagen"
                text={
                  z.wiedervorlagen.heute + z.wiedervorlagen.ueberfaellig === 0
                    ? `Keine Wiedervorlage ${bereich} ist heute fällig oder überfällig.`
                    : `${anzahl(z.wiedervorlagen.heute, 'Wiedervorlage', 'Wiedervorlagen')} heute fällig, ${z.wiedervorlagen.ueberfaellig} überfällig ${bereich}.`
                }
                link={z.wiedervorlagen.link ? { href: z.wiedervorlagen.link, label: 'Zu den fälligen Wiedervorlagen' } : null}
              />
            ) : null}
            {z.onlineAntraege ? (
              <Kachel
                id="kachel-online"
                titel="Neue Online-Anträge"
                text={z.onlineAntraege.anzahl === 0 ? `Keine neuen Online-Anträge ${bereich}.` : `${anzahl(z.onlineAntraege.anzahl, 'neuer Online-Antrag', 'neue Online-Anträge')} ${bereich}.`}
                link={z.onlineAntraege.link ? { href: z.onlineAntraege.link, label: 'Zum Online-Eingang' } : null}
              />
            ) : null}
            {z.offeneAntraege ? (
              <Kachel
                id="kachel-antraege"
                titel="Arbeitsvorrat"
                text={z.offeneAntraege.anzahl === 0 ? `${z.aggregat ? 'Im ganzen Träger' : 'An Ihren Standorten'}: Es liegen keine offenen Anträge vor.` : `${anzahl(z.offeneAntraege.anzahl, 'offener Antrag', 'offene Anträge')} ${bereich}.`}
                link={z.offeneAntraege.link ? { href: z.offeneAntraege.link, label: 'Zum Arbeitsvorrat' } : null}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      <div className="card-grid">
        {d.areas.leistung ? (
          <Area id="bereich-leistung" title="Leistung">
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/arbeitsvorrat">
                  Arbeitsvorrat
                </a>
              </li>
              <li>
                <a className="kern-link" href="/faelle">
                  Fallakte suchen oder Erstantrag erfassen
                </a>
              </li>
              <li>
                <a className="kern-link" href="/zahlung">
                  Zahlung
                </a>
              </li>
            </ul>
          </Area>
        ) : null}
        {d.areas.integration ? (
          <Area id="bereich-integration" title="Integration">
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/integration">
                  Meine Klientinnen und Klienten
                </a>
              </li>
              <li>
                <a className="kern-link" href="/termine/kalender">
                  Terminkalender
                </a>
              </li>
              <li>
                <a className="kern-link" href="/integration/massnahmen">
                  Maßnahmen
                </a>
              </li>
              <li>
                <a className="kern-link" href="/faelle">
                  Fallakte suchen
                </a>
              </li>
            </ul>
          </Area>
        ) : null}
        {d.areas.teamleitung ? (
          <Area id="bereich-teamleitung" title="Teamleitung">
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/integration/umverteilen">
                  Betreuung umverteilen
                </a>
              </li>
              <li>
                <a className="kern-link" href="/freigaben">
                  Freigaben (Vier-Augen-Prinzip)
                </a>
              </li>
              <li>
                <a className="kern-link" href="/massenaenderung">
                  Massenänderung
                </a>
              </li>
              <li>
                <a className="kern-link" href="/integration/budget">
                  Eingliederungsbudget
                </a>
              </li>
              <li>
                <a className="kern-link" href="/integration/massnahmen">
                  Maßnahmenprogramm
                </a>
              </li>
              <li>
                <a className="kern-link" href="/integration/genehmigungen">
                  Genehmigungen (Zuweisungen über dem Budget)
                </a>
              </li>
            </ul>
          </Area>
        ) : null}
        {d.areas.controlling ? (
          <Area id="bereich-controlling" title="Controlling">
            <ul className="kern-list">
              <li>
                <a className="kern-link" href="/kosten">
                  Kostenbericht
                </a>
              </li>
              <li>
                <a className="kern-link" href="/zahlung">
                  Zahlläufe (Summen)
                </a>
              </li>
              <li>
                <a className="kern-link" href="/integration/budget">
                  Eingliederungsbudget (Summen)
                </a>
              </li>
            </ul>
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
