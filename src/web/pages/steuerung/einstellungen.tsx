import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { BUNDESLAENDER } from '../../../domain/statistik/merkmale.ts';
import type { BezugsgroesseArt } from '../../../domain/statistik/typen.ts';
import { bezugsgroesseAnlegen } from '../../../server/statistik/bezugsgroesse-anlegen.ts';
import { bezugsgroessen } from '../../../server/statistik/bezugsgroessen.ts';
import { einstellungenAendern } from '../../../server/statistik/einstellungen-aendern.ts';
import { statistikEinstellungen } from '../../../server/statistik/einstellungen.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { berlinZeit, formFailure, KonfliktHinweis, type FormResult } from '../verwaltung/shared.tsx';
import { monatText, zahlText } from './kennzahlen-hilfen.tsx';

const PFAD = '/steuerung/einstellungen';

const ART_TEXT: Record<BezugsgroesseArt, string> = {
  zivile_erwerbspersonen: 'Zivile Erwerbspersonen (für die SGB II-Arbeitslosenquote)',
  bevoelkerung_bis_altersgrenze: 'Bevölkerung bis zur Altersgrenze (für die SGB II-Quote)',
};

const TAG_OPTIONEN = [{ value: 'letzter', label: 'Letzter Tag des Monats' }, ...Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}. des Monats` }))];

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.verwalten');
  const ctx = web(context).app;
  const [einstellungen, liste] = await Promise.all([statistikEinstellungen.execute({ ctx, actor, input: {} }), bezugsgroessen.execute({ ctx, actor, input: {} })]);
  return { einstellungen, ...liste };
}

async function action({ context, request }: ActionFunctionArgs): Promise<FormResult | Response> {
  const actor = requirePermission(context, request, 'statistik.verwalten');
  const ctx = web(context).app;
  const form = await readForm(request);
  if (form.get('formular') === 'bezugsgroesse') {
    const values = { formular: 'bezugsgroesse', art: form.get('art'), kommuneId: form.get('kommuneId'), gueltigAbMonat: form.get('gueltigAbMonat').trim(), wert: form.get('wert').trim(), quelle: form.get('quelle') };
    try {
      await bezugsgroesseAnlegen.execute({ ctx, actor, input: { ...values, wert: values.wert.replace(/\./g, '') } });
    } catch (err) {
      return formFailure(context, err, values);
    }
    flash(context, 'Die Bezugsgröße wurde eingetragen.');
    return redirect(PFAD);
  }
  const values = { formular: 'einstellungen', stichtagTag: form.get('stichtagTag'), land: form.get('land'), kleinzahlGrenze: form.get('kleinzahlGrenze').trim() };
  try {
    await einstellungenAendern.execute({ ctx, actor, input: { ...values, version: form.get('version') } });
  } catch (err) {
    return formFailure(context, err, values);
  }
  flash(context, 'Die Einstellungen der Statistik wurden gespeichert.');
  return redirect(PFAD);
}

/** Steuerung: Stichtag, Land, Kleinzahlgrenze and the versioned Bezugsgrößen of the Quoten (statistik.verwalten). */
function EinstellungenPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData() as FormResult | undefined;
  const { csrfToken } = useRoot();
  const werte = (result?.values ?? {}) as Record<string, string>;
  const istBezug = werte.formular === 'bezugsgroesse';
  const fehlerEinstellungen = (!istBezug ? result?.errors : undefined) ?? {};
  const fehlerBezug = (istBezug ? result?.errors : undefined) ?? {};
  // after a conflict the form shows what is stored now
  const eingabe = result && !istBezug && !result.konflikt ? werte : undefined;
  const e = d.einstellungen;
  const kommuneOptionen = [{ value: '', label: 'Ganzer Träger' }, ...d.kommunen.map((k) => ({ value: k.id, label: `Kommune ${k.name}` }))];
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Einstellungen der Statistik</h1>
        <p className="kern-body">
          {e.updatedAt ? `Zuletzt gespeichert am ${berlinZeit(e.updatedAt)}.` : 'Noch nicht gespeichert: Es gelten die Vorgaben.'}{' '}
          <a className="kern-link" href="/steuerung">
            Zurück zur Steuerung
          </a>
        </p>
      </div>

      <section aria-labelledby="einstellungen-titel" className="kern-stack-md form-narrow">
        <h2 className="kern-heading-medium" id="einstellungen-titel">
          Stichtag, Land und kleine Zahlen
        </h2>
        <ErrorSummary errors={fehlerEinstellungen} title="Bitte prüfen Sie die Einstellungen" />
        <KonfliktHinweis text={istBezug ? undefined : result?.konflikt} />
        <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Einstellungen der Statistik">
          <input type="hidden" name="formular" value="einstellungen" />
          <input type="hidden" name="version" value={e.version} />
          <SelectField
            name="stichtagTag"
            label="Stichtag"
            hint="Tag, an dem der Bestand eines Monats gezählt wird. Gilt für alle Monate, die ab jetzt erstellt werden (vorläufige beim nächsten Lauf); endgültige bleiben, wie sie sind."
            options={TAG_OPTIONEN}
            defaultValue={eingabe ? eingabe.stichtagTag : e.stichtagTag === null ? 'letzter' : String(e.stichtagTag)}
            error={fehlerEinstellungen.stichtagTag}
          />
          <SelectField
            name="land"
            label="Bundesland des Trägers"
            hint="Entscheidet über die Bundesbeteiligung an den Kosten der Unterkunft. Ohne Angabe gelten die Kosten der Unterkunft ganz als kommunal."
            options={[{ value: '', label: 'nicht festgelegt' }, ...BUNDESLAENDER.map((l) => ({ value: l.code, label: l.name }))]}
            defaultValue={eingabe ? eingabe.land : (e.land ?? '')}
            error={fehlerEinstellungen.land}
          />
          <TextField
            name="kleinzahlGrenze"
            label="Kleinzahlgrenze"
            hint="In Exporten zur Veröffentlichung erscheinen Zahlen von 1 bis unter dieser Grenze als *. 0 oder 1: keine."
            inputMode="numeric"
            width="kurz"
            defaultValue={eingabe ? eingabe.kleinzahlGrenze : e.kleinzahlGrenze}
            error={fehlerEinstellungen.kleinzahlGrenze}
            required
          />
          <SubmitButton>Einstellungen speichern</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="bezugsgroessen-titel" className="kern-stack-md">
        <h2 className="kern-heading-medium" id="bezugsgroessen-titel">
          Bezugsgrößen der Quoten
        </h2>
        <p className="kern-body">
          Ein Wert gilt ab seinem Berichtsmonat bis zum nächsten Eintrag derselben Art und Region. Frühere Monate werden nie neu berechnet; Monate mit endgültigen Zahlen
          können nicht Beginn eines Eintrags sein. Unter der Mindestgröße der Statistik der BA wird keine Quote ausgewiesen.
        </p>
        {d.bezugsgroessen.length === 0 ? (
          <p className="kern-body">Noch keine Bezugsgrößen eingetragen: Die Quoten werden im Monatsbericht nicht ausgewiesen.</p>
        ) : (
          <TabellenBereich label="Eingetragene Bezugsgrößen">
            <table className="kern-table">
              <caption className="kern-title">Eingetragene Bezugsgrößen</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Art</th>
                  <th scope="col" className="kern-table__header">Region</th>
                  <th scope="col" className="kern-table__header">Gültig ab</th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">Wert</th>
                  <th scope="col" className="kern-table__header">Quelle</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {d.bezugsgroessen.map((b) => (
                  <tr key={b.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">{ART_TEXT[b.art]}</th>
                    <td className="kern-table__cell">{b.kommune ? `Kommune ${b.kommune}` : 'Ganzer Träger'}</td>
                    <td className="kern-table__cell">{monatText(b.gueltigAbMonat)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{zahlText(b.wert)}</td>
                    <td className="kern-table__cell">{b.quelle}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        )}
        <div className="kern-stack-md form-narrow">
          <h3 className="kern-heading-small">Bezugsgröße eintragen</h3>
          <ErrorSummary errors={fehlerBezug} title="Bitte prüfen Sie die Bezugsgröße" />
          <KonfliktHinweis text={istBezug ? result?.konflikt : undefined} />
          <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Bezugsgröße eintragen">
            <input type="hidden" name="formular" value="bezugsgroesse" />
            <SelectField
              name="art"
              label="Art der Bezugsgröße"
              options={Object.entries(ART_TEXT).map(([value, label]) => ({ value, label }))}
              defaultValue={istBezug ? werte.art : 'zivile_erwerbspersonen'}
              error={fehlerBezug.art}
            />
            <SelectField name="kommuneId" label="Region der Bezugsgröße" options={kommuneOptionen} defaultValue={istBezug ? werte.kommuneId : ''} error={fehlerBezug.kommuneId} />
            <TextField
              name="gueltigAbMonat"
              label="Gültig ab Berichtsmonat"
              type="month"
              hint="Die Statistik der BA wechselt die Bezugsgrößen meist mit dem Berichtsmonat Mai."
              defaultValue={istBezug ? werte.gueltigAbMonat : ''}
              error={fehlerBezug.gueltigAbMonat}
              required
            />
            <TextField name="wert" label="Anzahl Personen" inputMode="numeric" width="kurz" hint="z. B. 229000" defaultValue={istBezug ? werte.wert : ''} error={fehlerBezug.wert} required />
            <TextField name="quelle" label="Quelle" hint="z. B. Statistik der BA, Bezugsgrößen 2026" defaultValue={istBezug ? werte.quelle : ''} error={fehlerBezug.quelle} required />
            <SubmitButton>Bezugsgröße eintragen</SubmitButton>
          </PostForm>
        </div>
      </section>
    </div>
  );
}

export const steuerungEinstellungenRoute: RouteObject = {
  path: 'steuerung/einstellungen',
  loader,
  action,
  Component: EinstellungenPage,
  handle: { title: 'Einstellungen der Statistik' } satisfies PageHandle,
};
