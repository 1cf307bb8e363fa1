import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { deutscherMonat } from '../../../server/schemas/formular.ts';
import { zahlungseingangBuchen } from '../../../server/zahlung/buche-zahlungseingang.ts';
import { aufrechnungStatusAendern } from '../../../server/zahlung/aendere-aufrechnung.ts';
import { aufrechnungErklaeren } from '../../../server/zahlung/erklaere-aufrechnung.ts';
import { erstattungsforderungErlassen } from '../../../server/zahlung/erlasse-erstattungsforderung.ts';
import { erstattungsforderungLaden } from '../../../server/zahlung/lade-erstattungsforderung.ts';
import { erstattungsforderungenListen } from '../../../server/zahlung/liste-erstattungsforderungen.ts';
import { erstattungsforderungStunden } from '../../../server/zahlung/stunde-erstattungsforderung.ts';
import { aufrechnungsregelAm } from '../../../domain/recht/aufrechnung.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { anhoerungBagatelleAm } from '../../../domain/recht/verfahren.ts';
import { heute } from '../../../server/clock.ts';
import { issuesToErrors, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

const STATUS: Record<string, string> = { offen: 'offen', erledigt: 'erledigt (bezahlt)', erlassen: 'erlassen (§ 44 SGB II)', niedergeschlagen: 'niedergeschlagen' };
const VORGANG: Record<string, string> = { zahlung: 'Zahlungseingang', stundung: 'Stundung / Ratenzahlung', erlass: 'Erlass', niederschlagung: 'Niederschlagung', aufrechnung: 'Aufrechnung (§ 43 SGB II)' };
/** What each origin of a Forderung is; its rate (§ 43 Abs. 2 S. 1 SGB II) comes from the law in force (`satzText`). */
const TATBESTAND: Record<string, string> = {
  vorlaeufig: 'Erstattung nach abschließender Feststellung (§ 41a SGB II)',
  einkommen: 'Erstattung wegen nachträglich erzielten Einkommens (§ 48 Abs. 1 S. 2 Nr. 3 SGB X)',
  sonstige: 'andere Gründe (z. B. Mitteilungspflicht verletzt)',
};
/** The Aufrechnung rates in force on `tag` (src/domain/recht/aufrechnung.ts). */
const saetze = (tag: string) => {
  const r = aufrechnungsregelAm(tag).wert;
  return { vorlaeufig: r.minderProzent, einkommen: r.minderProzent, sonstige: r.regelProzent, hoechst: r.hoechstProzent } as Record<string, number>;
};
const tatbestandText = (art: string, tag: string) => `${TATBESTAND[art] ?? art} – ${saetze(tag)[art] ?? '?'} %`;
const BESCHEID: Record<string, string> = { aufhebung: 'Aufhebungsbescheid', aenderung: 'Änderungsbescheid', bewilligung: 'Bewilligungsbescheid', aufrechnung: 'Aufrechnungsbescheid' };
const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';
const monatText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** Calendar day (Europe/Berlin) of a timestamp. */
const berlinTag = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(iso));

