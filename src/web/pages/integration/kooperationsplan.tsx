import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { SCHRITT_TRAEGER, SPRACHFOERDERUNG } from '../../../domain/foerdern/typen.ts';
import { AppError } from '../../../server/errors.ts';
import { kooperationsplanAbstimmen } from '../../../server/integration/kooperationsplan-abstimmen.ts';
import { kooperationsplanEntwurfAendern } from '../../../server/integration/kooperationsplan-entwurf-aendern.ts';
import { kooperationsplanEntwurfAnlegen } from '../../../server/integration/kooperationsplan-entwurf-anlegen.ts';
import { kooperationsplanFortschreiben } from '../../../server/integration/kooperationsplan-fortschreiben.ts';
import { kooperationsplanLesen } from '../../../server/integration/kooperationsplan-lesen.ts';
import { kooperationsplanNichtZustande } from '../../../server/integration/kooperationsplan-nicht-zustande.ts';
import { kooperationsplanSchlichtungBeenden } from '../../../server/integration/kooperationsplan-schlichtung-beenden.ts';
import { kooperationsplanSchlichtungBeginnen } from '../../../server/integration/kooperationsplan-schlichtung-beginnen.ts';
import { kooperationsplanVerwaltungsakt } from '../../../server/integration/kooperationsplan-verwaltungsakt.ts';
import { can } from '../../../server/policies.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { Fakten, formVersion, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

type Daten = Awaited<ReturnType<typeof kooperationsplanLesen.run>>;
type Plan = NonNullable<Daten['geltend']>;

const datum = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');
const WER: Record<string, string> = { person: 'Die Person', jobcenter: 'Jobcenter', dritte: 'Dritte' };
const SPRACHE: Record<string, string> = { keine: 'Kein Vorrang', integrationskurs: 'Integrationskurs hat Vorrang (§ 43 AufenthG)', berufssprachkurs: 'Berufssprachkurs hat Vorrang (§ 45a AufenthG)' };
const STATUS: Record<string, string> = { entwurf: 'Entwurf', abgestimmt: 'Vereinbart', nicht_zustande_gekommen: 'Nicht zustande gekommen', fortgeschrieben: 'Fortgeschrieben' };
const ERGEBNIS: Record<string, string> = { laufend: 'läuft', einigung: 'Einigung', ohne_einigung: 'ohne Einigung' };
const REAKTION: Record<string, string> = { bestaetigt: 'bestätigt', kommentar: 'Anmerkung', schlichtung: 'Schlichtung verlangt' };
/** An ISO timestamp as a Berlin calendar day and time ("07.12.2026, 14:05"). */
const zeitpunkt = (iso: string) => new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
/** Rows for steps on the form (no JavaScript: a fixed number of rows; empty rows are ignored). */
const SCHRITT_ZEILEN = 6;

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  const d = await kooperationsplanLesen.execute({ ctx: web(context).app, actor, input: { personId: params.personId ?? '' } });
  return { ...d, darfBearbeiten: can(actor, 'integration.bearbeiten') };
}

/** Form fields → the plan input of the use cases (the same schema the API parses). */
function planAusFormular(f: Awaited<ReturnType<typeof readForm>>) {
  const schritte = [];
  for (let i = 0; i < SCHRITT_ZEILEN; i++) {
    const was = f.get(`schritt_was_${i}`).trim();
    const bis = f.get(`schritt_bis_${i}`).trim();
    if (!was && !bis) continue;
    schritte.push({ was, wer: f.get(`schritt_wer_${i}`) || 'person', bis });
  }
  const zeilen = (name: string) =>
    f
      .get(name)
      .split(/\r?\n/)
      .map((z) => z.trim())
      .filter(Boolean);
  return {
    eingliederungsziel: f.get('eingliederungsziel'),
    inhalt: {
      schritte,
      eigenbemuehungen: { anzahlJeMonat: f.get('eb_anzahl'), nachweis: f.get('eb_nachweis') },
      sprachfoerderung: f.get('sprachfoerderung') || 'keine',
      rehaBedarf: f.get('reha') === 'ja',
      ...(f.get('reha_hinweis').trim() ? { rehaHinweis: f.get('reha_hinweis') } : {}),
      eingliederungsleistungen: zeilen('leistungen'),
      taetigkeitsbereiche: zeilen('taetigkeiten'),
      ...(f.get('andere_traeger').trim() ? { leistungenAndererTraeger: f.get('andere_traeger') } : {}),
    },
  };
}

