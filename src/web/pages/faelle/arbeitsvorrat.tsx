import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { antragZuordnen } from '../../../server/fall/antrag-zuordnen.ts';
import { antragZuweisen } from '../../../server/fall/antrag-zuweisen.ts';
import { arbeitsvorrat } from '../../../server/fall/arbeitsvorrat.ts';
import { wiedervorlagenFaellig } from '../../../server/fall/wiedervorlagen-faellig.ts';
import { can } from '../../../server/policies.ts';
import { PostForm, SelectField, SubmitButton } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis } from '../verwaltung/shared.tsx';
import { ART_TEXT, datumText, fallFormFailure, IntegrationsLink, STATUS_TEXT, type FallFormResult } from './shared.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const q = new URL(request.url).searchParams;
  const filter = {
    standortId: q.get('standort') ?? '',
    status: q.get('status') ?? 'offen',
    art: q.get('art') ?? '',
    bearbeiter: q.get('bearbeiter') ?? '',
    faellig: q.get('faellig') ?? '',
  };
  const ctx = web(context).app;
  const vorrat = await arbeitsvorrat.execute({ ctx, actor, input: filter });
  const wiedervorlagen = await wiedervorlagenFaellig.execute({ ctx, actor, input: {} });
  return { vorrat, wiedervorlagen, filter, ich: actor.userId, darfZuweisen: can(actor, 'fall.bearbeiten'), zurueck: `/arbeitsvorrat${new URL(request.url).search}` };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const form = await readForm(request);
  const zurueck = form.get('zurueck').startsWith('/arbeitsvorrat') ? form.get('zurueck') : '/arbeitsvorrat';
  const ziel = form.get('_aktion') === 'mir' ? actor.userId : form.get('bearbeiter') || null;
  try {
    if (form.get('_aktion') === 'uebernehmen') {
      const r = await antragZuordnen.execute({ ctx: web(context).app, actor, input: { id: form.get('antrag'), version: form.get('version') } });
      const dok = r.dokumente;
      flash(
        context,
        (r.neu ? `Die Fallakte ${r.bg.fallnummer} wurde aus dem Online-Antrag angelegt.` : `Der Online-Antrag wurde der vorhandenen Fallakte ${r.bg.fallnummer} zugeordnet. Bitte vergleichen Sie die Angaben des Antrags mit der Akte.`) +
          (dok.uebernommen.length ? ` ${dok.uebernommen.length} Nachweis(e) aus dem Bürgerportal liegen bei den Dokumenten.` : '') +
          (dok.ausstehend.length ? ` ${dok.ausstehend.length} Datei(en) werden noch auf Viren geprüft und folgen danach.` : ''),
      );
      return redirect(`/faelle/${r.bg.id}`);
    }
    const a = await antragZuweisen.execute({ ctx: web(context).app, actor, input: { id: form.get('antrag'), bearbeiterId: ziel, version: form.get('version') } });
    flash(context, a.bearbeiterName ? `Der Antrag ist jetzt ${a.bearbeiterId === actor.userId ? 'Ihnen' : a.bearbeiterName} zugewiesen.` : 'Die Zuweisung wurde aufgehoben.');
    return redirect(zurueck);
  } catch (err) {
    return fallFormFailure(context, err, {}, () => 'bearbeiter');
  }
}

function ArbeitsvorratPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const f = d.filter;
  const kollegen = d.vorrat.kollegen;
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Arbeitsvorrat</h1>
      <KonfliktHinweis text={result?.konflikt ?? Object.values(result?.errors ?? {})[0]} />
      <form method="get" action="/arbeitsvorrat" className="filter-bar" aria-label="Filter">
        <SelectField name="standort" label="Standort" options={[{ value: '', label: 'alle meine Standorte' }, ...d.vorrat.standorte.map((s) => ({ value: s.id, label: s.name }))]} defaultValue={f.standortId} />
        <SelectField
          name="status"
          label="Status"
          options={[{ value: 'offen', label: 'offen' }, { value: 'alle', label: 'alle' }, ...Object.entries(STATUS_TEXT).map(([value, label]) => ({ value, label }))]}
          defaultValue={f.status}
        />
        <SelectField name="art" label="Art" options={[{ value: '', label: 'alle' }, ...Object.entries(ART_TEXT).map(([value, label]) => ({ value, label }))]} defaultValue={f.art} />
        <SelectField
          name="bearbeiter"
          label="Bearbeitung"
          options={[{ value: '', label: 'alle' }, { value: 'ich', label: 'mir zugewiesen' }, { value: 'niemand', label: 'nicht zugewiesen' }, ...kollegen.map((k) => ({ value: k.id, label: k.name }))]}
          defaultValue={f.bearbeiter}
        />
        <SelectField name="faellig" label="Frist" options={[{ value: '', label: 'alle' }, { value: 'ja', label: 'fällig bis heute' }]} defaultValue={f.faellig === 'ja' ? 'ja' : ''} />
        <button className="kern-btn kern-btn--secondary" type="submit">
          <span className="kern-label">Filtern</span>
        </button>
      </form>
      {d.vorrat.eintraege.length === 0 ? (
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
        <p className="kern-body" role="status">
          Keine Anträge für diese Auswahl.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="kern-table">
            <caption className="kern-title">{`Anträge (${d.vorrat.eintraege.length})`}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Fall</th>
                <th scope="col" className="kern-table__header">Art</th>
                <th scope="col" className="kern-table__header">Eingang</th>
                <th scope="col" className="kern-table__header">Alter</th>
                <th scope="col" className="kern-table__header">Frist</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Bearbeitung</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.vorrat.eintraege.map((a) => (
                <tr className="kern-table__row" key={a.id}>
                  <th scope="row" className="kern-table__cell">
                    {a.bgId ? (
                      <a className="kern-link" href={`/faelle/${a.bgId}`}>
                        {`${a.fallnummer ?? ''} ${a.antragsteller ?? ''}`}
                      </a>
                    ) : (
                      <>
                        {a.antragsteller ? <strong>{a.antragsteller}</strong> : 'Online-Antrag'}
                        <br />
                        <span className="kern-body kern-body--small">{`Online-Antrag, noch keine Fallakte${a.nameLautAntrag ? ' (Name laut Antrag)' : ''}`}</span>
                        {a.eingangskanal === 'online' ? (
                          <>
                            <br />
                            <a className="kern-link" href={`/api/antraege/${a.id}/antrag.pdf`}>
                              Antrag ansehen (PDF)
                            </a>
                          </>
                        ) : null}
                        {d.darfZuweisen && a.art === 'erstantrag' ? (
                          <PostForm csrfToken={csrfToken} action="/arbeitsvorrat" className="inline-form" aria-label={`Fallakte anlegen oder zuordnen: ${a.antragsteller ?? 'Online-Antrag'}`}>
                            <input type="hidden" name="antrag" value={a.id} />
                            <input type="hidden" name="version" value={a.version} />
                            <SubmitButton variant="secondary" name="_aktion" value="uebernehmen">
                              Fallakte anlegen/zuordnen
                            </SubmitButton>
                          </PostForm>
                        ) : null}
                      </>
                    )}
                    <br />
                    <span className="kern-body kern-body--small">{a.standort}</span>
                  </th>
                  <td className="kern-table__cell">{ART_TEXT[a.art] ?? a.art}</td>
                  <td className="kern-table__cell">{datumText(a.antragsdatum)}</td>
                  <td className="kern-table__cell">{a.alterTage} Tage</td>
                  <td className="kern-table__cell">
                    {datumText(a.faelligAm)}
                    {a.ueberfaellig ? <strong> – überfällig</strong> : null}
                  </td>
                  <td className="kern-table__cell">{STATUS_TEXT[a.status] ?? a.status}</td>
                  <td className="kern-table__cell">
                    <div className="kern-stack-xs">
                      <span>{a.bearbeiterName ?? 'nicht zugewiesen'}</span>
                      {d.darfZuweisen ? (
                        <PostForm csrfToken={csrfToken} action="/arbeitsvorrat" className="kern-stack-xs" aria-label={`Antrag ${a.fallnummer ?? ''} zuweisen`}>
                          <input type="hidden" name="antrag" value={a.id} />
                          <input type="hidden" name="version" value={a.version} />
                          <input type="hidden" name="zurueck" value={d.zurueck} />
                          {a.bearbeiterId !== d.ich ? (
                            <SubmitButton variant="tertiary" name="_aktion" value="mir">
                              Mir zuweisen
                            </SubmitButton>
                          ) : null}
                          {/* One select per row: its own id, so labels stay unique on the page. */}
                          <div className="kern-form-input">
                            <label className="kern-label" htmlFor={`zuweisen-${a.id}`}>
                              Zuweisen an
                            </label>
                            <div className="kern-form-input__select-wrapper">
                              <select className="kern-form-input__select" id={`zuweisen-${a.id}`} name="bearbeiter" defaultValue={a.bearbeiterId ?? ''}>
                                <option value="">niemand</option>
                                {kollegen.map((k) => (
                                  <option key={k.id} value={k.id}>
                                    {k.name}
                                  </option>
                                ))}
                              </select>
                            </div>
                          </div>
                          <SubmitButton variant="secondary" name="_aktion" value="andere">
                            Zuweisen
                          </SubmitButton>
                        </PostForm>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="wv" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="wv">
          Fällige Wiedervorlagen
        </h2>
        {d.wiedervorlagen.length === 0 ? (
          <p className="kern-body">Keine fälligen Wiedervorlagen.</p>
        ) : (
          <ul className="kern-list">
            {d.wiedervorlagen.map((w) => (
              <li key={w.id}>
                {datumText(w.faelligAm)}:{' '}
                <a className="kern-link" href={`/faelle/${w.bgId}#wiedervorlagen`}>
                  {w.fallnummer} {w.antragsteller ?? ''}
                </a>{' '}
                – {w.grund}
                {w.zugewiesenName ? ` (${w.zugewiesenName})` : ''}
                <IntegrationsLink w={w} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const arbeitsvorratRoute: RouteObject = {
  path: 'arbeitsvorrat',
  loader,
  action,
  Component: ArbeitsvorratPage,
  handle: { title: 'Arbeitsvorrat' } satisfies PageHandle,
};