/* ---------- /erstattungen: list with filters ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const q = new URL(request.url).searchParams;
  const stand = q.get('stand') === 'erledigt' ? 'erledigt' : q.get('stand') === 'alle' ? undefined : 'offen';
  const fallnummer = (q.get('fallnummer') ?? '').trim().slice(0, 40);
  const forderungen = await erstattungsforderungenListen.execute({ ctx: web(context).app, actor, input: { stand, fallnummer: fallnummer || undefined } });
  return { forderungen, stand: stand ?? 'alle', fallnummer };
}

function ErstattungenPage() {
  const { forderungen, stand, fallnummer } = useLoaderData<typeof listLoader>();
  const summe = forderungen.reduce((s, f) => s + f.offenCent, 0);
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">Erstattungsforderungen</h1>
      <p className="kern-body">Forderungen aus Aufhebungen und Änderungen für bereits gezahlte Monate (§ 50 SGB X) der Fälle Ihrer Standorte.</p>
      <form method="get" action="/erstattungen" className="kern-stack-md form-narrow" aria-label="Erstattungsforderungen filtern">
        <SelectField
          name="stand"
          label="Stand"
          defaultValue={stand}
          options={[
            { value: 'offen', label: 'offen (auch gestundet oder niedergeschlagen)' },
            { value: 'erledigt', label: 'erledigt oder erlassen' },
            { value: 'alle', label: 'alle' },
          ]}
        />
        <TextField name="fallnummer" label="Fallnummer" optionalLabel="optional" defaultValue={fallnummer} />
        <SubmitButton variant="secondary">Filtern</SubmitButton>
      </form>
      {forderungen.length === 0 ? (
        <p className="kern-body">Keine Erstattungsforderungen gefunden.</p>
      ) : (
        <TabellenBereich label="Erstattungsforderungen">
          <table className="kern-table">
            <caption className="kern-table__caption">{`${forderungen.length} Erstattungsforderungen, zusammen offen ${euroText(summe)}`}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Fallnummer</th>
                <th scope="col" className="kern-table__header">Entstanden</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Forderung</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Offen</th>
                <th scope="col" className="kern-table__header">Stand</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {forderungen.map((f) => (
                <tr key={f.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/erstattungen/${f.id}`}>{`${f.fallnummer} – Forderung vom ${datumText(berlinTag(f.createdAt))}`}</a>
                  </th>
                  <td className="kern-table__cell">{f.monate.length ? `${monatText(f.monate[0]!.monat)} – ${monatText(f.monate[f.monate.length - 1]!.monat)}` : '–'}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.betragCent)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.offenCent)}</td>
                  <td className="kern-table__cell">{`${STATUS[f.status] ?? f.status}${f.stundungBis && f.status === 'offen' ? `, gestundet bis ${datumText(f.stundungBis)}` : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </div>
  );
}

/* ---------- /erstattungen/:id: one Forderung, its history and the three actions ---------- */

type Ergebnis = { vorgang: string; errors: FieldErrors; values: Record<string, string>; konflikt?: string };

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  return { ...(await erstattungsforderungLaden.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '' } })), heute: heute(web(context).app.clock.now()) };
}

/** Field names of each form: the use cases' paths are renamed so that the three forms never share an id. */
const FELDER: Record<string, Record<string, string>> = {
  zahlung: { betrag: 'betrag', betragCent: 'betrag', datum: 'datum' },
  stundung: { bis: 'bis', ratenCent: 'rate', grund: 'stundungGrund' },
  erlass: { art: 'art', betrag: 'erlassBetrag', betragCent: 'erlassBetrag', grund: 'erlassGrund' },
  aufrechnung: { personId: 'aufPerson', ab: 'aufAb', tatbestand: 'aufTatbestand', grund: 'aufGrund', anhoerungAm: 'aufAnhoerungAm', anhoerungAusnahme: 'aufAusnahme' },
  aufrechnungStatus: { aktion: 'statusAktion', grund: 'statusGrund' },
};

