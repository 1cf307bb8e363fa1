import { HEIZUNGSARTEN } from '../../../domain/fallakte/index.ts';
import { text as formularText } from '../../../domain/formular/texte/index.ts';
import { postfachZurBg } from '../../../server/portal/postfach.ts';
import { PostfachAbschnitt } from './postfach-abschnitt.tsx';
import { BewilligungAbschnitt } from './bewilligung-abschnitt.tsx';
import { listeBewilligungen } from '../../../server/bewilligung/liste-bewilligungen.ts';
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { einkommenDatenSchema } from '../../../domain/fallakte/index.ts';
import { aendereAdresse } from '../../../server/fall/aendere-adresse.ts';
import { aendereBankverbindung } from '../../../server/fall/aendere-bankverbindung.ts';
import { aendereEinkommen } from '../../../server/fall/aendere-einkommen.ts';
import { aendereUnterkunft } from '../../../server/fall/aendere-unterkunft.ts';
import { antragAnlegen } from '../../../server/fall/antrag-anlegen.ts';
import { antragStatusSetzen } from '../../../server/fall/antrag-status-setzen.ts';
import { standortSichtbar } from '../../../server/fall/common.ts';
import { formularDaten } from '../../../server/fall/formular-daten.ts';
import { ANTRAG_STATUS } from '../../../domain/fallakte/index.ts';
import { oeffneFallakte } from '../../../server/fall/oeffne-fallakte.ts';
import { vermerkAnlegen } from '../../../server/fall/vermerk-anlegen.ts';
import { wiedervorlageAnlegen } from '../../../server/fall/wiedervorlage-anlegen.ts';
import { wiedervorlageErledigen } from '../../../server/fall/wiedervorlage-erledigen.ts';
import { can } from '../../../server/policies.ts';
import { AdresseFormular, AntragFormular, AntragStatusFormular, BankFormular, UnterkunftFormular } from './akte-formulare.tsx';
import {
  DokumentFormular,
  dokumentRueckmeldung,
  PERSONEN_FELDER,
  PersonAendernFormular,
  personenAktion,
  personenFeld,
  PersonAufnehmenFormular,
  PersonAustrittFormular,
  SchliessenFormular,
  VermoegenAbschnitt,
} from './akte-personen.tsx';
import { heute } from '../../../server/fall/common.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, Fakten, formVersion, KonfliktHinweis, TextAreaField, Zurueck } from '../verwaltung/shared.tsx';
import { ART_TEXT, BETRAG_FEHLER, datumText, EINKOMMEN_TEXT, euroText, fallFormFailure, KANAL_TEXT, parseEuro, ROLLE_TEXT, STATUS_TEXT, zeitraumText, type FallFormResult } from './shared.tsx';

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const url = new URL(request.url);
  const stichtag = url.searchParams.get('stichtag') ?? undefined;
  const akte = await oeffneFallakte({ ctx: web(context).app, actor, id: params.id ?? '', stichtag: stichtag || undefined });
  const darfBearbeiten = can(actor, 'fall.bearbeiten');
  const kommunen = darfBearbeiten ? (await formularDaten({ ctx: web(context).app, actor })).kommunen : [];
  const postfach = await postfachZurBg({ ctx: web(context).app, actor, bgId: akte.bg.id });
  const bewilligung = can(actor, 'bewilligung.lesen') ? await listeBewilligungen({ ctx: web(context).app, actor, bgId: akte.bg.id }) : null;
  const bewilligungRechte = { bearbeiten: can(actor, 'bewilligung.bearbeiten'), freigeben: can(actor, 'bewilligung.freigeben') };
  // "Daten ändern" of one person (?person=…) and a refused upload (?dok_fehler=…) only matter to those who may edit.
  const personBearbeiten = darfBearbeiten ? (url.searchParams.get('person') ?? '') : '';
  const dokument = darfBearbeiten ? dokumentRueckmeldung(url) : null;
  return { akte, darfBearbeiten, kommunen, ich: actor.userId, postfach, bewilligung, bewilligungRechte, personBearbeiten, dokument, heute: heute(web(context).app.clock.now()) };
}

const istTag = (x: string | undefined) => /^\d{4}-\d{2}-\d{2}$/.test(x ?? '');

