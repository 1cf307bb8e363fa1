import { redirect, type ActionFunctionArgs, type RouteObject } from 'react-router';
import { AppError } from '../../../server/errors.ts';
import { antworteAusFallakte } from '../../../server/portal/antwort-aus-fallakte.ts';
import type { Nachricht } from '../../../server/portal/postfach-gemeinsam.ts';
import { PostForm, SubmitButton, TextField } from '../../components/forms.tsx';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import { datumText } from './shared.tsx';

/** Fallakte section (staff, German): the case's Postfach with the citizen, and a reply form. */
const MITTEILUNG_TEXT: Record<string, string> = {
  arbeit: 'Arbeit oder Einkommen',
  umzug: 'Umzug',
  person_neu: 'neue Person im Haushalt',
  person_weg: 'Person zieht aus',
  geburt: 'Geburt',
  bank: 'neue Bankverbindung',
  abwesenheit: 'Ortsabwesenheit',
};

type Portalteil = {
  portalKonto: boolean;
  nachrichten: Nachricht[];
  mitteilungen?: { id: string; antragsdatum: string; veraenderungsart: string | null; angewendet: { am: string; vonName: string } | null; eingangskanal?: string }[];
  ausstehend?: { id: string; dateiname: string; hochgeladenAm: string }[];
};

export function PostfachAbschnitt(p: { bgId: string; csrfToken: string; darfBearbeiten: boolean; postfach: Portalteil }) {
  const mitteilungen = p.postfach.mitteilungen ?? [];
  const ausstehend = p.postfach.ausstehend ?? [];
  return (
    <section aria-labelledby="postfach" className="kern-stack-md">
      {mitteilungen.length ? (
        <div className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="portal-mitteilungen">
            {mitteilungen.some((m) => m.eingangskanal === 'intern') ? 'Veränderungsmitteilungen (Bürgerportal und Integration)' : 'Veränderungsmitteilungen aus dem Bürgerportal'}
          </h2>
          <ul className="kern-list" aria-labelledby="portal-mitteilungen">
            {mitteilungen.map((m) => (
              <li key={m.id}>
                <a className="kern-link" href={`/faelle/${p.bgId}/mitteilungen/${m.id}`}>
                  {`${MITTEILUNG_TEXT[m.veraenderungsart ?? ''] ?? 'Veränderung'} vom ${datumText(m.antragsdatum)}${m.eingangskanal === 'intern' ? ' (Vorschlag der Integration)' : ''}`}
                </a>
                {m.angewendet ? ` – übernommen am ${datumText(m.angewendet.am.slice(0, 10))} von ${m.angewendet.vonName}` : ' – noch nicht übernommen'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {ausstehend.length ? (
        <div className="kern-stack-sm">
          <h2 className="kern-heading-medium" id="portal-ausstehend">
            Nachweise in der Virenprüfung
          </h2>
          <p className="kern-body">Diese Dateien aus dem Bürgerportal kommen zu den Dokumenten, sobald die Prüfung sie freigibt.</p>
          <ul className="kern-list" aria-labelledby="portal-ausstehend">
            {ausstehend.map((d) => (
              <li key={d.id}>{`${d.dateiname} (hochgeladen am ${datumText(d.hochgeladenAm.slice(0, 10))})`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2 className="kern-heading-medium" id="postfach">
        Postfach (Bürgerportal)
      </h2>
      {!p.postfach.portalKonto ? <p className="kern-body">Zu dieser Fallakte gibt es kein Konto im Bürgerportal.</p> : null}
      {p.postfach.nachrichten.length === 0 ? <p className="kern-body">Keine Nachrichten.</p> : null}
      <ul className="kern-list">
        {p.postfach.nachrichten.map((n) => (
          <li key={n.id} className="kern-stack-xs">
            <p className="kern-body">
              <strong>{n.betreff}</strong> – {n.richtung === 'an_jobcenter' ? `von ${n.absenderName}` : `an die Bürgerin / den Bürger (${n.absenderName})`}, {datumText(n.createdAt.slice(0, 10))}
            </p>
            <p className="kern-body pre-line">{n.text}</p>
            {n.anhaenge.map((a) =>
              a.status === 'sauber' ? (
                <a key={a.id} className="kern-link" href={`/portal/dateien/${a.id}`}>
                  {a.dateiname}
                </a>
              ) : (
                <span key={a.id}>{`${a.dateiname} (${a.status === 'quarantaene' ? 'in Quarantäne' : 'abgelehnt'})`}</span>
              ),
            )}
          </li>
        ))}
      </ul>
      {p.darfBearbeiten && p.postfach.portalKonto ? (
        <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}/postfach`}>
          <TextField name="betreff" label="Betreff der Antwort" required />
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="feld-pf-text">
              Nachricht
            </label>
            <textarea className="kern-form-input__input" id="feld-pf-text" name="text" rows={4} required aria-required />
          </div>
          <SubmitButton variant="secondary">Nachricht senden</SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}

async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'fall.bearbeiten');
  const form = await readForm(request);
  const id = params.id ?? '';
  try {
    await antworteAusFallakte({ ctx: web(context).app, actor, bgId: id, betreff: form.get('betreff'), text: form.get('text') });
    flash(context, 'Die Nachricht wurde in das Postfach gestellt.');
  } catch (err) {
    if (err instanceof AppError && (err.status === 400 || err.status === 409)) flash(context, `Nicht gesendet: ${err.issues?.map((i) => i.message).join(' ') ?? err.message}`);
    else throw err;
  }
  return redirect(`/faelle/${id}#postfach`);
}

export const fallPostfachRoute: RouteObject = { path: 'faelle/:id/postfach', action, loader: ({ params }) => redirect(`/faelle/${params.id ?? ''}`) };
