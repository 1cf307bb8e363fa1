import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { DEFINITIONEN, definitionHref } from '../../../domain/statistik/definitionen.ts';
import { AppError } from '../../../server/errors.ts';
import { can } from '../../../server/policies.ts';
import { berichtAuswahl } from '../../../server/statistik/bericht-auswahl.ts';
import { statistikKennzahlen } from '../../../server/statistik/kennzahlen.ts';
import { Alert } from '../../components/alert.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { bereichWahl, DATENSTAND_TEXT, datumText, monatText, prozentText, zahlText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung (docs/statistik.md, "Live-Kennzahlen und Seiten"): the start of the Steuerung – links to its parts and
 * the key figures of the latest month with a snapshot (BG, eLb, K2, K3) with their data stand, for the whole Träger
 * (teamleitung: its first Standort). Aggregates only.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const ctx = web(context).app;
  const auswahl = await berichtAuswahl.execute({ ctx, actor, input: {} });
  const wahl = bereichWahl(new URLSearchParams(), auswahl);
  const verwalten = can(actor, 'statistik.verwalten');
  if (!wahl.ebene) return { verwalten, daten: null, keinSnapshot: false };
  try {
    const d = await statistikKennzahlen.execute({ ctx, actor, input: { ebene: wahl.ebene, region: wahl.region } });
    const daten = {
      monat: d.monat,
      stichtag: d.stichtag,
      region: d.region.name,
      link: `/steuerung/kennzahlen?monat=${d.monat}&bereich=${encodeURIComponent(wahl.bereich)}`,
      datenstand: d.datenstand,
      bg: d.eckwerte.bg,
      elb: d.eckwerte.elb,
      k2: d.ergebnis.kennzahlen.K2?.wert ?? null,
      k3: d.ergebnis.kennzahlen.K3?.wert ?? null,
    };
    return { verwalten, daten, keinSnapshot: false };
  } catch (err) {
    if (err instanceof AppError && err.code === 'statistik_kein_snapshot') return { verwalten, daten: null, keinSnapshot: true };
    throw err;
  }
}

function Karte(p: { id: string; href: string; title: string; text: string }) {
  return (
    <section className="kern-card" aria-labelledby={p.id}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-title" id={p.id}>
            <a className="kern-link" href={p.href}>
              {p.title}
            </a>
          </h2>
        </div>
        <div className="kern-card__body">
          <p className="kern-body">{p.text}</p>
        </div>
      </div>
    </section>
  );
}

function Eckwert(p: { kennung: string; titel: string; wert: string }) {
  return (
    <div className="kern-description-list-item" data-kennung={p.kennung}>
      <dt className="kern-description-list-item__key">
        <a className="kern-link" href={definitionHref(p.kennung)}>
          {p.titel}
        </a>
      </dt>
      <dd className="kern-description-list-item__value">{p.wert}</dd>
    </div>
  );
}

function SteuerungPage() {
  const d = useLoaderData<typeof loader>();
  const z = d.daten;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Steuerung</h1>
        <p className="kern-body">Monatsbericht, Kennzahlen nach § 48a SGB II und Vergleich mit anderen Jobcentern – nur zusammengefasste Zahlen, nie einzelne Personen.</p>
      </div>
      {z ? (
        <section aria-labelledby="eckwerte" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="eckwerte">
            {`Eckwerte ${monatText(z.monat)}`}
          </h2>
          <p className="kern-body">
            {z.region}, Stichtag {datumText(z.stichtag)}. <a className="kern-link" href={definitionHref('datenstand')}>Datenstand</a>: {DATENSTAND_TEXT[z.datenstand]}.
          </p>
          <dl className="kern-description-list">
            <Eckwert kennung="bg" titel={DEFINITIONEN.bg!.titel} wert={z.bg === null ? '–' : zahlText(z.bg)} />
            <Eckwert kennung="elb" titel={DEFINITIONEN.elb!.titel} wert={z.elb === null ? '–' : zahlText(z.elb)} />
            <Eckwert kennung="K2" titel={DEFINITIONEN.K2!.titel} wert={z.k2 === null ? '–' : prozentText(z.k2)} />
            <Eckwert kennung="K3" titel={DEFINITIONEN.K3!.titel} wert={z.k3 === null ? '–' : prozentText(z.k3)} />
          </dl>
          <p className="kern-body">
            <a className="kern-link" href={z.link}>
              Alle Kennzahlen dieses Monats
            </a>
          </p>
        </section>
      ) : d.keinSnapshot ? (
        <Alert type="info" title="Es gibt noch keine Statistik.">
          <p className="kern-body">
            Die Statistik wird jede Nacht erstellt. Welche Monate vorliegen, zeigt <a className="kern-link" href="/steuerung/daten">Stand der Daten</a>.
          </p>
        </Alert>
      ) : (
        <Alert type="info" title="Ihrem Konto ist kein Standort zugeordnet." />
      )}
      <div className="card-grid">
        <Karte id="s-monatsbericht" href="/steuerung/monatsbericht" title="Monatsbericht" text="Bedarfsgemeinschaften, Personen, Integrationen, Arbeitslose, Kosten und Aufteilungen eines Monats – als Seite, PDF, CSV und Excel." />
        <Karte id="s-kennzahlen" href="/steuerung/kennzahlen" title="Kennzahlen" text="Die Kennzahlen nach § 48a SGB II mit Zähler und Nenner, Verlauf über 25 Monate und Vergleich der Kommunen und Standorte." />
        <Karte id="s-vergleich" href="/steuerung/vergleich" title="Vergleich" text="Rang unter allen Jobcentern, im Vergleichstyp und im Land nach den veröffentlichten Kennzahlen." />
        <Karte id="s-pressetext" href="/steuerung/pressetext" title="Pressetext" text="Entwurf einer Pressemitteilung aus dem Monatsbericht." />
        <Karte id="s-daten" href="/steuerung/daten" title="Stand der Daten" text="Welche Monate erstellt sind, vorläufig oder endgültig, und wann zuletzt." />
        {d.verwalten ? <Karte id="s-einstellungen" href="/steuerung/einstellungen" title="Einstellungen" text="Stichtag, Land, Grenze für kleine Zahlen und Bezugsgrößen der Quoten." /> : null}
        <Karte id="s-definitionen" href="/steuerung/definitionen" title="Definitionen" text="Wie jede Zahl gezählt wird, mit Rechtsgrundlage und Quelle." />
      </div>
    </div>
  );
}

export const steuerungRoute: RouteObject = { path: 'steuerung', loader, Component: SteuerungPage, handle: { title: 'Steuerung' } satisfies PageHandle };
