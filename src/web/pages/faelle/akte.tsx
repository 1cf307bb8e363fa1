import { text as formularText } from '../../../domain/formular/texte/index.ts';
import { istElb } from '../../../domain/foerdern/status.ts';
import { postfachZurBg } from '../../../server/portal/postfach-zur-bg.ts';
import { PostfachAbschnitt } from './postfach-abschnitt.tsx';
import { BewilligungAbschnitt } from './bewilligung-abschnitt.tsx';
import { KDU_EMPFAENGER_AKTIONEN, KDU_EMPFAENGER_FELDER, KduEmpfaengerAbschnitt, ladeKduEmpfaenger } from './kdu-empfaenger-abschnitt.tsx';
import { bewilligungenListen } from '../../../server/bewilligung/liste-bewilligungen.ts';
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { aendereAdresse } from '../../../server/fall/aendere-adresse.ts';
import { aendereBankverbindung } from '../../../server/fall/aendere-bankverbindung.ts';
import { aendereEinkommen } from '../../../server/fall/aendere-einkommen.ts';
import { AUSBILDUNG_TEXT } from '../../../server/fall/aendere-person.ts';
import type { EinkommenPeriode } from '../../../domain/fallakte/index.ts';
import { aendereUnterkunft } from '../../../server/fall/aendere-unterkunft.ts';
import { antragAnlegen } from '../../../server/fall/antrag-anlegen.ts';
import { antragStatusSetzen } from '../../../server/fall/antrag-status-setzen.ts';
import { standortSichtbar } from '../../../server/fall/zugriff.ts';
import { formularDaten } from '../../../server/fall/formular-daten.ts';
import { oeffneFallakte } from '../../../server/fall/oeffne-fallakte.ts';
import { verfahrenListe } from '../../../server/fordern/verfahren-liste.ts';
import { vermerkAnlegen } from '../../../server/fall/vermerk-anlegen.ts';
import { wiedervorlageAnlegen } from '../../../server/fall/wiedervorlage-anlegen.ts';
import { wiedervorlageErledigen } from '../../../server/fall/wiedervorlage-erledigen.ts';
import { can } from '../../../server/policies.ts';
import { AdresseFormular, AntragFormular, AntragStatusFormular, BankFormular, UnterkunftFormular } from './akte-formulare.tsx';
import {
  DokumentFormular,
  dokumentRueckmeldung,
  PERSONEN_AKTIONEN,
  PERSONEN_FELDER,
  PersonAendernFormular,
  PersonAufnehmenFormular,
  PersonAustrittFormular,
  SchliessenFormular,
  VermoegenAbschnitt,
} from './akte-personen.tsx';
import { heute } from '../../../server/clock.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, Fakten, KonfliktHinweis, TextAreaField, Zurueck } from '../verwaltung/shared.tsx';
import { ART_TEXT, datumText, EINKOMMEN_TEXT, euroText, fallAktion, fallAktionAusfuehren, integrationsLink, IntegrationsLink, KANAL_TEXT, ROLLE_TEXT, STATUS_TEXT, zeitraumText, type FallAktion, type FallFormResult } from './shared.tsx';

async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.lesen');
  const url = new URL(request.url);
  const stichtag = url.searchParams.get('stichtag') ?? undefined;
  const akte = await oeffneFallakte.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '', stichtag } });
  const darfBearbeiten = can(actor, 'fall.bearbeiten');
  const kommunen = darfBearbeiten ? (await formularDaten.execute({ ctx: web(context).app, actor, input: {} })).kommunen : [];
  const postfach = await postfachZurBg({ ctx: web(context).app, actor, bgId: akte.bg.id });
  const bewilligung = can(actor, 'bewilligung.lesen') ? await bewilligungenListen.execute({ ctx: web(context).app, actor, input: { id: akte.bg.id } }) : null;
  const bewilligungRechte = { bearbeiten: can(actor, 'bewilligung.bearbeiten'), freigeben: can(actor, 'bewilligung.freigeben') };
  // "Daten ändern" of one person (?person=…) and a refused upload (?dok_fehler=…) only matter to those who may edit.
  const personBearbeiten = darfBearbeiten ? (url.searchParams.get('person') ?? '') : '';
  const dokument = darfBearbeiten ? dokumentRueckmeldung(url) : null;
  // the Minderungsverfahren of the BG's persons (Fordern), for those who may read them
  const minderungsverfahren = can(actor, 'fordern.lesen') ? (await verfahrenListe.execute({ ctx: web(context).app, actor, input: { bgId: akte.bg.id } })).verfahren : null;
  // payees of the KdU (§ 22 Abs. 7, § 7b Abs. 4 SGB II), for those who may see bank details
  const kduEmpfaenger = akte.bankSichtbar ? await ladeKduEmpfaenger(context, actor, akte.bg.id) : null;
  return { akte, darfBearbeiten, kommunen, ich: actor.userId, postfach, bewilligung, bewilligungRechte, personBearbeiten, dokument, minderungsverfahren, kduEmpfaenger, heute: heute(web(context).app.clock.now()), darfEinladen: can(actor, 'termine.bearbeiten') };
}