const AUFRECHNUNG_STATUS: Record<string, string> = { laufend: 'läuft', ausgesetzt: 'ausgesetzt', beendet: 'beendet' };

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const form = await readForm(request);
  const id = params.id ?? '';
  const vorgang = form.get('vorgang');
  const values: Record<string, string> = {};
  for (const k of ['betrag', 'datum', 'bis', 'rate', 'stundungGrund', 'art', 'erlassBetrag', 'erlassGrund', 'aufPerson', 'aufAb', 'aufTatbestand', 'aufGrund', 'aufAnhoerungAm', 'aufAusnahme', 'aufrechnungId', 'statusAktion', 'statusGrund'])
    values[k] = form.get(k);
  const version = form.get('version');
  const ctx = web(context).app;
  const fehler = (errors: FieldErrors): Ergebnis => {
    web(context).reply.code(400);
    return { vorgang, errors, values };
  };
  try {
    if (vorgang === 'zahlung') {
      const f = await zahlungseingangBuchen.execute({ ctx, actor, input: { id, betragCent: values.betrag, datum: values.datum, version } });
      const vorher = f.vorgaenge?.at(-1);
      flash(context, `Zahlungseingang über ${euroText(vorher?.betragCent ?? 0)} gebucht.`);
    } else if (vorgang === 'stundung') {
      await erstattungsforderungStunden.execute({ ctx, actor, input: { id, bis: values.bis, ratenCent: values.rate, grund: values.stundungGrund, version } });
      flash(context, 'Stundung gespeichert.');
    } else if (vorgang === 'erlass') {
      const art = values.art === 'niederschlagung' ? 'niederschlagung' : 'erlass';
      await erstattungsforderungErlassen.execute({ ctx, actor, input: { id, art, betragCent: values.erlassBetrag, grund: values.erlassGrund, version } });
      flash(context, art === 'erlass' ? 'Erlass gespeichert.' : 'Niederschlagung gespeichert.');
    } else if (vorgang === 'aufrechnung') {
      const r = await aufrechnungErklaeren.execute({
        ctx,
        actor,
        input: {
          id,
          personId: values.aufPerson,
          // the form asks for MM/JJJJ; the use case takes JJJJ-MM
          ab: deutscherMonat(values.aufAb),
          tatbestand: values.aufTatbestand,
          grund: values.aufGrund,
          anhoerungAm: values.aufAnhoerungAm,
          anhoerungAusnahme: values.aufAusnahme,
          version,
        },
      });
      flash(context, `Aufrechnung erklärt: ${euroText(r.ersterBetragCent)} im ersten Monat. Der Aufrechnungsbescheid ist erstellt.`);
    } else if (vorgang === 'aufrechnungStatus') {
      // the select carries "id:version" so that one form serves every Aufrechnung of the Forderung
      const [aufrechnungId = '', v = ''] = values.aufrechnungId!.split(':');
      const a = await aufrechnungStatusAendern.execute({ ctx, actor, input: { id, aufrechnungId, aktion: values.statusAktion, grund: values.statusGrund, version: v } });
      flash(context, `Aufrechnung: ${AUFRECHNUNG_STATUS[a.status] ?? a.status}.`);
    } else {
      return fehler({});
    }
    return redirect(`/erstattungen/${id}`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      const namen = FELDER[vorgang] ?? {};
      const errors = issuesToErrors(err.issues);
      return fehler(Object.fromEntries(Object.entries(errors).map(([k, v]) => [namen[k] ?? k, v])));
    }
    if (err instanceof AppError && err.status === 409) {
      web(context).reply.code(409);
      return { vorgang, errors: {}, values, konflikt: err.message };
    }
    throw err;
  }
}

