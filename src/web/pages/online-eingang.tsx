import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { antragZuordnen } from '../../server/fall/antrag-zuordnen.ts';
import { zuordnungsvorschlaege } from '../../server/fall/zuordnungsvorschlaege.ts';
import { can } from '../../server/policies.ts';
import { onlineEingang } from '../../server/portal/online-eingang.ts';
import { PostForm, SelectField, SubmitButton } from '../components/forms.tsx';
import { useRoot } from '../hooks.ts';
import { flash, readForm, requirePermission, web } from '../web-context.ts';
import type { PageHandle } from './root.tsx';
import { ART_TEXT, datumText, fallFormFailure, STATUS_TEXT, type FallFormResult } from './faelle/shared.tsx';
import { KonfliktHinweis } from './verwaltung/shared.tsx';
import { TabellenBereich } from '../components/tabelle.tsx';

/** Staff (German): unfinished online applications to follow up, and open online Anträge with their documents. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const ctx = web(context).app;
  const r = await onlineEingang({ ctx, actor });
  const darfZuordnen = can(actor, 'fall.bearbeiten');
  const ohneFallakte = r.antraege.filter((a) => !a.bgId && a.art === 'erstantrag').map((a) => a.id);
  const vorschlaege = darfZuordnen && ohneFallakte.length ? await zuordnungsvorschlaege.execute({ ctx, actor, input: { antragIds: ohneFallakte } }) : {};
  return {
    entwuerfe: r.entwuerfe.map((e) => ({ ...e, updatedAt: e.updatedAt.toISOString(), erinnerungGesendetAm: e.erinnerungGesendetAm?.toISOString() ?? null })),
    antraege: r.antraege,
    vorschlaege,
  };
}

/** "Fallakte anlegen/zuordnen": assigns the Antrag to the person's Fallakte or creates one (use case antragZuordnen). */
async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const form = await readForm(request);
  try {
    const r = await antragZuordnen.execute({ ctx: web(context).app, actor, input: { id: form.get('antrag'), version: form.get('version'), bgId: form.get('bgId') } });
    flash(
      context,
      r.neu
        ? `Die Fallakte ${r.bg.fallnummer} wurde aus dem Online-Antrag angelegt.`
        : `Der Online-Antrag wurde der vorhandenen Fallakte ${r.bg.fallnummer} zugeordnet. Bitte vergleichen Sie die Angaben des Antrags mit der Akte.`,
    );
    return redirect(`/faelle/${r.bg.id}`);
  } catch (err) {
    return fallFormFailure(context, err, {}, () => 'bgId');
  }
}

const SCAN_TEXT: Record<string, string> = { sauber: 'virengeprüft', quarantaene: 'in Quarantäne (noch nicht geprüft)', abgelehnt: 'abgelehnt' };

function Zuordnen(p: { antragId: string; name: string; vorschlag: Awaited<ReturnType<typeof zuordnungsvorschlaege.run>>[string] | undefined }) {
  const { csrfToken } = useRoot();
  const v = p.vorschlag;
  if (!v) return null;
  if (!v.datenVollstaendig) return <p className="kern-body kern-body--small">Die Angaben reichen nicht für eine Fallakte: bitte als Erstantrag erfassen.</p>;
  return (
    <PostForm csrfToken={csrfToken} action="/online-eingang" className="kern-stack-xs" aria-label={`Fallakte anlegen oder zuordnen: ${p.name}`}>
      <input type="hidden" name="antrag" value={p.antragId} />
      <input type="hidden" name="version" value={v.version} />
      <p className="kern-body kern-body--small">
        {v.kandidaten.length === 0
          ? 'Keine Fallakte mit gleichem Namen und Geburtsdatum: es wird eine neue angelegt.'
          : v.kandidaten.length === 1
            ? `Wird der vorhandenen Fallakte ${v.kandidaten[0]!.fallnummer} zugeordnet (gleicher Name und Geburtsdatum).`
            : 'Mehrere Fallakten passen: bitte auswählen.'}
      </p>
      {v.kandidaten.length > 1 ? <SelectField name="bgId" label="Fallakte" options={v.kandidaten.map((k) => ({ value: k.bgId, label: k.fallnummer }))} /> : null}
      <SubmitButton variant="secondary">Fallakte anlegen/zuordnen</SubmitButton>
    </PostForm>
  );
}

function OnlineEingangPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FallFormResult | undefined;
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Online-Eingang</h1>
      <KonfliktHinweis text={result?.konflikt ?? Object.values(result?.errors ?? {})[0]} />
      <section className="kern-stack-sm" aria-labelledby="online-antraege">
        <h2 className="kern-heading-medium" id="online-antraege">
          Online-Anträge und Nachweise
        </h2>
        {d.antraege.length === 0 ? <p className="kern-body">Keine offenen Online-Anträge.</p> : null}
        <TabellenBereich label="Offene Online-Anträge">
          <table className="kern-table">
            <caption className="sr-only">Offene Online-Anträge mit hochgeladenen Nachweisen</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Antragsteller/in</th>
                <th scope="col" className="kern-table__header">Art</th>
                <th scope="col" className="kern-table__header">Antragsdatum</th>
                <th scope="col" className="kern-table__header">Standort</th>
                <th scope="col" className="kern-table__header">Status</th>
                <th scope="col" className="kern-table__header">Nachweise</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.antraege.map((a) => (
                <tr key={a.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    <div className="kern-stack-xs">
                      {a.bgId ? <a className="kern-link" href={`/faelle/${a.bgId}`}>{a.buergerName ?? '–'}</a> : <span>{a.buergerName ?? '–'}</span>}
                      <a className="kern-link" href={`/api/antraege/${a.id}/antrag.pdf`}>
                        Antrag ansehen (PDF)
                      </a>
                      {a.bgId ? null : <Zuordnen antragId={a.id} name={a.buergerName ?? 'Online-Antrag'} vorschlag={d.vorschlaege[a.id]} />}
                    </div>
                  </td>
                  <td className="kern-table__cell">
                    {a.art === 'veraenderung' && a.bgId ? (
                      <a className="kern-link" href={`/faelle/${a.bgId}/mitteilungen/${a.id}`}>
                        {`${ART_TEXT[a.art]} prüfen und übernehmen`}
                      </a>
                    ) : (
                      (ART_TEXT[a.art] ?? a.art)
                    )}
                  </td>
                  <td className="kern-table__cell">{datumText(a.antragsdatum)}</td>
                  <td className="kern-table__cell">{a.standortName}</td>
                  <td className="kern-table__cell">{STATUS_TEXT[a.status] ?? a.status}</td>
                  <td className="kern-table__cell">
                    {a.dateien.length === 0 ? '–' : null}
                    <ul className="kern-list">
                      {a.dateien.map((f) => (
                        <li key={f.id}>
                          {f.status === 'sauber' ? (
                            <a className="kern-link" href={`/portal/dateien/${f.id}`}>
                              {f.dateiname}
                            </a>
                          ) : (
                            f.dateiname
                          )}{' '}
                          <span className="kern-body kern-body--small">({SCAN_TEXT[f.status] ?? f.status})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      </section>
      <section className="kern-stack-sm" aria-labelledby="unfertig">
        <h2 className="kern-heading-medium" id="unfertig">
          Unfertige Online-Anträge
        </h2>
        <p className="kern-body">Das Antragsdatum ist gesichert. Bitte nehmen Sie Kontakt auf, wenn ein Antrag länger nicht weitergeführt wurde.</p>
        {d.entwuerfe.length === 0 ? <p className="kern-body">Keine unfertigen Anträge.</p> : null}
        <TabellenBereich label="Unfertige Online-Anträge">
          <table className="kern-table">
            <caption className="sr-only">Unfertige Online-Anträge</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Name</th>
                <th scope="col" className="kern-table__header">E-Mail</th>
                <th scope="col" className="kern-table__header">Antragsdatum</th>
                <th scope="col" className="kern-table__header">Zuletzt bearbeitet</th>
                <th scope="col" className="kern-table__header">Offener Schritt</th>
                <th scope="col" className="kern-table__header">Erinnert</th>
                <th scope="col" className="kern-table__header">Standort</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.entwuerfe.map((e) => (
                <tr key={e.id} className="kern-table__row">
                  <td className="kern-table__cell">{e.buergerName}</td>
                  <td className="kern-table__cell">{e.buergerEmail}</td>
                  <td className="kern-table__cell">{e.antragsdatum ? datumText(e.antragsdatum) : '– (noch nicht erklärt)'}</td>
                  <td className="kern-table__cell">{datumText(e.updatedAt.slice(0, 10))}</td>
                  <td className="kern-table__cell">{e.aktuellerSchritt ?? '–'}</td>
                  <td className="kern-table__cell">{e.erinnerungGesendetAm ? datumText(e.erinnerungGesendetAm.slice(0, 10)) : 'nein'}</td>
                  <td className="kern-table__cell">{e.standortName ?? 'noch offen'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      </section>
    </div>
  );
}

export const onlineEingangRoute: RouteObject = {
  path: 'online-eingang',
  loader,
  action,
  Component: OnlineEingangPage,
  handle: { title: 'Online-Eingang' } satisfies PageHandle,
};
