import type { ReactNode } from 'react';
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { EINKOMMEN_ARTEN } from '../../../domain/fallakte/index.ts';
import type { Vorschlag } from '../../../domain/formular/mitteilung-vorschlag.ts';
import { istTextSchluessel, text } from '../../../domain/formular/texte/index.ts';
import { AppError } from '../../../server/errors.ts';
import { mitteilungAnwenden } from '../../../server/fall/mitteilung-anwenden.ts';
import { mitteilungVorbereiten } from '../../../server/fall/mitteilung-vorbereiten.ts';
import { can } from '../../../server/policies.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';
import { datumText, EINKOMMEN_TEXT, euroFeld, euroText, ROLLE_TEXT, STATUS_TEXT } from './shared.tsx';

/**
 * Staff (German): a citizen's Veränderungsmitteilung from the portal next to the prepared Fallakte changes. The
 * caseworker checks and corrects them and applies all with one confirmation (`mitteilungAnwenden`).
 * Form fields are `v<i>_<feld>`; a change whose box "übernehmen" is cleared is left out.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const m = await mitteilungVorbereiten.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '', antragId: params.antragId ?? '' } });
  return { ...m, darfBearbeiten: can(actor, 'fall.bearbeiten') };
}

type Ergebnis = { errors: FieldErrors; values: Record<string, string>; konflikt?: string };

const BOOL_FELDER = ['ende', 'keine', 'warmwasserDezentral'];
const FELDER: Record<Vorschlag['typ'], string[]> = {
  einkommen: ['ab', 'personId', 'einkommenId', 'ende', 'art', 'bezeichnung', 'bruttoCent', 'nettoCent', 'betragCent'],
  adresse: ['ab', 'strasse', 'hausnummer', 'zusatz', 'plz', 'ort', 'kommuneId'],
  unterkunft: ['ab', 'keine', 'grundmieteCent', 'nebenkostenCent', 'heizkostenCent', 'warmwasserDezentral'],
  bank: ['ab', 'iban', 'kontoinhaber'],
  person_aufnehmen: ['ab', 'vorname', 'nachname', 'geburtsdatum', 'geschlecht', 'staatsangehoerigkeit', 'rolle', 'einkommenArt', 'bruttoCent', 'nettoCent', 'betragCent'],
  person_austritt: ['ab', 'personId'],
};

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const form = await readForm(request);
  const bgId = params.id ?? '';
  const values: Record<string, string> = {};
  const aenderungen: Record<string, string>[] = [];
  const indexVon: number[] = [];
  const anzahl = Math.min(Math.max(0, Number(form.get('anzahl')) || 0), 20);
  for (let i = 0; i < anzahl; i++) {
    const typ = form.get(`v${i}_typ`) as Vorschlag['typ'];
    const felder = FELDER[typ];
    if (!felder) continue;
    values[`v${i}_anwenden`] = form.get(`v${i}_anwenden`) || '0';
    const a: Record<string, string> = { typ };
    for (const f of felder) {
      const roh = form.get(`v${i}_${f}`);
      values[`v${i}_${f}`] = BOOL_FELDER.includes(f) ? roh || '0' : roh;
      a[f] = BOOL_FELDER.includes(f) ? roh || '0' : roh;
    }
    if (values[`v${i}_anwenden`] !== '1') continue;
    aenderungen.push(a);
    indexVon.push(i);
  }
  const fehler = (e: FieldErrors, konflikt?: string): Ergebnis => {
    web(context).reply.code(konflikt && !Object.keys(e).length ? 409 : 400);
    return { errors: e, values, ...(konflikt ? { konflikt } : {}) };
  };
  try {
    const r = await mitteilungAnwenden.execute({
      ctx: web(context).app,
      actor,
      input: { id: bgId, antragId: params.antragId ?? '', version: form.get('version'), antragVersion: form.get('antrag_version'), aenderungen },
    });
    flash(
      context,
      (r.aenderungen ? `Die Veränderungsmitteilung wurde übernommen: ${r.aenderungen} Änderung(en) in der Fallakte.` : 'Die Veränderungsmitteilung ist ohne Änderung der Fallakte erledigt.') +
        (r.dokumente.uebernommen.length ? ` ${r.dokumente.uebernommen.length} Nachweis(e) liegen bei den Dokumenten.` : '') +
        (r.dokumente.ausstehend.length ? ` ${r.dokumente.ausstehend.length} Datei(en) werden noch auf Viren geprüft.` : ''),
    );
    return redirect(`/faelle/${bgId}`);
  } catch (err) {
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) {
      const e: FieldErrors = {};
      for (const x of err.issues) {
        const [, idx, feld] = x.path.split('.');
        const i = indexVon[Number(idx)];
        if (i !== undefined && feld) e[`v${i}_${feld}`] ??= x.message;
      }
      return fehler(e, Object.keys(e).length ? undefined : err.message);
    }
    throw err;
  }
}

const TYP_TITEL: Record<Vorschlag['typ'], string> = {
  einkommen: 'Einkommen',
  adresse: 'Neue Anschrift',
  unterkunft: 'Kosten der Unterkunft',
  bank: 'Bankverbindung',
  person_aufnehmen: 'Person kommt hinzu',
  person_austritt: 'Person scheidet aus',
};

const wert = (v: unknown): string => {
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return datumText(v);
  return String(v);
};
const feldName = (k: string) => (istTextSchluessel(`feld.${k}`) ? text(`feld.${k}`, 'de') : k);

/**
 * A proposal made by the Integrationsfachkraft (channel 'intern') uses the citizen's flow, whose wording is first
 * person ("Ich habe eine neue Arbeit"): for it, the kind of change reads in staff wording.
 */
