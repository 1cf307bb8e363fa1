import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import type { PersonDaten } from '../../../domain/fallakte/index.ts';
import { erstantragErfassen } from '../../../server/fall/erfasse-erstantrag.ts';
import { formularDaten } from '../../../server/fall/formular-daten.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';
import { EINKOMMEN_TEXT, fallFormFailure, type FallFormResult } from './shared.tsx';

const MAX_KINDER = 10;
const SONSTIGE = ['unterhalt', 'unterhaltsvorschuss', 'rente', 'arbeitslosengeld', 'krankengeld', 'elterngeld', 'selbststaendigkeit', 'sonstiges'] as const;

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  return formularDaten.execute({ ctx: web(context).app, actor, input: {} });
}

type Gruppe = { key: string; rolle: PersonDaten['rolle']; titel: string };

function gruppen(kinder: number): Gruppe[] {
  const g: Gruppe[] = [
    { key: 'a', rolle: 'antragsteller', titel: 'Antragstellende Person' },
    { key: 'b', rolle: 'partner', titel: 'Partnerin oder Partner' },
  ];
  for (let i = 0; i < kinder; i++) g.push({ key: `k${i}`, rolle: 'kind', titel: `Kind ${i + 1}` });
  return g;
}

const PERSON_FELDER = ['vorname', 'nachname', 'geburtsdatum', 'geschlecht', 'staat', 'erwerb_bezeichnung', 'erwerb_brutto', 'erwerb_netto', 'kindergeld', 'sonst_art', 'sonst_betrag'];

