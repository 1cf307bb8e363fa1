import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import {
  benoetigteNachweise,
  eintraege,
  ersterOffenerSchritt,
  fortschrittFuer,
  formwerte,
  istErreichbar,
  nachweisStand,
  nachweisText,
  position,
  vorherigerSchritt,
  text,
  pfad,
  type AntragDaten,
  type Flow,
  type FlowDaten,
  type FormEingabe,
} from '../../../domain/formular/index.ts';
import { kommunenZurPlz } from '../../../domain/formular/kommune-plz.ts';
import { eintragsName, pruefung, type Pruefung } from '../../../domain/formular/pruefung.ts';
import { vorbelegungAusVorpruefung, vorpruefungLesen } from '../../../domain/formular/vorpruefung.ts';
import { leseVorpruefung, vergissVorpruefung } from '../../../server/portal/vorpruefung-speicher.ts';
import { heute } from '../../../server/clock.ts';
import { AppError } from '../../../server/errors.ts';
import { reicheEin } from '../../../server/portal/einreichen.ts';
import { eintragEntfernen } from '../../../server/portal/eintrag-entfernen.ts';
import { eintragHinzufuegen } from '../../../server/portal/eintrag-hinzufuegen.ts';
import { entwurfLaden } from '../../../server/portal/entwurf-laden.ts';
import { entwurfStarten } from '../../../server/portal/entwurf-starten.ts';
import { entwurfVerwerfen } from '../../../server/portal/entwurf-verwerfen.ts';
import { portalKommunenAuflisten } from '../../../server/portal/kommunen-auflisten.ts';
import { schrittSpeichern } from '../../../server/portal/schritt-speichern.ts';
import { dokumenteZumEntwurf } from '../../../server/portal/dokumente.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, type FieldErrors } from '../../components/forms.tsx';
import { beschreibeFelder, FlowFeld, type FeldBeschreibung } from '../../components/flow-felder.tsx';
import { useRoot } from '../../hooks.ts';
import { requirePageActor, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, portalT, spracheVon, usePT } from './texte.ts';

/** name of the submit button that says what to do (weiter, hinzufuegen:<liste>, entfernen:<liste>:<id>) */
const AKTION = '_aktion';
const basis = (id: string) => `/portal/antrag/${id}`;
export const schrittUrl = (id: string, adresse: string) => `${basis(id)}/schritt/${adresse}`;
const zielUrl = (id: string, adresse: string | undefined) => (adresse ? schrittUrl(id, adresse) : `${basis(id)}/absenden`);
export const pruefenUrl = (id: string) => `${basis(id)}/pruefen`;

/**
 * "ändern" on the review leads to a step with `?zurueck=pruefen` (or `=abschluss` from the closing page); saving the
 * step then returns there instead of walking on. Only these two values are accepted (no free redirect target).
 */
type Rueckkehr = 'pruefen' | 'abschluss';
const rueckkehrVon = (request: Request): Rueckkehr | null => {
  const z = new URL(request.url).searchParams.get('zurueck');
  return z === 'pruefen' || z === 'abschluss' ? z : null;
};
const mitRueckkehr = (url: string, r: Rueckkehr | null) => (r ? `${url}?zurueck=${r}` : url);
const rueckkehrUrl = (id: string, flow: Flow, r: Rueckkehr) => (r === 'pruefen' ? pruefenUrl(id) : schrittUrl(id, abschlussSchritt(flow)));

/** The closing page of a flow (declarations before the submission): the main step without a transition after it. */
function abschlussSchritt(flow: Flow): string {
  return Object.keys(flow.seiten).find((s) => s !== flow.antragsdatumSchritt && (flow.uebergaenge as Record<string, unknown>)[s] === undefined) ?? flow.initial;
}

async function formEingabe(request: Request): Promise<FormEingabe> {
  const form = await request.formData();
  const eingabe: FormEingabe = {};
  for (const key of new Set(form.keys())) {
    const alle = form.getAll(key).filter((v): v is string => typeof v === 'string');
    eingabe[key] = alle.length > 1 ? alle : alle[0];
  }
  return eingabe;
}

// ---- start --------------------------------------------------------------------------------------------------------