const INTERN_AENDERUNG: Record<string, string> = {
  neue_arbeit: 'Beschäftigungsaufnahme, erfasst von der Integration',
  arbeit_beendet: 'Ende der Beschäftigung, erfasst von der Integration',
};

/** The citizen's answers as sent (German labels of the flow, amounts in euro); the Fachkraft's proposal in staff wording. */
function Antworten(p: { daten: Record<string, unknown>; intern?: boolean }) {
  const zeilen: [string, string][] = [];
  for (const [bereich, inhalt] of Object.entries(p.daten)) {
    if (bereich === 'abschluss' || typeof inhalt !== 'object' || inhalt === null) continue;
    for (const [k, v] of Object.entries(inhalt as Record<string, unknown>)) {
      if (v === undefined || v === null || typeof v === 'object') continue;
      if (p.intern && k === 'aenderung' && INTERN_AENDERUNG[String(v)]) {
        zeilen.push(['Art der Änderung', INTERN_AENDERUNG[String(v)]!]);
        continue;
      }
      zeilen.push([feldName(k), k.endsWith('Cent') && typeof v === 'number' ? euroText(v) : istTextSchluessel(`option.${String(v)}`) ? text(`option.${String(v)}`, 'de') : wert(v)]);
    }
  }
  return (
    <dl className="kern-description-list">
      {zeilen.map(([k, v], i) => (
        <div className="kern-description-list-item" key={i}>
          <dt className="kern-description-list-item__key">{k}</dt>
          <dd className="kern-description-list-item__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function MitteilungPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const personen = [{ value: '', label: 'Bitte wählen' }, ...d.personen.map((p) => ({ value: p.id, label: `${p.vorname} ${p.nachname} (${ROLLE_TEXT[p.rolle] ?? p.rolle})` }))];
  const einkommenArten = EINKOMMEN_ARTEN.filter((a) => a !== 'einmalig').map((a) => ({ value: a, label: EINKOMMEN_TEXT[a] ?? a }));
  const offen = !d.angewendet && d.darfBearbeiten;

  const block = (v: Vorschlag, i: number): ReactNode => {
    const n = (f: string) => `v${i}_${f}`;
    // after a failed submit the caseworker's values win over the proposal
    const val = (f: string, vorschlag: string) => r?.values[n(f)] ?? vorschlag;
    const ja = (f: string, vorschlag: boolean) => (r ? r.values[n(f)] === '1' : vorschlag);
    const geld = (f: string, label: string, c: number | null) => <TextField name={n(f)} label={label} inputMode="decimal" defaultValue={val(f, euroFeld(c))} error={e[n(f)]} />;
    const ab = <TextField name={n('ab')} label="Gültig ab" type="date" hint="Der bisherige Stand gilt bis zum Vortag" defaultValue={val('ab', v.ab)} error={e[n('ab')]} />;
    switch (v.typ) {
      case 'einkommen': {
        const einkommen = d.personen.flatMap((p) => p.einkommen.map((x) => ({ value: x.id, label: `${p.vorname} ${p.nachname}: ${EINKOMMEN_TEXT[x.art] ?? x.art}${x.bezeichnung ? ` (${x.bezeichnung})` : ''}` })));
        return (
          <>
            {ab}
            <SelectField name={n('personId')} label="Person" options={personen} defaultValue={val('personId', v.personId ?? '')} error={e[n('personId')]} />
            <SelectField
              name={n('einkommenId')}
              label="Bisheriges Einkommen"
              hint="Leer lassen für ein zusätzliches, neues Einkommen"
              options={[{ value: '', label: 'neues Einkommen' }, ...einkommen]}
              defaultValue={val('einkommenId', v.einkommenId ?? '')}
              error={e[n('einkommenId')]}
            />
            <Checkbox name={n('ende')} label="Das gewählte Einkommen endet (Vortag von „Gültig ab“)" checked={ja('ende', v.ende)} />
            <SelectField name={n('art')} label="Art" options={einkommenArten} defaultValue={val('art', v.art)} error={e[n('art')]} />
            <TextField name={n('bezeichnung')} label="Bezeichnung, z. B. Arbeitgeber" optionalLabel="optional" defaultValue={val('bezeichnung', v.bezeichnung)} error={e[n('bezeichnung')]} />
            {geld('bruttoCent', 'Brutto monatlich (Euro, bei Erwerbseinkommen)', v.bruttoCent)}
            {geld('nettoCent', 'Netto monatlich (Euro, bei Erwerbseinkommen)', v.nettoCent)}
            {geld('betragCent', 'Betrag monatlich (Euro, andere Arten)', v.betragCent)}
          </>
        );
      }
      case 'adresse':
        return (
          <>
            {ab}
            <TextField name={n('strasse')} label="Straße" defaultValue={val('strasse', v.strasse)} error={e[n('strasse')]} />
            <TextField name={n('hausnummer')} label="Hausnummer" defaultValue={val('hausnummer', v.hausnummer)} error={e[n('hausnummer')]} />
            <TextField name={n('zusatz')} label="Adresszusatz" optionalLabel="optional" defaultValue={val('zusatz', v.zusatz)} error={e[n('zusatz')]} />
            <TextField name={n('plz')} label="Postleitzahl" inputMode="numeric" defaultValue={val('plz', v.plz)} error={e[n('plz')]} />
            <TextField name={n('ort')} label="Ort" defaultValue={val('ort', v.ort)} error={e[n('ort')]} />
            <SelectField
              name={n('kommuneId')}
              label="Kommune"
              hint="Bei einer anderen Kommune wird deren Standort zuständig"
              options={[{ value: '', label: 'Bitte wählen' }, ...d.kommunen.map((k) => ({ value: k.id, label: k.name }))]}
              defaultValue={val('kommuneId', v.kommuneId ?? '')}
              error={e[n('kommuneId')]}
            />
          </>
        );
      case 'unterkunft':
        return (
          <>
            {ab}
            <Checkbox name={n('keine')} label="Keine Kosten der Unterkunft mehr" checked={ja('keine', v.keine)} />
            {geld('grundmieteCent', 'Grundmiete (Euro)', v.grundmieteCent)}
            {geld('nebenkostenCent', 'Nebenkosten (Euro)', v.nebenkostenCent)}
            {geld('heizkostenCent', 'Heizkosten (Euro)', v.heizkostenCent)}
            <Checkbox name={n('warmwasserDezentral')} label="Warmwasser wird dezentral erzeugt" checked={ja('warmwasserDezentral', v.warmwasserDezentral)} />
          </>
        );
      case 'bank':
        return (
          <>
            {ab}
            <TextField name={n('iban')} label="IBAN" defaultValue={val('iban', v.iban)} error={e[n('iban')]} />
            <TextField name={n('kontoinhaber')} label="Kontoinhaber/in" defaultValue={val('kontoinhaber', v.kontoinhaber)} error={e[n('kontoinhaber')]} />
          </>
        );
      case 'person_aufnehmen':
        return (
          <>
            <TextField name={n('ab')} label="Gehört dazu ab" type="date" hint="Bei einer Geburt: der Geburtstag" defaultValue={val('ab', v.ab)} error={e[n('ab')]} />
            <TextField name={n('vorname')} label="Vorname" defaultValue={val('vorname', v.vorname)} error={e[n('vorname')]} />
            <TextField name={n('nachname')} label="Nachname" defaultValue={val('nachname', v.nachname)} error={e[n('nachname')]} />
            <TextField name={n('geburtsdatum')} label="Geburtsdatum" type="date" defaultValue={val('geburtsdatum', v.geburtsdatum)} error={e[n('geburtsdatum')]} />
            <SelectField
              name={n('geschlecht')}
              label="Geschlecht"
              options={[{ value: '', label: 'keine Angabe' }, { value: 'w', label: 'weiblich' }, { value: 'm', label: 'männlich' }, { value: 'd', label: 'divers' }]}
              defaultValue={val('geschlecht', v.geschlecht ?? '')}
            />
            <TextField name={n('staatsangehoerigkeit')} label="Staatsangehörigkeit (Ländercode, z. B. DE)" defaultValue={val('staatsangehoerigkeit', v.staatsangehoerigkeit)} error={e[n('staatsangehoerigkeit')]} />
            <SelectField
              name={n('rolle')}
              label="Rolle"
              options={(['partner', 'kind', 'sonstige'] as const).map((x) => ({ value: x, label: ROLLE_TEXT[x]! }))}
              defaultValue={val('rolle', v.rolle)}
              error={e[n('rolle')]}
            />
            <SelectField name={n('einkommenArt')} label="Einkommen der Person" options={[{ value: '', label: 'kein Einkommen' }, ...einkommenArten]} defaultValue={val('einkommenArt', v.einkommenArt ?? '')} error={e[n('einkommenArt')]} />
            {geld('bruttoCent', 'Brutto monatlich (Euro, bei Erwerbseinkommen)', v.bruttoCent)}
            {geld('nettoCent', 'Netto monatlich (Euro, bei Erwerbseinkommen)', v.nettoCent)}
            {geld('betragCent', 'Betrag monatlich (Euro, andere Arten)', v.betragCent)}
          </>
        );
      case 'person_austritt':
        return (
          <>
            <p className="kern-body">{`Angegeben: ${v.name}`}</p>
            <TextField name={n('ab')} label="Gehört nicht mehr dazu ab" type="date" defaultValue={val('ab', v.ab)} error={e[n('ab')]} />
            <SelectField name={n('personId')} label="Person" options={personen} defaultValue={val('personId', v.personId ?? '')} error={e[n('personId')]} />
          </>
        );
    }
  };

  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/faelle/${d.bg.id}`} label={`Zur Fallakte ${d.bg.fallnummer}`} />
      <h1 className="kern-heading-large">Veränderungsmitteilung prüfen und übernehmen</h1>
      <p className="kern-body">
        {`${d.antrag.eingangskanal === 'intern' ? 'Vorschlag der Integration' : 'Eingegangen über das Bürgerportal'} am ${datumText(d.antrag.antragsdatum)} – ${STATUS_TEXT[d.antrag.status] ?? d.antrag.status}.`}
      </p>
      {d.herkunft ? (
        <p className="kern-body">
          <a className="kern-link" href={`/integration/personen/${d.herkunft.personId}/integrationen`}>
            Zur erfassten Beschäftigungsaufnahme (Integration)
          </a>
        </p>
      ) : null}
      <ErrorSummary errors={e} title="Bitte prüfen Sie die Änderungen" />
      <KonfliktHinweis text={r?.konflikt} />
      {d.angewendet ? (
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
        <p className="kern-body" role="status">
          {`Übernommen am ${datumText(d.angewendet.am.slice(0, 10))} von ${d.angewendet.vonName} (${d.angewendet.aenderungen} Änderung(en)).`}
        </p>
      ) : null}
      <section aria-labelledby="angaben" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="angaben">
          {d.antrag.eingangskanal === 'intern' ? 'Angaben der Integrationsfachkraft' : 'Angaben der Bürgerin / des Bürgers'}
        </h2>
        <Antworten daten={d.antworten} intern={d.antrag.eingangskanal === 'intern'} />
        {d.dateien.length ? (
          <ul className="kern-list">
            {d.dateien.map((f) => (
              <li key={f.id}>
                {f.status === 'sauber' ? (
                  <a className="kern-link" href={`/portal/dateien/${f.id}`}>
                    {f.dateiname}
                  </a>
                ) : (
                  f.dateiname
                )}
                {f.status === 'quarantaene' ? ' (wird noch auf Viren geprüft)' : f.status === 'abgelehnt' ? ' (abgelehnt)' : f.fallDokumentId ? ' (bei den Dokumenten der Fallakte)' : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {d.hinweise.length ? (
        <section aria-labelledby="hinweise" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="hinweise">
            Hinweise
          </h2>
          <ul className="kern-list">
            {d.hinweise.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {offen ? (
        <PostForm csrfToken={csrfToken} action={`/faelle/${d.bg.id}/mitteilungen/${d.antrag.id}`} aria-label="Änderungen übernehmen" className="kern-stack-lg form-narrow">
          <input type="hidden" name="version" value={d.bg.version} />
          <input type="hidden" name="antrag_version" value={d.antrag.version} />
          <input type="hidden" name="anzahl" value={d.vorschlaege.length} />
          {d.vorschlaege.length === 0 ? <p className="kern-body">Diese Mitteilung ändert die Fallakte nicht. Sie können sie als erledigt vermerken.</p> : null}
          {d.vorschlaege.map((v, i) => (
            <fieldset className="kern-fieldset kern-stack-md" key={i}>
              <legend className="kern-title">{`${i + 1}. ${TYP_TITEL[v.typ]}`}</legend>
              <input type="hidden" name={`v${i}_typ`} value={v.typ} />
              <Checkbox name={`v${i}_anwenden`} label="Diese Änderung übernehmen" checked={r ? r.values[`v${i}_anwenden`] === '1' : true} />
              {block(v, i)}
            </fieldset>
          ))}
          <SubmitButton>{d.vorschlaege.length ? 'Geprüfte Änderungen in die Fallakte übernehmen' : 'Als erledigt vermerken'}</SubmitButton>
        </PostForm>
      ) : null}
    </div>
  );
}

export const fallMitteilungRoute: RouteObject = {
  path: 'faelle/:id/mitteilungen/:antragId',
  loader,
  action,
  Component: MitteilungPage,
  handle: { title: 'Veränderungsmitteilung übernehmen' } satisfies PageHandle,
};
