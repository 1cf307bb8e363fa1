/**
 * The decision section of the procedure page (slice D, docs/fordern.md "Entscheidung und Bescheid"): Würdigung of
 * wichtiger Grund and Härte with the proposed Stufe and amount, the result, the Bescheid, Vier-Augen approval, early end
 * and Aufhebung. The page (verfahren.tsx, slice B) loads the data with `entscheidungLaden`, renders
 * `<EntscheidungAbschnitt daten={…} csrfToken={…} ergebnis={actionData} />` and dispatches the form field `aktion`
 * ('entscheiden' | 'freigeben' | 'vorzeitig_beenden' | 'aufheben') to `entscheidungAktionen`.
 */
import { redirect } from 'react-router';
import { monatText } from '../../../domain/bewilligung/monat.ts';
import { AppError } from '../../../server/errors.ts';
import { fordernAufheben } from '../../../server/fordern/aufheben.ts';
import { fordernEntscheiden } from '../../../server/fordern/entscheiden.ts';
import { fordernEntscheidungAnsehen, type EntscheidungAnsicht } from '../../../server/fordern/entscheidung-ansehen.ts';
import { fordernFreigeben } from '../../../server/fordern/freigeben.ts';
import { fordernVorzeitigBeenden } from '../../../server/fordern/vorzeitig-beenden.ts';
import type { EntscheidungDaten } from '../../../server/fordern/entscheidung-daten.ts';
import { can } from '../../../server/policies.ts';
import { minderungWirkung, type MinderungWirkung } from '../../../domain/fordern/wirkung.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, fieldId, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { flash, requirePageActor, web } from '../../web-context.ts';
import { datumText } from '../faelle/shared.tsx';
import { Fakten, formFailure, KonfliktHinweis, type FormResult } from '../verwaltung/shared.tsx';

export type { EntscheidungAnsicht };

/** What an action of this section returns when it does not redirect (which form the messages belong to). */
export type EntscheidungErgebnis = FormResult & { aktion: string };

/** For the page loader: the section's data, or null when the person may not read procedures. */
export async function entscheidungLaden(args: { context: unknown; request: Request; id: string }): Promise<EntscheidungAnsicht | null> {
  const actor = requirePageActor(args.context, args.request);
  if (!can(actor, 'fordern.lesen')) return null;
  return fordernEntscheidungAnsehen.execute({ ctx: web(args.context).app, actor, input: { id: args.id } });
}

type AktionArgs = { request: Request; context: unknown; params: Record<string, string | undefined>; form: FormData };
const feld = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

/** Runs a use case; success → back to the page with a notice; refusals → messages at the form (400/403/409). */
async function ausfuehren(a: AktionArgs, aktion: string, felder: string[], lauf: (id: string) => Promise<string>): Promise<Response | EntscheidungErgebnis> {
  const id = a.params.id ?? '';
  const values = Object.fromEntries(felder.map((f) => [f, feld(a.form, f)]));
  try {
    const hinweis = await lauf(id);
    flash(a.context, hinweis);
    return redirect(`/fordern/verfahren/${id}#entscheidung`);
  } catch (err) {
    if (err instanceof AppError && err.status === 403 && err.code === 'nicht_entscheidungsberechtigt') {
      web(a.context).reply.code(403);
      return { errors: {}, values, konflikt: err.message, aktion };
    }
    return { ...formFailure(a.context, err, values), aktion };
  }
}

/** Form field → use case field where the names differ (several forms on one page need distinct ids). */
const umbenennen = (errors: FieldErrors, map: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [map[k] ?? k, v]));

