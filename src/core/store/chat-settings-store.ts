/** The chat-settings store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function chatSettingsStore(sql: Sql) {
  void sql;
  return {};
}
