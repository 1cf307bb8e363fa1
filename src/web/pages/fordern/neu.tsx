import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { TATBESTAND_INFO } from '../../../domain/fordern/tatbestaende.ts';
import { BELEHRUNG_ARTEN, TATBESTAENDE, ZUGANG_ARTEN, type BelehrungArt } from '../../../domain/fordern/typen.ts';
import { anlaesseAuflisten } from '../../../server/fordern/anlaesse.ts';
import { ANLASS_TEXT, verfahrenEroeffnen } from '../../../server/fordern/verfahren-eroeffnen.ts';
import { can } from '../../../server/policies.ts';
import { ZUGANG_TEXT } from '../../../server/termine/einladung-zugang.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText, fallFormFailure, type FallFormResult } from '../faelle/shared.tsx';
import type { PageHandle } from '../root.tsx';
import { AppError } from '../../../server/errors.ts';
import { Fakten, Zurueck } from '../verwaltung/shared.tsx';

/**
 * Staff (German): open a Minderungsverfahren — from an Anlass of the list (`?anlass=…&id=…`: the form is prefilled,
 * the use case takes day, text and Rechtsfolgenbelehrung from the Anlass) or by hand for one person
 * (`?anlass=manuell&person=…`, from the Integrationsakte): Tatbestand, facts and the Belehrung. Thin: every field goes
 * to `fordern.verfahren-eroeffnen` as it is; its refusals appear at the fields or as a conflict naming the rule.
 */
const MIT_OBJEKT = ['meldeversaeumnis', 'zuweisung', 'massnahme_abbruch', 'kooperationsplan'];
const FELDER = ['anlassArt', 'anlassId', 'personId', 'tatbestand', 'pflichtverletzungAm', 'anlassText', 'belehrungArt', 'belehrungAm', 'belehrungText', 'belehrungZugangArt', 'belehrungZugangAm'];

export const BELEHRUNG_TEXT: Record<BelehrungArt, string> = {
  schriftlich: 'Schriftliche Rechtsfolgenbelehrung, die die Person erhalten hat',
  kenntnis: 'Die Person kannte die Rechtsfolgen (z. B. aus einem früheren Verfahren)',
  nicht_erforderlich: 'Nicht erforderlich (Tatbestände nach § 31 Abs. 2 SGB II)',
};

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'fordern.bearbeiten');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const anlassArt = q.get('anlass') || 'manuell';
  const anlassId = q.get('id') ?? '';
  const personId = q.get('person') ?? '';
  const mitObjekt = MIT_OBJEKT.includes(anlassArt);
  const r = await anlaesseAuflisten.execute({ ctx, actor, input: { personId: mitObjekt ? '' : personId } });
  const anlass = mitObjekt ? (r.anlaesse.find((a) => a.anlassArt === anlassArt && a.anlassId === anlassId) ?? null) : null;
  return { anlassArt, anlassId, mitObjekt, anlass, person: r.person, heute: r.heute, darfTermine: can(actor, 'termine.bearbeiten') };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FallFormResult | Response> {
  const actor = requirePermission(context, request, 'fordern.bearbeiten');
  const form = await readForm(request);
  const values = Object.fromEntries(FELDER.map((f) => [f, form.get(f)]));
  try {
    const r = await verfahrenEroeffnen.execute({ ctx: web(context).app, actor, input: values });
    flash(context, `Das Minderungsverfahren ${r.aktenzeichen} ist eröffnet. Die Feststellungsfrist endet am ${datumText(r.fristEnde)}; eine Wiedervorlage erinnert Sie am ${datumText(r.wiedervorlageAm)}.`);
    return redirect(`/fordern/verfahren/${r.id}`);
  } catch (err) {
    // a rule refusal (409) tied to one field shows at that field, like an input error; the entered values stay
    if (err instanceof AppError && err.status === 409 && err.issues.length) {
      web(context).reply.code(409);
      const errors: FieldErrors = {};
      for (const i of err.issues) errors[i.path.split('.')[0] ?? i.path] ??= i.message;
      return { errors, values, aktion: 'eroeffnen' };
    }
    return fallFormFailure(context, err, values, (p) => p.split('.')[0] ?? p, 'eroeffnen');
  }
}

