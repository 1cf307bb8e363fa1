import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { SCHLUESSELGROESSE_TEXT, nachSchluesselgroesse } from '../../../domain/foerdern/potenzialanalyse.ts';
import { SCHLUESSELGROESSEN } from '../../../domain/foerdern/typen.ts';
import { katalogAendern } from '../../../server/integration/katalog-aendern.ts';
import { katalogAktivieren } from '../../../server/integration/katalog-aktivieren.ts';
import { katalogAnlegen } from '../../../server/integration/katalog-anlegen.ts';
import { katalogAuflisten } from '../../../server/integration/katalog-auflisten.ts';
import { katalogDeaktivieren } from '../../../server/integration/katalog-deaktivieren.ts';
import { katalogStandardUebernehmen } from '../../../server/integration/katalog-standard.ts';
import { can } from '../../../server/policies.ts';
import { Checkbox, ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { AktivBadge, formFailure, KonfliktHinweis, Zurueck, type FormResult } from '../verwaltung/shared.tsx';

/**
 * /integration/katalog — the Träger's catalogue of Handlungsbedarfe for the Potenzialanalyse. Everyone on the
 * integration side reads it; Teamleitung and admin (massnahmen.verwalten) add, reword, deactivate and reactivate
 * entries (`?bearbeiten=<id>` opens the form for one entry). Entries are never deleted: Potenzialanalysen refer to them.
 */

const PFAD = '/integration/katalog';
const FEHLER_TITEL = 'Bitte prüfen Sie Ihre Eingaben';
const SG_OPTIONEN = SCHLUESSELGROESSEN.map((s) => ({ value: s, label: SCHLUESSELGROESSE_TEXT[s] }));

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, ['integration.lesen', 'massnahmen.verwalten']);
  const liste = await katalogAuflisten.execute({ ctx: web(context).app, actor, input: {} });
  const bearbeiten = liste.darfVerwalten ? (new URL(request.url).searchParams.get('bearbeiten') ?? '') : '';
  // admin keeps the catalogue from the Verwaltung; the integration side comes from its work area
  const zurueck = can(actor, 'integration.lesen') ? { href: '/integration', label: 'Integration' } : { href: '/verwaltung', label: 'Verwaltung' };
  return { ...liste, bearbeiten, zurueck };
}

type Ergebnis = FormResult & { formular?: string };

async function action({ context, request }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'massnahmen.verwalten');
  const ctx = web(context).app;
  const form = await readForm(request);
  const aktion = form.get('_aktion');
  const values = Object.fromEntries(['code', 'schluesselgroesse', 'bezeichnung', 'gesundheitsbezogen', 'id', 'version'].map((k) => [k, form.get(k)]));
  try {
    if (aktion === 'anlegen') {
      const r = await katalogAnlegen.execute({ ctx, actor, input: { code: values.code, schluesselgroesse: values.schluesselgroesse, bezeichnung: values.bezeichnung, gesundheitsbezogen: values.gesundheitsbezogen } });
      flash(context, `„${r.bezeichnung}“ wurde in den Katalog aufgenommen.`);
    } else if (aktion === 'aendern') {
      const r = await katalogAendern.execute({ ctx, actor, input: { id: values.id, version: values.version, schluesselgroesse: values.schluesselgroesse, bezeichnung: values.bezeichnung } });
      flash(context, `„${r.bezeichnung}“ wurde geändert.`);
    } else if (aktion === 'deaktivieren' || aktion === 'aktivieren') {
      const uc = aktion === 'deaktivieren' ? katalogDeaktivieren : katalogAktivieren;
      const r = await uc.execute({ ctx, actor, input: { id: values.id, version: values.version } });
      flash(context, `„${r.bezeichnung}“ ist jetzt ${r.aktiv ? 'aktiv' : 'deaktiviert'}.`);
    } else if (aktion === 'standard') {
      const r = await katalogStandardUebernehmen.execute({ ctx, actor, input: {} });
      flash(context, r.hinzugefuegt ? `${r.hinzugefuegt} Einträge des Standardkatalogs wurden übernommen.` : 'Alle Einträge des Standardkatalogs sind schon vorhanden.');
    } else {
      return { errors: {}, values, konflikt: 'Unbekannte Aktion. Bitte laden Sie die Seite neu.' };
    }
  } catch (err) {
    return { ...formFailure(context, err, values), formular: aktion };
  }
  return redirect(PFAD);
}

