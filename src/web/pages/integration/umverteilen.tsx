import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { betreuungUmverteilen } from '../../../server/integration/betreuung-umverteilen.ts';
import { umverteilungListe } from '../../../server/integration/umverteilung-liste.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German), Teamleitung: bulk re-assignment — choose the persons (filter: of one Fachkraft, without one, all),
 * the new persönliche Ansprechpartnerin and the day; the old Betreuungen end the day before. No JavaScript needed.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'betreuung.zuweisen');
  const von = new URL(request.url).searchParams.get('von') ?? '';
  return umverteilungListe.execute({ ctx: web(context).app, actor, input: { von } });
}

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'betreuung.zuweisen');
  const form = await readForm(request);
  const values = { fachkraftId: form.get('fachkraftId'), ab: form.get('ab'), grund: form.get('grund') };
  const personIds = form.getAll('personIds');
  try {
    const r = await betreuungUmverteilen.execute({ ctx: web(context).app, actor, input: { ...values, personIds } });
    const name = r.zuweisungen[0]?.fachkraftName ?? '';
    flash(context, r.anzahl === 0 ? `Keine Änderung: Die gewählten Personen werden schon von ${name} betreut.` : `${r.anzahl === 1 ? 'Eine Person' : `${r.anzahl} Personen`} ab ${datumText(values.ab)} an ${name} übergeben.`);
    return redirect(`/integration/umverteilen?von=${encodeURIComponent(form.get('von'))}`);
  } catch (err) {
    return fallFormFailure(context, err, { ...values, personIds: personIds.join(',') }, (p) => (p.startsWith('personIds') ? 'personIds' : p));
  }
}

function UmverteilenPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const e: FieldErrors = r?.errors ?? {};
  const gewaehlt = new Set((r?.values?.personIds ?? '').split(',').filter(Boolean));
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/integration" label="Zum Fallbestand" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Betreuung umverteilen</h1>
        <p className="kern-body">Wählen Sie die Personen und die neue Ansprechpartnerin oder den neuen Ansprechpartner. Die bisherige Betreuung endet am Vortag.</p>
      </div>
      <form method="get" action="/integration/umverteilen" className="kern-stack-md form-narrow" aria-label="Personen auswählen">
        <SelectField
          name="von"
          label="Personen"
          options={[{ value: '', label: 'alle eLb meiner Standorte' }, { value: 'ohne', label: 'ohne Ansprechpartner' }, ...d.fachkraefte.map((f) => ({ value: f.id, label: `betreut von ${f.name}` }))]}
          defaultValue={d.von ?? ''}
        />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">Anzeigen</span>
        </button>
      </form>
      <PostForm csrfToken={csrfToken} action="/integration/umverteilen" aria-label="Umverteilen" className="kern-stack-md">
        <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Auswahl" />
        <KonfliktHinweis text={r && !Object.keys(e).length ? r.konflikt : undefined} />
        <input type="hidden" name="von" value={d.von ?? ''} />
        {d.personen.length === 0 ? (
          <p className="kern-body">Keine Personen in dieser Auswahl.</p>
        ) : (
          <fieldset className="kern-fieldset" aria-describedby={e.personIds ? 'feld-personIds-fehler' : undefined}>
            <legend className="kern-label">{`Personen (${d.personen.length})`}</legend>
            {e.personIds ? (
              <p className="kern-error" id="feld-personIds-fehler">
                <span className="kern-body">{e.personIds}</span>
              </p>
            ) : null}
            <TabellenBereich label="Personen zur Auswahl">
              <table className="kern-table">
                <caption className="kern-sr-only">Personen zur Auswahl</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">Auswahl</th>
                    <th scope="col" className="kern-table__header">Fallnummer</th>
                    <th scope="col" className="kern-table__header">Ansprechpartner/in</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {d.personen.map((p) => (
                    <tr key={p.personId} className="kern-table__row">
                      <td className="kern-table__cell">
                        <div className="kern-form-check">
                          <input className="kern-form-check__checkbox" type="checkbox" id={`person-${p.personId}`} name="personIds" value={p.personId} defaultChecked={gewaehlt.has(p.personId)} aria-label={`${p.nachname}, ${p.vorname}`} />
                          <label className="kern-label" htmlFor={`person-${p.personId}`}>{`${p.nachname}, ${p.vorname}`}</label>
                        </div>
                      </td>
                      <td className="kern-table__cell">{p.fallnummer}</td>
                      <td className="kern-table__cell">{p.fachkraftName ? `${p.fachkraftName} seit ${datumText(p.betreuungSeit)}` : 'niemand'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellenBereich>
          </fieldset>
        )}
        <div className="kern-stack-md form-narrow">
          <SelectField
            name="fachkraftId"
            label="Neue Ansprechpartnerin / neuer Ansprechpartner"
            options={[{ value: '', label: 'Bitte wählen' }, ...d.fachkraefte.map((f) => ({ value: f.id, label: f.name }))]}
            defaultValue={r?.values?.fachkraftId ?? ''}
            error={e.fachkraftId}
          />
          <TextField name="ab" label="ab" type="date" defaultValue={r?.values?.ab ?? d.heute} error={e.ab} />
          <TextField name="grund" label="Grund" optionalLabel="optional" defaultValue={r?.values?.grund ?? ''} error={e.grund} />
          <SubmitButton>Umverteilen</SubmitButton>
        </div>
      </PostForm>
    </div>
  );
}

export const umverteilenRoute: RouteObject = {
  path: 'integration/umverteilen',
  loader,
  action,
  Component: UmverteilenPage,
  handle: { title: 'Betreuung umverteilen' } satisfies PageHandle,
};
