import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { can } from '../../../server/policies.ts';
import { zahllaeufe } from '../../../server/zahlung/zahllaeufe.ts';
import { zahllauf } from '../../../server/zahlung/zahllauf.ts';
import { zahlungskonto } from '../../../server/zahlung/zahlungskonto.ts';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { PostForm, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroText } from '../faelle/shared.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'zahllauf.uebersicht');
  const app = web(context).app;
  return { laeufe: await zahllaeufe.execute({ ctx: app, actor, input: {} }), konto: await zahlungskonto.execute({ ctx: app, actor, input: {} }), darfAusfuehren: can(actor, 'zahllauf.ausfuehren') };
}

async function action({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'zahllauf.ausfuehren');
  const form = await readForm(request);
  const zahlmonat = form.get('zahlmonat').trim();
  try {
    const r = await zahllauf({ ctx: web(context).app, actor, zahlmonat });
    flash(
      context,
      r.lauf
        ? `Zahllauf ${r.zahlmonat}: ${r.neu} neue Zahlungen, zusammen ${r.lauf.anzahl} Zahlungen über ${euroText(r.lauf.summeCent)}.${r.zurueckgestellt.length ? ` ${r.zurueckgestellt.length} zurückgestellt.` : ''}`
        : `Zahllauf ${r.zahlmonat}: nichts zu zahlen (${r.bereitsErledigt} Zahlungen bereits erledigt).`,
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    // an error at the month field stays at the field with the value as entered; other errors (e.g. a missing account) as a message
    const feld = err.issues.filter((i) => i.path === 'zahlmonat');
    if (feld.length) return { zahlmonat, fehler: feld.map((i) => i.message).join(' ') };
    flash(context, `Zahllauf nicht ausgeführt: ${err.issues.length ? err.issues.map((i) => i.message).join(' ') : err.message}`);
  }
  return redirect('/zahlung');
}

/** Shown while the Träger's own account is missing: what is missing, who fixes it and where. */
function KontoFehlt(p: { darfEintragen: boolean }) {
  return (
    <div className="kern-alert kern-alert--warning" role="note" aria-labelledby="konto-fehlt">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <h2 className="kern-title" id="konto-fehlt">
          Das Konto des Trägers fehlt
        </h2>
      </div>
      <div className="kern-alert__body kern-stack-xs">
        <p className="kern-body">
          Ohne das Konto des Trägers (IBAN und Kontoinhaber), von dem die Leistungen überwiesen werden, kann kein Zahllauf die SEPA-Datei erstellen.
        </p>
        {p.darfEintragen ? (
          <p className="kern-body">
            <a className="kern-link" href="/verwaltung/traeger-einstellungen">
              Konto in den Träger-Einstellungen eintragen
            </a>
          </p>
        ) : (
          <p className="kern-body">
            Eine Person mit der Rolle Administration trägt es unter Verwaltung → Träger-Einstellungen (/verwaltung/traeger-einstellungen) ein. Danach den
            Zahllauf erneut ausführen.
          </p>
        )}
      </div>
    </div>
  );
}

/** Monthly Zahllauf: run it, see the runs and their payments, download the SEPA file. */
function ZahlungPage() {
  const { laeufe, konto, darfAusfuehren } = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  const fehler = useActionData() as { zahlmonat: string; fehler: string } | undefined;
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Zahlung</h1>
      {konto.hinterlegt ? null : <KontoFehlt darfEintragen={konto.darfEintragen} />}
      {darfAusfuehren ? (
        <PostForm csrfToken={csrfToken} action="/zahlung" className="kern-stack-md form-narrow" aria-label="Zahllauf ausführen">
          <TextField
            name="zahlmonat"
            label="Zahlmonat (JJJJ-MM)"
            hint="Höchstens der laufende Monat. Der Lauf zahlt den Folgemonat im Voraus (§ 42 SGB II) und offene Nachzahlungen. Ein zweiter Lauf zahlt nichts doppelt."
            defaultValue={fehler?.zahlmonat}
            error={fehler?.fehler}
            required
          />
          <SubmitButton>Zahllauf ausführen</SubmitButton>
        </PostForm>
      ) : null}
      <h2 className="kern-heading-medium">Zahlläufe</h2>
      {laeufe.length === 0 ? (
        <p className="kern-body">Noch keine Zahlläufe.</p>
      ) : (
        <TabellenBereich label="Zahlläufe">
          <table className="kern-table">
            <caption className="kern-sr-only">Zahlläufe</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Zahlmonat</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Zahlungen</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Summe</th>
                <th scope="col" className="kern-table__header">Zahlungen</th>
                <th scope="col" className="kern-table__header">SEPA-Datei</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {laeufe.map((l) => (
                <tr key={l.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">{`${l.zahlmonat} (Lauf ${l.nr})`}</th>
                  <td className="kern-table__cell">{l.status === 'fertig' ? 'fertig' : 'unterbrochen – wird beim nächsten Start fortgesetzt'}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{l.anzahl}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(l.summeCent)}</td>
                  <td className="kern-table__cell">
                    {darfAusfuehren && l.anzahl > 0 ? (
                      <a className="kern-link" href={`/zahlung/${l.id}`}>{`Zahlungen ${l.zahlmonat} (Lauf ${l.nr}) ansehen`}</a>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="kern-table__cell">
                    {l.hatDatei && darfAusfuehren ? (
                      <a className="kern-link" href={`/api/zahllaeufe/${l.id}/pain001`}>{`pain.001 ${l.zahlmonat} herunterladen`}</a>
                    ) : (
                      '–'
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

export const zahlungRoute: RouteObject = { path: 'zahlung', loader, action, Component: ZahlungPage, handle: { title: 'Zahlung' } satisfies PageHandle };
