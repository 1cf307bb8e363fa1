import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { zahlungenDesLaufs, zahlungenFilterSchema, type ZahlungenFilterEingabe } from '../../../server/zahlung/zahlungen-des-laufs.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroText } from '../faelle/shared.tsx';
import { issuesToErrors, Zurueck } from '../verwaltung/shared.tsx';

const FELDER = ['name', 'monat', 'art', 'betragVon', 'betragBis', 'seite'] as const;
const ART_TEXT: Record<string, string> = { laufend: 'laufende Leistung', nachzahlung: 'Nachzahlung', eingliederung: 'Eingliederung (Förderleistung)', kdu_empfaenger: 'Unterkunft an Vermieter' };
const monatText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'zahllauf.ausfuehren');
  const q = new URL(request.url).searchParams;
  const roh: Record<string, string> = {};
  for (const f of FELDER) {
    const v = q.get(f);
    if (v !== null) roh[f] = v;
  }
  const eingabe = zahlungenFilterSchema.safeParse(roh);
  const id = params.id ?? '';
  const app = web(context).app;
  if (eingabe.success) {
    try {
      return { ...(await zahlungenDesLaufs({ ctx: app, actor, id, filter: eingabe.data })), fehler: {} as FieldErrors, eingabe: roh };
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      // show the run unfiltered, with the messages at the fields and the typed values kept
      return { ...(await zahlungenDesLaufs({ ctx: app, actor, id })), fehler: issuesToErrors(err.issues), eingabe: roh };
    }
  }
  return { ...(await zahlungenDesLaufs({ ctx: app, actor, id })), fehler: issuesToErrors(eingabe.error.issues), eingabe: roh };
}