async function action({ context, request, params }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const ctx = web(context).app;
  const id = params.id ?? '';
  const form = await readForm(request);
  const aktion = form.get('_aktion');
  const values: Record<string, string> = {};
  for (const n of [
    'vermerk_text', 'wv_faellig', 'wv_grund', 'wv_mir', 'ek_person', 'ek_id', 'ek_ab', 'ek_art', 'ek_bezeichnung', 'ek_brutto', 'ek_netto', 'ek_betrag', 'ek_ende',
    'ku_ab', 'ku_grundmiete', 'ku_nebenkosten', 'ku_heizkosten', 'ku_warmwasser', 'ad_ab', 'ad_strasse', 'ad_hausnummer', 'ad_plz', 'ad_ort', 'ad_kommune',
    'bk_ab', 'bk_iban', 'bk_kontoinhaber', 'an_art', 'an_datum', 'an_kanal', ...PERSONEN_FELDER,
  ]) values[n] = form.get(n);
  const version = formVersion(form.get('version'));
  const fehlt = (errors: FieldErrors) => {
    web(context).reply.code(400);
    return { errors, values, aktion };
  };
  const zurueck = redirect(`/faelle/${id}`);
  try {
    const personen = await personenAktion({ context, ctx, actor, id, aktion, values, version });
    if (personen) return personen;
    if (aktion === 'vermerk') {
      if (!values.vermerk_text!.trim()) {
        web(context).reply.code(400);
        return { errors: { vermerk_text: 'Bitte geben Sie den Text des Vermerks ein.' }, values, aktion };
      }
      await vermerkAnlegen({ ctx, actor, id, text: values.vermerk_text! });
      flash(context, 'Der Vermerk wurde gespeichert.');
      return zurueck;
    }
    if (aktion === 'wiedervorlage') {
      const errors: FieldErrors = {};
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.wv_faellig!)) errors.wv_faellig = 'Bitte ein Datum angeben.';
      if (!values.wv_grund!.trim()) errors.wv_grund = 'Bitte geben Sie den Grund an.';
      if (Object.keys(errors).length) {
        web(context).reply.code(400);
        return { errors, values, aktion };
      }
      await wiedervorlageAnlegen({ ctx, actor, id, input: { faelligAm: values.wv_faellig!, grund: values.wv_grund!.trim(), zugewiesenAn: values.wv_mir === '1' ? actor.userId : null } });
      flash(context, `Wiedervorlage zum ${datumText(values.wv_faellig)} angelegt.`);
      return zurueck;
    }
    if (aktion === 'wv_erledigt') {
      await wiedervorlageErledigen({ ctx, actor, id: form.get('wv_id'), version: formVersion(form.get('version')) });
      flash(context, 'Die Wiedervorlage ist erledigt.');
      return zurueck;
    }
    if (aktion === 'unterkunft') {
      const errors: FieldErrors = {};
      const cent = (n: string) => {
        const r = parseEuro(values[n] ?? '');
        if (r === 'ungueltig' || r === null) errors[n] = BETRAG_FEHLER;
        return typeof r === 'number' ? r : 0;
      };
      const flaeche = (values.ku_wohnflaeche ?? '').trim();
      if (flaeche && (!/^\d{1,5}$/.test(flaeche) || Number(flaeche) < 1 || Number(flaeche) > 10000)) errors.ku_wohnflaeche = 'Bitte die Wohnfläche als ganze Zahl in m² angeben, z. B. 62.';
      const heizungsart = (HEIZUNGSARTEN as readonly string[]).includes(values.ku_heizungsart ?? '') ? (values.ku_heizungsart as (typeof HEIZUNGSARTEN)[number]) : null;
      const u = {
        grundmieteCent: cent('ku_grundmiete'),
        nebenkostenCent: cent('ku_nebenkosten'),
        heizkostenCent: cent('ku_heizkosten'),
        warmwasserDezentral: values.ku_warmwasser === '1',
        wohnflaecheQm: flaeche ? Number(flaeche) : null,
        heizungsart,
      };
      if (!istTag(values.ku_ab)) errors.ku_ab = 'Bitte ein Datum angeben.';
      if (Object.keys(errors).length) return fehlt(errors);
      await aendereUnterkunft({ ctx, actor, id, input: { version, ab: values.ku_ab!, unterkunft: u } });
      flash(context, `Die Kosten der Unterkunft ab ${datumText(values.ku_ab)} wurden gespeichert.`);
      return zurueck;
    }
    if (aktion === 'adresse') {
      const errors: FieldErrors = {};
      if (!istTag(values.ad_ab)) errors.ad_ab = 'Bitte ein Datum angeben.';
      for (const f of ['ad_strasse', 'ad_hausnummer', 'ad_ort']) if (!values[f]?.trim()) errors[f] = 'Bitte ausfüllen.';
      if (!/^\d{5}$/.test(values.ad_plz ?? '')) errors.ad_plz = 'Bitte eine fünfstellige Postleitzahl angeben.';
      if (!values.ad_kommune) errors.ad_kommune = 'Bitte wählen Sie die Kommune.';
      if (Object.keys(errors).length) return fehlt(errors);
      const bg = await aendereAdresse({
        ctx,
        actor,
        id,
        input: { version, ab: values.ad_ab!, adresse: { strasse: values.ad_strasse!.trim(), hausnummer: values.ad_hausnummer!.trim(), plz: values.ad_plz!, ort: values.ad_ort!.trim(), kommuneId: values.ad_kommune! } },
      });
      if (!standortSichtbar(actor, bg.standortId)) {
        flash(context, `Die neue Anschrift ab ${datumText(values.ad_ab)} wurde gespeichert. Die Fallakte und ihre offenen Anträge sind an den zuständigen Standort abgegeben.`);
        return redirect('/faelle');
      }
      flash(context, `Die neue Anschrift ab ${datumText(values.ad_ab)} wurde gespeichert.`);
      return zurueck;
    }
    if (aktion === 'bank') {
      const errors: FieldErrors = {};
      if (!istTag(values.bk_ab)) errors.bk_ab = 'Bitte ein Datum angeben.';
      if (!values.bk_iban?.trim()) errors.bk_iban = 'Bitte die IBAN angeben.';
      if (!values.bk_kontoinhaber?.trim()) errors.bk_kontoinhaber = 'Bitte den Kontoinhaber angeben.';
      if (Object.keys(errors).length) return fehlt(errors);
      await aendereBankverbindung({ ctx, actor, id, input: { version, ab: values.bk_ab!, bank: { iban: values.bk_iban!, kontoinhaber: values.bk_kontoinhaber!.trim() } } });
      flash(context, `Die Bankverbindung ab ${datumText(values.bk_ab)} wurde gespeichert.`);
      return zurueck;
    }
    if (aktion === 'antrag') {
      if (!istTag(values.an_datum)) return fehlt({ an_datum: 'Bitte ein Datum angeben.' });
      const art = values.an_art === 'weiterbewilligung' ? 'weiterbewilligung' : 'veraenderung';
      const kanal = values.an_kanal === 'telefon' || values.an_kanal === 'schalter' ? values.an_kanal : 'papier';
      await antragAnlegen({ ctx, actor, id, input: { art, antragsdatum: values.an_datum!, eingangskanal: kanal } });
      flash(context, 'Der Antrag liegt im Arbeitsvorrat.');
      return zurueck;
    }
    if (aktion === 'status') {
      const status = form.get('status');
      if (!(ANTRAG_STATUS as readonly string[]).includes(status)) return fehlt({ status: 'Bitte einen Status wählen.' });
      await antragStatusSetzen({ ctx, actor, id: form.get('antrag'), status, version });
      flash(context, `Status „${STATUS_TEXT[status] ?? status}“ gespeichert.`);
      return zurueck;
    }
    if (aktion === 'einkommen') {
      const errors: FieldErrors = {};
      const cent = (n: string) => {
        const r = parseEuro(values[n] ?? '');
        if (r === 'ungueltig') errors[n] = BETRAG_FEHLER;
        return r === 'ungueltig' ? null : r;
      };
      const ende = values.ek_ende === '1';
      let einkommen: unknown = null;
      if (!ende) {
        const art = values.ek_art || 'erwerbstaetigkeit';
        einkommen =
          art === 'erwerbstaetigkeit'
            ? { art, bezeichnung: values.ek_bezeichnung || undefined, bruttoCent: cent('ek_brutto') ?? 0, nettoCent: cent('ek_netto') ?? 0 }
            : { art, bezeichnung: values.ek_bezeichnung || undefined, betragCent: cent('ek_betrag') ?? 0 };
        const p = einkommenDatenSchema.safeParse(einkommen);
        if (!p.success) errors.ek_art = 'Bitte prüfen Sie Art und Beträge des Einkommens.';
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.ek_ab!)) errors.ek_ab = 'Bitte ein Datum angeben.';
      if (!values.ek_person) errors.ek_person = 'Bitte wählen Sie die Person.';
      if (ende && !values.ek_id) errors.ek_id = 'Bitte wählen Sie das Einkommen, das endet.';
      if (Object.keys(errors).length) {
        web(context).reply.code(400);
        return { errors, values, aktion };
      }
      await aendereEinkommen({
        ctx,
        actor,
        id,
        input: {
          version: formVersion(form.get('version')),
          ab: values.ek_ab!,
          personId: values.ek_person!,
          ...(values.ek_id ? { einkommenId: values.ek_id } : {}),
          einkommen: einkommen as never,
        },
      });
      flash(context, `Die Einkommensänderung ab ${datumText(values.ek_ab)} wurde gespeichert.`);
      return zurueck;
    }
    return zurueck;
  } catch (err) {
    const feld = (p: string) => {
      const f = personenFeld(aktion, p);
      if (f) return f;
      if (aktion === 'einkommen') return `ek_${p === 'ab' ? 'ab' : p.startsWith('einkommen') ? 'art' : 'person'}`;
      if (aktion === 'bank') return p === 'ab' ? 'bk_ab' : p.endsWith('kontoinhaber') ? 'bk_kontoinhaber' : 'bk_iban';
      if (aktion === 'adresse') return p === 'ab' ? 'ad_ab' : p.endsWith('kommuneId') ? 'ad_kommune' : `ad_${p.split('.').pop()}`;
      if (aktion === 'unterkunft') return p === 'ab' ? 'ku_ab' : `ku_${(p.split('.').pop() ?? '').replace('Cent', '')}`;
      if (aktion === 'antrag') return 'an_datum';
      return aktion === 'wiedervorlage' ? 'wv_grund' : 'vermerk_text';
    };
    return fallFormFailure(context, err, values, feld, aktion);
  }
}

