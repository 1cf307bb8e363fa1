import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { spaltenzuordnung } from '../../../server/statistik/spaltenzuordnung.ts';
import { spaltenzuordnungAendern } from '../../../server/statistik/spaltenzuordnung-aendern.ts';
import { vergleichImporte } from '../../../server/statistik/vergleich-importe.ts';
import { vergleichJobcenterListe } from '../../../server/statistik/vergleich-jobcenter.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, FileField, PostForm, SubmitButton, TextAreaField, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, formFailure, type FormResult } from '../verwaltung/shared.tsx';

/**
 * /steuerung/vergleich/import (docs/statistik.md, "Vergleich mit allen Jobcentern"): upload of a file of published
 * Kennzahlen (multipart to /steuerung/vergleich/import/datei, works without JavaScript), the header mapping editor and
 * the imports with every rejected row. statistik.verwalten.
 */

const PFAD = '/steuerung/vergleich/import';

const FEHLER_TEXT: Record<string, { feld: string; text: string }> = {
  keine_datei: { feld: 'datei', text: 'Bitte wählen Sie eine CSV- oder XLSX-Datei aus.' },
  datei_zu_gross: { feld: 'datei', text: 'Die Datei ist größer als 10 MB.' },
  eigener_ungueltig: { feld: 'eigener', text: 'Der Schlüssel besteht aus 5 bis 8 Ziffern.' },
  schluessel_unbekannt: { feld: 'eigener', text: 'Diesen Schlüssel gibt es weder in der Datei noch in der Liste der Jobcenter. Es wurde nichts übernommen.' },
};

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.verwalten');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const [zuordnung, { importe }, { jobcenter }] = await Promise.all([
    spaltenzuordnung.execute({ ctx, actor, input: {} }),
    vergleichImporte.execute({ ctx, actor, input: {} }),
    vergleichJobcenterListe.execute({ ctx, actor, input: {} }),
  ]);
  const gewaehlt = importe.find((i) => i.id === q.get('import')) ?? null;
  const fehler = FEHLER_TEXT[q.get('fehler') ?? ''] ?? null;
  if (fehler || (gewaehlt && gewaehlt.abgelehnt.length)) web(context).reply.code(400);
  const eigener = jobcenter.find((j) => j.eigener) ?? null;
  return { zuordnung, importe, anzahlJobcenter: jobcenter.length, eigener, gewaehlt, fehler };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'statistik.verwalten');
  const ctx = web(context).app;
  const form = await readForm(request);
  const standard = form.get('formular') === 'standard';
  const values = { text: form.get('text') };
  try {
    await spaltenzuordnungAendern.execute({ ctx, actor, input: standard ? { standard: true } : { text: values.text } });
  } catch (err) {
    return formFailure(context, err, values);
  }
  flash(context, standard ? 'Es gilt wieder die Standard-Spaltenzuordnung.' : 'Die Spaltenzuordnung wurde gespeichert.');
  return redirect(`${PFAD}#zuordnung-titel`);
}

