import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { definitionHref } from '../../../domain/statistik/definitionen.ts';
import { platzText } from '../../../domain/statistik/ranking.ts';
import { KENNZAHLEN, type VergleichMarkierung } from '../../../domain/statistik/typen.ts';
import { AppError } from '../../../server/errors.ts';
import { can } from '../../../server/policies.ts';
import { statistikVergleich } from '../../../server/statistik/vergleich.ts';
import { Alert } from '../../components/alert.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { monatText, prozentText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung/vergleich (docs/statistik.md, "Vergleich mit allen Jobcentern"): the published value of a Kennzahl in a
 * month for every Jobcenter, ranked ("Platz x von n" nationally, in the Vergleichstyp and in the Land), the own
 * published value beside the own live value. GET form, works without JavaScript. Public aggregates only.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const q = new URL(request.url).searchParams;
  const eingabe = { kennzahl: q.get('kennzahl') ?? '', monat: q.get('monat') ?? '' };
  const verwalten = can(actor, 'statistik.verwalten');
  try {
    return { eingabe, verwalten, d: await statistikVergleich.execute({ ctx: web(context).app, actor, input: eingabe }), fehler: null };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) {
      web(context).reply.code(400);
      return { eingabe, verwalten, d: null, fehler: err.issues[0]?.message ?? err.message };
    }
    throw err;
  }
}

const MARKIERUNG_TEXT: Record<VergleichMarkierung, string> = {
  imputiert: 'imputiert',
  eingeschraenkt: 'eingeschränkte Aussagekraft',
  fehlend: 'fehlt',
  geheim: 'geheim',
};

const wertText = (w: number | null, m: VergleichMarkierung | null) => (w === null ? (m === 'geheim' ? 'geheim' : '–') : prozentText(w));
const platzOder = (p: { rang: number; n: number } | null) => (p ? platzText(p) : 'kein Rang (kein Wert)');

