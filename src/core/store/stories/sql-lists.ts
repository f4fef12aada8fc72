/**
 * Helpers for set-based story queries: `IN (?,?,…)` lists whose length is rounded up (the last
 * value repeated), so a cached statement serves every list of a size class instead of one
 * statement per length; and the first rows of each key of an index, in one round trip.
 */
import type { Sql, SqlValue } from '../sql.ts';

/** `values` padded to a size class (8, 16, 32, …) by repeating the last one. */
export function padded<T>(values: readonly T[]): T[] {
  if (!values.length) return [];
  let size = 8;
  while (size < values.length) size *= 2;
  const out = values.slice();
  while (out.length < size) out.push(values[values.length - 1]);
  return out;
}

/** Placeholders for `values`, padded to a size class: `{ marks: '?,?,…', params }`. */
export function inList(values: readonly SqlValue[]): { marks: string; params: SqlValue[] } {
  const params = padded(values);
  return { marks: params.map(() => '?').join(','), params };
}

/**
 * Inserts `rows` (each `width` values) into `table (columns)` a few hundred per statement, ignoring
 * rows already there; chunks are padded to a size class (a repeated row is ignored as a conflict).
 */
export async function insertRows(sql: Sql, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const marks = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += 256) {
    const chunk = padded(rows.slice(i, i + 256));
    await sql.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => marks).join(', ')} ON CONFLICT (${columns.join(', ')}) DO NOTHING`, chunk.flat());
  }
}

/** Runs `fn` over `values` in slices of at most `size`, concatenating the results in order. */
export async function inChunks<V, T>(values: readonly V[], size: number, fn: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await fn(values.slice(i, i + size))));
  return out;
}

/**
 * For each key, the article ids of the first `cap` rows of `table` with that `keyColumn` value that
 * pass `where` (a condition on `day`, with `whereParams`), in (day, article_id) order: the order
 * of the (key, day, article_id) primary key, so the answer is the same on both backends. SQLite
 * runs one cached, index-ordered statement per key (microseconds each, and LIMIT stops early on a
 * common key); PostgreSQL, where each statement is a round trip, one LATERAL query for all keys.
 */
export async function firstPerKey(
  sql: Sql,
  table: 'story_lsh' | 'story_event_terms',
  keyColumn: 'key' | 'term',
  keys: readonly number[],
  where: string,
  whereParams: readonly SqlValue[],
  cap: number,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!keys.length) return out;
  const cond = where ? ` AND ${where}` : '';
  if (sql.dialect === 'sqlite') {
    const q = `SELECT article_id FROM ${table} WHERE ${keyColumn} = ?${cond} ORDER BY day, article_id LIMIT ${cap}`;
    for (const k of keys) out.set(k, (await sql.all<{ article_id: number }>(q, [k, ...whereParams])).map((r) => r.article_id));
    return out;
  }
  for (const k of keys) out.set(k, []);
  const { params } = inList(keys);
  const values = params.map(() => '(CAST(? AS BIGINT))').join(',');
  const rows = await sql.all<{ k: number | string; article_id: number }>(
    `SELECT x.k, p.article_id FROM (VALUES ${values}) AS x(k)
     CROSS JOIN LATERAL (SELECT day, article_id FROM ${table} WHERE ${keyColumn} = x.k${cond} ORDER BY day, article_id LIMIT ${cap}) AS p
     ORDER BY x.k, p.day, p.article_id`,
    [...params, ...whereParams],
  );
  const seen = new Set<string>();
  for (const r of rows) {
    const k = Number(r.k);
    // A padded (repeated) key returns its rows twice: keep the first copy.
    const id = `${k}:${r.article_id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.get(k)?.push(Number(r.article_id));
  }
  return out;
}
