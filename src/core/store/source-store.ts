/** The source store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function sourceStore(sql: Sql) {
  void sql;
  return {};
}
