/** The entity store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function entityStore(sql: Sql) {
  void sql;
  return {};
}
