import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { REGEL_GRENZEN, type RegelName } from '../../../domain/termine/index.ts';
import { terminRegelnLaden } from '../../../server/termine/termin-regeln-laden.ts';
import { terminRegelnSpeichern } from '../../../server/termine/termin-regeln-speichern.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, formFailure, KonfliktHinweis, Zurueck, type FormResult } from '../verwaltung/shared.tsx';

const PFAD = '/verwaltung/termin-regeln';

/** The form, in groups; each field is one rule of `TerminRegeln` (field name = rule name). */
const GRUPPEN: { titel: string; felder: { regel: RegelName; label: string; hint: string }[] }[] = [
  {
    titel: 'Buchen',
    felder: [
      { regel: 'vorlaufMinuten', label: 'Mindestvorlauf (Minuten)', hint: 'So viele Minuten vor Beginn ist ein Termin spätestens online buchbar.' },
      { regel: 'horizontTage', label: 'Buchungshorizont (Tage)', hint: 'So viele Kalendertage im Voraus sind Termine buchbar (heute = 0).' },
    ],
  },
  {
    titel: 'Verschieben und Absagen online',
    felder: [
      { regel: 'verschiebenBisStunden', label: 'Verschieben bis (Stunden vor Beginn)', hint: 'Danach nur noch telefonisch.' },
      { regel: 'absagenBisStunden', label: 'Absagen bis (Stunden vor Beginn)', hint: 'Danach nur noch telefonisch.' },
    ],
  },
  {
    titel: 'Erinnerung und Warteliste',
    felder: [
      { regel: 'erinnerungVorStunden', label: 'Erinnerung (Stunden vor Beginn)', hint: 'Wer erst danach bucht, bekommt keine Erinnerung.' },
      { regel: 'angebotGueltigMinuten', label: 'Angebot der Warteliste gilt (Minuten)', hint: 'Höchstens bis zum Beginn des angebotenen Termins.' },
    ],
  },
  {
    titel: 'Video-Beratung und Check-in',
    felder: [
      { regel: 'videoOffenVorMinuten', label: 'Video-Raum öffnet (Minuten vor Beginn)', hint: 'Ab dann kann die Bürgerin in den Warteraum.' },
      { regel: 'videoOffenNachMinuten', label: 'Video-Raum schließt (Minuten nach Beginn)', hint: 'Danach werden alle getrennt.' },
      { regel: 'checkinVorMinuten', label: 'Check-in ab (Minuten vor Beginn)', hint: 'Anmeldung am Empfang mit dem QR-Code.' },
      { regel: 'checkinNachMinuten', label: 'Check-in bis (Minuten nach Beginn)', hint: 'Danach meldet sich die Bürgerin am Empfang.' },
    ],
  },
];

const REGELN = Object.keys(REGEL_GRENZEN) as RegelName[];

const grenzenText = (regel: RegelName) => `Erlaubt: ${REGEL_GRENZEN[regel].min} bis ${REGEL_GRENZEN[regel].max}.`;

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'einstellungen.verwalten');
  return terminRegelnLaden.execute({ ctx: web(context).app, actor, input: {} });
}

async function action({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'einstellungen.verwalten');
  const form = await readForm(request);
  const values: Record<string, string> = {};
  for (const regel of REGELN) values[regel] = form.get(regel).trim();
  try {
    await terminRegelnSpeichern.execute({ ctx: web(context).app, actor, input: { ...values, version: form.get('version') } });
  } catch (err) {
    return formFailure(context, err, values);
  }
  flash(context, 'Die Termin-Regeln wurden gespeichert. Sie gelten ab sofort.');
  return redirect(PFAD);
}

/** Admin: the Träger's rules for online appointments (lead time, horizon, deadlines, reminder, offers, video, check-in). */
function TerminRegelnPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const errors = result?.errors ?? {};
  // after a conflict the form shows what is stored now, with its current version
  const eingabe = result?.values && !result.konflikt ? (result.values as Record<string, string>) : undefined;
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Termin-Regeln</h1>
        <p className="kern-body">
          Regeln für die Online-Terminvereinbarung dieses Trägers. Sie gelten sofort für freie Zeiten, Buchungen, Fristen, Erinnerungen, Warteliste,
          Video-Beratung und Check-in; schon gebuchte Termine behalten ihre Zeit.
        </p>
        <p className="kern-body">{d.updatedAt ? `Zuletzt gespeichert am ${berlinZeit(d.updatedAt)}.` : 'Noch nicht gespeichert: Es gelten die Standardwerte.'}</p>
      </div>
      <ErrorSummary errors={errors} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={result?.konflikt} />
      <PostForm csrfToken={csrfToken} action={PFAD}>
        <input type="hidden" name="version" value={d.version} />
        {GRUPPEN.map((g) => (
          <fieldset key={g.titel} className="kern-fieldset kern-stack-md">
            <legend className="kern-heading-small">{g.titel}</legend>
            {g.felder.map((f) => (
              <TextField
                key={f.regel}
                name={f.regel}
                label={f.label}
                hint={`${f.hint} Standard: ${d.standard[f.regel]}. ${grenzenText(f.regel)}`}
                inputMode="numeric"
                width="kurz"
                required
                defaultValue={eingabe ? (eingabe[f.regel] ?? '') : String(d.regeln[f.regel])}
                error={errors[f.regel]}
              />
            ))}
          </fieldset>
        ))}
        <SubmitButton>Termin-Regeln speichern</SubmitButton>
      </PostForm>
    </div>
  );
}

export const terminRegelnRoute: RouteObject = {
  path: 'verwaltung/termin-regeln',
  loader,
  action,
  Component: TerminRegelnPage,
  handle: { title: 'Termin-Regeln' } satisfies PageHandle,
};
