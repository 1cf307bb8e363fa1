import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { ANHOERUNG_AUSNAHMEN, AUFHEBUNG_TATBESTAENDE, AUFHEBUNGSGRUENDE, STANDARD_ABLEHNUNGSGRUENDE, zukunftAb } from '../../../domain/bewilligung/index.ts';
import { heute } from '../../../server/clock.ts';
import { bewilligungAufheben } from '../../../server/bewilligung/hebe-bewilligung-auf.ts';
import { bewilligungenListen } from '../../../server/bewilligung/liste-bewilligungen.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { bewilligungAendern } from '../../../server/bewilligung/aendere-bewilligung.ts';
import { bewilligungBerechnen } from '../../../server/bewilligung/berechne-bewilligung.ts';
import { bewilligungFreigeben } from '../../../server/bewilligung/freigeben.ts';
import { bescheidErstellen } from '../../../server/bescheid/erstelle-bescheid.ts';
import { CheckboxGroup, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePageActor, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { issuesToErrors, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';
import { datumText, euroText } from './shared.tsx';

export type BewilligungDaten = Awaited<ReturnType<typeof bewilligungenListen.execute>>;

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
  minderung: 'Leistungsminderung (Minderungsbescheid)',
};
const BESCHEID: Record<string, string> = { bewilligung: 'Bewilligungsbescheid', aenderung: 'Änderungsbescheid', ablehnung: 'Ablehnungsbescheid', aufhebung: 'Aufhebungsbescheid', aufrechnung: 'Aufrechnungsbescheid' };
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
            {b.fortgeschriebeneMonate?.length ? (
              <p className="kern-body">{`Fortgeschrieben: ${b.fortgeschriebeneMonate.length === 1 ? 'der Monat' : 'die Monate'} ${monatText(b.fortgeschriebeneMonate[0]!)}${b.fortgeschriebeneMonate.length > 1 ? ` bis ${monatText(b.fortgeschriebeneMonate[b.fortgeschriebeneMonate.length - 1]!)}` : ''} nach dem Recht, das am ${datumText(b.monate?.find((m) => m.rechtBekanntBis)?.rechtBekanntBis ?? '')} bekannt war. Kommen neue Regelbedarfe, berechnet die Massenänderung „nur fortgeschriebene Monate“ sie neu.`}</p>
            ) : null}
            {b.vierAugenGruende.length ? (
              <p className="kern-body">{`Vier-Augen-Prinzip: ${b.vierAugenGruende.map((g) => g.text).join('; ')}.`}</p>
            ) : null}
            {b.ablehnungsgruende.length ? <p className="kern-body">{`Ablehnungsgründe: ${b.ablehnungsgruende.map((g) => `${g.text} (${g.norm})`).join('; ')}`}</p> : null}
            {b.vorgang === 'aufhebung' && b.aufhebung ? (
              <p className="kern-body">{`Aufgehoben ab ${datumText(b.aufhebung.ab)}: ${b.aufhebung.text} (${b.aufhebung.norm})${b.aufhebung.erstattungCent ? ` – Erstattungsforderung ${euroText(b.aufhebung.erstattungCent)} (§ 50 SGB X)` : ''}`}</p>
            ) : null}
            {b.monate ? (
              <TabellenBereich label={`Beträge je Monat ${monatText(b.beginn)} bis ${monatText(b.ende)}`}>
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
                          {m.fortgeschrieben ? ' (fortgeschrieben)' : ''}
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
              </TabellenBereich>
            ) : null}
            {p.darfBearbeiten && b.status === 'entwurf' ? (
              <PostForm csrfToken={p.csrfToken} action={`/bewilligungen/${b.id}/freigeben`} aria-label="Bewilligung entscheiden">
                <input type="hidden" name="version" value={b.version} />
                <input type="hidden" name="zurueck" value={`/faelle/${p.bgId}#bewilligung`} />
                {b.vierAugenGruende.length ? null : <AntragOffenLassen id={b.id} vorgang={b.vorgang} />}
                <SubmitButton>{b.vierAugenGruende.length ? 'Zur Freigabe vorlegen' : b.vorgang === 'ablehnung' ? 'Ablehnung entscheiden' : 'Bewilligen'}</SubmitButton>
              </PostForm>
            ) : null}
            {p.darfFreigeben && b.status === 'freigabe_erforderlich' && b.createdBy !== p.ich ? (
              <PostForm csrfToken={p.csrfToken} action={`/bewilligungen/${b.id}/freigeben`} aria-label="Bewilligung freigeben">
                <input type="hidden" name="version" value={b.version} />
                <input type="hidden" name="zurueck" value={`/faelle/${p.bgId}#bewilligung`} />
                <AntragOffenLassen id={b.id} vorgang={b.vorgang} />
                <SubmitButton>Freigeben (zweite Person)</SubmitButton>
              </PostForm>
            ) : null}
            {p.darfBearbeiten && (b.status === 'bewilligt' || b.status === 'abgelehnt') && b.vorgang !== 'minderung' ? (
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
            <BerechnenFelder />
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

/** Fields of "Neue Bewilligung berechnen" (in the Fallakte and, with errors and the entered values, on its own page). */
function BerechnenFelder(p: { values?: Record<string, string>; gruende?: string[]; errors?: FieldErrors }) {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <>
      <TextField name="bw-beginn" label="Erster Monat" type="month" hint="Monat und Jahr, z. B. 2026-12. Leer lassen: ab dem Monat des Antrags (§ 37 SGB II)." defaultValue={v['bw-beginn']} error={e['bw-beginn']} />
      <TextField name="bw-monate" label="Dauer in Monaten" hint="Leer lassen: Regelfall nach § 41 Abs. 3 SGB II." inputMode="numeric" defaultValue={v['bw-monate']} error={e['bw-monate']} />
      <TextField name="bw-vorlaeufig" label="Vorläufig wegen (§ 41a SGB II)" hint="Nur bei vorläufiger Entscheidung, z. B. schwankendes Einkommen." defaultValue={v['bw-vorlaeufig']} error={e['bw-vorlaeufig']} />
      <CheckboxGroup
        name="bw-ablehnung"
        legend="Ablehnen aus eigenen Gründen"
        hint="Nur wählen, wenn der Antrag abgelehnt wird; die Gründe erscheinen mit ihrer Rechtsgrundlage im Ablehnungsbescheid."
        options={Object.entries(STANDARD_ABLEHNUNGSGRUENDE).map(([value, g]) => ({ value, label: g.bezeichnung }))}
        checked={p.gruende ?? []}
        error={e['bw-ablehnung']}
      />
      <TextAreaField name="bw-ablehnung-text" label="Weiterer Ablehnungsgrund (eigener Text)" rows={2} defaultValue={v['bw-ablehnung-text']} error={e['bw-ablehnung-text']} />
      <TextField
        name="bw-ablehnung-norm"
        label="Rechtsgrundlage des weiteren Grunds"
        hint="Pflicht zum eigenen Text, z. B. „§ 7 Abs. 4 SGB II“."
        defaultValue={v['bw-ablehnung-norm']}
        error={e['bw-ablehnung-norm']}
      />
    </>
  );
}

function fehlerText(err: unknown): string {
  if (err instanceof AppError && err.status < 500 && err.status !== 401) {
    return err.issues.length ? `${err.message} ${err.issues.map((i) => i.message).join(' ')}` : err.message;
  }
  throw err;
}

/* ---------- /faelle/:id/bewilligung: "Neue Bewilligung berechnen" (form in the Fallakte; errors on its own page) ---------- */

type BerechnenErgebnis = { errors: FieldErrors; values: Record<string, string>; gruende: string[]; konflikt?: string };

/** API field paths → names of the form fields. */
const BERECHNEN_FELDER: Record<string, string> = {
  'ablehnung.norm': 'bw-ablehnung-norm',
  'ablehnung.gruende': 'bw-ablehnung',
  'ablehnung.freitext': 'bw-ablehnung-text',
  beginn: 'bw-beginn',
  monate: 'bw-monate',
  vorlaeufigGrund: 'bw-vorlaeufig',
};

async function berechnenLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const daten = await bewilligungenListen.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '' } });
  return { bgId: params.id ?? '', fallnummer: daten.fallnummer };
}