/** Form → the use case's input (amounts stay euro text: the schema turns them into cents). */
function lies(v: Record<string, string>, kinder: number) {
  const text = (name: string) => (v[name] ?? '').trim();
  const personen: unknown[] = [];
  /** For error messages: index in `personen` → group key, and index of each income → its field prefix. */
  const zuordnung: { key: string; einkommen: string[] }[] = [];
  for (const g of gruppen(kinder)) {
    const leer = ['vorname', 'nachname', 'geburtsdatum'].every((f) => !text(`${g.key}_${f}`));
    if (leer && g.key !== 'a') continue;
    const einkommen: unknown[] = [];
    const prefixe: string[] = [];
    const brutto = text(`${g.key}_erwerb_brutto`);
    const netto = text(`${g.key}_erwerb_netto`);
    if (brutto || netto) {
      einkommen.push({ art: 'erwerbstaetigkeit', bezeichnung: v[`${g.key}_erwerb_bezeichnung`] || undefined, bruttoCent: brutto || 0, nettoCent: netto || brutto || 0 });
      prefixe.push(netto && !brutto ? 'erwerb_netto' : 'erwerb_brutto');
    }
    const kg = text(`${g.key}_kindergeld`);
    if (kg) {
      einkommen.push({ art: 'kindergeld', betragCent: kg });
      prefixe.push('kindergeld');
    }
    const sonst = text(`${g.key}_sonst_betrag`);
    if (sonst || v[`${g.key}_sonst_art`]) {
      einkommen.push({ art: v[`${g.key}_sonst_art`] || 'sonstiges', betragCent: sonst || 0 });
      prefixe.push('sonst_betrag');
    }
    personen.push({
      ref: g.key,
      vorname: v[`${g.key}_vorname`] ?? '',
      nachname: v[`${g.key}_nachname`] ?? '',
      geburtsdatum: v[`${g.key}_geburtsdatum`] ?? '',
      geschlecht: v[`${g.key}_geschlecht`] || null,
      staatsangehoerigkeit: text(`${g.key}_staat`).toUpperCase(),
      rolle: g.rolle,
      ...(einkommen.length ? { einkommen } : {}),
    });
    zuordnung.push({ key: g.key, einkommen: prefixe });
  }
  const grundmiete = text('unterkunft_grundmiete');
  const nebenkosten = text('unterkunft_nebenkosten');
  const heizkosten = text('unterkunft_heizkosten');
  const unterkunft =
    !grundmiete && !nebenkosten && !heizkosten
      ? null
      : { grundmieteCent: grundmiete || 0, nebenkostenCent: nebenkosten || 0, heizkostenCent: heizkosten || 0, warmwasserDezentral: v.unterkunft_warmwasser === '1' };
  const roh = {
    antragsdatum: v.antragsdatum ?? '',
    eingangskanal: v.eingangskanal || 'papier',
    personen,
    adresse: { strasse: v.adresse_strasse ?? '', hausnummer: v.adresse_hausnummer ?? '', plz: v.adresse_plz ?? '', ort: v.adresse_ort ?? '', kommuneId: v.adresse_kommune ?? '' },
    bank: (v.bank_iban ?? '').trim() ? { iban: v.bank_iban, kontoinhaber: v.bank_kontoinhaber ?? '' } : null,
    unterkunft,
  };
  const feld = (path: string): string => {
    const teile = path.split('.');
    if (teile[0] === 'personen') {
      const z = zuordnung[Number(teile[1])];
      if (!z || teile.length < 3) return 'a_vorname';
      if (teile[2] === 'einkommen') {
        const prefix = z.einkommen[Number(teile[3])] ?? 'erwerb_brutto';
        return `${z.key}_${prefix.startsWith('erwerb_') && teile[4] === 'nettoCent' ? 'erwerb_netto' : prefix}`;
      }
      if (teile[2] === 'staatsangehoerigkeit') return `${z.key}_staat`;
      return `${z.key}_${teile[2]}`;
    }
    if (teile[0] === 'adresse') return teile[1] === 'kommuneId' ? 'adresse_kommune' : `adresse_${teile[1] ?? 'strasse'}`;
    if (teile[0] === 'bank') return `bank_${teile[1] ?? 'iban'}`;
    if (teile[0] === 'unterkunft') return `unterkunft_${(teile[1] ?? 'grundmiete').replace('Cent', '')}`;
    if (teile[0] === 'standortId') return 'adresse_kommune';
    return teile[0] ?? 'antragsdatum';
  };
  return { roh, feld };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const form = await readForm(request);
  const kinderAlt = Math.min(MAX_KINDER, Math.max(0, Number(form.get('kinder')) || 0));
  const values: Record<string, string> = {};
  const namen = ['antragsdatum', 'eingangskanal', 'adresse_strasse', 'adresse_hausnummer', 'adresse_plz', 'adresse_ort', 'adresse_kommune', 'bank_iban', 'bank_kontoinhaber', 'unterkunft_grundmiete', 'unterkunft_nebenkosten', 'unterkunft_heizkosten', 'unterkunft_warmwasser'];
  for (const g of gruppen(kinderAlt)) for (const f of PERSON_FELDER) namen.push(`${g.key}_${f}`);
  for (const n of namen) values[n] = form.get(n);
  if (form.get('_aktion') === 'kind') {
    values.kinder = String(Math.min(MAX_KINDER, kinderAlt + 1));
    return { errors: {}, values, aktion: 'kind' };
  }
  values.kinder = String(kinderAlt);
  const { roh, feld } = lies(values, kinderAlt);
  try {
    const r = await erstantragErfassen.execute({ ctx: web(context).app, actor, input: roh });
    if (r.sichtbar) {
      flash(context, `Der Erstantrag wurde erfasst: Fallakte ${r.bg.fallnummer}.`);
      return redirect(`/faelle/${r.bg.id}`);
    }
    flash(context, `Der Erstantrag wurde erfasst (Fallakte ${r.bg.fallnummer}) und an den zuständigen ${r.standortName} weitergeleitet.`);
    return redirect('/faelle');
  } catch (err) {
    return fallFormFailure(context, err, values, feld);
  }
}

