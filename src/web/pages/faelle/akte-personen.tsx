import { redirect } from 'react-router';
import type { z } from 'zod';
import { stammdatenSchema, vermoegenDatenSchema, type PersonZustand } from '../../../domain/fallakte/index.ts';
import { aenderePerson } from '../../../server/fall/aendere-person.ts';
import { aendereVermoegen } from '../../../server/fall/aendere-vermoegen.ts';
import { bgSchliessen } from '../../../server/fall/bg-schliessen.ts';
import { personAufnehmen } from '../../../server/fall/person-aufnehmen.ts';
import { personAustritt } from '../../../server/fall/person-austritt.ts';
import type { Actor, AppContext } from '../../../server/context.ts';
import { Checkbox, FileField, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { flash, web } from '../../web-context.ts';
import { TextAreaField } from '../verwaltung/shared.tsx';
import { BETRAG_FEHLER, datumText, euroFeld, euroText, parseEuro, ROLLE_TEXT, zeitraumText, type FallFormResult } from './shared.tsx';

/**
 * Fallakte forms for the persons of a BG (Stammdaten/Merkmale, joining, leaving), their assets (Vermögen), closing
 * the BG, and the document upload. Each posts to the page with its own `_aktion` (the upload goes to its multipart
 * route, src/server/fall/routes.ts) and names a "gültig ab" day; the use cases write the history and audit trail.
 */

/** Form fields of these actions (the page action copies them into `values`). */
export const PERSONEN_FELDER = [
  'pa_person', 'pa_ab', 'pa_vorname', 'pa_nachname', 'pa_geburtsdatum', 'pa_geschlecht', 'pa_staat', 'pa_erwerbsfaehig', 'pa_schwanger', 'pa_behinderung',
  'pa_ernaehrung', 'pa_unabweisbar', 'pa_alleinerziehend',
  'pn_ab', 'pn_rolle', 'pn_vorname', 'pn_nachname', 'pn_geburtsdatum', 'pn_geschlecht', 'pn_staat', 'pn_haushalt', 'pn_kindergeld',
  'px_person', 'px_ab',
  'vm_person', 'vm_id', 'vm_ab', 'vm_ende', 'vm_bezeichnung', 'vm_wert',
  'bs_ab', 'bs_grund',
] as const;

const istTag = (x: string | undefined) => /^\d{4}-\d{2}-\d{2}$/.test(x ?? '');
const DATUM_FEHLT = 'Bitte ein Datum angeben.';
const STAMM_FELD: Record<string, string> = { vorname: 'vorname', nachname: 'nachname', geburtsdatum: 'geburtsdatum', geschlecht: 'geschlecht', staatsangehoerigkeit: 'staat' };

/** Stammdaten from the form fields `<prefix>_…`; messages go to the fields. */
function stammdatenAus(values: Record<string, string>, prefix: string, errors: FieldErrors): z.infer<typeof stammdatenSchema> | null {
  const g = values[`${prefix}_geschlecht`];
  const roh = {
    vorname: (values[`${prefix}_vorname`] ?? '').trim(),
    nachname: (values[`${prefix}_nachname`] ?? '').trim(),
    geburtsdatum: values[`${prefix}_geburtsdatum`] ?? '',
    geschlecht: g === 'w' || g === 'm' || g === 'd' ? g : null,
    staatsangehoerigkeit: (values[`${prefix}_staat`] ?? '').trim().toUpperCase(),
  };
  const p = stammdatenSchema.safeParse(roh);
  if (p.success) return p.data;
  for (const i of p.error.issues) {
    const f = `${prefix}_${STAMM_FELD[String(i.path[0])] ?? 'vorname'}`;
    errors[f] ??= i.path[0] === 'vorname' || i.path[0] === 'nachname' ? 'Bitte ausfüllen.' : i.path[0] === 'geburtsdatum' ? 'Bitte ein gültiges Geburtsdatum angeben.' : i.message;
  }
  return null;
}

const janein = (v: string | undefined) => (v === 'ja' ? true : v === 'nein' ? false : null);

/** API paths of a refusal (400 issues) → form fields of the action. */
export function personenFeld(aktion: string, path: string): string | undefined {
  const letzter = path.split('.').pop() ?? '';
  if (aktion === 'person_aendern') {
    if (path === 'ab') return 'pa_ab';
    if (path.startsWith('stammdaten')) return `pa_${STAMM_FELD[letzter] ?? 'vorname'}`;
    return 'pa_ab';
  }
  if (aktion === 'person_aufnehmen') return path === 'ab' ? 'pn_ab' : `pn_${STAMM_FELD[letzter] ?? 'vorname'}`;
  if (aktion === 'person_austritt') return path === 'ab' ? 'px_ab' : 'px_person';
  if (aktion === 'vermoegen') return path === 'ab' ? 'vm_ab' : letzter === 'wertCent' ? 'vm_wert' : path.startsWith('vermoegen') ? 'vm_bezeichnung' : 'vm_person';
  if (aktion === 'schliessen') return path === 'ab' ? 'bs_ab' : 'bs_grund';
  return undefined;
}

/**
 * Runs one of these actions; null when `aktion` is not one of them. Bad input → the form again with the messages
 * at the fields (status 400); a refusal of the use case is left to the caller (fallFormFailure).
 */
export async function personenAktion(o: {
  context: unknown;
  ctx: AppContext;
  actor: Actor;
  id: string;
  aktion: string;
  values: Record<string, string>;
  version: number;
}): Promise<FallFormResult | Response | null> {
  const { context, ctx, actor, id, aktion, values: v, version } = o;
  const errors: FieldErrors = {};
  const fehlt = () => {
    web(context).reply.code(400);
    return { errors, values: v, aktion };
  };
  const cent = (n: string, pflicht: boolean) => {
    const r = parseEuro(v[n] ?? '');
    if (r === 'ungueltig' || (pflicht && r === null)) errors[n] = BETRAG_FEHLER;
    return typeof r === 'number' ? r : null;
  };
  const zurueck = redirect(`/faelle/${id}`);

  if (aktion === 'person_aendern') {
    if (!istTag(v.pa_ab)) errors.pa_ab = DATUM_FEHLT;
    if (!v.pa_person) errors.pa_ab ??= 'Bitte wählen Sie die Person über „Daten ändern“ in der Personenliste.';
    const stammdaten = stammdatenAus(v, 'pa', errors);
    const ernaehrung = cent('pa_ernaehrung', false);
    const unabweisbar = cent('pa_unabweisbar', false);
    if (Object.keys(errors).length || !stammdaten) return fehlt();
    await aenderePerson({
      ctx,
      actor,
      id,
      input: {
        version,
        ab: v.pa_ab!,
        personId: v.pa_person!,
        stammdaten,
        merkmale: {
          erwerbsfaehig: janein(v.pa_erwerbsfaehig),
          schwanger: v.pa_schwanger === '1',
          alleinerziehend: janein(v.pa_alleinerziehend),
          // An emptied field ends that Mehrbedarf (0 counts as none, see fallakteZuBerechnungInput).
          mehrbedarf: { behinderung: v.pa_behinderung === '1', ernaehrungCent: ernaehrung ?? 0, unabweisbarCent: unabweisbar ?? 0 },
        },
      },
    });
    flash(context, `Die Angaben zu ${stammdaten.vorname} ${stammdaten.nachname} ab ${datumText(v.pa_ab)} wurden gespeichert.`);
    return zurueck;
  }

  if (aktion === 'person_aufnehmen') {
    if (!istTag(v.pn_ab)) errors.pn_ab = DATUM_FEHLT;
    const stammdaten = stammdatenAus(v, 'pn', errors);
    const rolle = v.pn_rolle === 'partner' || v.pn_rolle === 'sonstige' || v.pn_rolle === 'antragsteller' ? v.pn_rolle : 'kind';
    const kindergeld = cent('pn_kindergeld', false);
    if (Object.keys(errors).length || !stammdaten) return fehlt();
    const r = await personAufnehmen({
      ctx,
      actor,
      id,
      input: {
        version,
        ab: v.pn_ab!,
        person: {
          ...stammdaten,
          rolle,
          inBedarfsgemeinschaft: v.pn_haushalt !== '1',
          ...(kindergeld ? { einkommen: [{ art: 'kindergeld' as const, betragCent: kindergeld }] } : {}),
        },
      },
    });
    flash(context, `${stammdaten.vorname} ${stammdaten.nachname} gehört ab ${datumText(v.pn_ab)} dazu.`);
    return redirect(`/faelle/${id}?stichtag=${v.pn_ab}#person-${r.personId}`);
  }

  if (aktion === 'person_austritt') {
    if (!v.px_person) errors.px_person = 'Bitte wählen Sie die Person.';
    if (!istTag(v.px_ab)) errors.px_ab = DATUM_FEHLT;
    if (Object.keys(errors).length) return fehlt();
    await personAustritt({ ctx, actor, id, input: { version, ab: v.px_ab!, personId: v.px_person! } });
    flash(context, `Der Austritt ab ${datumText(v.px_ab)} wurde gespeichert.`);
    return zurueck;
  }

  if (aktion === 'vermoegen') {
    const ende = v.vm_ende === '1';
    if (!v.vm_person) errors.vm_person = 'Bitte wählen Sie die Person.';
    if (!istTag(v.vm_ab)) errors.vm_ab = DATUM_FEHLT;
    if (ende && !v.vm_id) errors.vm_id = 'Bitte wählen Sie das Vermögen, das nicht mehr zählt.';
    let vermoegen: z.infer<typeof vermoegenDatenSchema> | null = null;
    if (!ende) {
      const wert = cent('vm_wert', true);
      const p = vermoegenDatenSchema.safeParse({ bezeichnung: (v.vm_bezeichnung ?? '').trim(), wertCent: wert ?? 0 });
      if (!(v.vm_bezeichnung ?? '').trim()) errors.vm_bezeichnung = 'Bitte geben Sie an, um welches Vermögen es geht (z. B. Sparbuch, Auto).';
      else if (!p.success) errors.vm_wert ??= BETRAG_FEHLER;
      if (p.success) vermoegen = p.data;
    }
    if (Object.keys(errors).length) return fehlt();
    await aendereVermoegen({ ctx, actor, id, input: { version, ab: v.vm_ab!, personId: v.vm_person!, ...(v.vm_id ? { vermoegenId: v.vm_id } : {}), vermoegen } });
    flash(context, `Die Vermögensangabe ab ${datumText(v.vm_ab)} wurde gespeichert.`);
    return zurueck;
  }

  if (aktion === 'schliessen') {
    if (!istTag(v.bs_ab)) errors.bs_ab = DATUM_FEHLT;
    if ((v.bs_grund ?? '').length > 500) errors.bs_grund = 'Bitte höchstens 500 Zeichen.';
    if (Object.keys(errors).length) return fehlt();
    await bgSchliessen({ ctx, actor, id, input: { version, ab: v.bs_ab!, ...(v.bs_grund?.trim() ? { grund: v.bs_grund.trim() } : {}) } });
    flash(context, `Die Bedarfsgemeinschaft ist ab ${datumText(v.bs_ab)} geschlossen.`);
    return zurueck;
  }
  return null;
}

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
