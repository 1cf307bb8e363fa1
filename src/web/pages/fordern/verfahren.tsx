import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { verfahrenAnsehen } from '../../../server/fordern/verfahren-ansehen.ts';
import { verfahrenEinstellen } from '../../../server/fordern/verfahren-einstellen.ts';
import { can } from '../../../server/policies.ts';
import { ZUGANG_TEXT } from '../../../server/termine/einladung-zugang.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, PostForm, SubmitButton, TextAreaField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, requirePermission, web } from '../../web-context.ts';
import { datumText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, Fakten, formFailure, KonfliktHinweis, Zurueck, type FormResult } from '../verwaltung/shared.tsx';
import { AnhoerungAbschnitt, anhoerungAktionen, anhoerungLaden } from './anhoerung-abschnitt.tsx';
import { EntscheidungAbschnitt, entscheidungAktionen, entscheidungLaden } from './entscheidung-abschnitt.tsx';
import { BELEHRUNG_TEXT } from './neu.tsx';

/**
 * Staff (German): one Minderungsverfahren — header, facts (Anlass, Tatbestand, Pflichtverletzung, Feststellungsfrist,
 * Rechtsfolgenbelehrung with Zugang), the Anhörung (slice C, anhoerung-abschnitt.tsx), the decision (slice D,
 * entscheidung-abschnitt.tsx), "Verfahren einstellen", the history and the person's earlier Minderungen. One action
 * for every form of the page: it dispatches on the form field `aktion` (C: 'anhoerung_versenden', 'antwort_erfassen';
 * D: 'entscheiden', 'freigeben', 'vorzeitig_beenden', 'aufheben'; here: 'einstellen').
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fordern.lesen');
  const id = params.id ?? '';
  const d = await verfahrenAnsehen.execute({ ctx: web(context).app, actor, input: { id } });
  const anhoerung = await anhoerungLaden({ context, request, id });
  const entscheidung = await entscheidungLaden({ context, request, id });
  return { ...d, anhoerung, entscheidung, links: { integration: can(actor, 'integration.lesen'), fall: can(actor, 'fall.lesen') } };
}

type AktionArgs = { request: Request; context: unknown; params: Record<string, string | undefined>; form: FormData };
type EinstellenErgebnis = FormResult & { aktion: 'einstellen' };

const feld = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

async function einstellen(a: AktionArgs): Promise<Response | EinstellenErgebnis> {
  const actor = requirePermission(a.context, a.request, 'fordern.bearbeiten');
  const id = a.params.id ?? '';
  const values = { grund: feld(a.form, 'grund'), wichtigerGrund: feld(a.form, 'wichtigerGrund') };
  try {
    const r = await verfahrenEinstellen.execute({ ctx: web(a.context).app, actor, input: { id, grund: values.grund, wichtigerGrund: values.wichtigerGrund || undefined, version: feld(a.form, 'version') } });
    flash(a.context, `Das Minderungsverfahren ${r.aktenzeichen} ist eingestellt. Es wird keine Minderung festgestellt.`);
    return redirect(`/fordern/verfahren/${id}`);
  } catch (err) {
    return { ...formFailure(a.context, err, values), aktion: 'einstellen' };
  }
}

const AKTIONEN: Record<string, (a: AktionArgs) => Promise<Response | object>> = { ...anhoerungAktionen, ...entscheidungAktionen, einstellen };

async function action({ context, request, params }: ActionFunctionArgs) {
  requirePermission(context, request, 'fordern.lesen');
  const form = await request.formData();
  const aktion = feld(form, 'aktion');
  const handler = AKTIONEN[aktion];
  if (!handler) throw new AppError('bad_request', 400, 'Diese Aktion gibt es auf dieser Seite nicht.');
  return handler({ request, context, params, form });
}

const MINDERUNG_ART_TEXT: Record<string, string> = { minderung: 'Minderung', wegfall_regelbedarf: 'Wegfall des Regelbedarfs', nichterreichbarkeit: 'Wegfall wegen Nichterreichbarkeit (§ 7b Abs. 4 SGB II)' };
const monatText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** "…liegt nicht vor).." → one full stop */
const ohneDoppelpunkt = (t: string) => t.replace(/\.\.(?!\.)/g, '.');
/** entries written before the wording was fixed: a personal Anhörung is arranged, not "sent" */
const verlaufText = (t: string) =>
  ohneDoppelpunkt(t)
    .replace(/^Anhörung persönlich versandt, persönliche Anhörung am ([0-9.]+)/, 'Persönliche Anhörung am $1 vereinbart')
    .replace(/^Anhörung schriftlich und persönlich versandt, persönliche Anhörung am ([0-9.]+)/, 'Anhörung schriftlich versandt und persönliche Anhörung am $1 vereinbart');

