import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { INTEGRATIONSARTEN_AUSWAHL, NACHFRAGE_TEXT, NACHHALTIGKEIT_TEXT } from '../../../domain/foerdern/integration.ts';
import { NACHHALTIGKEIT_ERGEBNISSE } from '../../../domain/foerdern/typen.ts';
import { beschaeftigungBeenden } from '../../../server/integration/integration-beenden.ts';
import { integrationErfassen } from '../../../server/integration/integration-erfassen.ts';
import { nachhaltigkeitErfassen } from '../../../server/integration/integration-nachhaltigkeit.ts';
import { integrationenLesen } from '../../../server/integration/integrationen-lesen.ts';
import { can } from '../../../server/policies.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { Fakten, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): the job starts of one person — Beschäftigungsperioden with how each counts, the form to record a
 * job start (prefilled from `?teilnahmeId=&beginn=` after an Austritt with reason Arbeitsaufnahme), the 6-month
 * follow-up and the end of a period. Thin: every form field goes to a use case as it is.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  const d = await integrationenLesen.execute({ ctx: web(context).app, actor, input: { personId: params.personId ?? '' } });
  const q = new URL(request.url).searchParams;
  return {
    ...d,
    darfBearbeiten: can(actor, 'integration.bearbeiten'),
    darfFallLesen: can(actor, 'fall.lesen'),
    vorbelegung: { teilnahmeId: q.get('teilnahmeId') ?? '', beginn: q.get('beginn') ?? '' },
  };
}

type Ergebnis = FallFormResult & { id?: string };

const ERFASSEN_FELDER = ['art', 'beginn', 'arbeitgeber', 'wochenstunden', 'erwartetesBruttoCent', 'erwartetesNettoCent', 'teilnahmeId', 'bemerkung'];

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'integration.bearbeiten');
  const form = await readForm(request);
  const personId = params.personId ?? '';
  const ctx = web(context).app;
  const aktion = form.get('_aktion');
  const id = form.get('id');
  const k = kurz(id);
  const hier = `/integration/personen/${personId}/integrationen`;
  if (aktion === 'nachhaltigkeit') {
    const values = { ergebnis: form.get(`ergebnis_${k}`), am: form.get(`am_${k}`), bemerkung: form.get(`bemerkung_${k}`) };
    try {
      const r = await nachhaltigkeitErfassen.execute({ ctx, actor, input: { id, ...values, version: form.get('version') } });
      flash(context, `Die Nachfrage ist erfasst: ${NACHHALTIGKEIT_TEXT[r.nachhaltigkeitErgebnis ?? 'unbekannt']}. Die Wiedervorlage ist erledigt.`);
      return redirect(`${hier}#integration-${id}`);
    } catch (err) {
      return { ...fallFormFailure(context, err, values, (p) => `${p}_${k}`, aktion), id };
    }
  }
  if (aktion === 'ende') {
    const values = { ende: form.get(`ende_${k}`), leistungInformieren: form.get(`leistungInformieren_${k}`) || '0' };
    try {
      const r = await beschaeftigungBeenden.execute({ ctx, actor, input: { id, ...values, version: form.get('version') } });
      flash(context, `Die Beschäftigung endet am ${datumText(values.ende)}.${r.antragId ? ' Die Leistungssachbearbeitung erhält das Ende des Einkommens als Veränderungsmitteilung.' : ''} Bitte prüfen Sie den Arbeitsmarktstatus.`);
      return redirect(`${hier}#integration-${id}`);
    } catch (err) {
      return { ...fallFormFailure(context, err, values, (p) => `${p}_${k}`, aktion), id };
    }
  }
  const values = Object.fromEntries(ERFASSEN_FELDER.map((f) => [f, form.get(f)]));
  try {
    const r = await integrationErfassen.execute({ ctx, actor, input: { personId, ...values } });
    flash(
      context,
      `Die Beschäftigungsaufnahme ist erfasst (${r.integration.zaehlungText}). ${r.statusHinweis ? `${r.statusHinweis} ` : ''}Die Leistungssachbearbeitung erhält das erwartete Einkommen als Veränderungsmitteilung; die Nachfrage ist für den ${datumText(r.wiedervorlage.faelligAm)} vorgemerkt (${r.wiedervorlage.zugewiesenAn}).`,
    );
    return redirect(`${hier}#integration-${r.integration.id}`);
  } catch (err) {
    return fallFormFailure(context, err, values, (p) => p, 'erfassen');
  }
}

const ARTEN = [{ value: '', label: 'Bitte wählen' }, ...INTEGRATIONSARTEN_AUSWAHL.map((a) => ({ value: a.art, label: a.text }))];
const ERGEBNISSE = [{ value: '', label: 'Bitte wählen' }, ...NACHHALTIGKEIT_ERGEBNISSE.map((e) => ({ value: e, label: NACHHALTIGKEIT_TEXT[e] }))];
const stunden = (n: number) => String(n).replace('.', ',');
/** Field names of the forms per job start carry this suffix, so every field id on the page is unique. */
const kurz = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 12);

function IntegrationenPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const name = `${d.person.vorname} ${d.person.nachname}`;
  const erfassen = r?.aktion === 'erfassen';
  const e: FieldErrors = erfassen ? r.errors : {};
  const v = (f: string, vorgabe = '') => (erfassen ? (r.values?.[f] ?? vorgabe) : vorgabe);
  const laufend = d.integrationen.filter((i) => i.laeuft);
  const beendet = d.integrationen.filter((i) => !i.laeuft);

  const eintrag = (i: (typeof d.integrationen)[number]) => {
    const meins = r && r.aktion !== 'erfassen' && r.id === i.id ? r : undefined;
    const fe: FieldErrors = meins?.errors ?? {};
    const n = (f: string) => `${f}_${kurz(i.id)}`;
    const wert = (f: string, vorgabe: string) => meins?.values?.[f] ?? vorgabe;
    return (
      <li key={i.id} id={`integration-${i.id}`} className="kern-stack-sm">
        <h3 className="kern-heading-small">{`${i.arbeitgeber} – ${i.artText}`}</h3>
        <Fakten
          items={[
            ['Zeitraum', i.ende ? `${datumText(i.beginn)} – ${datumText(i.ende)}` : `ab ${datumText(i.beginn)}`],
            ['Wochenstunden', stunden(i.wochenstunden)],
            ['Erwartetes Einkommen', i.erwartetesBruttoCent === null ? 'nicht angegeben' : `${euroText(i.erwartetesBruttoCent)} brutto, ${euroText(i.erwartetesNettoCent)} netto im Monat`],
            ['Zählung', i.zaehlungText],
            [
              NACHFRAGE_TEXT,
              i.nachhaltigkeitErgebnis
                ? `${NACHHALTIGKEIT_TEXT[i.nachhaltigkeitErgebnis]} (am ${datumText(i.nachhaltigkeitAm)})`
                : i.nachhaltigkeitOffen
                  ? `${i.nachhaltigkeitOffen.faellig ? 'fällig seit' : 'vorgemerkt für'} ${datumText(i.nachhaltigkeitOffen.faelligAm)}${i.nachhaltigkeitOffen.zugewiesenName ? ` (${i.nachhaltigkeitOffen.zugewiesenName})` : ''}`
                  : 'keine Wiedervorlage',
            ],
            ['Erfasst von', i.erfasstVon],
          ]}
        />
        {i.bemerkung ? <p className="kern-body pre-line">{i.bemerkung}</p> : null}
        {i.antragId && d.darfFallLesen ? (
          <p className="kern-body">
            <a className="kern-link" href={`/faelle/${i.bgId}/mitteilungen/${i.antragId}`}>
              Veränderungsmitteilung für die Leistungssachbearbeitung ansehen
            </a>
          </p>
        ) : null}
        <KonfliktHinweis text={meins?.konflikt} />
        {d.darfBearbeiten && !i.nachhaltigkeitErgebnis ? (
          <details className="kern-stack-sm" open={meins?.aktion === 'nachhaltigkeit' || i.nachhaltigkeitOffen?.faellig}>
            <summary className="kern-link">Nachfrage erfassen: noch beschäftigt?</summary>
            <PostForm csrfToken={csrfToken} action={`/integration/personen/${d.person.id}/integrationen`} aria-label={`Nachfrage zur Beschäftigung bei ${i.arbeitgeber}`} className="kern-stack-md form-narrow">
              <input type="hidden" name="id" value={i.id} />
              <input type="hidden" name="version" value={i.version} />
              <ErrorSummary errors={meins?.aktion === 'nachhaltigkeit' ? fe : {}} title="Bitte prüfen Sie die Nachfrage" />
              <SelectField name={n('ergebnis')} label="Ergebnis" options={ERGEBNISSE} defaultValue={wert('ergebnis', '')} error={fe[n('ergebnis')]} hint="Ist die Person noch sozialversicherungspflichtig beschäftigt?" />
              <TextField name={n('am')} label="Nachgefragt am" type="date" defaultValue={wert('am', d.heute)} error={fe[n('am')]} />
              <TextAreaField name={n('bemerkung')} label="Bemerkung (optional)" defaultValue={wert('bemerkung', '')} error={fe[n('bemerkung')]} rows={2} />
              <SubmitButton variant="secondary" name="_aktion" value="nachhaltigkeit">
                Nachfrage speichern
              </SubmitButton>
            </PostForm>
          </details>
        ) : null}
        {d.darfBearbeiten && i.ende === null ? (
          <details className="kern-stack-sm" open={meins?.aktion === 'ende'}>
            <summary className="kern-link">Beschäftigung beenden</summary>
            <PostForm csrfToken={csrfToken} action={`/integration/personen/${d.person.id}/integrationen`} aria-label={`Beschäftigung bei ${i.arbeitgeber} beenden`} className="kern-stack-md form-narrow">
              <input type="hidden" name="id" value={i.id} />
              <input type="hidden" name="version" value={i.version} />
              <ErrorSummary errors={meins?.aktion === 'ende' ? fe : {}} title="Bitte prüfen Sie das Ende" />
              <TextField name={n('ende')} label="Letzter Arbeitstag" type="date" defaultValue={wert('ende', '')} error={fe[n('ende')]} />
              <Checkbox name={n('leistungInformieren')} label="Ende des Einkommens an die Leistungssachbearbeitung geben" checked={meins ? meins.values?.leistungInformieren === '1' : true} />
              <SubmitButton variant="secondary" name="_aktion" value="ende">
                Ende speichern
              </SubmitButton>
            </PostForm>
          </details>
        ) : null}
      </li>
    );
  };

  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/integration/personen/${d.person.id}`} label={`Zur Integrationsakte ${name}`} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Beschäftigungsaufnahmen – ${name}`}</h1>
        <p className="kern-body">
          {`Fallakte ${d.bg.fallnummer}. Als Integration zählen sozialversicherungspflichtige Beschäftigung, Ausbildung, Selbständigkeit und nach § 16e SGB II geförderte Beschäftigung – höchstens eine je Person und Monat. Minijobs und öffentlich geförderte Beschäftigung (§ 16d, § 16i SGB II) werden getrennt gezählt.`}
        </p>
      </div>

      <section aria-labelledby="laufend" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="laufend">
          Laufende Beschäftigungen
        </h2>
        {laufend.length === 0 ? <p className="kern-body">Keine laufende Beschäftigung erfasst.</p> : <ul className="kern-list kern-stack-lg">{laufend.map(eintrag)}</ul>}
      </section>
      {beendet.length ? (
        <section aria-labelledby="frueher" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="frueher">
            Frühere und künftige Beschäftigungsperioden
          </h2>
          <ul className="kern-list kern-stack-lg">{beendet.map(eintrag)}</ul>
        </section>
      ) : null}

      {d.darfBearbeiten ? (
        <section aria-labelledby="erfassen" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="erfassen">
            Beschäftigungsaufnahme erfassen
          </h2>
          <p className="kern-body">
            Mit dem Speichern erhält die Leistungssachbearbeitung das erwartete Einkommen als Veränderungsmitteilung zur Prüfung, und die {NACHFRAGE_TEXT} wird als Wiedervorlage vorgemerkt.
          </p>
          <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
          <KonfliktHinweis text={erfassen ? r.konflikt : undefined} />
          <PostForm csrfToken={csrfToken} action={`/integration/personen/${d.person.id}/integrationen`} aria-label="Beschäftigungsaufnahme erfassen" className="kern-stack-md form-narrow">
            <input type="hidden" name="teilnahmeId" value={v('teilnahmeId', d.vorbelegung.teilnahmeId)} />
            {d.vorbelegung.teilnahmeId ? <p className="kern-body">Aus dem Austritt aus einer Maßnahme wegen Arbeitsaufnahme.</p> : null}
            <SelectField name="art" label="Art der Beschäftigung" options={ARTEN} defaultValue={v('art')} error={e.art} />
            <TextField name="beginn" label="Beginn" type="date" defaultValue={v('beginn', d.vorbelegung.beginn)} error={e.beginn} />
            <TextField name="arbeitgeber" label="Arbeitgeber (bei Selbständigkeit: Tätigkeit)" defaultValue={v('arbeitgeber')} error={e.arbeitgeber} />
            <TextField name="wochenstunden" label="Wochenstunden" inputMode="decimal" hint="z. B. 19,5" defaultValue={v('wochenstunden')} error={e.wochenstunden} width="kurz" />
            <TextField name="erwartetesBruttoCent" label="Erwartetes Brutto im Monat (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={v('erwartetesBruttoCent')} error={e.erwartetesBruttoCent} />
            <TextField name="erwartetesNettoCent" label="Erwartetes Netto im Monat (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={v('erwartetesNettoCent')} error={e.erwartetesNettoCent} />
            <TextAreaField name="bemerkung" label="Bemerkung (optional)" defaultValue={v('bemerkung')} error={e.bemerkung} rows={2} />
            {e.teilnahmeId ? <p className="kern-error">{e.teilnahmeId}</p> : null}
            <SubmitButton name="_aktion" value="erfassen">
              Beschäftigungsaufnahme speichern
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const integrationenRoute: RouteObject = {
  path: 'integration/personen/:personId/integrationen',
  loader,
  action,
  Component: IntegrationenPage,
  handle: { title: 'Beschäftigungsaufnahmen' } satisfies PageHandle,
};
