import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { ARBEITSUCHEND_GRUENDE, GESPRAECHSARTEN, NICHT_ARBEITSUCHEND_GRUENDE } from '../../../domain/foerdern/typen.ts';
import { GRUND_TEXT, STATUS_TEXT } from '../../../domain/foerdern/status.ts';
import { arbeitslosWiederherstellen } from '../../../server/integration/arbeitslos-wiederherstellen.ts';
import { betreuungZuweisen } from '../../../server/integration/betreuung-zuweisen.ts';
import { GESPRAECHSART_TEXT, gespraechsvermerkAnlegen } from '../../../server/integration/gespraechsvermerk-anlegen.ts';
import { integrationsakteLesen } from '../../../server/integration/integrationsakte.ts';
import { verfahrenListe } from '../../../server/fordern/verfahren-liste.ts';
import { can } from '../../../server/policies.ts';
import { statusBeenden, statusBerichtigen } from '../../../server/integration/status-berichtigen.ts';
import { statusErfassen } from '../../../server/integration/status-erfassen.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, fallFormFailure, zeitraumText, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): the Integrationsakte of one person — persönliche Ansprechpartnerin with history, Arbeitsmarktstatus
 * as of today with history and source (entered, or automatic from a Maßnahme or a job start), Langzeitarbeitslosigkeit,
 * Gesprächsvermerke, and in brief the other parts (Potenzialanalyse, Kooperationsplan, Maßnahmen, Integrationen)
 * with links. Thin: every form goes to its use case as it is; works without JavaScript.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  const ctx = web(context).app;
  const such = new URL(request.url).searchParams;
  const akte = await integrationsakteLesen.execute({ ctx, actor, input: { personId: params.personId ?? '', stichtag: such.get('stichtag') ?? '' } });
  // the person's Minderungsverfahren (Fordern), for those who may read them
  const minderungen = can(actor, 'fordern.lesen') ? (await verfahrenListe.execute({ ctx, actor, input: { personId: akte.person.id } })).verfahren : null;
  return { ...akte, ich: actor.userId, berichtigen: such.get('berichtigen') ?? '', minderungen, darfFordern: can(actor, 'fordern.bearbeiten'), darfEinladen: can(actor, 'termine.bearbeiten') };
}

type Ergebnis = FallFormResult;

