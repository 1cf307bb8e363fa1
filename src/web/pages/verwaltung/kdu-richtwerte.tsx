import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { legeKduRichtwertAn, listeKduRichtwerte } from '../../../server/verwaltung/kdu-richtwerte.ts';
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText, euroText, parseEuro } from '../faelle/shared.tsx';

async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  return listeKduRichtwerte({ ctx: web(context).app, actor });
}

type Ergebnis = { errors: FieldErrors; values: Record<string, string> };

async function action({ context, request }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'kdu.verwalten');
  const form = await readForm(request);
  const values = Object.fromEntries(['kommuneId', 'haushaltsgroesse', 'bruttokaltmiete', 'heizkosten', 'gueltigVon', 'gueltigBis'].map((k) => [k, form.get(k).trim()]));
  const errors: FieldErrors = {};
  const bkm = parseEuro(values.bruttokaltmiete ?? '');
  const hk = parseEuro(values.heizkosten ?? '');
  if (typeof bkm !== 'number') errors.bruttokaltmiete = 'Bitte einen Betrag in Euro angeben, z. B. 650,00.';
  if (typeof hk !== 'number') errors.heizkosten = 'Bitte einen Betrag in Euro angeben, z. B. 120,00.';
  if (Object.keys(errors).length === 0) {
    try {
      await legeKduRichtwertAn({
        ctx: web(context).app,
        actor,
        input: {
          kommuneId: values.kommuneId ?? '',
          haushaltsgroesse: Number(values.haushaltsgroesse),
          bruttokaltmieteCent: bkm as number,
          heizkostenCent: hk as number,
          gueltigVon: values.gueltigVon ?? '',
          gueltigBis: values.gueltigBis || null,
        },
      });
      flash(context, 'Der Richtwert wurde gespeichert.');
      return redirect('/verwaltung/kdu-richtwerte');
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 403) throw err;
      const feld: Record<string, string> = { bruttokaltmieteCent: 'bruttokaltmiete', heizkostenCent: 'heizkosten' };
      for (const i of err.issues) errors[feld[i.path] ?? i.path] ??= i.message;
      if (!err.issues.length) errors.gueltigVon = err.message;
    }
  }
  web(context).reply.code(400);
  return { errors, values };
}

/** KdU-Richtwerte (Angemessenheitsgrenzen) per Kommune and household size, with validity dates. */
function KduPage() {
  const { kommunen, richtwerte } = useLoaderData<typeof loader>();
  const r = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const e = r?.errors ?? {};
  const v = r?.values ?? {};
  return (
    <div className="kern-stack-lg">
      <h1 className="kern-heading-large">KdU-Richtwerte</h1>
      <ErrorSummary errors={e} title="Bitte prüfen Sie Ihre Eingaben" />
      <table className="kern-table">
        <caption className="kern-sr-only">Angemessene Kosten der Unterkunft je Kommune und Haushaltsgröße</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">Kommune</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Personen</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Bruttokaltmiete</th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">Heizkosten</th>
            <th scope="col" className="kern-table__header">Gültig</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {richtwerte.map((w) => (
            <tr key={w.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell">{w.kommune}</th>
              <td className="kern-table__cell kern-table__cell--numeric">{w.haushaltsgroesse}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(w.bruttokaltmieteCent)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{euroText(w.heizkostenCent)}</td>
              <td className="kern-table__cell">{w.gueltigBis ? `${datumText(w.gueltigVon)} – ${datumText(w.gueltigBis)}` : `ab ${datumText(w.gueltigVon)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="kern-heading-medium">Neuer Richtwert</h2>
      <PostForm csrfToken={csrfToken} action="/verwaltung/kdu-richtwerte" className="kern-stack-md form-narrow" noValidate>
        <SelectField name="kommuneId" label="Kommune" options={kommunen.map((k) => ({ value: k.id, label: k.name }))} defaultValue={v.kommuneId} error={e.kommuneId} />
        <TextField name="haushaltsgroesse" label="Haushaltsgröße (Personen)" inputMode="numeric" defaultValue={v.haushaltsgroesse} error={e.haushaltsgroesse} required />
        <TextField name="bruttokaltmiete" label="Angemessene Bruttokaltmiete (Euro)" defaultValue={v.bruttokaltmiete} error={e.bruttokaltmiete} required />
        <TextField name="heizkosten" label="Angemessene Heizkosten (Euro)" defaultValue={v.heizkosten} error={e.heizkosten} required />
        <TextField name="gueltigVon" label="Gültig ab (JJJJ-MM-TT)" defaultValue={v.gueltigVon} error={e.gueltigVon} required />
        <TextField name="gueltigBis" label="Gültig bis (JJJJ-MM-TT)" hint="Leer lassen, wenn kein Ende bekannt ist." defaultValue={v.gueltigBis} error={e.gueltigBis} />
        <SubmitButton>Richtwert speichern</SubmitButton>
      </PostForm>
    </div>
  );
}

export const kduRichtwerteRoute: RouteObject = { path: 'verwaltung/kdu-richtwerte', loader, action, Component: KduPage, handle: { title: 'KdU-Richtwerte' } satisfies PageHandle };