function PersonGruppe(p: { g: Gruppe; v: Record<string, string>; e: FieldErrors }) {
  const n = (f: string) => `${p.g.key}_${f}`;
  const kind = p.g.rolle === 'kind';
  return (
    <fieldset className="kern-fieldset kern-stack-md">
      <legend className="kern-heading-small">
        {p.g.titel}
        {p.g.key === 'a' ? '' : ' (falls vorhanden)'}
      </legend>
      <TextField name={n('vorname')} label="Vorname" defaultValue={p.v[n('vorname')]} error={p.e[n('vorname')]} required={p.g.key === 'a'} />
      <TextField name={n('nachname')} label="Nachname" defaultValue={p.v[n('nachname')]} error={p.e[n('nachname')]} required={p.g.key === 'a'} />
      <TextField name={n('geburtsdatum')} label="Geburtsdatum" type="date" defaultValue={p.v[n('geburtsdatum')]} error={p.e[n('geburtsdatum')]} required={p.g.key === 'a'} />
      <SelectField
        name={n('geschlecht')}
        label="Geschlecht"
        options={[
          { value: '', label: 'keine Angabe' },
          { value: 'w', label: 'weiblich' },
          { value: 'm', label: 'männlich' },
          { value: 'd', label: 'divers' },
        ]}
        defaultValue={p.v[n('geschlecht')] ?? ''}
        error={p.e[n('geschlecht')]}
      />
      <TextField
        name={n('staat')}
        label="Staatsangehörigkeit"
        hint="Ländercode, z. B. DE, TR, UA; XX = staatenlos oder ungeklärt"
        width="kurz"
        defaultValue={p.v[n('staat')] ?? 'DE'}
        error={p.e[n('staat')]}
      />
      {kind ? (
        <TextField name={n('kindergeld')} label="Kindergeld monatlich (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={p.v[n('kindergeld')] ?? '250,00'} error={p.e[n('kindergeld')]} />
      ) : (
        <>
          <TextField name={n('erwerb_bezeichnung')} label="Arbeitgeber" optionalLabel="optional" defaultValue={p.v[n('erwerb_bezeichnung')]} error={p.e[n('erwerb_bezeichnung')]} />
          <TextField name={n('erwerb_brutto')} label="Erwerbseinkommen brutto monatlich (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={p.v[n('erwerb_brutto')]} error={p.e[n('erwerb_brutto')]} />
          <TextField name={n('erwerb_netto')} label="Erwerbseinkommen netto monatlich (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={p.v[n('erwerb_netto')]} error={p.e[n('erwerb_netto')]} />
        </>
      )}
      <SelectField
        name={n('sonst_art')}
        label="Weiteres Einkommen: Art"
        options={[{ value: '', label: 'kein weiteres Einkommen' }, ...SONSTIGE.map((a) => ({ value: a, label: EINKOMMEN_TEXT[a] ?? a }))]}
        defaultValue={p.v[n('sonst_art')] ?? ''}
        error={p.e[n('sonst_art')]}
      />
      <TextField name={n('sonst_betrag')} label="Weiteres Einkommen: Betrag monatlich (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={p.v[n('sonst_betrag')]} error={p.e[n('sonst_betrag')]} />
    </fieldset>
  );
}

