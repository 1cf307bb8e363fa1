import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { massenaenderungen, starteMassenaenderung, steuereMassenaenderung } from '../../../server/massenaenderung/steuerung.ts';
import { PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { MASSEN_AUSWAHL, MASSEN_AUSWAHL_TEXT, type MassenAuswahl } from '../../../domain/massenaenderung/index.ts';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText } from '../faelle/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'massenaenderung.ausfuehren');
  return { jobs: await massenaenderungen({ ctx: web(context).app, actor }) };
}

async function action({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'massenaenderung.ausfuehren');
  const form = await readForm(request);
  const ctx = web(context).app;
  try {
    const aktion = form.get('aktion');
    if (aktion === 'pausieren' || aktion === 'fortsetzen' || aktion === 'abbrechen') {
      await steuereMassenaenderung({ ctx, actor, id: form.get('id'), aktion });
      flash(context, `Massenänderung: ${aktion} ausgeführt.`);
    } else {
      const auswahl = form.get('auswahl') || 'alle';
      await starteMassenaenderung({ ctx, actor, input: { ab: form.get('ab').trim(), grund: form.get('grund'), auswahl: auswahl as MassenAuswahl } });
      flash(context, 'Die Massenänderung läuft. Den Fortschritt sehen Sie unten (Seite neu laden).');
    }
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    flash(context, `Nicht ausgeführt: ${err.issues.length ? err.issues.map((i) => i.message).join(' ') : err.message}`);
  }
  return redirect('/massenaenderung');
}

const STATUS: Record<string, string> = { laufend: 'läuft', pausiert: 'pausiert', fertig: 'fertig', abgebrochen: 'abgebrochen' };

/** Massenänderung: start from a date, progress, pause/resume/cancel. */
function MassenaenderungPage() {
  const { jobs } = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Massenänderung</h1>
      <p className="kern-body">
        Berechnet alle laufenden Bewilligungen ab einem Datum neu (z. B. neue Regelbedarfe zum 1. Januar) und erstellt Änderungsbescheide, wo sich ein Betrag ändert.
      </p>
      <PostForm csrfToken={csrfToken} action="/massenaenderung" className="kern-stack-md form-narrow" aria-label="Massenänderung starten">
        <TextField name="ab" label="Neue Werte gelten ab (JJJJ-MM-TT)" required />
        <TextField name="grund" label="Grund" hint="Erscheint im Änderungsbescheid, z. B. „Neue Regelbedarfe 2025“." required />
        <SelectField
          name="auswahl"
          label="Welche Bewilligungen?"
          hint="Am Tag der neuen Regelbedarfe: „nur fortgeschriebene Monate“ – die Monate, die nach dem letzten bekannten Rechtsstand berechnet wurden."
          options={MASSEN_AUSWAHL.map((a) => ({ value: a, label: MASSEN_AUSWAHL_TEXT[a] }))}
          defaultValue="alle"
        />
        <SubmitButton>Massenänderung starten</SubmitButton>
      </PostForm>
      <h2 className="kern-heading-medium">Läufe</h2>
      {jobs.length === 0 ? (
        <p className="kern-body">Noch keine Massenänderung.</p>
      ) : (
        <TabellenBereich label="Massenänderungen">
          <table className="kern-table">
            <caption className="kern-sr-only">Massenänderungen mit Fortschritt</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Ab</th>
                <th scope="col" className="kern-table__header">Grund</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Fortschritt</th>
                <th scope="col" className="kern-table__header">Aktion</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {jobs.map((j) => (
                <tr key={j.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/massenaenderung/${j.id}`}>
                      {datumText(j.ab)}
                    </a>
                  </th>
                  <td className="kern-table__cell">
                  {j.grund}
                  {j.auswahl === 'fortgeschrieben' ? ` (${MASSEN_AUSWAHL_TEXT.fortgeschrieben})` : ''}
                </td>
                  <td className="kern-table__cell">{STATUS[j.status] ?? j.status}</td>
                  <td className="kern-table__cell">
                    <progress max={Math.max(1, j.gesamt)} value={j.verarbeitet} aria-label={`Fortschritt ${datumText(j.ab)}`} />
                    {` ${j.verarbeitet} von ${j.gesamt} Fällen, ${j.geaendert} geändert, ${j.bescheide} Änderungsbescheide${j.fehler ? `, ${j.fehler} Fehler` : ''}`}
                  </td>
                  <td className="kern-table__cell">
                    {j.status === 'laufend' || j.status === 'pausiert' ? (
                      <PostForm csrfToken={csrfToken} action="/massenaenderung" aria-label={`Massenänderung ab ${datumText(j.ab)} steuern`}>
                        <input type="hidden" name="id" value={j.id} />
                        {j.status === 'laufend' ? (
                          <SubmitButton variant="secondary" name="aktion" value="pausieren">
                            Pausieren
                          </SubmitButton>
                        ) : (
                          <SubmitButton variant="secondary" name="aktion" value="fortsetzen">
                            Fortsetzen
                          </SubmitButton>
                        )}
                        <SubmitButton variant="tertiary" name="aktion" value="abbrechen">
                          Abbrechen
                        </SubmitButton>
                      </PostForm>
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

export const massenaenderungRoute: RouteObject = { path: 'massenaenderung', loader, action, Component: MassenaenderungPage, handle: { title: 'Massenänderung' } satisfies PageHandle };