/** Form fields the page reads (shown again with the messages after a refusal). */
const FELDER = [
  'version', 'wv_id', 'antrag', 'status',
  'vermerk_text', 'wv_faellig', 'wv_grund', 'wv_mir', 'ek_person', 'ek_id', 'ek_ab', 'ek_art', 'ek_bezeichnung', 'ek_brutto', 'ek_netto', 'ek_betrag', 'ek_ende',
  'ek_ferienjob', 'ek_gewinn', 'ek_gewinn_netto', 'ek_zufluss', 'ek_erbschaft',
  'ku_ab', 'ku_grundmiete', 'ku_nebenkosten', 'ku_heizkosten', 'ku_warmwasser', 'ku_wohnflaeche', 'ku_heizungsart',
  'ad_ab', 'ad_strasse', 'ad_hausnummer', 'ad_plz', 'ad_ort', 'ad_kommune',
  'bk_ab', 'bk_iban', 'bk_kontoinhaber', 'an_art', 'an_datum', 'an_kanal', ...PERSONEN_FELDER, ...KDU_EMPFAENGER_FELDER,
];

const zurueck = (id: string) => redirect(`/faelle/${id}`);

/** The income form's fields → the use case's income (by its kind); the schema checks them. */
function einkommenAusFormular(v: Record<string, string>) {
  const basis = { art: v.ek_art, bezeichnung: v.ek_bezeichnung };
  if (v.ek_art === 'erwerbstaetigkeit') return { ...basis, bruttoCent: v.ek_brutto, nettoCent: v.ek_netto, ferienjob: v.ek_ferienjob };
  // Selbständigkeit: Gewinn and netto; without them the old form (a monthly amount after all deductions)
  if (v.ek_art === 'selbststaendigkeit') {
    return v.ek_gewinn?.trim() || v.ek_gewinn_netto?.trim() || !v.ek_betrag?.trim()
      ? { ...basis, bruttoCent: v.ek_gewinn, nettoCent: v.ek_gewinn_netto }
      : { ...basis, betragCent: v.ek_betrag };
  }
  if (v.ek_art === 'einmalig') return { ...basis, betragCent: v.ek_betrag, zuflussDatum: v.ek_zufluss, erbschaft: v.ek_erbschaft };
  return { ...basis, betragCent: v.ek_betrag };
}