function ErstattungPage() {
  const f = useLoaderData<typeof detailLoader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = r?.values ?? {};
  const bearbeitbar = f.status === 'offen' || f.status === 'niedergeschlagen';
  const satz = saetze(f.heute);
  const wert = (vorgang: string, name: string) => (r?.vorgang === vorgang ? v[name] : undefined);
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/erstattungen" label="Erstattungsforderungen" />
      <h1 className="kern-heading-large">{`Erstattungsforderung ${f.fallnummer}`}</h1>
      <ErrorSummary errors={e} title={FEHLER_TITEL} />
      <KonfliktHinweis text={r?.konflikt} />
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Forderung</dt>
          <dd className="kern-description-list-item__value">{`${euroText(f.betragCent)} (${f.norm})`}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Offen</dt>
          <dd className="kern-description-list-item__value">{euroText(f.offenCent)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Stand</dt>
          <dd className="kern-description-list-item__value">
            {`${STATUS[f.status] ?? f.status}${f.stundungBis ? ` · gestundet bis ${datumText(f.stundungBis)}` : ''}${f.ratenCent ? ` · Rate ${euroText(f.ratenCent)} monatlich` : ''}`}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Festgesetzt durch</dt>
          <dd className="kern-description-list-item__value">
            {f.bescheid ? (
              <a className="kern-link" href={`/api/bescheide/${f.bescheid.id}.pdf`}>{`${BESCHEID[f.bescheid.art] ?? 'Bescheid'} vom ${datumText(f.bescheid.datum)} (PDF)`}</a>
            ) : (
              'Bescheid noch nicht erstellt'
            )}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Überzahlte Monate</dt>
          <dd className="kern-description-list-item__value">{f.monate.map((m) => `${monatText(m.monat)}: ${euroText(m.betragCent)}`).join(', ') || '–'}</dd>
        </div>
      </dl>
      <p className="kern-body">
        <a className="kern-link" href={`/faelle/${f.bgId}#bewilligung`}>Zur Fallakte</a>
      </p>

      <h2 className="kern-heading-medium">Aufrechnung</h2>
      {(f.aufrechnungen ?? []).length === 0 ? (
        <p className="kern-body">Es läuft keine Aufrechnung.</p>
      ) : (
        <ul className="kern-list">
          {(f.aufrechnungen ?? []).map((a) => (
            <li key={a.id}>
              {`${f.personen.find((p) => p.id === a.personId)?.name ?? 'Person'}: ${a.prozent} % des Regelbedarfs ab ${monatText(a.abMonat)}, längstens bis ${monatText(a.bisMonat)} (${a.norm}) – ${AUFRECHNUNG_STATUS[a.status] ?? a.status}`}
              {a.bescheidId ? (
                <>
                  {' · '}
                  <a className="kern-link" href={`/api/bescheide/${a.bescheidId}.pdf`}>
                    Aufrechnungsbescheid (PDF)
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {(f.aufrechnungen ?? []).some((a) => a.status !== 'beendet') ? (
        <PostForm csrfToken={csrfToken} action={`/erstattungen/${f.id}`} className="kern-stack-md form-narrow" aria-label="Aufrechnung aussetzen, fortsetzen oder beenden">
          <input type="hidden" name="vorgang" value="aufrechnungStatus" />
          <SelectField
            name="aufrechnungId"
            label="Aufrechnung"
            defaultValue={wert('aufrechnungStatus', 'aufrechnungId')}
            error={e.aufrechnungId}
            options={(f.aufrechnungen ?? [])
              .filter((a) => a.status !== 'beendet')
              .map((a) => ({
                value: `${a.id}:${a.version}`,
                label: `${f.personen.find((p) => p.id === a.personId)?.name ?? 'Person'}, ${a.prozent} % ab ${monatText(a.abMonat)} (${AUFRECHNUNG_STATUS[a.status] ?? a.status})`,
              }))}
          />
          <SelectField
            name="statusAktion"
            label="Änderung"
            defaultValue={wert('aufrechnungStatus', 'statusAktion') ?? 'aussetzen'}
            error={e.statusAktion}
            options={[
              { value: 'aussetzen', label: 'aussetzen (z. B. Widerspruch eingegangen – aufschiebende Wirkung, § 86a Abs. 1 SGG)' },
              { value: 'fortsetzen', label: 'fortsetzen (z. B. Widerspruch zurückgewiesen)' },
              { value: 'beenden', label: 'beenden (z. B. Forderung aufgehoben, Widerspruch erfolgreich)' },
            ]}
          />
          <TextAreaField name="statusGrund" label="Grund" defaultValue={wert('aufrechnungStatus', 'statusGrund')} error={e.statusGrund} rows={2} />
          <SubmitButton variant="secondary">Aufrechnung ändern</SubmitButton>
        </PostForm>
      ) : null}

      <h2 className="kern-heading-medium">Verlauf</h2>
      {(f.vorgaenge ?? []).length === 0 ? (
        <p className="kern-body">Noch nichts gebucht.</p>
      ) : (
        <TabellenBereich label="Verlauf der Erstattungsforderung">
          <table className="kern-table">
            <caption className="kern-sr-only">Verlauf der Erstattungsforderung</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Datum</th>
                <th scope="col" className="kern-table__header">Vorgang</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Betrag</th>
                <th scope="col" className="kern-table__header">Bemerkung</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {(f.vorgaenge ?? []).map((x) => (
                <tr key={x.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">{datumText(x.datum)}</th>
                  <td className="kern-table__cell">{VORGANG[x.art] ?? x.art}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{x.betragCent ? euroText(x.betragCent) : '–'}</td>
                  <td className="kern-table__cell">{[x.stundungBis ? `bis ${datumText(x.stundungBis)}` : '', x.grund ?? ''].filter(Boolean).join(' – ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}

      {bearbeitbar ? (
        <>
          <h2 className="kern-heading-medium" id="zahlung">Zahlungseingang buchen</h2>
          <PostForm csrfToken={csrfToken} action={`/erstattungen/${f.id}`} className="kern-stack-md form-narrow" aria-label="Zahlungseingang buchen">
            <input type="hidden" name="vorgang" value="zahlung" />
            <input type="hidden" name="version" value={f.version} />
            <TextField name="betrag" label="Betrag in Euro" hint="Auch Teilzahlungen; höchstens der offene Betrag." inputMode="decimal" defaultValue={wert('zahlung', 'betrag')} error={e.betrag} required />
            <TextField name="datum" label="Eingegangen am (TT.MM.JJJJ)" defaultValue={wert('zahlung', 'datum')} error={e.datum} required />
            <SubmitButton>Zahlungseingang buchen</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {f.status === 'offen' ? (
        <>
          <h2 className="kern-heading-medium" id="stundung">Stundung oder Ratenzahlung</h2>
          <PostForm csrfToken={csrfToken} action={`/erstattungen/${f.id}`} className="kern-stack-md form-narrow" aria-label="Stundung oder Ratenzahlung">
            <input type="hidden" name="vorgang" value="stundung" />
            <input type="hidden" name="version" value={f.version} />
            <TextField name="bis" label="Gestundet bis (TT.MM.JJJJ)" defaultValue={wert('stundung', 'bis')} error={e.bis} required />
            <TextField name="rate" label="Monatsrate in Euro" optionalLabel="optional" inputMode="decimal" defaultValue={wert('stundung', 'rate')} error={e.rate} />
            <TextAreaField name="stundungGrund" label="Bemerkung" defaultValue={wert('stundung', 'stundungGrund')} error={e.stundungGrund} rows={2} />
            <SubmitButton variant="secondary">Stundung speichern</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {f.status === 'offen' ? (
        <>
          <h2 className="kern-heading-medium" id="aufrechnung">Aufrechnung erklären (§ 43 SGB II)</h2>
          <p className="kern-body">
            {`Die Forderung wird mit der laufenden Leistung der Person verrechnet: monatlich ${satz.vorlaeufig} % oder ${satz.sonstige} % ihres Regelbedarfs, alle Aufrechnungen zusammen höchstens ${satz.hoechst} %, längstens ${aufrechnungsregelAm(f.heute).wert.hoechstMonate} Monate (${aufrechnungsregelAm(f.heute).norm}). Der Zahllauf zieht den Betrag ab; der Aufrechnungsbescheid wird sofort erstellt.`}
          </p>
          <PostForm csrfToken={csrfToken} action={`/erstattungen/${f.id}`} className="kern-stack-md form-narrow" aria-label="Aufrechnung erklären">
            <input type="hidden" name="vorgang" value="aufrechnung" />
            <input type="hidden" name="version" value={f.version} />
            <SelectField
              name="aufPerson"
              label="Person"
              defaultValue={wert('aufrechnung', 'aufPerson')}
              error={e.aufPerson}
              options={f.personen.map((p) => ({ value: p.id, label: `${p.name ?? 'Person'} (schuldet ${euroText(p.betragCent)})` }))}
            />
            <TextField name="aufAb" label="Ab Monat (MM/JJJJ)" defaultValue={wert('aufrechnung', 'aufAb')} error={e.aufAb} required />
            {f.aufrechnungTatbestand ? (
              <>
                <input type="hidden" name="aufTatbestand" value={f.aufrechnungTatbestand} />
                <p className="kern-body" id="feld-aufTatbestand">
                  {`Die Forderung beruht auf: ${TATBESTAND[f.aufrechnungTatbestand] ?? f.aufrechnungTatbestand}. Die Höhe (${satz[f.aufrechnungTatbestand] ?? '?'} % des Regelbedarfs) ist gesetzlich festgelegt (§ 43 Abs. 2 S. 1 SGB II).`}
                </p>
              </>
            ) : (
              <SelectField
                name="aufTatbestand"
                label="Die Forderung beruht auf"
                hint={`Die Herkunft der Forderung ist nicht gespeichert (ältere Forderung oder Änderungsbescheid). Bitte wählen Sie nach dem Erstattungsbescheid: sie bestimmt die Höhe, ${satz.vorlaeufig} % oder ${satz.sonstige} % (§ 43 Abs. 2 S. 1 SGB II).`}
                defaultValue={wert('aufrechnung', 'aufTatbestand') ?? (f.norm.includes('41a') ? 'vorlaeufig' : f.norm.includes('Nr. 3') ? 'einkommen' : 'sonstige')}
                error={e.aufTatbestand}
                options={Object.keys(TATBESTAND).map((value) => ({ value, label: tatbestandText(value, f.heute) }))}
              />
            )}
            <TextField
              name="aufAnhoerungAm"
              label="Angehört am (TT.MM.JJJJ)"
              hint="Anhörung der Person vor der Aufrechnung (§ 24 Abs. 1 SGB X)."
              optionalLabel="oder Ausnahme wählen"
              defaultValue={wert('aufrechnung', 'aufAnhoerungAm')}
              error={e.aufAnhoerungAm}
            />
            <SelectField
              name="aufAusnahme"
              label="Ohne Anhörung"
              defaultValue={wert('aufrechnung', 'aufAusnahme') ?? ''}
              error={e.aufAusnahme}
              options={[
                { value: '', label: 'keine Ausnahme – die Person wurde angehört' },
                { value: 'nr7', label: `Forderung unter ${euroText(anhoerungBagatelleAm(f.heute).wert.grenzeCent)} (${anhoerungBagatelleAm(f.heute).norm})` },
              ]}
            />
            <TextAreaField name="aufGrund" label="Begründung (Ermessen)" defaultValue={wert('aufrechnung', 'aufGrund')} error={e.aufGrund} rows={3} />
            <SubmitButton variant="secondary">Aufrechnung erklären</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {bearbeitbar ? (
        <>
          <h2 className="kern-heading-medium" id="erlass">Erlass oder Niederschlagung</h2>
          <PostForm csrfToken={csrfToken} action={`/erstattungen/${f.id}`} className="kern-stack-md form-narrow" aria-label="Erlass oder Niederschlagung">
            <input type="hidden" name="vorgang" value="erlass" />
            <input type="hidden" name="version" value={f.version} />
            <SelectField
              name="art"
              label="Art"
              defaultValue={wert('erlass', 'art') ?? 'erlass'}
              error={e.art}
              options={[
                { value: 'erlass', label: 'Erlass (§ 44 SGB II) – die Forderung erlischt' },
                { value: 'niederschlagung', label: 'Niederschlagung – Einziehung vorerst eingestellt, die Forderung bleibt' },
              ]}
            />
            <TextField name="erlassBetrag" label="Erlassener Betrag in Euro" optionalLabel="optional" hint="Leer lassen: der ganze offene Betrag. Nur beim Erlass." inputMode="decimal" defaultValue={wert('erlass', 'erlassBetrag')} error={e.erlassBetrag} />
            <TextAreaField name="erlassGrund" label="Begründung" defaultValue={wert('erlass', 'erlassGrund')} error={e.erlassGrund} rows={3} />
            <SubmitButton variant="secondary">Speichern</SubmitButton>
          </PostForm>
        </>
      ) : null}
    </div>
  );
}

export const erstattungenRoute: RouteObject = { path: 'erstattungen', loader: listLoader, Component: ErstattungenPage, handle: { title: 'Erstattungsforderungen' } satisfies PageHandle };
export const erstattungRoute: RouteObject = {
  path: 'erstattungen/:id',
  loader: detailLoader,
  action: detailAction,
  Component: ErstattungPage,
  handle: { title: 'Erstattungsforderung' } satisfies PageHandle,
};
