/** The search store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function searchStore(sql: Sql) {
  void sql;
  return {};
}
