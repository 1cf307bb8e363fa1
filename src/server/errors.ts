/**
 * Errors with a stable machine code and a German message for people. Every use case throws these;
 * the HTTP layer maps them to status codes (API: JSON `{error, message, issues?}`; pages: the message at the field).
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'totp_required'
  | 'totp_invalid'
  | 'totp_setup_required'
  | 'email_not_verified'
  | 'account_inactive'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'email_taken'
  | 'token_invalid'
  | 'oidc_failed'
  | 'database_unavailable'
  | 'internal_error'
  // boundary and protocol errors (issue 11): input PostgreSQL refused, and Fastify's own errors in our shape
  | 'invalid_characters'
  | 'invalid_value'
  | 'missing_value'
  | 'unknown_reference'
  | 'still_referenced'
  | 'constraint_violated'
  | 'already_exists'
  | 'bad_url'
  | 'url_too_long'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'bad_request'
  | (string & {});

export type FieldIssue = { path: string; code: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Der Eintrag') => new AppError('not_found', 404, `${what} wurde nicht gefunden.`);
export const forbidden = () =>
  new AppError('forbidden', 403, 'Dafür fehlt Ihnen die Berechtigung.');
export const unauthenticated = () => new AppError('unauthenticated', 401, 'Bitte melden Sie sich an.');
export const validationFailed = (issues: FieldIssue[]) =>
  new AppError('validation_failed', 400, 'Bitte prüfen Sie Ihre Eingaben.', issues);
export const versionConflict = () =>
  new AppError(
    'version_conflict',
    409,
    'Der Eintrag wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie die Änderungen.',
  );

/** Codes of data errors PostgreSQL refused (logged as a warning with type and constraint, never the message). */
export const DATENFEHLER_CODES = { invalid_value: 1, missing_value: 1, unknown_reference: 1, still_referenced: 1, constraint_violated: 1, already_exists: 1 } as const;

/** The PostgreSQL error (a `code` of five characters) somewhere in the cause chain of a thrown error. */
function postgresFehler(error: unknown): { code: string; message: string } | null {
  let e: unknown = error;
  for (let tiefe = 0; e && tiefe < 5; tiefe++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (e as object)) return { code, message: String((e as { message?: unknown }).message ?? '') };
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Last line of the boundary (issue 11): what the schemas let through but PostgreSQL refuses as data (SQLSTATE class
 * 22 "data exception", class 23 "integrity constraint violation", 54000 "program limit", e.g. an index row too long)
 * becomes a 400/409 with a stable code — the request was wrong, not the server. Nothing was saved: the transaction
 * rolled back with the error.
 */
export function alsDatenfehler(error: unknown): AppError | null {
  const pg = postgresFehler(error);
  if (!pg) return null;
  const { code } = pg;
  if (code.startsWith('22') || code === '54000') {
    return new AppError('invalid_value', 400, 'Eine Angabe hat ein ungültiges Format oder liegt außerhalb des erlaubten Bereichs. Bitte prüfen Sie Ihre Eingaben.');
  }
  if (code === '23502') return new AppError('missing_value', 400, 'Eine erforderliche Angabe fehlt. Bitte prüfen Sie Ihre Eingaben.');
  if (code === '23503') {
    // "update or delete on table … is still referenced" vs. "insert or update … violates foreign key constraint"
    return pg.message.startsWith('update or delete')
      ? new AppError('still_referenced', 409, 'Der Eintrag wird noch verwendet und kann nicht entfernt werden.')
      : new AppError('unknown_reference', 400, 'Ein angegebener Bezug (z. B. Fallakte, Person oder Standort) existiert nicht.');
  }
  if (code === '23505') return new AppError('already_exists', 409, 'Einen solchen Eintrag gibt es bereits.');
  if (code === '23514') return new AppError('constraint_violated', 400, 'Die Angaben passen nicht zusammen. Bitte prüfen Sie Ihre Eingaben.');
  if (code.startsWith('23')) return new AppError('conflict', 409, 'Die Änderung steht im Widerspruch zu vorhandenen Daten.');
  return null;
}
