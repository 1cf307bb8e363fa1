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
