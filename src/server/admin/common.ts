import { AppError, notFound, validationFailed, type FieldIssue } from '../errors.ts';

/** Shape of a UUID as PostgreSQL accepts it; anything else cannot name a record and is simply "not found". */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export function requireUuid(id: string, what: string): void {
  if (!isUuid(id)) throw notFound(what);
}

/**
 * The constraint name when `err` (or its cause, as Drizzle wraps driver errors) is a unique violation (23505);
 * otherwise null.
 */
export function uniqueViolation(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (x.code === '23505') return typeof x.constraint === 'string' ? x.constraint : '';
    e = x.cause;
  }
  return null;
}

/** Runs a write; a unique violation becomes a field error (the transaction has already been rolled back). */
export async function withUniqueFields<T>(fn: () => Promise<T>, fields: Record<string, FieldIssue>, fallback: FieldIssue): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === null) throw err;
    throw validationFailed([fields[constraint] ?? fallback]);
  }
}

/** Names of the fields whose value differs (arrays compared as sets). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[key];
    if (Array.isArray(value) && Array.isArray(old)) {
      const a = [...new Set(value.map(String))].sort();
      const b = [...new Set(old.map(String))].sort();
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) changed.push(key);
    } else if ((old ?? null) !== (value ?? null)) {
      changed.push(key);
    }
  }
  return changed;
}

export const ownAccount = (message: string) => new AppError('own_account', 409, message);

export const readOnlyAccount = () =>
  new AppError(
    'read_only',
    409,
    'Konten von Bürgerinnen und Bürgern werden von ihnen selbst gepflegt. Hier können Sie sie nur deaktivieren oder wieder aktivieren.',
  );

/** Prefixes the field paths of validation errors from a use case, so the API names them like schema errors ("body.email"). */
export async function withIssuePrefix<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.issues.length) {
      throw new AppError(
        err.code,
        err.status,
        err.message,
        err.issues.map((i) => ({ ...i, path: i.path.startsWith(`${prefix}.`) ? i.path : `${prefix}.${i.path}` })),
        err.extra,
      );
    }
    throw err;
  }
}
