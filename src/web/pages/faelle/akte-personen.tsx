import { redirect } from 'react-router';
import type { PersonZustand } from '../../../domain/fallakte/index.ts';
import { AUSBILDUNG_TEXT, aenderePerson } from '../../../server/fall/aendere-person.ts';
import { aendereVermoegen } from '../../../server/fall/aendere-vermoegen.ts';
import { bgSchliessen } from '../../../server/fall/bg-schliessen.ts';
import { personAufnehmen } from '../../../server/fall/person-aufnehmen.ts';
import { personAustritt } from '../../../server/fall/person-austritt.ts';
import { Checkbox, FileField, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { flash } from '../../web-context.ts';
import { TextAreaField } from '../verwaltung/shared.tsx';
import { datumText, euroFeld, euroText, fallAktion, ROLLE_TEXT, zeitraumText, type FallAktion } from './shared.tsx';

/**
 * Fallakte forms for the persons of a BG (Stammdaten/Merkmale, joining, leaving), their assets (Vermögen), closing
 * the BG, and the document upload. Each posts to the page with its own `_aktion` (the upload goes to its multipart
 * route, src/server/fall/routes.ts) and names a "gültig ab" day; the use cases write the history and audit trail.
 */

/** Form fields of these actions (the page action copies them into `values`, shown again after an error). */
export const PERSONEN_FELDER = [
  'pa_person', 'pa_ab', 'pa_vorname', 'pa_nachname', 'pa_geburtsdatum', 'pa_geschlecht', 'pa_staat', 'pa_erwerbsfaehig', 'pa_schwanger', 'pa_behinderung',
  'pa_ernaehrung', 'pa_unabweisbar', 'pa_alleinerziehend', 'pa_ausbildung', 'pa_sgb12',
  'pn_ab', 'pn_rolle', 'pn_vorname', 'pn_nachname', 'pn_geburtsdatum', 'pn_geschlecht', 'pn_staat', 'pn_haushalt', 'pn_kindergeld',
  'px_person', 'px_ab',
  'vm_person', 'vm_id', 'vm_ab', 'vm_ende', 'vm_bezeichnung', 'vm_wert',
  'bs_ab', 'bs_grund',
] as const;

const zurueck = (id: string) => redirect(`/faelle/${id}`);

/** These actions of the Fallakte page (`_aktion` → use case, form fields → input); the page runs them. */
export const PERSONEN_AKTIONEN: Record<string, FallAktion<unknown>> = {
  person_aendern: fallAktion({
    useCase: aenderePerson,
    input: (v, { id }) => ({
      id,
      version: v.version,
      ab: v.pa_ab,
      personId: v.pa_person,
      stammdaten: { vorname: v.pa_vorname, nachname: v.pa_nachname, geburtsdatum: v.pa_geburtsdatum, geschlecht: v.pa_geschlecht, staatsangehoerigkeit: v.pa_staat },
      merkmale: {
        erwerbsfaehig: v.pa_erwerbsfaehig,
        schwanger: v.pa_schwanger,
        alleinerziehend: v.pa_alleinerziehend,
        ausbildung: v.pa_ausbildung,
        sgb12: v.pa_sgb12,
        // An emptied amount ends that Mehrbedarf (the schema reads it as 0, see fallakteZuBerechnungInput).
        mehrbedarf: { behinderung: v.pa_behinderung, ernaehrungCent: v.pa_ernaehrung, unabweisbarCent: v.pa_unabweisbar },
      },
    }),
    felder: {
      ab: 'pa_ab',
      personId: 'pa_ab',
      'stammdaten.vorname': 'pa_vorname',
      'stammdaten.nachname': 'pa_nachname',
      'stammdaten.geburtsdatum': 'pa_geburtsdatum',
      'stammdaten.geschlecht': 'pa_geschlecht',
      'stammdaten.staatsangehoerigkeit': 'pa_staat',
      'merkmale.erwerbsfaehig': 'pa_erwerbsfaehig',
      'merkmale.alleinerziehend': 'pa_alleinerziehend',
      'merkmale.ausbildung': 'pa_ausbildung',
      'merkmale.mehrbedarf.ernaehrungCent': 'pa_ernaehrung',
      'merkmale.mehrbedarf.unabweisbarCent': 'pa_unabweisbar',
    },
    rest: 'pa_ab',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Angaben zu ${v.pa_vorname?.trim()} ${v.pa_nachname?.trim()} ab ${datumText(v.pa_ab)} wurden gespeichert.`);
      return zurueck(id);
    },
  }),
  person_aufnehmen: fallAktion({
    useCase: personAufnehmen,
    input: (v, { id }) => ({
      id,
      version: v.version,
      ab: v.pn_ab,
      person: {
        vorname: v.pn_vorname,
        nachname: v.pn_nachname,
        geburtsdatum: v.pn_geburtsdatum,
        geschlecht: v.pn_geschlecht,
        staatsangehoerigkeit: v.pn_staat,
        rolle: v.pn_rolle,
        // The checkbox says "lives only in the household".
        inBedarfsgemeinschaft: v.pn_haushalt !== '1',
        ...(v.pn_kindergeld?.trim() ? { einkommen: [{ art: 'kindergeld', betragCent: v.pn_kindergeld }] } : {}),
      },
    }),
    felder: {
      ab: 'pn_ab',
      'person.vorname': 'pn_vorname',
      'person.nachname': 'pn_nachname',
      'person.geburtsdatum': 'pn_geburtsdatum',
      'person.geschlecht': 'pn_geschlecht',
      'person.staatsangehoerigkeit': 'pn_staat',
      'person.rolle': 'pn_rolle',
      'person.einkommen': 'pn_kindergeld',
    },
    rest: 'pn_vorname',
    erfolg: (out, { context, id, v }) => {
      flash(context, `${v.pn_vorname?.trim()} ${v.pn_nachname?.trim()} gehört ab ${datumText(v.pn_ab)} dazu.`);
      return redirect(`/faelle/${id}?stichtag=${v.pn_ab}#person-${out.personId}`);
    },
  }),
  person_austritt: fallAktion({
    useCase: personAustritt,
    input: (v, { id }) => ({ id, version: v.version, ab: v.px_ab, personId: v.px_person }),
    felder: { ab: 'px_ab', personId: 'px_person' },
    rest: 'px_person',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Der Austritt ab ${datumText(v.px_ab)} wurde gespeichert.`);
      return zurueck(id);
    },
  }),
  vermoegen: fallAktion({
    useCase: aendereVermoegen,
    input: (v, { id }) => ({
      id,
      version: v.version,
      ab: v.vm_ab,
      personId: v.vm_person,
      vermoegenId: v.vm_id,
      vermoegen: v.vm_ende === '1' ? null : { bezeichnung: v.vm_bezeichnung, wertCent: v.vm_wert },
    }),
    felder: { ab: 'vm_ab', personId: 'vm_person', vermoegenId: 'vm_id', vermoegen: 'vm_bezeichnung', 'vermoegen.wertCent': 'vm_wert' },
    rest: 'vm_person',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Vermögensangabe ab ${datumText(v.vm_ab)} wurde gespeichert.`);
      return zurueck(id);
    },
  }),
  schliessen: fallAktion({
    useCase: bgSchliessen,
    input: (v, { id }) => ({ id, version: v.version, ab: v.bs_ab, grund: v.bs_grund }),
    felder: { ab: 'bs_ab', grund: 'bs_grund' },
    rest: 'bs_ab',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Bedarfsgemeinschaft ist ab ${datumText(v.bs_ab)} geschlossen.`);
      return zurueck(id);
    },
  }),
};

type Basis = { csrfToken: string; bgId: string; version: number; v: Record<string, string>; e: FieldErrors; offen: boolean };

function Aufklappen(p: { titel: string; offen: boolean; id?: string; children: React.ReactNode }) {
  return (
    <details className="kern-stack-sm" open={p.offen} id={p.id}>
      <summary className="kern-body">{p.titel}</summary>
      {p.children}
    </details>
  );
}

const GESCHLECHT = [
  { value: '', label: 'keine Angabe' },
  { value: 'w', label: 'weiblich' },
  { value: 'm', label: 'männlich' },
  { value: 'd', label: 'divers' },
];
const JA_NEIN = (leer: string) => [
  { value: '', label: leer },
  { value: 'ja', label: 'ja' },
  { value: 'nein', label: 'nein' },
];
const jnFeld = (b: boolean | null | undefined) => (b === true ? 'ja' : b === false ? 'nein' : '');

/** Stammdaten and Merkmale of one person (chosen with ?person=… from the list), prefilled with the values in force. */
export function PersonAendernFormular(p: Basis & { person: PersonZustand | undefined; stichtag: string }) {
  const { v, e } = p;
  const pe = p.person;
  if (!pe && !v.pa_person) return null;
  const m = pe?.merkmale;
  const wert = (n: string, aktuell: string) => v[n] ?? aktuell;
  const name = pe ? `${pe.vorname} ${pe.nachname}` : 'Person';
  return (
    <section aria-labelledby="person-aendern" className="kern-stack-sm">
      <h3 className="kern-heading-small" id="person-aendern">{`Daten von ${name} ab einem Tag ändern`}</h3>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label={`Daten von ${name} ändern`} className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <input type="hidden" name="pa_person" value={pe?.id ?? v.pa_person} />
        <TextField name="pa_ab" label="Gültig ab" type="date" hint="Die bisherigen Angaben gelten bis zum Vortag und bleiben im Verlauf" defaultValue={wert('pa_ab', p.stichtag)} error={e.pa_ab} />
        <TextField name="pa_vorname" label="Vorname" defaultValue={wert('pa_vorname', pe?.vorname ?? '')} error={e.pa_vorname} />
        <TextField name="pa_nachname" label="Nachname" defaultValue={wert('pa_nachname', pe?.nachname ?? '')} error={e.pa_nachname} />
        <TextField name="pa_geburtsdatum" label="Geburtsdatum" type="date" defaultValue={wert('pa_geburtsdatum', pe?.geburtsdatum ?? '')} error={e.pa_geburtsdatum} />
        <SelectField name="pa_geschlecht" label="Geschlecht" options={GESCHLECHT} defaultValue={wert('pa_geschlecht', pe?.geschlecht ?? '')} error={e.pa_geschlecht} />
        <TextField name="pa_staat" label="Staatsangehörigkeit" hint="Ländercode, z. B. DE (XX = staatenlos oder ungeklärt)" defaultValue={wert('pa_staat', pe?.staatsangehoerigkeit ?? '')} error={e.pa_staat} width="kurz" />
        <SelectField name="pa_erwerbsfaehig" label="Erwerbsfähig" options={JA_NEIN('nach Alter (ab 15 Jahren)')} defaultValue={wert('pa_erwerbsfaehig', jnFeld(m?.erwerbsfaehig))} />
        <SelectField name="pa_alleinerziehend" label="Alleinerziehend" options={JA_NEIN('aus der Bedarfsgemeinschaft abgeleitet')} defaultValue={wert('pa_alleinerziehend', jnFeld(m?.alleinerziehend))} />
        <Checkbox name="pa_schwanger" label="Schwanger (Mehrbedarf ab der 13. Woche)" checked={v.pa_schwanger !== undefined ? v.pa_schwanger === '1' : !!m?.schwanger} />
        <Checkbox name="pa_behinderung" label="Mehrbedarf wegen Behinderung" checked={v.pa_behinderung !== undefined ? v.pa_behinderung === '1' : !!m?.mehrbedarfBehinderung} />
        <SelectField
          name="pa_ausbildung"
          label="Ausbildungsstatus"
          hint="Unter 25 Jahren gilt für Erwerbseinkommen ein besonderer Freibetrag (§ 11b Abs. 2b SGB II)"
          options={[{ value: '', label: 'keine' }, ...Object.entries(AUSBILDUNG_TEXT).map(([value, label]) => ({ value, label }))]}
          defaultValue={wert('pa_ausbildung', m?.ausbildung ?? '')}
          error={e.pa_ausbildung}
        />
        {pe?.rolle === 'partner' || (!pe && v.pa_sgb12 !== undefined) ? (
          <Checkbox
            name="pa_sgb12"
            label="Partner bezieht Altersrente oder Leistungen nach SGB XII (gemischte Bedarfsgemeinschaft)"
            checked={v.pa_sgb12 !== undefined ? v.pa_sgb12 === '1' : !!m?.sgb12}
          />
        ) : null}
        <TextField name="pa_ernaehrung" label="Mehrbedarf kostenaufwändige Ernährung (Euro monatlich)" optionalLabel="optional" inputMode="decimal" defaultValue={wert('pa_ernaehrung', euroFeld(m?.mehrbedarfErnaehrungCent || null))} error={e.pa_ernaehrung} />
        <TextField name="pa_unabweisbar" label="Unabweisbarer Mehrbedarf (Euro monatlich)" optionalLabel="optional" inputMode="decimal" defaultValue={wert('pa_unabweisbar', euroFeld(m?.mehrbedarfUnabweisbarCent || null))} error={e.pa_unabweisbar} />
        <SubmitButton variant="secondary" name="_aktion" value="person_aendern">
          Änderung speichern
        </SubmitButton>
      </PostForm>
    </section>
  );
}

/** A person joins: a birth, a new partner, a relative moving in. */
export function PersonAufnehmenFormular(p: Basis) {
  const { v, e } = p;
  return (
    <Aufklappen titel="Person aufnehmen (Geburt, Zuzug)" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Person aufnehmen" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <TextField name="pn_ab" label="Gehört dazu ab" type="date" hint="Bei einer Geburt: der Geburtstag" defaultValue={v.pn_ab} error={e.pn_ab} />
        <SelectField
          name="pn_rolle"
          label="Rolle"
          options={['kind', 'partner', 'sonstige', 'antragsteller'].map((r) => ({ value: r, label: ROLLE_TEXT[r] ?? r }))}
          defaultValue={v.pn_rolle ?? 'kind'}
          error={e.pn_rolle}
        />
        <TextField name="pn_vorname" label="Vorname" defaultValue={v.pn_vorname} error={e.pn_vorname} />
        <TextField name="pn_nachname" label="Nachname" defaultValue={v.pn_nachname} error={e.pn_nachname} />
        <TextField name="pn_geburtsdatum" label="Geburtsdatum" type="date" defaultValue={v.pn_geburtsdatum} error={e.pn_geburtsdatum} />
        <SelectField name="pn_geschlecht" label="Geschlecht" options={GESCHLECHT} defaultValue={v.pn_geschlecht ?? ''} />
        <TextField name="pn_staat" label="Staatsangehörigkeit" hint="Ländercode, z. B. DE (XX = staatenlos oder ungeklärt)" defaultValue={v.pn_staat ?? 'DE'} error={e.pn_staat} width="kurz" />
        <Checkbox name="pn_haushalt" label="Gehört nur zum Haushalt, nicht zur Bedarfsgemeinschaft" checked={v.pn_haushalt === '1'} />
        <TextField name="pn_kindergeld" label="Kindergeld für dieses Kind (Euro monatlich)" optionalLabel="optional" inputMode="decimal" defaultValue={v.pn_kindergeld} error={e.pn_kindergeld} />
        <SubmitButton variant="secondary" name="_aktion" value="person_aufnehmen">
          Person aufnehmen
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

/** A person leaves (moving out, death): the membership ends the day before. */
export function PersonAustrittFormular(p: Basis & { personen: PersonZustand[] }) {
  const { v, e } = p;
  return (
    <Aufklappen titel="Person scheidet aus (Auszug, Tod)" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Person scheidet aus" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <SelectField
          name="px_person"
          label="Person"
          options={[{ value: '', label: 'Bitte wählen' }, ...p.personen.map((x) => ({ value: x.id, label: `${x.vorname} ${x.nachname}` }))]}
          defaultValue={v.px_person ?? ''}
          error={e.px_person}
        />
        <TextField name="px_ab" label="Gehört nicht mehr dazu ab" type="date" hint="Erster Tag ohne diese Person; die Zugehörigkeit endet am Vortag" defaultValue={v.px_ab} error={e.px_ab} />
        <SubmitButton variant="secondary" name="_aktion" value="person_austritt">
          Austritt speichern
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

/** Assets on the day shown, and the form to add, change or end one "ab" a day. */
export function VermoegenAbschnitt(p: Basis & { personen: PersonZustand[]; stichtag: string; darfBearbeiten: boolean }) {
  const { v, e } = p;
  const liste = p.personen.flatMap((x) => x.vermoegen.map((vm) => ({ ...vm, person: `${x.vorname} ${x.nachname}` })));
  return (
    <>
      {liste.length === 0 ? (
        <p className="kern-body">An diesem Tag ist kein Vermögen erfasst.</p>
      ) : (
        <TabellenBereich label={`Vermögen am ${datumText(p.stichtag)}`}>
          <table className="kern-table">
            <caption className="kern-title">Vermögen am {datumText(p.stichtag)}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Person</th>
                <th scope="col" className="kern-table__header">Bezeichnung</th>
                <th scope="col" className="kern-table__header">Wert</th>
                <th scope="col" className="kern-table__header">Zeitraum</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {liste.map((vm) => (
                <tr className="kern-table__row" key={vm.id}>
                  <th scope="row" className="kern-table__cell">{vm.person}</th>
                  <td className="kern-table__cell">{vm.bezeichnung}</td>
                  <td className="kern-table__cell">{euroText(vm.wertCent)}</td>
                  <td className="kern-table__cell">{zeitraumText(vm.gueltigVon, vm.gueltigBis)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
      {p.darfBearbeiten && p.personen.length ? (
        <Aufklappen titel="Vermögen ab einem Tag erfassen, ändern oder beenden" offen={p.offen}>
          <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Vermögen ändern" className="kern-stack-md form-narrow">
            <input type="hidden" name="version" value={p.version} />
            <SelectField name="vm_person" label="Person" options={p.personen.map((x) => ({ value: x.id, label: `${x.vorname} ${x.nachname}` }))} defaultValue={v.vm_person} error={e.vm_person} />
            <SelectField
              name="vm_id"
              label="Bisheriges Vermögen"
              hint="Leer lassen für ein zusätzliches Vermögen"
              options={[{ value: '', label: 'neues Vermögen' }, ...liste.map((vm) => ({ value: vm.id, label: `${vm.person}: ${vm.bezeichnung}` }))]}
              defaultValue={v.vm_id ?? ''}
              error={e.vm_id}
            />
            <TextField name="vm_ab" label="Gültig ab" type="date" hint="Die bisherige Angabe gilt bis zum Vortag" defaultValue={v.vm_ab} error={e.vm_ab} />
            <Checkbox name="vm_ende" label="Das Vermögen zählt nicht mehr (verbraucht, verkauft)" checked={v.vm_ende === '1'} />
            <TextField name="vm_bezeichnung" label="Bezeichnung, z. B. Sparbuch, Auto" defaultValue={v.vm_bezeichnung} error={e.vm_bezeichnung} />
            <TextField name="vm_wert" label="Zu berücksichtigender Wert (Euro)" inputMode="decimal" defaultValue={v.vm_wert} error={e.vm_wert} />
            <SubmitButton variant="secondary" name="_aktion" value="vermoegen">
              Vermögen speichern
            </SubmitButton>
          </PostForm>
        </Aufklappen>
      ) : null}
    </>
  );
}

/** Closing the BG from a day on (refused while an approved Bewilligung runs beyond it). */
export function SchliessenFormular(p: Basis) {
  const { v, e } = p;
  return (
    <Aufklappen titel="Bedarfsgemeinschaft schließen" offen={p.offen}>
      <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Bedarfsgemeinschaft schließen" className="kern-stack-md form-narrow">
        <input type="hidden" name="version" value={p.version} />
        <p className="kern-body">
          Ab diesem Tag gehört niemand mehr zur Bedarfsgemeinschaft, und es gibt für die Zeit danach keine Bewilligung. Eine erteilte Bewilligung, die
          länger läuft, muss vorher aufgehoben werden.
        </p>
        <TextField name="bs_ab" label="Besteht nicht mehr ab" type="date" hint="Erster Tag ohne Leistungsbezug; die Mitgliedschaften enden am Vortag" defaultValue={v.bs_ab} error={e.bs_ab} />
        <TextAreaField name="bs_grund" label="Grund (optional)" defaultValue={v.bs_grund} error={e.bs_grund} />
        <SubmitButton variant="secondary" name="_aktion" value="schliessen">
          Bedarfsgemeinschaft schließen
        </SubmitButton>
      </PostForm>
    </Aufklappen>
  );
}

/** Messages for `dok_fehler` codes of the upload route: field and German text. */
const DOKUMENT_FEHLER: Record<string, [string, string]> = {
  titel_fehlt: ['dok_titel', 'Bitte geben Sie einen Titel an (höchstens 200 Zeichen).'],
  datum_ungueltig: ['dok_datum', 'Bitte das Eingangsdatum angeben.'],
  person_ungueltig: ['dok_person', 'Bitte wählen Sie eine Person aus der Liste.'],
  keine_datei: ['dok_datei', 'Bitte wählen Sie eine Datei aus.'],
  datei_leer: ['dok_datei', 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.'],
  datei_zu_gross: ['dok_datei', 'Die Datei ist größer als 5 MB. Bitte verkleinern Sie sie oder teilen Sie das Dokument auf.'],
  dateityp_nicht_erlaubt: ['dok_datei', 'Dieser Dateityp ist nicht erlaubt. Bitte laden Sie ein Bild (JPEG, PNG, HEIC, WebP) oder eine PDF-Datei hoch.'],
  virus_gefunden: ['dok_datei', 'In der Datei wurde Schadsoftware gefunden. Sie wurde nicht gespeichert.'],
  scanner_nicht_erreichbar: ['dok_datei', 'Die Datei konnte gerade nicht auf Viren geprüft werden und wurde nicht gespeichert. Bitte versuchen Sie es in einigen Minuten erneut.'],
};

export type DokumentRueckmeldung = { errors: FieldErrors; values: Record<string, string> };

/** The upload route's refusal from the page's URL (`dok_fehler`, `dok_titel`, `dok_datum`, `dok_person`). */
export function dokumentRueckmeldung(url: URL): DokumentRueckmeldung | null {
  const codes = url.searchParams.get('dok_fehler');
  if (!codes) return null;
  const errors: FieldErrors = {};
  for (const code of codes.split(',')) {
    const [feld, text] = DOKUMENT_FEHLER[code] ?? ['dok_datei', 'Das Dokument wurde nicht gespeichert. Bitte prüfen Sie Ihre Eingaben.'];
    errors[feld] ??= text;
  }
  const values = Object.fromEntries(['dok_titel', 'dok_datum', 'dok_person'].map((n) => [n, (url.searchParams.get(n) ?? '').slice(0, 200)]));
  return { errors, values };
}

/** Document upload (multipart; image or PDF, scanned by clamd before it is stored). */
export function DokumentFormular(p: { csrfToken: string; bgId: string; personen: PersonZustand[]; rueckmeldung: DokumentRueckmeldung | null; heute: string }) {
  const e = p.rueckmeldung?.errors ?? {};
  const v = p.rueckmeldung?.values ?? {};
  return (
    <details className="kern-stack-sm" open={!!p.rueckmeldung} id="dokument-hochladen">
      <summary className="kern-body">Dokument hochladen</summary>
      <form method="post" action={`/faelle/${p.bgId}/dokumente`} encType="multipart/form-data" className="kern-stack-md form-narrow" aria-label="Dokument hochladen" noValidate>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <TextField name="dok_titel" label="Titel, z. B. Mietvertrag" defaultValue={v.dok_titel} error={e.dok_titel} />
        <TextField name="dok_datum" label="Eingegangen am" type="date" defaultValue={v.dok_datum || p.heute} error={e.dok_datum} />
        <SelectField
          name="dok_person"
          label="Betrifft"
          options={[{ value: '', label: 'die ganze Bedarfsgemeinschaft' }, ...p.personen.map((x) => ({ value: x.id, label: `${x.vorname} ${x.nachname}` }))]}
          defaultValue={v.dok_person ?? ''}
          error={e.dok_person}
        />
        <FileField name="dok_datei" label="Datei" hint="Bild (JPEG, PNG, HEIC, WebP) oder PDF, höchstens 5 MB; wird vor dem Speichern auf Viren geprüft" accept="image/*,application/pdf" error={e.dok_datei} />
        <SubmitButton variant="secondary">Dokument hochladen</SubmitButton>
      </form>
    </details>
  );
}