/** The page's form actions (`_aktion`): each maps its fields to one use case's input; the use case checks everything. */
const AKTIONEN: Record<string, FallAktion<unknown>> = {
  ...PERSONEN_AKTIONEN,
  ...KDU_EMPFAENGER_AKTIONEN,
  vermerk: fallAktion({
    useCase: vermerkAnlegen,
    input: (v, { id }) => ({ id, text: v.vermerk_text }),
    felder: { text: 'vermerk_text' },
    rest: 'vermerk_text',
    erfolg: (_, { context, id }) => {
      flash(context, 'Der Vermerk wurde gespeichert.');
      return zurueck(id);
    },
  }),
  wiedervorlage: fallAktion({
    useCase: wiedervorlageAnlegen,
    input: (v, { id, actor }) => ({ id, faelligAm: v.wv_faellig, grund: v.wv_grund, zugewiesenAn: v.wv_mir === '1' ? actor.userId : null }),
    felder: { faelligAm: 'wv_faellig', grund: 'wv_grund' },
    rest: 'wv_grund',
    erfolg: (wv, { context, id }) => {
      flash(context, `Wiedervorlage zum ${datumText(wv.faelligAm)} angelegt.`);
      return zurueck(id);
    },
  }),
  wv_erledigt: fallAktion({
    useCase: wiedervorlageErledigen,
    input: (v) => ({ id: v.wv_id, version: v.version }),
    felder: {},
    rest: 'wv_id',
    erfolg: (_, { context, id }) => {
      flash(context, 'Die Wiedervorlage ist erledigt.');
      return zurueck(id);
    },
  }),
  unterkunft: fallAktion({
    useCase: aendereUnterkunft,
    input: (v, { id }) => ({
      id,
      version: v.version,
      ab: v.ku_ab,
      unterkunft: {
        grundmieteCent: v.ku_grundmiete,
        nebenkostenCent: v.ku_nebenkosten,
        heizkostenCent: v.ku_heizkosten,
        warmwasserDezentral: v.ku_warmwasser,
        wohnflaecheQm: v.ku_wohnflaeche,
        heizungsart: v.ku_heizungsart,
      },
    }),
    felder: {
      ab: 'ku_ab',
      unterkunft: 'ku_grundmiete',
      'unterkunft.grundmieteCent': 'ku_grundmiete',
      'unterkunft.nebenkostenCent': 'ku_nebenkosten',
      'unterkunft.heizkostenCent': 'ku_heizkosten',
      'unterkunft.wohnflaecheQm': 'ku_wohnflaeche',
      'unterkunft.heizungsart': 'ku_heizungsart',
    },
    rest: 'ku_ab',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Kosten der Unterkunft ab ${datumText(v.ku_ab)} wurden gespeichert.`);
      return zurueck(id);
    },
  }),
  adresse: fallAktion({
    useCase: aendereAdresse,
    input: (v, { id }) => ({
      id,
      version: v.version,
      ab: v.ad_ab,
      adresse: { strasse: v.ad_strasse, hausnummer: v.ad_hausnummer, plz: v.ad_plz, ort: v.ad_ort, kommuneId: v.ad_kommune },
    }),
    felder: {
      ab: 'ad_ab',
      'adresse.strasse': 'ad_strasse',
      'adresse.hausnummer': 'ad_hausnummer',
      'adresse.plz': 'ad_plz',
      'adresse.ort': 'ad_ort',
      'adresse.kommuneId': 'ad_kommune',
    },
    rest: 'ad_ab',
    erfolg: (bg, { context, id, actor, v }) => {
      // A move to a Kommune of another Standort hands the case over: back to the search, the case is out of reach.
      if (!standortSichtbar(actor, bg.standortId)) {
        flash(context, `Die neue Anschrift ab ${datumText(v.ad_ab)} wurde gespeichert. Die Fallakte und ihre offenen Anträge sind an den zuständigen Standort abgegeben.`);
        return redirect('/faelle');
      }
      flash(context, `Die neue Anschrift ab ${datumText(v.ad_ab)} wurde gespeichert.`);
      return zurueck(id);
    },
  }),
  bank: fallAktion({
    useCase: aendereBankverbindung,
    input: (v, { id }) => ({ id, version: v.version, ab: v.bk_ab, bank: { iban: v.bk_iban, kontoinhaber: v.bk_kontoinhaber } }),
    felder: { ab: 'bk_ab', bank: 'bk_iban', 'bank.iban': 'bk_iban', 'bank.kontoinhaber': 'bk_kontoinhaber' },
    rest: 'bk_iban',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Bankverbindung ab ${datumText(v.bk_ab)} wurde gespeichert.`);
      return zurueck(id);
    },
  }),
  antrag: fallAktion({
    useCase: antragAnlegen,
    input: (v, { id }) => ({ id, art: v.an_art, antragsdatum: v.an_datum, eingangskanal: v.an_kanal }),
    felder: { art: 'an_art', antragsdatum: 'an_datum', eingangskanal: 'an_kanal' },
    rest: 'an_datum',
    erfolg: (_, { context, id }) => {
      flash(context, 'Der Antrag liegt im Arbeitsvorrat.');
      return zurueck(id);
    },
  }),
  status: fallAktion({
    useCase: antragStatusSetzen,
    input: (v) => ({ id: v.antrag, version: v.version, status: v.status }),
    felder: { status: 'status' },
    rest: 'status',
    erfolg: (antrag, { context, id }) => {
      flash(context, `Status „${STATUS_TEXT[antrag.status] ?? antrag.status}“ gespeichert.`);
      return zurueck(id);
    },
  }),
  einkommen: fallAktion({
    useCase: aendereEinkommen,
    input: (v, { id }) => ({
      id,
      version: v.version,
      // a one-off income starts on its Zuflussdatum: "Gültig ab" may stay empty
      ab: v.ek_ab?.trim() || v.ek_art !== 'einmalig' ? v.ek_ab : v.ek_zufluss,
      personId: v.ek_person,
      einkommenId: v.ek_id,
      einkommen: v.ek_ende === '1' ? null : einkommenAusFormular(v),
    }),
    // Selbständigkeit has its own fields for Gewinn and netto (the schema's bruttoCent/nettoCent)
    felder: (v) => ({
      // without "Gültig ab" a one-off income takes its Zuflussdatum as the day: a missing day is the Zuflussdatum's error
      ab: v.ek_art === 'einmalig' && !v.ek_ab?.trim() ? 'ek_zufluss' : 'ek_ab',
      personId: 'ek_person',
      einkommenId: 'ek_id',
      einkommen: 'ek_art',
      'einkommen.bezeichnung': 'ek_bezeichnung',
      'einkommen.bruttoCent': v.ek_art === 'selbststaendigkeit' ? 'ek_gewinn' : 'ek_brutto',
      'einkommen.nettoCent': v.ek_art === 'selbststaendigkeit' ? 'ek_gewinn_netto' : 'ek_netto',
      'einkommen.betragCent': 'ek_betrag',
      'einkommen.zuflussDatum': 'ek_zufluss',
    }),
    rest: 'ek_art',
    erfolg: (_, { context, id, v }) => {
      flash(context, `Die Einkommensänderung ab ${datumText(v.ek_ab?.trim() || v.ek_zufluss)} wurde gespeichert.`);
      return zurueck(id);
    },
  }),
};

