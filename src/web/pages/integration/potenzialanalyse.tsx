import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import {
  alsEingabe,
  BERUFSABSCHLUSS_ARTEN,
  BERUFSABSCHLUSS_TEXT,
  FUEHRERSCHEINKLASSEN,
  nachSchluesselgroesse,
  SCHULABSCHLUESSE,
  SCHULABSCHLUSS_TEXT,
  SPRACHNIVEAU_TEXT,
  SPRACHNIVEAUS,
  type Aenderung,
  type GesundheitDaten,
  type HandlungsbedarfEintrag,
  type PotenzialanalyseDaten,
  type PotenzialanalyseEingabe,
} from '../../../domain/foerdern/potenzialanalyse.ts';
import { AppError } from '../../../server/errors.ts';
import { potenzialanalyseLesen } from '../../../server/integration/potenzialanalyse-lesen.ts';
import { potenzialanalyseSpeichern } from '../../../server/integration/potenzialanalyse-speichern.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, CheckboxGroup, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { Fakten, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * /integration/personen/:personId/potenzialanalyse — the current Fassung as a summary, the form for the next Fassung
 * (prefilled from the current one) and the history with what changed. The health section (special category of
 * personal data) exists only for the Integrationsfachkraft: for everyone else the use case neither loads nor returns
 * it, so nothing of it can reach this page.
 */

const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';
const BESONDERE_KATEGORIE = 'Besondere Kategorie personenbezogener Daten – nur Integrationsfachkräfte';
const MAX_ERFAHRUNG = 20;
const MAX_SPRACHEN = 10;

type Werte = Record<string, string | string[]>;
type Ergebnis = { errors: FieldErrors; values: Werte; konflikt?: string };

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  return potenzialanalyseLesen.execute({ ctx: web(context).app, actor, input: { personId: params.personId ?? '' } });
}

/* ---------- form fields ↔ input ---------- */

const zeilen = (s: string) =>
  s
    .split('\n')
    .map((z) => z.trim())
    .filter(Boolean);