/** Issue path of the use case → form field. */
function feldName(pfad: string): string {
  const p = pfad.replace(/^(body|params)\./, '');
  const schritt = /^inhalt\.schritte\.(\d+)\.(was|wer|bis)/.exec(p);
  if (schritt) return `schritt_${schritt[2]}_${schritt[1]}`;
  if (p.startsWith('inhalt.schritte')) return 'schritt_was_0';
  if (p.startsWith('inhalt.eigenbemuehungen.anzahl')) return 'eb_anzahl';
  if (p.startsWith('inhalt.eigenbemuehungen')) return 'eb_nachweis';
  if (p.startsWith('inhalt.sprachfoerderung')) return 'sprachfoerderung';
  if (p.startsWith('inhalt.rehaHinweis')) return 'reha_hinweis';
  if (p.startsWith('inhalt.eingliederungsleistungen')) return 'leistungen';
  if (p.startsWith('inhalt.taetigkeitsbereiche')) return 'taetigkeiten';
  if (p.startsWith('inhalt.leistungenAndererTraeger')) return 'andere_traeger';
  return p.split('.')[0] || 'eingliederungsziel';
}

type Ergebnis = { errors: FieldErrors; werte?: Record<string, string>; konflikt?: string; bereich?: string };

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'integration.bearbeiten');
  const ctx = web(context).app;
  const personId = params.personId ?? '';
  const zurueck = `/integration/personen/${encodeURIComponent(personId)}/kooperationsplan`;
  const f = await readForm(request);
  const aktion = f.get('_aktion');
  const id = f.get('id');
  const version = formVersion(f.get('version'));
  const werte: Record<string, string> = {};
  for (const k of ['eingliederungsziel', 'eb_anzahl', 'eb_nachweis', 'sprachfoerderung', 'reha', 'reha_hinweis', 'leistungen', 'taetigkeiten', 'andere_traeger', 'naechsteUeberpruefung', 'beginn']) werte[k] = f.get(k);
  for (let i = 0; i < SCHRITT_ZEILEN; i++) for (const t of ['was', 'wer', 'bis']) werte[`schritt_${t}_${i}`] = f.get(`schritt_${t}_${i}`);
  try {
    let meldung = '';
    if (aktion === 'speichern') {
      const plan = planAusFormular(f);
      if (id) await kooperationsplanEntwurfAendern.execute({ ctx, actor, input: { ...plan, id, version } });
      else await kooperationsplanEntwurfAnlegen.execute({ ctx, actor, input: { ...plan, personId } });
      meldung = 'Der Entwurf wurde gespeichert.';
    } else if (aktion === 'abstimmen') {
      const u = f.get('naechsteUeberpruefung').trim();
      const r = await kooperationsplanAbstimmen.execute({ ctx, actor, input: { id, version, ...(u ? { naechsteUeberpruefung: u } : {}) } });
      meldung = `Der Kooperationsplan ist vereinbart. ${r.zustellung === 'postfach' ? 'Er wurde ins Postfach des Bürgerportals zugestellt.' : 'Bitte händigen Sie ihn aus oder schicken Sie ihn per Post (keine Online-Zustellung gewünscht).'} Überprüfung spätestens am ${datum(r.naechsteUeberpruefung)} (Wiedervorlage angelegt).`;
    } else if (aktion === 'fortschreiben') {
      await kooperationsplanFortschreiben.execute({ ctx, actor, input: { id, version } });
      meldung = 'Ein neuer Entwurf (Fortschreibung) wurde angelegt.';
    } else if (aktion === 'nicht_zustande') {
      const r = await kooperationsplanNichtZustande.execute({ ctx, actor, input: { id, version } });
      meldung = r.folgeschritt === 'schlichtung' ? 'Festgehalten: kein Plan zustande gekommen. Ein Schlichtungsverfahren kann eingeleitet werden.' : 'Festgehalten: kein Plan zustande gekommen. Die Pflichten können durch Verwaltungsakt festgelegt werden.';
    } else if (aktion === 'schlichtung') {
      const b = f.get('beginn').trim();
      const r = await kooperationsplanSchlichtungBeginnen.execute({ ctx, actor, input: { id, beantragtVon: f.get('beantragtVon') || 'jobcenter', ...(b ? { beginn: b } : {}) } });
      meldung = `Das Schlichtungsverfahren läuft bis zum ${datum(r.ende)}. Solange wird keine Leistung gemindert.`;
    } else if (aktion === 'schlichtung_ende') {
      await kooperationsplanSchlichtungBeenden.execute({ ctx, actor, input: { id, version, ergebnis: f.get('ergebnis') } });
      meldung = 'Die Schlichtung ist abgeschlossen.';
    } else if (aktion === 'verwaltungsakt') {
      const r = await kooperationsplanVerwaltungsakt.execute({ ctx, actor, input: { id, version } });
      meldung = `Der Verwaltungsakt wurde erlassen${r.zustellung === 'postfach' ? ' und ins Postfach zugestellt' : '; bitte per Post zustellen'}.`;
    } else {
      return { errors: {}, konflikt: 'Unbekannte Aktion.' };
    }
    flash(context, meldung);
    return redirect(zurueck);
  } catch (err) {
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) {
      web(context).reply.code(err.status);
      const errors: FieldErrors = {};
      for (const i of err.issues) errors[feldName(i.path)] ??= i.message;
      const bereich = aktion === 'speichern' ? 'formular' : aktion;
      return err.issues.length ? { errors, werte, bereich } : { errors: {}, werte, konflikt: err.message, bereich };
    }
    throw err;
  }
}

