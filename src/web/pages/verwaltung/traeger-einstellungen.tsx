import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { ibanLesbar } from '../../../domain/zahlung/index.ts';
import { AppError } from '../../../server/errors.ts';
import { traegerEinstellungenLaden } from '../../../server/verwaltung/traeger-einstellungen-laden.ts';
import { traegerEinstellungenSpeichern } from '../../../server/verwaltung/traeger-einstellungen-speichern.ts';
import { fordernEinstellungenSpeichern } from '../../../server/verwaltung/fordern-einstellungen.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { euroFeld, euroText } from '../faelle/shared.tsx';
import { berlinZeit, formFailure, invalid, KonfliktHinweis, Zurueck, type FormResult } from './shared.tsx';

const PFAD = '/verwaltung/traeger-einstellungen';

/** The three thresholds: form field ↔ rule. */
const GRENZEN = [
  { feld: 'nachzahlungAb', regel: 'nachzahlungAbCent', label: 'Nachzahlung ab (Euro)', hint: 'Eine Nachzahlung ab diesem Betrag gibt eine zweite Person frei.' },
  { feld: 'monatsbetragAb', regel: 'monatsbetragAbCent', label: 'Monatlicher Zahlbetrag der Bedarfsgemeinschaft ab (Euro)', hint: 'Der höchste Monatsbetrag einer Entscheidung.' },
  { feld: 'erstattungAb', regel: 'erstattungAbCent', label: 'Erstattungsforderung ab (Euro)', hint: 'Eine Erstattungsforderung ab diesem Betrag gibt eine zweite Person frei.' },
] as const;

const IMMER = [
  { feld: 'ablehnung', label: 'Jede Ablehnung' },
  { feld: 'aufhebung', label: 'Jede Aufhebung' },
  { feld: 'erstbewilligung', label: 'Jede Erstbewilligung' },
] as const;

/** Field names of the use case's issues → form fields. */
const FELD: Record<string, string> = {
  'vierAugenRegeln.nachzahlungAbCent': 'nachzahlungAb',
  'vierAugenRegeln.monatsbetragAbCent': 'monatsbetragAb',
  'vierAugenRegeln.erstattungAbCent': 'erstattungAb',
};

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'einstellungen.verwalten');
  return traegerEinstellungenLaden.execute({ ctx: web(context).app, actor, input: {} });
}