function Abschnitt(p: { id: string; titel: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={p.id} className="kern-stack-md">
      <h2 className="kern-heading-medium" id={p.id}>
        {p.titel}
      </h2>
      {p.children}
    </section>
  );
}

type AkteDaten = Awaited<ReturnType<typeof loader>>;

/** Choice keys of the application (Familienstand, Heizungsart, Verhältnis …) in the German words of the form. */
function optionText(wert: string): string {
  const t = formularText(`option.${wert}`, 'de');
  return t === `option.${wert}` ? wert : t;
}

const ABSCHNITTE: [string, string][] = [
  ['antraege', 'Anträge'],
  ['bewilligung', 'Bewilligung und Bescheide'],
  ['personen', 'Personen'],
  ['wohnung', 'Anschrift und Unterkunft'],
  ['unterhalt', 'Unterhaltspflichtige'],
  ['bank', 'Bankverbindung'],
  ['einkommen', 'Einkommen'],
  ['vermoegen', 'Vermögen'],
  ['wiedervorlagen', 'Wiedervorlagen'],
  ['vermerke', 'Vermerke'],
  ['dokumente', 'Dokumente'],
  ['verlauf', 'Verlauf'],
  ['postfach', 'Postfach'],
];

/**
 * Overview at the top of the Fallakte: status, the Bewilligung in force, open Anträge, the next Wiedervorlage, and
 * anchor links to every section — the most used parts are one tap away on a phone.
 */
