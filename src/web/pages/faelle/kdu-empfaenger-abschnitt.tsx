import { kduEmpfaengerBeenden } from '../../../server/fall/kdu-empfaenger-beenden.ts';
import { kduEmpfaengerEintragen } from '../../../server/fall/kdu-empfaenger-eintragen.ts';
import type { KduEmpfaengerAntwort } from '../../../server/fall/kdu-empfaenger-gemeinsam.ts';
import { kduEmpfaengerListe } from '../../../server/fall/kdu-empfaenger-liste.ts';
import type { Actor } from '../../../server/context.ts';
import { can } from '../../../server/policies.ts';
import { PostForm, SelectField, SubmitButton, TextField, type FieldErrors } from '../../components/forms.tsx';
import { TabellenBereich } from '../../components/tabelle.tsx';
import { flash, web } from '../../web-context.ts';
import { redirect } from 'react-router';
import { fallAktion, type FallAktion } from './shared.tsx';

/**
 * Fallakte section "Kosten der Unterkunft an Vermieter" (§ 22 Abs. 7 SGB II; after a § 7b Abs. 4 lapse in a
 * Mehrpersonen-BG the KdU go to the landlord): the payees with their months (IBAN masked), a form to enter one and a
 * form to end one. Only with 'fall.bankdaten'. The Zahllauf pays the month's KdU to the payee and the rest to the BG.
 */

const MONAT = /^(\d{4})-(\d{2})$/;
const monat = (m: string | null) => {
  const t = m ? MONAT.exec(m) : null;
  return t ? `${t[2]}/${t[1]}` : '';
};

/** The page loader's part: the entries, for those who may see bank details (else null: the section is not shown). */
export async function ladeKduEmpfaenger(context: unknown, actor: Actor, bgId: string): Promise<KduEmpfaengerAntwort[] | null> {
  if (!can(actor, 'fall.bankdaten')) return null;
  return (await kduEmpfaengerListe.execute({ ctx: web(context).app, actor, input: { id: bgId } })).eintraege;
}

/** Form fields of the section (the page reads them and shows them again after a refusal). */
export const KDU_EMPFAENGER_FELDER = ['ke_name', 'ke_iban', 'ke_bic', 'ke_von', 'ke_bis', 'ke_grund', 'ke_eintrag', 'ke_ende'];

export const KDU_EMPFAENGER_AKTIONEN: Record<string, FallAktion<unknown>> = {
  kdu_empfaenger: fallAktion({
    useCase: kduEmpfaengerEintragen,
    input: (v, { id }) => ({ id, name: v.ke_name, iban: v.ke_iban, bic: v.ke_bic, vonMonat: v.ke_von, bisMonat: v.ke_bis, grund: v.ke_grund }),
    felder: { name: 'ke_name', iban: 'ke_iban', bic: 'ke_bic', vonMonat: 'ke_von', bisMonat: 'ke_bis', grund: 'ke_grund' },
    rest: 'ke_name',
    erfolg: (e, { context, id }) => {
      const r = e as KduEmpfaengerAntwort;
      flash(context, `Die Kosten der Unterkunft gehen ab ${monat(r.vonMonat)} an ${r.name}.`);
      return redirect(`/faelle/${id}`);
    },
  }),
  kdu_empfaenger_ende: fallAktion({
    useCase: kduEmpfaengerBeenden,
    input: (v, { id }) => {
      const [empfaengerId, version] = (v.ke_eintrag ?? '').split(':');
      return { id, empfaengerId: empfaengerId ?? '', version: version ?? '', bisMonat: v.ke_ende };
    },
    felder: { bisMonat: 'ke_ende', empfaengerId: 'ke_eintrag', version: 'ke_eintrag' },
    rest: 'ke_ende',
    erfolg: (e, { context, id }) => {
      const r = e as KduEmpfaengerAntwort;
      flash(context, `Die Zahlung an ${r.name} endet mit ${monat(r.bisMonat)}; danach gehen die Kosten der Unterkunft wieder an die Bedarfsgemeinschaft.`);
      return redirect(`/faelle/${id}`);
    },
  }),
};