function AbgelehnteZeilen(p: { zeilen: { zeile: number; grund: string; code: string }[]; titel: string }) {
  return (
    <TabellenBereich label={p.titel}>
      <table className="kern-table">
        <caption className="kern-sr-only">{p.titel}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              Zeile
            </th>
            <th scope="col" className="kern-table__header">
              Grund
            </th>
            <th scope="col" className="kern-table__header">
              Code
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {p.zeilen.map((z, i) => (
            <tr key={`${z.zeile}-${i}`} className="kern-table__row">
              <td className="kern-table__cell kern-table__cell--numeric">{z.zeile === 0 ? 'Datei' : z.zeile}</td>
              <td className="kern-table__cell">{z.grund}</td>
              <td className="kern-table__cell">
                <code>{z.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellenBereich>
  );
}

function VergleichImportPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const g = d.gewaehlt;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Kennzahlen aller Jobcenter importieren</h1>
        <p className="kern-body">
          Dateien der BA oder des BMAS mit den Kennzahlen nach § 48a SGB II aller Jobcenter (CSV oder XLSX). Eine Zeile je Jobcenter, Berichtsmonat und Kennzahl. Alles
          oder nichts: Enthält die Datei eine fehlerhafte Zeile, wird nichts übernommen. <a className="kern-link" href="/steuerung/vergleich">Zum Vergleich</a>
        </p>
      </div>

      <div id="ergebnis" className="kern-stack-sm">
        {d.fehler ? <ErrorSummary errors={{ [d.fehler.feld]: d.fehler.text }} title="Die Datei wurde nicht übernommen" /> : null}
        {g && g.abgelehnt.length ? (
          <Alert type="danger" title={`${g.dateiname}: nichts übernommen, ${g.abgelehnt.length} ${g.abgelehnt.length === 1 ? 'Zeile' : 'Zeilen'} abgelehnt`} role="alert">
            <p className="kern-body">Bitte korrigieren Sie die Datei oder die Spaltenzuordnung und laden Sie sie erneut hoch.</p>
            <AbgelehnteZeilen zeilen={g.abgelehnt} titel={`Abgelehnte Zeilen von ${g.dateiname}`} />
          </Alert>
        ) : g ? (
          <Alert type="success" title={`${g.dateiname}: ${g.zeilenUebernommen} Werte übernommen`}>
            <p className="kern-body">
              {g.fiktiv ? 'Die Datei ist als fiktive Beispieldaten gekennzeichnet. ' : ''}
              <a className="kern-link" href="/steuerung/vergleich">
                Zum Vergleich
              </a>
            </p>
          </Alert>
        ) : null}
      </div>

      <section aria-labelledby="upload-titel" className="kern-stack-md form-narrow">
        <h2 className="kern-heading-medium" id="upload-titel">
          Datei hochladen
        </h2>
        <form method="post" action={`${PFAD}/datei`} encType="multipart/form-data" className="kern-stack-md" aria-label="Hochladen einer Datei" noValidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <FileField
            name="datei"
            label="Datei mit Kennzahlen"
            hint="CSV (UTF-8 oder Windows-1252, getrennt durch Semikolon oder Komma) oder XLSX, höchstens 10 MB."
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            error={d.fehler?.feld === 'datei' ? d.fehler.text : undefined}
          />
          <TextField
            name="eigener"
            label="Schlüssel des eigenen Jobcenters"
            hint="Optional. Ihr Jobcenter wird in der Rangliste hervorgehoben und neben dem Wert aus vorort gezeigt."
            inputMode="numeric"
            width="kurz"
            defaultValue={d.eigener?.schluessel ?? ''}
            error={d.fehler?.feld === 'eigener' ? d.fehler.text : undefined}
          />
          <Checkbox name="fiktiv" label="Fiktive Beispieldaten" hint="Die Werte werden überall als „Fiktive Beispieldaten“ gekennzeichnet. Eine Kommentarzeile mit „fiktiv“ in der Datei kennzeichnet sie ebenso." />
          <SubmitButton>Datei importieren</SubmitButton>
        </form>
        <p className="kern-body">
          {d.eigener ? `Eigener Jobcenter: ${d.eigener.name} (${d.eigener.schluessel}). ` : 'Noch kein eigener Jobcenter festgelegt. '}
          {`${d.anzahlJobcenter} Jobcenter bekannt.`}
        </p>
      </section>

      <section aria-labelledby="zuordnung-titel" className="kern-stack-md form-narrow">
        <h2 className="kern-heading-medium" id="zuordnung-titel">
          Spaltenzuordnung
        </h2>
        <p className="kern-body">
          {d.zuordnung.standard ? 'Es gilt die Standard-Zuordnung. ' : 'Es gilt Ihre eigene Zuordnung. '}
          Eine Zeile je Feld: „Feld = Spaltenüberschrift“; mehrere Überschriften trennen Sie mit „|“. Groß- und Kleinschreibung zählt nicht. Jede Spalte der Datei muss
          einem Feld zugeordnet sein.
        </p>
        <ul className="kern-list">
          {d.zuordnung.felder.map((f) => (
            <li key={f.feld}>
              <code>{f.feld}</code>
              {`: ${f.text}${f.pflicht ? ' (Pflicht)' : ''}`}
            </li>
          ))}
        </ul>
        <ErrorSummary errors={result?.errors ?? {}} title="Die Spaltenzuordnung wurde nicht gespeichert" />
        <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Spaltenzuordnung ändern" className="kern-stack-md">
          <input type="hidden" name="formular" value="zuordnung" />
          <TextAreaField name="text" label="Zuordnung der Spalten" rows={12} defaultValue={(result?.values?.text as string | undefined) ?? d.zuordnung.text} error={result?.errors.text} />
          <SubmitButton>Zuordnung speichern</SubmitButton>
        </PostForm>
        {d.zuordnung.standard ? null : (
          <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Standard-Zuordnung wiederherstellen" className="kern-stack-md">
            <input type="hidden" name="formular" value="standard" />
            <SubmitButton variant="secondary">Standard wiederherstellen</SubmitButton>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="importe-titel" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="importe-titel">
          Bisherige Importe
        </h2>
        {d.importe.length === 0 ? (
          <p className="kern-body">Noch keine Datei importiert.</p>
        ) : (
          <TabellenBereich label="Bisherige Importe">
            <table className="kern-table">
              <caption className="kern-sr-only">Bisherige Importe</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    Datei
                  </th>
                  <th scope="col" className="kern-table__header">
                    Importiert am
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    Zeilen gelesen
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    übernommen
                  </th>
                  <th scope="col" className="kern-table__header">
                    Ergebnis
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.importe.map((i) => (
                  <tr key={i.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      {i.dateiname}
                      {i.fiktiv ? ' (fiktiv)' : ''}
                    </th>
                    <td className="kern-table__cell">{berlinZeit(i.importiertAm)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{i.zeilenGelesen}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{i.zeilenUebernommen}</td>
                    <td className="kern-table__cell">
                      {i.abgelehnt.length ? (
                        <a className="kern-link" href={`${PFAD}?import=${i.id}#ergebnis`}>
                          {`nichts übernommen, ${i.abgelehnt.length} abgelehnt`}
                        </a>
                      ) : (
                        'übernommen'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
      </section>
    </div>
  );
}

export const steuerungVergleichImportRoute: RouteObject = {
  path: 'steuerung/vergleich/import',
  loader,
  action,
  Component: VergleichImportPage,
  handle: { title: 'Kennzahlen aller Jobcenter importieren' } satisfies PageHandle,
};