const oderNull = (s: string) => (s.trim() === '' ? null : s.trim());
/** A number typed into the form; other text goes to the schema as it is (and gets its message there). */
const zahl = (s: string): number | string | null => {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  return /^\d{1,6}(\.\d{1,2})?$/.test(t) ? Number(t) : s;
};
const zeilenAnzahl = (werte: Werte, praefix: string) => {
  let n = 0;
  for (const k of Object.keys(werte)) {
    const m = new RegExp(`^${praefix}_(\\d+)_`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
};

/** The form's fields → the use case's input; `codes` remembers which Handlungsbedarf sits at which index. */
function eingabeAusFormular(w: (n: string) => string, alle: (n: string) => string[], katalogCodes: string[]) {
  const berufserfahrung: unknown[] = [];
  for (let i = 0; i < MAX_ERFAHRUNG; i++) {
    const [t, von, bis] = [w(`be_${i}_taetigkeit`), w(`be_${i}_von`), w(`be_${i}_bis`)];
    if (!t.trim() && !von.trim() && !bis.trim()) continue;
    berufserfahrung.push({ taetigkeit: t, von: zahl(von), bis: zahl(bis) });
  }
  const weitere: unknown[] = [];
  for (let i = 0; i < MAX_SPRACHEN; i++) {
    const [sprache, niveau] = [w(`sp_${i}_sprache`), w(`sp_${i}_niveau`)];
    if (!sprache.trim() && !niveau) continue;
    weitere.push({ sprache, niveau: niveau || undefined });
  }
  const codes = katalogCodes.filter((c) => w(`hb_${c}`) === '1');
  const eingabe = {
    staerken: zeilen(w('staerken')),
    qualifikation: {
      schulabschluss: w('schulabschluss') || null,
      berufsabschluss: w('berufsabschluss') || null,
      berufsabschlussBezeichnung: oderNull(w('berufsabschlussBezeichnung')),
      qualifikationen: zeilen(w('qualifikationen')),
    },
    berufserfahrung,
    sprache: { deutsch: w('deutsch') || null, weitere },
    mobilitaet: { fuehrerschein: alle('fuehrerschein'), fahrzeug: w('fahrzeug') === '1', oepnv: w('oepnv') === '1', maxPendelzeitMinuten: zahl(w('pendelzeit')) },
    arbeitszeit: { wochenstunden: zahl(w('wochenstunden')), fruehestens: oderNull(w('fruehestens')), spaetestens: oderNull(w('spaetestens')), einschraenkungen: oderNull(w('az_einschraenkungen')) },
    berufswuensche: zeilen(w('berufswuensche')),
    handlungsbedarfe: codes.map((code) => ({ code, bemerkung: oderNull(w(`hbb_${code}`)) })),
    gesundheitlicheEinschraenkungen: oderNull(w('gesundheit_text')),
  };
  return { eingabe, codes };
}

/** Where the message of an input path is shown. */
function feldFuer(path: string, codes: string[]): string {
  const p = path.replace(/^inhalt\./, '');
  let m = /^berufserfahrung\.(\d+)\.(taetigkeit|von|bis)/.exec(p);
  if (m) return `be_${m[1]}_${m[2]}`;
  if (p.startsWith('berufserfahrung')) return 'be_0_taetigkeit';
  m = /^sprache\.weitere\.(\d+)\.(sprache|niveau)/.exec(p);
  if (m) return `sp_${m[1]}_${m[2]}`;
  m = /^handlungsbedarfe\.(\d+)\.(code|bemerkung)/.exec(p);
  if (m) return `${m[2] === 'code' ? 'hb' : 'hbb'}_${codes[Number(m[1])] ?? ''}`;
  const einfach: Record<string, string> = {
    staerken: 'staerken',
    'qualifikation.schulabschluss': 'schulabschluss',
    'qualifikation.berufsabschluss': 'berufsabschluss',
    'qualifikation.berufsabschlussBezeichnung': 'berufsabschlussBezeichnung',
    'qualifikation.qualifikationen': 'qualifikationen',
    'sprache.deutsch': 'deutsch',
    'mobilitaet.fuehrerschein': 'fuehrerschein',
    'mobilitaet.maxPendelzeitMinuten': 'pendelzeit',
    'arbeitszeit.wochenstunden': 'wochenstunden',
    'arbeitszeit.fruehestens': 'fruehestens',
    'arbeitszeit.spaetestens': 'spaetestens',
    'arbeitszeit.einschraenkungen': 'az_einschraenkungen',
    berufswuensche: 'berufswuensche',
    handlungsbedarfe: 'handlungsbedarfe',
    gesundheitlicheEinschraenkungen: 'gesundheit_text',
    erstelltAm: 'erstelltAm',
  };
  for (let q = p; q; q = q.includes('.') ? q.slice(0, q.lastIndexOf('.')) : '') {
    const feld = einfach[q];
    if (feld) return feld;
  }
  return 'erstelltAm';
}

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'integration.bearbeiten');
  const ctx = web(context).app;
  const personId = params.personId ?? '';
  const form = await readForm(request);
  // the catalogue codes the form offered (hidden field), so issues can be tied to their checkbox
  const katalogCodes = form.getAll('hb_codes');
  const { eingabe, codes } = eingabeAusFormular(form.get, form.getAll, katalogCodes);
  const values: Werte = {};
  for (const k of ['erstelltAm', 'basisFassung', 'staerken', 'schulabschluss', 'berufsabschluss', 'berufsabschlussBezeichnung', 'qualifikationen', 'deutsch', 'fahrzeug', 'oepnv', 'pendelzeit', 'wochenstunden', 'fruehestens', 'spaetestens', 'az_einschraenkungen', 'berufswuensche', 'gesundheit_text'])
    values[k] = form.get(k);
  values.fuehrerschein = form.getAll('fuehrerschein');
  for (let i = 0; i < MAX_ERFAHRUNG; i++) for (const f of ['taetigkeit', 'von', 'bis']) if (form.get(`be_${i}_${f}`)) values[`be_${i}_${f}`] = form.get(`be_${i}_${f}`);
  for (let i = 0; i < MAX_SPRACHEN; i++) for (const f of ['sprache', 'niveau']) if (form.get(`sp_${i}_${f}`)) values[`sp_${i}_${f}`] = form.get(`sp_${i}_${f}`);
  for (const c of katalogCodes) {
    values[`hb_${c}`] = form.get(`hb_${c}`);
    values[`hbb_${c}`] = form.get(`hbb_${c}`);
  }
  try {
    const r = await potenzialanalyseSpeichern.execute({
      ctx,
      actor,
      input: { personId, basisFassung: Number(form.get('basisFassung') || '0'), ...(form.get('erstelltAm').trim() ? { erstelltAm: form.get('erstelltAm') } : {}), inhalt: eingabe },
    });
    flash(context, `Fassung ${r.fassung} der Potenzialanalyse vom ${datumText(r.erstelltAm)} wurde gespeichert.`);
    return redirect(`/integration/personen/${encodeURIComponent(personId)}/potenzialanalyse`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'kein_elb') {
      web(context).reply.code(400);
      return { errors: {}, values, konflikt: err.message };
    }
    if (err instanceof AppError && err.status === 400 && err.issues.length) {
      web(context).reply.code(400);
      const errors: FieldErrors = {};
      for (const i of err.issues) errors[feldFuer(i.path.replace(/^body\./, ''), codes)] ??= i.message;
      return { errors, values };
    }
    if (err instanceof AppError && (err.status === 409 || err.status === 403)) {
      web(context).reply.code(err.status);
      return { errors: {}, values, konflikt: err.message };
    }
    throw err;
  }
}

