/** `(?, ?, …)` with `n` placeholders, for `x IN (…)` in both dialects (SQLite has json_each, PostgreSQL has not). */
export function inList(n: number): string {
  return `(${Array.from({ length: n }, () => '?').join(', ')})`;
}