const TATBESTAND_OPTIONEN = [{ value: '', label: 'Bitte wählen' }, ...TATBESTAENDE.map((t) => ({ value: t, label: `${TATBESTAND_INFO[t].kurz} (${TATBESTAND_INFO[t].norm})` }))];
const BELEHRUNG_OPTIONEN = [{ value: '', label: 'Bitte wählen' }, ...BELEHRUNG_ARTEN.map((b) => ({ value: b, label: BELEHRUNG_TEXT[b] }))];
const ZUGANG_OPTIONEN = [{ value: '', label: 'Bitte wählen' }, ...ZUGANG_ARTEN.map((z) => ({ value: z, label: ZUGANG_TEXT[z] }))];

function NeuPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as FallFormResult | undefined;
  const { csrfToken } = useRoot();
  const e: FieldErrors = r?.errors ?? {};
  const v = (f: string, vorgabe = '') => r?.values?.[f] ?? vorgabe;
  const a = d.anlass;
  const einladung = d.anlassArt === 'meldeversaeumnis';

  if (d.mitObjekt && !a) {
    return (
      <div className="kern-stack-lg form-narrow">
        <Zurueck href="/fordern" label="Zu den Minderungsverfahren" />
        <h1 className="kern-heading-large">Minderungsverfahren eröffnen</h1>
        <Alert type="warning" title="Dieser Anlass ist nicht offen">
          <p className="kern-body">
            Zu diesem Anlass gibt es bereits ein Verfahren, seine Feststellungsfrist ist abgelaufen, oder er liegt außerhalb Ihrer Standorte. Die offenen Anlässe finden Sie in der
            Liste der Minderungsverfahren.
          </p>
        </Alert>
      </div>
    );
  }
  if (!d.mitObjekt && !d.person) {
    return (
      <div className="kern-stack-lg form-narrow">
        <Zurueck href="/fordern" label="Zu den Minderungsverfahren" />
        <h1 className="kern-heading-large">Minderungsverfahren von Hand eröffnen</h1>
        <p className="kern-body">
          Bitte öffnen Sie die Integrationsakte der Person (über die{' '}
          <a className="kern-link" href="/faelle">
            Fallsuche
          </a>
          ) und wählen Sie dort „Minderungsverfahren von Hand eröffnen“.
        </p>
      </div>
    );
  }

  const name = a?.name ?? d.person?.name ?? '';
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/fordern" label="Zu den Minderungsverfahren" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">{`Minderungsverfahren eröffnen – ${name}`}</h1>
        <p className="kern-body">
          Vor einer Minderung muss feststehen: die Pflichtverletzung, eine schriftliche Rechtsfolgenbelehrung, die die Person vorher erhalten hat (oder ihre Kenntnis der
          Rechtsfolgen), und dass die sechsmonatige Feststellungsfrist noch läuft. Danach folgt die Anhörung.
        </p>
      </div>
      {a ? (
        <Fakten
          items={[
            // a missed Meldetermin describes itself ("Meldetermin nicht wahrgenommen …"); the others name their kind
            ['Anlass', a.anlassArt === 'meldeversaeumnis' ? 'Meldeversäumnis: Meldetermin ohne wichtigen Grund nicht wahrgenommen' : `${a.beschreibung} (${ANLASS_TEXT[a.anlassArt]})`],
            ['Tag', datumText(a.tag)],
            ['Fallakte', a.fallnummer],
            ['Feststellungsfrist', `bis ${datumText(a.fristEnde)}`],
            ...(einladung
              ? ([
                  ['Rechtsfolgenbelehrung', 'im Text der Einladung'],
                  ['Zugang der Einladung', a.zugangArt && a.zugangAm ? `${ZUGANG_TEXT[a.zugangArt as keyof typeof ZUGANG_TEXT] ?? a.zugangArt} am ${datumText(a.zugangAm)}` : 'nicht erfasst'],
                ] as [string, string][])
              : []),
          ]}
        />
      ) : d.person ? (
        <Fakten items={[['Person', d.person.name], ['Fallakte', d.person.fallnummer]]} />
      ) : null}
      {einladung && a && !a.zugangAm ? (
        <Alert type="warning" title="Zugang der Einladung fehlt">
          <p className="kern-body">
            Ohne nachgewiesenen Zugang der Einladung ist keine Minderung möglich.{' '}
            {d.darfTermine ? (
              <a className="kern-link" href={`/termine/einladungen/${a.anlassId}#zugang`}>
                Zugang der Einladung erfassen
              </a>
            ) : (
              'Bitte lassen Sie den Zugang im Termin-Modul erfassen.'
            )}
          </p>
        </Alert>
      ) : null}

      <ErrorSummary errors={e} title="Das Verfahren wurde nicht eröffnet." />
      {r?.konflikt ? (
        <Alert type="danger" title="Das Verfahren wurde nicht eröffnet." role="alert">
          <p className="kern-body">{r.konflikt}</p>
        </Alert>
      ) : null}
      <PostForm csrfToken={csrfToken} action={`/fordern/neu${d.mitObjekt ? `?anlass=${d.anlassArt}&id=${d.anlassId}` : `?anlass=manuell&person=${d.person?.id ?? ''}`}`} aria-label="Minderungsverfahren eröffnen" className="kern-stack-md">
        {d.mitObjekt ? (
          <>
            <input type="hidden" name="anlassArt" value={d.anlassArt} />
            <input type="hidden" name="anlassId" value={d.anlassId} />
          </>
        ) : (
          <>
            <input type="hidden" name="personId" value={d.person?.id ?? ''} />
            <SelectField
              name="anlassArt"
              label="Anlass"
              options={[
                { value: 'manuell', label: ANLASS_TEXT.manuell },
                { value: 'arbeitsangebot', label: ANLASS_TEXT.arbeitsangebot },
              ]}
              defaultValue={v('anlassArt', 'manuell')}
              error={e.anlassArt}
            />
          </>
        )}
        <SelectField name="tatbestand" label="Tatbestand" options={TATBESTAND_OPTIONEN} defaultValue={v('tatbestand', a?.tatbestand ?? '')} error={e.tatbestand} hint="Vorgabe: der Tatbestand des Anlasses." />
        {einladung ? null : (
          <TextField
            name="pflichtverletzungAm"
            label="Tag der Pflichtverletzung"
            type="date"
            defaultValue={v('pflichtverletzungAm', a?.tag ?? '')}
            error={e.pflichtverletzungAm}
            hint="Mit diesem Tag beginnt die sechsmonatige Feststellungsfrist."
          />
        )}
        <TextAreaField
          name="anlassText"
          label={d.mitObjekt ? 'Was ist geschehen? (optional)' : 'Was ist geschehen?'}
          defaultValue={v('anlassText')}
          error={e.anlassText}
          hint={d.mitObjekt ? 'Leer lassen: Die Beschreibung wird aus dem Anlass übernommen. Der Text erscheint in der Anhörung und im Bescheid.' : 'Der Text erscheint in der Anhörung und im Bescheid.'}
          rows={3}
        />
        {einladung ? null : (
          <>
            <h2 className="kern-heading-small">Rechtsfolgenbelehrung</h2>
            {a?.belehrung ? <p className="kern-body">Der Anlass enthält eine schriftliche Rechtsfolgenbelehrung; Datum und Text werden übernommen. Bitte erfassen Sie, wie sie die Person erreicht hat.</p> : null}
            <SelectField name="belehrungArt" label="Wie kannte die Person die Rechtsfolgen?" options={BELEHRUNG_OPTIONEN} defaultValue={v('belehrungArt', a?.belehrung ? 'schriftlich' : '')} error={e.belehrungArt} />
            <TextField name="belehrungAm" label="Datum des Schreibens oder seit wann bekannt" type="date" defaultValue={v('belehrungAm')} error={e.belehrungAm} {...(a?.belehrung ? { optionalLabel: 'leer lassen: aus dem Anlass' } : {})} />
            <TextAreaField name="belehrungText" label="Rechtsfolgenbelehrung, wie sie gegeben wurde (oder woraus sich die Kenntnis ergibt)" defaultValue={v('belehrungText')} error={e.belehrungText} rows={4} />
            <SelectField name="belehrungZugangArt" label="Wie hat das Schreiben die Person erreicht?" options={ZUGANG_OPTIONEN} defaultValue={v('belehrungZugangArt')} error={e.belehrungZugangArt} />
            <TextField name="belehrungZugangAm" label="Zugegangen am" type="date" defaultValue={v('belehrungZugangAm')} error={e.belehrungZugangAm} />
          </>
        )}
        <SubmitButton>Verfahren eröffnen</SubmitButton>
      </PostForm>
    </div>
  );
}

export const fordernNeuRoute: RouteObject = { path: 'fordern/neu', loader, action, Component: NeuPage, handle: { title: 'Minderungsverfahren eröffnen' } satisfies PageHandle };
