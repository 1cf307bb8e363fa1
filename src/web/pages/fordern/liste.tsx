import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { VERFAHREN_STATUS } from '../../../domain/fordern/typen.ts';
import { STATUS_TEXT } from '../../../domain/fordern/verfahren.ts';
import { anlaesseAuflisten } from '../../../server/fordern/anlaesse.ts';
import { verfahrenListe } from '../../../server/fordern/verfahren-liste.ts';
import { can } from '../../../server/policies.ts';
import { SelectField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import { datumText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';

/**
 * Staff (German): the Minderungsverfahren of the actor's Standorte — open ones first by the nearest deadline
 * (Anhörungsfrist, Feststellungsfrist), status filter (GET form, works without JavaScript), and the Anlässe without a
 * procedure with "Verfahren eröffnen". `?person=` limits both to one person (link from the Integrationsakte).
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fordern.lesen');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const personId = q.get('person') ?? '';
  // an unknown Stand in the address (old bookmark, typo) shows the open procedures instead of an error page
  const gewaehlt = q.get('status') ?? 'offen';
  const status = (['offen', 'alle', ...VERFAHREN_STATUS] as string[]).includes(gewaehlt) ? gewaehlt : 'offen';
  const liste = await verfahrenListe.execute({ ctx, actor, input: { status, personId } });
  const anlaesse = await anlaesseAuflisten.execute({ ctx, actor, input: { personId } });
  return {
    ...liste,
    anlaesse: anlaesse.anlaesse,
    person: anlaesse.person,
    darfBearbeiten: can(actor, 'fordern.bearbeiten'),
    darfTermine: can(actor, 'termine.bearbeiten'),
  };
}

const neuHref = (a: { anlassArt: string; anlassId: string }) => `/fordern/neu?anlass=${a.anlassArt}&id=${a.anlassId}`;

function ListePage() {
  const d = useLoaderData<typeof loader>();
  const optionen = [
    { value: 'offen', label: `offen (${d.anzahl.offen})` },
    ...VERFAHREN_STATUS.map((s) => ({ value: s, label: `${STATUS_TEXT[s]} (${d.anzahl[s]})` })),
    { value: 'alle', label: `alle (${d.anzahl.alle})` },
  ];
  const titel = d.person ? `Minderungsverfahren – ${d.person.name}` : 'Minderungsverfahren';
  return (
    <div className="kern-stack-lg">
      {d.person ? (
        <p className="kern-body">
          <a className="kern-link" href="/fordern">
            <span aria-hidden="true">← </span>Alle Minderungsverfahren
          </a>
        </p>
      ) : null}
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{titel}</h1>
        <p className="kern-body">
          Leistungsminderungen nach §§ 31 bis 32 SGB II: Anhörung, Entscheidung und Bescheid. Eine Minderung kann nur innerhalb der Feststellungsfrist nach der Pflichtverletzung
          festgestellt werden (§ 31b Abs. 1 S. 5 SGB II) – die Verfahren mit der nächsten Frist stehen oben.
        </p>
      </div>

      <section aria-labelledby="verfahren" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="verfahren">
          Verfahren
        </h2>
        <form method="get" action="/fordern" className="kern-stack-md form-narrow" aria-label="Verfahren filtern">
          {d.person ? <input type="hidden" name="person" value={d.person.id} /> : null}
          <SelectField name="status" label="Stand" options={optionen} defaultValue={d.status} />
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">Anzeigen</span>
          </button>
        </form>
        {d.verfahren.length === 0 ? (
          <p className="kern-body">Keine Verfahren in diesem Stand.</p>
        ) : (
          <TabellenBereich label="Minderungsverfahren">
            <table className="kern-table tabelle-stapel">
              <caption className="kern-sr-only">Minderungsverfahren</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Aktenzeichen</th>
                  <th scope="col" className="kern-table__header">Person</th>
                  <th scope="col" className="kern-table__header">Tatbestand</th>
                  <th scope="col" className="kern-table__header">Stand</th>
                  <th scope="col" className="kern-table__header">Nächste Frist</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.verfahren.map((v) => (
                  <tr key={v.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell" data-label="Aktenzeichen">
                      <a className="kern-link" href={`/fordern/verfahren/${v.id}`}>
                        {v.aktenzeichen}
                      </a>
                    </th>
                    <td className="kern-table__cell" data-label="Person">{`${v.name} (${v.fallnummer})`}</td>
                    <td className="kern-table__cell" data-label="Tatbestand">{`${v.tatbestandText} (${v.norm}); Pflichtverletzung am ${datumText(v.pflichtverletzungAm)}`}</td>
                    <td className="kern-table__cell" data-label="Stand">{v.statusText}</td>
                    <td className="kern-table__cell" data-label="Nächste Frist">
                      {v.naechsteFrist === null
                        ? '–'
                        : v.feststellungsfristAbgelaufen
                          ? `Feststellungsfrist am ${datumText(v.fristEnde)} abgelaufen – einstellen`
                          : `${v.naechsteFristArt === 'anhoerung' ? 'Anhörungsfrist' : 'Feststellungsfrist'} bis ${datumText(v.naechsteFrist)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {d.mehr ? <p className="kern-body">Es werden die ersten 200 Verfahren gezeigt. Bitte grenzen Sie mit dem Stand ein.</p> : null}
      </section>

      <section aria-labelledby="anlaesse" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="anlaesse">
          Anlässe ohne Verfahren
        </h2>
        <p className="kern-body">
          Versäumte Meldetermine, abgebrochene oder nicht angetretene Maßnahmen und fällige Pflichten aus einem Verwaltungsakt, deren Feststellungsfrist noch läuft. Ob ein
          Verfahren eröffnet wird, entscheiden Sie.
        </p>
        {d.anlaesse.length === 0 ? (
          <p className="kern-body">Keine offenen Anlässe.</p>
        ) : (
          <TabellenBereich label="Anlässe ohne Verfahren">
            <table className="kern-table tabelle-stapel">
              <caption className="kern-sr-only">Anlässe ohne Verfahren</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Person</th>
                  <th scope="col" className="kern-table__header">Anlass</th>
                  <th scope="col" className="kern-table__header">Feststellungsfrist</th>
                  <th scope="col" className="kern-table__header">Hinweis</th>
                  {d.darfBearbeiten ? (
                    <th scope="col" className="kern-table__header">
                      <span className="kern-sr-only">Aktion</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.anlaesse.map((a) => (
                  <tr key={`${a.anlassArt}-${a.anlassId}`} className="kern-table__row">
                    <th scope="row" className="kern-table__cell" data-label="Person">{`${a.name} (${a.fallnummer})`}</th>
                    <td className="kern-table__cell" data-label="Anlass">{`${a.beschreibung}, am ${datumText(a.tag)}`}</td>
                    <td className="kern-table__cell" data-label="Feststellungsfrist">{`bis ${datumText(a.fristEnde)}`}</td>
                    <td className="kern-table__cell" data-label="Hinweis">
                      {a.anlassArt === 'meldeversaeumnis' && !a.zugangAm ? (
                        d.darfTermine ? (
                          <a className="kern-link" href={`/termine/einladungen/${a.anlassId}#zugang`}>
                            Zugang der Einladung erfassen
                          </a>
                        ) : (
                          'Zugang der Einladung nicht erfasst'
                        )
                      ) : !a.belehrung ? (
                        'keine schriftliche Rechtsfolgenbelehrung erfasst'
                      ) : (
                        '–'
                      )}
                    </td>
                    {d.darfBearbeiten ? (
                      <td className="kern-table__cell">
                        <a className="kern-link" href={neuHref(a)}>
                          Verfahren eröffnen<span className="kern-sr-only">{` für ${a.name}`}</span>
                        </a>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {d.darfBearbeiten ? (
          <p className="kern-body">
            {d.person ? (
              <a className="kern-link" href={`/fordern/neu?anlass=manuell&person=${d.person.id}`}>
                Verfahren für {d.person.name} von Hand eröffnen
              </a>
            ) : (
              'Ein Verfahren ohne einen dieser Anlässe (z. B. ein abgelehntes Arbeitsangebot) eröffnen Sie aus der Integrationsakte der Person.'
            )}
          </p>
        ) : null}
      </section>
    </div>
  );
}

export const fordernListeRoute: RouteObject = { path: 'fordern', loader, Component: ListePage, handle: { title: 'Minderungsverfahren' } satisfies PageHandle };