async function action({ context, request, params }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const id = params.id ?? '';
  const form = await readForm(request);
  const aktion = form.get('_aktion');
  const v: Record<string, string> = {};
  for (const n of FELDER) v[n] = form.get(n);
  const a = Object.hasOwn(AKTIONEN, aktion) ? AKTIONEN[aktion] : undefined;
  if (!a) return zurueck(id);
  return fallAktionAusfuehren({ context, actor, id, aktion, a, v });
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

/** The amounts of an income as the Fallakte shows them. */
function einkommenBetrag(ek: EinkommenPeriode): string {
  if (ek.art === 'einmalig') return `${euroText(ek.betragCent)} einmalig, zugeflossen am ${datumText(ek.zuflussDatum)}${ek.erbschaft ? ' (Erbschaft)' : ''}`;
  if (ek.art === 'selbststaendigkeit' && ek.bruttoCent !== null) return `Gewinn ${euroText(ek.bruttoCent)}, nach Steuern und Pflichtbeiträgen ${euroText(ek.nettoCent)}`;
  if (ek.art === 'erwerbstaetigkeit') return `brutto ${euroText(ek.bruttoCent)}, netto ${euroText(ek.nettoCent)}${ek.ferienjob ? ' (Ferienjob)' : ''}`;
  return euroText(ek.betragCent);
}

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
  ['kdu-empfaenger', 'Kosten der Unterkunft an Vermieter'],
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
  const abschnitte = ABSCHNITTE.filter(([id]) => (id === 'bank' || id === 'kdu-empfaenger' ? p.akte.bankSichtbar : id === 'bewilligung' ? p.bewilligung !== null : true));
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
  const { akte, darfBearbeiten, kommunen, postfach, bewilligung, bewilligungRechte, ich, personBearbeiten, dokument, minderungsverfahren, kduEmpfaenger, heute: heuteTag, darfEinladen } = useLoaderData<typeof loader>();
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
                    m?.ausbildung ? (AUSBILDUNG_TEXT[m.ausbildung] ?? m.ausbildung) : null,
                    m?.sgb12 ? 'bezieht Altersrente oder Leistungen nach SGB XII' : null,
                  ].filter(Boolean);
                  return (
                    <tr className="kern-table__row" key={p.id} id={`person-${p.id}`}>
                      <th scope="row" className="kern-table__cell">
                        {`${p.nachname}, ${p.vorname}`}
                        {istElb({ geburtsdatum: p.geburtsdatum, erwerbsfaehig: m?.erwerbsfaehig ?? null, inBg: p.inBg, bgAktiv: akte.bg.status === 'aktiv' }, akte.stichtag) ? (
                          <>
                            {' '}
                            <a className="kern-link" href={`/integration/personen/${p.id}`}>
                              Integration<span className="sr-only">{` von ${p.vorname} ${p.nachname}`}</span>
                            </a>
                            {darfEinladen ? (
                              <>
                                {' · '}
                                <a className="kern-link" href={`/termine/einladen?person=${p.id}`}>
                                  Zum Meldetermin einladen<span className="sr-only">{` (${p.vorname} ${p.nachname})`}</span>
                                </a>
                              </>
                            ) : null}
                          </>
                        ) : null}
                      </th>
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
      <KduEmpfaengerAbschnitt bgId={akte.bg.id} csrfToken={csrfToken} eintraege={kduEmpfaenger} darfBearbeiten={darfBearbeiten} v={v} e={e} aktion={result?.aktion} />

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
                    <td className="kern-table__cell">{einkommenBetrag(ek)}</td>
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
              <Checkbox name="ek_ferienjob" label="Ferienjob (Schülerin oder Schüler unter 25, in den Schulferien)" checked={v.ek_ferienjob === '1'} />
              <TextField name="ek_gewinn" label="Gewinn (Betriebseinnahmen minus Betriebsausgaben) monatlich (Euro, bei Selbstständigkeit)" inputMode="decimal" defaultValue={v.ek_gewinn} error={e.ek_gewinn} />
              <TextField name="ek_gewinn_netto" label="Gewinn nach Steuern und Pflichtbeiträgen monatlich (Euro, bei Selbstständigkeit)" inputMode="decimal" defaultValue={v.ek_gewinn_netto} error={e.ek_gewinn_netto} />
              <TextField name="ek_betrag" label="Betrag (Euro; monatlich, bei einer einmaligen Einnahme der ganze Betrag)" inputMode="decimal" defaultValue={v.ek_betrag} error={e.ek_betrag} />
              <TextField name="ek_zufluss" label="Zuflussdatum (bei einer einmaligen Einnahme)" type="date" hint="Die einmalige Einnahme gilt ab diesem Tag, nicht ab „Gültig ab“" defaultValue={v.ek_zufluss} error={e.ek_zufluss} />
              <Checkbox name="ek_erbschaft" label="Erbschaft (bei einer einmaligen Einnahme)" checked={v.ek_erbschaft === '1'} />
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
                {a.eingangskanal === 'intern' && a.art === 'veraenderung' ? (
                  <a className="kern-link" href={`/faelle/${akte.bg.id}/mitteilungen/${a.id}`}>
                    {a.status === 'entschieden' && a.erledigtAm ? `Vorschlag der Integration übernommen am ${datumText(heute(new Date(a.erledigtAm)))}` : 'Vorschlag der Integration prüfen und übernehmen'}
                    <span className="sr-only">{` vom ${datumText(a.antragsdatum)}`}</span>
                  </a>
                ) : null}
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

      {minderungsverfahren && minderungsverfahren.length ? (
        <Abschnitt id="minderungsverfahren" titel="Minderungsverfahren">
          <ul className="kern-list">
            {minderungsverfahren.map((m) => (
              <li key={m.id}>
                <a className="kern-link" href={`/fordern/verfahren/${m.id}`}>
                  {m.aktenzeichen}
                </a>
                {`: ${m.name} – ${m.tatbestandText}, Pflichtverletzung am ${datumText(m.pflichtverletzungAm)} – ${m.statusText}`}
              </li>
            ))}
          </ul>
        </Abschnitt>
      ) : null}

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
                  <IntegrationsLink w={w} />
                </span>
                {/* follow-ups of the integration side are done there (with their result) */}
                {darfBearbeiten && !integrationsLink(w) ? (
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
