/**
 * Set-based row writes and reads shared by the article store's files: multi-row INSERTs in chunks
 * (one statement per chunk instead of one per row; a fixed chunk size keeps the number of
 * distinct SQL strings, hence cached statements, small) and `IN (?, …)` lookups.
 */
import type { Sql, SqlValue } from '../sql.ts';

/** Rows per multi-row INSERT: well under both backends' parameter limits for the widest row here. */
const CHUNK = 50;

/**
 * Inserts `rows` into `table (cols)` with as few statements as the chunking allows; `suffix` is
 * appended to each (e.g. an ON CONFLICT clause).
 */
export async function insertRows(sql: Sql, table: string, cols: readonly string[], rows: readonly (readonly SqlValue[])[], suffix = ''): Promise<void> {
  const one = `(${cols.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await sql.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${part.map(() => one).join(', ')}${suffix ? ' ' + suffix : ''}`, part.flat());
  }
}

/** `?, ?, …` for `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Splits `values` into IN-list sized chunks. */
export function chunks<T>(values: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
