import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { foerderleistungAnlegen } from '../../../server/integration/foerderleistung-anlegen.ts';
import { foerderleistungBeenden } from '../../../server/integration/foerderleistung-beenden.ts';
import { foerderleistungenListe } from '../../../server/integration/foerderleistungen-liste.ts';
import { heute } from '../../../server/clock.ts';
import { dauerregel } from '../../../domain/foerdern/instrumente.ts';
import { AppError } from '../../../server/errors.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, euroText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { KonfliktHinweis, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): the individual Förderleistungen of a person (Einstiegsgeld § 16b, Mehraufwandsentschädigung § 16d,
 * Vermittlungsbudget § 44 SGB III) with what the Zahllauf has paid; forms to grant one (binds budget) and to end one
 * early. Thin: form fields go to the use cases as they are.
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'integration.lesen');
  const ctx = web(context).app;
  const d = await foerderleistungenListe.execute({ ctx, actor, input: { personId: params.personId ?? '' } });
  return { ...d, heute: heute(ctx.clock.now()) };
}

type Ergebnis = FallFormResult & { id?: string };
const ANLEGEN_FELDER = ['art', 'einmalig', 'betragCent', 'gueltigVon', 'gueltigBis', 'teilnahmeId', 'ueberschreitungBestaetigt'];
/** Field names of the end form per Förderleistung carry this suffix, so every field id on the page is unique. */
const kurz = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 12);

async function action({ context, request, params }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'integration.bearbeiten');
  const form = await readForm(request);
  const personId = params.personId ?? '';
  const ctx = web(context).app;
  const hier = `/integration/personen/${personId}/foerderleistungen`;
  if (form.get('_aktion') === 'beenden') {
    const id = form.get('id');
    const k = kurz(id);
    const values = { beendetAm: form.get(`beendetAm_${k}`) };
    try {
      const r = await foerderleistungBeenden.execute({ ctx, actor, input: { personId, id, ...values, version: form.get('version') } });
      flash(context, `${r.artText} endet am ${datumText(r.beendetAm)}. Nicht mehr benötigte Mittel sind freigegeben.`);
      return redirect(`${hier}#foerderleistung-${id}`);
    } catch (err) {
      return { ...fallFormFailure(context, err, values, (p) => `${p}_${k}`, 'beenden'), id };
    }
  }
  const values = Object.fromEntries(ANLEGEN_FELDER.map((f) => [f, form.get(f)]));
  try {
    const r = await foerderleistungAnlegen.execute({ ctx, actor, input: { personId, ...values } });
    flash(context, `${r.artText} ist bewilligt (${euroText(r.gesamtCent)} insgesamt); die Mittel sind gebunden, die Auszahlung erfolgt mit dem Zahllauf.`);
    return redirect(`${hier}#foerderleistung-${r.id}`);
  } catch (err) {
    // over budget: the message belongs at the amount (or, for teamleitung, at the confirmation)
    if (err instanceof AppError && err.code === 'budget_ueberschritten' && err.issues.length) {
      web(context).reply.code(409);
      return { errors: Object.fromEntries(err.issues.map((i) => [i.path.replace(/^body\./, ''), i.message])), values, aktion: 'anlegen' };
    }
    return fallFormFailure(context, err, values, (p) => p, 'anlegen');
  }
}

const STATUS_TEXT = { laufend: 'läuft', geplant: 'beginnt später', abgelaufen: 'abgelaufen', beendet: 'vorzeitig beendet', storniert: 'storniert' } as const;

function FoerderleistungenPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const name = `${d.person.vorname} ${d.person.nachname}`;
  const anlegen = r?.aktion === 'anlegen';
  const e: FieldErrors = anlegen ? r.errors : {};
  const v = (f: string, vorgabe = '') => (anlegen ? (r.values?.[f] ?? vorgabe) : vorgabe);
  const offen = d.foerderleistungen.filter((f) => !f.beendetAm && f.status !== 'abgelaufen' && !f.einmalig);
  return (
    <div className="kern-stack-lg">
      <Zurueck href={`/integration/personen/${d.person.id}`} label={`Zur Integrationsakte ${name}`} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Förderleistungen – ${name}`}</h1>
        <p className="kern-body">
          {`Fallakte ${d.person.fallnummer}. Einstiegsgeld, Mehraufwandsentschädigung und Vermittlungsbudget werden aus dem Eingliederungsbudget gezahlt: über den Zahllauf auf das Konto der Bedarfsgemeinschaft, monatlich im Voraus (anteilig nach Tagen), mit der Kostenart Eingliederung.`}
        </p>
      </div>
      <section aria-labelledby="liste" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="liste">
          Bewilligte Förderleistungen
        </h2>
        {d.foerderleistungen.length === 0 ? (
          <p className="kern-body">Keine Förderleistung bewilligt.</p>
        ) : (
          <TabellenBereich label="Bewilligte Förderleistungen">
            <table className="kern-table">
              <caption className="kern-sr-only">Bewilligte Förderleistungen</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Leistung</th>
                  <th scope="col" className="kern-table__header">Zeitraum</th>
                  <th scope="col" className="kern-table__header">Status</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Betrag</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Gesamt</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Ausgezahlt</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.foerderleistungen.map((f) => (
                  <tr key={f.id} id={`foerderleistung-${f.id}`} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">{`${f.artText} (${f.norm})`}</th>
                    <td className="kern-table__cell">
                      {f.einmalig ? `einmalig am ${datumText(f.gueltigVon)}` : `${datumText(f.gueltigVon)} – ${datumText(f.beendetAm && f.gueltigBis && f.beendetAm < f.gueltigBis ? f.beendetAm : f.gueltigBis)}`}
                    </td>
                    <td className="kern-table__cell">{STATUS_TEXT[f.status]}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{f.einmalig ? euroText(f.betragCent) : `${euroText(f.betragCent)} mtl.`}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.gesamtCent)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{euroText(f.ausgezahltCent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
      </section>

      {d.darfBearbeiten && offen.length > 0 ? (
        <section aria-labelledby="beenden" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="beenden">
            Förderleistung vorzeitig beenden
          </h2>
          {offen.map((f) => {
            const meins = r?.aktion === 'beenden' && r.id === f.id ? r : undefined;
            const fe: FieldErrors = meins?.errors ?? {};
            const feld = `beendetAm_${kurz(f.id)}`;
            return (
              <PostForm key={f.id} csrfToken={csrfToken} action={`/integration/personen/${d.person.id}/foerderleistungen`} aria-label={`${f.artText} ab ${datumText(f.gueltigVon)} beenden`} className="kern-stack-md form-narrow">
                <input type="hidden" name="id" value={f.id} />
                <input type="hidden" name="version" value={f.version} />
                <ErrorSummary errors={fe} title="Bitte prüfen Sie das Ende" />
                <KonfliktHinweis text={meins?.konflikt} />
                <TextField
                  name={feld}
                  label={`Letzter Tag: ${f.artText} ab ${datumText(f.gueltigVon)}`}
                  type="date"
                  hint={f.bezahltBis ? `Ausgezahlt bis ${datumText(f.bezahltBis)}; früher ist nicht möglich.` : 'Der Tag vor dem Beginn storniert die Leistung.'}
                  defaultValue={meins?.values?.beendetAm ?? ''}
                  error={fe[feld]}
                />
                <SubmitButton variant="secondary" name="_aktion" value="beenden">
                  Beenden
                </SubmitButton>
              </PostForm>
            );
          })}
        </section>
      ) : null}

      {d.darfBearbeiten ? (
        <section aria-labelledby="anlegen" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="anlegen">
            Förderleistung bewilligen
          </h2>
          <p className="kern-body">Mit dem Speichern werden die Kosten je Haushaltsjahr gebunden. Reicht das freie Budget nicht, entscheidet die Teamleitung.</p>
          <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
          <KonfliktHinweis text={anlegen && !Object.keys(e).length ? r.konflikt : undefined} />
          <PostForm csrfToken={csrfToken} action={`/integration/personen/${d.person.id}/foerderleistungen`} aria-label="Förderleistung bewilligen" className="kern-stack-md form-narrow">
            <SelectField name="art" label="Leistung" options={[{ value: '', label: 'Bitte wählen' }, ...d.arten.map((a) => ({ value: a.art, label: `${a.text} (${a.norm})` }))]} defaultValue={v('art')} error={e.art} />
            <Checkbox name="einmalig" label="Einmalzahlung (z. B. Vermittlungsbudget für Bewerbungskosten)" checked={v('einmalig') === '1'} />
            <TextField name="betragCent" label="Betrag (Euro)" inputMode="decimal" hint="monatlich, bei Einmalzahlung der Betrag" defaultValue={v('betragCent')} error={e.betragCent} />
            <TextField name="gueltigVon" label="Beginn (bei Einmalzahlung: Tag der Zahlung)" type="date" defaultValue={v('gueltigVon', d.heute)} error={e.gueltigVon} />
            <TextField name="gueltigBis" label="Ende" type="date" optionalLabel="bei Einmalzahlung leer lassen" hint={einstiegsgeldHinweis(d.heute)} defaultValue={v('gueltigBis')} error={e.gueltigBis} />
            {d.aghTeilnahmen.length ? (
              <SelectField
                name="teilnahmeId"
                label="Arbeitsgelegenheit (nur für die Mehraufwandsentschädigung)"
                options={[{ value: '', label: 'keine' }, ...d.aghTeilnahmen.map((t) => ({ value: t.id, label: `${t.massnahme} (${datumText(t.von)} – ${datumText(t.bis)})` }))]}
                defaultValue={v('teilnahmeId')}
                error={e.teilnahmeId}
              />
            ) : null}
            {d.darfUeberschreiten ? (
              <>
                <Checkbox name="ueberschreitungBestaetigt" label="Auch wenn das freie Budget überschritten wird (Genehmigung der Teamleitung)" checked={v('ueberschreitungBestaetigt') === '1'} />
                {e.ueberschreitungBestaetigt ? <p className="kern-error">{e.ueberschreitungBestaetigt}</p> : null}
              </>
            ) : null}
            <SubmitButton name="_aktion" value="anlegen">
              Förderleistung bewilligen
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const foerderleistungenRoute: RouteObject = {
  path: 'integration/personen/:personId/foerderleistungen',
  loader,
  action,
  Component: FoerderleistungenPage,
  handle: { title: 'Förderleistungen' } satisfies PageHandle,
};

/** The limit of the Einstiegsgeld as the law of the day has it (src/domain/recht/foerdern-instrumente.ts). */
function einstiegsgeldHinweis(tag: string): string | undefined {
  const r = dauerregel('sgb2_16b_einstiegsgeld', tag);
  return r?.hoechstMonate ? `Einstiegsgeld höchstens ${r.hoechstMonate} Monate (${r.norm})` : undefined;
}
