/**
 * Opens the SQLite database (better-sqlite3) with WAL and foreign keys, and brings its schema
 * up to date with the append-only migration list.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations/index.ts';
import { isPostgresUrl, redactDbUrl } from './db-url.ts';

export type Db = Database.Database;

/** A database whose schema is newer than this program's: refused, never used or written. */
export class SchemaVersionError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(`${file}: database schema version ${found} is newer than this newsbot's ${known}; use a newer newsbot or another --db file`);
    this.name = 'SchemaVersionError';
  }
}

/**
 * How long a write waits for another process's write to finish before failing. Several
 * processes (the bot, a `newsbot ingest`, a `sources poll`) may share one file; a batch of the
 * loader holds the write lock for well under a second, so this is generous.
 */
export const BUSY_TIMEOUT_MS = 60_000;

/** Kept for callers that predate db-errors.ts: the one passing-failure check, both backends. */
export { isPassingDbError as isBusyError } from './db-errors.ts';

/**
 * Opens (creating if needed) the database at `file` and migrates it. ':memory:' works for
 * throwaway use. Every `db.transaction(fn)` starts with BEGIN IMMEDIATE: a deferred transaction
 * that reads, then writes, cannot wait for the lock (SQLite fails it at once), so two processes
 * writing one file would fail instead of taking turns.
 */
export function openDatabase(file: string, opts: { busyTimeoutMs?: number } = {}): Db {
  // Never create a file named after a URL: a caller that only knows SQLite says so instead.
  if (isPostgresUrl(file)) throw new Error(`${redactDbUrl(file)}: this command does not support PostgreSQL yet; give it a SQLite file with --db`);
  if (file !== ':memory:') ensureDir(dirname(file));
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.round(opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS)}`);
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > migrations.length) throw new SchemaVersionError(file, found, migrations.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Ingest stores each file in a savepoint, and SQLite journals every page a savepoint touches
    // in a statement journal: on disk that was ~200k small writes per 325 files (a quarter of
    // ingest's kernel time). The journal lives only until the savepoint ends, so memory suffices.
    db.pragma('temp_store = MEMORY');
    immediateTransactions(db);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Makes `db.transaction(fn)` (and its `.default`) BEGIN IMMEDIATE; `.deferred` stays available for read-only use. */
function immediateTransactions(db: Db): void {
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = plain(fn);
    return Object.assign((...args: unknown[]) => tx.immediate(...args), { default: tx.immediate, deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive, database: db });
  }) as Db['transaction'];
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
