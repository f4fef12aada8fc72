/**
 * Opens the SQLite database (better-sqlite3) with WAL and foreign keys, and brings its schema
 * up to date with the append-only migration list.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the database at `file` and migrates it. ':memory:' works for throwaway use. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') ensureDir(dirname(file));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/**
 * Creates `dir` and its missing parents one level at a time. Node 20's recursive mkdirSync loops
 * forever under /proc (a --db path there hung the CLI); one level at a time it fails with ENOENT.
 */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/**
 * Applies every migration past `PRAGMA user_version`, one transaction each,
 * so a crash mid-way leaves the database at the last whole version.
 */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    const m = migrations[v];
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
