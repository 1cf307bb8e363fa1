import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { heute } from '../../../server/clock.ts';
import { kduRichtwertAbAendern } from '../../../server/verwaltung/kdu-richtwert-ab.ts';
import { kduRichtwertAnlegen } from '../../../server/verwaltung/kdu-richtwert-anlegen.ts';
import { kduRichtwertBeenden } from '../../../server/verwaltung/kdu-richtwert-beenden.ts';
import { kduRichtwertLaden } from '../../../server/verwaltung/kdu-richtwert-laden.ts';
import { kduRichtwerteAuflisten } from '../../../server/verwaltung/kdu-richtwerte-auflisten.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, euroText, zeitraumText } from '../faelle/shared.tsx';
import { formFailure, KonfliktHinweis, Zurueck, type FormResult } from './shared.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';

const PFAD = '/verwaltung/kdu-richtwerte';
const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';

type Gueltigkeit = { gueltigVon: string; gueltigBis: string | null };

/** abgelaufen / gilt / künftig, relative to today (Europe/Berlin). */
function stand(r: Gueltigkeit, tag: string): 'abgelaufen' | 'gilt' | 'kuenftig' {
  if (r.gueltigBis !== null && r.gueltigBis < tag) return 'abgelaufen';
  return r.gueltigVon > tag ? 'kuenftig' : 'gilt';
}

function StandBadge(p: { r: Gueltigkeit; heute: string }) {
  const s = stand(p.r, p.heute);
  const art = s === 'gilt' ? 'success' : s === 'kuenftig' ? 'info' : 'warning';
  return (
    <span className={`kern-badge kern-badge--small kern-badge--${art}`}>
      <span className="kern-label">{s === 'gilt' ? 'gilt' : s === 'kuenftig' ? 'künftig' : 'abgelaufen'}</span>
    </span>
  );
}

/**
 * A use case's refusal as field messages. The use cases name the cent fields; the forms ask for Euro.
 * An overlap (409 zeitraum_ueberschneidung) is tied to the date field it names, with status 409.
 */
function fehlerAnFeldern(context: unknown, err: unknown, values: Record<string, string>, feld: Record<string, string>): FormResult {
  if (err instanceof AppError && err.issues.length && (err.code === 'validation_failed' || err.code === 'zeitraum_ueberschneidung')) {
    const errors: FieldErrors = {};
    for (const i of err.issues) errors[feld[i.path] ?? i.path] ??= i.message;
    web(context).reply.code(err.status);
    return { errors, values };
  }
  return formFailure(context, err, values);
}

/* ---------- /verwaltung/kdu-richtwerte ---------- */

async function listLoader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  return { ...(await kduRichtwerteAuflisten.execute({ ctx: web(context).app, actor, input: {} })), heute: heute(web(context).app.clock.now()) };
}