function KatalogPage() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = (r?.values ?? {}) as Record<string, string>;
  const inBearbeitung = d.eintraege.find((x) => x.id === (r?.formular === 'aendern' ? v.id : d.bearbeiten));
  return (
    <div className="kern-stack-lg">
      <Zurueck href={d.zurueck.href} label={d.zurueck.label} />
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Katalog der Handlungsbedarfe</h1>
        <p className="kern-body">
          Die Handlungsbedarfe, aus denen die Potenzialanalyse wählt, nach den vier Schlüsselgrößen. Gesundheitsbezogene Einträge (besondere Kategorie, Art. 9 DSGVO) werden bei der
          Person getrennt gespeichert und nur Integrationsfachkräften angezeigt.
        </p>
      </div>
      <ErrorSummary errors={e} title={FEHLER_TITEL} />
      <KonfliktHinweis text={r?.konflikt} />
      {d.eintraege.length === 0 ? <p className="kern-body">Der Katalog ist noch leer.</p> : null}
      {nachSchluesselgroesse(d.eintraege).map((g) => (
        <section key={g.schluesselgroesse} aria-labelledby={`sg-${g.schluesselgroesse}`} className="kern-stack-sm">
          <h2 className="kern-heading-medium" id={`sg-${g.schluesselgroesse}`}>
            {g.titel}
          </h2>
          <TabellenBereich label={`Handlungsbedarfe ${g.titel}`}>
            <table className="kern-table">
              <caption className="kern-sr-only">{`Handlungsbedarfe der Schlüsselgröße ${g.titel}`}</caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">Bezeichnung</th>
                  <th scope="col" className="kern-table__header">Code</th>
                  <th scope="col" className="kern-table__header">Gesundheitsbezogen</th>
                  <th scope="col" className="kern-table__header">Stand</th>
                  {d.darfVerwalten ? <th scope="col" className="kern-table__header">Aktion</th> : null}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {g.eintraege.map((k) => (
                  <tr key={k.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">{k.bezeichnung}</th>
                    <td className="kern-table__cell">
                      <code>{k.code}</code>
                    </td>
                    <td className="kern-table__cell">{k.gesundheitsbezogen ? 'ja' : 'nein'}</td>
                    <td className="kern-table__cell">
                      <AktivBadge aktiv={k.aktiv} />
                    </td>
                    {d.darfVerwalten ? (
                      <td className="kern-table__cell">
                        <div className="kern-stack-xs">
                          <a className="kern-link" href={`${PFAD}?bearbeiten=${k.id}#bearbeiten`}>
                            {`Ändern: ${k.bezeichnung}`}
                          </a>
                          <PostForm csrfToken={csrfToken} action={PFAD} className="" aria-label={`${k.aktiv ? 'Deaktivieren' : 'Aktivieren'}: ${k.bezeichnung}`}>
                            <input type="hidden" name="id" value={k.id} />
                            <input type="hidden" name="version" value={k.version} />
                            <SubmitButton variant="tertiary" name="_aktion" value={k.aktiv ? 'deaktivieren' : 'aktivieren'}>
                              {k.aktiv ? 'Deaktivieren' : 'Aktivieren'}
                              <span className="kern-sr-only">{`: ${k.bezeichnung}`}</span>
                            </SubmitButton>
                          </PostForm>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellenBereich>
        </section>
      ))}
      {d.darfVerwalten && inBearbeitung ? (
        <section aria-labelledby="bearbeiten" className="kern-stack-md form-narrow">
          <h2 className="kern-heading-medium" id="bearbeiten">
            {`Ändern: ${inBearbeitung.bezeichnung}`}
          </h2>
          <p className="kern-body">{`Code „${inBearbeitung.code}“ und Gesundheitsbezug bleiben, wie sie angelegt wurden: gespeicherte Potenzialanalysen beziehen sich darauf.`}</p>
          <PostForm csrfToken={csrfToken} action={PFAD} className="kern-stack-md" aria-label="Handlungsbedarf ändern">
            <input type="hidden" name="id" value={inBearbeitung.id} />
            <input type="hidden" name="version" value={inBearbeitung.version} />
            <TextField name="bezeichnung" label="Bezeichnung" defaultValue={r?.formular === 'aendern' ? v.bezeichnung : inBearbeitung.bezeichnung} error={r?.formular === 'aendern' ? e.bezeichnung : undefined} required />
            <SelectField name="schluesselgroesse" label="Schlüsselgröße" options={SG_OPTIONEN} defaultValue={r?.formular === 'aendern' ? v.schluesselgroesse : inBearbeitung.schluesselgroesse} />
            <SubmitButton name="_aktion" value="aendern">
              Änderung speichern
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
      {d.darfVerwalten ? (
        <>
          <section aria-labelledby="neu" className="kern-stack-md form-narrow">
            <h2 className="kern-heading-medium" id="neu">
              Neuer Handlungsbedarf
            </h2>
            <PostForm csrfToken={csrfToken} action={PFAD} className="kern-stack-md" aria-label="Neuer Handlungsbedarf">
              <TextField name="bezeichnung" label="Bezeichnung" defaultValue={r?.formular === 'anlegen' ? v.bezeichnung : undefined} error={r?.formular === 'anlegen' ? e.bezeichnung : undefined} required />
              <TextField
                name="code"
                label="Code"
                hint="2 bis 40 Kleinbuchstaben, Ziffern und Unterstriche, z. B. sprachkurs_fehlt. Der Code bleibt fest."
                defaultValue={r?.formular === 'anlegen' ? v.code : undefined}
                error={e.code}
                required
              />
              <SelectField name="schluesselgroesse" label="Schlüsselgröße" options={SG_OPTIONEN} defaultValue={r?.formular === 'anlegen' ? v.schluesselgroesse : undefined} error={r?.formular === 'anlegen' ? e.schluesselgroesse : undefined} />
              <Checkbox
                name="gesundheitsbezogen"
                label="Gesundheitsbezogen (besondere Kategorie, Art. 9 DSGVO)"
                checked={r?.formular === 'anlegen' && v.gesundheitsbezogen === '1'}
                hint="Wird bei der Person getrennt gespeichert und nur Integrationsfachkräften angezeigt. Lässt sich später nicht ändern."
              />
              <SubmitButton name="_aktion" value="anlegen">
                Aufnehmen
              </SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="standard" className="kern-stack-md form-narrow">
            <h2 className="kern-heading-medium" id="standard">
              Standardkatalog
            </h2>
            <p className="kern-body">Übernimmt die üblichen Handlungsbedarfe der vier Schlüsselgrößen, soweit ihr Code im Katalog noch fehlt. Vorhandene Einträge bleiben unverändert.</p>
            <PostForm csrfToken={csrfToken} action={PFAD} aria-label="Standardkatalog übernehmen">
              <SubmitButton variant="secondary" name="_aktion" value="standard">
                Standardkatalog übernehmen
              </SubmitButton>
            </PostForm>
          </section>
        </>
      ) : null}
    </div>
  );
}

export const katalogRoute: RouteObject = { path: 'integration/katalog', loader, action, Component: KatalogPage, handle: { title: 'Katalog der Handlungsbedarfe' } satisfies PageHandle };