function Ueberblick(p: { akte: AkteDaten['akte']; bewilligung: AkteDaten['bewilligung']; heute: string; offeneWv: AkteDaten['akte']['wiedervorlagen'] }) {
  const monat = p.heute.slice(0, 7);
  const laufend = p.bewilligung?.bewilligungen.find((b) => b.status === 'bewilligt' && b.beginn <= monat && b.ende >= monat);
  const offen = p.akte.antraege.filter((a) => a.status !== 'entschieden' && a.status !== 'zurueckgenommen');
  const naechste = [...p.offeneWv].sort((a, b) => (a.faelligAm < b.faelligAm ? -1 : 1))[0];
  const abschnitte = ABSCHNITTE.filter(([id]) => (id === 'bank' ? p.akte.bankSichtbar : id === 'bewilligung' ? p.bewilligung !== null : true));
  return (
    <section aria-labelledby="ueberblick" className="kern-stack-sm akte-ueberblick">
      <h2 className="kern-heading-medium" id="ueberblick">
        Überblick
      </h2>
      <Fakten
        items={[
          ['Aktuelle Bewilligung', laufend ? `${monatText(laufend.beginn)} bis ${monatText(laufend.ende)}` : 'keine für diesen Monat'],
          ['Offene Anträge', offen.length ? offen.map((a) => `${ART_TEXT[a.art] ?? a.art} vom ${datumText(a.antragsdatum)} (${STATUS_TEXT[a.status] ?? a.status})`).join('; ') : 'keine'],
          ['Nächste Wiedervorlage', naechste ? `${datumText(naechste.faelligAm)}: ${naechste.grund}` : 'keine'],
        ]}
      />
      <nav aria-label="Abschnitte der Fallakte">
        <ul className="kern-list akte-nav">
          {abschnitte.map(([id, titel]) => (
            <li key={id}>
              <a className="kern-link" href={`#${id}`}>
                {titel}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}

const monatText = (jjjjmm: string) => `${jjjjmm.slice(5, 7)}/${jjjjmm.slice(0, 4)}`;

/** Familienstand and contact of each person, as far as stated (from the application or changed later). */
function PersonAngaben(p: { personen: AkteDaten['akte']['zustand']['personen'] }) {
  const mit = p.personen.filter((x) => x.familienstand || x.telefon || x.email);
  if (mit.length === 0) return null;
  return (
    <dl className="kern-description-list">
      {mit.map((x) => (
        <div className="kern-description-list-item" key={x.id}>
          <dt className="kern-description-list-item__key">{`${x.vorname} ${x.nachname}`}</dt>
          <dd className="kern-description-list-item__value">
            {[x.familienstand ? `Familienstand: ${optionText(x.familienstand)}` : null, x.telefon ? `Telefon: ${x.telefon}` : null, x.email ? `E-Mail: ${x.email}` : null]
              .filter(Boolean)
              .join(' · ')}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const ja = (b: boolean | null, jaText: string, neinText: string) => (b === null ? 'unbekannt' : b ? jaText : neinText);

/** Persons outside the household who owe maintenance: who, relation, for whom, whether and how much they pay. */
function Unterhaltspflichtige(p: { liste: AkteDaten['akte']['zustand']['unterhaltspflichtige']; name: (personId: string | null) => string }) {
  if (p.liste.length === 0) return <p className="kern-body">Keine unterhaltspflichtigen Personen angegeben.</p>;
  return (
    <ul className="kern-list">
      {p.liste.map((u) => (
        <li key={u.id}>
          {`${u.name} (${optionText(u.verhaeltnis)})${u.fuerPersonId ? `, für ${p.name(u.fuerPersonId)}` : ''} – zahlt: ${ja(u.zahlt, 'ja', 'nein')}${
            typeof u.betragCent === 'number' ? `, ${euroText(u.betragCent)} monatlich` : ''
          }; Unterhaltstitel: ${ja(u.titel, 'ja', 'nein')} (${zeitraumText(u.gueltigVon, u.gueltigBis)})`}
        </li>
      ))}
    </ul>
  );
}

function FallaktePage() {
  const { akte, darfBearbeiten, kommunen, postfach, bewilligung, bewilligungRechte, ich, personBearbeiten, dokument, heute: heuteTag } = useLoaderData<typeof loader>();
  const result = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const e = { ...result?.errors, ...dokument?.errors };
  const v = result?.values ?? {};
  const z = akte.zustand;
  const name = (personId: string | null) => {
    const p = akte.daten.stammdaten.filter((s) => s.personId === personId).at(-1);
    return p ? `${p.vorname} ${p.nachname}` : '–';
  };
  const einkommen = z.personen.flatMap((p) => p.einkommen.map((ek) => ({ ...ek, person: `${p.vorname} ${p.nachname}` })));
  const offeneWv = akte.wiedervorlagen.filter((w) => !w.erledigtAm);
  const basis = { csrfToken, bgId: akte.bg.id, version: akte.bg.version, v, e };
  const bearbeitet = z.personen.find((p) => p.id === (result?.aktion === 'person_aendern' ? v.pa_person : personBearbeiten));
  const letzterTag = akte.bg.status === 'geschlossen' ? akte.daten.mitgliedschaften.reduce<string | null>((m, x) => (x.gueltigBis && (!m || x.gueltigBis > m) ? x.gueltigBis : m), null) : null;
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/faelle" label="Fälle" />
      <h1 className="kern-heading-large">{`Fallakte ${akte.bg.fallnummer}`}</h1>
      <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={result?.konflikt} />
      <Fakten
        items={[
          ['Zuständiger Standort', akte.bg.standortName],
          ['Status', akte.bg.status === 'aktiv' ? 'aktiv' : `geschlossen${letzterTag ? ` (letzter Tag ${datumText(letzterTag)})` : ''}`],
          ['Stand', `${datumText(akte.stichtag)}${akte.daten.mitgliedschaften.length ? '' : ' (keine Personen erfasst)'}`],
        ]}
      />
      <Ueberblick akte={akte} bewilligung={bewilligung} heute={heuteTag} offeneWv={offeneWv} />
      <form method="get" action={`/faelle/${akte.bg.id}`} className="filter-bar" aria-label="Stand der Fallakte">
        <TextField name="stichtag" label="Stand am" type="date" hint="Zeigt die Fallakte, wie sie an diesem Tag galt" defaultValue={akte.stichtag} />
        <button className="kern-btn kern-btn--secondary" type="submit">
          <span className="kern-label">Anzeigen</span>
        </button>
      </form>


      <Abschnitt id="personen" titel="Personen">
        {z.personen.length === 0 ? (
          <p className="kern-body">An diesem Tag gehörte niemand zur Bedarfsgemeinschaft.</p>
        ) : (
          <TabellenBereich label={`Personen am ${datumText(akte.stichtag)}`}>
            <table className="kern-table">
              <caption className="kern-title">Personen am {datumText(akte.stichtag)}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Name</th>
                  <th scope="col" className="kern-table__header">Geburtsdatum</th>
                  <th scope="col" className="kern-table__header">Rolle</th>
                  <th scope="col" className="kern-table__header">Zugehörigkeit</th>
                  <th scope="col" className="kern-table__header">Staatsangehörigkeit</th>
                  <th scope="col" className="kern-table__header">Merkmale</th>
                  {darfBearbeiten ? (
                    <th scope="col" className="kern-table__header">
                      <span className="sr-only">Aktion</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {z.personen.map((p) => {
                  const m = p.merkmale;
                  const merkmale = [
                    m?.erwerbsfaehig === false ? 'nicht erwerbsfähig' : null,
                    m?.schwanger ? 'schwanger' : null,
                    m?.mehrbedarfBehinderung ? 'Mehrbedarf Behinderung' : null,
                    m?.mehrbedarfErnaehrungCent ? `Mehrbedarf Ernährung ${euroText(m.mehrbedarfErnaehrungCent)}` : null,
                    m?.alleinerziehend ? 'alleinerziehend' : null,
                  ].filter(Boolean);
                  return (
                    <tr className="kern-table__row" key={p.id} id={`person-${p.id}`}>
                      <th scope="row" className="kern-table__cell">{`${p.nachname}, ${p.vorname}`}</th>
                      <td className="kern-table__cell">{datumText(p.geburtsdatum)}</td>
                      <td className="kern-table__cell">{ROLLE_TEXT[p.rolle] ?? p.rolle}</td>
                      <td className="kern-table__cell">
                        {p.inBg ? 'Bedarfsgemeinschaft' : 'nur Haushalt'} seit {datumText(p.mitgliedSeit)}
                      </td>
                      <td className="kern-table__cell">{p.staatsangehoerigkeit}</td>
                      <td className="kern-table__cell">{merkmale.length ? merkmale.join(', ') : '–'}</td>
                      {darfBearbeiten ? (
                        <td className="kern-table__cell">
                          <a className="kern-link" href={`/faelle/${akte.bg.id}?stichtag=${akte.stichtag}&person=${p.id}#person-aendern`}>
                            Daten ändern<span className="sr-only">{` von ${p.vorname} ${p.nachname}`}</span>
                          </a>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        <PersonAngaben personen={z.personen} />
        {darfBearbeiten ? (
          <>
            <PersonAendernFormular {...basis} offen person={bearbeitet} stichtag={akte.stichtag} />
            <PersonAufnehmenFormular {...basis} offen={result?.aktion === 'person_aufnehmen'} />
            {z.personen.length ? <PersonAustrittFormular {...basis} offen={result?.aktion === 'person_austritt'} personen={z.personen} /> : null}
          </>
        ) : null}
      </Abschnitt>

      <Abschnitt id="wohnung" titel="Anschrift und Unterkunft">
        <Fakten
          items={[
            ['Anschrift', z.adresse ? `${z.adresse.strasse} ${z.adresse.hausnummer}${z.adresse.zusatz ? `, ${z.adresse.zusatz}` : ''}, ${z.adresse.plz} ${z.adresse.ort} (${zeitraumText(z.adresse.gueltigVon, z.adresse.gueltigBis)})` : '–'],
            ['Grundmiete', z.unterkunft ? euroText(z.unterkunft.grundmieteCent) : '–'],
            ['Nebenkosten', z.unterkunft ? euroText(z.unterkunft.nebenkostenCent) : '–'],
            ['Heizkosten', z.unterkunft ? euroText(z.unterkunft.heizkostenCent) : '–'],
            ['Warmwasser', z.unterkunft ? (z.unterkunft.warmwasserDezentral ? 'dezentral' : 'zentral') : '–'],
            ['Wohnfläche', z.unterkunft?.wohnflaecheQm ? `${z.unterkunft.wohnflaecheQm} m²` : 'nicht angegeben'],
            ['Heizungsart', z.unterkunft?.heizungsart ? optionText(z.unterkunft.heizungsart) : 'nicht angegeben'],
          ]}
        />
        {darfBearbeiten ? (
          <>
            <AdresseFormular csrfToken={csrfToken} bgId={akte.bg.id} version={akte.bg.version} v={v} e={e} offen={result?.aktion === 'adresse'} kommunen={kommunen} />
            <UnterkunftFormular csrfToken={csrfToken} bgId={akte.bg.id} version={akte.bg.version} v={v} e={e} offen={result?.aktion === 'unterkunft'} aktuell={z.unterkunft} />
          </>
        ) : null}
      </Abschnitt>

      <Abschnitt id="unterhalt" titel="Unterhaltspflichtige">
        <Unterhaltspflichtige liste={z.unterhaltspflichtige} name={name} />
      </Abschnitt>

      {akte.bankSichtbar ? (
        <Abschnitt id="bank" titel="Bankverbindung">
          <Fakten
            items={[
              ['IBAN', z.bank ? z.bank.iban.replace(/(.{4})/g, '$1 ').trim() : '–'],
              ['Kontoinhaber/in', z.bank?.kontoinhaber ?? '–'],
              ['Gültig', z.bank ? zeitraumText(z.bank.gueltigVon, z.bank.gueltigBis) : '–'],
            ]}
          />
          {darfBearbeiten ? <BankFormular csrfToken={csrfToken} bgId={akte.bg.id} version={akte.bg.version} v={v} e={e} offen={result?.aktion === 'bank'} /> : null}
        </Abschnitt>
      ) : null}

      <Abschnitt id="einkommen" titel="Einkommen">
        {einkommen.length === 0 ? (
          <p className="kern-body">An diesem Tag ist kein Einkommen erfasst.</p>
        ) : (
          <TabellenBereich label={`Einkommen am ${datumText(akte.stichtag)} (monatlich)`}>
            <table className="kern-table">
              <caption className="kern-title">Einkommen am {datumText(akte.stichtag)} (monatlich)</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Person</th>
                  <th scope="col" className="kern-table__header">Art</th>
                  <th scope="col" className="kern-table__header">Betrag</th>
                  <th scope="col" className="kern-table__header">Zeitraum</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {einkommen.map((ek) => (
                  <tr className="kern-table__row" key={ek.id}>
                    <th scope="row" className="kern-table__cell">{ek.person}</th>
                    <td className="kern-table__cell">
                      {EINKOMMEN_TEXT[ek.art] ?? ek.art}
                      {ek.bezeichnung ? ` (${ek.bezeichnung})` : ''}
                    </td>
                    <td className="kern-table__cell">{ek.art === 'erwerbstaetigkeit' ? `brutto ${euroText(ek.bruttoCent)}, netto ${euroText(ek.nettoCent)}` : euroText(ek.betragCent)}</td>
                    <td className="kern-table__cell">{zeitraumText(ek.gueltigVon, ek.gueltigBis)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        {darfBearbeiten && z.personen.length ? (
          <details className="kern-stack-sm" open={result?.aktion === 'einkommen'}>
            <summary className="kern-body">Einkommen ab einem Tag ändern, neu erfassen oder beenden</summary>
            <PostForm csrfToken={csrfToken} action={`/faelle/${akte.bg.id}`} aria-label="Einkommen ändern">
              <input type="hidden" name="version" value={akte.bg.version} />
              <SelectField name="ek_person" label="Person" options={z.personen.map((p) => ({ value: p.id, label: `${p.vorname} ${p.nachname}` }))} defaultValue={v.ek_person} error={e.ek_person} />
              <SelectField
                name="ek_id"
                label="Bisheriges Einkommen"
                hint="Leer lassen für ein zusätzliches neues Einkommen"
                options={[{ value: '', label: 'neues Einkommen' }, ...einkommen.map((ek) => ({ value: ek.id, label: `${ek.person}: ${EINKOMMEN_TEXT[ek.art] ?? ek.art}${ek.bezeichnung ? ` (${ek.bezeichnung})` : ''}` }))]}
                defaultValue={v.ek_id}
                error={e.ek_id}
              />
              <TextField name="ek_ab" label="Gültig ab" type="date" hint="Das bisherige Einkommen endet am Vortag" defaultValue={v.ek_ab} error={e.ek_ab} />
              <Checkbox name="ek_ende" label="Das Einkommen endet (kein neuer Betrag)" checked={v.ek_ende === '1'} />
              <SelectField name="ek_art" label="Art" options={Object.entries(EINKOMMEN_TEXT).map(([value, label]) => ({ value, label }))} defaultValue={v.ek_art ?? 'erwerbstaetigkeit'} error={e.ek_art} />
              <TextField name="ek_bezeichnung" label="Bezeichnung, z. B. Arbeitgeber" optionalLabel="optional" defaultValue={v.ek_bezeichnung} />
              <TextField name="ek_brutto" label="Brutto monatlich (Euro, bei Erwerbseinkommen)" inputMode="decimal" defaultValue={v.ek_brutto} error={e.ek_brutto} />
              <TextField name="ek_netto" label="Netto monatlich (Euro, bei Erwerbseinkommen)" inputMode="decimal" defaultValue={v.ek_netto} error={e.ek_netto} />
              <TextField name="ek_betrag" label="Betrag monatlich (Euro, andere Arten)" inputMode="decimal" defaultValue={v.ek_betrag} error={e.ek_betrag} />
              <SubmitButton name="_aktion" value="einkommen">
                Einkommensänderung speichern
              </SubmitButton>
            </PostForm>
          </details>
        ) : null}
      </Abschnitt>

      <Abschnitt id="vermoegen" titel="Vermögen">
        <VermoegenAbschnitt {...basis} offen={result?.aktion === 'vermoegen'} personen={z.personen} stichtag={akte.stichtag} darfBearbeiten={darfBearbeiten} />
      </Abschnitt>

      <Abschnitt id="antraege" titel="Anträge">
        {akte.antraege.length === 0 ? (
          <p className="kern-body">Keine Anträge.</p>
        ) : (
          <ul className="kern-list">
            {akte.antraege.map((a) => (
              <li key={a.id} className="kern-stack-xs">
                <span>
                  {`${ART_TEXT[a.art] ?? a.art} vom ${datumText(a.antragsdatum)} (${KANAL_TEXT[a.eingangskanal] ?? a.eingangskanal}) – ${STATUS_TEXT[a.status] ?? a.status}`}
                  {a.bearbeiterName ? `, bearbeitet von ${a.bearbeiterName}` : ', nicht zugewiesen'}
                  {a.faelligAm ? `, Frist ${datumText(a.faelligAm)}` : ''}
                </span>
                {a.eingangskanal === 'online' ? (
                  <a className="kern-link" href={`/api/antraege/${a.id}/antrag.pdf`}>
                    Eingereichten Antrag ansehen (PDF)<span className="sr-only">{` vom ${datumText(a.antragsdatum)}`}</span>
                  </a>
                ) : null}
                {a.status === 'entschieden' && a.bewilligungId ? (
                  <a className="kern-link" href="#bewilligung">
                    Entschieden mit der Bewilligung – Bescheid im Abschnitt „Bewilligung und Bescheide“
                  </a>
                ) : null}
                {darfBearbeiten ? <AntragStatusFormular csrfToken={csrfToken} bgId={akte.bg.id} antrag={a} /> : null}
              </li>
            ))}
          </ul>
        )}
        {darfBearbeiten ? <AntragFormular csrfToken={csrfToken} bgId={akte.bg.id} v={v} e={e} offen={result?.aktion === 'antrag'} /> : null}
      </Abschnitt>

      <Abschnitt id="wiedervorlagen" titel="Wiedervorlagen">
        {offeneWv.length === 0 ? (
          <p className="kern-body">Keine offenen Wiedervorlagen.</p>
        ) : (
          <ul className="kern-list">
            {offeneWv.map((w) => (
              <li key={w.id} className="actions">
                <span>
                  {datumText(w.faelligAm)}: {w.grund}
                  {w.zugewiesenName ? ` (${w.zugewiesenName})` : ''}
                </span>
                {darfBearbeiten ? (
                  <PostForm csrfToken={csrfToken} action={`/faelle/${akte.bg.id}`} className="inline-form" aria-label={`Wiedervorlage vom ${datumText(w.faelligAm)} erledigen`}>
                    <input type="hidden" name="wv_id" value={w.id} />
                    <input type="hidden" name="version" value={w.version} />
                    <SubmitButton variant="tertiary" name="_aktion" value="wv_erledigt">
                      Erledigt
                    </SubmitButton>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {darfBearbeiten ? (
          <PostForm csrfToken={csrfToken} action={`/faelle/${akte.bg.id}`} aria-label="Wiedervorlage anlegen" className="kern-stack-md form-narrow">
            <TextField name="wv_faellig" label="Wiedervorlage am" type="date" defaultValue={v.wv_faellig} error={e.wv_faellig} />
            <TextField name="wv_grund" label="Grund" defaultValue={v.wv_grund} error={e.wv_grund} />
            <Checkbox name="wv_mir" label="Mir zuweisen" checked={v.wv_mir === '1'} />
            <SubmitButton variant="secondary" name="_aktion" value="wiedervorlage">
              Wiedervorlage anlegen
            </SubmitButton>
          </PostForm>
        ) : null}
      </Abschnitt>

      <Abschnitt id="vermerke" titel="Vermerke">
        {akte.vermerke.length === 0 ? (
          <p className="kern-body">Noch keine Vermerke.</p>
        ) : (
          <ul className="kern-list">
            {akte.vermerke.map((vm) => (
              <li key={vm.id}>
                <span className="pre-line">{vm.text}</span> <span className="kern-body kern-body--small">– {vm.createdByName}, {berlinZeit(vm.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {darfBearbeiten ? (
          <PostForm csrfToken={csrfToken} action={`/faelle/${akte.bg.id}`} aria-label="Vermerk anlegen" className="kern-stack-md form-narrow">
            <TextAreaField name="vermerk_text" label="Neuer Vermerk" defaultValue={v.vermerk_text} error={e.vermerk_text} />
            <SubmitButton variant="secondary" name="_aktion" value="vermerk">
              Vermerk speichern
            </SubmitButton>
          </PostForm>
        ) : null}
      </Abschnitt>

      <Abschnitt id="dokumente" titel="Dokumente">
        {akte.dokumente.length === 0 ? (
          <p className="kern-body">Keine Dokumente.</p>
        ) : (
          <ul className="kern-list">
            {akte.dokumente.map((d) => (
              <li key={d.id}>
                <a className="kern-link" href={`/api/faelle/${akte.bg.id}/dokumente/${d.id}`}>
                  {d.titel}
                </a>{' '}
                ({d.dateiname}, {Math.ceil(d.groesse / 1024)} KB, eingegangen am {datumText(d.eingegangenAm)})
              </li>
            ))}
          </ul>
        )}
        {darfBearbeiten ? <DokumentFormular csrfToken={csrfToken} bgId={akte.bg.id} personen={z.personen} rueckmeldung={dokument} heute={heuteTag} /> : null}
      </Abschnitt>

      <Abschnitt id="verlauf" titel="Verlauf">
        <TabellenBereich label="Verlauf: alle Änderungen, neueste zuerst">
          <table className="kern-table">
            <caption className="kern-title">Alle Änderungen, neueste zuerst</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Zeitpunkt</th>
                <th scope="col" className="kern-table__header">Von</th>
                <th scope="col" className="kern-table__header">Änderung</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {akte.ereignisse.map((ev) => (
                <tr className="kern-table__row" key={`${ev.id}`}>
                  <th scope="row" className="kern-table__cell">{berlinZeit(ev.at)}</th>
                  <td className="kern-table__cell">{ev.actorName}</td>
                  <td className="kern-table__cell">
                    {ev.beschreibung}
                    {ev.personId ? ` (${name(ev.personId)})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      </Abschnitt>
      {darfBearbeiten && akte.bg.status === 'aktiv' ? (
        <Abschnitt id="schliessen" titel="Ende des Leistungsbezugs">
          <SchliessenFormular {...basis} offen={result?.aktion === 'schliessen'} />
        </Abschnitt>
      ) : null}
      <BewilligungAbschnitt bgId={akte.bg.id} csrfToken={csrfToken} darfBearbeiten={bewilligungRechte.bearbeiten} darfFreigeben={bewilligungRechte.freigeben} ich={ich} daten={bewilligung} />
      <PostfachAbschnitt bgId={akte.bg.id} csrfToken={csrfToken} darfBearbeiten={darfBearbeiten} postfach={postfach} />
    </div>
  );
}

export const fallakteRoute: RouteObject = {
  path: 'faelle/:id',
  loader,
  action,
  Component: FallaktePage,
  handle: { title: (d: { akte: { bg: { fallnummer: string } } } | undefined) => (d ? `Fallakte ${d.akte.bg.fallnummer}` : 'Fallakte') } satisfies PageHandle,
};
