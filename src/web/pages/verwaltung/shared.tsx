import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../../server/errors.ts';
import { Alert } from '../../components/alert.tsx';
import { PostForm, SubmitButton, type FieldErrors } from '../../components/forms.tsx';
import { web } from '../../web-context.ts';
import { TabellenBereich } from '../../components/tabelle.tsx';

/** What a form action of the admin area returns when it does not redirect: messages and the values sent. */
export type FormResult = {
  errors: FieldErrors;
  values?: Record<string, string | string[]>;
  /** A conflict the whole form is about (stale version, own account, Kommune still in use). */
  konflikt?: string;
};

const BERLIN = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium' });

/** A point in time as people in the Jobcenter read it (Europe/Berlin). */
export function berlinZeit(value: Date | string | null | undefined): string {
  if (!value) return '–';
  return BERLIN.format(typeof value === 'string' ? new Date(value) : value);
}

/** Field messages from validation issues: the first message per field (the first path segment). */
export function issuesToErrors(issues: readonly (FieldIssue | { path: PropertyKey[] | string; message: string })[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = typeof issue.path === 'string' ? issue.path.replace(/^(body|querystring)\./, '').split('.')[0]! : String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Parses form fields through the same zod schema the API uses. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): { data: z.infer<S> } | { errors: FieldErrors } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  return { errors: issuesToErrors(parsed.error.issues) };
}

/** The version field of a form as a number (0 when missing, which never matches and so yields a conflict). */
export const formVersion = (value: string): number => (/^[0-9]{1,9}$/.test(value) ? Number(value) : 0);

/** Empty optional form fields mean "none". */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** Turns a use case's refusal into something the form can show (status 400 or 409); anything else is rethrown. */
export function formFailure(context: unknown, err: unknown, values?: Record<string, string | string[]>): FormResult {
  if (err instanceof AppError && err.code === 'validation_failed') {
    web(context).reply.code(400);
    return { errors: issuesToErrors(err.issues), values };
  }
  if (err instanceof AppError && err.status === 409) {
    web(context).reply.code(409);
    // a rule refusal that concerns one field (issues given) shows at that field
    if (err.issues.length) return { errors: issuesToErrors(err.issues), values };
    return { errors: {}, values, konflikt: err.message };
  }
  throw err;
}

export function invalid(context: unknown, errors: FieldErrors, values?: Record<string, string | string[]>): FormResult {
  web(context).reply.code(400);
  return { errors, values };
}

export function KonfliktHinweis(p: { text: string | undefined }) {
  if (!p.text) return null;
  return (
    <Alert type="danger" title="Die Änderung wurde nicht gespeichert" role="alert">
      <p className="kern-body">{p.text}</p>
    </Alert>
  );
}

export function AktivBadge(p: { aktiv: boolean }) {
  return (
    <span className={`kern-badge kern-badge--small ${p.aktiv ? 'kern-badge--success' : 'kern-badge--warning'}`}>
      <span className="kern-label">{p.aktiv ? 'aktiv' : 'deaktiviert'}</span>
    </span>
  );
}

export { TextAreaField } from '../../components/forms.tsx';

/** The first line of an admin list page: a back link, the heading and the button that opens the "new" form. */
export function ListenKopf(p: { titel: string; neuHref: string; neuLabel: string }) {
  return (
    <>
      <Zurueck href="/verwaltung" label="Verwaltung" />
      <h1 className="kern-heading-large">{p.titel}</h1>
      <p className="kern-body">
        <a className="kern-btn kern-btn--primary" href={p.neuHref}>
          <span className="kern-label">{p.neuLabel}</span>
        </a>
      </p>
    </>
  );
}

/** The table of an admin list: a caption, one header per column, the rows (first cell a row header). */
export function ListenTabelle(p: { caption: string; spalten: string[]; children: React.ReactNode }) {
  return (
    <TabellenBereich label={p.caption}>
      <table className="kern-table">
        <caption className="kern-title">{p.caption}</caption>
        <thead>
          <tr className="kern-table__row">
            {p.spalten.map((s) => (
              <th key={s} scope="col" className="kern-table__header">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">{p.children}</tbody>
      </table>
    </TabellenBereich>
  );
}

/** A row's first cell: the record's name as a link to its page. */
export function NamensZelle(p: { href: string; children: React.ReactNode }) {
  return (
    <th scope="row" className="kern-table__cell">
      <a className="kern-link" href={p.href}>
        {p.children}
      </a>
    </th>
  );
}

/** "Angaben ändern" on a detail page: the edit form with the record's version (optimistic locking). */
export function AngabenAendern(p: { csrfToken: string; action: string; version: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby="bearbeiten" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="bearbeiten">
        Angaben ändern
      </h2>
      <PostForm csrfToken={p.csrfToken} action={p.action}>
        <input type="hidden" name="version" value={p.version} />
        {p.children}
        <SubmitButton name="_aktion" value="speichern">
          Änderungen speichern
        </SubmitButton>
      </PostForm>
    </section>
  );
}

/**
 * Deactivate / activate a record (records of the admin area are never deleted). `objekt` names it in the heading
 * and on the button ("Kommune", "Standort", "Konto"); `text` explains what either step means.
 */
export function AktivUmschalten(p: { csrfToken: string; action: string; version: number; aktiv: boolean; objekt: string; text: { aktiv: string; inaktiv: string } }) {
  return (
    <section aria-labelledby="status" className="kern-stack-md">
      <h2 className="kern-heading-medium" id="status">
        {p.aktiv ? `${p.objekt} deaktivieren` : `${p.objekt} wieder aktivieren`}
      </h2>
      <p className="kern-body">{p.aktiv ? p.text.aktiv : p.text.inaktiv}</p>
      <PostForm csrfToken={p.csrfToken} action={p.action}>
        <input type="hidden" name="version" value={p.version} />
        <SubmitButton variant="secondary" name="_aktion" value={p.aktiv ? 'deaktivieren' : 'aktivieren'}>
          {p.aktiv ? `${p.objekt} deaktivieren` : `${p.objekt} aktivieren`}
        </SubmitButton>
      </PostForm>
    </section>
  );
}

/** A link back up the admin area, above the page heading. */
export function Zurueck(p: { href: string; label: string }) {
  return (
    <p className="kern-body">
      <a className="kern-link" href={p.href}>
        <span aria-hidden="true">← </span>
        {p.label}
      </a>
    </p>
  );
}

/** A description list of label/value pairs. */
export function Fakten(p: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="kern-description-list">
      {p.items.map(([key, value]) => (
        <div className="kern-description-list-item" key={key}>
          <dt className="kern-description-list-item__key">{key}</dt>
          <dd className="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
