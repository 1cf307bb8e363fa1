import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { lokalesDatum } from '../../../domain/termine/index.ts';
import { AppError } from '../../../server/errors.ts';
import { abwesenheitEintragen } from '../../../server/termine/abwesenheit-eintragen.ts';
import { abwesenheitEntfernen } from '../../../server/termine/abwesenheit-entfernen.ts';
import { ausnahmeEntfernen } from '../../../server/termine/ausnahme-entfernen.ts';
import { planungLaden } from '../../../server/termine/planung-laden.ts';
import { standortAusnahmeHinzufuegen } from '../../../server/termine/standort-ausnahme-hinzufuegen.ts';
import { teamSetzen } from '../../../server/termine/team-setzen.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/**
 * Staff page (German only): closed days and extra hours of a Standort, absences of staff, team of a desk. The
 * Teamleitung plans for the Standorte they see; other staff enter absences of their own desk. No-JS forms, errors
 * at the fields (each form has its own field names so that the error summary links to the right field).
 */

const datumText = (d: string) => d.split('-').toReversed().join('.');

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, ['termine.eigenerKalender', 'termine.planen']);
  const { app } = web(context);
  const p = await planungLaden.execute({ ctx: app, actor, input: {} });
  const name = (id: string) => p.ressourcen.find((r) => r.id === id)?.name ?? '';
  return {
    leitung: p.leitung,
    heute: p.heute,
    standorte: p.standorte.map((s) => ({ value: s.id, label: s.name })),
    ressourcen: p.ressourcen.map((r) => ({ id: r.id, name: r.name, team: r.team ?? '', version: r.version, standort: p.standorte.find((s) => s.id === r.standortId)?.name ?? '' })),
    ausnahmen: p.ausnahmen.map((a) => ({
      id: a.id,
      text: `${datumText(a.datum)}: ${a.art === 'geschlossen' ? 'geschlossen' : 'zusätzlich geöffnet'}${a.von ? ` ${a.von}–${a.bis}` : ' (ganzer Tag)'} – ${name(a.ressourceId)}${a.grund ? ` (${a.grund})` : ''}`,
    })),
    abwesenheiten: p.abwesenheiten.map((a) => ({
      id: a.id,
      text: `${name(a.ressourceId)}: ${datumText(lokalesDatum(a.von))} bis ${datumText(lokalesDatum(a.bis.getTime() - 1))}${a.grund ? ` (${a.grund})` : ''}`,
    })),
    errors: {} as Record<string, string>,
    values: {} as Record<string, string>,
  };
}

async function action({ context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, ['termine.eigenerKalender', 'termine.planen']);
  const { app, reply } = web(context);
  const form = await readForm(request);
  const aktion = form.get('_aktion');
  const values: Record<string, string> = {};
  for (const k of ['standortId', 'art', 'datum', 'von', 'bis', 'grund', 'abwesendRessourceId', 'abwesendVon', 'abwesendBis', 'abwesendGrund', 'teamRessourceId', 'team']) values[k] = form.get(k);
  // form field → use-case input (each form has its own field names, so the error summary links to the right field)
  const FELD: Record<string, Record<string, string>> = { abwesenheit: { ressourceId: 'abwesendRessourceId', vonDatum: 'abwesendVon', bisDatum: 'abwesendBis', grund: 'abwesendGrund' }, team: { ressourceId: 'teamRessourceId' } };
  try {
    if (aktion === 'ausnahme') {
      const n = await standortAusnahmeHinzufuegen.execute({ ctx: app, actor, input: { standortId: values.standortId, art: values.art, datum: values.datum, von: values.von, bis: values.bis, grund: values.grund } });
      flash(context, `Die Ausnahme gilt jetzt für ${n} ${n === 1 ? 'Platz' : 'Plätze'} des Standorts.`);
    } else if (aktion === 'ausnahme-entfernen') {
      await ausnahmeEntfernen.execute({ ctx: app, actor, input: { id: form.get('id') } });
      flash(context, 'Die Ausnahme wurde entfernt.');
    } else if (aktion === 'abwesenheit') {
      await abwesenheitEintragen.execute({ ctx: app, actor, input: { ressourceId: values.abwesendRessourceId, vonDatum: values.abwesendVon, bisDatum: values.abwesendBis, grund: values.abwesendGrund } });
      flash(context, 'Die Abwesenheit wurde eingetragen. In dieser Zeit bietet vorort an diesem Platz keine Termine an.');
    } else if (aktion === 'abwesenheit-entfernen') {
      await abwesenheitEntfernen.execute({ ctx: app, actor, input: { id: form.get('id') } });
      flash(context, 'Die Abwesenheit wurde entfernt.');
    } else if (aktion === 'team') {
      const [ressourceId = '', version = ''] = values.teamRessourceId!.split('|');
      await teamSetzen.execute({ ctx: app, actor, input: { ressourceId, team: values.team, version } });
      flash(context, 'Das Team wurde gespeichert.');
    }
  } catch (err) {
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) {
      reply.code(err.status);
      const errors: Record<string, string> = {};
      for (const i of err.issues) errors[FELD[aktion]?.[i.path] ?? i.path] ??= i.message;
      if (!err.issues.length) errors[aktion === 'team' ? 'team' : 'datum'] = err.message;
      return { ...(await loader({ context, request } as LoaderFunctionArgs)), errors, values };
    }
    throw err;
  }
  return redirect('/termine/ausnahmen');
}

