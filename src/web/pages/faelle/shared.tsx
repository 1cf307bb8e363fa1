import type { z } from 'zod';
import type { Actor } from '../../../server/context.ts';
import { AppError } from '../../../server/errors.ts';
import type { UseCase } from '../../../server/use-case.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { web } from '../../web-context.ts';

export function euroText(cent: number | null | undefined): string {
  if (cent === null || cent === undefined) return '–';
  return `${(cent / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}

/** Cents → the form's text ("1234,56"). */
export const euroFeld = (cent: number | null | undefined) => (cent === null || cent === undefined ? '' : (cent / 100).toFixed(2).replace('.', ','));

/**
 * Where a Wiedervorlage of the integration side is worked on (the Fallakte's own ones have none): the 6-month
 * follow-up of a job start on the person's Integrationen page, the Feststellungsfrist of a Minderungsverfahren on the
 * procedure's page, the others in the person's Integrationsakte.
 */
export function integrationsLink(w: { art?: string | null; personId?: string | null; bezugId?: string | null }): { href: string; label: string } | null {
  if (!w.personId || !w.art || w.art === 'allgemein') return null;
  if (w.art === 'integration_nachhaltigkeit') return { href: `/integration/personen/${w.personId}/integrationen${w.bezugId ? `#integration-${w.bezugId}` : ''}`, label: 'Nachfrage zur Beschäftigung erfassen' };
  if (w.art === 'kooperationsplan_ueberpruefung') return { href: `/integration/personen/${w.personId}/kooperationsplan`, label: 'Kooperationsplan überprüfen' };
  if (w.art === 'minderung_frist') return w.bezugId ? { href: `/fordern/verfahren/${w.bezugId}`, label: 'Zum Minderungsverfahren' } : null;
  return { href: `/integration/personen/${w.personId}`, label: 'Zur Integrationsakte' };
}

/** The link of `integrationsLink` after a Wiedervorlage's text (nothing for the Fallakte's own ones). */
export function IntegrationsLink(p: { w: Parameters<typeof integrationsLink>[0] }) {
  const l = integrationsLink(p.w);
  if (!l) return null;
  return (
    <>
      {' '}
      <a className="kern-link" href={l.href}>
        {l.label}
      </a>
    </>
  );
}

export const datumText = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '–');

export function zeitraumText(von: string, bis: string | null): string {
  return bis ? `${datumText(von)} – ${datumText(bis)}` : `ab ${datumText(von)}`;
}

export type FallFormResult = { errors: FieldErrors; values?: Record<string, string>; konflikt?: string; aktion?: string };

/** A use case's refusal → messages at the fields (`feld` maps API paths to form field names). */
export function fallFormFailure(context: unknown, err: unknown, values: Record<string, string>, feld: (path: string) => string, aktion?: string): FallFormResult {
  if (err instanceof AppError && err.status === 400 && err.issues.length) {
    web(context).reply.code(400);
    const errors: FieldErrors = {};
    for (const i of err.issues) errors[feld(i.path.replace(/^(body|querystring)\./, ''))] ??= i.message;
    return { errors, values, aktion };
  }
  if (err instanceof AppError && (err.status === 409 || err.status === 400)) {
    web(context).reply.code(err.status);
    return { errors: {}, values, konflikt: err.message, aktion };
  }
  throw err;
}

/**
 * One form action of the Fallakte page (`_aktion`): which use case it calls, how the form fields map to the use
 * case's input, and which form field shows an issue at an input path (`adresse.plz` → `ad_plz`; the longest known
 * prefix wins, else `rest`). Validation is the use case's schema alone — the page only maps and shows.
 */
export type FallAktion<O> = {
  useCase: UseCase<z.ZodType, O>;
  input: (v: Record<string, string>, o: { id: string; actor: Actor }) => unknown;
  /** Input path → form field; a function when the fields depend on the form (e.g. the kind of income). */
  felder: Record<string, string> | ((v: Record<string, string>) => Record<string, string>);
  rest: string;
  erfolg: (out: O, o: { context: unknown; id: string; actor: Actor; v: Record<string, string> }) => Response;
};

/** Keeps the result type of one action while several are listed together. */
export const fallAktion = <O,>(a: FallAktion<O>): FallAktion<unknown> => a as FallAktion<unknown>;

/** Input path of an issue → the form field that shows it. */
export function feldVon(felder: Record<string, string>, rest: string): (path: string) => string {
  return (path) => {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const f = felder[p];
      if (f) return f;
    }
    return rest;
  };
}

/** Runs one form action: map, call the use case, then its success (redirect) or the form again with the messages. */
export async function fallAktionAusfuehren(o: { context: unknown; actor: Actor; id: string; aktion: string; a: FallAktion<unknown>; v: Record<string, string> }): Promise<FallFormResult | Response> {
  const { context, actor, id, a, v } = o;
  try {
    const out = await a.useCase.execute({ ctx: web(context).app, actor, input: a.input(v, { id, actor }) });
    return a.erfolg(out, { context, id, actor, v });
  } catch (err) {
    return fallFormFailure(context, err, v, feldVon(typeof a.felder === 'function' ? a.felder(v) : a.felder, a.rest), o.aktion);
  }
}

export const STATUS_TEXT: Record<string, string> = {
  eingegangen: 'eingegangen',
  in_bearbeitung: 'in Bearbeitung',
  wartet_auf_unterlagen: 'wartet auf Unterlagen',
  entschieden: 'entschieden',
  zurueckgenommen: 'zurückgenommen',
};
export const ART_TEXT: Record<string, string> = { erstantrag: 'Erstantrag', weiterbewilligung: 'Weiterbewilligungsantrag', veraenderung: 'Veränderungsmitteilung' };
export const KANAL_TEXT: Record<string, string> = { papier: 'Papier', telefon: 'Telefon', schalter: 'Schalter', online: 'Online-Portal', intern: 'intern (Integration)' };
export const ROLLE_TEXT: Record<string, string> = { antragsteller: 'Antragsteller/in', partner: 'Partner/in', kind: 'Kind', sonstige: 'Sonstige Person' };
export const EINKOMMEN_TEXT: Record<string, string> = {
  erwerbstaetigkeit: 'Erwerbseinkommen',
  kindergeld: 'Kindergeld',
  unterhalt: 'Unterhalt',
  unterhaltsvorschuss: 'Unterhaltsvorschuss',
  rente: 'Rente',
  arbeitslosengeld: 'Arbeitslosengeld',
  krankengeld: 'Krankengeld',
  elterngeld: 'Elterngeld',
  selbststaendigkeit: 'Selbstständigkeit (Gewinn)',
  einmalig: 'Einmalige Einnahme',
  sonstiges: 'Sonstiges Einkommen',
};
