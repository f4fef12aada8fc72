/** The event store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function eventStore(sql: Sql) {
  void sql;
  return {};
}