export function KduEmpfaengerAbschnitt(p: {
  bgId: string;
  csrfToken: string;
  eintraege: KduEmpfaengerAntwort[] | null;
  darfBearbeiten: boolean;
  v: Record<string, string>;
  e: FieldErrors;
  aktion: string | undefined;
}) {
  if (!p.eintraege) return null;
  const { v, e } = p;
  const beendbar = p.eintraege.filter((x) => x.bisMonat === null || x.bisMonat >= x.vonMonat);
  return (
    <section aria-labelledby="kdu-empfaenger" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="kdu-empfaenger">
        Kosten der Unterkunft an Vermieter
      </h2>
      <p className="kern-body">
        Für die eingetragenen Monate überweist der Zahllauf die Kosten der Unterkunft und Heizung an den Empfänger, den Rest der Leistung an die
        Bedarfsgemeinschaft (§ 22 Abs. 7 SGB II; nach einem Wegfall wegen Nichterreichbarkeit in einer Bedarfsgemeinschaft mit mehreren Personen, § 7b Abs. 4 SGB II).
      </p>
      {p.eintraege.length === 0 ? (
        <p className="kern-body">Kein Empfänger eingetragen: die Leistung geht vollständig an die Bedarfsgemeinschaft.</p>
      ) : (
        <TabellenBereich label="Empfänger der Kosten der Unterkunft">
          <table className="kern-table">
            <caption className="kern-sr-only">Empfänger der Kosten der Unterkunft</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">Empfänger</th>
                <th className="kern-table__header" scope="col">IBAN</th>
                <th className="kern-table__header" scope="col">Monate</th>
                <th className="kern-table__header" scope="col">Grund</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {p.eintraege.map((x) => (
                <tr className="kern-table__row" key={x.id}>
                  <td className="kern-table__cell">{x.name}</td>
                  <td className="kern-table__cell">{x.iban}</td>
                  <td className="kern-table__cell">{`${monat(x.vonMonat)} – ${x.bisMonat ? monat(x.bisMonat) : 'offen'}`}</td>
                  <td className="kern-table__cell">{x.grund}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellenBereich>
      )}
      {p.darfBearbeiten ? (
        <>
          <details className="kern-stack-sm" open={p.aktion === 'kdu_empfaenger'}>
            <summary className="kern-body">Empfänger der Kosten der Unterkunft eintragen</summary>
            <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Empfänger der Kosten der Unterkunft eintragen" className="kern-stack-md form-narrow">
              <TextField name="ke_name" label="Name des Empfängers" hint="Vermieterin, Vermieter oder Wohnungsunternehmen" defaultValue={v.ke_name} error={e.ke_name} />
              <TextField name="ke_iban" label="IBAN" defaultValue={v.ke_iban} error={e.ke_iban} autoComplete="off" />
              <TextField name="ke_bic" label="BIC" optionalLabel="optional" defaultValue={v.ke_bic} error={e.ke_bic} autoComplete="off" />
              <TextField name="ke_von" label="Ab Monat (Zahlung an den Empfänger)" hint="Format JJJJ-MM, z. B. 2026-09; frühestens der erste noch nicht ausgezahlte Monat" defaultValue={v.ke_von} error={e.ke_von} />
              <TextField name="ke_bis" label="Bis Monat, wenn schon bekannt" optionalLabel="optional" hint="Format JJJJ-MM; leer lassen, wenn offen" defaultValue={v.ke_bis} error={e.ke_bis} />
              <TextField name="ke_grund" label="Grund" hint="z. B. Wegfall nach § 7b Abs. 4 SGB II oder Antrag nach § 22 Abs. 7 SGB II" defaultValue={v.ke_grund} error={e.ke_grund} />
              <SubmitButton variant="secondary" name="_aktion" value="kdu_empfaenger">
                Empfänger speichern
              </SubmitButton>
            </PostForm>
          </details>
          {beendbar.length > 0 ? (
            <details className="kern-stack-sm" open={p.aktion === 'kdu_empfaenger_ende'}>
              <summary className="kern-body">Zahlung an einen Empfänger beenden</summary>
              <PostForm csrfToken={p.csrfToken} action={`/faelle/${p.bgId}`} aria-label="Zahlung an einen Empfänger beenden" className="kern-stack-md form-narrow">
                <SelectField
                  name="ke_eintrag"
                  label="Empfänger"
                  options={beendbar.map((x) => ({ value: `${x.id}:${x.version}`, label: `${x.name} (${monat(x.vonMonat)} – ${x.bisMonat ? monat(x.bisMonat) : 'offen'})` }))}
                  defaultValue={v.ke_eintrag}
                  error={e.ke_eintrag}
                />
                <TextField name="ke_ende" label="Letzter Monat an den Empfänger" hint="Format JJJJ-MM; ab dem Folgemonat geht die Leistung wieder vollständig an die Bedarfsgemeinschaft" defaultValue={v.ke_ende} error={e.ke_ende} />
                <SubmitButton variant="secondary" name="_aktion" value="kdu_empfaenger_ende">
                  Zahlung beenden
                </SubmitButton>
              </PostForm>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