async function berechnen({ context, request, params }: ActionFunctionArgs): Promise<BerechnenErgebnis | Response> {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const id = params.id ?? '';
  const values: Record<string, string> = {};
  for (const k of ['bw-beginn', 'bw-monate', 'bw-vorlaeufig', 'bw-ablehnung-text', 'bw-ablehnung-norm']) values[k] = form.get(k);
  const gruende = form.getAll('bw-ablehnung');
  try {
    await bewilligungBerechnen.execute({
      ctx: web(context).app,
      actor,
      input: {
        id,
        beginn: values['bw-beginn'],
        monate: values['bw-monate'],
        vorlaeufigGrund: values['bw-vorlaeufig'],
        ablehnung: { gruende, freitext: values['bw-ablehnung-text'], norm: values['bw-ablehnung-norm'] },
      },
    });
    flash(context, 'Die Bewilligung wurde berechnet und als Entwurf gespeichert.');
    return redirect(`/faelle/${id}#bewilligung`);
  } catch (err) {
    // the entered values stay; field errors are tied to their fields
    if (err instanceof AppError && err.code === 'validation_failed' && err.issues.length) {
      web(context).reply.code(400);
      const errors: FieldErrors = {};
      for (const i of err.issues) {
        const pfad = typeof i.path === 'string' ? i.path : '';
        errors[BERECHNEN_FELDER[pfad] ?? BERECHNEN_FELDER[pfad.split('.')[0] ?? ''] ?? 'bw-beginn'] ??= i.message;
      }
      return { errors, values, gruende };
    }
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) {
      web(context).reply.code(err.status);
      return { errors: {}, values, gruende, konflikt: err.message };
    }
    throw err;
  }
}

