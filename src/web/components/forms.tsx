import type { ReactNode } from 'react';

/**
 * Accessible form parts on KERN UX classes. Errors: an error summary at the top (role="alert", links to the
 * fields) and the message at each field, tied to it with aria-describedby; fields get aria-invalid.
 * Every form is a plain HTML form that works without JavaScript.
 */
export type FieldErrors = Record<string, string | undefined>;

export function PostForm(props: { csrfToken: string; action?: string; children: ReactNode; className?: string; noValidate?: boolean; 'aria-label'?: string }) {
  return (
    <form method="post" action={props.action} className={props.className ?? 'kern-stack-lg'} noValidate={props.noValidate ?? true} aria-label={props['aria-label']}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.children}
    </form>
  );
}

export function ErrorSummary(props: { errors: FieldErrors; title: string }) {
  const entries = Object.entries(props.errors).filter((e): e is [string, string] => !!e[1]);
  if (entries.length === 0) return null;
  return (
    <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} id="fehler" data-error-summary="">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title">{props.title}</h2>
      </div>
      <div className="kern-alert__body">
        <ul className="kern-list">
          {entries.map(([field, message]) => (
            <li key={field}>
              <a className="kern-link" href={`#${fieldId(field)}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const fieldId = (name: string) => `feld-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

type InputProps = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'month' | 'number' | 'url';
  defaultValue?: string | number | null;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
  width?: 'kurz' | 'voll';
  optionalLabel?: string;
};

/** Label, hint and error of one field, with the ids the control refers to (aria-describedby). */
function FieldFrame(p: { name: string; label: string; hint?: string | undefined; error?: string | undefined; optionalLabel?: string | undefined; children: (ids: { id: string; describedBy: string | undefined }) => ReactNode }) {
  const id = fieldId(p.name);
  const hintId = p.hint ? `${id}-hinweis` : undefined;
  const errorId = p.error ? `${id}-fehler` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${p.error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {p.label}
        {p.optionalLabel ? <span className="kern-label__optional"> – {p.optionalLabel}</span> : null}
      </label>
      {p.hint ? (
        <div className="kern-hint" id={hintId}>
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{p.error}</span>
        </p>
      ) : null}
      {p.children({ id, describedBy })}
    </div>
  );
}

export function TextField(p: InputProps) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} error={p.error} optionalLabel={p.optionalLabel}>
      {({ id, describedBy }) => (
        <input
          className={`kern-form-input__input${p.error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          defaultValue={p.defaultValue ?? undefined}
          aria-describedby={describedBy}
          aria-invalid={p.error ? true : undefined}
          required={p.required}
          aria-required={p.required ? true : undefined}
          autoComplete={p.autoComplete}
          inputMode={p.inputMode}
        />
      )}
    </FieldFrame>
  );
}

/** A file chooser (for forms with encType="multipart/form-data"); the error is tied to it like at every field. */
export function FileField(p: { name: string; label: string; hint?: string; error?: string | undefined; accept?: string }) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} error={p.error}>
      {({ id, describedBy }) => (
        <input
          className={`kern-form-input__input${p.error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={p.name}
          type="file"
          accept={p.accept}
          aria-describedby={describedBy}
          aria-invalid={p.error ? true : undefined}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField(p: { name: string; label: string; defaultValue?: string | null; hint?: string; error?: string | undefined; rows?: number }) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} error={p.error}>
      {({ id, describedBy }) => (
        <textarea
          className={`kern-form-input__input${p.error ? ' kern-form-input__input--error' : ''}`}
          id={id}
          name={p.name}
          rows={p.rows ?? 4}
          defaultValue={p.defaultValue ?? undefined}
          aria-describedby={describedBy}
          aria-invalid={p.error ? true : undefined}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField(p: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <FieldFrame name={p.name} label={p.label} hint={p.hint} error={p.error}>
      {({ id, describedBy }) => (
        <div className="kern-form-input__select-wrapper">
          <select
            className={`kern-form-input__select${p.error ? ' kern-form-input__select--error' : ''}`}
            id={id}
            name={p.name}
            defaultValue={p.defaultValue}
            aria-describedby={describedBy}
            aria-invalid={p.error ? true : undefined}
          >
            {p.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset with a legend. Unchecked boxes simply send nothing. */
export function CheckboxGroup(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
  hint?: string;
}) {
  const id = fieldId(p.name);
  const errorId = p.error ? `${id}-fehler` : undefined;
  return (
    <fieldset className={`kern-fieldset${p.error ? ' kern-fieldset--error' : ''}`} id={id} aria-describedby={errorId}>
      <legend className="kern-label">{p.legend}</legend>
      {p.hint ? <div className="kern-hint">{p.hint}</div> : null}
      {p.error ? (
        <p className="kern-error" id={errorId}>
          <span className="kern-body">{p.error}</span>
        </p>
      ) : null}
      <div className="kern-fieldset__body">
        {p.options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="kern-form-check" key={o.value}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={optionId}
                name={p.name}
                value={o.value}
                defaultChecked={p.checked.includes(o.value)}
              />
              <label className="kern-label" htmlFor={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Checkbox(p: { name: string; label: string; checked?: boolean; hint?: string }) {
  const id = fieldId(p.name);
  return (
    <div className="kern-form-check">
      <input className="kern-form-check__checkbox" type="checkbox" id={id} name={p.name} value="1" defaultChecked={p.checked} />
      <label className="kern-label" htmlFor={id}>
        {p.label}
      </label>
      {p.hint ? <div className="kern-hint">{p.hint}</div> : null}
    </div>
  );
}

export function SubmitButton(p: { children: ReactNode; variant?: 'primary' | 'secondary' | 'tertiary'; name?: string; value?: string }) {
  return (
    <button className={`kern-btn kern-btn--${p.variant ?? 'primary'}`} type="submit" name={p.name} value={p.value}>
      <span className="kern-label">{p.children}</span>
    </button>
  );
}