export const entscheidungAktionen: Record<string, (args: AktionArgs) => Promise<Response | object>> = {
  entscheiden: (a) =>
    ausfuehren(a, 'entscheiden', ['wichtigerGrund', 'wichtigerGrundWuerdigung', 'haerte', 'haerteWuerdigung', 'bescheidAm'], async (id) => {
      const r = await fordernEntscheiden.execute({
        ctx: web(a.context).app,
        actor: requirePageActor(a.context, a.request),
        input: {
          id,
          version: feld(a.form, 'version'),
          wichtigerGrund: feld(a.form, 'wichtigerGrund') || undefined,
          wichtigerGrundWuerdigung: feld(a.form, 'wichtigerGrundWuerdigung'),
          haerte: feld(a.form, 'haerte') || undefined,
          haerteWuerdigung: feld(a.form, 'haerteWuerdigung'),
          bescheidAm: feld(a.form, 'bescheidAm'),
        },
      });
      return r.ergebnis === 'keine_minderung'
        ? 'Entschieden: keine Minderung. Das Verfahren ist eingestellt.'
        : r.ergebnis === 'freigabe_erforderlich'
          ? 'Die Minderung ist entschieden und wartet auf die Freigabe durch eine zweite Person.'
          : `Die Minderung ist festgestellt. Der Minderungsbescheid wurde ${r.zustellung === 'postfach' ? 'ins Postfach zugestellt' : 'zum Versand per Post erstellt'}.`;
    }),
  freigeben: (a) =>
    ausfuehren(a, 'freigeben', [], async (id) => {
      const r = await fordernFreigeben.execute({ ctx: web(a.context).app, actor: requirePageActor(a.context, a.request), input: { id, version: feld(a.form, 'version') } });
      return `Die Minderung ist freigegeben und festgestellt. Der Minderungsbescheid wurde ${r.zustellung === 'postfach' ? 'ins Postfach zugestellt' : 'zum Versand per Post erstellt'}.`;
    }),
  vorzeitig_beenden: async (a) => {
    const r = await ausfuehren(a, 'vorzeitig_beenden', ['erfuelltAm', 'vorzeitigGrund'], async (id) => {
      const ende = await fordernVorzeitigBeenden.execute({
        ctx: web(a.context).app,
        actor: requirePageActor(a.context, a.request),
        input: { id, version: feld(a.form, 'version'), erfuelltAm: feld(a.form, 'erfuelltAm'), grund: feld(a.form, 'vorzeitigGrund') },
      });
      return `Die Minderung endet vorzeitig; ab ${monatText(ende.beendetAbMonat)} wird nicht mehr gemindert.`;
    });
    return r instanceof Response ? r : { ...r, errors: umbenennen(r.errors, { grund: 'vorzeitigGrund' }) };
  },
  aufheben: async (a) => {
    const r = await ausfuehren(a, 'aufheben', ['aufhebungAnlass', 'aufhebungGrund', 'aufgehobenAm', 'wichtigerGrundAnerkannt'], async (id) => {
      await fordernAufheben.execute({
        ctx: web(a.context).app,
        actor: requirePageActor(a.context, a.request),
        input: { id, version: feld(a.form, 'version'), anlass: feld(a.form, 'aufhebungAnlass') || undefined, grund: feld(a.form, 'aufhebungGrund'), aufgehobenAm: feld(a.form, 'aufgehobenAm'), wichtigerGrundAnerkannt: feld(a.form, 'wichtigerGrundAnerkannt') },
      });
      return 'Die Minderung ist aufgehoben. Die einbehaltenen Beträge werden mit dem nächsten Zahllauf nachgezahlt.';
    });
    return r instanceof Response ? r : { ...r, errors: umbenennen(r.errors, { grund: 'aufhebungGrund', anlass: 'aufhebungAnlass' }) };
  },
};

const datum = datumText;
const hoeheText = (w: MinderungWirkung) => w.hoehe.join(' ');
/** the stored description, or computed for decisions stored before it existed */
const wirkungVon = (v: Extract<EntscheidungDaten['vorschlag'], { ergebnis: 'minderung' }>, d: EntscheidungDaten) => d.wirkung ?? minderungWirkung(v, d.regelbedarf.cent);