function BerechnenPage() {
  const { bgId, fallnummer } = useLoaderData<typeof berechnenLoader>();
  const r = useActionData() as BerechnenErgebnis | undefined;
  const { csrfToken } = useRoot();
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href={`/faelle/${bgId}#bewilligung`} label={`Fallakte ${fallnummer}`} />
      <h1 className="kern-heading-large">Neue Bewilligung berechnen</h1>
      <ErrorSummary errors={r?.errors ?? {}} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={r?.konflikt} />
      <PostForm csrfToken={csrfToken} action={`/faelle/${bgId}/bewilligung`} className="kern-stack-md" aria-label="Bewilligung berechnen">
        <BerechnenFelder values={r?.values} gruende={r?.gruende} errors={r?.errors} />
        <SubmitButton>Bewilligung berechnen</SubmitButton>
      </PostForm>
    </div>
  );
}

async function entscheiden({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const form = await readForm(request);
  const zurueck = form.get('zurueck').startsWith('/') ? form.get('zurueck') : '/freigaben';
  try {
    const r = await bewilligungFreigeben.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '', version: form.get('version'), antragOffenLassen: form.get('antrag_offen') } });
    const zuAntraegen =
      'antraege' in r && r.antraege
        ? r.antraege.geschlossen.length
          ? ` ${r.antraege.geschlossen.length === 1 ? 'Der Antrag ist' : `${r.antraege.geschlossen.length} Anträge sind`} damit entschieden und abgeschlossen.`
          : r.antraege.offenGelassen.length
            ? ' Der Antrag bleibt wie gewählt offen.'
            : ''
        : '';
    flash(context, r.freigabeErforderlich ? 'Die Bewilligung wurde der Teamleitung zur Freigabe vorgelegt.' : `Die Entscheidung ist getroffen.${zuAntraegen}`);
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
    await bewilligungAendern.execute({
      ctx: web(context).app,
      actor,
      input: { id, ab: form.get(`aenderung-ab-${k}`), grund: form.get(`aenderung-grund-${k}`).trim() || 'Änderung der Verhältnisse', version: form.get('version') },
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
    const r = await bescheidErstellen.execute({ ctx: web(context).app, actor, input: { id, bewilligungId: form.get('bewilligungId') } });
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
  const daten = await bewilligungenListen.execute({ ctx: web(context).app, actor, input: { id: bgId } });
  const b = daten.bewilligungen.find((x) => x.id === params.id && x.status === 'bewilligt');
  if (!b) throw notFound('Die laufende Bewilligung');
  return { bgId, fallnummer: daten.fallnummer, b, zukunftAb: zukunftAb(heute(web(context).app.clock.now())) };
}

async function aufhebungAction({ context, request, params }: ActionFunctionArgs): Promise<AufhebungErgebnis | Response> {
  const actor = requirePermission(context, request, 'bewilligung.bearbeiten');
  const form = await readForm(request);
  const values: Record<string, string> = {};
  for (const k of ['ab', 'grund', 'grundText', 'tatbestand', 'anhoerungAm', 'anhoerungAusnahme', 'anhoerungAusnahmeGrund', 'ganzeBg']) values[k] = form.get(k);
  try {
    const r = await bewilligungAufheben.execute({
      ctx: web(context).app,
      actor,
      input: {
        id: params.id ?? '',
        ab: values.ab,
        grund: values.grund,
        grundText: values.grundText,
        tatbestand: values.tatbestand,
        anhoerungAm: values.anhoerungAm,
        anhoerungAusnahme: values.anhoerungAusnahme,
        anhoerungAusnahmeGrund: values.anhoerungAusnahmeGrund,
        // the form asks "ja"/"nein"
        ganzeBg: values.ganzeBg === 'ja',
        version: form.get('version'),
      },
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
  const { bgId, fallnummer, b, zukunftAb: zukunft } = useLoaderData<typeof aufhebungLoader>();
  const r = useActionData() as AufhebungErgebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = r?.values ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href={`/faelle/${bgId}#bewilligung`} label={`Fallakte ${fallnummer}`} />
      <h1 className="kern-heading-large">Bewilligung aufheben</h1>
      <p className="kern-body">
        {`${VORGANG[b.vorgang] ?? b.vorgang} ${monatText(b.beginn)} – ${monatText(b.ende)}. Die Aufhebung beendet die Leistungen der ganzen Bedarfsgemeinschaft ab dem Ersten eines Monats. Ab dem ${datumText(zukunft)} wirkt sie nur für die Zukunft (§ 48 Abs. 1 S. 1 SGB X). Wirkt sie früher oder werden bereits gezahlte Monate zurückgefordert (§ 50 SGB X), braucht sie einen Tatbestand nach § 48 Abs. 1 S. 2 SGB X (§ 40 Abs. 2 Nr. 3 SGB II, § 330 Abs. 3 SGB III). Jede Aufhebung, auch nur für die Zukunft, braucht vorher eine Anhörung oder eine begründete Ausnahme (§ 24 SGB X).`}
      </p>
      <p className="kern-body">
        Stirbt oder zieht nur eine Person der Bedarfsgemeinschaft aus, ist das keine Aufhebung: Tragen Sie in der Fallakte „Person scheidet aus“ ein und berechnen Sie die Bewilligung mit „Änderung ab einem Datum neu berechnen“ neu.
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
        <CheckboxGroup
          name="ganzeBg"
          legend="Umzug"
          hint="Nur beim Grund Umzug, wenn mehrere Personen zur Bedarfsgemeinschaft gehören."
          options={[{ value: 'ja', label: 'Die ganze Bedarfsgemeinschaft ist weggezogen' }]}
          checked={v.ganzeBg === 'ja' ? ['ja'] : []}
          error={e.ganzeBg}
        />
        <TextAreaField name="grundText" label="Erläuterung" hint="Pflicht beim sonstigen Grund; sonst eine Ergänzung für den Bescheid." defaultValue={v.grundText} error={e.grundText} rows={3} />
        <SelectField
          name="tatbestand"
          label="Tatbestand für die Vergangenheit (§ 48 Abs. 1 S. 2 SGB X)"
          hint={`Pflicht, wenn die Aufhebung vor dem ${datumText(zukunft)} wirkt oder bereits gezahlte Monate zurückgefordert werden.`}
          defaultValue={v.tatbestand ?? ''}
          error={e.tatbestand}
          options={[{ value: '', label: 'keiner – Aufhebung nur für die Zukunft' }, ...Object.entries(AUFHEBUNG_TATBESTAENDE).map(([value, t]) => ({ value, label: t.bezeichnung }))]}
        />
        <TextField
          name="anhoerungAm"
          label="Anhörung am (TT.MM.JJJJ)"
          hint="§ 24 Abs. 1 SGB X. Pflicht für jede Aufhebung, auch nur für die Zukunft, außer bei einer Ausnahme nach § 24 Abs. 2 SGB X."
          defaultValue={v.anhoerungAm}
          error={e.anhoerungAm}
        />
        <SelectField
          name="anhoerungAusnahme"
          label="Ausnahme von der Anhörung (§ 24 Abs. 2 SGB X)"
          hint="Nur ohne Anhörung. Nr. 5 nur beim Wegfall der Hilfebedürftigkeit durch Einkommen oder Vermögen."
          defaultValue={v.anhoerungAusnahme ?? ''}
          error={e.anhoerungAusnahme}
          options={[{ value: '', label: 'keine Ausnahme' }, ...Object.entries(ANHOERUNG_AUSNAHMEN).map(([value, a]) => ({ value, label: a.bezeichnung }))]}
        />
        <TextAreaField name="anhoerungAusnahmeGrund" label="Begründung der Ausnahme" hint="Pflicht bei einer Ausnahme; erscheint im Bescheid." defaultValue={v.anhoerungAusnahmeGrund} error={e.anhoerungAusnahmeGrund} rows={2} />
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
export const bewilligungBerechnenRoute: RouteObject = {
  path: 'faelle/:id/bewilligung',
  action: berechnen,
  loader: berechnenLoader,
  Component: BerechnenPage,
  handle: { title: 'Neue Bewilligung berechnen' } satisfies PageHandle,
};
export const bescheidErstellenRoute: RouteObject = { path: 'faelle/:id/bescheid', action: bescheid, loader: zurAkte };
export const bewilligungFreigebenRoute: RouteObject = { path: 'bewilligungen/:id/freigeben', action: entscheiden, loader: () => redirect('/freigaben') };
export const bewilligungAendernRoute: RouteObject = { path: 'bewilligungen/:id/aenderung', action: aendern, loader: () => redirect('/faelle') };

/** On the approval form: approval closes the answered Antrag unless this box is ticked (explicit, default closed). */
export function AntragOffenLassen(p: { id: string; vorgang: string }) {
  if (!['erstbewilligung', 'weiterbewilligung', 'ablehnung'].includes(p.vorgang)) return null;
  const id = `antrag-offen-${p.id.slice(0, 8)}`;
  return (
    <div className="kern-form-check">
      <input className="kern-form-check__checkbox" type="checkbox" id={id} name="antrag_offen" value="1" aria-describedby={`${id}-hinweis`} />
      <label className="kern-label" htmlFor={id}>
        Antrag offen lassen
      </label>
      <div className="kern-hint" id={`${id}-hinweis`}>
        Ohne Häkchen gilt der Antrag mit der Freigabe als entschieden; die Person sieht das im Bürgerportal mit dem Bescheid.
      </div>
    </div>
  );
}