async function listAction({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  const form = await readForm(request);
  const values = Object.fromEntries(['kommuneId', 'haushaltsgroesse', 'bruttokaltmiete', 'heizkosten', 'gueltigVon', 'gueltigBis'].map((k) => [k, form.get(k).trim()]));
  try {
    await kduRichtwertAnlegen.execute({
      ctx: web(context).app,
      actor,
      input: {
        kommuneId: values.kommuneId,
        haushaltsgroesse: values.haushaltsgroesse,
        bruttokaltmieteCent: values.bruttokaltmiete,
        heizkostenCent: values.heizkosten,
        gueltigVon: values.gueltigVon,
        gueltigBis: values.gueltigBis,
      },
    });
  } catch (err) {
    return fehlerAnFeldern(context, err, values, { bruttokaltmieteCent: 'bruttokaltmiete', heizkostenCent: 'heizkosten' });
  }
  flash(context, 'Der Richtwert wurde gespeichert.');
  return redirect(PFAD);
}

/** KdU-Richtwerte (Angemessenheitsgrenzen) per Kommune and household size, with validity dates. */
function KduPage() {
  const d = useLoaderData<typeof listLoader>();
  const r = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = (r?.values ?? {}) as Record<string, string>;
  const jeKommune = d.kommunen.map((k) => ({ ...k, werte: d.richtwerte.filter((w) => w.kommuneId === k.id) })).filter((k) => k.werte.length > 0);
  return (
    <div className="kern-stack-lg">
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">KdU-Richtwerte</h1>
        <p className="kern-body">
          Angemessene Kosten der Unterkunft und Heizung (§ 22 Abs. 1 SGB II) je Kommune und Haushaltsgröße. Die Leistungsberechnung nimmt für jeden Monat den Richtwert, der
          an dessen erstem Tag gilt.
        </p>
      </div>
      <ErrorSummary errors={e} title={FEHLER_TITEL} />
      <KonfliktHinweis text={r?.konflikt} />
      {jeKommune.length === 0 ? <p className="kern-body">Es sind noch keine Richtwerte eingetragen.</p> : null}
      {jeKommune.map((k) => (
        <section key={k.id} aria-labelledby={`kommune-${k.id}`} className="kern-stack-sm">
          <h2 className="kern-heading-medium" id={`kommune-${k.id}`}>
            {k.name}
          </h2>
          <TabellenBereich label={`KdU-Richtwerte ${k.name}`}>
            <table className="kern-table">
              <caption className="kern-sr-only">{`KdU-Richtwerte ${k.name} nach Haushaltsgröße`}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Personen</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Bruttokaltmiete</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Heizkosten</th>
                  <th scope="col" className="kern-table__header">Gültig</th>
                  <th scope="col" className="kern-table__header">Stand</th>
                  <th scope="col" className="kern-table__header">Aktion</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {k.werte.map((w) => (
                  <tr key={w.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell kern-table__cell--numeric">{w.haushaltsgroesse}</th>
                    <td className="kern-table__cell kern-table__cell--numeric">{euroText(w.bruttokaltmieteCent)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{euroText(w.heizkostenCent)}</td>
                    <td className="kern-table__cell">{zeitraumText(w.gueltigVon, w.gueltigBis)}</td>
                    <td className="kern-table__cell">
                      <StandBadge r={w} heute={d.heute} />
                    </td>
                    <td className="kern-table__cell">
                      <a className="kern-link" href={`${PFAD}/${w.id}`}>
                        {`Ändern oder beenden (${w.haushaltsgroesse} ${w.haushaltsgroesse === 1 ? 'Person' : 'Personen'}, ${zeitraumText(w.gueltigVon, w.gueltigBis)})`}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        </section>
      ))}
      <section aria-labelledby="neu" className="kern-stack-md form-narrow">
        <h2 className="kern-heading-medium" id="neu">
          Neuer Richtwert
        </h2>
        <PostForm csrfToken={csrfToken} action={PFAD} className="kern-stack-md" aria-label="Neuer Richtwert">
          <SelectField name="kommuneId" label="Kommune" options={d.kommunen.map((k) => ({ value: k.id, label: k.name }))} defaultValue={v.kommuneId} error={e.kommuneId} />
          <TextField name="haushaltsgroesse" label="Haushaltsgröße (Personen)" inputMode="numeric" width="kurz" defaultValue={v.haushaltsgroesse} error={e.haushaltsgroesse} required />
          <TextField name="bruttokaltmiete" label="Angemessene Bruttokaltmiete (Euro)" inputMode="decimal" defaultValue={v.bruttokaltmiete} error={e.bruttokaltmiete} required />
          <TextField name="heizkosten" label="Angemessene Heizkosten (Euro)" inputMode="decimal" defaultValue={v.heizkosten} error={e.heizkosten} required />
          <TextField name="gueltigVon" label="Gültig ab" type="date" defaultValue={v.gueltigVon} error={e.gueltigVon} required />
          <TextField name="gueltigBis" label="Gültig bis" type="date" optionalLabel="optional" hint="Leer lassen, wenn kein Ende bekannt ist." defaultValue={v.gueltigBis} error={e.gueltigBis} />
          <SubmitButton>Richtwert speichern</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}

export const kduRichtwerteRoute: RouteObject = { path: 'verwaltung/kdu-richtwerte', loader: listLoader, action: listAction, Component: KduPage, handle: { title: 'KdU-Richtwerte' } satisfies PageHandle };

/* ---------- /verwaltung/kdu-richtwerte/:id ---------- */

async function detailLoader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  return kduRichtwertLaden.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '' } });
}

type DetailResult = FormResult & { formular?: 'neuer-wert' | 'beenden' };

async function detailAction({ context, request, params }: ActionFunctionArgs): Promise<DetailResult | Response> {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  const ctx = web(context).app;
  const id = params.id ?? '';
  const form = await readForm(request);
  const version = form.get('version');
  if (form.get('_aktion') === 'beenden') {
    const values = { bis: form.get('bis').trim() };
    try {
      const r = await kduRichtwertBeenden.execute({ ctx, actor, input: { id, version, bis: values.bis } });
      flash(context, `Der Richtwert gilt jetzt bis ${datumText(r.gueltigBis)}.`);
      return redirect(PFAD);
    } catch (err) {
      return { ...fehlerAnFeldern(context, err, values, {}), formular: 'beenden' };
    }
  }
  const values = { ab: form.get('ab').trim(), bruttokaltmiete: form.get('bruttokaltmiete').trim(), heizkosten: form.get('heizkosten').trim() };
  try {
    const r = await kduRichtwertAbAendern.execute({ ctx, actor, input: { id, version, ab: values.ab, bruttokaltmieteCent: values.bruttokaltmiete, heizkostenCent: values.heizkosten } });
    flash(context, `Der neue Richtwert gilt ab ${datumText(r.neu.gueltigVon)}; der bisherige endet am ${datumText(r.beendet.gueltigBis)}.`);
    return redirect(PFAD);
  } catch (err) {
    return { ...fehlerAnFeldern(context, err, values, { bruttokaltmieteCent: 'bruttokaltmiete', heizkostenCent: 'heizkosten' }), formular: 'neuer-wert' };
  }
}

function KduRichtwertPage() {
  const { richtwert: w, verlauf, heute: tag } = useLoaderData<typeof detailLoader>();
  const r = useActionData() as DetailResult | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  // after a conflict the forms start again from what is stored now
  const v = (r && !r.konflikt ? (r.values ?? {}) : {}) as Record<string, string>;
  const personen = `${w.haushaltsgroesse} ${w.haushaltsgroesse === 1 ? 'Person' : 'Personen'}`;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href={PFAD} label="KdU-Richtwerte" />
      <h1 className="kern-heading-large">{`KdU-Richtwert ${w.kommune}, ${personen}`}</h1>
      <ErrorSummary errors={e} title={FEHLER_TITEL} />
      <KonfliktHinweis text={r?.konflikt} />
      <section aria-labelledby="verlauf" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="verlauf">
          Verlauf
        </h2>
        <TabellenBereich label={`Alle Richtwerte ${w.kommune}, ${personen}`}>
          <table className="kern-table">
            <caption className="kern-sr-only">{`Alle Richtwerte ${w.kommune}, ${personen}`}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">Gültig</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Bruttokaltmiete</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">Heizkosten</th>
                <th scope="col" className="kern-table__header">Stand</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {verlauf.map((x) => (
                <tr key={x.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    {zeitraumText(x.gueltigVon, x.gueltigBis)}
                    {x.id === w.id ? <span className="kern-sr-only"> (dieser Richtwert)</span> : null}
                    {x.id === w.id ? <strong aria-hidden="true"> ◀</strong> : null}
                  </th>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(x.bruttokaltmieteCent)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{euroText(x.heizkostenCent)}</td>
                  <td className="kern-table__cell">
                    <StandBadge r={x} heute={tag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      </section>
      <section aria-labelledby="neuer-wert" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="neuer-wert">
          Neuer Wert ab einem Datum
        </h2>
        <p className="kern-body">
          {`Der bisherige Richtwert (${zeitraumText(w.gueltigVon, w.gueltigBis)}) endet am Tag vor dem neuen Datum; der neue gilt ${w.gueltigBis ? `bis ${datumText(w.gueltigBis)}` : 'ohne Ende'}.`}
        </p>
        <PostForm csrfToken={csrfToken} action={`${PFAD}/${w.id}`} className="kern-stack-md" aria-label="Neuer Wert ab einem Datum">
          <input type="hidden" name="version" value={w.version} />
          <TextField name="ab" label="Neuer Wert gilt ab" type="date" defaultValue={r?.formular === 'neuer-wert' ? v.ab : undefined} error={e.ab} required />
          <TextField
            name="bruttokaltmiete"
            label="Angemessene Bruttokaltmiete (Euro)"
            inputMode="decimal"
            defaultValue={r?.formular === 'neuer-wert' ? v.bruttokaltmiete : (w.bruttokaltmieteCent / 100).toFixed(2).replace('.', ',')}
            error={e.bruttokaltmiete}
            required
          />
          <TextField
            name="heizkosten"
            label="Angemessene Heizkosten (Euro)"
            inputMode="decimal"
            defaultValue={r?.formular === 'neuer-wert' ? v.heizkosten : (w.heizkostenCent / 100).toFixed(2).replace('.', ',')}
            error={e.heizkosten}
            required
          />
          <SubmitButton name="_aktion" value="neuer-wert">
            Neuen Wert speichern
          </SubmitButton>
        </PostForm>
      </section>
      <section aria-labelledby="beenden" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="beenden">
          Richtwert beenden
        </h2>
        <p className="kern-body">Nach dem letzten Tag gilt für diese Kommune und Haushaltsgröße kein Richtwert mehr, bis ein neuer eingetragen ist.</p>
        <PostForm csrfToken={csrfToken} action={`${PFAD}/${w.id}`} className="kern-stack-md" aria-label="Richtwert beenden">
          <input type="hidden" name="version" value={w.version} />
          <TextField name="bis" label="Letzter Tag der Gültigkeit" type="date" defaultValue={r?.formular === 'beenden' ? v.bis : (w.gueltigBis ?? undefined)} error={e.bis} required />
          <SubmitButton variant="secondary" name="_aktion" value="beenden">
            Richtwert beenden
          </SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}

export const kduRichtwertRoute: RouteObject = {
  path: 'verwaltung/kdu-richtwerte/:id',
  loader: detailLoader,
  action: detailAction,
  Component: KduRichtwertPage,
  handle: { title: (d: { richtwert: { kommune: string; haushaltsgroesse: number } } | undefined) => (d ? `KdU-Richtwert ${d.richtwert.kommune}, ${d.richtwert.haushaltsgroesse} P.` : 'KdU-Richtwert') } satisfies PageHandle,
};