function VergleichPage() {
  const { eingabe, verwalten, d, fehler } = useLoaderData<typeof loader>();
  const kennzahlOptionen = KENNZAHLEN.map((k) => ({ value: k, label: k }));
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Vergleich mit allen Jobcentern</h1>
        <p className="kern-body">
          Veröffentlichte Kennzahlen nach § 48a SGB II aller Jobcenter: Rang bundesweit, im Vergleichstyp und im Land. Gleiche Werte teilen sich den Rang; fehlende und
          geheime Werte zählen nicht mit. <a className="kern-link" href="/steuerung">Zurück zur Steuerung</a>
          {verwalten ? (
            <>
              {' · '}
              <a className="kern-link" href="/steuerung/vergleich/import">
                Dateien importieren
              </a>
            </>
          ) : null}
        </p>
      </div>

      <form method="get" action="/steuerung/vergleich" className="kern-stack-md form-narrow" aria-label="Kennzahl und Monat wählen">
        <SelectField name="kennzahl" label="Kennzahl" options={kennzahlOptionen} defaultValue={d?.kennzahl ?? (eingabe.kennzahl || 'K2')} />
        {d && d.monate.length ? (
          <SelectField name="monat" label="Berichtsmonat" options={d.monate.map((m) => ({ value: m, label: monatText(m) }))} defaultValue={d.monat ?? ''} />
        ) : (
          <TextField name="monat" label="Berichtsmonat" type="month" hint="Monat und Jahr, z. B. 2026-11" defaultValue={eingabe.monat} error={fehler ?? undefined} />
        )}
        <SubmitButton variant="secondary">Vergleich anzeigen</SubmitButton>
      </form>

      {d ? (
        <>
          {d.fiktiv ? (
            <Alert type="warning" title="Fiktive Beispieldaten">
              <p className="kern-body">Diese Werte stammen aus einer als fiktiv gekennzeichneten Beispieldatei. Sie sind erfunden und keine Zahlen der BA oder des BMAS.</p>
            </Alert>
          ) : null}
          {!d.monat ? (
            <Alert type="info" title="Es sind noch keine veröffentlichten Kennzahlen importiert.">
              <p className="kern-body">
                {verwalten ? (
                  <a className="kern-link" href="/steuerung/vergleich/import">
                    Datei mit Kennzahlen importieren
                  </a>
                ) : (
                  'Bitte wenden Sie sich an das Controlling.'
                )}
              </p>
            </Alert>
          ) : (
            <>
              <section aria-labelledby="eigener-titel" className="kern-stack-sm">
                <h2 className="kern-heading-medium" id="eigener-titel">
                  {`${d.kennzahl} im ${monatText(d.monat)}: Ihr Jobcenter`}
                </h2>
                <p className="kern-body">
                  <a className="kern-link" href={definitionHref(d.kennzahl)}>
                    {`${d.kennzahl}: ${d.kennzahlName}`}
                  </a>
                  {` – ${d.richtung === 'hoeher_besser' ? 'ein höherer Wert ist besser' : 'ein niedrigerer Wert ist besser'}.`}
                </p>
                {d.eigener ? (
                  <dl className="kern-description-list">
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">Jobcenter</dt>
                      <dd className="kern-description-list-item__value">{`${d.eigener.name} (${d.eigener.schluessel})`}</dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">Bundesweit</dt>
                      <dd className="kern-description-list-item__value" data-platz="national">
                        {platzOder(d.eigener.national)}
                      </dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{`Im Vergleichstyp ${d.eigener.vergleichstyp ?? '(unbekannt)'}`}</dt>
                      <dd className="kern-description-list-item__value" data-platz="vergleichstyp">
                        {platzOder(d.eigener.imVergleichstyp)}
                      </dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{`Im Land ${d.eigener.landName ?? d.eigener.land}`}</dt>
                      <dd className="kern-description-list-item__value" data-platz="land">
                        {platzOder(d.eigener.imLand)}
                      </dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">Veröffentlichter Wert</dt>
                      <dd className="kern-description-list-item__value">
                        {wertText(d.eigener.wert, d.eigener.markierung)}
                        {d.eigener.markierung && d.eigener.wert !== null ? ` (${MARKIERUNG_TEXT[d.eigener.markierung]})` : ''}
                      </dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">Eigener Wert live aus den Daten von vorort</dt>
                      <dd className="kern-description-list-item__value" data-live="">{d.live.wert === null ? `– (${d.live.grund ?? 'kein Wert'})` : prozentText(d.live.wert)}</dd>
                    </div>
                  </dl>
                ) : (
                  <Alert type="info" title="Ihr eigener Jobcenter ist nicht festgelegt.">
                    <p className="kern-body">
                      {verwalten ? (
                        <>
                          Geben Sie beim <a className="kern-link" href="/steuerung/vergleich/import">Import</a> den Schlüssel Ihres Jobcenters an.
                        </>
                      ) : (
                        'Das Controlling legt ihn beim Import fest.'
                      )}
                    </p>
                  </Alert>
                )}
              </section>

              <section aria-labelledby="rangliste-titel" className="kern-stack-sm">
                <h2 className="kern-heading-medium" id="rangliste-titel">
                  {`Rangliste bundesweit (n = ${d.n})`}
                </h2>
                <TabellenBereich label={`Rangliste ${d.kennzahl} ${monatText(d.monat)}`}>
                  <table className="kern-table">
                    <caption className="kern-sr-only">{`Rangliste ${d.kennzahl} ${monatText(d.monat)}`}</caption>
                    <thead className="kern-table__head">
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header kern-table__header--numeric">
                          Rang
                        </th>
                        <th scope="col" className="kern-table__header">
                          Jobcenter
                        </th>
                        <th scope="col" className="kern-table__header">
                          Land
                        </th>
                        <th scope="col" className="kern-table__header">
                          Vergleichstyp
                        </th>
                        <th scope="col" className="kern-table__header">
                          Trägerform
                        </th>
                        <th scope="col" className="kern-table__header kern-table__header--numeric">
                          Wert
                        </th>
                        <th scope="col" className="kern-table__header">
                          Hinweis
                        </th>
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {d.zeilen.map((z) => (
                        <tr key={z.schluessel} className="kern-table__row" data-eigener={z.eigener ? 'ja' : undefined}>
                          <td className="kern-table__cell kern-table__cell--numeric">{z.rang ?? '–'}</td>
                          <th scope="row" className="kern-table__cell">
                            {z.eigener ? <strong>{`${z.name ?? z.schluessel} – Ihr Jobcenter`}</strong> : (z.name ?? z.schluessel)}
                          </th>
                          <td className="kern-table__cell">{z.land ?? '–'}</td>
                          <td className="kern-table__cell">{z.vergleichstyp ?? '–'}</td>
                          <td className="kern-table__cell">{z.traegerTyp ?? '–'}</td>
                          <td className="kern-table__cell kern-table__cell--numeric">{wertText(z.wert, z.markierung)}</td>
                          <td className="kern-table__cell">{z.markierung ? MARKIERUNG_TEXT[z.markierung] : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TabellenBereich>
              </section>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

export const steuerungVergleichRoute: RouteObject = {
  path: 'steuerung/vergleich',
  loader,
  Component: VergleichPage,
  handle: { title: 'Vergleich mit allen Jobcentern' } satisfies PageHandle,
};
