import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { DEFINITIONEN, definitionHref } from '../../../domain/statistik/definitionen.ts';
import { KENNZAHLEN, type Kennzahl } from '../../../domain/statistik/typen.ts';
import { AppError } from '../../../server/errors.ts';
import { berichtAuswahl } from '../../../server/statistik/bericht-auswahl.ts';
import { statistikKennzahlen, type KennzahlenAntwort, type Vergleichszeile } from '../../../server/statistik/kennzahlen.ts';
import { Alert } from '../../components/alert.tsx';
import { Diagramm } from '../../components/diagramm.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { bereichOptionen, bereichWahl, DATENSTAND_TEXT, datumText, monatKurz, monatText, prozentText, zahlText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung/kennzahlen (docs/statistik.md, "Live-Kennzahlen und Seiten"): the 15 § 48a Kennzahlen of a month for
 * the Träger, a Kommune or a Standort (live from the snapshots, same engine as `npx vorort kennzahlen`), with Zähler
 * and Nenner and the reason of every empty value, the 25-month trend of one Kennzahl, and for the Träger the
 * comparison of its Kommunen and Standorte. Aggregates only; every label links to its definition.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const auswahl = await berichtAuswahl.execute({ ctx, actor, input: {} });
  const wahl = bereichWahl(q, auswahl);
  const eingabe = { monat: q.get('monat') ?? '', kennzahl: q.get('kennzahl') ?? '' };
  const basis = { auswahl, bereich: wahl.bereich, eingabe };
  if (!wahl.ebene) return { ...basis, daten: null, fehler: null, keinSnapshot: false, keineStandorte: true };
  try {
    const daten = await statistikKennzahlen.execute({ ctx, actor, input: { monat: eingabe.monat, ebene: wahl.ebene, region: wahl.region, kennzahl: eingabe.kennzahl } });
    return { ...basis, daten, fehler: null, keinSnapshot: false, keineStandorte: false };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) web(context).reply.code(400);
    if (err instanceof AppError && err.status === 400) return { ...basis, daten: null, fehler: { feld: err.issues[0]?.path ?? 'monat', text: err.issues[0]?.message ?? err.message }, keinSnapshot: false, keineStandorte: false };
    if (err instanceof AppError && err.code === 'statistik_kein_snapshot') return { ...basis, daten: null, fehler: null, keinSnapshot: true, keineStandorte: false };
    throw err;
  }
}

const KENNZAHL_OPTIONEN = KENNZAHLEN.map((k) => ({ value: k, label: DEFINITIONEN[k]!.titel }));

/** Zähler/Nenner: euros for K1/K1E1, else counts (an average may have decimals). */
const teilText = (k: Kennzahl, n: number) => (k === 'K1' || k === 'K1E1' ? `${zahlText(n, 2)} €` : zahlText(n, 2));

function Definition(p: { kennung: string; children?: string }) {
  return (
    <a className="kern-link" href={definitionHref(p.kennung)}>
      {p.children ?? DEFINITIONEN[p.kennung]?.titel ?? p.kennung}
    </a>
  );
}