function PlanInhalt(p: { plan: Plan }) {
  const i = p.plan.inhalt;
  return (
    <div className="kern-stack-sm">
      <Fakten
        items={[
          ['Eingliederungsziel', p.plan.eingliederungsziel],
          ['Eigenbemühungen', `${i.eigenbemuehungen.anzahlJeMonat} je Monat; Nachweis: ${i.eigenbemuehungen.nachweis}`],
          ['Sprachförderung', SPRACHE[i.sprachfoerderung] ?? i.sprachfoerderung],
          ['Rehabilitation', i.rehaBedarf ? `Bedarf wird geprüft${i.rehaHinweis ? ` – ${i.rehaHinweis}` : ''}` : 'kein Bedarf festgestellt'],
          ['Eingliederungsleistungen', i.eingliederungsleistungen.join('; ') || '–'],
          ['Tätigkeitsbereiche', i.taetigkeitsbereiche.join('; ') || '–'],
          ['Leistungen anderer Träger', i.leistungenAndererTraeger ?? '–'],
          ['Überprüfung spätestens', datum(p.plan.naechsteUeberpruefung)],
        ]}
      />
      <TabellenBereich label="Wesentliche Schritte">
        <table className="kern-table">
          <caption className="sr-only">Wesentliche Schritte</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                Was
              </th>
              <th scope="col" className="kern-table__header">
                Wer
              </th>
              <th scope="col" className="kern-table__header">
                Bis
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {i.schritte.map((s, n) => (
              <tr className="kern-table__row" key={n}>
                <td className="kern-table__cell">{s.was}</td>
                <td className="kern-table__cell">{WER[s.wer] ?? s.wer}</td>
                <td className="kern-table__cell">{datum(s.bis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TabellenBereich>
    </div>
  );
}

function PlanFormular(p: { csrfToken: string; entwurf: Plan | null; a: Ergebnis | undefined }) {
  const e = p.entwurf;
  const a = p.a?.bereich === 'formular' ? p.a : undefined;
  const w = (k: string, vorgabe: string) => (a?.werte ? (a.werte[k] ?? '') : vorgabe);
  const schritte = e?.inhalt.schritte ?? [];
  return (
    <PostForm csrfToken={p.csrfToken} aria-label={e ? 'Entwurf bearbeiten' : 'Neuen Kooperationsplan entwerfen'}>
      <ErrorSummary errors={a?.errors ?? {}} title="Bitte prüfen Sie Ihre Eingaben." />
      {e ? (
        <>
          <input type="hidden" name="id" value={e.id} />
          <input type="hidden" name="version" value={e.version} />
        </>
      ) : null}
      <TextAreaField name="eingliederungsziel" label="Eingliederungsziel" defaultValue={w('eingliederungsziel', e?.eingliederungsziel ?? '')} error={a?.errors.eingliederungsziel} rows={3} />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">Wesentliche Schritte (was, wer, bis wann)</legend>
        <div className="kern-stack-sm">
          {Array.from({ length: SCHRITT_ZEILEN }, (_, i) => (
            <div className="kern-stack-xs schritt-zeile" key={i}>
              <TextField name={`schritt_was_${i}`} label={`Schritt ${i + 1}: was`} defaultValue={w(`schritt_was_${i}`, schritte[i]?.was ?? '')} error={a?.errors[`schritt_was_${i}`]} />
              <SelectField
                name={`schritt_wer_${i}`}
                label={`Schritt ${i + 1}: wer`}
                options={SCHRITT_TRAEGER.map((t) => ({ value: t, label: WER[t] ?? t }))}
                defaultValue={w(`schritt_wer_${i}`, schritte[i]?.wer ?? 'person')}
                error={a?.errors[`schritt_wer_${i}`]}
              />
              <TextField name={`schritt_bis_${i}`} type="date" label={`Schritt ${i + 1}: bis`} defaultValue={w(`schritt_bis_${i}`, schritte[i]?.bis ?? '')} error={a?.errors[`schritt_bis_${i}`]} />
            </div>
          ))}
        </div>
      </fieldset>
      <TextField name="eb_anzahl" type="number" inputMode="numeric" label="Eigenbemühungen je Monat (Anzahl)" defaultValue={w('eb_anzahl', String(e?.inhalt.eigenbemuehungen.anzahlJeMonat ?? ''))} error={a?.errors.eb_anzahl} />
      <TextField name="eb_nachweis" label="Form des Nachweises" hint="z. B. Liste der Bewerbungen mit Kopien, monatlich im Bürgerportal" defaultValue={w('eb_nachweis', e?.inhalt.eigenbemuehungen.nachweis ?? '')} error={a?.errors.eb_nachweis} />
      <SelectField name="sprachfoerderung" label="Vorrang Sprachförderung" options={SPRACHFOERDERUNG.map((s) => ({ value: s, label: SPRACHE[s] ?? s }))} defaultValue={w('sprachfoerderung', e?.inhalt.sprachfoerderung ?? 'keine')} error={a?.errors.sprachfoerderung} />
      <Checkbox name="reha" label="Bedarf an beruflicher oder medizinischer Rehabilitation prüfen" checked={w('reha', e?.inhalt.rehaBedarf ? 'ja' : '') === 'ja'} />
      <TextField name="reha_hinweis" label="Hinweis zur Rehabilitation" optionalLabel="optional" defaultValue={w('reha_hinweis', e?.inhalt.rehaHinweis ?? '')} error={a?.errors.reha_hinweis} />
      <TextAreaField name="leistungen" label="Eingliederungsleistungen, die in Frage kommen (eine je Zeile)" defaultValue={w('leistungen', e?.inhalt.eingliederungsleistungen.join('\n') ?? '')} error={a?.errors.leistungen} rows={3} />
      <TextAreaField name="taetigkeiten" label="Tätigkeitsbereiche (eine je Zeile)" defaultValue={w('taetigkeiten', e?.inhalt.taetigkeitsbereiche.join('\n') ?? '')} error={a?.errors.taetigkeiten} rows={3} />
      <TextField name="andere_traeger" label="Leistungen anderer Träger" optionalLabel="optional" defaultValue={w('andere_traeger', e?.inhalt.leistungenAndererTraeger ?? '')} error={a?.errors.andere_traeger} />
      <SubmitButton name="_aktion" value="speichern">
        {e ? 'Entwurf speichern' : 'Entwurf anlegen'}
      </SubmitButton>
    </PostForm>
  );
}

function Aktion(p: { csrfToken: string; id: string; version: number; aktion: string; label: string; variant?: 'primary' | 'secondary' | 'tertiary'; children?: React.ReactNode }) {
  return (
    <PostForm csrfToken={p.csrfToken} className="kern-stack-sm" aria-label={p.label}>
      <input type="hidden" name="id" value={p.id} />
      <input type="hidden" name="version" value={p.version} />
      {p.children}
      <SubmitButton name="_aktion" value={p.aktion} variant={p.variant ?? 'secondary'}>
        {p.label}
      </SubmitButton>
    </PostForm>
  );
}

function KooperationsplanSeite() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const name = `${d.person.vorname} ${d.person.nachname}`;
  const g = d.geltend;
  const laufend = d.schlichtungen.find((s) => s.ergebnis === 'laufend' && s.ende >= d.heute);
  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/integration/personen/${d.person.id}`} label="Zur Integrationsakte" />
      <h1 className="kern-heading-large">Kooperationsplan: {name}</h1>
      <p className="kern-body">
        {d.recht.schlichtung
          ? 'Recht am heutigen Tag: Kooperationsplan nach § 15 SGB II; kommt keiner zustande, steht das Schlichtungsverfahren nach § 15a SGB II offen (4 Wochen, keine Leistungsminderung währenddessen).'
          : d.recht.verwaltungsakt
            ? 'Recht am heutigen Tag: Kooperationsplan nach § 15 SGB II; kommt keiner zustande, werden die Pflichten durch Verwaltungsakt mit Rechtsfolgenbelehrung festgelegt. Das Schlichtungsverfahren ist seit dem 1. Juli 2026 abgeschafft.'
            : 'Vor dem 1. Juli 2023 galt die Eingliederungsvereinbarung; sie ist nur noch lesbar.'}
      </p>
      <KonfliktHinweis text={a?.konflikt} />

      <section className="kern-stack-sm" aria-labelledby="geltend">
        <h2 className="kern-heading-medium" id="geltend">
          Geltender Plan
        </h2>
        {g ? (
          <>
            <p className="kern-body">
              <strong>{g.art === 'verwaltungsakt' ? `Verwaltungsakt vom ${datum(g.erstelltAm)}` : `Fassung ${g.fassung}: ${STATUS[g.status]}${g.abgestimmtAm ? ` am ${datum(g.abgestimmtAm)}` : ''}`}</strong>
              {g.reaktion === 'bestaetigt' && g.reaktionAm ? ` – im Bürgerportal bestätigt am ${zeitpunkt(g.reaktionAm)}` : ''}
            </p>
            {g.kommentare.length ? (
              <div className="kern-stack-xs">
                <h3 className="kern-heading-small">Rückmeldungen im Bürgerportal</h3>
                <ul className="kern-list">
                  {g.kommentare.map((k, n) => (
                    <li key={n}>
                      {zeitpunkt(k.am)}, {REAKTION[k.art]}: „{k.text}“
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <PlanInhalt plan={g} />
            {g.dokumentVerfuegbar ? (
              <p>
                <a className="kern-link" href={`/api/integration/kooperationsplaene/${g.id}/pdf`}>
                  {g.art === 'verwaltungsakt' ? 'Verwaltungsakt als PDF' : 'Kooperationsplan als PDF'}
                </a>
              </p>
            ) : null}
            {d.darfBearbeiten && !d.entwurf && d.recht.neueErlaubt ? <Aktion csrfToken={csrfToken} id={g.id} version={g.version} aktion="fortschreiben" label="Plan fortschreiben" /> : null}
            {d.darfBearbeiten && g.status === 'nicht_zustande_gekommen' && g.art === 'plan' && d.recht.verwaltungsakt ? (
              <Aktion csrfToken={csrfToken} id={g.id} version={g.version} aktion="verwaltungsakt" label="Pflichten durch Verwaltungsakt festlegen" variant="primary" />
            ) : null}
            {d.darfBearbeiten && g.art === 'plan' && d.recht.schlichtung && !laufend ? <SchlichtungFormular csrfToken={csrfToken} planId={g.id} a={a} /> : null}
            {d.nachweise.length ? (
              <div className="kern-stack-xs">
                <h3 className="kern-heading-small">Nachweise der Eigenbemühungen</h3>
                <ul className="kern-list">
                  {d.nachweise.map((n) => (
                    <li key={n.id}>
                      {n.monat}: {n.anzahl} Bemühungen (eingereicht {datum(n.createdAt.slice(0, 10))})
                      {n.portalDateiId ? (
                        <>
                          {' – '}
                          <a className="kern-link" href={`/api/integration/eigenbemuehungen/${n.id}/datei`}>
                            Datei öffnen<span className="sr-only"> ({n.monat})</span>
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <p className="kern-body">Es gibt noch keinen vereinbarten Kooperationsplan.</p>
        )}
      </section>

      {d.schlichtungen.length ? (
        <section className="kern-stack-sm" aria-labelledby="schlichtungen">
          <h2 className="kern-heading-medium" id="schlichtungen">
            Schlichtungsverfahren
          </h2>
          <ul className="kern-list">
            {d.schlichtungen.map((s) => (
              <li key={s.id} className="kern-stack-xs">
                <span className="kern-body">
                  {datum(s.beginn)} bis {datum(s.ende)} – {ERGEBNIS[s.ergebnis]} (verlangt von {s.beantragtVon === 'person' ? 'der Person' : 'dem Jobcenter'}){s.bemerkung ? `: ${s.bemerkung}` : ''}
                </span>
                {d.darfBearbeiten && s.ergebnis === 'laufend' ? (
                  <Aktion csrfToken={csrfToken} id={s.id} version={s.version} aktion="schlichtung_ende" label="Schlichtung abschließen">
                    <SelectField
                      name="ergebnis"
                      label="Ergebnis"
                      options={[
                        { value: 'einigung', label: 'Einigung' },
                        { value: 'ohne_einigung', label: 'ohne Einigung' },
                      ]}
                    />
                  </Aktion>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.darfBearbeiten && d.recht.neueErlaubt ? (
        <section className="kern-stack-sm" aria-labelledby="entwurf">
          <h2 className="kern-heading-medium" id="entwurf">
            {d.entwurf ? `Entwurf (Fassung ${d.entwurf.fassung} vom ${datum(d.entwurf.erstelltAm)})` : g ? 'Neuer Entwurf' : 'Kooperationsplan entwerfen'}
          </h2>
          {g && !d.entwurf ? <p className="kern-body">Für eine Fortschreibung mit dem bisherigen Inhalt nutzen Sie „Plan fortschreiben“ oben.</p> : null}
          <PlanFormular csrfToken={csrfToken} entwurf={d.entwurf} a={a} />
          {d.entwurf ? (
            <div className="kern-stack-sm">
              <Aktion csrfToken={csrfToken} id={d.entwurf.id} version={d.entwurf.version} aktion="abstimmen" label="Plan vereinbaren und aushändigen" variant="primary">
                <TextField
                  name="naechsteUeberpruefung"
                  type="date"
                  label="Überprüfung spätestens am"
                  optionalLabel="optional"
                  hint={`Ohne Angabe: in ${d.recht.ueberpruefungMonate} Monaten (§ 15 Abs. 3 SGB II).`}
                  error={a?.bereich === 'abstimmen' ? a.errors.naechsteUeberpruefung : undefined}
                />
              </Aktion>
              <Aktion csrfToken={csrfToken} id={d.entwurf.id} version={d.entwurf.version} aktion="nicht_zustande" label="Keine Einigung: nicht zustande gekommen" variant="tertiary" />
            </div>
          ) : null}
        </section>
      ) : null}

      {d.plaene.length ? (
        <section className="kern-stack-sm" aria-labelledby="verlauf">
          <h2 className="kern-heading-medium" id="verlauf">
            Fassungen
          </h2>
          <TabellenBereich label="Fassungen des Kooperationsplans">
            <table className="kern-table">
              <caption className="sr-only">Fassungen des Kooperationsplans</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    Fassung
                  </th>
                  <th scope="col" className="kern-table__header">
                    Art und Stand
                  </th>
                  <th scope="col" className="kern-table__header">
                    Datum
                  </th>
                  <th scope="col" className="kern-table__header">
                    Dokument
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.plaene.map((p) => (
                  <tr className="kern-table__row" key={p.id}>
                    <td className="kern-table__cell">{p.fassung}</td>
                    <td className="kern-table__cell">
                      {p.art === 'verwaltungsakt' ? 'Verwaltungsakt' : 'Plan'}: {STATUS[p.status]}
                    </td>
                    <td className="kern-table__cell">{datum(p.abgestimmtAm ?? p.erstelltAm)}</td>
                    <td className="kern-table__cell">
                      {p.dokumentVerfuegbar ? (
                        <a className="kern-link" href={`/api/integration/kooperationsplaene/${p.id}/pdf`}>
                          PDF<span className="sr-only"> der Fassung {p.fassung}</span>
                        </a>
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        </section>
      ) : null}
    </div>
  );
}

function SchlichtungFormular(p: { csrfToken: string; planId: string; a: Ergebnis | undefined }) {
  const a = p.a?.bereich === 'schlichtung' ? p.a : undefined;
  return (
    <PostForm csrfToken={p.csrfToken} className="kern-stack-sm" aria-label="Schlichtungsverfahren einleiten">
      <input type="hidden" name="id" value={p.planId} />
      {a?.konflikt ? <Alert type="danger" title={a.konflikt} role="alert" /> : null}
      <TextField name="beginn" type="date" label="Beginn der Schlichtung" optionalLabel="optional" hint="Tag der Einladung zum ersten Termin; ohne Angabe heute." error={a?.errors.beginn} />
      <SelectField
        name="beantragtVon"
        label="Verlangt von"
        options={[
          { value: 'person', label: 'der Person' },
          { value: 'jobcenter', label: 'dem Jobcenter' },
        ]}
        defaultValue="person"
      />
      <SubmitButton name="_aktion" value="schlichtung" variant="secondary">
        Schlichtungsverfahren einleiten
      </SubmitButton>
    </PostForm>
  );
}

export const kooperationsplanRoute: RouteObject = {
  path: 'integration/personen/:personId/kooperationsplan',
  loader,
  action,
  Component: KooperationsplanSeite,
  handle: { title: 'Kooperationsplan' } satisfies PageHandle,
};
