/** The ledger store: its SQL, for both backends (see sql.ts). */
import type { Sql } from './sql.ts';

export function ledgerStore(sql: Sql) {
  void sql;
  return {};
}
