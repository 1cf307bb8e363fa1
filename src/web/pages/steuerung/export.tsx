import { redirect, useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { berichtAuswahl } from '../../../server/statistik/bericht-auswahl.ts';
import { monatsbericht } from '../../../server/statistik/monatsbericht.ts';
import { monatsberichtExport } from '../../../server/statistik/monatsbericht-export.ts';
import { Alert } from '../../components/alert.tsx';
import { Checkbox, ErrorSummary, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { bereichOptionen, bereichWahl } from './kennzahlen-hilfen.tsx';

const PFAD = '/steuerung/monatsbericht/export';

const FORMAT_OPTIONEN = [
  { value: 'pdf', label: 'PDF (zum Lesen und Drucken)' },
  { value: 'xlsx', label: 'XLSX (Tabellenkalkulation, vier Blätter)' },
  { value: 'csv', label: 'CSV (Semikolon, UTF-8, eine Zeile je Zahl)' },
];

/**
 * /steuerung/monatsbericht/export (docs/statistik.md, "Exporte und Pressetext"): choose month, Bereich, format and
 * whether the file is meant for publication. With a valid choice the browser is sent on to the file
 * (GET /api/statistik/monatsbericht/export, Content-Disposition: attachment), which checks the month and the rights
 * and writes the audit entry; a wrong choice comes back with the message at its field.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'statistik.lesen');
  const ctx = web(context).app;
  const q = new URL(request.url).searchParams;
  const auswahl = await berichtAuswahl.execute({ ctx, actor, input: {} });
  const wahl = bereichWahl(q, auswahl);
  const monat = q.get('monat') || auswahl.letzterMonat || '';
  const veroeffentlichung = q.get('veroeffentlichung') === '1' || q.get('veroeffentlichung') === 'true';
  const format = q.get('format');
  const eingabe = { monat, bereich: wahl.bereich, format: format ?? 'pdf', veroeffentlichung };
  if (format === null || !wahl.ebene) return { auswahl, eingabe, fehler: {} as FieldErrors, keineStandorte: !wahl.ebene };
  try {
    const i = monatsberichtExport.parse({ monat, ebene: wahl.ebene, region: wahl.region, format, veroeffentlichung });
    // the same checks as the file itself (month in the future / before the data, foreign Standort → 404, no snapshot),
    // so that a wrong choice is shown here and not as the API's JSON
    await monatsbericht.execute({ ctx, actor, input: { monat: i.monat, ebene: i.ebene, region: i.region } });
    const ziel = new URLSearchParams({ monat: i.monat, ebene: i.ebene, ...(i.region ? { region: i.region } : {}), format: i.format, ...(i.veroeffentlichung ? { veroeffentlichung: 'true' } : {}) });
    throw redirect(`/api/statistik/monatsbericht/export?${ziel.toString()}`);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const keinSnapshot = err.code === 'statistik_kein_snapshot';
    if (err.status !== 400 && !keinSnapshot) throw err;
    web(context).reply.code(err.status);
    const fehler: FieldErrors = {};
    for (const i of err.issues) fehler[i.path === 'region' || i.path === 'ebene' ? 'bereich' : i.path] ??= i.message;
    if (Object.keys(fehler).length === 0) fehler.monat = err.message;
    return { auswahl, eingabe, fehler, keineStandorte: false };
  }
}

function ExportPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg form-narrow">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Monatsbericht herunterladen</h1>
        <p className="kern-body">
          Der Monatsbericht als Datei, mit Stichtag und Stand der Daten. <a className="kern-link" href="/steuerung">Zurück zur Steuerung</a>
        </p>
      </div>
      {d.keineStandorte ? <Alert type="info" title="Ihrem Konto ist kein Standort zugeordnet." /> : null}
      <ErrorSummary errors={d.fehler} title="Bitte prüfen Sie Ihre Auswahl" />
      <form method="get" action={PFAD} className="kern-stack-md" aria-label="Export des Monatsberichts">
        <TextField name="monat" label="Berichtsmonat" type="month" hint="Monat und Jahr, z. B. 2026-11" defaultValue={d.eingabe.monat} error={d.fehler.monat} required />
        <SelectField name="bereich" label="Bereich" options={bereichOptionen(d.auswahl)} defaultValue={d.eingabe.bereich} error={d.fehler.bereich} />
        <SelectField name="format" label="Dateiformat" options={FORMAT_OPTIONEN} defaultValue={d.eingabe.format} error={d.fehler.format} />
        <Checkbox
          name="veroeffentlichung"
          label="Zur Veröffentlichung: kleine Zahlen als * zeigen"
          hint="Zahlen unter der Kleinzahlgrenze (Einstellungen der Steuerung) und daraus berechnete Veränderungen und Anteile erscheinen als *."
          checked={d.eingabe.veroeffentlichung}
        />
        <SubmitButton>Herunterladen</SubmitButton>
      </form>
    </div>
  );
}

export const steuerungExportRoute: RouteObject = {
  path: 'steuerung/monatsbericht/export',
  loader,
  Component: ExportPage,
  handle: { title: 'Monatsbericht herunterladen' } satisfies PageHandle,
};