/** A yes/no question: the error sits under the legend (inside the body, which clears the floated legend). */
function JaNein(p: { name: string; legend: string; wert: string | undefined; error: string | undefined }) {
  const id = fieldId(p.name);
  const errorId = p.error ? `${id}-fehler` : undefined;
  return (
    <fieldset className={`kern-fieldset${p.error ? ' kern-fieldset--error' : ''}`} role="radiogroup" aria-invalid={p.error ? true : undefined} aria-describedby={errorId}>
      <legend className="kern-label">{p.legend}</legend>
      <div className="kern-fieldset__body">
        {p.error ? (
          <p className="kern-error" id={errorId}>
            <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
            <span className="kern-body">{p.error}</span>
          </p>
        ) : null}
        {(['nein', 'ja'] as const).map((w, i) => (
          <div className="kern-form-check" key={w}>
            <input className="kern-form-check__radio" type="radio" id={i === 0 ? id : `${id}-${w}`} name={p.name} value={w} defaultChecked={p.wert === w} />
            <label className="kern-label" htmlFor={i === 0 ? id : `${id}-${w}`}>
              {w === 'ja' ? 'Ja' : 'Nein'}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Vorschlag(p: { daten: NonNullable<EntscheidungAnsicht['vorschau']>; titel: string }) {
  const v = p.daten.vorschlag;
  return (
    <div className="kern-stack-xs">
      <h3 className="kern-heading-small">{p.titel}</h3>
      {v.ergebnis === 'minderung' ? (
        <Fakten
          items={[
            ['Ergebnis', wirkungVon(v, p.daten).titel],
            ['Höhe', hoeheText(wirkungVon(v, p.daten))],
            ['Außerdem', wirkungVon(v, p.daten).hinweis],
            ['Zeitraum', v.vonMonat === v.bisMonat ? monatText(v.vonMonat) : `${monatText(v.vonMonat)} bis ${monatText(v.bisMonat)}`],
            ['Bescheid / Bekanntgabe', `${datum(p.daten.bescheidAm)} / ${datum(p.daten.bekanntgabeAm)}`],
            ['Vier-Augen-Prinzip', p.daten.vierAugen ? 'Eine zweite Person gibt den Bescheid frei.' : 'Keine Freigabe nötig.'],
          ]}
        />
      ) : (
        <p className="kern-body">{`Keine Minderung: ${v.grund} (${v.norm})`}</p>
      )}
      <ul className="kern-list">
        {v.schritte.map((s, i) => (
          <li key={i}>{`${s.text} (${s.norm})`}</li>
        ))}
        <li>{p.daten.regelbedarf.text}</li>
      </ul>
    </div>
  );
}

/** The section; `ergebnis` is the page's action data (only messages of this section's forms are shown here). */
export function EntscheidungAbschnitt(p: { daten: EntscheidungAnsicht | null; csrfToken: string; ergebnis?: unknown }) {
  const d = p.daten;
  if (!d) return null;
  const e = p.ergebnis && typeof p.ergebnis === 'object' && 'aktion' in p.ergebnis ? (p.ergebnis as EntscheidungErgebnis) : undefined;
  const fuer = (aktion: string) => (e && e.aktion === aktion ? e : undefined);
  const ent = fuer('entscheiden');
  const wert = (r: EntscheidungErgebnis | undefined, name: string) => {
    const v = r?.values?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  const action = `/fordern/verfahren/${d.id}`;
  const m = d.minderung;
  const festWirkung = m ? minderungWirkung(m, d.entscheidung?.regelbedarf.cent ?? m.betragCent) : null;
  // after a refused approval (basis changed) the earlier Würdigung is the starting point of the new decision
  const frueher = d.status === 'entscheidung' ? d.wuerdigung : null;
  const vorbelegt = (name: 'wichtigerGrund' | 'wichtigerGrundWuerdigung' | 'haerte' | 'haerteWuerdigung') => {
    const v = wert(ent, name);
    if (v !== undefined || !frueher) return v;
    const f = frueher[name];
    return typeof f === 'boolean' ? (f ? 'ja' : 'nein') : (f ?? undefined);
  };
  return (
    <section aria-labelledby="entscheidung" className="kern-stack-md" id="entscheidung-abschnitt">
      <h2 className="kern-heading-medium" id="entscheidung">
        Entscheidung und Bescheid
      </h2>

      {d.wuerdigung ? (
        <div className="kern-stack-xs">
          <h3 className="kern-heading-small">{frueher ? 'Frühere Würdigung (die Freigabe wurde abgelehnt, bitte neu entscheiden)' : 'Würdigung'}</h3>
          <Fakten
            items={[
              ['Wichtiger Grund', d.wuerdigung.wichtigerGrund ? 'liegt vor' : 'liegt nicht vor'],
              ['Begründung', d.wuerdigung.wichtigerGrundWuerdigung ?? '–'],
              ['Außergewöhnliche Härte', d.wuerdigung.haerte ? 'liegt vor' : 'liegt nicht vor'],
              ['Begründung zur Härte', d.wuerdigung.haerteWuerdigung ?? '–'],
              ['Entschieden', `${datum(d.entschiedenAm)}${d.entschiedenVon ? ` von ${d.entschiedenVon}` : ''}`],
              ...(d.freigegebenVon ? ([['Freigegeben', `${d.freigegebenVon}`]] as [string, string][]) : []),
            ]}
          />
        </div>
      ) : null}

      {d.status === 'eingestellt' && d.einstellungsgrund ? (
        <Alert type="info" title="Keine Minderung">
          <p className="kern-body">{d.einstellungsgrund}</p>
        </Alert>
      ) : null}

      {d.status === 'freigabe_erforderlich' && d.entscheidung ? <Vorschlag daten={d.entscheidung} titel="Entschiedene Minderung (wartet auf Freigabe)" /> : null}

      {m && festWirkung ? (
        <div className="kern-stack-xs">
          <h3 className="kern-heading-small">Festgestellte Minderung</h3>
          <Fakten
            items={[
              ['Art', festWirkung.titel],
              ['Höhe', hoeheText(festWirkung)],
              ['Außerdem', festWirkung.hinweis],
              ['Zeitraum', m.vonMonat === m.bisMonat ? monatText(m.vonMonat) : `${monatText(m.vonMonat)} bis ${monatText(m.bisMonat)}`],
              ['Bescheid', d.bescheid ? `vom ${datum(d.bescheid.bescheidAm)}, bekannt gegeben am ${datum(d.bescheid.bekanntgabeAm)}, ${d.bescheid.zustellung === 'postfach' ? 'im Postfach zugestellt' : 'per Post zu versenden'}` : '–'],
              ...(m.beendetAbMonat ? ([['Vorzeitig beendet', `ab ${monatText(m.beendetAbMonat)}: ${m.beendetGrund ?? ''}`]] as [string, string][]) : []),
              ...(m.aufgehobenAm ? ([['Aufgehoben', `am ${datum(m.aufgehobenAm)}: ${m.aufhebungGrund ?? ''}`]] as [string, string][]) : []),
            ]}
          />
          {d.bescheid ? (
            <p className="kern-body">
              <a className="kern-link" href={`/api/fordern/verfahren/${d.id}/bescheid.pdf`}>
                Minderungsbescheid als PDF herunterladen
              </a>
            </p>
          ) : null}
        </div>
      ) : null}

      {d.kduEmpfaengerHinweis ? (
        <Alert type="warning" title="Kosten der Unterkunft an den Vermieter zahlen">
          <p className="kern-body">
            Die Person gilt als nicht erreichbar (§ 7b Abs. 4 SGB II). Ihr Anteil an den Kosten der Unterkunft geht auf die anderen Personen der Bedarfsgemeinschaft über, und die Kosten der Unterkunft werden an den Vermieter gezahlt.{' '}
            <a className="kern-link" href={`/faelle/${d.bgId}#kdu-empfaenger`}>
              Vermieter als Empfänger der Kosten der Unterkunft in der Fallakte eintragen
            </a>
          </p>
        </Alert>
      ) : null}

      {d.rechte.freigeben ? (
        <div className="kern-stack-sm">
          <KonfliktHinweis text={fuer('freigeben')?.konflikt} />
          <PostForm csrfToken={p.csrfToken} action={action} aria-label="Minderung freigeben">
            <input type="hidden" name="aktion" value="freigeben" />
            <input type="hidden" name="version" value={d.version} />
            <p className="kern-body">Prüfen Sie die Entscheidung. Mit der Freigabe wird der Minderungsbescheid erlassen und zugestellt.</p>
            <SubmitButton>Minderung freigeben und Bescheid erlassen</SubmitButton>
          </PostForm>
        </div>
      ) : null}

      {d.status === 'entscheidung' || d.status === 'anhoerung' || d.status === 'erfasst' ? (
        <div className="kern-stack-sm">
          {d.vorschau ? <Vorschlag daten={d.vorschau} titel="Vorschlag bei einer Entscheidung heute" /> : null}
          {d.vorschauFehler ? <p className="kern-body">{d.vorschauFehler}</p> : null}
          {d.entscheidungMoeglich && !d.entscheidungMoeglich.ok ? (
            <Alert type="info" title="Noch keine Entscheidung möglich">
              <p className="kern-body">{d.entscheidungMoeglich.meldung}</p>
            </Alert>
          ) : null}
          {d.vorschau?.schutz.gruende.length ? (
            <Alert type="warning" title="Schutzpflichten">
              <ul className="kern-list">
                {d.vorschau.schutz.gruende.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {d.rechte.entscheiden && d.entscheidungMoeglich?.ok ? (
            <>
              <ErrorSummary errors={ent?.errors ?? {}} title="Bitte prüfen Sie Ihre Eingaben" />
              <KonfliktHinweis text={ent?.konflikt} />
              <PostForm csrfToken={p.csrfToken} action={action} aria-label="Über die Minderung entscheiden">
                <input type="hidden" name="aktion" value="entscheiden" />
                <input type="hidden" name="version" value={d.version} />
                <h3 className="kern-heading-small">Entscheiden</h3>
                <JaNein name="wichtigerGrund" legend="Hat die Person einen wichtigen Grund dargelegt und nachgewiesen?" wert={vorbelegt('wichtigerGrund')} error={ent?.errors.wichtigerGrund} />
                <TextAreaField name="wichtigerGrundWuerdigung" label="Würdigung: warum liegt ein wichtiger Grund vor oder nicht?" defaultValue={vorbelegt('wichtigerGrundWuerdigung')} error={ent?.errors.wichtigerGrundWuerdigung} />
                <JaNein name="haerte" legend="Würde die Minderung eine außergewöhnliche Härte bedeuten (§ 31a Abs. 3 SGB II)?" wert={vorbelegt('haerte')} error={ent?.errors.haerte} />
                <TextAreaField
                  name="haerteWuerdigung"
                  label="Würdigung der Härte"
                  hint={
                    d.vorschau?.schutz.haertePruefungPflicht
                      ? 'Die Härteprüfung ist hier vorgeschrieben. Der Bescheid sagt, wie die Anhörung gewürdigt wurde.'
                      : 'Pflicht: Der Bescheid sagt, wie die Anhörung zur Härte gewürdigt wurde – auch wenn keine Härte vorliegt.'
                  }
                  defaultValue={vorbelegt('haerteWuerdigung')}
                  error={ent?.errors.haerteWuerdigung}
                />
                <TextField name="bescheidAm" label="Datum des Bescheids" type="date" optionalLabel="optional" hint={`Standard: heute. Spätestens ${datum(d.fristEnde)} (Feststellungsfrist).`} width="kurz" defaultValue={wert(ent, 'bescheidAm')} error={ent?.errors.bescheidAm} />
                <SubmitButton>Entscheiden</SubmitButton>
              </PostForm>
            </>
          ) : null}
        </div>
      ) : null}

      {d.rechte.vorzeitigBeenden ? (
        <div className="kern-stack-sm">
          <ErrorSummary errors={fuer('vorzeitig_beenden')?.errors ?? {}} title="Bitte prüfen Sie Ihre Eingaben" />
          <KonfliktHinweis text={fuer('vorzeitig_beenden')?.konflikt} />
          <PostForm csrfToken={p.csrfToken} action={action} aria-label="Minderung vorzeitig beenden">
            <input type="hidden" name="aktion" value="vorzeitig_beenden" />
            <input type="hidden" name="version" value={d.version} />
            <h3 className="kern-heading-small">Vorzeitig beenden</h3>
            <p className="kern-body">Die Person hat ihre Pflicht erfüllt oder sich ernsthaft und nachhaltig bereit erklärt. Die Minderung endet frühestens nach einem Monat (§ 31b Abs. 2 SGB II).</p>
            <TextField name="erfuelltAm" label="Pflicht erfüllt am" type="date" width="kurz" defaultValue={wert(fuer('vorzeitig_beenden'), 'erfuelltAm')} error={fuer('vorzeitig_beenden')?.errors.erfuelltAm} required />
            <TextAreaField name="vorzeitigGrund" label="Was hat die Person getan oder erklärt?" defaultValue={wert(fuer('vorzeitig_beenden'), 'vorzeitigGrund')} error={fuer('vorzeitig_beenden')?.errors.vorzeitigGrund} />
            <SubmitButton variant="secondary">Minderung vorzeitig beenden</SubmitButton>
          </PostForm>
        </div>
      ) : null}

      {d.rechte.aufheben ? (
        <div className="kern-stack-sm">
          <ErrorSummary errors={fuer('aufheben')?.errors ?? {}} title="Bitte prüfen Sie Ihre Eingaben" />
          <KonfliktHinweis text={fuer('aufheben')?.konflikt} />
          <PostForm csrfToken={p.csrfToken} action={action} aria-label="Minderung aufheben">
            <input type="hidden" name="aktion" value="aufheben" />
            <input type="hidden" name="version" value={d.version} />
            <h3 className="kern-heading-small">Aufheben</h3>
            <p className="kern-body">Die Minderung entfällt ganz; einbehaltene Beträge werden mit dem nächsten Zahllauf nachgezahlt.</p>
            <SelectField
              name="aufhebungAnlass"
              label="Anlass"
              options={[
                { value: 'widerspruch', label: 'Widerspruch stattgegeben' },
                { value: 'ruecknahme', label: 'Rücknahme (§ 44 SGB X)' },
                { value: 'gericht', label: 'Gerichtliche Entscheidung' },
              ]}
              defaultValue={wert(fuer('aufheben'), 'aufhebungAnlass') ?? 'widerspruch'}
              error={fuer('aufheben')?.errors.aufhebungAnlass}
            />
            <TextAreaField name="aufhebungGrund" label="Begründung" defaultValue={wert(fuer('aufheben'), 'aufhebungGrund')} error={fuer('aufheben')?.errors.aufhebungGrund} />
            <Checkbox
              name="wichtigerGrundAnerkannt"
              label="Ein wichtiger Grund für die Pflichtverletzung ist anerkannt"
              hint="Dann zählt das Meldeversäumnis nicht mehr als Meldeversäumnis in Folge. Noch nicht freigegebene Entscheidungen, die darauf beruhen, werden neu entschieden."
              checked={wert(fuer('aufheben'), 'wichtigerGrundAnerkannt') === '1'}
            />
            <TextField name="aufgehobenAm" label="Aufgehoben am" type="date" optionalLabel="optional" hint="Standard: heute." width="kurz" defaultValue={wert(fuer('aufheben'), 'aufgehobenAm')} error={fuer('aufheben')?.errors.aufgehobenAm} />
            <SubmitButton variant="secondary">Minderung aufheben</SubmitButton>
          </PostForm>
        </div>
      ) : null}
    </section>
  );
}
