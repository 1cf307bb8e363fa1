import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AUFHEBUNGSGRUENDE, STANDARD_ABLEHNUNGSGRUENDE } from '../../../domain/bewilligung/index.ts';
import { hebeBewilligungAuf } from '../../../server/bewilligung/hebe-bewilligung-auf.ts';
import { listeBewilligungen } from '../../../server/bewilligung/liste-bewilligungen.ts';
import { notFound } from '../../../server/errors.ts';
import { aendereBewilligung } from '../../../server/bewilligung/aendere-bewilligung.ts';
import { berechneBewilligung } from '../../../server/bewilligung/berechne-bewilligung.ts';
import { freigeben } from '../../../server/bewilligung/freigeben.ts';
import { erstelleBescheid } from '../../../server/bescheid/erstelle-bescheid.ts';
import { AppError } from '../../../server/errors.ts';
import { CheckboxGroup, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePageActor, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { formVersion, issuesToErrors, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';
import { datumText, euroText } from './shared.tsx';

export type BewilligungDaten = Awaited<ReturnType<typeof listeBewilligungen>>;

const STATUS: Record<string, string> = {
  entwurf: 'Entwurf',
  freigabe_erforderlich: 'wartet auf Freigabe (Vier-Augen-Prinzip)',
  bewilligt: 'bewilligt',
  abgelehnt: 'abgelehnt',
  aufgehoben: 'aufgehoben',
  ersetzt: 'durch eine neuere Fassung ersetzt',
};
const VORGANG: Record<string, string> = {
  erstbewilligung: 'Erstbewilligung',
  weiterbewilligung: 'Weiterbewilligung',
  aenderung: 'Änderung',
  abschliessende_feststellung: 'abschließende Feststellung',
  ablehnung: 'Ablehnung',
  aufhebung: 'Aufhebung',
};
const BESCHEID: Record<string, string> = { bewilligung: 'Bewilligungsbescheid', aenderung: 'Änderungsbescheid', ablehnung: 'Ablehnungsbescheid', aufhebung: 'Aufhebungsbescheid' };
const monatText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** Calendar day (Europe/Berlin) of a timestamp. */
const berlinTag = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(iso));

/**
 * Fallakte section (staff, German): Bewilligungen with their months and explanation, approval (Vier-Augen),
 * Änderung, Bescheide with PDF download. Works without JavaScript (plain forms, details/summary).
 */
export function BewilligungAbschnitt(p: { bgId: string; csrfToken: string; darfBearbeiten: boolean; darfFreigeben: boolean; ich: string; daten: BewilligungDaten | null }) {
  if (!p.daten) return null;
  const { bewilligungen, bescheide, erstattungen } = p.daten;
  const aktuelle = bewilligungen.filter((b) => b.status !== 'ersetzt');
  return (
    <section aria-labelledby="bewilligung" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="bewilligung">
        Bewilligung und Bescheide
      </h2>
      {aktuelle.length === 0 ? <p className="kern-body">Noch keine Bewilligung berechnet.</p> : null}
      {aktuelle.map((b) => {
        const t = `bw-${b.id.slice(0, 8)}`;
        return (
          <article key={b.id} className="kern-stack-sm" aria-labelledby={t}>
            <h3 className="kern-heading-small" id={t}>
              {`${VORGANG[b.vorgang] ?? b.vorgang} ${monatText(b.beginn)} – ${monatText(b.ende)}: ${STATUS[b.status] ?? b.status}`}
            </h3>
            <p className="kern-body">
              {`Summe ${euroText(b.summeCent)} · Rechtsstand ${datumText(b.rechtsstand)} · ${b.art === 'vorlaeufig' ? `vorläufig (${b.vorlaeufigGrund ?? ''})` : 'endgültig'}`}
            </p>
            {b.vierAugenGruende.length ? (
              <p className="kern-body">{`Vier-Augen-Prinzip: ${b.vierAugenGruende.map((g) => g.text).join('; ')}.`}</p>
            ) : null}
            {b.ablehnungsgruende.length ? <p className="kern-body">{`Ablehnungsgründe: ${b.ablehnungsgruende.map((g) => `${g.text} (${g.norm})`).join('; ')}`}</p> : null}
            {b.vorgang === 'aufhebung' && b.aufhebung ? (
              <p className="kern-body">{`Aufgehoben ab ${datumText(b.aufhebung.ab)}: ${b.aufhebung.text} (${b.aufhebung.norm})${b.aufhebung.erstattungCent ? ` – Erstattungsforderung ${euroText(b.aufhebung.erstattungCent)} (§ 50 SGB X)` : ''}`}</p>
            ) : null}
            {b.monate ? (
              <table className="kern-table">
                <caption className="kern-sr-only">{`Beträge je Monat ${monatText(b.beginn)} bis ${monatText(b.ende)}`}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      Monat
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      Auszahlung
                    </th>
                    <th scope="col" className="kern-table__header">
                      Berechnung
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {b.monate.map((m) => (
                    <tr key={m.monat} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        {monatText(m.monat)}
                      </th>
                      <td className="kern-table__cell kern-table__cell--numeric">{euroText(m.auszahlungCent)}</td>
                      <td className="kern-table__cell">
                        {m.schritte.length ? (
                          <details>
                            <summary>{`Erläuterung ${monatText(m.monat)}`}</summary>
                            <ul className="kern-list">
                              {m.schritte.map((s, i) => (
                                <li key={i}>{`${s.text} (${s.norm})`}</li>
                              ))}
                            </ul>
                          </details>
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {p.darfBearbeiten && b.status === 'entwurf' ? (
              <PostForm csrfToken={p.csrfToken} action={`/bewilligungen/${b.id}/freigeben`} aria-label="Bewilligung entscheiden">
                <input type="hidden" name="version" value={b.version} />
                <input type="hidden" name="zurueck" value={`/faelle/${p.bgId}#bewilligung`} />
                <SubmitButton>{b.vierAugenGruende.length ? 'Zur Freigabe vorlegen' : b.vorgang === 'ablehnung' ? 'Ablehnung entscheiden' : 'Bewilligen'}</SubmitButton>
              </PostForm>
            ) : null}
            {p.darfFreigeben && b.status === 'freigabe_erforderlich' && b.createdBy !== p.ich ? (
              <PostForm csrfToken={p.csrfToken} action={`/bewilligungen/${b.id}/freigeben`} aria-label="Bewilligung freigeben">
                <input type="hidden" name="version" value={b.version} />
                <input type="hidden" name="zurueck" value={`/faelle/${p.bgId}#bewilligung`} />
                <SubmitButton>Freigeben (zweite Person)</SubmitButton>
              </PostForm>
            ) : null}
            {p.darfBearbeiten && (b.status === 'bewilligt' || b.status === 'abgelehnt') ? (
              <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}/bescheid`} aria-label="Bescheid erstellen">
                <input type="hidden" name="bewilligungId" value={b.id} />
                <SubmitButton variant="secondary">Bescheid erstellen</SubmitButton>
              </PostForm>
            ) : null}
            {p.darfBearbeiten && b.status === 'bewilligt' ? (
              <p className="kern-body">
                <a className="kern-link" href={`/bewilligungen/${b.id}/aufhebung?fall=${p.bgId}`}>{`Bewilligung ${monatText(b.beginn)} – ${monatText(b.ende)} aufheben`}</a>
              </p>
            ) : null}
            {p.darfBearbeiten && b.status === 'bewilligt' ? (
              <details>
                <summary>Änderung ab einem Datum neu berechnen</summary>
                <PostForm csrfToken={p.csrfToken} action={`/bewilligungen/${b.id}/aenderung`} className="kern-stack-md form-narrow" aria-label="Änderung berechnen">
                  <input type="hidden" name="version" value={b.version} />
                  <input type="hidden" name="bgId" value={p.bgId} />
                  <TextField name={`aenderung-ab-${b.id.slice(0, 8)}`} label="Geändert ab (TT.MM.JJJJ oder JJJJ-MM-TT)" required />
                  <TextField name={`aenderung-grund-${b.id.slice(0, 8)}`} label="Grund der Änderung" required />
                  <SubmitButton variant="secondary">Änderung berechnen</SubmitButton>
                </PostForm>
              </details>
            ) : null}
          </article>
        );
      })}
      {p.darfBearbeiten ? (
        <details>
          <summary>Neue Bewilligung berechnen</summary>
          <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}/bewilligung`} className="kern-stack-md form-narrow" aria-label="Bewilligung berechnen">
            <TextField name="bw-beginn" label="Erster Monat (JJJJ-MM)" hint="Leer lassen: ab dem Monat des Antrags (§ 37 SGB II)." />
            <TextField name="bw-monate" label="Dauer in Monaten" hint="Leer lassen: Regelfall 12 Monate (§ 41 Abs. 3 SGB II)." inputMode="numeric" />
            <TextField name="bw-vorlaeufig" label="Vorläufig wegen (§ 41a SGB II)" hint="Nur bei vorläufiger Entscheidung, z. B. schwankendes Einkommen." />
            <CheckboxGroup
              name="bw-ablehnung"
              legend="Ablehnen aus eigenen Gründen"
              hint="Nur wählen, wenn der Antrag abgelehnt wird; die Gründe erscheinen mit ihrer Rechtsgrundlage im Ablehnungsbescheid."
              options={Object.entries(STANDARD_ABLEHNUNGSGRUENDE).map(([value, g]) => ({ value, label: g.bezeichnung }))}
              checked={[]}
            />
            <TextAreaField name="bw-ablehnung-text" label="Weiterer Ablehnungsgrund (eigener Text)" rows={2} />
            <TextField name="bw-ablehnung-norm" label="Rechtsgrundlage des weiteren Grunds" hint="Pflicht zum eigenen Text, z. B. „§ 7 Abs. 4 SGB II“." />
            <SubmitButton>Bewilligung berechnen</SubmitButton>
          </PostForm>
        </details>
      ) : null}
      <h3 className="kern-heading-small">Bescheide</h3>
      {bescheide.length === 0 ? (
        <p className="kern-body">Keine Bescheide.</p>
      ) : (
        <ul className="kern-list">
          {bescheide.map((b) => (
            <li key={b.id}>
              <a className="kern-link" href={`/api/bescheide/${b.id}.pdf`}>{`${BESCHEID[b.art] ?? b.art} vom ${datumText(b.datum)} (PDF)`}</a>
              <span className="kern-body">{` – Prüfsumme ${b.sha256.slice(0, 12)}…`}</span>
            </li>
          ))}
        </ul>
      )}
      {erstattungen.length ? (
        <>
          <h3 className="kern-heading-small">Erstattungsforderungen</h3>
          <ul className="kern-list">
            {erstattungen.map((e) => (
              <li key={e.id}>
                <a className="kern-link" href={`/erstattungen/${e.id}`}>{`Forderung vom ${datumText(berlinTag(e.createdAt))}: ${euroText(e.betragCent)} (${e.norm})`}</a>
                <span className="kern-body">{` – offen ${euroText(e.offenCent)}, ${e.status}`}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function fehlerText(err: unknown): string {
  if (err instanceof AppError && err.status < 500 && err.status !== 401) {
    return err.issues.length ? `${err.message} ${err.issues.map((i) => i.message).join(' ')}` : err.message;
  }
  throw err;
}

const deutschesDatum = (s: string) => {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s.trim();
};

async function berechnen({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const id = params.id ?? '';
  const monate = form.get('bw-monate').trim();
  try {
    await berechneBewilligung({
      ctx: web(context).app,
      actor,
      bgId: id,
      input: {
        beginn: form.get('bw-beginn').trim() || undefined,
        monate: monate ? Number(monate) : undefined,
        vorlaeufigGrund: form.get('bw-vorlaeufig').trim() || undefined,
        ablehnung: { gruende: form.getAll('bw-ablehnung'), freitext: form.get('bw-ablehnung-text'), norm: form.get('bw-ablehnung-norm') },
      },
    });
    flash(context, 'Die Bewilligung wurde berechnet und als Entwurf gespeichert.');
  } catch (err) {
    flash(context, `Nicht berechnet: ${fehlerText(err)}`);
  }
  return redirect(`/faelle/${id}#bewilligung`);
}

async function entscheiden({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const zurueck = form.get('zurueck').startsWith('/') ? form.get('zurueck') : '/freigaben';
  try {
    const r = await freigeben({ ctx: web(context).app, actor, id: params.id ?? '', version: Number(form.get('version')) });
    flash(context, r.freigabeErforderlich ? 'Die Bewilligung wurde der Teamleitung zur Freigabe vorgelegt.' : 'Die Entscheidung ist getroffen.');
  } catch (err) {
    flash(context, `Nicht entschieden: ${fehlerText(err)}`);
  }
  return redirect(zurueck);
}

async function aendern({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const id = params.id ?? '';
  const k = id.slice(0, 8);
  const bgId = form.get('bgId');
  try {
    await aendereBewilligung({
      ctx: web(context).app,
      actor,
      id,
      input: { ab: deutschesDatum(form.get(`aenderung-ab-${k}`)), grund: form.get(`aenderung-grund-${k}`).trim() || 'Änderung der Verhältnisse', version: Number(form.get('version')) },
    });
    flash(context, 'Die Änderung wurde berechnet und als Entwurf gespeichert.');
  } catch (err) {
    flash(context, `Nicht geändert: ${fehlerText(err)}`);
  }
  return redirect(/^[0-9a-f-]{36}$/.test(bgId) ? `/faelle/${bgId}#bewilligung` : '/faelle');
}

async function bescheid({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const id = params.id ?? '';
  try {
    const r = await erstelleBescheid({ ctx: web(context).app, actor, bgId: id, bewilligungId: form.get('bewilligungId') || undefined });
    flash(context, `${r.titel} erstellt.`);
  } catch (err) {
    flash(context, `Kein Bescheid erstellt: ${fehlerText(err)}`);
  }
  return redirect(`/faelle/${id}#bewilligung`);
}

/* ---------- /bewilligungen/:id/aufhebung?fall=…: Aufhebung of a running Bewilligung (own page, field errors) ---------- */

type AufhebungErgebnis = { errors: FieldErrors; values: Record<string, string>; konflikt?: string };

async function aufhebungLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const bgId = new URL(request.url).searchParams.get('fall') ?? '';
  const daten = await listeBewilligungen({ ctx: web(context).app, actor, bgId });
  const b = daten.bewilligungen.find((x) => x.id === params.id && x.status === 'bewilligt');
  if (!b) throw notFound('Die laufende Bewilligung');
  return { bgId, fallnummer: daten.fallnummer, b };
}

async function aufhebungAction({ context, request, params }: ActionFunctionArgs): Promise<AufhebungErgebnis | Response> {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const form = await readForm(request);
  const values: Record<string, string> = {};
  for (const k of ['ab', 'grund', 'grundText', 'anhoerungAm']) values[k] = form.get(k);
  try {
    const r = await hebeBewilligungAuf({
      ctx: web(context).app,
      actor,
      id: params.id ?? '',
      input: { ab: deutschesDatum(values.ab!), grund: values.grund!, grundText: values.grundText, anhoerungAm: values.anhoerungAm ? deutschesDatum(values.anhoerungAm) : undefined, version: formVersion(form.get('version')) },
    });
    flash(
      context,
      `Die Aufhebung wurde als Entwurf gespeichert${r.erstattungCent ? `; für bereits gezahlte Monate entsteht eine Erstattungsforderung von ${euroText(r.erstattungCent)}` : ''}. ${r.vierAugen.erforderlich ? 'Bitte legen Sie sie zur Freigabe vor.' : 'Bitte entscheiden Sie sie.'}`,
    );
    return redirect(`/faelle/${r.bewilligung.bgId}#bewilligung`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      web(context).reply.code(400);
      return { errors: issuesToErrors(err.issues), values };
    }
    if (err instanceof AppError && err.status === 409) {
      web(context).reply.code(409);
      return { errors: {}, values, konflikt: err.message };
    }
    throw err;
  }
}

function AufhebungPage() {
  const { bgId, fallnummer, b } = useLoaderData<typeof aufhebungLoader>();
  const r = useActionData() as AufhebungErgebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = r?.values ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href={`/faelle/${bgId}#bewilligung`} label={`Fallakte ${fallnummer}`} />
      <h1 className="kern-heading-large">Bewilligung aufheben</h1>
      <p className="kern-body">
        {`${VORGANG[b.vorgang] ?? b.vorgang} ${monatText(b.beginn)} – ${monatText(b.ende)}. Die Aufhebung wirkt ab dem Ersten eines Monats (§ 48 SGB X, § 40 SGB II, § 330 Abs. 3 SGB III). Bereits gezahlte Monate ab diesem Tag werden zur Erstattungsforderung (§ 50 SGB X); spätere Monate werden nicht mehr gezahlt.`}
      </p>
      <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={r?.konflikt} />
      <PostForm csrfToken={csrfToken} action={`/bewilligungen/${b.id}/aufhebung?fall=${bgId}`} className="kern-stack-md" aria-label="Bewilligung aufheben">
        <input type="hidden" name="version" value={b.version} />
        <TextField name="ab" label="Aufgehoben ab (TT.MM.JJJJ)" hint="Erster Tag eines Monats, z. B. 01.07.2024." defaultValue={v.ab} error={e.ab} required />
        <SelectField
          name="grund"
          label="Grund der Aufhebung"
          defaultValue={v.grund ?? 'wegfall_hilfebeduerftigkeit'}
          error={e.grund}
          options={Object.entries(AUFHEBUNGSGRUENDE).map(([value, g]) => ({ value, label: g.bezeichnung }))}
        />
        <TextAreaField name="grundText" label="Erläuterung" hint="Pflicht beim sonstigen Grund; sonst eine Ergänzung für den Bescheid." defaultValue={v.grundText} error={e.grundText} rows={3} />
        <TextField name="anhoerungAm" label="Anhörung am (TT.MM.JJJJ)" optionalLabel="optional" hint="§ 24 SGB X. Ohne Datum weist der Bescheid darauf hin, dass die Anhörung im Widerspruchsverfahren nachgeholt wird." defaultValue={v.anhoerungAm} error={e.anhoerungAm} />
        <SubmitButton>Aufhebung berechnen</SubmitButton>
      </PostForm>
    </div>
  );
}

export const bewilligungAufhebenRoute: RouteObject = {
  path: 'bewilligungen/:id/aufhebung',
  loader: aufhebungLoader,
  action: aufhebungAction,
  Component: AufhebungPage,
  handle: { title: 'Bewilligung aufheben' } satisfies PageHandle,
};

const zurAkte = ({ params }: { params: { id?: string } }) => redirect(`/faelle/${params.id ?? ''}`);
export const bewilligungBerechnenRoute: RouteObject = { path: 'faelle/:id/bewilligung', action: berechnen, loader: zurAkte };
export const bescheidErstellenRoute: RouteObject = { path: 'faelle/:id/bescheid', action: bescheid, loader: zurAkte };
export const bewilligungFreigebenRoute: RouteObject = { path: 'bewilligungen/:id/freigeben', action: entscheiden, loader: () => redirect('/freigaben') };
export const bewilligungAendernRoute: RouteObject = { path: 'bewilligungen/:id/aenderung', action: aendern, loader: () => redirect('/faelle') };
