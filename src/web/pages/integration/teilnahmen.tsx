import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { zuweisungsOptionen } from '../../../domain/foerdern/instrumente.ts';
import { AUSTRITTSGRUND_TEXT, ZUWEISBAR, uebergangErlaubt } from '../../../domain/foerdern/teilnahme.ts';
import { AUSTRITTSGRUENDE } from '../../../domain/foerdern/typen.ts';
import { teilnahmeAustritt } from '../../../server/integration/teilnahme-austritt.ts';
import { teilnahmeBescheinigen } from '../../../server/integration/teilnahme-bescheinigen.ts';
import { teilnahmeEintritt } from '../../../server/integration/teilnahme-eintritt.ts';
import { teilnahmeStornieren } from '../../../server/integration/teilnahme-stornieren.ts';
import { teilnahmeVorschlagen } from '../../../server/integration/teilnahme-vorschlagen.ts';
import { teilnahmeZuweisen } from '../../../server/integration/teilnahme-zuweisen.ts';
import { teilnahmenPerson } from '../../../server/integration/teilnahmen-person.ts';
import { can } from '../../../server/policies.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, fieldId, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { Fakten, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): a person's Teilnahmen with the lifecycle steps as forms — propose, assign (with or without
 * Rechtsfolgenbelehrung; letter as PDF), enter, exit with reason, certificate, cancel. Thin: every form field goes to
 * its use case as it is; the page only maps and shows.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  const d = await teilnahmenPerson.execute({ ctx: web(context).app, actor, input: { personId: params.personId ?? '' } });
  // after a Zuweisung over the free budget: an info notice (not a success) for the Teilnahme that now waits
  const wartet = new URL(request.url).searchParams.get('genehmigung');
  const wartetAuf = d.teilnahmen.find((t) => t.id === wartet && t.status === 'wartet_auf_genehmigung')?.massnahme ?? null;
  return { ...d, wartetAuf, darfBearbeiten: can(actor, 'integration.bearbeiten'), darfGenehmigen: can(actor, 'zuweisung.genehmigen') };
}

type Ergebnis = FallFormResult & { id?: string };
const wartelisteHinweis = (w: { teilnahmeId: string; personId: string; name: string } | null) =>
  w ? ` Ein Platz ist frei geworden: Als Erste auf der Warteliste steht ${w.name}. Sie können sie jetzt zuweisen (Teilnehmendenliste der Maßnahme).` : '';
