import { redirect } from 'react-router';
import { datumDe } from '../../../server/fordern/anhoerung-gemeinsam.ts';
import { anhoerungStand } from '../../../server/fordern/anhoerung-stand.ts';
import { anhoerungVersenden } from '../../../server/fordern/anhoerung-versenden.ts';
import { antwortErfassen } from '../../../server/fordern/antwort-erfassen.ts';
import { AppError } from '../../../server/errors.ts';
import { Alert } from '../../components/alert.tsx';
import { PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { can } from '../../../server/policies.ts';
import { flash, requirePageActor, requirePermission, web } from '../../web-context.ts';

/**
 * The Anhörung section of the procedure page /fordern/verfahren/:id (slice C, docs/fordern.md "Anhörung"): state,
 * letter PDF, the answer with its files, and the forms to send the Anhörung and to record an answer. The page
 * (verfahren.tsx) renders it and dispatches its action on the form field `aktion` to `anhoerungAktionen`.
 * Field names carry the prefix `anh_` / `antw_` so they never clash with the decision's fields on the same page.
 */

/** The procedure's fields the section reads (as the procedure page's loader returns them; dates as ISO strings). */
export type AnhoerungVerfahrenDaten = {
  id: string;
  version: number;
  status: string;
  anhoerungArt: string | null;
  anhoerungAm: string | null;
  anhoerungFrist: string | null;
  anhoerungSprache?: string | null;
  hatAnhoerungPdf?: boolean;
  anhoerungPostfachId: string | null;
  antwortText: string | null;
  antwortAm: string | Date | null;
  antwortKanal: string | null;
  antwortDateiIds?: string[];
};

/** Optional extras from `fordern.anhoerung-stand` (src/server/fordern/anhoerung-stand.ts). */
export type AnhoerungStandDaten = {
  standardFrist: string;
  persoenlichNoetig: boolean;
  haertePruefungPflicht: boolean;
  gruende: string[];
  minderungText: string;
  dateien: { id: string; dateiname: string; status: string }[];
};

/** What the action returns for this section (400/409): errors at the fields, the entries kept. */
export type AnhoerungAktionErgebnis = { abschnitt: 'anhoerung'; aktion: string; fehler?: FieldErrors; konflikt?: string; werte?: Record<string, string> };

const datum = datumDe;
const tagVon = (v: string | Date | null) => (v ? (typeof v === 'string' ? v : v.toISOString()).slice(0, 10) : null);
const KANAL: Record<string, string> = { portal: 'im Bürgerportal', post: 'per Post', persoenlich: 'persönlich', telefon: 'telefonisch' };
const SPRACHE: Record<string, string> = { de: 'Deutsch', en: 'Englisch', tr: 'Türkisch', uk: 'Ukrainisch', ar: 'Arabisch' };

/** What the section shows: `anhoerungLaden` makes it for the page loader. */
export type AnhoerungDaten = AnhoerungStandDaten & { verfahren: AnhoerungVerfahrenDaten; darfBearbeiten: boolean };

/** For the page loader: the section's data, or null when the person may not read procedures. */
export async function anhoerungLaden(args: { context: unknown; request: Request; id: string }): Promise<AnhoerungDaten | null> {
  const actor = requirePageActor(args.context, args.request);
  if (!can(actor, 'fordern.lesen')) return null;
  const d = await anhoerungStand.execute({ ctx: web(args.context).app, actor, input: { id: args.id } });
  return { ...d, darfBearbeiten: can(actor, 'fordern.bearbeiten') };
}

export function AnhoerungAbschnitt(p: {
  daten: AnhoerungDaten | null | undefined;
  csrfToken: string;
  /** the page's action data, when it came from this section */
  ergebnis?: unknown;
  /** the page URL the forms post to (default /fordern/verfahren/:id) */
  action?: string;
}) {
  if (!p.daten) return null;
  return <Abschnitt {...p} daten={p.daten} />;
}

function Abschnitt(p: { daten: AnhoerungDaten; csrfToken: string; ergebnis?: unknown; action?: string }) {
  const v = p.daten.verfahren;
  const stand: AnhoerungStandDaten = p.daten;
  const darfBearbeiten = p.daten.darfBearbeiten;
  const e = p.ergebnis && typeof p.ergebnis === 'object' && (p.ergebnis as { abschnitt?: string }).abschnitt === 'anhoerung' ? (p.ergebnis as AnhoerungAktionErgebnis) : null;
  const fehler = (aktion: string) => (e?.aktion === aktion ? (e.fehler ?? {}) : {});
  const wert = (aktion: string, k: string) => (e?.aktion === aktion ? e.werte?.[k] : undefined);
  const ziel = p.action ?? `/fordern/verfahren/${v.id}`;
  const kannVersenden = v.status === 'erfasst';
  const kannAntwort = !!v.anhoerungAm && (v.status === 'anhoerung' || v.status === 'entscheidung');
  const dateien = stand.dateien ?? (v.antwortDateiIds ?? []).map((id) => ({ id, dateiname: 'Datei', status: '' }));
  const fv = fehler('anhoerung_versenden');
  const fa = fehler('antwort_erfassen');
  return (
    <section className="kern-stack-md" aria-labelledby="abschnitt-anhoerung">
      <h2 className="kern-heading-medium" id="abschnitt-anhoerung">
        Anhörung
      </h2>
      {e?.konflikt ? <Alert type="danger" title={e.konflikt} role="alert" /> : null}
      {v.anhoerungAm ? (
        <dl className="kern-stack-xs">
          <div>
            <dt className="kern-body kern-body--bold">Versandt</dt>
            <dd className="kern-body">
              {datum(v.anhoerungAm)} ({v.anhoerungArt === 'persoenlich' ? 'mit persönlicher Anhörung' : 'schriftlich'}),{' '}
              {v.anhoerungPostfachId
                ? 'ins Postfach des Bürgerportals zugestellt'
                : v.hatAnhoerungPdf === false
                  ? 'ohne Schreiben (nur persönlich angehört)'
                  : 'per Post zu versenden – bitte das PDF drucken'}
              {v.anhoerungSprache && v.anhoerungSprache !== 'de' ? `, mit Übersetzung (${SPRACHE[v.anhoerungSprache] ?? v.anhoerungSprache})` : ''}
            </dd>
          </div>
          <div>
            <dt className="kern-body kern-body--bold">Frist zur Antwort</dt>
            <dd className="kern-body">{datum(v.anhoerungFrist)}</dd>
          </div>
        </dl>
      ) : (
        <p className="kern-body">Die Person wurde noch nicht angehört. Vor der Entscheidung ist sie anzuhören (§ 24 SGB X).</p>
      )}
      {v.anhoerungAm && v.hatAnhoerungPdf !== false ? (
        <p>
          <a className="kern-link" href={`/api/fordern/verfahren/${v.id}/anhoerung.pdf`}>
            Anhörungsschreiben (PDF)
          </a>
        </p>
      ) : null}
      {stand.minderungText ? <p className="kern-body">{stand.minderungText}</p> : null}

      {v.antwortText ? (
        <div className="kern-stack-xs">
          <h3 className="kern-heading-small">Antwort der Person</h3>
          <p className="kern-body">
            Eingegangen am {datum(tagVon(v.antwortAm))}
            {v.antwortKanal ? ` ${KANAL[v.antwortKanal] ?? v.antwortKanal}` : ''}.
          </p>
          <p className="kern-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {v.antwortText}
          </p>
          {dateien.length ? (
            <ul className="kern-list">
              {dateien.map((d) => (
                <li key={d.id} style={{ overflowWrap: 'anywhere' }}>
                  {d.status === 'sauber' || d.status === '' ? (
                    <a className="kern-link" href={`/api/fordern/verfahren/${v.id}/antwort-dateien/${d.id}`}>
                      {d.dateiname}
                    </a>
                  ) : (
                    <span>
                      {d.dateiname} ({d.status === 'quarantaene' ? 'wird noch auf Viren geprüft' : d.status})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : v.anhoerungAm ? (
        <p className="kern-body">Eine Antwort liegt noch nicht vor.</p>
      ) : null}

      {darfBearbeiten && kannVersenden ? (
        <PostForm csrfToken={p.csrfToken} action={ziel} className="kern-stack-sm" aria-label="Anhörung versenden">
          <h3 className="kern-heading-small">Anhörung versenden</h3>
          <input type="hidden" name="aktion" value="anhoerung_versenden" />
          <input type="hidden" name="version" value={v.version} />
          {stand.persoenlichNoetig ? (
            <Alert type="warning" title="Persönliche Anhörung erforderlich">
              <p className="kern-body">
                {stand.gruende.join(' ')} Bitte geben Sie den Tag der persönlichen Anhörung an (§ 31a Abs. 2 SGB II); ein zusätzliches Schreiben ist möglich.
              </p>
            </Alert>
          ) : null}
          {stand.haertePruefungPflicht ? <p className="kern-body">Hinweis: In diesem Fall ist die außergewöhnliche Härte in jedem Fall zu prüfen.</p> : null}
          <SelectField
            name="anh_art"
            label="Art der Anhörung"
            options={[
              { value: 'schriftlich', label: 'Schriftlich (mit Frist)' },
              { value: 'persoenlich', label: 'Persönlich (Termin)' },
            ]}
            defaultValue={wert('anhoerung_versenden', 'anh_art') ?? (stand.persoenlichNoetig ? 'persoenlich' : 'schriftlich')}
            error={fv.anh_art}
          />
          <TextField name="anh_frist" type="date" label="Frist zur Antwort" hint={stand ? `Ohne Angabe: ${datum(stand.standardFrist)} (schriftlich) bzw. der Tag der persönlichen Anhörung` : 'Ohne Angabe: die Standardfrist'} defaultValue={wert('anhoerung_versenden', 'anh_frist') ?? ''} error={fv.anh_frist} optionalLabel="optional" />
          <TextField
            name="anh_persoenlichAm"
            type="date"
            label="Tag der persönlichen Anhörung"
            hint="Bei einer persönlichen Anhörung Pflicht; bei einer schriftlichen: zusätzlich persönlich"
            defaultValue={wert('anhoerung_versenden', 'anh_persoenlichAm') ?? ''}
            error={fv.anh_persoenlichAm}
            optionalLabel={stand.persoenlichNoetig ? undefined : 'optional'}
          />
          <SubmitButton>Anhörung versenden</SubmitButton>
        </PostForm>
      ) : null}

      {darfBearbeiten && kannAntwort ? (
        <PostForm csrfToken={p.csrfToken} action={ziel} className="kern-stack-sm" aria-label="Antwort erfassen">
          <h3 className="kern-heading-small">{v.antwortText ? 'Weitere Antwort erfassen' : 'Antwort erfassen'}</h3>
          <input type="hidden" name="aktion" value="antwort_erfassen" />
          <input type="hidden" name="version" value={v.version} />
          <SelectField
            name="antw_kanal"
            label="Eingegangen"
            options={[
              { value: 'post', label: 'per Post' },
              { value: 'persoenlich', label: 'persönlich' },
              { value: 'telefon', label: 'telefonisch' },
            ]}
            defaultValue={wert('antwort_erfassen', 'antw_kanal') ?? 'post'}
            error={fa.antw_kanal}
          />
          <TextField name="antw_am" type="date" label="Eingegangen am" defaultValue={wert('antwort_erfassen', 'antw_am') ?? ''} error={fa.antw_am} />
          <TextAreaField name="antw_text" label="Was die Person erklärt hat" rows={5} defaultValue={wert('antwort_erfassen', 'antw_text') ?? ''} error={fa.antw_text} />
          <SubmitButton variant="secondary">Antwort speichern</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

type Handler = (args: { request: Request; context: unknown; params: Record<string, string | undefined>; form: FormData }) => Promise<Response | object>;

const feldname: Record<string, Record<string, string>> = {
  anhoerung_versenden: { art: 'anh_art', frist: 'anh_frist', persoenlichAm: 'anh_persoenlichAm', terminId: 'anh_persoenlichAm' },
  antwort_erfassen: { kanal: 'antw_kanal', am: 'antw_am', text: 'antw_text' },
};

const s = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === 'string' ? v : '';
};

async function ausfuehren(aktion: 'anhoerung_versenden' | 'antwort_erfassen', args: Parameters<Handler>[0], lauf: () => Promise<unknown>, erfolg: string): Promise<Response | object> {
  const id = args.params.id ?? '';
  const werte: Record<string, string> = {};
  for (const k of Object.values(feldname[aktion]!)) werte[k] = s(args.form, k);
  try {
    await lauf();
  } catch (err) {
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) {
      web(args.context).reply.code(err.status);
      const fehler: FieldErrors = {};
      for (const i of err.issues) {
        const k = feldname[aktion]![i.path.split('.')[0] ?? ''];
        if (k && !fehler[k]) fehler[k] = i.message;
      }
      const ohneFeld = err.status === 409 || Object.keys(fehler).length === 0;
      return { abschnitt: 'anhoerung', aktion, fehler, werte, ...(ohneFeld ? { konflikt: err.message } : {}) } satisfies AnhoerungAktionErgebnis;
    }
    throw err;
  }
  flash(args.context, erfolg);
  return redirect(`/fordern/verfahren/${encodeURIComponent(id)}#abschnitt-anhoerung`);
}

/** The page action's handlers for this section (form field `aktion`). */
export const anhoerungAktionen: Record<string, Handler> = {
  anhoerung_versenden: (args) => {
    const actor = requirePermission(args.context, args.request, 'fordern.bearbeiten');
    const f = args.form;
    return ausfuehren(
      'anhoerung_versenden',
      args,
      () => anhoerungVersenden.execute({ ctx: web(args.context).app, actor, input: { id: args.params.id ?? '', version: s(f, 'version'), art: s(f, 'anh_art'), frist: s(f, 'anh_frist'), persoenlichAm: s(f, 'anh_persoenlichAm') } }),
      'Die Anhörung wurde versandt.',
    );
  },
  antwort_erfassen: (args) => {
    const actor = requirePermission(args.context, args.request, 'fordern.bearbeiten');
    const f = args.form;
    return ausfuehren(
      'antwort_erfassen',
      args,
      () => antwortErfassen.execute({ ctx: web(args.context).app, actor, input: { id: args.params.id ?? '', version: s(f, 'version'), kanal: s(f, 'antw_kanal'), am: s(f, 'antw_am'), text: s(f, 'antw_text') } }),
      'Die Antwort wurde gespeichert.',
    );
  },
};