/** The stored Fassung as form values (the next Fassung starts from it). */
function werteAus(e: PotenzialanalyseEingabe): Werte {
  const w: Werte = {
    staerken: e.staerken.join('\n'),
    schulabschluss: e.qualifikation.schulabschluss ?? '',
    berufsabschluss: e.qualifikation.berufsabschluss ?? '',
    berufsabschlussBezeichnung: e.qualifikation.berufsabschlussBezeichnung ?? '',
    qualifikationen: e.qualifikation.qualifikationen.join('\n'),
    deutsch: e.sprache.deutsch ?? '',
    fuehrerschein: [...e.mobilitaet.fuehrerschein],
    fahrzeug: e.mobilitaet.fahrzeug ? '1' : '',
    oepnv: e.mobilitaet.oepnv ? '1' : '',
    pendelzeit: e.mobilitaet.maxPendelzeitMinuten?.toString() ?? '',
    wochenstunden: e.arbeitszeit.wochenstunden?.toString().replace('.', ',') ?? '',
    fruehestens: e.arbeitszeit.fruehestens ?? '',
    spaetestens: e.arbeitszeit.spaetestens ?? '',
    az_einschraenkungen: e.arbeitszeit.einschraenkungen ?? '',
    berufswuensche: e.berufswuensche.join('\n'),
    gesundheit_text: e.gesundheitlicheEinschraenkungen ?? '',
  };
  e.berufserfahrung.forEach((b, i) => Object.assign(w, { [`be_${i}_taetigkeit`]: b.taetigkeit, [`be_${i}_von`]: String(b.von), [`be_${i}_bis`]: b.bis?.toString() ?? '' }));
  e.sprache.weitere.forEach((s, i) => Object.assign(w, { [`sp_${i}_sprache`]: s.sprache, [`sp_${i}_niveau`]: s.niveau }));
  for (const h of e.handlungsbedarfe) Object.assign(w, { [`hb_${h.code}`]: '1', [`hbb_${h.code}`]: h.bemerkung ?? '' });
  return w;
}

/* ---------- the page ---------- */

type Ansicht = Awaited<ReturnType<typeof loader>>;
type Katalog = Ansicht['katalog'];

const liste = (l: readonly string[]) => (l.length ? l.join(', ') : '–');