function NeuerFallPage() {
  const { kommunen } = useLoaderData<typeof loader>();
  const result = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const v = result?.values ?? {};
  const e = result?.errors ?? {};
  const kinder = Number(v.kinder ?? 0) || 0;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/faelle" label="Fälle" />
      <h1 className="kern-heading-large">Erstantrag erfassen</h1>
      <p className="kern-body">
        Erfassen Sie einen schriftlich, telefonisch oder am Schalter gestellten Erstantrag. Die Angaben gelten ab dem Ersten des Antragsmonats
        (§ 37 Abs. 2 SGB II). Beträge in Euro, z. B. 1234,56.
      </p>
      <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={result?.konflikt} />
      {result?.aktion === 'kind' ? (
        // Announces the added group to screen readers after the re-render.
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
        <p className="kern-body" role="status">
          Ein weiteres Kind wurde hinzugefügt (Kind {kinder}).
        </p>
      ) : null}
      <PostForm csrfToken={csrfToken} action="/faelle/neu">
        <input type="hidden" name="kinder" value={kinder} />
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Antrag</legend>
          <TextField name="antragsdatum" label="Antragsdatum" type="date" hint="Tag, an dem der Antrag gestellt wurde (2021 bis 2026)" defaultValue={v.antragsdatum} error={e.antragsdatum} required />
          <SelectField
            name="eingangskanal"
            label="Eingangsweg"
            options={[
              { value: 'papier', label: 'Papier (Post oder Briefkasten)' },
              { value: 'telefon', label: 'Telefon' },
              { value: 'schalter', label: 'Schalter' },
            ]}
            defaultValue={v.eingangskanal ?? 'papier'}
            error={e.eingangskanal}
          />
        </fieldset>
        {gruppen(kinder).map((g) => (
          <PersonGruppe key={g.key} g={g} v={v} e={e} />
        ))}
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Anschrift</legend>
          <TextField name="adresse_strasse" label="Straße" defaultValue={v.adresse_strasse} error={e.adresse_strasse} required />
          <TextField name="adresse_hausnummer" label="Hausnummer" width="kurz" defaultValue={v.adresse_hausnummer} error={e.adresse_hausnummer} required />
          <TextField name="adresse_plz" label="Postleitzahl" width="kurz" inputMode="numeric" defaultValue={v.adresse_plz} error={e.adresse_plz} required />
          <TextField name="adresse_ort" label="Ort" defaultValue={v.adresse_ort} error={e.adresse_ort} required />
          <SelectField
            name="adresse_kommune"
            label="Kommune"
            hint="Bestimmt den zuständigen Standort"
            options={[{ value: '', label: 'Bitte wählen' }, ...kommunen.map((k) => ({ value: k.id, label: k.name }))]}
            defaultValue={v.adresse_kommune ?? ''}
            error={e.adresse_kommune}
          />
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Bankverbindung</legend>
          <TextField name="bank_iban" label="IBAN" optionalLabel="optional" hint="z. B. DE02 1203 0000 0000 2020 51" defaultValue={v.bank_iban} error={e.bank_iban} autoComplete="off" />
          <TextField name="bank_kontoinhaber" label="Kontoinhaber/in" optionalLabel="optional" defaultValue={v.bank_kontoinhaber} error={e.bank_kontoinhaber} />
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Kosten der Unterkunft (monatlich)</legend>
          <TextField name="unterkunft_grundmiete" label="Grundmiete (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={v.unterkunft_grundmiete} error={e.unterkunft_grundmiete} />
          <TextField name="unterkunft_nebenkosten" label="Nebenkosten (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={v.unterkunft_nebenkosten} error={e.unterkunft_nebenkosten} />
          <TextField name="unterkunft_heizkosten" label="Heizkosten (Euro)" optionalLabel="optional" inputMode="decimal" defaultValue={v.unterkunft_heizkosten} error={e.unterkunft_heizkosten} />
          <Checkbox name="unterkunft_warmwasser" label="Warmwasser wird dezentral erzeugt (z. B. Durchlauferhitzer)" checked={v.unterkunft_warmwasser === '1'} />
        </fieldset>
        {/* "Speichern" comes first, so Enter in a field saves; adding a child re-renders the form with one more group. */}
        <div className="actions">
          <SubmitButton name="_aktion" value="speichern">
            Erstantrag speichern
          </SubmitButton>
          {kinder < MAX_KINDER ? (
            <SubmitButton variant="secondary" name="_aktion" value="kind">
              Weiteres Kind hinzufügen
            </SubmitButton>
          ) : null}
        </div>
      </PostForm>
    </div>
  );
}

export const faelleNeuRoute: RouteObject = {
  path: 'faelle/neu',
  loader,
  action,
  Component: NeuerFallPage,
  handle: { title: 'Erstantrag erfassen' } satisfies PageHandle,
};