const STATUS_FELDER = ['gueltigVon', 'gueltigBis', 'status', 'grund', 'bemerkung'];
const VERMERK_FELDER = ['datum', 'art', 'text', 'terminId', 'naechsterKontakt'];

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, ['integration.bearbeiten', 'betreuung.zuweisen']);
  const form = await readForm(request);
  const personId = params.personId ?? '';
  const ctx = web(context).app;
  const hier = `/integration/personen/${personId}`;
  const aktion = form.get('_aktion');
  if (aktion === 'status') {
    const values = Object.fromEntries(STATUS_FELDER.map((f) => [f, form.get(f)]));
    try {
      const r = await statusErfassen.execute({ ctx, actor, input: { personId, ...values } });
      flash(context, `Arbeitsmarktstatus „${STATUS_TEXT[r.status]}“ ${zeitraumText(r.gueltigVon, r.gueltigBis)} gespeichert.`);
      return redirect(`${hier}#status`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => p, 'status');
    }
  }
  if (aktion === 'beenden') {
    const values = { ende_bis: form.get('ende_bis') };
    try {
      const r = await statusBeenden.execute({ ctx, actor, input: { id: form.get('id'), gueltigBis: values.ende_bis } });
      flash(context, `Der Status endet am ${datumText(r.gueltigBis)}.`);
      return redirect(`${hier}#status`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => (p === 'gueltigBis' ? 'ende_bis' : p), 'beenden');
    }
  }
  if (aktion === 'berichtigen') {
    const values = Object.fromEntries(['b_id', ...STATUS_FELDER.map((f) => `b_${f}`)].map((f) => [f, form.get(f)]));
    try {
      const r = await statusBerichtigen.execute({
        ctx,
        actor,
        input: { id: values.b_id, gueltigVon: values.b_gueltigVon, gueltigBis: values.b_gueltigBis, status: values.b_status, grund: values.b_grund, bemerkung: values.b_bemerkung },
      });
      flash(context, `Status berichtigt: „${STATUS_TEXT[r.status]}“ ${zeitraumText(r.gueltigVon, r.gueltigBis)}.`);
      return redirect(`${hier}#status`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => (p === 'id' ? 'b_id' : `b_${p}`), 'berichtigen');
    }
  }
  if (aktion === 'wiederherstellen') {
    try {
      const r = await arbeitslosWiederherstellen.execute({ ctx, actor, input: { personId, ab: form.get('ab') } });
      flash(context, `Arbeitslos ab ${datumText(r.ab)} wieder erfasst.`);
      return redirect(`${hier}#status`);
    } catch (err) {
      return fallFormFailure(context, err, {}, (p) => p, 'wiederherstellen');
    }
  }
  if (aktion === 'zuweisen') {
    const values = { fachkraftId: form.get('fachkraftId'), ab: form.get('ab'), zuweisungGrund: form.get('zuweisungGrund') };
    try {
      const r = await betreuungZuweisen.execute({ ctx, actor, input: { personId, fachkraftId: values.fachkraftId, ab: values.ab, grund: values.zuweisungGrund } });
      flash(context, r.unveraendert ? `${r.fachkraftName} ist schon Ansprechpartner/in.` : `${r.fachkraftName} ist ab ${datumText(r.ab)} Ansprechpartner/in.`);
      return redirect(`${hier}#betreuung`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => (p === 'grund' ? 'zuweisungGrund' : p), 'zuweisen');
    }
  }
  const values = Object.fromEntries(VERMERK_FELDER.map((f) => [f, form.get(f)]));
  try {
    const r = await gespraechsvermerkAnlegen.execute({ ctx, actor, input: { personId, ...values } });
    const teile = [`Gesprächsvermerk vom ${datumText(r.datum)} gespeichert.`];
    if (r.terminErgebnis) teile.push('Der Termin ist als wahrgenommen erfasst.');
    if (r.erledigteWiedervorlagen) teile.push('Die Wiedervorlage zum vereinbarten Kontakt ist erledigt.');
    if (r.wiedervorlageId) teile.push(`Wiedervorlage zum nächsten Kontakt am ${datumText(r.naechsterKontakt)} angelegt.`);
    flash(context, teile.join(' '));
    return redirect(`${hier}#vermerke`);
  } catch (err) {
    return fallFormFailure(context, err, values, (p) => p, 'vermerk');
  }
}

const grundOptionen = [
  { value: '', label: 'kein Grund (bei „arbeitslos“)' },
  ...ARBEITSUCHEND_GRUENDE.map((g) => ({ value: g, label: `arbeitsuchend: ${GRUND_TEXT[g]}` })),
  ...NICHT_ARBEITSUCHEND_GRUENDE.filter((g) => g !== 'sonstiges').map((g) => ({ value: g, label: `nicht arbeitsuchend: ${GRUND_TEXT[g]}` })),
];
const terminText = (t: { beginn: string; kanal: string }) =>
  `${new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t.beginn))} (${t.kanal === 'vor_ort' ? 'vor Ort' : t.kanal === 'telefon' ? 'Telefon' : 'Video'})`;