function HandlungsbedarfListe(p: { eintraege: readonly HandlungsbedarfEintrag[]; katalog: Katalog }) {
  const mitKatalog = p.eintraege.map((h) => ({ ...h, k: p.katalog.find((k) => k.code === h.code) }));
  const gruppen = nachSchluesselgroesse(mitKatalog.map((h) => ({ ...h, schluesselgroesse: h.k?.schluesselgroesse ?? 'rahmenbedingungen' })));
  if (!gruppen.length) return <p className="kern-body">Keine erfasst.</p>;
  return (
    <div className="kern-stack-sm">
      {gruppen.map((g) => (
        <div key={g.schluesselgroesse} className="kern-stack-xs">
          <h4 className="kern-heading-small">{g.titel}</h4>
          <ul className="kern-list">
            {g.eintraege.map((h) => (
              <li key={h.code}>
                {h.k?.bezeichnung ?? h.code}
                {h.bemerkung ? ` – ${h.bemerkung}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function Zusammenfassung(p: { d: PotenzialanalyseDaten; katalog: Katalog }) {
  const { d } = p;
  const a = d.arbeitszeit;
  return (
    <div className="kern-stack-md">
      <Fakten
        items={[
          ['Stärken', liste(d.staerken)],
          ['Schulabschluss', d.qualifikation.schulabschluss ? SCHULABSCHLUSS_TEXT[d.qualifikation.schulabschluss] : '–'],
          [
            'Berufsabschluss',
            `${d.qualifikation.berufsabschluss ? BERUFSABSCHLUSS_TEXT[d.qualifikation.berufsabschluss] : '–'}${d.qualifikation.berufsabschlussBezeichnung ? `: ${d.qualifikation.berufsabschlussBezeichnung}` : ''}`,
          ],
          ['Weitere Qualifikationen', liste(d.qualifikation.qualifikationen)],
          ['Berufserfahrung', liste(d.berufserfahrung.map((b) => `${b.taetigkeit} (${b.von}–${b.bis ?? 'heute'})`))],
          ['Deutsch', d.sprache.deutsch ? SPRACHNIVEAU_TEXT[d.sprache.deutsch] : '–'],
          ['Weitere Sprachen', liste(d.sprache.weitere.map((s) => `${s.sprache} (${SPRACHNIVEAU_TEXT[s.niveau]})`))],
          ['Führerschein', liste(d.mobilitaet.fuehrerschein)],
          ['Eigenes Fahrzeug', d.mobilitaet.fahrzeug ? 'ja' : 'nein'],
          ['ÖPNV nutzbar', d.mobilitaet.oepnv ? 'ja' : 'nein'],
          ['Höchste Pendelzeit je Weg', d.mobilitaet.maxPendelzeitMinuten === null ? '–' : `${d.mobilitaet.maxPendelzeitMinuten} Minuten`],
          ['Gewünschte Wochenstunden', a.wochenstunden === null ? '–' : String(a.wochenstunden).replace('.', ',')],
          ['Arbeitszeit möglich', a.fruehestens || a.spaetestens ? `${a.fruehestens ? `ab ${a.fruehestens}` : ''}${a.fruehestens && a.spaetestens ? ' ' : ''}${a.spaetestens ? `bis ${a.spaetestens}` : ''} Uhr` : '–'],
          ['Einschränkungen der Arbeitszeit', a.einschraenkungen ?? '–'],
          ['Berufswünsche', liste(d.berufswuensche)],
        ]}
      />
      <h3 className="kern-heading-small">Handlungsbedarfe</h3>
      <HandlungsbedarfListe eintraege={d.handlungsbedarfe} katalog={p.katalog} />
    </div>
  );
}

function GesundheitBereich(p: { titelId: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={p.titelId} className="kern-stack-sm potenzialanalyse-gesundheit">
      <Alert type="warning" title={BESONDERE_KATEGORIE}>
        <p className="kern-body">Gesundheitsbezogene Angaben (Art. 9 DSGVO). Sie werden getrennt gespeichert; jeder Zugriff wird protokolliert.</p>
      </Alert>
      {p.children}
    </section>
  );
}

function GesundheitZusammenfassung(p: { g: GesundheitDaten | null | undefined; katalog: Katalog }) {
  return (
    <GesundheitBereich titelId="gesundheit-aktuell">
      <h3 className="kern-heading-small" id="gesundheit-aktuell">
        Gesundheit
      </h3>
      <HandlungsbedarfListe eintraege={p.g?.handlungsbedarfe ?? []} katalog={p.katalog} />
      <Fakten items={[['Gesundheitliche Einschränkungen', p.g?.einschraenkungen ?? '–']]} />
    </GesundheitBereich>
  );
}

function Aenderungen(p: { a: Aenderung[] }) {
  if (!p.a.length) return <p className="kern-body">Keine inhaltlichen Änderungen.</p>;
  return (
    <ul className="kern-list">
      {p.a.map((x, i) => (
        <li key={i}>
          <strong>{`${x.bereich} – ${x.feld}: `}</strong>
          {`${x.vorher} → ${x.nachher}`}
        </li>
      ))}
    </ul>
  );
}

function HandlungsbedarfAuswahl(p: { eintraege: Katalog; v: (n: string) => string; e: FieldErrors }) {
  return (
    <>
      {nachSchluesselgroesse(p.eintraege).map((g) => (
        <fieldset key={g.schluesselgroesse} className="kern-fieldset kern-stack-sm">
          <legend className="kern-label">{g.titel}</legend>
          <div className="kern-fieldset__body kern-stack-sm">
            {g.eintraege.map((k) => (
              <div key={k.code} className="kern-stack-xs">
                <input type="hidden" name="hb_codes" value={k.code} />
                {p.e[`hb_${k.code}`] ? (
                  <p className="kern-error" id={`feld-hb_${k.code}-fehler`}>
                    <span className="kern-body">{p.e[`hb_${k.code}`]}</span>
                  </p>
                ) : null}
                <Checkbox name={`hb_${k.code}`} label={`${k.bezeichnung}${k.aktiv ? '' : ' (deaktiviert)'}`} checked={p.v(`hb_${k.code}`) === '1'} />
                <TextField name={`hbb_${k.code}`} label={`Bemerkung zu „${k.bezeichnung}“`} optionalLabel="optional" defaultValue={p.v(`hbb_${k.code}`)} error={p.e[`hbb_${k.code}`]} />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

function Formular(p: { d: Ansicht; r: Ergebnis | undefined }) {
  const { d, r } = p;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const start: Werte = r?.values ?? (d.aktuell ? werteAus(alsEingabe(d.aktuell.daten, d.aktuell.gesundheit ?? null)) : {});
  const v = (n: string) => {
    const x = start[n];
    return typeof x === 'string' ? x : '';
  };
  const fuehrerschein = Array.isArray(start.fuehrerschein) ? start.fuehrerschein : [];
  const erfahrungZeilen = Math.min(MAX_ERFAHRUNG, zeilenAnzahl(start, 'be') + 2);
  const sprachZeilen = Math.min(MAX_SPRACHEN, zeilenAnzahl(start, 'sp') + 1);
  // offered: the active entries and those the person already has
  const vorhanden = new Set([...(d.aktuell?.daten.handlungsbedarfe ?? []), ...(d.aktuell?.gesundheit?.handlungsbedarfe ?? [])].map((h) => h.code));
  const angeboten = d.katalog.filter((k) => k.aktiv || vorhanden.has(k.code));
  const niveauOptionen = [{ value: '', label: 'nicht angegeben' }, ...SPRACHNIVEAUS.map((n) => ({ value: n, label: SPRACHNIVEAU_TEXT[n] }))];
  return (
    <section aria-labelledby="neue-fassung" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="neue-fassung">
        {d.aktuell ? `Fortschreiben: Fassung ${d.aktuell.fassung + 1}` : 'Potenzialanalyse erfassen'}
      </h2>
      <p className="kern-body">{d.aktuell ? 'Das Formular ist mit der aktuellen Fassung vorbelegt. Beim Speichern entsteht eine neue Fassung; die bisherigen bleiben unverändert erhalten.' : 'Beim Speichern entsteht die erste Fassung.'}</p>
      <ErrorSummary errors={e} title={FEHLER_TITEL} />
      <KonfliktHinweis text={r?.konflikt} />
      <PostForm csrfToken={csrfToken} className="kern-stack-lg" aria-label="Potenzialanalyse speichern">
        <input type="hidden" name="basisFassung" value={r?.values.basisFassung ?? String(d.aktuell?.fassung ?? 0)} />
        <TextField name="erstelltAm" label="Datum des Gesprächs" type="date" hint="Leer lassen für heute." defaultValue={v('erstelltAm')} error={e.erstelltAm} />
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Stärken und Berufswünsche</legend>
          <TextAreaField name="staerken" label="Stärken (eine je Zeile)" defaultValue={v('staerken')} error={e.staerken} rows={3} />
          <TextAreaField name="berufswuensche" label="Berufswünsche (einer je Zeile)" defaultValue={v('berufswuensche')} error={e.berufswuensche} rows={3} />
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Qualifikation</legend>
          <SelectField name="schulabschluss" label="Schulabschluss" options={[{ value: '', label: 'nicht angegeben' }, ...SCHULABSCHLUESSE.map((s) => ({ value: s, label: SCHULABSCHLUSS_TEXT[s] }))]} defaultValue={v('schulabschluss')} error={e.schulabschluss} />
          <SelectField name="berufsabschluss" label="Berufsabschluss" options={[{ value: '', label: 'nicht angegeben' }, ...BERUFSABSCHLUSS_ARTEN.map((s) => ({ value: s, label: BERUFSABSCHLUSS_TEXT[s] }))]} defaultValue={v('berufsabschluss')} error={e.berufsabschluss} />
          <TextField name="berufsabschlussBezeichnung" label="Bezeichnung des Abschlusses" optionalLabel="optional" hint="z. B. Kauffrau im Einzelhandel" defaultValue={v('berufsabschlussBezeichnung')} error={e.berufsabschlussBezeichnung} />
          <TextAreaField name="qualifikationen" label="Weitere Qualifikationen (eine je Zeile)" hint="Zertifikate, Scheine, Weiterbildungen" defaultValue={v('qualifikationen')} error={e.qualifikationen} rows={3} />
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Berufserfahrung</legend>
          <p className="kern-hint">Leere Zeilen werden nicht gespeichert. „Bis“ leer lassen, wenn die Tätigkeit andauert.</p>
          {Array.from({ length: erfahrungZeilen }, (_, i) => (
            <div key={i} className="kern-stack-xs">
              <TextField name={`be_${i}_taetigkeit`} label={`Tätigkeit ${i + 1}`} defaultValue={v(`be_${i}_taetigkeit`)} error={e[`be_${i}_taetigkeit`]} />
              <TextField name={`be_${i}_von`} label={`Tätigkeit ${i + 1}: von (Jahr)`} inputMode="numeric" defaultValue={v(`be_${i}_von`)} error={e[`be_${i}_von`]} />
              <TextField name={`be_${i}_bis`} label={`Tätigkeit ${i + 1}: bis (Jahr)`} inputMode="numeric" defaultValue={v(`be_${i}_bis`)} error={e[`be_${i}_bis`]} />
            </div>
          ))}
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Sprache</legend>
          <SelectField name="deutsch" label="Deutschkenntnisse" options={niveauOptionen} defaultValue={v('deutsch')} error={e.deutsch} />
          {Array.from({ length: sprachZeilen }, (_, i) => (
            <div key={i} className="kern-stack-xs">
              <TextField name={`sp_${i}_sprache`} label={`Weitere Sprache ${i + 1}`} optionalLabel="optional" defaultValue={v(`sp_${i}_sprache`)} error={e[`sp_${i}_sprache`]} />
              <SelectField name={`sp_${i}_niveau`} label={`Weitere Sprache ${i + 1}: Niveau`} options={niveauOptionen} defaultValue={v(`sp_${i}_niveau`)} error={e[`sp_${i}_niveau`]} />
            </div>
          ))}
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Mobilität</legend>
          <CheckboxGroup name="fuehrerschein" legend="Führerscheinklassen" options={FUEHRERSCHEINKLASSEN.map((k) => ({ value: k, label: k }))} checked={fuehrerschein} error={e.fuehrerschein} />
          <Checkbox name="fahrzeug" label="Eigenes Fahrzeug verfügbar" checked={v('fahrzeug') === '1'} />
          <Checkbox name="oepnv" label="Arbeitsorte mit Bus und Bahn erreichbar" checked={v('oepnv') === '1'} />
          <TextField name="pendelzeit" label="Höchste zumutbare Pendelzeit je Weg (Minuten)" inputMode="numeric" defaultValue={v('pendelzeit')} error={e.pendelzeit} />
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Arbeitszeit</legend>
          <TextField name="wochenstunden" label="Gewünschte Wochenstunden" inputMode="decimal" defaultValue={v('wochenstunden')} error={e.wochenstunden} />
          <TextField name="fruehestens" label="Frühester Arbeitsbeginn (HH:MM)" hint="z. B. 08:00" defaultValue={v('fruehestens')} error={e.fruehestens} />
          <TextField name="spaetestens" label="Spätestes Arbeitsende (HH:MM)" hint="z. B. 14:00" defaultValue={v('spaetestens')} error={e.spaetestens} />
          <TextAreaField name="az_einschraenkungen" label="Einschränkungen der Arbeitszeit" hint="z. B. Kinderbetreuung nur bis 14:00. Keine Gesundheitsangaben – dafür gibt es einen eigenen Bereich." defaultValue={v('az_einschraenkungen')} error={e.az_einschraenkungen} rows={2} />
        </fieldset>
        <section aria-labelledby="hb-titel" className="kern-stack-md">
          <h3 className="kern-heading-small" id="hb-titel">
            Handlungsbedarfe
          </h3>
          {e.handlungsbedarfe ? <p className="kern-error" id="feld-handlungsbedarfe">{e.handlungsbedarfe}</p> : null}
          {angeboten.length ? null : (
            <p className="kern-body">
              Der Katalog der Handlungsbedarfe ist leer. <a className="kern-link" href="/integration/katalog">Katalog öffnen</a>
            </p>
          )}
          <HandlungsbedarfAuswahl eintraege={angeboten.filter((k) => !k.gesundheitsbezogen)} v={v} e={e} />
        </section>
        {d.gesundheitSichtbar ? (
          <GesundheitBereich titelId="gesundheit-formular">
            <h3 className="kern-heading-small" id="gesundheit-formular">
              Gesundheit
            </h3>
            <HandlungsbedarfAuswahl eintraege={angeboten.filter((k) => k.gesundheitsbezogen)} v={v} e={e} />
            <TextAreaField name="gesundheit_text" label="Gesundheitliche Einschränkungen" hint="Nur, was für die Vermittlung wichtig ist (z. B. kein schweres Heben); keine Diagnosen." defaultValue={v('gesundheit_text')} error={e.gesundheit_text} rows={3} />
          </GesundheitBereich>
        ) : d.aktuell ? (
          <p className="kern-body">Gesundheitsbezogene Angaben sehen und ändern nur Integrationsfachkräfte; vorhandene werden in die neue Fassung unverändert übernommen.</p>
        ) : null}
        <SubmitButton>{d.aktuell ? `Fassung ${d.aktuell.fassung + 1} speichern` : 'Potenzialanalyse speichern'}</SubmitButton>
      </PostForm>
    </section>
  );
}

function PotenzialanalysePage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const name = `${d.person.vorname} ${d.person.nachname}`.trim();
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href={`/integration/personen/${d.person.id}`} label={`Integrationsakte ${name}`} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Potenzialanalyse ${name}`}</h1>
        <p className="kern-body">{`Fallnummer ${d.person.fallnummer}`}</p>
      </div>
      <section aria-labelledby="aktuell" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="aktuell">
          {d.aktuell ? `Aktuelle Fassung ${d.aktuell.fassung} vom ${datumText(d.aktuell.erstelltAm)}` : 'Aktuelle Fassung'}
        </h2>
        {d.aktuell ? (
          <>
            <p className="kern-body">{`Erfasst von ${d.aktuell.erstelltVon}.`}</p>
            <Zusammenfassung d={d.aktuell.daten} katalog={d.katalog} />
            {d.gesundheitSichtbar ? <GesundheitZusammenfassung g={d.aktuell.gesundheit} katalog={d.katalog} /> : null}
          </>
        ) : (
          <p className="kern-body">Für diese Person ist noch keine Potenzialanalyse erfasst.</p>
        )}
      </section>
      {d.darfBearbeiten ? <Formular d={d} r={r} /> : null}
      {d.fassungen.length ? (
        <section aria-labelledby="verlauf" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="verlauf">
            Verlauf der Fassungen
          </h2>
          {d.fassungen.map((f) => (
            <div key={f.id} className="kern-stack-xs">
              <h3 className="kern-heading-small">{`Fassung ${f.fassung} vom ${datumText(f.erstelltAm)} (${f.erstelltVon})`}</h3>
              {f.fassung === 1 ? <p className="kern-body">Erste Fassung.</p> : <Aenderungen a={f.aenderungen} />}
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export const potenzialanalyseRoute: RouteObject = {
  path: 'integration/personen/:personId/potenzialanalyse',
  loader,
  action,
  Component: PotenzialanalysePage,
  handle: { title: (d: Ansicht | undefined) => (d ? `Potenzialanalyse ${d.person.vorname} ${d.person.nachname}` : 'Potenzialanalyse') } satisfies PageHandle,
};
