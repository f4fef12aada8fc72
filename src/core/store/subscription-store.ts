/** The subscription store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function subscriptionStore(sql: Sql) {
  void sql;
  return {};
}