async function action({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'einstellungen.verwalten');
  const form = await readForm(request);
  if (form.get('formular') === 'fordern') {
    // the Fordern settings (docs/fordern.md): a form of its own, so that they can be saved without a bank account
    const fordern = { minderungEntscheider: form.get('minderungEntscheider'), minderungVierAugen: form.get('minderungVierAugen') };
    try {
      await fordernEinstellungenSpeichern.execute({ ctx: web(context).app, actor, input: { ...fordern, version: form.get('version') } });
    } catch (err) {
      return { ...formFailure(context, err, { ...fordern, formular: 'fordern' }) };
    }
    flash(context, 'Die Einstellungen zu Minderungen wurden gespeichert.');
    return redirect(PFAD);
  }
  const values: Record<string, string> = {};
  for (const f of ['nachzahlungAb', 'monatsbetragAb', 'erstattungAb', 'iban', 'bic', 'kontoinhaber']) values[f] = form.get(f).trim();
  for (const { feld } of IMMER) values[feld] = form.get(feld) === '1' ? '1' : '';
  const vierAugenRegeln = Object.fromEntries([...GRENZEN.map((g) => [g.regel, values[g.feld]]), ...IMMER.map(({ feld }) => [feld, values[feld]])]);
  try {
    await traegerEinstellungenSpeichern.execute({
      ctx: web(context).app,
      actor,
      input: { vierAugenRegeln, iban: values.iban, bic: values.bic, kontoinhaber: values.kontoinhaber, version: form.get('version') },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      const felder: FieldErrors = {};
      for (const i of err.issues) felder[FELD[i.path] ?? i.path] ??= i.message;
      return invalid(context, felder, values);
    }
    return formFailure(context, err, values);
  }
  flash(context, 'Die Einstellungen des Trägers wurden gespeichert.');
  return redirect(PFAD);
}

/** Admin: Vier-Augen thresholds and the Träger's own bank account (debtor of the SEPA credit transfers). */
function TraegerEinstellungenPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const fordernErgebnis = result?.values && (result.values as Record<string, string>).formular === 'fordern';
  const errors = (fordernErgebnis ? undefined : result?.errors) ?? {};
  const fordernFehler = (fordernErgebnis ? result?.errors : undefined) ?? {};
  // After a conflict the form shows what is stored now, with its current version.
  const eingabe = result?.values && !result.konflikt && !fordernErgebnis ? (result.values as Record<string, string>) : undefined;
  const fordernEingabe = fordernErgebnis && !result?.konflikt ? (result?.values as Record<string, string>) : undefined;
  const r = d.vierAugenRegeln;
  const v = (feld: string, gespeichert: string) => (eingabe ? (eingabe[feld] ?? '') : gespeichert);
  const haken = (feld: (typeof IMMER)[number]['feld']) => (eingabe ? eingabe[feld] === '1' : r[feld]);
  return (
    <div className="kern-stack-lg form-narrow">
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Einstellungen des Trägers</h1>
        <p className="kern-body">
          {d.updatedAt
            ? `Zuletzt gespeichert am ${berlinZeit(d.updatedAt)}.`
            : 'Noch nicht gespeichert: Es gelten die Standardregeln, und ohne Konto des Trägers kann kein Zahllauf eine SEPA-Datei erstellen.'}
        </p>
      </div>
      <ErrorSummary errors={errors} title="Bitte prüfen Sie Ihre Eingaben" />
      <KonfliktHinweis text={fordernErgebnis ? undefined : result?.konflikt} />
      <PostForm csrfToken={csrfToken} action={PFAD}>
        <input type="hidden" name="version" value={d.version} />
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Vier-Augen-Prinzip</legend>
          <p className="kern-body">
            Eine zweite Person (Teamleitung) gibt eine Entscheidung frei, wenn eine dieser Grenzen erreicht ist. Ein leeres Feld schaltet die Grenze ab.
          </p>
          {GRENZEN.map((g) => (
            <TextField
              key={g.feld}
              name={g.feld}
              label={g.label}
              hint={g.hint}
              optionalLabel="optional"
              inputMode="decimal"
              width="kurz"
              defaultValue={v(g.feld, euroFeld(r[g.regel]))}
              error={errors[g.feld]}
            />
          ))}
          <p className="kern-body">Unabhängig vom Betrag immer freigeben:</p>
          {IMMER.map((i) => (
            <Checkbox key={i.feld} name={i.feld} label={i.label} checked={haken(i.feld)} />
          ))}
        </fieldset>
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Konto des Trägers für Überweisungen</legend>
          <p className="kern-body">Von diesem Konto zahlt der Zahllauf die Leistungen aus (Auftraggeber in der SEPA-Datei).</p>
          <TextField name="iban" label="IBAN" autoComplete="off" defaultValue={v('iban', d.iban ? ibanLesbar(d.iban) : '')} error={errors.iban} required />
          <TextField name="bic" label="BIC" optionalLabel="optional" hint="8 oder 11 Zeichen; im SEPA-Raum genügt die IBAN." width="kurz" defaultValue={v('bic', d.bic ?? '')} error={errors.bic} />
          <TextField name="kontoinhaber" label="Kontoinhaber" hint="So erscheint der Name in der Überweisung, höchstens 70 Zeichen." defaultValue={v('kontoinhaber', d.kontoinhaber ?? '')} error={errors.kontoinhaber} required />
        </fieldset>
        <SubmitButton>Einstellungen speichern</SubmitButton>
      </PostForm>
      <ErrorSummary errors={fordernFehler} title="Bitte prüfen Sie die Einstellungen zu Minderungen" />
      <KonfliktHinweis text={fordernErgebnis ? result?.konflikt : undefined} />
      <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Minderungen">
        <input type="hidden" name="formular" value="fordern" />
        <input type="hidden" name="version" value={d.version} />
        <fieldset className="kern-fieldset kern-stack-md">
          <legend className="kern-heading-small">Minderungen (Fordern)</legend>
          <SelectField
            name="minderungEntscheider"
            label="Wer entscheidet über Minderungen?"
            hint="Die Teamleitung darf immer entscheiden."
            options={[
              { value: 'integration', label: 'Integrationsfachkräfte' },
              { value: 'leistung', label: 'Leistungssachbearbeitung' },
            ]}
            defaultValue={fordernEingabe?.minderungEntscheider ?? d.minderungEntscheider}
            error={fordernFehler.minderungEntscheider}
          />
          <SelectField
            name="minderungVierAugen"
            label="Wann gibt eine zweite Person den Minderungsbescheid frei?"
            hint="Die Freigabe erteilt die Teamleitung, nie die Person, die entschieden hat."
            options={[
              { value: 'nie', label: 'Nie' },
              { value: 'wegfall', label: 'Nur beim Wegfall des Regelbedarfs oder des ganzen Anspruchs' },
              { value: 'immer', label: 'Bei jeder Minderung' },
            ]}
            defaultValue={fordernEingabe?.minderungVierAugen ?? d.minderungVierAugen}
            error={fordernFehler.minderungVierAugen}
          />
        </fieldset>
        <SubmitButton variant="secondary">Einstellungen zu Minderungen speichern</SubmitButton>
      </PostForm>
      <section aria-labelledby="gilt-jetzt" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="gilt-jetzt">
          Es gilt zurzeit
        </h2>
        <ul className="kern-list">
          {GRENZEN.map((g) => (
            <li key={g.feld}>{`${g.label.replace(' (Euro)', '')}: ${r[g.regel] === null ? 'keine Grenze' : euroText(r[g.regel])}`}</li>
          ))}
          {IMMER.map((i) => (
            <li key={i.feld}>{`${i.label}: ${r[i.feld] ? 'ja' : 'nein'}`}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export const traegerEinstellungenRoute: RouteObject = {
  path: 'verwaltung/traeger-einstellungen',
  loader,
  action,
  Component: TraegerEinstellungenPage,
  handle: { title: 'Einstellungen des Trägers' } satisfies PageHandle,
};
