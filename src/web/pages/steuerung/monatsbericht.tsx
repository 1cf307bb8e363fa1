import type { ReactNode } from 'react';
import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { monatPlus } from '../../../domain/bewilligung/monat.ts';
import { anteil, kostenmonat, type Bestandszahl, type Datenstand, type IntegrationsZeile, type Kostenzeile, type Leistungszeile, type MonatsberichtDaten, type Quote, type Veraenderung } from '../../../domain/statistik/bericht.ts';
import { definitionHref } from '../../../domain/statistik/definitionen.ts';
import { INTEGRATIONSART_TEXT } from '../../../domain/foerdern/integration.ts';
import { INTEGRATIONSARTEN } from '../../../domain/foerdern/typen.ts';
import { AppError } from '../../../server/errors.ts';
import { berichtAuswahl } from '../../../server/statistik/bericht-auswahl.ts';
import { monatsbericht } from '../../../server/statistik/monatsbericht.ts';
import { Alert } from '../../components/alert.tsx';
import { Diagramm } from '../../components/diagramm.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import { euroText } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { bereichOptionen, bereichWahl, DATENSTAND_TEXT, datumText, monatKurz, monatText, prozentText, zahlText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung/monatsbericht (docs/statistik.md, "Monatsbericht"): the figures of the seeds' monthly reports for a
 * Berichtsmonat and the Träger, a Kommune or a Standort – Bestand with Δ Vormonat/Vorjahresmonat, Integrationen three
 * months back, Arbeitslose and quotes, Neuanträge, Maßnahmen, Leistungen laut Bewilligungen and gebuchte Auszahlungen
 * of the month before and the year to date (a note instead of zeros when nothing is booked),
 * breakdowns, three charts with their tables, links to the exports and the Pressetext. For staff the real counts
 * (small cells are suppressed only in exports meant for publication). Every label links to its definition.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const auswahl = await berichtAuswahl.execute({ ctx, actor, input: {} });
  const wahl = bereichWahl(q, auswahl);
  const monat = q.get('monat') || auswahl.letzterMonat || '';
  const basis = { auswahl, bereich: wahl.bereich, monat };
  const leer = { bericht: null, fehler: null, keinSnapshot: false, verboten: null, keineStandorte: false, keineDaten: false };
  if (!wahl.ebene) return { ...basis, ...leer, keineStandorte: true };
  if (!monat) return { ...basis, ...leer, keineDaten: true };
  try {
    const bericht = await monatsbericht.execute({ ctx, actor, input: { monat, ebene: wahl.ebene, region: wahl.region } });
    return { ...basis, ...leer, bericht };
  } catch (err) {
    // a wrong month: 400 like the API, with the message at the field (a Ebene the role may not see stays a notice with
    // the choice of its own Standorte)
    if (err instanceof AppError && err.status === 400) web(context).reply.code(400);
    if (err instanceof AppError && err.status === 400) return { ...basis, ...leer, fehler: { feld: err.issues[0]?.path ?? 'monat', text: err.issues[0]?.message ?? err.message } };
    if (err instanceof AppError && err.code === 'statistik_kein_snapshot') return { ...basis, ...leer, keinSnapshot: true };
    if (err instanceof AppError && err.code === 'statistik_ebene_verboten') return { ...basis, ...leer, verboten: err.message };
    throw err;
  }
}

/* ---------- formatting ---------- */

