import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { KOSTENART_TEXT, type Kostenart } from '../../../domain/kosten/index.ts';
import { AppError } from '../../../server/errors.ts';
import { heute } from '../../../server/clock.ts';
import { kostenbericht } from '../../../server/kosten/kostenbericht.ts';
import { TextField, SubmitButton } from '../../components/forms.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroText } from '../faelle/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'kosten.lesen');
  const monat = new URL(request.url).searchParams.get('monat') || heute(web(context).app.clock.now()).slice(0, 7);
  try {
    return { monat, bericht: await kostenbericht.execute({ ctx: web(context).app, actor, input: { monat } }), fehler: null };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) return { monat, bericht: null, fehler: err.issues[0]?.message ?? err.message };
    throw err;
  }
}

type Bericht = NonNullable<Awaited<ReturnType<typeof loader>>['bericht']>['imMonat'];

function Tabelle(p: { titel: string; b: Bericht; id: string; aufrechnungCent: number }) {
  return (
    <section aria-labelledby={p.id} className="kern-stack-sm">
      <h2 className="kern-heading-medium" id={p.id}>
        {p.titel}
      </h2>
      <TabellenBereich label={p.titel}>
        <table className="kern-table">
          <caption className="kern-sr-only">{p.titel}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">Position</th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">Betrag</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">Ausgaben gesamt</th>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.b.gesamtCent)}</td>
            </tr>
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">davon Bund</th>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.b.bundCent)}</td>
            </tr>
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">davon kommunal</th>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.b.kommunalCent)}</td>
            </tr>
            {(Object.keys(p.b.jeKostenart) as Kostenart[]).map((k) => (
              <tr key={k} className="kern-table__row">
                <th scope="row" className="kern-table__cell">{KOSTENART_TEXT[k]}</th>
                <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.b.jeKostenart[k])}</td>
              </tr>
            ))}
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">Kosten der Unterkunft des Kreises</th>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.b.unterkunftKreisCent)}</td>
            </tr>
            {p.b.unterkunftJeKommune.map((k) => (
              <tr key={k.kommuneId} className="kern-table__row">
                <th scope="row" className="kern-table__cell">{`Kosten der Unterkunft ${k.name}`}</th>
                <td className="kern-table__cell kern-table__cell--numeric">{euroText(k.betragCent)}</td>
              </tr>
            ))}
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">Einnahmen aus Aufrechnung (§ 43 SGB II, in den Ausgaben enthalten)</th>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(p.aufrechnungCent)}</td>
            </tr>
            <tr className="kern-table__row">
              <th scope="row" className="kern-table__cell">Bedarfsgemeinschaften mit Zahlungen</th>
              <td className="kern-table__cell kern-table__cell--numeric">{p.b.anzahlBedarfsgemeinschaften}</td>
            </tr>
          </tbody>
        </table>
      </TabellenBereich>
    </section>
  );
}

/** Kostenbericht from the bookings (month and year to date). */
function KostenPage() {
  const { monat, bericht, fehler } = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Kosten</h1>
      <form method="get" action="/kosten" className="kern-stack-md form-narrow" aria-label="Monat wählen">
        <TextField name="monat" label="Monat" type="month" hint="Monat und Jahr, z. B. 2026-12" defaultValue={monat} error={fehler ?? undefined} required />
        <SubmitButton variant="secondary">Bericht anzeigen</SubmitButton>
      </form>
      {bericht ? (
        <>
          <Tabelle id="kosten-monat" titel={`Ausgaben im ${monat}`} b={bericht.imMonat} aufrechnungCent={bericht.aufrechnung.imMonatCent} />
          <Tabelle id="kosten-jahr" titel={`Ausgaben Januar bis ${monat}`} b={bericht.bisMonat} aufrechnungCent={bericht.aufrechnung.bisMonatCent} />
        </>
      ) : null}
    </div>
  );
}

export const kostenRoute: RouteObject = { path: 'kosten', loader, Component: KostenPage, handle: { title: 'Kosten' } satisfies PageHandle };