async function neuAction({ context, request }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, req, reply } = web(context);
  const eingabe = await formEingabe(request);
  const flowId = typeof eingabe.flow === 'string' ? eingabe.flow : 'erstantrag';
  const fuer = typeof eingabe.fuer === 'string' && eingabe.fuer ? eingabe.fuer : undefined;
  // the public pre-check's answers wait in a sealed cookie (never in a URL); they fill the Erstantrag's gaps
  const gemerkt = flowId === 'erstantrag' ? leseVorpruefung(app, req) : null;
  const gelesen = gemerkt ? vorpruefungLesen((n) => gemerkt[n], heute(app.clock.now())) : null;
  const vorbelegung = gelesen && gelesen.fehler.length === 0 ? vorbelegungAusVorpruefung(gelesen.daten) : undefined;
  const id = await entwurfStarten.execute({ ctx: app, actor, input: { flowId, ...(fuer ? { fuer } : {}), ...(vorbelegung ? { vorbelegung } : {}) } });
  if (gemerkt) vergissVorpruefung(reply);
  return redirect(basis(id));
}

/** GET (e.g. after sign-in from the pre-check): one button starts the application (POST), with the pre-check's answers if kept. */
async function neuLoader({ context, request }: LoaderFunctionArgs) {
  requirePageActor(context, request);
  const { app, req, lang } = web(context);
  const q = new URL(request.url).searchParams;
  const flow = q.get('flow');
  if (flow !== 'erstantrag') return redirect('/portal');
  const mitVorpruefung = leseVorpruefung(app, req) !== null;
  return { titel: portalT(lang, mitVorpruefung ? 'portal.neu.titel' : 'portal.neu.titel_ohne'), flow, mitVorpruefung, vorpruefungVerlangt: q.get('vorpruefung') === '1' };
}

function NeuPage() {
  const d = useLoaderData<typeof neuLoader>();
  const { csrfToken } = useRoot();
  const t = usePT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      {d.mitVorpruefung ? <p className="kern-body">{t('portal.neu.text')}</p> : null}
      {!d.mitVorpruefung && d.vorpruefungVerlangt ? <p className="kern-body">{t('portal.neu.vorpruefung_fehlt')}</p> : null}
      <PostForm csrfToken={csrfToken} action="/portal/antrag/neu">
        <input type="hidden" name="flow" value={d.flow} />
        <SubmitButton>{t('portal.erstantrag_starten')}</SubmitButton>
      </PostForm>
    </div>
  );
}

export const antragNeuRoute: RouteObject = {
  path: 'portal/antrag/neu',
  action: neuAction,
  loader: neuLoader,
  Component: NeuPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Antrag', citizen: true } satisfies PageHandle,
};

/** "Resume": to the first open step, or to the submission page when every step is answered. */
async function fortsetzenLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const v = await entwurfLaden.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '' } });
  if (v.entwurf.status !== 'offen') return redirect(`${basis(v.entwurf.id)}/eingegangen`);
  return redirect(zielUrl(v.entwurf.id, ersterOffenerSchritt(v.pf.flow, v.daten)));
}

export const antragRoute: RouteObject = { path: 'portal/antrag/:id', loader: fortsetzenLoader };

// ---- one step -------------------------------------------------------------------------------------------------------

type ListenEintrag = { id: string; name: string; link: string };

async function schrittLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const sprache = spracheVon(lang);
  const v = await entwurfLaden.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
  const id = v.entwurf.id;
  if (v.entwurf.status !== 'offen') throw redirect(`${basis(id)}/eingegangen`);
  const adresse = params['*'] ?? '';
  const flow = v.pf.flow;
  if (!istErreichbar(flow, v.daten, adresse)) throw redirect(zielUrl(id, ersterOffenerSchritt(flow, v.daten)));
  const pos = position(flow, adresse)!;
  const zurueck = vorherigerSchritt(flow, v.daten, adresse);
  let liste: { key: string; eintraege: ListenEintrag[]; max: number } | null = null;
  if (pos.art === 'schritt') {
    const l = Object.entries(flow.listen ?? {}).find(([, x]) => x.uebersicht === pos.stepId);
    if (l) {
      const [key, konf] = l;
      liste = {
        key,
        max: konf.max,
        eintraege: eintraege(v.daten, key).map((e, i) => {
          const name = eintragsName(key, e, v.daten, sprache) || `${text(konf.titel, sprache)} ${i + 1}`;
          return { id: e.id, name, link: schrittUrl(id, `${key}/${e.id}/${konf.initial}`) };
        }),
      };
    }
  }
  const rueckkehr = rueckkehrVon(request);
  // the closing page shows every answer (with "ändern") above the declarations: the review before submitting
  const istAbschluss = adresse === abschlussSchritt(flow);
  return {
    id,
    adresse,
    flowTitel: text(v.pf.titel, sprache),
    titel: text(pos.seite.titel, sprache),
    felder: beschreibeFelder(pos.seite, v.daten, sprache),
    werte: formwerte(flow, v.daten, adresse),
    fortschritt: fortschrittFuer(flow, v.daten, adresse),
    zurueck: rueckkehr ? rueckkehrUrl(id, flow, rueckkehr) : zurueck ? schrittUrl(id, zurueck) : pos.art === 'eintrag' ? schrittUrl(id, pos.konfiguration.uebersicht) : null,
    rueckkehr,
    pruefung: istAbschluss ? pruefung(flow, v.daten, sprache) : null,
    liste,
    antragsdatum: v.entwurf.antragsdatum,
    als: v.als,
  };
}