function Page() {
  const geladen = useLoaderData<typeof loader>();
  const d = (useActionData<typeof action>() as typeof geladen | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  const v = d.values;
  const heute = d.heute;
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">Ausnahmen und Abwesenheiten</h1>
      <p className="kern-body">
        Geschlossene Tage und zusätzliche Öffnungszeiten eines Standorts gelten für alle buchbaren Plätze dort. Bereits gebuchte Termine bleiben bestehen – bitte sagen Sie sie bei Bedarf im{' '}
        <a className="kern-link" href="/termine/kalender">
          Terminkalender
        </a>{' '}
        ab.
      </p>
      <ErrorSummary errors={d.errors} title="Bitte prüfen Sie Ihre Eingaben" />

      {d.leitung ? (
        <section aria-labelledby="standort-ausnahme" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="standort-ausnahme">
            Ausnahme für einen Standort
          </h2>
          <PostForm csrfToken={csrfToken} action="/termine/ausnahmen" aria-label="Ausnahme für einen Standort eintragen">
            <input type="hidden" name="_aktion" value="ausnahme" />
            <SelectField name="standortId" label="Standort" defaultValue={v.standortId} options={d.standorte} error={d.errors.standortId} />
            <SelectField name="art" label="Art" defaultValue={v.art ?? 'geschlossen'} error={d.errors.art} options={[{ value: 'geschlossen', label: 'geschlossen' }, { value: 'zusaetzlich', label: 'zusätzlich geöffnet' }]} />
            <TextField name="datum" label="Datum" type="date" defaultValue={v.datum ?? heute} error={d.errors.datum} />
            <TextField name="von" label="Von (HH:MM)" hint="leer lassen für den ganzen Tag (nur bei „geschlossen“)" optionalLabel="optional" defaultValue={v.von} error={d.errors.von} />
            <TextField name="bis" label="Bis (HH:MM)" optionalLabel="optional" defaultValue={v.bis} error={d.errors.bis} />
            <TextField name="grund" label="Grund" hint="z. B. Betriebsausflug, Personalversammlung" optionalLabel="optional" defaultValue={v.grund} error={d.errors.grund} />
            <SubmitButton>Ausnahme eintragen</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="ausnahmen" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="ausnahmen">
          Kommende Ausnahmen
        </h2>
        {d.ausnahmen.length === 0 ? <p className="kern-body">Keine.</p> : null}
        <ul className="kern-list">
          {d.ausnahmen.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <PostForm csrfToken={csrfToken} action="/termine/ausnahmen" className="inline-form" aria-label={`Ausnahme ${a.text} entfernen`}>
                <input type="hidden" name="_aktion" value="ausnahme-entfernen" />
                <input type="hidden" name="id" value={a.id} />
                <SubmitButton variant="tertiary">Entfernen</SubmitButton>
              </PostForm>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="abwesenheit" className="kern-stack-sm">
        <h2 className="kern-heading-medium" id="abwesenheit">
          Abwesenheit eintragen
        </h2>
        {d.ressourcen.length === 0 ? (
          <p className="kern-body">Für Sie ist kein buchbarer Platz angelegt.</p>
        ) : (
          <PostForm csrfToken={csrfToken} action="/termine/ausnahmen" aria-label="Abwesenheit eintragen">
            <input type="hidden" name="_aktion" value="abwesenheit" />
            <SelectField name="abwesendRessourceId" label="Platz" defaultValue={v.abwesendRessourceId} error={d.errors.abwesendRessourceId} options={d.ressourcen.map((r) => ({ value: r.id, label: `${r.name} (${r.standort})` }))} />
            <TextField name="abwesendVon" label="Erster Tag" type="date" defaultValue={v.abwesendVon ?? heute} error={d.errors.abwesendVon} />
            <TextField name="abwesendBis" label="Letzter Tag" type="date" defaultValue={v.abwesendBis ?? heute} error={d.errors.abwesendBis} />
            <TextField name="abwesendGrund" label="Grund" hint="z. B. Urlaub, Fortbildung – keine Gesundheitsdaten" optionalLabel="optional" defaultValue={v.abwesendGrund} error={d.errors.abwesendGrund} />
            <SubmitButton>Abwesenheit eintragen</SubmitButton>
          </PostForm>
        )}
        <h3 className="kern-heading-small">Kommende Abwesenheiten</h3>
        {d.abwesenheiten.length === 0 ? <p className="kern-body">Keine.</p> : null}
        <ul className="kern-list">
          {d.abwesenheiten.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <PostForm csrfToken={csrfToken} action="/termine/ausnahmen" className="inline-form" aria-label={`Abwesenheit ${a.text} entfernen`}>
                <input type="hidden" name="_aktion" value="abwesenheit-entfernen" />
                <input type="hidden" name="id" value={a.id} />
                <SubmitButton variant="tertiary">Entfernen</SubmitButton>
              </PostForm>
            </li>
          ))}
        </ul>
      </section>

      {d.leitung && d.ressourcen.length > 0 ? (
        <section aria-labelledby="teams" className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="teams">
            Teams
          </h2>
          <ul className="kern-list">
            {d.ressourcen.map((r) => (
              <li key={r.id}>
                {r.name} ({r.standort}): {r.team || 'kein Team'}
              </li>
            ))}
          </ul>
          <PostForm csrfToken={csrfToken} action="/termine/ausnahmen" aria-label="Team eines Platzes ändern">
            <input type="hidden" name="_aktion" value="team" />
            <SelectField name="teamRessourceId" label="Platz" error={d.errors.teamRessourceId} options={d.ressourcen.map((r) => ({ value: `${r.id}|${r.version}`, label: `${r.name} (${r.standort})` }))} />
            <TextField name="team" label="Team" hint="leer lassen: kein Team" optionalLabel="optional" defaultValue={v.team} error={d.errors.team} />
            <SubmitButton>Team speichern</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}

export const terminAusnahmenRoute: RouteObject = { path: 'termine/ausnahmen', loader, action, Component: Page, handle: { title: 'Ausnahmen und Abwesenheiten' } satisfies PageHandle };
