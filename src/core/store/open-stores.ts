/**
 * Opens the stores for a `--db` / NEWSBOT_DATABASE_URL target: a postgres:// URL selects
 * PostgreSQL, anything else is a SQLite file (created and migrated when missing).
 */
import { openDatabase, type Db } from './db.ts';
import { SqliteSql } from './sqlite/sqlite-sql.ts';
import { createStores, type Stores } from './stores.ts';
import { isPostgresUrl } from './db-url.ts';

export { isPostgresUrl, redactDbUrl } from './db-url.ts';

/** The stores of an already open SQLite database (tests and tools that also inspect the file). */
export function sqliteStores(db: Db): Stores {
  // One Stores per connection: its transaction gate must be the only one on that connection.
  let stores = byDb.get(db);
  if (!stores) byDb.set(db, (stores = createStores(new SqliteSql(db))));
  return stores;
}
const byDb = new WeakMap<Db, Stores>();

export async function openStores(target: string, opts: { busyTimeoutMs?: number } = {}): Promise<Stores> {
  if (isPostgresUrl(target)) {
    const { openPostgresStores } = await import('./postgres/open-postgres.ts');
    return openPostgresStores(target);
  }
  return sqliteStores(openDatabase(target, opts));
}