/** The payments of one Zahllauf: who, which month, how much, to which (masked) IBAN; filter, pages and CSV. */
function ZahlungLaufPage() {
  const d = useLoaderData<typeof loader>();
  const { lauf } = d;
  const filterQuery = (seite?: number) => {
    const q = new URLSearchParams();
    const f = d.filter as ZahlungenFilterEingabe;
    if (f.name) q.set('name', f.name);
    if (f.monat) q.set('monat', f.monat);
    if (f.art && f.art !== 'alle') q.set('art', f.art);
    if (f.betragVon) q.set('betragVon', f.betragVon);
    if (f.betragBis) q.set('betragBis', f.betragBis);
    if (seite && seite > 1) q.set('seite', String(seite));
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  const wert = (feld: string, gefiltert: string) => (d.fehler[feld] ? (d.eingabe[feld] ?? '') : gefiltert);
  const gefiltert = !!(d.filter.name || d.filter.monat || d.filter.art !== 'alle' || d.filter.betragVon || d.filter.betragBis);
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/zahlung" label="Zahlung" />
      <h1 className="kern-heading-large">{`Zahllauf ${monatText(lauf.zahlmonat)} (Lauf ${lauf.nr})`}</h1>
      <p className="kern-body">
        {`${lauf.anzahl} Zahlungen über ${euroText(lauf.summeCent)}${lauf.status === 'fertig' ? '' : ' – der Lauf ist unterbrochen und wird beim nächsten Start fortgesetzt'}.`}
        {lauf.hatDatei ? (
          <>
            {' '}
            <a className="kern-link" href={`/api/zahllaeufe/${lauf.id}/pain001`}>{`SEPA-Datei (pain.001) herunterladen`}</a>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={d.fehler} title="Der Filter konnte nicht angewendet werden" />
      <form method="get" action={`/zahlung/${lauf.id}`} className="kern-stack-sm" aria-label="Zahlungen filtern">
        <div className="filter-bar">
          <TextField name="name" label="Name enthält" defaultValue={wert('name', d.filter.name)} error={d.fehler.name} />
          <SelectField
            name="monat"
            label="Leistungsmonat"
            options={[{ value: '', label: 'alle Monate' }, ...d.monate.map((m) => ({ value: m, label: monatText(m) }))]}
            defaultValue={d.filter.monat}
            error={d.fehler.monat}
          />
          <SelectField
            name="art"
            label="Art"
            options={[
              { value: 'alle', label: 'alle' },
              { value: 'laufend', label: 'laufende Leistung' },
              { value: 'nachzahlung', label: 'Nachzahlung' },
              { value: 'eingliederung', label: 'Eingliederung (Förderleistung)' },
              { value: 'kdu_empfaenger', label: 'Unterkunft an Vermieter' },
            ]}
            defaultValue={d.filter.art}
            error={d.fehler.art}
          />
          <TextField name="betragVon" label="Betrag von (Euro)" inputMode="decimal" defaultValue={wert('betragVon', d.filter.betragVon)} error={d.fehler.betragVon} />
          <TextField name="betragBis" label="Betrag bis (Euro)" inputMode="decimal" defaultValue={wert('betragBis', d.filter.betragBis)} error={d.fehler.betragBis} />
        </div>
        <div className="actions">
          <SubmitButton variant="secondary">Filtern</SubmitButton>
          {gefiltert ? (
            <a className="kern-link" href={`/zahlung/${lauf.id}`}>
              Filter zurücksetzen
            </a>
          ) : null}
        </div>
      </form>
      <p className="kern-body">
        {`${d.treffer} ${d.treffer === 1 ? 'Zahlung' : 'Zahlungen'}${gefiltert ? ' für diesen Filter' : ''}, zusammen ${euroText(d.summeCent)}. `}
        {d.treffer > 0 ? (
          <a className="kern-link" href={`/api/zahllaeufe/${lauf.id}/zahlungen.csv${filterQuery()}`} download>
            {`${gefiltert ? 'Diese Auswahl' : 'Alle Zahlungen'} als CSV herunterladen`}
          </a>
        ) : null}
      </p>
      {d.zahlungen.length === 0 ? (
        <p className="kern-body">{gefiltert ? 'Keine Zahlungen für diesen Filter.' : 'Dieser Lauf enthält keine Zahlungen Ihrer Standorte.'}</p>
      ) : (
        <TabellenBereich label="Zahlungen des Zahllaufs">
          <table className="kern-table">
            <caption className="kern-title">{`Zahlungen, Seite ${d.seite} von ${d.seiten}`}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">Fallnummer</th>
                <th scope="col" className="kern-table__header">Leistungsmonat</th>
                <th scope="col" className="kern-table__header">Art</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Betrag</th>
                <th scope="col" className="kern-table__header">IBAN</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.zahlungen.map((z) => (
                <tr key={z.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">{z.name}</th>
                  <td className="kern-table__cell">
                    <a className="kern-link" href={`/faelle/${z.bgId}`}>
                      {z.fallnummer}
                    </a>
                  </td>
                  <td className="kern-table__cell">{monatText(z.leistungsmonat)}</td>
                  <td className="kern-table__cell">{ART_TEXT[z.art] ?? z.art}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">
                    {euroText(z.betragCent)}
                    {z.aufrechnungCent > 0 ? <span className="kern-body--small">{` (${euroText(z.aufrechnungCent)} aufgerechnet)`}</span> : null}
                  </td>
                  <td className="kern-table__cell nowrap">{z.iban}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
      {d.seiten > 1 ? (
        <nav aria-label="Seiten der Zahlungen" className="actions">
          {d.seite > 1 ? (
            <a className="kern-link" href={`/zahlung/${lauf.id}${filterQuery(d.seite - 1)}`}>
              Vorige Seite
            </a>
          ) : null}
          <span className="kern-body">{`Seite ${d.seite} von ${d.seiten}`}</span>
          {d.seite < d.seiten ? (
            <a className="kern-link" href={`/zahlung/${lauf.id}${filterQuery(d.seite + 1)}`}>
              Nächste Seite
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export const zahlungLaufRoute: RouteObject = { path: 'zahlung/:id', loader, Component: ZahlungLaufPage, handle: { title: 'Zahllauf' } satisfies PageHandle };
