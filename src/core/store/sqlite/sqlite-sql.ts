/**
 * Sql over one better-sqlite3 connection. Statements run synchronously and are cached per SQL
 * string; the async face lets the same store code run on PostgreSQL. A transaction holds the
 * connection: statements from other async callers wait until it ends, so they never land in (or
 * get rolled back with) someone else's transaction. Which caller is inside is tracked with
 * AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.ts';
import type { RunResult, Sql, SqlValue } from '../sql.ts';

interface Frame {
  depth: number;
}

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private readonly frames = new AsyncLocalStorage<Frame>();
  /** Resolves when the open transaction (if any) has ended. */
  private busy: Promise<void> | null = null;

  constructor(readonly db: Db) {}

  private prepare(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    while (this.busy && !this.frames.getStore()) await this.busy;
    return this.prepare(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    while (this.busy && !this.frames.getStore()) await this.busy;
    return this.prepare(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    // The wait is inline (not a helper awaited) so nothing can start a transaction between it and the statement.
    while (this.busy && !this.frames.getStore()) await this.busy;
    return { changes: this.prepare(sql).run(...params).changes };
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    const frame = this.frames.getStore();
    if (frame) return this.savepoint(frame.depth + 1, fn);
    while (this.busy) await this.busy;
    let release!: () => void;
    this.busy = new Promise<void>((r) => (release = r));
    try {
      // IMMEDIATE: a deferred transaction that reads then writes cannot wait for another process's lock.
      this.db.prepare('BEGIN IMMEDIATE').run();
      try {
        const out = await this.frames.run({ depth: 0 }, fn);
        this.db.prepare('COMMIT').run();
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
        throw err;
      }
    } finally {
      this.busy = null;
      release();
    }
  }

  private async savepoint<T>(depth: number, fn: () => Promise<T>): Promise<T> {
    const name = `sp${depth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const out = await this.frames.run({ depth }, fn);
      this.db.exec(`RELEASE ${name}`);
      return out;
    } catch (err) {
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