const kurz = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 12);

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'integration.bearbeiten');
  const form = await readForm(request);
  const ctx = web(context).app;
  const personId = params.personId ?? '';
  const hier = `/integration/personen/${personId}/massnahmen`;
  const aktion = form.get('_aktion');
  const id = form.get('id');
  const k = kurz(id);
  const feld = (f: string) => form.get(`${f}_${k}`);
  const fehler = (err: unknown, values: Record<string, string>) => ({ ...fallFormFailure(context, err, values, (p) => `${p}_${k}`, aktion), id });
  if (aktion === 'vorschlag') {
    const values = { kontingentId: form.get('kontingentId'), geplantVon: form.get('geplantVon'), geplantBis: form.get('geplantBis'), begruendung: form.get('begruendung') };
    try {
      const r = await teilnahmeVorschlagen.execute({ ctx, actor, input: { personId, ...values } });
      const ende = r.endeGekappt ? ` Das geplante Ende ist der ${datumText(r.geplantBis)}: Die Regeldauer reicht über die Laufzeit der Plätze hinaus und ist darauf gekürzt.` : '';
      flash(context, `Die Maßnahme ist vorgeschlagen.${ende} Mit der Zuweisung wird ein Platz vergeben und das Schreiben erstellt.`);
      return redirect(`${hier}#teilnahme-${r.id}`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => p, aktion);
    }
  }
  const version = form.get('version');
  if (aktion === 'zuweisung') {
    const values = { geplantVon: feld('geplantVon'), geplantBis: feld('geplantBis'), begruendung: feld('begruendung'), mitRechtsfolgenbelehrung: feld('mitRechtsfolgenbelehrung'), schwerwiegendeHemmnisse: feld('schwerwiegendeHemmnisse'), budgetBestaetigt: feld('budgetBestaetigt') };
    try {
      const r = await teilnahmeZuweisen.execute({ ctx, actor, input: { id, version, ...values } });
      if (r.status === 'wartet_auf_genehmigung') return redirect(`${hier}?genehmigung=${encodeURIComponent(id)}#teilnahme-${id}`);
      flash(context, r.meldung);
    } catch (err) {
      return fehler(err, values);
    }
  } else if (aktion === 'eintritt') {
    const values = { eintrittAm: feld('eintrittAm') };
    try {
      const r = await teilnahmeEintritt.execute({ ctx, actor, input: { id, version, ...values } });
      flash(context, `Der Eintritt ist erfasst.${r.statusFolge ? ` ${r.statusFolge}` : ''}`);
    } catch (err) {
      return fehler(err, values);
    }
  } else if (aktion === 'austritt') {
    const values = { austrittAm: feld('austrittAm'), grund: feld('grund') };
    try {
      const r = await teilnahmeAustritt.execute({ ctx, actor, input: { id, version, ...values } });
      flash(context, `Der Austritt ist erfasst.${r.statusFolge ? ` ${r.statusFolge}` : ''}${wartelisteHinweis(r.wartelisteErster)}${r.weiter ? ' Bitte erfassen Sie jetzt die Beschäftigungsaufnahme.' : ''}`);
      if (r.weiter) return redirect(r.weiter);
    } catch (err) {
      return fehler(err, values);
    }
  } else if (aktion === 'bescheinigung') {
    const values = { am: feld('am') };
    try {
      await teilnahmeBescheinigen.execute({ ctx, actor, input: { id, version, ...values } });
      flash(context, 'Die Teilnahmebescheinigung ist ausgestellt. Sie liegt als PDF bereit.');
    } catch (err) {
      return fehler(err, values);
    }
  } else if (aktion === 'storno') {
    try {
      const r = await teilnahmeStornieren.execute({ ctx, actor, input: { id, version, ergebnis: feld('ergebnis') } });
      flash(context, r.status === 'abgelehnt' ? 'Der Vorschlag ist abgelehnt.' : `Die Teilnahme ist storniert.${wartelisteHinweis(r.wartelisteErster)}`);
    } catch (err) {
      return fehler(err, {});
    }
  }
  return redirect(`${hier}#teilnahme-${id}`);
}

/** A checkbox with its hint and its error tied to it (aria-describedby), the error at the field. */
function FeldCheckbox(p: { name: string; label: string; hint: string; checked: boolean; error?: string | undefined }) {
  const id = fieldId(p.name);
  const hintId = `${id}-hinweis`;
  const errorId = p.error ? `${id}-fehler` : undefined;
  return (
    <div className={`kern-form-check${p.error ? ' kern-form-check--error' : ''}`}>
      {p.error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-body">{p.error}</span>
        </p>
      ) : null}
      <input className="kern-form-check__checkbox" type="checkbox" id={id} name={p.name} value="1" defaultChecked={p.checked} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')} aria-invalid={p.error ? true : undefined} />
      <label className="kern-label" htmlFor={id}>
        {p.label}
      </label>
      <div className="kern-hint" id={hintId}>
        {p.hint}
      </div>
    </div>
  );
}

const GRUENDE = [{ value: '', label: 'Bitte wählen' }, ...AUSTRITTSGRUENDE.map((g) => ({ value: g, label: AUSTRITTSGRUND_TEXT[g] }))];

function TeilnahmenPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const name = `${d.person.vorname} ${d.person.nachname}`;
  const vorschlag = r?.aktion === 'vorschlag' ? r : undefined;
  const ve: FieldErrors = vorschlag?.errors ?? {};
  const vv = (f: string, vorgabe = '') => vorschlag?.values?.[f] ?? vorgabe;
  const aktionsUrl = `/integration/personen/${d.person.id}/massnahmen`;

  const eintrag = (t: (typeof d.teilnahmen)[number]) => {
    const meins = r && r.aktion !== 'vorschlag' && r.id === t.id ? r : undefined;
    const fe: FieldErrors = meins?.errors ?? {};
    const n = (f: string) => `${f}_${kurz(t.id)}`;
    const optionen = zuweisungsOptionen(t.instrument, t.geplantVon);
    const wert = (f: string, vorgabe: string) => meins?.values?.[f] ?? vorgabe;
    const formular = (aktion: string, titel: string, felder: React.ReactNode, knopf: string, offen = false) => (
      <details className="kern-stack-sm" open={meins?.aktion === aktion || offen}>
        <summary className="kern-link">{titel}</summary>
        <PostForm csrfToken={csrfToken} action={aktionsUrl} aria-label={`${titel}: ${t.massnahme}`} className="kern-stack-md form-narrow">
          <input type="hidden" name="id" value={t.id} />
          <input type="hidden" name="version" value={t.version} />
          <ErrorSummary errors={meins?.aktion === aktion ? fe : {}} title="Bitte prüfen Sie Ihre Eingaben" />
          {felder}
          <SubmitButton variant="secondary" name="_aktion" value={aktion}>
            {knopf}
          </SubmitButton>
        </PostForm>
      </details>
    );
    return (
      <li key={t.id} id={`teilnahme-${t.id}`} className="kern-stack-sm">
        <h3 className="kern-heading-small">{`${t.massnahme} – ${t.statusText}`}</h3>
        <Fakten
          items={[
            ['Instrument', t.instrumentText],
            ['Maßnahmeträger', `${t.anbieter} (${t.standortName})`],
            ['Geplant', `${datumText(t.geplantVon)} – ${datumText(t.geplantBis)}`],
            ['Platz', t.platzNr === null ? '–' : String(t.platzNr)],
            ['Zugewiesen', t.zugewiesenAm ? `${datumText(t.zugewiesenAm)}${t.mitRechtsfolgenbelehrung ? ' mit Rechtsfolgenbelehrung' : ' ohne Rechtsfolgenbelehrung'}` : '–'],
            ['Eintritt / Austritt', t.eintrittAm ? `${datumText(t.eintrittAm)} – ${t.austrittAm ? `${datumText(t.austrittAm)} (${t.austrittsgrundText})` : 'läuft'}` : '–'],
            ['Erwartete Kosten', euroText(t.erwarteteKostenCent)],
            ...(t.zuschussStufen.length ? [['Zuschuss', t.zuschussStufen.map((s) => `${s.prozent} % bis ${datumText(s.bis)}`).join('; ')] as [string, string]] : []),
          ]}
        />
        {t.begruendung ? <p className="kern-body pre-line">{`Begründung: ${t.begruendung}`}</p> : null}
        {t.hatZuweisungsschreiben || (t.zugewiesenAm && t.status !== 'storniert') ? (
          <p className="kern-body">
            <a className="kern-link" href={`/api/integration/teilnahmen/${t.id}/zuweisung.pdf`}>
              Zuweisungsschreiben (PDF)
            </a>
          </p>
        ) : null}
        {t.teilnahmebescheinigungAm ? (
          <p className="kern-body">
            <a className="kern-link" href={`/api/integration/teilnahmen/${t.id}/bescheinigung.pdf`}>
              {`Teilnahmebescheinigung vom ${datumText(t.teilnahmebescheinigungAm)} (PDF)`}
            </a>
          </p>
        ) : null}
        {t.status === 'wartet_auf_genehmigung' ? <p className="kern-body">Die Zuweisung überschreitet das freie Budget und wartet auf die Genehmigung der Teamleitung.</p> : null}
        <KonfliktHinweis text={meins?.konflikt} />
        {d.darfBearbeiten && ZUWEISBAR.includes(t.status)
          ? formular(
              'zuweisung',
              t.status === 'warteliste' ? 'Von der Warteliste zuweisen' : 'Zuweisen',
              <>
                <TextField name={n('geplantVon')} label="Beginn" type="date" defaultValue={wert('geplantVon', t.geplantVon)} error={fe[n('geplantVon')]} />
                <TextField name={n('geplantBis')} label="Ende" type="date" defaultValue={wert('geplantBis', t.geplantBis)} error={fe[n('geplantBis')]} />
                {optionen.rechtsfolgenbelehrung ? (
                  <FeldCheckbox name={n('mitRechtsfolgenbelehrung')} label="Mit Rechtsfolgenbelehrung" hint="Dann kann ein Abbruch ohne wichtigen Grund zu einer Leistungsminderung führen." checked={meins ? meins.values?.mitRechtsfolgenbelehrung === '1' : false} error={fe[n('mitRechtsfolgenbelehrung')]} />
                ) : (
                  <p className="kern-body">{`Ohne Rechtsfolgenbelehrung: Bei ${t.instrumentText} führt ein Abbruch nicht zu einer Leistungsminderung.`}</p>
                )}
                {optionen.hemmnisse ? (
                  <FeldCheckbox name={n('schwerwiegendeHemmnisse')} label="Langzeitarbeitslos mit schwerwiegenden Vermittlungshemmnissen" hint="§ 45 SGB III bei einem Arbeitgeber: Es gilt die längere Höchstdauer (12 statt 6 Wochen)." checked={meins?.values?.schwerwiegendeHemmnisse === '1'} error={fe[n('schwerwiegendeHemmnisse')]} />
                ) : null}
                <TextAreaField
                  name={n('begruendung')}
                  label="Begründung (optional)"
                  {...(optionen.verlaengerung ? { hint: 'Bei einer Verlängerung der Arbeitsgelegenheit über die Regelhöchstdauer hinaus: die dokumentierte Prüfung.' } : {})}
                  defaultValue={wert('begruendung', t.begruendung ?? '')}
                  error={fe[n('begruendung')]}
                  rows={2}
                />
                {d.darfGenehmigen ? <Checkbox name={n('budgetBestaetigt')} label="Auch zuweisen, wenn das freie Budget nicht reicht (Genehmigung)" checked={meins?.values?.budgetBestaetigt === '1'} /> : null}
              </>,
              'Zuweisen',
            )
          : null}
        {d.darfBearbeiten && t.status === 'zugewiesen'
          ? formular('eintritt', 'Eintritt erfassen', <TextField name={n('eintrittAm')} label="Eintritt am" type="date" defaultValue={wert('eintrittAm', t.geplantVon)} error={fe[n('eintrittAm')]} />, 'Eintritt speichern')
          : null}
        {d.darfBearbeiten && t.status === 'eingetreten'
          ? formular(
              'austritt',
              'Austritt erfassen',
              <>
                <TextField name={n('austrittAm')} label="Austritt am" type="date" defaultValue={wert('austrittAm', '')} error={fe[n('austrittAm')]} />
                <SelectField name={n('grund')} label="Grund" options={GRUENDE} defaultValue={wert('grund', '')} error={fe[n('grund')]} />
              </>,
              'Austritt speichern',
            )
          : null}
        {d.darfBearbeiten && t.status === 'ausgetreten' && !t.teilnahmebescheinigungAm
          ? formular('bescheinigung', 'Teilnahmebescheinigung ausstellen', <TextField name={n('am')} label="Datum der Bescheinigung" type="date" defaultValue={wert('am', d.heute)} error={fe[n('am')]} />, 'Bescheinigung ausstellen')
          : null}
        {d.darfBearbeiten && uebergangErlaubt(t.status, 'storniert')
          ? formular(
              'storno',
              t.status === 'vorschlag' ? 'Vorschlag ablehnen oder stornieren' : 'Stornieren',
              t.status === 'vorschlag' ? (
                <SelectField name={n('ergebnis')} label="Ergebnis" options={[{ value: 'abgelehnt', label: 'Vorschlag abgelehnt' }, { value: 'storniert', label: 'storniert' }]} defaultValue="abgelehnt" />
              ) : (
                <p className="kern-body">Ein vergebener Platz wird frei, gebundene Mittel werden freigegeben.</p>
              ),
              t.status === 'vorschlag' ? 'Speichern' : 'Teilnahme stornieren',
            )
          : null}
      </li>
    );
  };

  const offen = d.teilnahmen.filter((t) => !['ausgetreten', 'abgelehnt', 'storniert'].includes(t.status));
  const beendet = d.teilnahmen.filter((t) => ['ausgetreten', 'abgelehnt', 'storniert'].includes(t.status));
  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/integration/personen/${d.person.id}`} label={`Zur Integrationsakte ${name}`} />
      {d.wartetAuf ? (
        <Alert type="info" title={`Die Zuweisung in „${d.wartetAuf}“ wartet auf die Genehmigung der Teamleitung.`}>
          <p className="kern-body">Sie überschreitet das freie Eingliederungsbudget. Ein Platz wird erst mit der Genehmigung vergeben.</p>
        </Alert>
      ) : null}
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Maßnahmen – ${name}`}</h1>
        <p className="kern-body">{`Fallakte ${d.person.fallnummer}. Vorschlag, Zuweisung, Eintritt, Austritt und Teilnahmebescheinigung.`}</p>
      </div>
      <section aria-labelledby="laufend" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="laufend">
          Offene und laufende Teilnahmen
        </h2>
        {offen.length === 0 ? <p className="kern-body">Keine offene Teilnahme.</p> : <ul className="kern-list kern-stack-lg">{offen.map(eintrag)}</ul>}
      </section>
      {beendet.length ? (
        <section aria-labelledby="beendet" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="beendet">
            Beendete Teilnahmen
          </h2>
          <ul className="kern-list kern-stack-lg">{beendet.map(eintrag)}</ul>
        </section>
      ) : null}
      {d.darfBearbeiten ? (
        <section aria-labelledby="vorschlagen" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="vorschlagen">
            Maßnahme vorschlagen
          </h2>
          {d.angebote.length === 0 ? (
            <p className="kern-body">Am Standort der Person gibt es keine Maßnahme mit Plätzen.</p>
          ) : (
            <>
              <ErrorSummary errors={ve} title="Bitte prüfen Sie Ihre Eingaben" />
              <KonfliktHinweis text={vorschlag?.konflikt} />
              <PostForm csrfToken={csrfToken} action={aktionsUrl} aria-label="Maßnahme vorschlagen" className="kern-stack-md form-narrow">
                <SelectField
                  name="kontingentId"
                  label="Maßnahme"
                  options={[{ value: '', label: 'Bitte wählen' }, ...d.angebote.map((a) => ({ value: a.kontingentId, label: `${a.bezeichnung} (${a.anbieter}) – ${a.frei} von ${a.plaetze} Plätzen frei` }))]}
                  defaultValue={vv('kontingentId')}
                  error={ve.kontingentId}
                />
                <TextField name="geplantVon" label="Geplanter Beginn" type="date" defaultValue={vv('geplantVon')} error={ve.geplantVon} />
                <TextField name="geplantBis" label="Geplantes Ende" optionalLabel="optional, sonst nach der Regeldauer, höchstens bis zum Ende der Plätze" type="date" defaultValue={vv('geplantBis')} error={ve.geplantBis} />
                <TextAreaField name="begruendung" label="Begründung (optional)" defaultValue={vv('begruendung')} error={ve.begruendung} rows={2} />
                <SubmitButton name="_aktion" value="vorschlag">
                  Vorschlagen
                </SubmitButton>
              </PostForm>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

export const teilnahmenRoute: RouteObject = {
  path: 'integration/personen/:personId/massnahmen',
  loader,
  action,
  Component: TeilnahmenPage,
  handle: { title: 'Maßnahmen der Person' } satisfies PageHandle,
};
