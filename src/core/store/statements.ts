/** Prepared-statement cache per database, so hot paths (one article at a time) prepare each SQL string once. */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** Returns the prepared statement for `sql` on `db`, preparing it on first use. */
export function prepareCached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
