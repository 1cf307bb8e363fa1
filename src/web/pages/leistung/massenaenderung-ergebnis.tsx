import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { ERGEBNIS_FILTER, massenaenderungErgebnis, PRO_SEITE, type ErgebnisFilter } from '../../../server/massenaenderung/ergebnis.ts';
import { SelectField, SubmitButton } from '../../components/forms.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, euroText } from '../faelle/shared.tsx';
import { berlinZeit, Fakten, Zurueck } from '../verwaltung/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

const FILTER_TEXT: Record<ErgebnisFilter, string> = { alle: 'Alle bearbeiteten Fälle', geaendert: 'Nur geänderte Fälle', fehler: 'Nur Fälle mit Fehler' };
const STATUS: Record<string, string> = { laufend: 'läuft', pausiert: 'pausiert', fertig: 'fertig', abgebrochen: 'abgebrochen' };

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'massenaenderung.ausfuehren');
  const q = new URL(request.url).searchParams;
  return massenaenderungErgebnis.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '', filter: q.get('filter') ?? undefined, seite: q.get('seite') ?? undefined, proSeite: q.get('proSeite') ?? undefined } });
}

const monatText = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '–');

function BescheidZelle(p: { bescheidId: string | null; erstellt: boolean; pdf: boolean; fallnummer: string }) {
  if (!p.bescheidId) return <>–</>;
  if (!p.erstellt) return <>wird erstellt</>;
  return (
    <a className="kern-link" href={`/api/bescheide/${p.bescheidId}.pdf`}>
      {`Änderungsbescheid ${p.fallnummer} (PDF${p.pdf ? '' : ', wird beim Öffnen erstellt'})`}
    </a>
  );
}

/** The result of one Massenänderung: counts, the handled cases page by page, filter and CSV export. */
function ErgebnisPage() {
  const d = useLoaderData<typeof loader>();
  const { job, zahlen } = d;
  const link = (o: { filter?: ErgebnisFilter; seite?: number }) => {
    const q = new URLSearchParams();
    const filter = o.filter ?? d.filter;
    if (filter !== 'alle') q.set('filter', filter);
    if (d.proSeite !== PRO_SEITE) q.set('proSeite', String(d.proSeite));
    if (o.seite && o.seite > 1) q.set('seite', String(o.seite));
    const s = q.toString();
    return `/massenaenderung/${job.id}${s ? `?${s}` : ''}`;
  };
  const csv = `/api/massenaenderungen/${job.id}/faelle.csv${d.filter === 'alle' ? '' : `?filter=${d.filter}`}`;
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/massenaenderung" label="Massenänderung" />
      <h1 className="kern-heading-large">{`Ergebnis der Massenänderung ab ${datumText(job.ab)}`}</h1>
      <Fakten
        items={[
          ['Grund', job.grund],
          ['Status', STATUS[job.status] ?? job.status],
          ['Gestartet', berlinZeit(job.startedAt)],
          ['Beendet', berlinZeit(job.finishedAt)],
        ]}
      />
      <section aria-labelledby="zahlen" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="zahlen">
          Zusammenfassung
        </h2>
        <Fakten
          items={[
            ['Bearbeitet', `${zahlen.alle} von ${job.gesamt} laufenden Bewilligungen`],
            ['Geändert (Änderungsbescheid)', String(zahlen.geaendert)],
            ['Unverändert', String(zahlen.unveraendert)],
            ['Fehler', String(zahlen.fehler)],
            ['Änderungsbescheide erstellt', `${zahlen.bescheideErstellt} von ${zahlen.geaendert} (davon als PDF: ${zahlen.pdfsFertig})`],
            ['Summe der Differenzen', euroText(zahlen.differenzCent)],
          ]}
        />
      </section>
      <section aria-labelledby="faelle" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="faelle">
          Fälle
        </h2>
        <form method="get" action={`/massenaenderung/${job.id}`} className="kern-stack-sm form-narrow" aria-label="Fälle filtern">
          {d.proSeite !== PRO_SEITE ? <input type="hidden" name="proSeite" value={d.proSeite} /> : null}
          <SelectField name="filter" label="Anzeigen" options={ERGEBNIS_FILTER.map((f) => ({ value: f, label: FILTER_TEXT[f] }))} defaultValue={d.filter} />
          <SubmitButton variant="secondary">Anzeigen</SubmitButton>
        </form>
        <p className="kern-body">
          <a className="kern-link" href={csv} download>
            {`${FILTER_TEXT[d.filter]} als CSV herunterladen (${d.treffer})`}
          </a>
        </p>
        {d.faelle.length === 0 ? (
          <p className="kern-body">Keine Fälle für diese Auswahl.</p>
        ) : (
          <TabellenBereich label="Fälle der Massenänderung">
            <table className="kern-table">
              <caption className="kern-title">{`${FILTER_TEXT[d.filter]}: ${d.treffer}, Seite ${d.seite} von ${d.seiten}`}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Fallnummer</th>
                  <th scope="col" className="kern-table__header">Monat</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Monatsbetrag bisher</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Monatsbetrag neu</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Differenz (alle Monate)</th>
                  <th scope="col" className="kern-table__header">Änderungsbescheid</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.faelle.map((f) => (
                  <tr key={`${f.bgId}-${f.bescheidId ?? f.fehler ?? ''}`} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      <a className="kern-link" href={`/faelle/${f.bgId}`}>
                        {f.fallnummer}
                      </a>
                    </th>
                    <td className="kern-table__cell">{monatText(f.monat)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.altCent)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{f.fehler ? '–' : euroText(f.neuCent)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{f.fehler ? '–' : euroText(f.differenzCent)}</td>
                    <td className="kern-table__cell">
                      {f.fehler ? `Fehler: ${f.fehler}` : <BescheidZelle bescheidId={f.bescheidId} erstellt={f.bescheidErstellt} pdf={f.pdfFertig} fallnummer={f.fallnummer} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {d.seiten > 1 ? (
          <nav aria-label="Seiten der Fälle" className="actions">
            {d.seite > 1 ? (
              <a className="kern-link" href={link({ seite: d.seite - 1 })}>
                Vorige Seite
              </a>
            ) : null}
            <span className="kern-body">{`Seite ${d.seite} von ${d.seiten}`}</span>
            {d.seite < d.seiten ? (
              <a className="kern-link" href={link({ seite: d.seite + 1 })}>
                Nächste Seite
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export const massenaenderungErgebnisRoute: RouteObject = {
  path: 'massenaenderung/:id',
  loader,
  Component: ErgebnisPage,
  handle: { title: (x: { job: { ab: string } } | undefined) => (x ? `Massenänderung ab ${datumText(x.job.ab)}` : 'Massenänderung') } satisfies PageHandle,
};