const anzahl = (n: number | null): string => (n === null ? '–' : zahlText(n));
const mitVorzeichen = (n: number, text: string): string => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace('-', '')}` : text);
function deltaText(d: Veraenderung): string {
  if (d.absolut === null) return '–';
  const abs = mitVorzeichen(d.absolut, zahlText(d.absolut));
  return d.prozent === null ? abs : `${abs} (${mitVorzeichen(d.prozent, prozentText(d.prozent))})`;
}
const anteilText = (a: number | null): string => (a === null ? '–' : prozentText(a));
const standText = (s: Datenstand | null): string => (s === null ? '–' : DATENSTAND_TEXT[s]);

/** The label of a figure: a link to its definition (/steuerung/definitionen#<kennung with - for .>). */
function Def(p: { kennung: string; children: string }) {
  return (
    <a className="kern-link" href={definitionHref(p.kennung)}>
      {p.children}
    </a>
  );
}

function Kopf(p: { spalten: string[] }) {
  return (
    <thead className="kern-table__head">
      <tr className="kern-table__row">
        {p.spalten.map((s, i) => (
          <th key={s} scope="col" className={`kern-table__header${i > 0 && s !== 'Datenstand' && s !== 'Hinweis' ? ' kern-table__header--numeric' : ''}`}>
            {s}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const Zahl = (p: { children: string }) => <td className="kern-table__cell kern-table__cell--numeric">{p.children}</td>;
const Text = (p: { children: string }) => <td className="kern-table__cell">{p.children}</td>;

function Abschnitt(p: { id: string; titel: string; children: ReactNode; text?: ReactNode }) {
  return (
    <section aria-labelledby={p.id} className="kern-stack-sm">
      <h2 className="kern-heading-medium" id={p.id}>
        {p.titel}
      </h2>
      {p.text ? <p className="kern-body">{p.text}</p> : null}
      {p.children}
    </section>
  );
}

/** Rows of figures with Vormonat and Vorjahresmonat. */
function Vergleichstabelle(p: { titel: string; zeilen: { label: string; z: Bestandszahl }[] }) {
  return (
    <TabellenBereich label={p.titel}>
      <table className="kern-table">
        <caption className="kern-sr-only">{p.titel}</caption>
        <Kopf spalten={['Merkmal', 'Anzahl', 'Vormonat', 'Veränderung zum Vormonat', 'Vorjahresmonat', 'Veränderung zum Vorjahresmonat', 'Datenstand']} />
        <tbody className="kern-table__body">
          {p.zeilen.map(({ label, z }) => (
            <tr key={z.kennung} className="kern-table__row" data-kennung={z.kennung}>
              <th scope="row" className="kern-table__cell">
                <Def kennung={z.kennung}>{label}</Def>
              </th>
              <Zahl>{anzahl(z.wert)}</Zahl>
              <Zahl>{anzahl(z.vormonat)}</Zahl>
              <Zahl>{deltaText(z.deltaVormonat)}</Zahl>
              <Zahl>{anzahl(z.vorjahr)}</Zahl>
              <Zahl>{deltaText(z.deltaVorjahr)}</Zahl>
              <Text>{standText(z.datenstand)}</Text>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellenBereich>
  );
}

const QUOTE_GRUND: Record<NonNullable<Quote['grund']>, string> = {
  keine_bezugsgroesse: 'Keine Bezugsgröße erfasst',
  bezugsgroesse_zu_klein: 'Bezugsgröße zu klein – keine Quote (wie bei der Bundesagentur für Arbeit)',
};

function Quoten(p: { b: MonatsberichtDaten }) {
  const titel = 'Quoten';
  const zeilen = [
    { label: 'Arbeitslosenquote SGB II', q: p.b.arbeitslosenquote, bezug: 'zivile Erwerbspersonen' },
    { label: 'SGB II-Quote', q: p.b.sgb2Quote, bezug: 'Bevölkerung bis zur Altersgrenze' },
  ];
  return (
    <TabellenBereich label={titel}>
      <table className="kern-table">
        <caption className="kern-sr-only">{titel}</caption>
        <Kopf spalten={['Quote', 'Wert', 'Bezugsgröße', 'Hinweis']} />
        <tbody className="kern-table__body">
          {zeilen.map(({ label, q, bezug }) => (
            <tr key={q.kennung} className="kern-table__row" data-kennung={q.kennung}>
              <th scope="row" className="kern-table__cell">
                <Def kennung={q.kennung}>{label}</Def>
              </th>
              <Zahl>{q.wert === null ? '–' : prozentText(q.wert)}</Zahl>
              <Zahl>{q.bezugsgroesse ? `${zahlText(q.bezugsgroesse.wert)} ${bezug} (ab ${monatText(q.bezugsgroesse.gueltigAb)})` : '–'}</Zahl>
              <Text>{q.grund ? QUOTE_GRUND[q.grund] : `Datenstand ${DATENSTAND_TEXT[q.datenstand]}`}</Text>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellenBereich>
  );
}

function Integrationen(p: { b: MonatsberichtDaten }) {
  const i = p.b.integrationen;
  const vorDaten = p.b.hinweise?.integrationen ?? null;
  if (vorDaten) return <p className="kern-body" data-testid="mb-integrationen-hinweis">{vorDaten}</p>;
  const titel = `Arbeitsaufnahmen ${monatText(i.monat)}`;
  const zeile = (z: IntegrationsZeile, label = INTEGRATIONSART_TEXT[z.art]) => (
    <tr key={z.kennung} className="kern-table__row" data-kennung={z.kennung}>
      <th scope="row" className="kern-table__cell">
        <Def kennung={z.kennung}>{label}</Def>
      </th>
      <Zahl>{zahlText(z.anzahl)}</Zahl>
      <Zahl>{anteilText(z.anteil)}</Zahl>
    </tr>
  );
  return (
    <>
      <TabellenBereich label={titel}>
        <table className="kern-table">
          <caption className="kern-sr-only">{titel}</caption>
          <Kopf spalten={['Art', 'Anzahl', 'Anteil']} />
          <tbody className="kern-table__body">
            {i.arten.map((z) => zeile(z))}
            <tr className="kern-table__row" data-kennung="integration.svb">
              <th scope="row" className="kern-table__cell">
                davon sozialversicherungspflichtig (Vollzeit, Teilzeit, § 16e)
              </th>
              <Zahl>{zahlText(i.svb.anzahl)}</Zahl>
              <Zahl>{anteilText(i.svb.anteil)}</Zahl>
            </tr>
            <tr className="kern-table__row" data-kennung="integrationen">
              <th scope="row" className="kern-table__cell">
                <Def kennung="integrationen">Integrationen zusammen</Def>
              </th>
              <Zahl>{anzahl(i.integrationen.wert)}</Zahl>
              <Zahl>{anteilText(i.integrationen.wert === null ? null : anteil(i.integrationen.wert, i.gesamt))}</Zahl>
            </tr>
            {zeile(i.minijob, 'Minijobs (keine Integration)')}
            {i.oeffentlichGefoerdert.map((z) => zeile(z, `${INTEGRATIONSART_TEXT[z.art]} (keine Integration)`))}
          </tbody>
        </table>
      </TabellenBereich>
      <p className="kern-body">
        Integrationen im Vorjahresmonat ({monatText(monatPlus(i.monat, -12))}): {anzahl(i.integrationen.vorjahr)}, Veränderung {deltaText(i.integrationen.deltaVorjahr)}. Anteile
        beziehen sich auf Integrationen und Minijobs zusammen ({zahlText(i.gesamt)}). Datenstand: {standText(i.datenstand)}.
      </p>
    </>
  );
}

/** A table of money lines: the month and January … that month. */
function Geldtabelle(p: { titel: string; monat: string; zeilen: { label: string; z: Kostenzeile | Leistungszeile }[] }) {
  return (
    <TabellenBereich label={p.titel}>
      <table className="kern-table">
        <caption className="kern-sr-only">{p.titel}</caption>
        <Kopf spalten={['Position', monatText(p.monat), `Januar bis ${monatText(p.monat)}`]} />
        <tbody className="kern-table__body">
          {p.zeilen.map(({ label, z }) => (
            <tr key={z.kennung} className="kern-table__row" data-kennung={z.kennung}>
              <th scope="row" className="kern-table__cell">
                <Def kennung={z.kennung}>{label}</Def>
              </th>
              <Zahl>{euroText(z.monatCent)}</Zahl>
              <Zahl>{euroText(z.jahrCent)}</Zahl>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellenBereich>
  );
}

/** The note under a year-to-date table when the year starts before the first data. */
function JahrHinweis(p: { b: MonatsberichtDaten }) {
  const h = p.b.hinweise?.jahr ?? null;
  return h ? <p className="kern-body">Summen ab Januar: {h}</p> : null;
}

/** Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch of the Leistungsmonat). */
function Leistungen(p: { b: MonatsberichtDaten }) {
  const l = p.b.leistungen;
  if (!l) return <p className="kern-body">Für diesen Monat liegen keine Leistungen laut Bewilligungen vor.</p>;
  return (
    <>
      <p className="kern-body">{`Zahlungsanspruch nach Minderungen für den Leistungsmonat, unabhängig davon, wann gezahlt wird. Datenstand: ${standText(l.datenstand)}.`}</p>
      <Geldtabelle
        titel={`Leistungen laut Bewilligungen ${monatText(l.monat)} und Januar bis ${monatText(l.monat)}`}
        monat={l.monat}
        zeilen={[
          { label: 'Leistungen gesamt', z: l.gesamt },
          { label: 'Regelbedarf und Mehrbedarfe (Lebensunterhalt)', z: l.lebensunterhalt },
          { label: 'Kosten der Unterkunft (brutto)', z: l.unterkunft },
          { label: 'davon Bundesbeteiligung', z: l.unterkunftBund },
          { label: 'davon kommunaler Anteil (Kreis und Kommunen)', z: l.unterkunftKommunal },
          { label: 'Kindersofortzuschlag', z: l.sofortzuschlag },
        ]}
      />
      <JahrHinweis b={p.b} />
    </>
  );
}

/** Gebuchte Auszahlungen (nach Zahlmonat); a note instead of a table of zeros when nothing is booked. */
function Kosten(p: { b: MonatsberichtDaten }) {
  const k = p.b.kosten;
  if (!k) return <p className="kern-body">Auszahlungen werden je Träger und Kommune gebucht; für einen Standort gibt es keine Buchungen.</p>;
  const keineImMonat = (k.gesamt.monatCent ?? 0) === 0;
  const keineImJahr = (k.gesamt.jahrCent ?? 0) === 0;
  const zeilen: { label: string; z: Kostenzeile }[] = [
    { label: 'Ausgaben gesamt', z: k.gesamt },
    { label: 'Regelbedarf und Mehrbedarfe (Lebensunterhalt)', z: k.lebensunterhalt },
    { label: 'Kosten der Unterkunft (brutto)', z: k.unterkunft },
    { label: 'davon Bundesbeteiligung', z: k.unterkunftBund },
    { label: 'davon kommunaler Anteil (Kreis und Kommunen)', z: k.unterkunftKommunal },
    { label: 'Kindersofortzuschlag', z: k.sofortzuschlag },
    { label: 'Einmalige Leistungen', z: k.einmalig },
    ...(k.eingliederung ? [{ label: 'Eingliederungsleistungen', z: k.eingliederung }] : []),
  ];
  return (
    <>
      <p className="kern-body">{`Nach Zahlmonat gebucht. Datenstand: ${standText(k.datenstand)}.`}</p>
      {keineImMonat ? (
        <p className="kern-body" data-testid="mb-keine-auszahlungen">
          Für diesen Monat sind keine Auszahlungen gebucht.
        </p>
      ) : null}
      {keineImJahr ? null : <Geldtabelle titel={`Gebuchte Auszahlungen ${monatText(k.monat)} und Januar bis ${monatText(k.monat)}`} monat={k.monat} zeilen={zeilen} />}
      {keineImJahr ? null : <JahrHinweis b={p.b} />}
    </>
  );
}

function Unterabschnitt(p: { id: string; titel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={p.id} className="kern-stack-sm">
      <h3 className="kern-heading-small" id={p.id}>
        {p.titel}
      </h3>
      {p.children}
    </section>
  );
}

const GRUPPEN_TEXT: Record<string, string> = {
  u25: 'unter 25 Jahre',
  '25_49': '25 bis 49 Jahre',
  ue50: '50 Jahre und älter',
  w: 'Frauen',
  m: 'Männer',
  d: 'divers',
  unbekannt: 'ohne Angabe',
  alleinerziehend: 'Alleinerziehende',
  deutsch: 'Deutsche',
  eu: 'Staatsangehörige der EU',
  drittstaat: 'Staatsangehörige anderer Staaten',
};

function Merkmale(p: { b: MonatsberichtDaten }) {
  const { elb, alo } = p.b.aufteilung;
  const titel = 'Merkmale der eLb und Arbeitslosen';
  const gruppen: { gruppe: string; e: (typeof elb.alter)[number]; a: (typeof alo.alter)[number] }[] = [];
  const paare = (xs: typeof elb.alter, ys: typeof alo.alter, gruppe: string) => xs.forEach((e, i) => gruppen.push({ gruppe, e, a: ys[i]! }));
  paare(elb.alter, alo.alter, 'Alter');
  paare(elb.geschlecht, alo.geschlecht, 'Geschlecht');
  paare([elb.alleinerziehend], [alo.alleinerziehend], 'Familie');
  paare(elb.staat, alo.staat, 'Staatsangehörigkeit');
  return (
    <TabellenBereich label={titel}>
      <table className="kern-table">
        <caption className="kern-sr-only">{titel}</caption>
        <Kopf spalten={['Merkmal', 'eLb', 'Anteil an eLb', 'Arbeitslose', 'Anteil an Arbeitslosen']} />
        <tbody className="kern-table__body">
          {gruppen.map(({ gruppe, e, a }) => (
            <tr key={e.kennung} className="kern-table__row" data-kennung={e.kennung}>
              <th scope="row" className="kern-table__cell">
                <Def kennung={e.kennung}>{`${gruppe}: ${GRUPPEN_TEXT[e.schluessel] ?? e.schluessel}`}</Def>
              </th>
              <Zahl>{zahlText(e.wert)}</Zahl>
              <Zahl>{anteilText(e.anteil)}</Zahl>
              <Zahl>{zahlText(a.wert)}</Zahl>
              <Zahl>{anteilText(a.anteil)}</Zahl>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellenBereich>
  );
}

/* ---------- charts ---------- */

const MIO = 100_000_000;
const mioText = (euro: number): string => `${euro.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} Mio. €`;

function Diagramme(p: { b: MonatsberichtDaten; regionName: string }) {
  const { bestand, leistungen, integrationen } = p.b.reihen;
  const letzter = bestand.at(-1);
  const arten = INTEGRATIONSARTEN.filter((a) => integrationen.some((m) => (m.arten[a] ?? 0) > 0));
  return (
    <Abschnitt id="mb-diagramme" titel="Entwicklung">
      <Diagramm
        art="linie"
        id="mb-verlauf"
        titel={`Bedarfsgemeinschaften und eLb über 25 Monate, ${p.regionName}`}
        kategorien={bestand.map((m) => m.monat)}
        kategorieText={monatKurz}
        reihen={[
          { name: 'Bedarfsgemeinschaften', werte: bestand.map((m) => m.bg) },
          { name: 'eLb', werte: bestand.map((m) => m.elb) },
        ]}
        wertText={zahlText}
        einheit="Anzahl"
        beschreibung={`Linien von ${monatText(bestand[0]!.monat)} bis ${monatText(p.b.monat)}; zuletzt ${anzahl(letzter?.bg ?? null)} Bedarfsgemeinschaften und ${anzahl(letzter?.elb ?? null)} eLb`}
      />
      {p.b.leistungen ? (
        <Diagramm
          art="linie"
          id="mb-kosten"
          titel={`Leistungen laut Bewilligungen je Monat, ${p.regionName}`}
          kategorien={leistungen.map((m) => m.monat)}
          kategorieText={monatKurz}
          reihen={[
            { name: 'Lebensunterhalt', werte: leistungen.map((m) => (m.lebensunterhaltCent === null ? null : m.lebensunterhaltCent / MIO)) },
            { name: 'Kosten der Unterkunft', werte: leistungen.map((m) => (m.unterkunftCent === null ? null : m.unterkunftCent / MIO)) },
            { name: 'Summe', werte: leistungen.map((m) => (m.gesamtCent === null ? null : m.gesamtCent / MIO)) },
          ]}
          wertText={mioText}
          achsenText={(n) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 })}
          einheit="Mio. Euro"
          beschreibung={`Linien von ${monatText(leistungen[0]!.monat)} bis ${monatText(leistungen.at(-1)!.monat)} (Zahlungsanspruch je Leistungsmonat); im letzten Monat ${euroText(leistungen.at(-1)?.gesamtCent ?? null)} insgesamt`}
        />
      ) : null}
      <Diagramm
        art="balken"
        id="mb-integrationen"
        titel={`Arbeitsaufnahmen nach Art, ${p.regionName}`}
        kategorien={integrationen.map((m) => m.monat)}
        kategorieText={monatKurz}
        reihen={(arten.length ? arten : (['svb_vollzeit', 'minijob'] as const)).map((a) => ({ name: INTEGRATIONSART_TEXT[a], werte: integrationen.map((m) => m.arten[a]) }))}
        wertText={zahlText}
        einheit="Personen"
        beschreibung={`gestapelte Balken von ${monatText(integrationen[0]!.monat)} bis ${monatText(p.b.integrationen.monat)}; zuletzt ${zahlText(p.b.integrationen.gesamt)} Arbeitsaufnahmen, davon ${anzahl(p.b.integrationen.integrationen.wert)} Integrationen`}
      />
    </Abschnitt>
  );
}

/* ---------- page ---------- */

function Bericht(p: { b: MonatsberichtDaten }) {
  const b = p.b;
  const abfrage = new URLSearchParams({ monat: b.monat, ebene: b.ebene, region: b.region.id ?? '' });
  const exportHref = (format: string, veroeffentlichung = false) =>
    `/steuerung/monatsbericht/export?${new URLSearchParams({ ...Object.fromEntries(abfrage), format, ...(veroeffentlichung ? { veroeffentlichung: 'true' } : {}) }).toString()}`;
  return (
    <>
      <p className="kern-body" data-testid="mb-stand">
        {`${b.region.name}, Berichtsmonat ${monatText(b.monat)}, Stichtag ${datumText(b.stichtag)}. `}
        <Def kennung="datenstand">Datenstand</Def>
        {`: ${DATENSTAND_TEXT[b.datenstand]}.`}
      </p>
      <nav aria-label="Export und Pressetext" className="kern-stack-xs">
        <ul className="kern-list">
          <li>
            Herunterladen: <a className="kern-link" href={exportHref('pdf')}>PDF</a>, <a className="kern-link" href={exportHref('csv')}>CSV</a>,{' '}
            <a className="kern-link" href={exportHref('xlsx')}>XLSX</a>
          </li>
          <li>
            Zur Veröffentlichung (kleine Zahlen als *): <a className="kern-link" href={exportHref('pdf', true)}>PDF zur Veröffentlichung</a>,{' '}
            <a className="kern-link" href={exportHref('csv', true)}>CSV zur Veröffentlichung</a>,{' '}
            <a className="kern-link" href={exportHref('xlsx', true)}>XLSX zur Veröffentlichung</a>
          </li>
          <li>
            <a className="kern-link" href={`/steuerung/pressetext?${abfrage.toString()}`}>
              Pressetext entwerfen
            </a>
          </li>
        </ul>
      </nav>
      <Abschnitt id="mb-bestand" titel={`Bestand am ${datumText(b.stichtag)}`}>
        <Vergleichstabelle
          titel="Bestand"
          zeilen={[
            { label: 'Bedarfsgemeinschaften', z: b.bestand.bg },
            { label: 'Personen in Bedarfsgemeinschaften', z: b.bestand.personen },
            { label: 'Erwerbsfähige Leistungsberechtigte (eLb)', z: b.bestand.elb },
            { label: 'Nicht erwerbsfähige Leistungsberechtigte (Sozialgeld, in der Regel Kinder)', z: b.bestand.nef },
            { label: 'Bedarfsgemeinschaften Alleinerziehender', z: b.bestand.bgAlleinerziehend },
            { label: 'Langzeitleistungsbeziehende', z: b.bestand.lzb },
            { label: 'Arbeitslose SGB II', z: b.arbeitslose },
          ]}
        />
        {b.hinweise?.lzb ? (
          <p className="kern-body" data-testid="mb-lzb-hinweis">
            Langzeitleistungsbeziehende: {b.hinweise.lzb}
          </p>
        ) : null}
      </Abschnitt>
      <Abschnitt id="mb-quoten" titel="Arbeitslosenquote und SGB II-Quote">
        <Quoten b={b} />
      </Abschnitt>
      <Abschnitt id="mb-bewegungen" titel={`Bewegungen im ${monatText(b.monat)}`}>
        <Vergleichstabelle
          titel="Bewegungen"
          zeilen={[
            { label: 'Neuanträge', z: b.neuantraege },
            { label: 'Eintritte in Maßnahmen', z: b.massnahmeEintritte },
            { label: 'Teilnehmende in Maßnahmen am Stichtag', z: b.massnahmeTeilnehmende },
          ]}
        />
      </Abschnitt>
      <Abschnitt
        id="mb-integrationen-abschnitt"
        titel={`Integrationen im ${monatText(b.integrationen.monat)}`}
        text="Arbeitsaufnahmen werden mit einer Wartezeit von drei Monaten gezeigt: Erst dann sind sie vollständig erfasst."
      >
        <Integrationen b={b} />
      </Abschnitt>
      <Abschnitt
        id="mb-kosten-abschnitt"
        titel={`Kosten im ${monatText(kostenmonat(b.monat))}`}
        text="Gezeigt wird der Vormonat des Berichtsmonats: die Leistungen für diesen Monat laut Bewilligungen und die in diesem Monat gebuchten Auszahlungen."
      >
        <Unterabschnitt id="mb-leistungen" titel="Leistungen für den Monat laut Bewilligungen (Zahlungsanspruch)">
          <Leistungen b={b} />
        </Unterabschnitt>
        <Unterabschnitt id="mb-auszahlungen" titel="Gebuchte Auszahlungen (nach Zahlmonat)">
          <Kosten b={b} />
        </Unterabschnitt>
      </Abschnitt>
      <Abschnitt id="mb-merkmale" titel="Merkmale">
        <Merkmale b={b} />
      </Abschnitt>
      <Diagramme b={b} regionName={b.region.name} />
    </>
  );
}

function MonatsberichtPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Monatsbericht</h1>
        <p className="kern-body">
          Zahlen der Grundsicherung für einen Berichtsmonat aus dem monatlichen Snapshot. Jede Bezeichnung führt zu ihrer Definition.{' '}
          <a className="kern-link" href="/steuerung">
            Zurück zur Steuerung
          </a>
        </p>
      </div>
      <form method="get" action="/steuerung/monatsbericht" className="kern-stack-md form-narrow" aria-label="Auswahl des Monatsberichts">
        <TextField
          name="monat"
          label="Berichtsmonat"
          type="month"
          hint="Monat und Jahr, z. B. 2026-11; leer: der letzte Monat mit Statistik"
          defaultValue={d.monat}
          error={d.fehler && d.fehler.feld !== 'region' ? d.fehler.text : undefined}
        />
        <SelectField
          name="bereich"
          label="Bereich (Träger, Kommune oder Standort)"
          options={bereichOptionen(d.auswahl)}
          defaultValue={d.bereich}
          error={d.fehler?.feld === 'region' ? d.fehler.text : undefined}
        />
        <SubmitButton variant="secondary">Bericht anzeigen</SubmitButton>
      </form>
      {d.keineStandorte ? <Alert type="info" title="Ihrem Konto ist kein Standort zugeordnet." /> : null}
      {d.verboten ? <Alert type="warning" title={d.verboten} /> : null}
      {d.keinSnapshot || d.keineDaten ? (
        <Alert type="info" title={d.keineDaten ? 'Es gibt noch keine Statistik.' : 'Für diesen Monat gibt es noch keine Statistik.'}>
          <p className="kern-body">
            Die Statistik wird jede Nacht erstellt. Welche Monate vorliegen, zeigt{' '}
            <a className="kern-link" href="/steuerung/daten">
              Stand der Daten
            </a>
            .
          </p>
        </Alert>
      ) : null}
      {d.bericht ? <Bericht b={d.bericht} /> : null}
    </div>
  );
}

export const steuerungMonatsberichtRoute: RouteObject = {
  path: 'steuerung/monatsbericht',
  loader,
  Component: MonatsberichtPage,
  handle: { title: 'Monatsbericht' } satisfies PageHandle,
};