function Werte(p: { d: KennzahlenAntwort }) {
  const titel = `Kennzahlen ${monatText(p.d.monat)}`;
  return (
    <section aria-labelledby="kz-werte" className="kern-stack-sm">
      <h2 className="kern-heading-medium" id="kz-werte">
        {titel}
      </h2>
      <TabellenBereich label={titel}>
        <table className="kern-table">
          <caption className="kern-sr-only">{`${titel}, ${p.d.region.name}`}</caption>
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">Kennzahl</th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">Wert</th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">Zähler</th>
              <th scope="col" className="kern-table__header kern-table__header--numeric">Nenner</th>
              <th scope="col" className="kern-table__header">Hinweis</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {p.d.zeilen.map((z) => (
              <tr key={z.kennzahl} className="kern-table__row" data-kennzahl={z.kennzahl}>
                <th scope="row" className="kern-table__cell">
                  <Definition kennung={z.kennzahl} />
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{z.wert ? prozentText(z.wert.wert) : '–'}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{z.wert ? teilText(z.kennzahl, z.wert.zaehler) : '–'}</td>
                <td className="kern-table__cell kern-table__cell--numeric">{z.wert ? teilText(z.kennzahl, z.wert.nenner) : '–'}</td>
                <td className="kern-table__cell">{z.grund ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TabellenBereich>
    </section>
  );
}

function Verlauf(p: { d: KennzahlenAntwort }) {
  const k = p.d.kennzahl;
  const reihe = p.d.reihen[k];
  const titel = `Verlauf ${k} über 25 Monate`;
  const werte = reihe.filter((r) => r.wert !== null);
  const letzter = werte.at(-1);
  const vorlaeufigAb = reihe.find((r) => r.datenstand === 'vorlaeufig')?.monat;
  return (
    <section aria-labelledby="kz-verlauf" className="kern-stack-sm">
      <h2 className="kern-heading-medium" id="kz-verlauf">
        {titel}
      </h2>
      <p className="kern-body">
        <Definition kennung={k} /> von {monatText(reihe[0]!.monat)} bis {monatText(p.d.monat)}, in Prozent; Monate ohne Wert sind mit – gekennzeichnet.
        {vorlaeufigAb ? ` Vorläufig sind die Werte ab ${monatText(vorlaeufigAb)}.` : ''}
      </p>
      <Diagramm
        art="linie"
        id="kz-diagramm"
        titel={`${DEFINITIONEN[k]!.titel}, ${p.d.region.name}`}
        kategorien={reihe.map((r) => r.monat)}
        kategorieText={monatKurz}
        reihen={[{ name: k, werte: reihe.map((r) => r.wert) }]}
        wertText={prozentText}
        einheit="Prozent"
        beschreibung={`${k} von ${monatText(reihe[0]!.monat)} bis ${monatText(p.d.monat)}${letzter ? `, zuletzt ${prozentText(letzter.wert!)} (${monatText(letzter.monat)})` : ', ohne Werte'}`}
      />
    </section>
  );
}

function Vergleich(p: { id: string; titel: string; gesamt: { name: string; kennzahlen: Record<Kennzahl, number | null> }; zeilen: Vergleichszeile[]; leer: string }) {
  return (
    <section aria-labelledby={p.id} className="kern-stack-sm">
      <h2 className="kern-heading-medium" id={p.id}>
        {p.titel}
      </h2>
      {p.zeilen.length === 0 ? (
        <p className="kern-body">{p.leer}</p>
      ) : (
        <TabellenBereich label={p.titel}>
          <table className="kern-table">
            <caption className="kern-sr-only">{p.titel}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Region</th>
                {KENNZAHLEN.map((k) => (
                  <th key={k} scope="col" className="kern-table__header kern-table__header--numeric">
                    <a className="kern-link" href={definitionHref(k)} title={DEFINITIONEN[k]!.titel}>
                      {k}
                    </a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {[{ id: 'gesamt', ...p.gesamt }, ...p.zeilen].map((z) => (
                <tr key={z.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">{z.name}</th>
                  {KENNZAHLEN.map((k) => (
                    <td key={k} className="kern-table__cell kern-table__cell--numeric">
                      {z.kennzahlen[k] === null ? '–' : prozentText(z.kennzahlen[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </section>
  );
}

function KennzahlenPage() {
  const d = useLoaderData<typeof loader>();
  const k = d.daten;
  const gesamt = k ? { name: `${k.region.name} gesamt`, kennzahlen: Object.fromEntries(KENNZAHLEN.map((x) => [x, k.ergebnis.kennzahlen[x]?.wert ?? null])) as Record<Kennzahl, number | null> } : null;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Kennzahlen nach § 48a SGB II</h1>
        <p className="kern-body">
          Berechnet aus der monatlichen Statistik des Trägers, gezählt am Stichtag des Trägers (ohne Einstellung der letzte Kalendertag des Monats). <a className="kern-link" href="/steuerung">Zurück zur Steuerung</a>
        </p>
      </div>
      <form method="get" action="/steuerung/kennzahlen" className="kern-stack-md form-narrow" aria-label="Auswahl der Kennzahlen">
        <TextField
          name="monat"
          label="Berichtsmonat"
          type="month"
          hint="Monat und Jahr, z. B. 2026-11; leer: der letzte Monat mit Statistik"
          defaultValue={d.daten?.monat ?? d.eingabe.monat}
          error={d.fehler && d.fehler.feld !== 'region' ? d.fehler.text : undefined}
        />
        <SelectField name="bereich" label="Bereich" options={bereichOptionen(d.auswahl)} defaultValue={d.bereich} error={d.fehler?.feld === 'region' ? d.fehler.text : undefined} />
        <SelectField name="kennzahl" label="Kennzahl im Verlauf" options={KENNZAHL_OPTIONEN} defaultValue={d.daten?.kennzahl ?? (d.eingabe.kennzahl || 'K2')} />
        <SubmitButton variant="secondary">Kennzahlen anzeigen</SubmitButton>
      </form>
      {d.keineStandorte ? <Alert type="info" title="Ihrem Konto ist kein Standort zugeordnet." /> : null}
      {d.keinSnapshot ? (
        <Alert type="info" title="Für diesen Monat gibt es noch keine Statistik.">
          <p className="kern-body">
            Die Statistik wird jede Nacht erstellt. Welche Monate vorliegen, zeigt <a className="kern-link" href="/steuerung/daten">Stand der Daten</a>.
          </p>
        </Alert>
      ) : null}
      {k && gesamt ? (
        <>
          <p className="kern-body" data-testid="kz-stand">
            {k.region.name}, gezählt am <a className="kern-link" href={definitionHref('stichtag')}>Stichtag des Trägers</a> {datumText(k.stichtag)}. <a className="kern-link" href={definitionHref('datenstand')}>Datenstand</a>: {DATENSTAND_TEXT[k.datenstand]}.
          </p>
          <Werte d={k} />
          <Verlauf d={k} />
          {k.vergleich ? (
            <>
              <Vergleich id="kz-kommunen" titel={`Vergleich der Kommunen ${monatText(k.monat)}`} gesamt={gesamt} zeilen={k.vergleich.kommunen} leer="Für die Kommunen liegen keine Zahlen vor." />
              <Vergleich id="kz-standorte" titel={`Vergleich der Standorte ${monatText(k.monat)}`} gesamt={gesamt} zeilen={k.vergleich.standorte} leer="Für die Standorte liegen keine Zahlen vor." />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export const steuerungKennzahlenRoute: RouteObject = {
  path: 'steuerung/kennzahlen',
  loader,
  Component: KennzahlenPage,
  handle: { title: 'Kennzahlen' } satisfies PageHandle,
};
