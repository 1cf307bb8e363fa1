import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { INSTRUMENT_TEXT, verfuegbareInstrumente } from '../../../domain/foerdern/instrumente.ts';
import { BUDGET_TITEL, TEILNAHME_STATUS } from '../../../domain/foerdern/typen.ts';
import { STATUS_TEXT } from '../../../domain/foerdern/teilnahme.ts';
import { heute } from '../../../server/clock.ts';
import { kontingentAendern } from '../../../server/integration/kontingent-aendern.ts';
import { kontingentAnlegen } from '../../../server/integration/kontingent-anlegen.ts';
import { massnahmeAendern } from '../../../server/integration/massnahme-aendern.ts';
import { massnahmeAktivSetzen } from '../../../server/integration/massnahme-aktiv-setzen.ts';
import { massnahmeAnlegen } from '../../../server/integration/massnahme-anlegen.ts';
import { massnahmeLesen } from '../../../server/integration/massnahme-lesen.ts';
import { massnahmeTeilnehmer } from '../../../server/integration/massnahme-teilnehmer.ts';
import { massnahmenAuflisten } from '../../../server/integration/massnahmen-auflisten.ts';
import { can } from '../../../server/policies.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroFeld, euroText, fallFormFailure, zeitraumText, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { Fakten, KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): the Träger's Maßnahmen catalogue with free places (`/integration/massnahmen`) and one Maßnahme with
 * its Kontingente and the participants list for the provider (`/integration/massnahmen/:id`, printable, CSV). Thin:
 * form fields go to the use cases as they are.
 */

const KOSTENARTEN = [
  { value: 'pauschal', label: 'pauschal je Teilnahme' },
  { value: 'monatlich', label: 'je Monat der Teilnahme' },
];
const TITEL_TEXT: Record<(typeof BUDGET_TITEL)[number], string> = { egt_bund: 'Bundesmittel (EGT)', kommunal_16a: 'kommunale Mittel (§ 16a)' };
const TITEL = [{ value: '', label: 'nach dem Instrument' }, ...BUDGET_TITEL.map((t) => ({ value: t, label: TITEL_TEXT[t] }))];
const MASSNAHME_FELDER = ['bezeichnung', 'instrument', 'anbieter', 'beschreibung', 'regeldauerTage', 'kostenJePlatzCent', 'kostenart', 'titel'];

async function katalogLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'massnahmen.lesen');
  const ctx = web(context).app;
  return {
    massnahmen: await massnahmenAuflisten.execute({ ctx, actor, input: {} }),
    darfVerwalten: can(actor, 'massnahmen.verwalten'),
    instrumente: verfuegbareInstrumente(heute(ctx.clock.now())).map((i) => ({ value: i, label: `${INSTRUMENT_TEXT[i].bezeichnung} (${INSTRUMENT_TEXT[i].norm})` })),
  };
}

async function katalogAction({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'massnahmen.verwalten');
  const form = await readForm(request);
  const values = Object.fromEntries(MASSNAHME_FELDER.map((f) => [f, form.get(f)]));
  try {
    const m = await massnahmeAnlegen.execute({ ctx: web(context).app, actor, input: values });
    flash(context, `Die Maßnahme „${m.bezeichnung}“ ist im Programm. Legen Sie jetzt die Plätze je Standort an.`);
    return redirect(`/integration/massnahmen/${m.id}`);
  } catch (err) {
    return fallFormFailure(context, err, values, (p) => p, 'anlegen');
  }
}