function VerfahrenPage() {
  const d = useLoaderData<typeof loader>();
  const ergebnis = useActionData() as object | undefined;
  const { csrfToken } = useRoot();
  const v = d.verfahren;
  const eigen = ergebnis && 'aktion' in ergebnis && (ergebnis as { aktion: string }).aktion === 'einstellen' ? (ergebnis as EinstellenErgebnis) : undefined;
  const kannEinstellen = d.rechte.bearbeiten && d.aktionen.includes('einstellen');
  const belehrung =
    v.belehrungArt === 'nicht_erforderlich'
      ? BELEHRUNG_TEXT.nicht_erforderlich
      : `${BELEHRUNG_TEXT[v.belehrungArt]}${v.belehrungAm ? `, vom ${datumText(v.belehrungAm)}` : ''}${v.belehrungZugangArt && v.belehrungZugangAm ? `; zugegangen ${ZUGANG_TEXT[v.belehrungZugangArt]} am ${datumText(v.belehrungZugangAm)}` : ''}`;
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/fordern" label="Zu den Minderungsverfahren" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Minderungsverfahren ${v.aktenzeichen}`}</h1>
        <p className="kern-body">
          {`${d.person.name}, Fallakte ${d.person.fallnummer}. Stand: `}
          <strong>{v.statusText}</strong>
        </p>
      </div>
      {v.feststellungsfristAbgelaufen ? (
        <Alert type="warning" title="Feststellungsfrist abgelaufen">
          <p className="kern-body">{`Die Minderung hätte bis zum ${datumText(v.fristEnde)} festgestellt werden müssen (§ 31b Abs. 1 S. 5 SGB II). Bitte stellen Sie das Verfahren ein.`}</p>
        </Alert>
      ) : null}

      <section aria-labelledby="sachverhalt" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="sachverhalt">
          Sachverhalt
        </h2>
        <Fakten
          items={[
            [
              'Person',
              <>
                {d.person.name}
                {d.links.integration ? (
                  <>
                    {' – '}
                    <a className="kern-link" href={`/integration/personen/${d.person.id}`}>
                      Integrationsakte
                    </a>
                  </>
                ) : null}
                {d.links.fall ? (
                  <>
                    {' – '}
                    <a className="kern-link" href={`/faelle/${d.person.bgId}`}>
                      {`Fallakte ${d.person.fallnummer}`}
                    </a>
                  </>
                ) : null}
              </>,
            ],
            [
              'Anlass',
              <>
                {`${v.anlassArtText}: ${v.anlassText}`}
                {d.anlassLink ? (
                  <>
                    {' '}
                    <a className="kern-link" href={d.anlassLink.href}>
                      {d.anlassLink.text}
                    </a>
                  </>
                ) : null}
              </>,
            ],
            ['Tatbestand', `${v.tatbestandText} (${v.norm})`],
            ['Pflichtverletzung am', datumText(v.pflichtverletzungAm)],
            ['Feststellungsfrist', `bis ${datumText(v.fristEnde)}`],
            ['Rechtsfolgenbelehrung', belehrung],
            ...(v.einstellungsgrund ? ([[v.status === 'aufgehoben' ? 'Grund der Aufhebung' : 'Grund der Einstellung', ohneDoppelpunkt(v.einstellungsgrund)]] as [string, string][]) : []),
          ]}
        />
        {v.belehrungText ? (
          <details>
            <summary className="kern-link">Text der Rechtsfolgenbelehrung</summary>
            <p className="kern-body pre-line">{v.belehrungText}</p>
          </details>
        ) : null}
      </section>

      <AnhoerungAbschnitt daten={d.anhoerung} csrfToken={csrfToken} ergebnis={ergebnis} />
      <EntscheidungAbschnitt daten={d.entscheidung} csrfToken={csrfToken} ergebnis={ergebnis} />

      {kannEinstellen ? (
        <section aria-labelledby="einstellen" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="einstellen">
            Verfahren einstellen
          </h2>
          <p className="kern-body">Ohne Minderung beenden – zum Beispiel weil ein wichtiger Grund vorlag, die Frist abgelaufen ist oder der Anlass entfallen ist.</p>
          <ErrorSummary errors={eigen?.errors ?? {}} title="Bitte prüfen Sie die Einstellung" />
          <KonfliktHinweis text={eigen?.konflikt} />
          <PostForm csrfToken={csrfToken} action={`/fordern/verfahren/${v.id}`} aria-label="Verfahren einstellen" className="kern-stack-md form-narrow">
            <input type="hidden" name="version" value={v.version} />
            <TextAreaField name="grund" label="Grund der Einstellung" defaultValue={(eigen?.values?.grund as string | undefined) ?? ''} error={eigen?.errors.grund} rows={3} />
            <Checkbox
              name="wichtigerGrund"
              label="Ein wichtiger Grund ist anerkannt"
              hint="Dann zählt das Meldeversäumnis nicht mehr als Meldeversäumnis in Folge."
              checked={(eigen?.values?.wichtigerGrund as string | undefined) === '1'}
            />
            <SubmitButton variant="secondary" name="aktion" value="einstellen">
              Verfahren einstellen
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="verlauf" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="verlauf">
          Verlauf
        </h2>
        <ol className="kern-list">
          {v.verlauf.map((ev, i) => (
            <li key={`${ev.am}-${i}`}>{`${berlinZeit(ev.am)}: ${verlaufText(ev.text)}${ev.von ? ` (${ev.von})` : ''}`}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="frueher" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="frueher">
          Frühere Minderungen der Person
        </h2>
        {d.fruehereMinderungen.length === 0 ? (
          <p className="kern-body">Keine.</p>
        ) : (
          <TabellenBereich label="Frühere Minderungen">
            <table className="kern-table">
              <caption className="kern-sr-only">Frühere Minderungen</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Verfahren</th>
                  <th scope="col" className="kern-table__header">Minderung</th>
                  <th scope="col" className="kern-table__header">Zeitraum</th>
                  <th scope="col" className="kern-table__header">Festgestellt am</th>
                  <th scope="col" className="kern-table__header">Stand</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.fruehereMinderungen.map((m) => (
                  <tr key={m.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      <a className="kern-link" href={`/fordern/verfahren/${m.verfahrenId}`}>
                        {m.aktenzeichen}
                      </a>
                    </th>
                    <td className="kern-table__cell">{`${MINDERUNG_ART_TEXT[m.art] ?? m.art}, ${m.prozent} %`}</td>
                    <td className="kern-table__cell">{`${monatText(m.vonMonat)} – ${monatText(m.bisMonat)}`}</td>
                    <td className="kern-table__cell">{datumText(m.festgestelltAm)}</td>
                    <td className="kern-table__cell">
                      {m.aufgehobenAm ? `aufgehoben am ${datumText(m.aufgehobenAm)}` : m.beendetAbMonat ? `vorzeitig beendet ab ${monatText(m.beendetAbMonat)}` : 'festgestellt'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {d.weitereVerfahren.length ? (
          <>
            <h3 className="kern-heading-small">Weitere Verfahren der Person</h3>
            <ul className="kern-list">
              {d.weitereVerfahren.map((w) => (
                <li key={w.id}>
                  <a className="kern-link" href={`/fordern/verfahren/${w.id}`}>
                    {w.aktenzeichen}
                  </a>
                  {`: ${w.tatbestandText}, Pflichtverletzung am ${datumText(w.pflichtverletzungAm)} – ${w.statusText}`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

export const fordernVerfahrenRoute: RouteObject = {
  path: 'fordern/verfahren/:id',
  loader,
  action,
  Component: VerfahrenPage,
  handle: { title: 'Minderungsverfahren' } satisfies PageHandle,
};
