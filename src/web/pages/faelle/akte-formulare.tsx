import { Checkbox, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { ART_TEXT, euroFeld, STATUS_TEXT } from './shared.tsx';

/** Forms of the Fallakte page for changes "ab" a day. Each posts to the page with its own `_aktion`. */

type Basis = { csrfToken: string; bgId: string; version: number; v: Record<string, string>; e: FieldErrors; offen: boolean };

function Aufklappen(p: { titel: string; offen: boolean; children: React.ReactNode }) {
  return (
    <details className="kern-stack-sm" open={p.offen}>
      <summary className="kern-body">{p.titel}</summary>
      {p.children}
    </details>
  );
}

const HEIZUNGSART_TEXT: Record<string, string> = { zentral: 'Zentralheizung', etage: 'Etagenheizung', ofen: 'Ofenheizung', fernwaerme: 'Fernwärme', sonstige: 'sonstige' };

export function UnterkunftFormular(
  p: Basis & { aktuell: { grundmieteCent: number; nebenkostenCent: number; heizkostenCent: number; warmwasserDezentral: boolean; wohnflaecheQm?: number | null; heizungsart?: string | null } | null },
) {
  const v = p.v;
  return (
    <Aufklappen titel="Kosten der Unterkunft ab einem Tag ändern" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Kosten der Unterkunft ändern" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <TextField name="ku_ab" label="Gültig ab" type="date" hint="Die bisherigen Kosten gelten bis zum Vortag" defaultValue={v.ku_ab} error={p.e.ku_ab} />
        <TextField name="ku_grundmiete" label="Grundmiete (Euro)" inputMode="decimal" defaultValue={v.ku_grundmiete ?? euroFeld(p.aktuell?.grundmieteCent)} error={p.e.ku_grundmiete} />
        <TextField name="ku_nebenkosten" label="Nebenkosten (Euro)" inputMode="decimal" defaultValue={v.ku_nebenkosten ?? euroFeld(p.aktuell?.nebenkostenCent)} error={p.e.ku_nebenkosten} />
        <TextField name="ku_heizkosten" label="Heizkosten (Euro)" inputMode="decimal" defaultValue={v.ku_heizkosten ?? euroFeld(p.aktuell?.heizkostenCent)} error={p.e.ku_heizkosten} />
        <Checkbox name="ku_warmwasser" label="Warmwasser wird dezentral erzeugt" checked={v.ku_warmwasser ? v.ku_warmwasser === '1' : !!p.aktuell?.warmwasserDezentral} />
        <TextField
          name="ku_wohnflaeche"
          label="Wohnfläche in m²"
          optionalLabel="optional"
          inputMode="numeric"
          defaultValue={v.ku_wohnflaeche ?? (p.aktuell?.wohnflaecheQm ? String(p.aktuell.wohnflaecheQm) : '')}
          error={p.e.ku_wohnflaeche}
        />
        <SelectField
          name="ku_heizungsart"
          label="Heizungsart"
          options={[{ value: '', label: 'nicht angegeben' }, ...Object.entries(HEIZUNGSART_TEXT).map(([value, label]) => ({ value, label }))]}
          defaultValue={v.ku_heizungsart ?? p.aktuell?.heizungsart ?? ''}
        />
        <SubmitButton variant="secondary" name="_aktion" value="unterkunft">
          Kosten der Unterkunft speichern
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

export function AdresseFormular(p: Basis & { kommunen: { id: string; name: string }[] }) {
  const v = p.v;
  return (
    <Aufklappen titel="Umzug: neue Anschrift ab einem Tag" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Anschrift ändern" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <TextField name="ad_ab" label="Gültig ab (Einzug)" type="date" defaultValue={v.ad_ab} error={p.e.ad_ab} />
        <TextField name="ad_strasse" label="Straße" defaultValue={v.ad_strasse} error={p.e.ad_strasse} />
        <TextField name="ad_hausnummer" label="Hausnummer" defaultValue={v.ad_hausnummer} error={p.e.ad_hausnummer} />
        <TextField name="ad_plz" label="Postleitzahl" inputMode="numeric" defaultValue={v.ad_plz} error={p.e.ad_plz} />
        <TextField name="ad_ort" label="Ort" defaultValue={v.ad_ort} error={p.e.ad_ort} />
        <SelectField
          name="ad_kommune"
          label="Kommune"
          hint="Bei einer anderen Kommune wird deren Standort zuständig"
          options={[{ value: '', label: 'Bitte wählen' }, ...p.kommunen.map((k) => ({ value: k.id, label: k.name }))]}
          defaultValue={v.ad_kommune ?? ''}
          error={p.e.ad_kommune}
        />
        <SubmitButton variant="secondary" name="_aktion" value="adresse">
          Neue Anschrift speichern
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

export function BankFormular(p: Basis) {
  const v = p.v;
  return (
    <Aufklappen titel="Bankverbindung ab einem Tag ändern" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Bankverbindung ändern" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <TextField name="bk_ab" label="Gültig ab" type="date" defaultValue={v.bk_ab} error={p.e.bk_ab} />
        <TextField name="bk_iban" label="IBAN" defaultValue={v.bk_iban} error={p.e.bk_iban} autoComplete="off" />
        <TextField name="bk_kontoinhaber" label="Kontoinhaber/in" defaultValue={v.bk_kontoinhaber} error={p.e.bk_kontoinhaber} />
        <SubmitButton variant="secondary" name="_aktion" value="bank">
          Bankverbindung speichern
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

export function AntragFormular(p: Omit<Basis, 'version'>) {
  const v = p.v;
  return (
    <Aufklappen titel="Weiterbewilligungsantrag oder Veränderungsmitteilung erfassen" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Antrag erfassen" className="kern-stack-md form-narrow">
        <SelectField
          name="an_art"
          label="Art"
          options={[
            { value: 'veraenderung', label: ART_TEXT.veraenderung! },
            { value: 'weiterbewilligung', label: ART_TEXT.weiterbewilligung! },
          ]}
          defaultValue={v.an_art ?? 'veraenderung'}
          error={p.e.an_art}
        />
        <TextField name="an_datum" label="Eingegangen am" type="date" defaultValue={v.an_datum} error={p.e.an_datum} />
        <SelectField
          name="an_kanal"
          label="Eingangsweg"
          options={[
            { value: 'papier', label: 'Papier' },
            { value: 'telefon', label: 'Telefon' },
            { value: 'schalter', label: 'Schalter' },
          ]}
          defaultValue={v.an_kanal ?? 'papier'}
        />
        <SubmitButton variant="secondary" name="_aktion" value="antrag">
          In den Arbeitsvorrat legen
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

/** Status of one Antrag; the select has an id per Antrag so labels stay unique on the page. */
export function AntragStatusFormular(p: { csrfToken: string; bgId: string; antrag: { id: string; version: number; status: string } }) {
  const id = `status-${p.antrag.id}`;
  return (
    <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Status ändern" className="actions">
      <input type="hidden" name="antrag" value={p.antrag.id} />
      <input type="hidden" name="version" value={p.antrag.version} />
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id}>
          Status
        </label>
        <div className="kern-form-input__select-wrapper">
          <select className="kern-form-input__select" id={id} name="status" defaultValue={p.antrag.status}>
            {Object.entries(STATUS_TEXT).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SubmitButton variant="tertiary" name="_aktion" value="status">
        Status setzen
      </SubmitButton>
    </PostForm>
  );
}