function MassnahmeFelder(p: { e: FieldErrors; v: (f: string, vorgabe?: string) => string; instrumente: { value: string; label: string }[] }) {
  const { e, v } = p;
  return (
    <>
      <TextField name="bezeichnung" label="Bezeichnung" defaultValue={v('bezeichnung')} error={e.bezeichnung} />
      <SelectField name="instrument" label="Instrument (Rechtsgrundlage)" options={[{ value: '', label: 'Bitte wählen' }, ...p.instrumente]} defaultValue={v('instrument')} error={e.instrument} />
      <TextField name="anbieter" label="Maßnahmeträger" defaultValue={v('anbieter')} error={e.anbieter} />
      <TextAreaField name="beschreibung" label="Beschreibung (optional)" defaultValue={v('beschreibung')} error={e.beschreibung} rows={3} />
      <TextField name="regeldauerTage" label="Regeldauer einer Teilnahme in Tagen" optionalLabel="optional" inputMode="numeric" defaultValue={v('regeldauerTage')} error={e.regeldauerTage} width="kurz" />
      <TextField name="kostenJePlatzCent" label="Kosten je Platz (Euro)" inputMode="decimal" hint="z. B. 1.200,00" defaultValue={v('kostenJePlatzCent')} error={e.kostenJePlatzCent} width="kurz" />
      <SelectField name="kostenart" label="Kosten fallen an" options={KOSTENARTEN} defaultValue={v('kostenart', 'pauschal')} error={e.kostenart} />
      <SelectField name="titel" label="Haushaltstitel" options={TITEL} defaultValue={v('titel')} error={e.titel} />
    </>
  );
}