function IntegrationsaktePage() {
  const d = useLoaderData<typeof loader>();
  // a conversation note records the appointment as attended: never offer one already recorded as missed or cancelled
  const vermerkTermine = d.termine.filter((t) => t.status !== 'nicht_erschienen' && t.status !== 'abgesagt' && !String(t.einladungStatus ?? '').startsWith('nicht_erschienen'));
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const name = `${d.person.vorname} ${d.person.nachname}`;
  const hier = `/integration/personen/${d.person.id}`;
  const fehler = (aktion: string): FieldErrors => (r?.aktion === aktion ? r.errors : {});
  const wert = (aktion: string, f: string, vorgabe = '') => (r?.aktion === aktion ? (r.values?.[f] ?? vorgabe) : vorgabe);
  const konflikt = (aktion: string) => (r?.aktion === aktion && !Object.keys(r.errors).length ? r.konflikt : undefined);
  const u = d.uebersicht;
  const offen = d.status.aktuell && d.status.perioden.find((p) => p.id === d.status.aktuell?.id && p.gueltigBis === null);
  const berichtigtId = r?.aktion === 'berichtigen' ? (r.values?.b_id ?? '') : d.berichtigen;
  const berichtigt = d.status.perioden.find((p) => p.id === berichtigtId);
  const kannUebernehmen = d.darfBearbeiten && !d.darfZuweisen && !d.betreuung.aktuell;
  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/faelle/${d.person.bgId}`} label={`Zur Fallakte ${d.person.fallnummer}`} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Integrationsakte – ${name}`}</h1>
        <p className="kern-body">{`Geboren am ${datumText(d.person.geburtsdatum)}, Fallakte ${d.person.fallnummer}.`}</p>
        {!d.person.elb ? (
          <Alert type="warning" title="Keine erwerbsfähige leistungsberechtigte Person">
            <p className="kern-body">Die Person gehört heute nicht als erwerbsfähige Leistungsberechtigte zu einer laufenden Bedarfsgemeinschaft. Die Akte kann gelesen, aber nicht fortgeführt werden.</p>
          </Alert>
        ) : null}
      </div>

      <nav aria-label="Teile der Integrationsakte" className="kern-stack-xs">
        <h2 className="kern-heading-medium">Übersicht</h2>
        <ul className="kern-list">
          <li>
            <a className="kern-link" href={`${hier}/potenzialanalyse`}>
              Potenzialanalyse
            </a>
            {`: ${u.potenzialanalyse ? `Fassung ${u.potenzialanalyse.fassung} vom ${datumText(u.potenzialanalyse.erstelltAm)}, ${u.potenzialanalyse.anzahlHandlungsbedarfe === 1 ? 'ein Handlungsbedarf' : `${u.potenzialanalyse.anzahlHandlungsbedarfe} Handlungsbedarfe`}` : 'noch keine'}`}
          </li>
          <li>
            <a className="kern-link" href={`${hier}/kooperationsplan`}>
              Kooperationsplan
            </a>
            {`: ${
              u.kooperationsplan.geltend
                ? `Fassung ${u.kooperationsplan.geltend.fassung}, Überprüfung bis ${datumText(u.kooperationsplan.geltend.naechsteUeberpruefung)}`
                : u.kooperationsplan.entwurf
                  ? `Entwurf vom ${datumText(u.kooperationsplan.entwurf.erstelltAm)}`
                  : 'noch keiner'
            }${u.kooperationsplan.schlichtungBis ? `; Schlichtung bis ${datumText(u.kooperationsplan.schlichtungBis)}` : ''}`}
          </li>
          <li>
            <a className="kern-link" href={`${hier}/massnahmen`}>
              Maßnahmen
            </a>
            {`: ${u.massnahmen.laufend} laufend, ${u.massnahmen.offen} offen, ${u.massnahmen.beendet} beendet`}
          </li>
          <li>
            <a className="kern-link" href={`${hier}/integrationen`}>
              Integrationen
            </a>
            {`: ${u.integrationen.anzahl === 0 ? 'keine Beschäftigungsaufnahme erfasst' : `${u.integrationen.anzahl} erfasst${u.integrationen.laufend ? `, läuft: ${u.integrationen.laufend.artText} bei ${u.integrationen.laufend.arbeitgeber}` : ''}`}`}
          </li>
          <li>
            <a className="kern-link" href={`${hier}/foerderleistungen`}>
              Förderleistungen
            </a>
          </li>
          {d.minderungen ? (
            <li>
              <a className="kern-link" href={`/fordern?person=${d.person.id}&status=alle`}>
                Minderungsverfahren
              </a>
              {`: ${d.minderungen.length === 0 ? 'keine' : `${d.minderungen.filter((m) => m.offen).length} offen, ${d.minderungen.length} insgesamt`}`}
              {d.minderungen.length ? (
                <ul className="kern-list">
                  {d.minderungen.slice(0, 5).map((m) => (
                    <li key={m.id}>
                      <a className="kern-link" href={`/fordern/verfahren/${m.id}`}>
                        {m.aktenzeichen}
                      </a>
                      {`: ${m.tatbestandText}, Pflichtverletzung am ${datumText(m.pflichtverletzungAm)} – ${m.statusText}`}
                    </li>
                  ))}
                </ul>
              ) : null}
              {d.darfFordern && d.person.elb ? (
                <>
                  {' '}
                  <a className="kern-link" href={`/fordern/neu?anlass=manuell&person=${d.person.id}`}>
                    Minderungsverfahren von Hand eröffnen
                  </a>
                </>
              ) : null}
            </li>
          ) : null}
          {d.darfEinladen && d.person.elb ? (
            <li>
              <a className="kern-link" href={`/termine/einladen?person=${d.person.id}`}>
                Zum Meldetermin einladen
              </a>
            </li>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="betreuung" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="betreuung">
          Persönliche Ansprechpartnerin / persönlicher Ansprechpartner
        </h2>
        <p className="kern-body">{d.betreuung.aktuell ? `${d.betreuung.aktuell.fachkraftName} seit ${datumText(d.betreuung.aktuell.seit)}` : 'Niemand zugewiesen.'}</p>
        {d.betreuung.verlauf.length > 1 ? (
          <TabellenBereich label="Verlauf der Betreuung">
            <table className="kern-table">
              <caption className="kern-sr-only">Verlauf der Betreuung</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Zeitraum</th>
                  <th scope="col" className="kern-table__header">Fachkraft</th>
                  <th scope="col" className="kern-table__header">Grund</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.betreuung.verlauf.map((b) => (
                  <tr key={b.id} className="kern-table__row">
                    <td className="kern-table__cell">{zeitraumText(b.gueltigVon, b.gueltigBis)}</td>
                    <td className="kern-table__cell">{b.fachkraftName}</td>
                    <td className="kern-table__cell">{b.grund ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        ) : null}
        {d.person.elb && d.darfZuweisen ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Ansprechpartner zuweisen" className="kern-stack-md form-narrow">
            <ErrorSummary errors={fehler('zuweisen')} title="Bitte prüfen Sie die Zuweisung" />
            <KonfliktHinweis text={konflikt('zuweisen')} />
            <SelectField
              name="fachkraftId"
              label="Neue Ansprechpartnerin / neuer Ansprechpartner"
              options={[{ value: '', label: 'Bitte wählen' }, ...d.fachkraefte.map((f) => ({ value: f.id, label: f.name }))]}
              defaultValue={wert('zuweisen', 'fachkraftId')}
              error={fehler('zuweisen').fachkraftId}
            />
            <TextField name="ab" label="ab" type="date" hint="Die bisherige Betreuung endet am Vortag." defaultValue={wert('zuweisen', 'ab', d.heute)} error={fehler('zuweisen').ab} />
            <TextField name="zuweisungGrund" label="Grund" optionalLabel="optional" defaultValue={wert('zuweisen', 'zuweisungGrund')} error={fehler('zuweisen').zuweisungGrund} />
            <SubmitButton name="_aktion" value="zuweisen" variant="secondary">
              Zuweisen
            </SubmitButton>
          </PostForm>
        ) : null}
        {d.person.elb && kannUebernehmen ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Betreuung übernehmen">
            <KonfliktHinweis text={konflikt('zuweisen')} />
            <input type="hidden" name="fachkraftId" value={d.ich} />
            <input type="hidden" name="ab" value={d.heute} />
            <input type="hidden" name="zuweisungGrund" value="Neuzugang" />
            <SubmitButton name="_aktion" value="zuweisen" variant="secondary">
              Betreuung ab heute übernehmen
            </SubmitButton>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="status" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="status">
          Arbeitsmarktstatus
        </h2>
        <p className="kern-body">
          {d.status.aktuell ? `Am ${datumText(d.stichtag)}: ${d.status.aktuell.text}${d.status.aktuell.grundText ? ` (${d.status.aktuell.grundText})` : ''}.` : `Am ${datumText(d.stichtag)} ist kein Status erfasst.`}
          {d.status.arbeitslosSeit ? ` Arbeitslos seit ${datumText(d.status.arbeitslosSeit)}.` : ''}
          {d.status.langzeitarbeitslosSeit ? ` Langzeitarbeitslos (§ 18 SGB III) seit ${datumText(d.status.langzeitarbeitslosSeit)}.` : ''}
        </p>
        <form method="get" action={`${hier}#status`} className="kern-stack-md form-narrow" aria-label="Status an einem Tag">
          <TextField name="stichtag" label="Stand am" type="date" defaultValue={d.stichtag} />
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">Anzeigen</span>
          </button>
        </form>
        {d.status.angebotArbeitslosAb ? (
          <Alert type="info" title="Nach dem Austritt aus der Maßnahme">
            <p className="kern-body">{`Die Maßnahme ist beendet. Ist die Person ab ${datumText(d.status.angebotArbeitslosAb.ab)} wieder arbeitslos (verfügbar und arbeitsuchend)?`}</p>
            <KonfliktHinweis text={konflikt('wiederherstellen')} />
            <PostForm csrfToken={csrfToken} action={hier} aria-label="Arbeitslosigkeit wiederherstellen">
              <input type="hidden" name="ab" value={d.status.angebotArbeitslosAb.ab} />
              <SubmitButton name="_aktion" value="wiederherstellen">
                {`Arbeitslos ab ${datumText(d.status.angebotArbeitslosAb.ab)} erfassen`}
              </SubmitButton>
            </PostForm>
          </Alert>
        ) : null}
        {d.status.perioden.length === 0 ? (
          <p className="kern-body">Noch kein Status erfasst.</p>
        ) : (
          <TabellenBereich label="Verlauf des Arbeitsmarktstatus">
            <table className="kern-table">
              <caption className="kern-sr-only">Verlauf des Arbeitsmarktstatus</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Zeitraum</th>
                  <th scope="col" className="kern-table__header">Status</th>
                  <th scope="col" className="kern-table__header">Grund</th>
                  <th scope="col" className="kern-table__header">Herkunft</th>
                  {d.darfBearbeiten && d.person.elb ? (
                    <th scope="col" className="kern-table__header">
                      <span className="sr-only">Aktion</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.status.perioden.map((p) => (
                  <tr key={p.id} className="kern-table__row">
                    <td className="kern-table__cell">{zeitraumText(p.gueltigVon, p.gueltigBis)}</td>
                    <td className="kern-table__cell">{p.text}</td>
                    <td className="kern-table__cell">{p.grundText ?? '–'}</td>
                    <td className="kern-table__cell">{`${p.quelleText}${p.bemerkung ? ` – ${p.bemerkung}` : ''}`}</td>
                    {d.darfBearbeiten && d.person.elb ? (
                      <td className="kern-table__cell">
                        <a className="kern-link" href={`${hier}?berichtigen=${p.id}#berichtigen`}>
                          Berichtigen<span className="sr-only">{` ${p.text} ${zeitraumText(p.gueltigVon, p.gueltigBis)}`}</span>
                        </a>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {d.darfBearbeiten && d.person.elb && offen ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Laufenden Status beenden" className="kern-stack-md form-narrow">
            <ErrorSummary errors={fehler('beenden')} title="Bitte prüfen Sie das Ende" />
            <KonfliktHinweis text={konflikt('beenden')} />
            <input type="hidden" name="id" value={offen.id} />
            <TextField name="ende_bis" label={`Letzter Tag „${offen.text}“ (seit ${datumText(offen.gueltigVon)})`} type="date" defaultValue={wert('beenden', 'ende_bis')} error={fehler('beenden').ende_bis} />
            <SubmitButton name="_aktion" value="beenden" variant="secondary">
              Status beenden
            </SubmitButton>
          </PostForm>
        ) : null}
        {d.darfBearbeiten && d.person.elb && berichtigt ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Status-Zeitraum berichtigen" className="kern-stack-md form-narrow">
            <h3 className="kern-heading-small" id="berichtigen">{`Zeitraum berichtigen: ${berichtigt.text} ${zeitraumText(berichtigt.gueltigVon, berichtigt.gueltigBis)}`}</h3>
            <ErrorSummary errors={fehler('berichtigen')} title="Bitte prüfen Sie die Berichtigung" />
            <KonfliktHinweis text={konflikt('berichtigen')} />
            <input type="hidden" name="b_id" value={berichtigt.id} />
            <SelectField
              name="b_status"
              label="Status (Berichtigung)"
              options={(['arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend'] as const).map((x) => ({ value: x, label: STATUS_TEXT[x] }))}
              defaultValue={wert('berichtigen', 'b_status', berichtigt.status)}
              error={fehler('berichtigen').b_status}
            />
            <SelectField name="b_grund" label="Grund (Berichtigung)" options={grundOptionen} defaultValue={wert('berichtigen', 'b_grund', berichtigt.grund ?? '')} error={fehler('berichtigen').b_grund} />
            <TextField name="b_gueltigVon" label="ab (Berichtigung)" type="date" defaultValue={wert('berichtigen', 'b_gueltigVon', berichtigt.gueltigVon)} error={fehler('berichtigen').b_gueltigVon} />
            <TextField name="b_gueltigBis" label="bis (Berichtigung)" type="date" optionalLabel="leer: offen" defaultValue={wert('berichtigen', 'b_gueltigBis', berichtigt.gueltigBis ?? '')} error={fehler('berichtigen').b_gueltigBis} />
            <TextField name="b_bemerkung" label="Bemerkung (Berichtigung)" optionalLabel="optional" defaultValue={wert('berichtigen', 'b_bemerkung', berichtigt.bemerkung ?? '')} error={fehler('berichtigen').b_bemerkung} />
            <SubmitButton name="_aktion" value="berichtigen" variant="secondary">
              Berichtigung speichern
            </SubmitButton>
          </PostForm>
        ) : null}
        {d.darfBearbeiten && d.person.elb ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Arbeitsmarktstatus erfassen" className="kern-stack-md form-narrow">
            <h3 className="kern-heading-small">Status erfassen</h3>
            <ErrorSummary errors={fehler('status')} title="Bitte prüfen Sie den Status" />
            <KonfliktHinweis text={konflikt('status')} />
            <SelectField
              name="status"
              label="Status"
              options={[{ value: '', label: 'Bitte wählen' }, ...(['arbeitslos', 'arbeitsuchend', 'nicht_arbeitsuchend'] as const).map((s) => ({ value: s, label: STATUS_TEXT[s] }))]}
              defaultValue={wert('status', 'status')}
              error={fehler('status').status}
            />
            <SelectField name="grund" label="Grund" hint="Pflicht außer bei „arbeitslos“" options={grundOptionen} defaultValue={wert('status', 'grund')} error={fehler('status').grund} />
            <TextField name="gueltigVon" label="ab" type="date" defaultValue={wert('status', 'gueltigVon', d.heute)} error={fehler('status').gueltigVon} />
            <TextField name="gueltigBis" label="bis" type="date" optionalLabel="leer: offen" defaultValue={wert('status', 'gueltigBis')} error={fehler('status').gueltigBis} />
            <TextField name="bemerkung" label="Bemerkung" optionalLabel="optional" defaultValue={wert('status', 'bemerkung')} error={fehler('status').bemerkung} />
            <SubmitButton name="_aktion" value="status">
              Status speichern
            </SubmitButton>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="vermerke" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="vermerke">
          Gesprächsvermerke
        </h2>
        {d.gespraechsvermerke.length === 0 ? (
          <p className="kern-body">Noch keine Gesprächsvermerke.</p>
        ) : (
          <ul className="kern-stack-sm vermerk-liste">
            {d.gespraechsvermerke.map((v) => (
              <li key={v.id} className="kern-stack-xs">
                <p className="kern-body kern-body--bold">{`${datumText(v.datum)} – ${v.artText} – ${v.von}${v.terminId ? ' (zum Termin)' : ''}`}</p>
                {v.text !== null ? <p className="kern-body vermerk-text">{v.text}</p> : <p className="kern-body">Inhalt nur für die Integration sichtbar.</p>}
                {v.naechsterKontakt ? <p className="kern-body">{`Nächster Kontakt: ${datumText(v.naechsterKontakt)}`}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {d.darfBearbeiten && d.person.elb ? (
          <PostForm csrfToken={csrfToken} action={hier} aria-label="Gesprächsvermerk anlegen" className="kern-stack-md form-narrow">
            <h3 className="kern-heading-small">Gesprächsvermerk anlegen</h3>
            <ErrorSummary errors={fehler('vermerk')} title="Bitte prüfen Sie den Vermerk" />
            <KonfliktHinweis text={konflikt('vermerk')} />
            <TextField name="datum" label="Datum des Gesprächs" type="date" defaultValue={wert('vermerk', 'datum', d.heute)} error={fehler('vermerk').datum} />
            <SelectField
              name="art"
              label="Art des Gesprächs"
              options={[{ value: '', label: 'Bitte wählen' }, ...GESPRAECHSARTEN.map((a) => ({ value: a, label: GESPRAECHSART_TEXT[a] }))]}
              defaultValue={wert('vermerk', 'art')}
              error={fehler('vermerk').art}
            />
            <TextAreaField name="text" label="Inhalt" rows={6} defaultValue={wert('vermerk', 'text')} error={fehler('vermerk').text} />
            {vermerkTermine.length > 0 ? (
              <SelectField
                name="terminId"
                label="Zum Termin"
                hint="Der Termin wird als wahrgenommen erfasst."
                options={[{ value: '', label: 'ohne Termin' }, ...vermerkTermine.map((t) => ({ value: t.terminId, label: terminText(t) }))]}
                defaultValue={wert('vermerk', 'terminId')}
                error={fehler('vermerk').terminId}
              />
            ) : null}
            <TextField
              name="naechsterKontakt"
              label="Nächster Kontakt"
              type="date"
              optionalLabel="optional"
              hint="Legt eine Wiedervorlage für die persönliche Ansprechperson an."
              defaultValue={wert('vermerk', 'naechsterKontakt')}
              error={fehler('vermerk').naechsterKontakt}
            />
            <SubmitButton name="_aktion" value="vermerk">
              Vermerk speichern
            </SubmitButton>
          </PostForm>
        ) : null}
      </section>
    </div>
  );
}

export const integrationsakteRoute: RouteObject = {
  path: 'integration/personen/:personId',
  loader,
  action,
  Component: IntegrationsaktePage,
  handle: { title: 'Integrationsakte' } satisfies PageHandle,
};
