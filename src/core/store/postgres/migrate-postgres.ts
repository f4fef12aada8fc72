/**
 * Brings a PostgreSQL database up to the program's schema: the same append-only list as SQLite
 * (names and order), one transaction per migration, the version kept in `newsbot_schema`.
 * Several processes starting at once take turns on an advisory lock, so each migration runs once.
 */
import { SchemaVersionError } from '../db.ts';
import type { PostgresSql } from './postgres-sql.ts';

export interface PostgresMigrationStep {
  name: string;
  sql: string;
}

/** pg_advisory_xact_lock key of newsbot's migrator (any constant; other programs sharing the database are unlikely to pick it). */
const MIGRATION_LOCK = 7_231_400_014;

/**
 * Applies every migration of `list` past the stored version and returns the version reached.
 * Throws SchemaVersionError (naming `label`, a printable form of the target) when the database is
 * newer than `list`, before changing anything.
 */
export async function migratePostgres(sql: PostgresSql, list: readonly PostgresMigrationStep[], label: string): Promise<number> {
  let version = await sql.tx(async () => {
    await sql.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await sql.run('CREATE TABLE IF NOT EXISTS newsbot_schema (version INTEGER NOT NULL)');
    const row = await sql.get<{ version: number }>('SELECT version FROM newsbot_schema');
    if (row) return row.version;
    await sql.run('INSERT INTO newsbot_schema (version) VALUES (0)');
    return 0;
  });
  if (version > list.length) throw new SchemaVersionError(label, version, list.length);
  while (version < list.length) {
    version = await sql.tx(async () => {
      await sql.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      // Another process may have migrated while this one waited for the lock: re-read.
      const v = (await sql.get<{ version: number }>('SELECT version FROM newsbot_schema'))!.version;
      if (v > list.length) throw new SchemaVersionError(label, v, list.length);
      if (v === list.length) return v;
      const m = list[v];
      try {
        await sql.run(m.sql);
      } catch (err) {
        throw new Error(`PostgreSQL migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      await sql.run('UPDATE newsbot_schema SET version = ?', [v + 1]);
      return v + 1;
    });
  }
  return version;
}
