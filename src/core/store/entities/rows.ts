/** Multi-row INSERTs for the entity store: one statement per chunk of rows instead of one per row. */
import type { Sql, SqlValue } from '../sql.ts';

/** Rows per statement: far below both backends' parameter limits (SQLite 32766, PostgreSQL 65535). */
const CHUNK = 400;

/**
 * Runs `head VALUES (…), (…) tail` over `rows` in chunks; `tuple` is one row's placeholder group.
 * Returns the number of rows written.
 */
export async function insertRows(sql: Sql, head: string, tuple: string, tail: string, rows: SqlValue[][]): Promise<number> {
  let changes = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const r = await sql.run(`${head} ${part.map(() => tuple).join(', ')} ${tail}`, part.flat());
    changes += r.changes;
  }
  return changes;
}

/** `?, ?, …` for `n` values. */
export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