type SchrittAction = { errors: FieldErrors; values: FormEingabe } | undefined;

async function schrittAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang, reply } = web(context);
  const id = params.id ?? '';
  const adresse = params['*'] ?? '';
  const eingabe = await formEingabe(request);
  const roh = eingabe[AKTION];
  const aktion = typeof roh === 'string' ? roh : 'weiter';
  const rueckkehr = rueckkehrVon(request);
  if (aktion.startsWith('hinzufuegen:')) {
    const ziel = await eintragHinzufuegen.execute({ ctx: app, actor, input: { id, liste: aktion.slice('hinzufuegen:'.length) } });
    return redirect(schrittUrl(id, ziel));
  }
  if (aktion.startsWith('entfernen:')) {
    const [, liste = '', eintragId = ''] = aktion.split(':');
    await eintragEntfernen.execute({ ctx: app, actor, input: { id, liste, eintragId } });
    return redirect(mitRueckkehr(schrittUrl(id, adresse), rueckkehr));
  }
  const r = await schrittSpeichern.execute({ ctx: app, actor, input: { id, adresse, eingabe, sprache: spracheVon(lang) } });
  if (!r.ok) {
    reply.code(400);
    return { errors: Object.fromEntries(r.fehler.map((f) => [f.feld, f.nachricht])), values: r.eingabe } satisfies SchrittAction;
  }
  const { flow } = (await entwurfLaden.execute({ ctx: app, actor, input: { id } })).pf;
  // back to the review the person came from; it says what is still missing after this change
  if (rueckkehr) return redirect(rueckkehrUrl(id, flow, rueckkehr));
  // A list overview leads on only when enough complete entries exist.
  if (r.naechster && !istErreichbar(flow, r.daten, r.naechster)) {
    reply.code(400);
    return { errors: { _liste: portalT(lang, 'portal.liste_unvollstaendig') }, values: {} } satisfies SchrittAction;
  }
  return redirect(zielUrl(id, r.naechster));
}

function SchrittPage() {
  const d = useLoaderData<typeof schrittLoader>();
  const a = useActionData() as SchrittAction;
  const { csrfToken } = useRoot();
  const t = usePT();
  const errors = a?.errors ?? {};
  const werte = a?.values && Object.keys(a.values).length ? a.values : d.werte;
  return (
    <div className="kern-stack-lg form-narrow">
      <p className="kern-body kern-body--small">{d.flowTitel}</p>
      <h1 className="kern-heading-large">{d.titel}</h1>
      <div className="kern-stack-sm">
        <p className="kern-body kern-body--small" id="fortschritt-text">
          {t('portal.schritt_von', { schritt: d.fortschritt.schritt, gesamt: d.fortschritt.gesamt })}
        </p>
        <progress className="fortschritt" max={100} value={d.fortschritt.prozent} aria-labelledby="fortschritt-text" />
      </div>
      {d.antragsdatum ? <p className="kern-body kern-body--small">{t('portal.antragsdatum_gesichert', { datum: datumText(d.antragsdatum) })}</p> : null}
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, d.felder.find((f) => f.name === k) ? `${d.felder.find((f) => f.name === k)!.label}: ${v}` : v]))} title={t('portal.fehler_titel')} />
      {d.liste ? <ListenUebersicht liste={d.liste} id={d.id} adresse={d.adresse} /> : null}
      {d.pruefung ? <PruefListe pruefung={d.pruefung} id={d.id} rueckkehr="abschluss" /> : null}
      <PostForm csrfToken={csrfToken} action={mitRueckkehr(schrittUrl(d.id, d.adresse), d.rueckkehr)}>
        {d.felder.map((f: FeldBeschreibung) => (
          <FlowFeld key={f.name} feld={f} werte={werte} fehler={errors[f.name]} optionalLabel={t('feld.optional')} />
        ))}
        <div className="actions">
          <SubmitButton name="_aktion" value="weiter">
            {t('portal.weiter')}
          </SubmitButton>
        </div>
      </PostForm>
      <p className="kern-body">
        {d.zurueck ? (
          <a className="kern-link" href={d.zurueck}>
            {t('portal.zurueck')}
          </a>
        ) : null}{' '}
        <a className="kern-link" href="/portal">
          {t('portal.spaeter')}
        </a>
      </p>
    </div>
  );
}

