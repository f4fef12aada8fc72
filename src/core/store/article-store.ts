/** The article store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function articleStore(sql: Sql) {
  void sql;
  return {};
}
