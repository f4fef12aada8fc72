/** PostgreSQL stores: a pg Pool, the PostgreSQL migration list, then every store over it. */
import type { Stores } from '../stores.ts';
import { createStores } from '../stores.ts';
import { redactDbUrl } from '../db-url.ts';
import { createPgPool, PostgresSql } from './postgres-sql.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { postgresMigrations } from './migrations/index.ts';

/** Connects to `url` and migrates it; the pool is closed again when that fails. */
export async function openPostgresSql(url: string, opts: { max?: number } = {}): Promise<PostgresSql> {
  const sql = new PostgresSql(createPgPool(url, opts));
  try {
    await migratePostgres(sql, postgresMigrations, redactDbUrl(url));
  } catch (err) {
    await sql.close().catch(() => {});
    throw err;
  }
  return sql;
}

/** Opens the stores on the PostgreSQL database at `url` (migrated first). */
export async function openPostgresStores(url: string, opts: { max?: number } = {}): Promise<Stores> {
  return createStores(await openPostgresSql(url, opts));
}