function ListenUebersicht(p: { liste: { key: string; eintraege: ListenEintrag[]; max: number }; id: string; adresse: string }) {
  const { csrfToken } = useRoot();
  const t = usePT();
  return (
    <section className="kern-stack-sm" aria-labelledby="liste-titel" id="feld-_liste">
      <h2 className="kern-heading-small" id="liste-titel">
        {t('portal.eintraege')}
      </h2>
      {p.liste.eintraege.length === 0 ? <p className="kern-body">{t('portal.keine_eintraege')}</p> : null}
      <ul className="kern-list eintrag-liste">
        {p.liste.eintraege.map((e) => (
          <li key={e.id} className="eintrag">
            <span className="kern-body">{e.name}</span>{' '}
            <a className="kern-link" href={e.link}>
              {t('portal.bearbeiten')}
              <span className="sr-only"> {e.name}</span>
            </a>
            <PostForm csrfToken={csrfToken} action={schrittUrl(p.id, p.adresse)} className="inline-form">
              <button className="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit" name="_aktion" value={`entfernen:${p.liste.key}:${e.id}`}>
                <span className="kern-label">
                  {t('portal.entfernen')}
                  <span className="sr-only"> {e.name}</span>
                </span>
              </button>
            </PostForm>
          </li>
        ))}
      </ul>
      {p.liste.eintraege.length < p.liste.max ? (
        <PostForm csrfToken={csrfToken} action={schrittUrl(p.id, p.adresse)}>
          <SubmitButton variant="secondary" name="_aktion" value={`hinzufuegen:${p.liste.key}`}>
            {t('portal.hinzufuegen')}
          </SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

/** Every answer by section, each page with an "ändern" link that returns to where it was opened. */
function PruefListe(p: { pruefung: Pruefung; id: string; rueckkehr: Rueckkehr }) {
  const t = usePT();
  return (
    <div className="kern-stack-md">
      {p.pruefung.fehlend.length ? <FehltHinweis fehlend={p.pruefung.fehlend} id={p.id} /> : null}
      {p.pruefung.abschnitte.map((a) => (
        <section key={a.id} className="kern-stack-sm pruefung-abschnitt" aria-labelledby={`pruefen-${a.id.replace(/\W/g, '-')}`}>
          <h2 className="kern-heading-small" id={`pruefen-${a.id.replace(/\W/g, '-')}`}>
            {a.titel}
          </h2>
          {a.seiten.map((s) => (
            <div key={s.adresse} className="kern-stack-xs">
              {a.seiten.length > 1 ? <h3 className="kern-title">{s.titel}</h3> : null}
              <dl className="kern-description-list kern-description-list--col pruefung-liste">
                {s.zeilen.map((z) => (
                  <div className="kern-description-list-item" key={z.feld}>
                    <dt className="kern-description-list-item__key">{z.label}</dt>
                    <dd className={`kern-description-list-item__value${z.fehlt ? ' status' : ''}`}>{z.wert}</dd>
                  </div>
                ))}
              </dl>
              <p className="kern-body">
                <a className="kern-link" href={mitRueckkehr(schrittUrl(p.id, s.adresse), p.rueckkehr)}>
                  {t('portal.pruefen.aendern')}
                  {/* a list entry's links name the entry, so that two entries' links differ (WCAG 2.4.4) */}
                  <span className="sr-only">: {a.eintrag === undefined ? s.titel : a.seiten.length > 1 ? `${s.titel} (${a.eintrag})` : a.eintrag}</span>
                </a>
              </p>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function FehltHinweis(p: { fehlend: Pruefung['fehlend']; id: string }) {
  const t = usePT();
  return (
    <div className="kern-alert kern-alert--warning" role="alert">
      <div className="kern-alert__header">
        <span className="kern-title">{t('portal.pruefen.unvollstaendig')}</span>
      </div>
      <div className="kern-alert__body">
        <ul className="fehlt-liste">
          {p.fehlend.map((f) => (
            <li key={f.adresse}>
              <a className="kern-link" href={schrittUrl(p.id, f.adresse)}>
                {f.titel}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const antragSchrittRoute: RouteObject = {
  path: 'portal/antrag/:id/schritt/*',
  loader: schrittLoader,
  action: schrittAction,
  Component: SchrittPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Antrag', citizen: true } satisfies PageHandle,
};

// ---- review ---------------------------------------------------------------------------------------------------------

/** Every answer by section before the binding submission; an incomplete draft says what is missing and links there. */
async function pruefenLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const sprache = spracheVon(lang);
  const v = await entwurfLaden.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
  const id = v.entwurf.id;
  if (v.entwurf.status !== 'offen') throw redirect(`${basis(id)}/eingegangen`);
  const p = pruefung(v.pf.flow, v.daten, sprache);
  const offen = ersterOffenerSchritt(v.pf.flow, v.daten);
  return {
    id,
    titel: text('portal.pruefen.titel', sprache),
    flowTitel: text(v.pf.titel, sprache),
    pruefung: p,
    // complete answers: on to the declarations (or, once given, to the submission page)
    weiter: p.vollstaendig ? zielUrl(id, offen) : null,
  };
}

function PruefenPage() {
  const d = useLoaderData<typeof pruefenLoader>();
  const t = usePT();
  return (
    <div className="kern-stack-lg form-narrow">
      <p className="kern-body kern-body--small">{d.flowTitel}</p>
      <h1 className="kern-heading-large">{d.titel}</h1>
      <p className="kern-body">{t('portal.pruefen.text')}</p>
      <PruefListe pruefung={d.pruefung} id={d.id} rueckkehr="pruefen" />
      {d.weiter ? (
        <p>
          <a className="kern-btn kern-btn--primary" href={d.weiter}>
            <span className="kern-label">{t('portal.pruefen.weiter')}</span>
          </a>
        </p>
      ) : null}
      <p className="kern-body">
        <a className="kern-link" href="/portal">
          {t('portal.spaeter')}
        </a>
      </p>
    </div>
  );
}

export const antragPruefenRoute: RouteObject = {
  path: 'portal/antrag/:id/pruefen',
  loader: pruefenLoader,
  Component: PruefenPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Antrag', citizen: true } satisfies PageHandle,
};

// ---- submission ----------------------------------------------------------------------------------------------------

async function absendenLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const sprache = spracheVon(lang);
  const v = await entwurfLaden.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
  const id = v.entwurf.id;
  if (v.entwurf.status !== 'offen') throw redirect(`${basis(id)}/eingegangen`);
  const offen = ersterOffenerSchritt(v.pf.flow, v.daten);
  if (offen) throw redirect(schrittUrl(id, offen));
  const daten = v.daten as AntragDaten;
  const kommunen = v.pf.art === 'erstantrag' ? await portalKommunenAuflisten.execute({ ctx: app, actor, input: {} }) : [];
  const ort = daten.anschrift?.ort?.toLowerCase();
  const plz = kommunenZurPlz(daten.anschrift?.plz, kommunen);
  const dokumente = await dokumenteZumEntwurf({ ctx: app, actor, entwurfId: id });
  return {
    id,
    titel: text('portal.absenden.titel', sprache),
    flowTitel: text(v.pf.titel, sprache),
    art: v.pf.art,
    antragsdatum: v.entwurf.antragsdatum,
    // a file still in the virus scan counts as "wird geprüft", never as missing
    nachweise: v.pf.art === 'veraenderung' ? [] : nachweisStand(benoetigteNachweise(daten), dokumente).map((n) => ({ art: n.nachweis.art, text: nachweisText(n.nachweis, sprache), stand: n.stand })),
    // derived from the PLZ when unique (then not asked); several candidates → choose between them; none → all
    kommuneAusPlz: plz.eindeutig ? { id: plz.eindeutig.id, name: plz.eindeutig.name } : null,
    kommunen: (plz.kandidaten.length > 1 ? plz.kandidaten : kommunen).map((k) => ({ id: k.id, name: k.name })),
    kommuneVorschlag: kommunen.find((k) => k.name.toLowerCase() === ort)?.id ?? '',
    dokumente,
    zurueck: schrittUrl(id, lastStep(v.pf.flow, v.daten)),
    pruefen: pruefenUrl(id),
    hochgeladen: new URL(request.url).searchParams.get('hochgeladen'),
  };
}

/** The final page of the flow on the path of these answers (where "back" leads from the submission page). */
function lastStep(flow: Flow, daten: FlowDaten): string {
  const p = pfad(flow, daten, false);
  return p[p.length - 1] ?? flow.initial;
}

async function absendenAction({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, reply, lang } = web(context);
  const eingabe = await formEingabe(request);
  const id = params.id ?? '';
  if (eingabe[AKTION] === 'verwerfen') {
    await entwurfVerwerfen.execute({ ctx: app, actor, input: { id } });
    return redirect('/portal');
  }
  try {
    await reicheEin({ ctx: app, actor, id, kommuneId: typeof eingabe.kommuneId === 'string' ? eingabe.kommuneId : undefined });
  } catch (err) {
    if (err instanceof AppError && err.status === 400 && err.issues?.some((i) => i.path === 'kommuneId')) {
      reply.code(400);
      return { errors: { kommuneId: portalT(lang, 'portal.kommune_fehlt') } };
    }
    throw err;
  }
  return redirect(`${basis(id)}/eingegangen`);
}

function AbsendenPage() {
  const d = useLoaderData<typeof absendenLoader>();
  const a = useActionData() as { errors: FieldErrors } | undefined;
  const { csrfToken } = useRoot();
  const t = usePT();
  const errors = a?.errors ?? {};
  return (
    <div className="kern-stack-lg form-narrow">
      <p className="kern-body kern-body--small">{d.flowTitel}</p>
      <h1 className="kern-heading-large">{t('portal.absenden.titel')}</h1>
      {d.antragsdatum ? <p className="kern-body">{t('portal.antragsdatum_gesichert', { datum: datumText(d.antragsdatum) })}</p> : null}
      <ErrorSummary errors={errors} title={t('portal.fehler_titel')} />
      <p className="kern-body">
        <a className="kern-link" href={d.pruefen}>
          {t('portal.pruefen.nochmal')}
        </a>
      </p>
      {d.nachweise.length ? (
        <section className="kern-stack-sm" aria-labelledby="nachweise">
          <h2 className="kern-heading-small" id="nachweise">
            {t('portal.nachweise.titel')}
          </h2>
          <p className="kern-body">{t('portal.nachweise.text')}</p>
          <ul className="kern-list checkliste">
            {d.nachweise.map((n, i) => (
              <li key={`${n.art}-${i}`}>
                <span className={n.stand === 'offen' ? 'status' : 'status status--ok'}>{t(n.stand === 'erhalten' ? 'portal.nachweis.hochgeladen' : n.stand === 'wird_geprueft' ? 'portal.nachweis.wird_geprueft' : 'portal.nachweis.offen')}</span> {n.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="kern-stack-sm" aria-labelledby="hochladen">
        <h2 className="kern-heading-small" id="hochladen">
          {t('portal.hochladen.titel')}
        </h2>
        <p className="kern-body">{t('portal.hochladen.text')}</p>
        <UploadMeldung code={d.hochgeladen} />
        {d.dokumente.length ? (
          <ul className="kern-list">
            {d.dokumente.map((f) => (
              <li key={f.id}>
                {f.dateiname} – {t(`portal.datei.${f.status}`)}
                {f.status === 'abgelehnt' && f.meldung ? ` (${f.meldung})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={`/portal/antrag/${d.id}/dokumente`} encType="multipart/form-data" className="kern-stack-sm">
          <input type="hidden" name="_csrf" value={csrfToken} />
          {d.nachweise.length ? (
            <SelectField name="nachweis" label={t('portal.hochladen.nachweis')} options={[{ value: '', label: t('portal.hochladen.sonstiges') }, ...dedupe(d.nachweise)]} />
          ) : null}
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feld-datei">
              {t('portal.hochladen.datei')}
            </label>
            <div className="kern-hint" id="feld-datei-hinweis">
              {t('portal.hochladen.hinweis')}
            </div>
            <input className="kern-form-input__input" id="feld-datei" type="file" name="datei" accept="image/*,application/pdf" capture="environment" aria-describedby="feld-datei-hinweis" />
          </div>
          <SubmitButton variant="secondary">{t('portal.hochladen.knopf')}</SubmitButton>
        </form>
      </section>
      <PostForm csrfToken={csrfToken} action={`${basis(d.id)}/absenden`}>
        {d.art === 'erstantrag' && d.kommuneAusPlz ? <p className="kern-body">{t('portal.kommune_aus_plz', { name: d.kommuneAusPlz.name })}</p> : null}
        {d.art === 'erstantrag' && !d.kommuneAusPlz ? (
          <SelectField
            name="kommuneId"
            label={t('portal.kommune')}
            options={[{ value: '', label: t('portal.bitte_waehlen') }, ...d.kommunen.map((k) => ({ value: k.id, label: k.name }))]}
            defaultValue={d.kommuneVorschlag}
            error={errors.kommuneId}
          />
        ) : null}
        <div className="actions">
          <SubmitButton>{t('portal.absenden')}</SubmitButton>
        </div>
      </PostForm>
      <p className="kern-body">
        <a className="kern-link" href={d.zurueck}>
          {t('portal.zurueck')}
        </a>{' '}
        <a className="kern-link" href="/portal">
          {t('portal.spaeter')}
        </a>
      </p>
    </div>
  );
}

function UploadMeldung(p: { code: string | null }) {
  const t = usePT();
  if (!p.code) return null;
  if (p.code === 'sauber' || p.code === 'quarantaene') {
    return (
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
      <div className="kern-alert kern-alert--success" role="status">
        <div className="kern-alert__header">
          <span className="kern-title">{t(p.code === 'sauber' ? 'portal.hochladen.ok' : 'portal.hochladen.quarantaene')}</span>
        </div>
      </div>
    );
  }
  const key = p.code === 'keine_datei' ? 'portal.hochladen.keine_datei' : `dokument.fehler.${p.code.replace(/[^a-z_]/g, '')}`;
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-title">{t('dokument.fehler.titel')}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t(key)}</p>
      </div>
    </div>
  );
}

function dedupe(n: { art: string; text: string }[]) {
  const seen = new Set<string>();
  return n.filter((x) => (seen.has(x.art) ? false : (seen.add(x.art), true))).map((x) => ({ value: x.art, label: x.text }));
}

export const antragAbsendenRoute: RouteObject = {
  path: 'portal/antrag/:id/absenden',
  loader: absendenLoader,
  action: absendenAction,
  Component: AbsendenPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'vorort', citizen: true } satisfies PageHandle,
};

// ---- received -------------------------------------------------------------------------------------------------------

async function eingegangenLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const { app, lang } = web(context);
  const v = await entwurfLaden.execute({ ctx: app, actor, input: { id: params.id ?? '' } });
  if (v.entwurf.status === 'offen') throw redirect(basis(v.entwurf.id));
  const titel = text(v.entwurf.status === 'eingereicht' ? 'portal.eingegangen.titel' : 'portal.verworfen.titel', spracheVon(lang));
  return { titel, status: v.entwurf.status, antragsdatum: v.entwurf.antragsdatum, flowTitel: text(v.pf.titel, spracheVon(lang)) };
}

function EingegangenPage() {
  const d = useLoaderData<typeof eingegangenLoader>();
  const t = usePT();
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      {d.status === 'eingereicht' ? (
        <>
          <p className="kern-body">{t('portal.eingegangen.text', { datum: datumText(d.antragsdatum ?? '') })}</p>
          <p className="kern-body">
            <a className="kern-link" href="/portal/postfach">
              {t('portal.zum_postfach')}
            </a>
          </p>
        </>
      ) : null}
      <p className="kern-body">
        <a className="kern-link" href="/portal">
          {t('portal.zur_uebersicht')}
        </a>
      </p>
    </div>
  );
}

export const antragEingegangenRoute: RouteObject = {
  path: 'portal/antrag/:id/eingegangen',
  loader: eingegangenLoader,
  Component: EingegangenPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'vorort', citizen: true } satisfies PageHandle,
};
