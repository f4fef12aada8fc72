/** The story store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function storyStore(sql: Sql) {
  void sql;
  return {};
}
