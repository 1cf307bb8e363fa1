import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { DEFINITION_GRUPPEN, DEFINITIONEN, definitionAnker, type DefinitionGruppe } from '../../../domain/statistik/definitionen.ts';
import { requirePermission } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/**
 * /steuerung/definitionen (docs/statistik.md, "Live-Kennzahlen und Seiten"): every figure of the Steuerung with its
 * definition, norm and source; each entry's id is the anchor the figures link to (`definitionHref`). Static text,
 * open to everybody holding statistik.lesen.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, 'statistik.lesen');
  const gruppen = (Object.keys(DEFINITION_GRUPPEN) as DefinitionGruppe[]).map((g) => ({
    gruppe: g,
    titel: DEFINITION_GRUPPEN[g],
    eintraege: Object.entries(DEFINITIONEN)
      .filter(([, d]) => d.gruppe === g)
      .map(([kennung, d]) => ({ kennung, anker: definitionAnker(kennung), ...d })),
  }));
  return { gruppen };
}

function DefinitionenPage() {
  const { gruppen } = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Definitionen</h1>
        <p className="kern-body">
          So zählt vorort die Zahlen der Steuerung: Monatsbericht, Kennzahlen nach § 48a SGB II und Vergleich. Jede Zahl auf den Seiten der Steuerung führt hierher.{' '}
          <a className="kern-link" href="/steuerung">
            Zurück zur Steuerung
          </a>
        </p>
      </div>
      <nav aria-label="Abschnitte der Definitionen">
        <ul className="kern-list">
          {gruppen.map((g) => (
            <li key={g.gruppe}>
              <a className="kern-link" href={`#gruppe-${g.gruppe}`}>
                {g.titel}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {gruppen.map((g) => (
        <section key={g.gruppe} aria-labelledby={`gruppe-${g.gruppe}`} className="kern-stack-md">
          <h2 className="kern-heading-medium" id={`gruppe-${g.gruppe}`}>
            {g.titel}
          </h2>
          <dl className="kern-stack-sm definitionen">
            {g.eintraege.map((e) => (
              <div key={e.kennung} id={e.anker} className="kern-stack-xs definition">
                <dt className="kern-title">
                  {e.titel} <span className="kern-body kern-body--small">({e.kennung})</span>
                </dt>
                <dd className="kern-body">{e.text}</dd>
                {e.norm ? <dd className="kern-body kern-body--small">Rechtsgrundlage: {e.norm}</dd> : null}
                {e.quelle ? <dd className="kern-body kern-body--small">Quelle: {e.quelle}</dd> : null}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

export const steuerungDefinitionenRoute: RouteObject = {
  path: 'steuerung/definitionen',
  loader,
  Component: DefinitionenPage,
  handle: { title: 'Definitionen der Steuerung' } satisfies PageHandle,
};
