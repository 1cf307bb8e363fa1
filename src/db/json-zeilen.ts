import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Rows that PostgreSQL returned as JSON (`row_to_json`, `json_agg`) in the shape Drizzle gives for the same table:
 * camelCase keys, timestamps as `Date`, dates and everything else as JSON has them. Used where several reads are
 * folded into one statement to save round trips (session lookup, booking data).
 */
export function zeileAusJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const zeile: Record<string, unknown> = {};
  for (const [key, name, art] of spaltenVon(table)) {
    const wert = json[name];
    zeile[key] = wert === null || wert === undefined ? null : art === 'zeit' ? new Date(wert as string) : art === 'zahl' ? Number(wert) : wert;
  }
  return zeile as T['$inferSelect'];
}

type Spalte = [key: string, name: string, art: 'zeit' | 'zahl' | 'wie_json'];
const SPALTEN = new WeakMap<Table, Spalte[]>();

/** The columns of a table (cached: this runs for every row of every booking). */
function spaltenVon(table: Table): Spalte[] {
  let spalten = SPALTEN.get(table);
  if (!spalten) {
    spalten = Object.entries(getTableColumns(table)).map(([key, c]): Spalte => [key, c.name, c.columnType === 'PgTimestamp' ? 'zeit' : c.columnType === 'PgBigInt53' ? 'zahl' : 'wie_json']);
    SPALTEN.set(table, spalten);
  }
  return spalten;
}

export const zeilenAusJson = <T extends Table>(table: T, json: unknown): T['$inferSelect'][] =>
  Array.isArray(json) ? json.map((z) => zeileAusJson(table, z as Record<string, unknown>)) : [];