function KatalogPage() {
  const d = useLoaderData<typeof katalogLoader>();
  const r = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = (f: string, vorgabe = '') => r?.values?.[f] ?? vorgabe;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Maßnahmen</h1>
        <p className="kern-body">Das Maßnahmenprogramm des Trägers für alle Kommunen und Standorte, mit den freien Plätzen, die heute oder später gelten.</p>
      </div>
      {d.massnahmen.length === 0 ? (
        <p className="kern-body">Noch keine Maßnahme im Programm.</p>
      ) : (
        <TabellenBereich label="Maßnahmenprogramm">
          <table className="kern-table">
            <caption className="kern-sr-only">Maßnahmenprogramm</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Maßnahme</th>
                <th scope="col" className="kern-table__header">Instrument</th>
                <th scope="col" className="kern-table__header">Maßnahmeträger</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Freie Plätze</th>
                <th scope="col" className="kern-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {d.massnahmen.map((m) => (
                <tr key={m.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <a className="kern-link" href={`/integration/massnahmen/${m.id}`}>
                      {m.bezeichnung}
                    </a>
                  </th>
                  <td className="kern-table__cell">{`${m.instrumentText} (${m.norm})`}</td>
                  <td className="kern-table__cell">{m.anbieter}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{m.freiePlaetze}</td>
                  <td className="kern-table__cell">{m.aktiv ? 'im Programm' : 'nicht mehr im Programm'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
      {d.darfVerwalten ? (
        <section aria-labelledby="neu" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="neu">
            Maßnahme aufnehmen
          </h2>
          <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
          <KonfliktHinweis text={r?.konflikt} />
          <PostForm csrfToken={csrfToken} action="/integration/massnahmen" aria-label="Maßnahme aufnehmen" className="kern-stack-md form-narrow">
            <MassnahmeFelder e={e} v={v} instrumente={d.instrumente} />
            <SubmitButton>Maßnahme aufnehmen</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const massnahmenRoute: RouteObject = { path: 'integration/massnahmen', loader: katalogLoader, action: katalogAction, Component: KatalogPage, handle: { title: 'Maßnahmen' } satisfies PageHandle };

// ------------------------------------------------------------------ one Maßnahme

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'massnahmen.lesen');
  const ctx = web(context).app;
  const id = params.id ?? '';
  const m = await massnahmeLesen.execute({ ctx, actor, input: { id } });
  const status = new URL(request.url).searchParams.get('status') ?? '';
  const liste = can(actor, 'integration.lesen') ? await massnahmeTeilnehmer.execute({ ctx, actor, input: { id, status } }) : null;
  return {
    m,
    liste,
    status,
    darfVerwalten: can(actor, 'massnahmen.verwalten'),
    instrumente: [...new Set([m.instrument, ...verfuegbareInstrumente(heute(ctx.clock.now()))])].map((i) => ({ value: i, label: `${INSTRUMENT_TEXT[i].bezeichnung} (${INSTRUMENT_TEXT[i].norm})` })),
  };
}

type DetailErgebnis = FallFormResult & { id?: string };

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<DetailErgebnis | Response> {
  const actor = requirePermission(context, request, 'massnahmen.verwalten');
  const form = await readForm(request);
  const ctx = web(context).app;
  const id = params.id ?? '';
  const hier = `/integration/massnahmen/${id}`;
  const aktion = form.get('_aktion');
  if (aktion === 'kontingent') {
    const values = { standortId: form.get('standortId'), gueltigVon: form.get('gueltigVon'), gueltigBis: form.get('gueltigBis'), plaetze: form.get('plaetze') };
    try {
      await kontingentAnlegen.execute({ ctx, actor, input: { massnahmeId: id, ...values } });
      flash(context, 'Die Plätze sind angelegt.');
      return redirect(`${hier}#kontingente`);
    } catch (err) {
      return fallFormFailure(context, err, values, (p) => p, aktion);
    }
  }
  if (aktion === 'plaetze') {
    const kid = form.get('id');
    const values = { plaetze: form.get(`plaetze_${kurz(kid)}`), gueltigBis: form.get(`gueltigBis_${kurz(kid)}`) };
    try {
      await kontingentAendern.execute({ ctx, actor, input: { id: kid, version: form.get('version'), ...values } });
      flash(context, 'Die Plätze sind geändert.');
      return redirect(`${hier}#kontingente`);
    } catch (err) {
      return { ...fallFormFailure(context, err, values, (p) => `${p}_${kurz(kid)}`, aktion), id: kid };
    }
  }
  if (aktion === 'aktiv') {
    try {
      const m = await massnahmeAktivSetzen.execute({ ctx, actor, input: { id, version: form.get('version'), aktiv: form.get('aktiv') } });
      flash(context, m.aktiv ? 'Die Maßnahme ist wieder im Programm.' : 'Die Maßnahme ist nicht mehr im Programm. Laufende Teilnahmen gehen weiter.');
      return redirect(hier);
    } catch (err) {
      return fallFormFailure(context, err, {}, (p) => p, aktion);
    }
  }
  const values = Object.fromEntries(MASSNAHME_FELDER.map((f) => [f, form.get(f)]));
  try {
    await massnahmeAendern.execute({ ctx, actor, input: { id, version: form.get('version'), ...values } });
    flash(context, 'Die Maßnahme ist geändert.');
    return redirect(hier);
  } catch (err) {
    return fallFormFailure(context, err, values, (p) => p, 'aendern');
  }
}

const kurz = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 12);
const STATUS_FILTER = [{ value: '', label: 'alle' }, ...TEILNAHME_STATUS.map((s) => ({ value: s, label: STATUS_TEXT[s] }))];

function DetailPage() {
  const d = useLoaderData<typeof detailLoader>();
  const r = useActionData() as DetailErgebnis | undefined;
  const { csrfToken } = useRoot();
  const { m } = d;
  const fuer = (aktion: string) => (r?.aktion === aktion ? r : undefined);
  const neuK = fuer('kontingent');
  const aend = fuer('aendern');
  const ae: FieldErrors = aend?.errors ?? {};
  const av = (f: string, vorgabe = '') => aend?.values?.[f] ?? vorgabe;
  const vorgaben: Record<string, string> = {
    bezeichnung: m.bezeichnung,
    instrument: m.instrument,
    anbieter: m.anbieter,
    beschreibung: m.beschreibung ?? '',
    regeldauerTage: m.regeldauerTage === null ? '' : String(m.regeldauerTage),
    kostenJePlatzCent: euroFeld(m.kostenJePlatzCent),
    kostenart: m.kostenart,
    titel: m.titel,
  };
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/integration/massnahmen" label="Zum Maßnahmenprogramm" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{m.bezeichnung}</h1>
        <p className="kern-body">{m.beschreibung ?? ''}</p>
      </div>
      <KonfliktHinweis text={fuer('aktiv')?.konflikt} />
      <Fakten
        items={[
          ['Instrument', `${m.instrumentText} (${m.norm})`],
          ['Maßnahmeträger', m.anbieter],
          ['Regeldauer', m.regeldauerTage ? `${m.regeldauerTage} Tage` : 'keine'],
          ['Kosten je Platz', `${euroText(m.kostenJePlatzCent)} ${m.kostenart === 'monatlich' ? 'je Monat' : 'pauschal'} (${TITEL_TEXT[m.titel]})`],
          ['Maßnahme der aktiven Arbeitsförderung', `${m.zaehltAlsMassnahme ? 'ja' : 'nein'} (Zuordnung ${m.zuordnungVersion})`],
          ['Status', m.aktiv ? 'im Programm' : 'nicht mehr im Programm'],
        ]}
      />

      <section aria-labelledby="kontingente" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="kontingente">
          Plätze je Standort
        </h2>
        {m.kontingente.length === 0 ? (
          <p className="kern-body">Noch keine Plätze angelegt.</p>
        ) : (
          <ul className="kern-list kern-stack-md">
            {m.kontingente.map((k) => {
              const meins = r?.aktion === 'plaetze' && r.id === k.id ? r : undefined;
              const n = (f: string) => `${f}_${kurz(k.id)}`;
              return (
                <li key={k.id} className="kern-stack-sm">
                  <p className="kern-body">
                    <strong>{k.standortName}</strong>
                    {`: ${zeitraumText(k.gueltigVon, k.gueltigBis)} – ${k.plaetze} Plätze, ${k.belegt} belegt, ${k.frei} frei${k.wartend ? `, ${k.wartend} auf der Warteliste` : ''}`}
                  </p>
                  {d.darfVerwalten ? (
                    <details open={!!meins}>
                      <summary className="kern-link">{`Plätze in ${k.standortName} ändern`}</summary>
                      <PostForm csrfToken={csrfToken} action={`/integration/massnahmen/${m.id}`} aria-label={`Plätze in ${k.standortName} ändern`} className="kern-stack-md form-narrow">
                        <input type="hidden" name="id" value={k.id} />
                        <input type="hidden" name="version" value={k.version} />
                        <KonfliktHinweis text={meins?.konflikt} />
                        <TextField name={n('plaetze')} label="Plätze" inputMode="numeric" defaultValue={meins?.values?.plaetze ?? String(k.plaetze)} error={meins?.errors[n('plaetze')]} width="kurz" />
                        <TextField name={n('gueltigBis')} label="Gültig bis" optionalLabel="optional" type="date" defaultValue={meins?.values?.gueltigBis ?? k.gueltigBis ?? ''} error={meins?.errors[n('gueltigBis')]} />
                        <SubmitButton variant="secondary" name="_aktion" value="plaetze">
                          Plätze speichern
                        </SubmitButton>
                      </PostForm>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {d.darfVerwalten ? (
          <details open={!!neuK}>
            <summary className="kern-link">Plätze für einen Standort anlegen</summary>
            <PostForm csrfToken={csrfToken} action={`/integration/massnahmen/${m.id}`} aria-label="Plätze anlegen" className="kern-stack-md form-narrow">
              <ErrorSummary errors={neuK?.errors ?? {}} title="Bitte prüfen Sie die Plätze" />
              <KonfliktHinweis text={neuK?.konflikt} />
              <SelectField name="standortId" label="Standort" options={[{ value: '', label: 'Bitte wählen' }, ...m.standorte.map((s) => ({ value: s.id, label: s.name }))]} defaultValue={neuK?.values?.standortId ?? ''} error={neuK?.errors.standortId} />
              <TextField name="gueltigVon" label="Gültig ab" type="date" defaultValue={neuK?.values?.gueltigVon ?? ''} error={neuK?.errors.gueltigVon} />
              <TextField name="gueltigBis" label="Gültig bis" optionalLabel="optional" type="date" defaultValue={neuK?.values?.gueltigBis ?? ''} error={neuK?.errors.gueltigBis} />
              <TextField name="plaetze" label="Plätze" inputMode="numeric" defaultValue={neuK?.values?.plaetze ?? ''} error={neuK?.errors.plaetze} width="kurz" />
              <SubmitButton variant="secondary" name="_aktion" value="kontingent">
                Plätze anlegen
              </SubmitButton>
            </PostForm>
          </details>
        ) : null}
      </section>

      {d.liste ? (
        <section aria-labelledby="teilnehmende" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="teilnehmende">
            Teilnehmende
          </h2>
          <p className="kern-body">Nur Personen Ihrer Standorte. Die Liste lässt sich drucken oder als Tabelle (CSV) an den Maßnahmeträger geben.</p>
          <form method="get" action={`/integration/massnahmen/${m.id}`} className="kern-stack-sm form-narrow" aria-label="Teilnehmende filtern">
            <SelectField name="status" label="Status" options={STATUS_FILTER} defaultValue={d.status} />
            <SubmitButton variant="secondary">Filtern</SubmitButton>
          </form>
          <p className="kern-body">
            <a className="kern-link" href={`/api/integration/massnahmen/${m.id}/teilnehmende.csv${d.status ? `?status=${encodeURIComponent(d.status)}` : ''}`} download>
              Teilnehmendenliste als CSV herunterladen
            </a>
          </p>
          {d.liste.teilnehmer.length === 0 ? (
            <p className="kern-body">Keine Teilnehmenden.</p>
          ) : (
            <TabellenBereich label="Teilnehmende">
              <table className="kern-table">
                <caption className="kern-sr-only">{`Teilnehmende – ${m.bezeichnung}`}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">Name</th>
                    <th scope="col" className="kern-table__header">Standort</th>
                    <th scope="col" className="kern-table__header">Status</th>
                    <th scope="col" className="kern-table__header">Platz</th>
                    <th scope="col" className="kern-table__header">Zeitraum</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {d.liste.teilnehmer.map((t) => (
                    <tr key={t.id} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        <a className="kern-link" href={`/integration/personen/${t.personId}/massnahmen#teilnahme-${t.id}`}>
                          {t.name}
                        </a>
                      </th>
                      <td className="kern-table__cell">{t.standortName}</td>
                      <td className="kern-table__cell">{t.austrittsgrundText ? `${t.statusText} (${t.austrittsgrundText})` : t.statusText}</td>
                      <td className="kern-table__cell">{t.platzNr ?? '–'}</td>
                      <td className="kern-table__cell">{t.eintrittAm ? `${datumText(t.eintrittAm)} – ${t.austrittAm ? datumText(t.austrittAm) : `geplant ${datumText(t.geplantBis)}`}` : `geplant ${datumText(t.geplantVon)} – ${datumText(t.geplantBis)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellenBereich>
          )}
        </section>
      ) : null}

      {d.darfVerwalten ? (
        <section aria-labelledby="aendern" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="aendern">
            Maßnahme ändern
          </h2>
          <details open={!!aend}>
            <summary className="kern-link">Angaben ändern</summary>
            <PostForm csrfToken={csrfToken} action={`/integration/massnahmen/${m.id}`} aria-label="Maßnahme ändern" className="kern-stack-md form-narrow">
              <input type="hidden" name="version" value={m.version} />
              <ErrorSummary errors={ae} title="Bitte prüfen Sie Ihre Eingaben" />
              <KonfliktHinweis text={aend?.konflikt} />
              <MassnahmeFelder e={ae} v={(f) => av(f, vorgaben[f] ?? '')} instrumente={d.instrumente} />
              <SubmitButton variant="secondary" name="_aktion" value="aendern">
                Änderungen speichern
              </SubmitButton>
            </PostForm>
          </details>
          <PostForm csrfToken={csrfToken} action={`/integration/massnahmen/${m.id}`} aria-label={m.aktiv ? 'Maßnahme aus dem Programm nehmen' : 'Maßnahme wieder aufnehmen'}>
            <input type="hidden" name="version" value={m.version} />
            <input type="hidden" name="aktiv" value={m.aktiv ? '0' : '1'} />
            <SubmitButton variant="tertiary" name="_aktion" value="aktiv">
              {m.aktiv ? 'Aus dem Programm nehmen' : 'Wieder ins Programm aufnehmen'}
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const massnahmeRoute: RouteObject = { path: 'integration/massnahmen/:id', loader: detailLoader, action: detailAction, Component: DetailPage, handle: { title: 'Maßnahme' } satisfies PageHandle };
