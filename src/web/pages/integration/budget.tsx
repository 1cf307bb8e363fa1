import type { ReactNode } from 'react';
import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { TITEL_TEXT } from '../../../domain/foerdern/budget.ts';
import { BUDGET_TITEL } from '../../../domain/foerdern/typen.ts';
import { AppError } from '../../../server/errors.ts';
import { budgetOffeneBindungen } from '../../../server/integration/budget-offene-bindungen.ts';
import { budgetRechnungBuchen } from '../../../server/integration/budget-rechnung-buchen.ts';
import { budgetSollSetzen } from '../../../server/integration/budget-soll-setzen.ts';
import { budgetUebersicht } from '../../../server/integration/budget-uebersicht.ts';
import { can } from '../../../server/policies.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis } from '../verwaltung/shared.tsx';

/**
 * Staff (German): the Eingliederungsbudget of a Haushaltsjahr — Soll / gebunden / ausgezahlt / frei per Titel, the
 * breakdown per instrument and Standort, Verpflichtungen for later years (sums only: controlling sees it), and for
 * teamleitung the forms to enter the Soll and to book a provider's invoice. Thin: fields go to the use cases as they are.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'budget.lesen');
  const ctx = web(context).app;
  const roh = new URL(request.url).searchParams.get('jahr') ?? '';
  let fehlerJahr: string | null = null;
  let uebersicht;
  try {
    uebersicht = await budgetUebersicht.execute({ ctx, actor, input: { jahr: roh } });
  } catch (err) {
    if (!(err instanceof AppError && err.status === 400)) throw err;
    fehlerJahr = err.issues[0]?.message ?? err.message;
    uebersicht = await budgetUebersicht.execute({ ctx, actor, input: {} });
  }
  const darfVerwalten = can(actor, 'budget.verwalten');
  const offen = darfVerwalten ? await budgetOffeneBindungen.execute({ ctx, actor, input: {} }) : [];
  // "ändern" of a listed Soll: the form is prefilled with it and carries its version (optimistic locking)
  const q = new URL(request.url).searchParams;
  const aendern = uebersicht.soll.find((s) => String(s.haushaltsjahr) === q.get('sollJahr') && s.titel === q.get('titel')) ?? null;
  return { u: uebersicht, fehlerJahr, jahrEingabe: fehlerJahr ? roh : String(uebersicht.jahr), darfVerwalten, offen, aendern };
}

const SOLL_FELDER = ['haushaltsjahr', 'titel', 'sollCent', 'bemerkung', 'version'];
const RECHNUNG_FELDER = ['teilnahmeId', 'betragCent', 'datum', 'beleg', 'schlussrechnung'];

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'budget.verwalten');
  const form = await readForm(request);
  const ctx = web(context).app;
  if (form.get('_aktion') === 'rechnung') {
    const values = Object.fromEntries(RECHNUNG_FELDER.map((f) => [f, form.get(f)]));
    try {
      const r = await budgetRechnungBuchen.execute({ ctx, actor, input: values });
      flash(context, `Die Rechnung ${values.beleg} über ${euroText(r.gebuchtCent)} ist gebucht (Haushaltsjahr ${r.haushaltsjahr}).${r.freigegebenCent > 0 ? ` ${euroText(r.freigegebenCent)} wurden als nicht mehr benötigt freigegeben.` : ''}`);
      return redirect(`/integration/budget?jahr=${r.haushaltsjahr}`);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return fallFormFailure(context, new AppError('validation_failed', 400, err.message, [{ path: 'teilnahmeId', code: 'not_found', message: 'Bitte eine Teilnahme mit gebundenen Mitteln wählen.' }]), values, (p) => p, 'rechnung');
      return fallFormFailure(context, err, values, (p) => p, 'rechnung');
    }
  }
  const values = Object.fromEntries(SOLL_FELDER.map((f) => [f, form.get(f)]));
  try {
    const r = await budgetSollSetzen.execute({ ctx, actor, input: values });
    flash(context, `Das Budget ${r.haushaltsjahr} (${TITEL_TEXT[r.titel]}) ist mit ${euroText(r.sollCent)} eingetragen.`);
    return redirect(`/integration/budget?jahr=${r.haushaltsjahr}`);
  } catch (err) {
    return fallFormFailure(context, err, values, (p) => p, 'soll');
  }
}

const TITEL_OPTIONEN = [{ value: '', label: 'Bitte wählen' }, ...BUDGET_TITEL.map((t) => ({ value: t, label: TITEL_TEXT[t] }))];

function Tabelle(p: { id: string; titel: string; spalten: string[]; zahlenAb: number; zeilen: { key: string; zellen: ReactNode[] }[]; leer: string }) {
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
                {p.spalten.map((s, i) => (
                  <th key={s} scope="col" className={`kern-table__header${i >= p.zahlenAb ? ' kern-table__header--numeric' : ''}`}>
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {p.zeilen.map((z) => (
                <tr key={z.key} className="kern-table__row">
                  {z.zellen.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="kern-table__cell">
                        {c}
                      </th>
                    ) : (
                      <td key={i} className={`kern-table__cell${i >= p.zahlenAb ? ' kern-table__cell--numeric' : ''}`}>
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
    </section>
  );
}

/** Cents as the amount field expects them back ("1250000,00"). */
const euroEingabe = (cent: number) => `${Math.floor(cent / 100)},${String(cent % 100).padStart(2, '0')}`;
const kurzTitel = (t: string) => (t === 'egt_bund' ? 'Bund (EGT)' : 'kommunal (§ 16a)');

function BudgetPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const { u } = d;
  const fehler = (aktion: string): FieldErrors => (r?.aktion === aktion ? r.errors : {});
  const wert = (aktion: string, f: string, vorgabe = '') => (r?.aktion === aktion ? (r.values?.[f] ?? vorgabe) : vorgabe);
  const es = fehler('soll');
  const er = fehler('rechnung');
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Eingliederungsbudget ${u.jahr}`}</h1>
        <p className="kern-body">
          Gebunden sind die erwarteten Kosten zugewiesener Teilnahmen und bewilligter Förderleistungen, soweit sie weder ausgezahlt noch freigegeben sind. Frei = Soll − gebunden − ausgezahlt. Nur Summen, keine Personen.
        </p>
      </div>
      <form method="get" action="/integration/budget" className="kern-stack-md form-narrow" aria-label="Haushaltsjahr wählen">
        <TextField name="jahr" label="Haushaltsjahr" inputMode="numeric" defaultValue={d.jahrEingabe} error={d.fehlerJahr ?? undefined} hint="z. B. 2027" />
        <SubmitButton variant="secondary">Anzeigen</SubmitButton>
      </form>

      <Tabelle
        id="je-titel"
        titel={`Soll, gebunden, ausgezahlt und frei je Titel ${u.jahr}`}
        spalten={['Titel', 'Soll', 'Gebunden', 'Ausgezahlt', 'Frei']}
        zahlenAb={1}
        leer={`Für ${u.jahr} ist weder ein Budget eingetragen noch sind Mittel gebunden.`}
        zeilen={u.jeTitel.map((z) => ({
          key: z.titel,
          zellen: [z.titelText, z.sollCent === null ? 'kein Soll eingetragen' : euroText(z.sollCent), euroText(z.gebundenCent), euroText(z.ausgezahltCent), z.freiCent === null ? '–' : euroText(z.freiCent)],
        }))}
      />
      <Tabelle
        id="je-instrument"
        titel={`Je Instrument ${u.jahr}`}
        spalten={['Instrument', 'Titel', 'Gebunden', 'Ausgezahlt']}
        zahlenAb={2}
        leer="Keine Mittel gebunden oder ausgezahlt."
        zeilen={u.jeInstrument.map((z) => ({ key: `${z.titel}-${z.instrument}`, zellen: [z.instrumentText, kurzTitel(z.titel), euroText(z.gebundenCent), euroText(z.ausgezahltCent)] }))}
      />
      <Tabelle
        id="je-standort"
        titel={`Je Standort ${u.jahr}`}
        spalten={['Standort', 'Titel', 'Gebunden', 'Ausgezahlt']}
        zahlenAb={2}
        leer="Keine Mittel gebunden oder ausgezahlt."
        zeilen={u.jeStandort.map((z) => ({ key: `${z.titel}-${z.standortId}`, zellen: [z.standort, kurzTitel(z.titel), euroText(z.gebundenCent), euroText(z.ausgezahltCent)] }))}
      />
      <Tabelle
        id="verpflichtungen"
        titel={`Verpflichtungen zulasten späterer Haushaltsjahre (nach ${u.jahr})`}
        spalten={['Haushaltsjahr', 'Titel', 'Gebunden']}
        zahlenAb={2}
        leer="Keine Verpflichtungen für spätere Jahre."
        zeilen={u.verpflichtungen.map((v) => ({ key: `${v.haushaltsjahr}-${v.titel}`, zellen: [String(v.haushaltsjahr), v.titelText, euroText(v.gebundenCent)] }))}
      />
      <Tabelle
        id="soll-liste"
        titel="Eingetragene Budgets (Soll)"
        spalten={['Haushaltsjahr', 'Titel', 'Bemerkung', 'Soll']}
        zahlenAb={3}
        leer="Noch kein Budget eingetragen."
        zeilen={u.soll.map((s) => ({
          key: `${s.haushaltsjahr}-${s.titel}`,
          zellen: [
            String(s.haushaltsjahr),
            d.darfVerwalten ? (
              <a className="kern-link" href={`/integration/budget?jahr=${u.jahr}&sollJahr=${s.haushaltsjahr}&titel=${s.titel}#soll-eintragen`}>
                {`${s.titelText} – ändern`}
              </a>
            ) : (
              s.titelText
            ),
            s.bemerkung ?? '–',
            euroText(s.sollCent),
          ],
        }))}
      />

      {d.darfVerwalten ? (
        <>
          <section aria-labelledby="soll-eintragen" className="kern-stack-md">
            <h2 className="kern-heading-medium" id="soll-eintragen">
              Budget (Soll) eintragen oder ändern
            </h2>
            <ErrorSummary errors={es} title="Bitte prüfen Sie das Budget" />
            <KonfliktHinweis text={r?.aktion === 'soll' ? r.konflikt : undefined} />
            <PostForm csrfToken={csrfToken} action="/integration/budget" aria-label="Budget eintragen" className="kern-stack-md form-narrow">
              {wert('soll', 'version', d.aendern ? String(d.aendern.version) : '') ? <input type="hidden" name="version" value={wert('soll', 'version', d.aendern ? String(d.aendern.version) : '')} /> : null}
              <TextField name="haushaltsjahr" label="Haushaltsjahr" inputMode="numeric" defaultValue={wert('soll', 'haushaltsjahr', String(d.aendern?.haushaltsjahr ?? u.jahr))} error={es.haushaltsjahr} />
              <SelectField name="titel" label="Titel" options={TITEL_OPTIONEN} defaultValue={wert('soll', 'titel', d.aendern?.titel ?? '')} error={es.titel} />
              <TextField name="sollCent" label="Soll (Euro)" inputMode="decimal" hint="z. B. 1.250.000,00 – ein vorhandener Eintrag für Jahr und Titel wird ersetzt" defaultValue={wert('soll', 'sollCent', d.aendern ? euroEingabe(d.aendern.sollCent) : '')} error={es.sollCent} />
              <TextField name="bemerkung" label="Bemerkung" optionalLabel="optional" hint="z. B. „EinglMV, vorläufige Haushaltsführung“" defaultValue={wert('soll', 'bemerkung', d.aendern?.bemerkung ?? '')} error={es.bemerkung} />
              <SubmitButton name="_aktion" value="soll">
                Budget speichern
              </SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="rechnung" className="kern-stack-md">
            <h2 className="kern-heading-medium" id="rechnung">
              Rechnung eines Maßnahmeträgers buchen
            </h2>
            {d.offen.length === 0 ? (
              <p className="kern-body">Zurzeit sind für keine Teilnahme Mittel gebunden.</p>
            ) : (
              <>
                <ErrorSummary errors={er} title="Bitte prüfen Sie die Rechnung" />
                <KonfliktHinweis text={r?.aktion === 'rechnung' ? r.konflikt : undefined} />
                <PostForm csrfToken={csrfToken} action="/integration/budget" aria-label="Rechnung buchen" className="kern-stack-md form-narrow">
                  <SelectField
                    name="teilnahmeId"
                    label="Teilnahme (Maßnahme, Haushaltsjahr, noch gebunden)"
                    options={[
                      { value: '', label: 'Bitte wählen' },
                      ...[...new Map(d.offen.map((o) => [o.teilnahmeId, o])).values()].map((o) => ({
                        value: o.teilnahmeId,
                        label: `${o.massnahme} – Teilnahme ${o.teilnahmeId.slice(0, 8)} – ${d.offen
                          .filter((x) => x.teilnahmeId === o.teilnahmeId)
                          .map((x) => `${x.haushaltsjahr}: ${euroText(x.offenCent)}`)
                          .join(', ')}`,
                      })),
                    ]}
                    defaultValue={wert('rechnung', 'teilnahmeId')}
                    error={er.teilnahmeId}
                  />
                  <TextField name="betragCent" label="Rechnungsbetrag (Euro)" inputMode="decimal" defaultValue={wert('rechnung', 'betragCent')} error={er.betragCent} />
                  <TextField name="datum" label="Buchungstag" type="date" hint={`bestimmt das Haushaltsjahr, z. B. ${datumText(`${u.laufendesJahr}-12-15`)}`} defaultValue={wert('rechnung', 'datum')} error={er.datum} />
                  <TextField name="beleg" label="Rechnungsnummer" defaultValue={wert('rechnung', 'beleg')} error={er.beleg} />
                  <Checkbox name="schlussrechnung" label="Schlussrechnung: den Rest der gebundenen Mittel freigeben" checked={wert('rechnung', 'schlussrechnung') === '1'} />
                  <SubmitButton name="_aktion" value="rechnung">
                    Rechnung buchen
                  </SubmitButton>
                </PostForm>
              </>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

export const budgetRoute: RouteObject = {
  path: 'integration/budget',
  loader,
  action,
  Component: BudgetPage,
  handle: { title: 'Eingliederungsbudget' } satisfies PageHandle,
};
