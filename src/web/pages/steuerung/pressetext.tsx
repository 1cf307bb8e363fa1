import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { berichtAuswahl } from '../../../server/statistik/bericht-auswahl.ts';
import { pressetext } from '../../../server/statistik/pressetext.ts';
import { Alert } from '../../components/alert.tsx';
import { PostForm, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { bereichOptionen, bereichWahl, DATENSTAND_TEXT, datumText, monatText } from './kennzahlen-hilfen.tsx';

/**
 * /steuerung/pressetext (docs/statistik.md, "Exporte und Pressetext"): the draft press release of a Monatsbericht in a
 * text field; the user edits it and downloads the edited text as a .txt file (POST /api/statistik/pressetext). The
 * draft only uses the report's numbers; what the user writes is the user's text – vorort does not store it.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const auswahl = await berichtAuswahl.execute({ ctx, actor, input: {} });
  const wahl = bereichWahl(q, auswahl);
  const monat = q.get('monat') || auswahl.letzterMonat || '';
  const basis = { auswahl, bereich: wahl.bereich, monat };
  if (!wahl.ebene) return { ...basis, daten: null, fehler: null, keinSnapshot: false, keineStandorte: true };
  if (!monat) return { ...basis, daten: null, fehler: null, keinSnapshot: true, keineStandorte: false };
  try {
    const daten = await pressetext.execute({ ctx, actor, input: { monat, ebene: wahl.ebene, region: wahl.region } });
    return { ...basis, daten, fehler: null, keinSnapshot: false, keineStandorte: false };
  } catch (err) {
    if (err instanceof AppError && err.status === 400) {
      web(context).reply.code(400);
      return { ...basis, daten: null, fehler: { feld: err.issues[0]?.path ?? 'monat', text: err.issues[0]?.message ?? err.message }, keinSnapshot: false, keineStandorte: false };
    }
    if (err instanceof AppError && err.code === 'statistik_kein_snapshot') return { ...basis, daten: null, fehler: null, keinSnapshot: true, keineStandorte: false };
    throw err;
  }
}

function PressetextPage() {
  const d = useLoaderData<typeof loader>();
  const { csrfToken } = useRoot();
  const p = d.daten;
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Pressetext</h1>
        <p className="kern-body">
          Ein Entwurf für eine Pressemitteilung aus dem Monatsbericht. <a className="kern-link" href="/steuerung">Zurück zur Steuerung</a>
        </p>
      </div>
      <form method="get" action="/steuerung/pressetext" className="kern-stack-md form-narrow" aria-label="Monat und Bereich des Pressetexts">
        <TextField
          name="monat"
          label="Berichtsmonat"
          type="month"
          hint="Monat und Jahr, z. B. 2026-11; leer: der letzte Monat mit Statistik"
          defaultValue={d.monat}
          error={d.fehler && d.fehler.feld !== 'region' ? d.fehler.text : undefined}
        />
        <SelectField name="bereich" label="Bereich" options={bereichOptionen(d.auswahl)} defaultValue={d.bereich} error={d.fehler?.feld === 'region' ? d.fehler.text : undefined} />
        <SubmitButton variant="secondary">Entwurf erstellen</SubmitButton>
      </form>
      {d.keineStandorte ? <Alert type="info" title="Ihrem Konto ist kein Standort zugeordnet." /> : null}
      {d.keinSnapshot ? (
        <Alert type="info" title="Für diesen Monat gibt es noch keine Statistik.">
          <p className="kern-body">
            Die Statistik wird jede Nacht erstellt. Welche Monate vorliegen, zeigt <a className="kern-link" href="/steuerung/daten">Stand der Daten</a>.
          </p>
        </Alert>
      ) : null}
      {p ? (
        <section aria-labelledby="pressetext-entwurf" className="kern-stack-md">
          <h2 className="kern-heading-medium" id="pressetext-entwurf">
            {`Entwurf ${monatText(p.monat)}, ${p.region.name}`}
          </h2>
          <p className="kern-body">
            {`Stichtag ${datumText(p.stichtag)}, Stand der Daten: ${DATENSTAND_TEXT[p.datenstand]}.`} Jede Zahl im Entwurf stammt aus dem Monatsbericht.
            {p.kleinzahlGrenze > 1
              ? ` Der Text ist zur Veröffentlichung bestimmt: Zahlen unter ${p.kleinzahlGrenze.toLocaleString('de-DE')} (Kleinzahlgrenze der Einstellungen) stehen als „weniger als ${p.kleinzahlGrenze.toLocaleString('de-DE')}“, Veränderungen und Anteile daraus fehlen.`
              : ''}{' '}
            Sie können den Text
            frei bearbeiten und dann herunterladen; was Sie ändern, ist Ihr Text – vorort speichert ihn nicht.
          </p>
          {p.datenstand === 'vorlaeufig' ? (
            <Alert type="warning" title="Vorläufige Zahlen">
              <p className="kern-body">Die Zahlen dieses Monats können sich durch Nachträge noch ändern.</p>
            </Alert>
          ) : null}
          <PostForm csrfToken={csrfToken} action="/api/statistik/pressetext" className="kern-stack-md" aria-label="Pressetext bearbeiten und herunterladen">
            <input type="hidden" name="monat" value={p.monat} />
            <input type="hidden" name="ebene" value={p.ebene} />
            <input type="hidden" name="region" value={p.region.id ?? ''} />
            <TextAreaField name="text" label="Text der Pressemitteilung" rows={18} defaultValue={p.entwurf} hint="Bearbeiten Sie den Entwurf; heruntergeladen wird der Text, wie er hier steht." />
            <SubmitButton>Als Textdatei herunterladen</SubmitButton>
          </PostForm>
          <p className="kern-body">
            <a className="kern-link" href={`/steuerung/monatsbericht/export?monat=${p.monat}&bereich=${encodeURIComponent(d.bereich)}`}>
              Monatsbericht als Datei herunterladen
            </a>
          </p>
        </section>
      ) : null}
    </div>
  );
}

export const steuerungPressetextRoute: RouteObject = {
  path: 'steuerung/pressetext',
  loader,
  Component: PressetextPage,
  handle: { title: 'Pressetext' } satisfies PageHandle,
};
