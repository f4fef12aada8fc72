/** The follow store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function followStore(sql: Sql) {
  void sql;
  return {};
}
