/**
 * Sql over a node-postgres Pool. Store SQL keeps its `?` placeholders (rewritten to $n once per
 * SQL string). Outside a transaction each statement takes any free pooled connection; `tx(fn)`
 * holds one connection from BEGIN to COMMIT/ROLLBACK, and every statement issued inside `fn`
 * (tracked with AsyncLocalStorage) goes to it. Other callers meanwhile use other connections: they
 * never join the transaction, and they wait for it only where PostgreSQL's row locks say so.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { RunResult, Sql, SqlValue } from '../sql.ts';
import { isPassingPgError, PassingDbError } from '../db-errors.ts';
import { redactDbUrl } from '../db-url.ts';
import { toDollarParams } from './placeholders.ts';

interface Frame {
  client: pg.PoolClient;
  depth: number;
  /** Set when the transaction has ended: late statements from its async context go to the pool. */
  done: boolean;
}

/** int8 (count(*), sum(), bigint ids) and numeric as JS numbers, bool as 0/1: what SQLite returns for the same SQL. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const parseNumber = (v: string) => Number(v);
const parseBool = (v: string) => (v === 't' ? 1 : 0);

/** Type parsers for one pool (never pg.types' global registry, which other pools in the process share). */
export const newsbotTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8 || oid === NUMERIC) return parseNumber;
      if (oid === BOOL) return parseBool;
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** A pool for `url` with newsbot's type parsers. Idle-connection errors are reported by the next statement, not thrown. */
export function createPgPool(url: string, opts: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types: newsbotTypes, max: opts.max ?? 10, application_name: 'newsbot' });
  // Without a listener a server restart would crash the process through an idle client's error event.
  pool.on('error', () => {});
  return pool;
}

/** Rewritten SQL per store SQL string; bounded because `IN (?,?,…)` lists make many distinct strings. */
const MAX_CACHED = 4000;

export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;
  private readonly texts = new Map<string, string>();
  private readonly frames = new AsyncLocalStorage<Frame>();

  constructor(readonly pool: pg.Pool) {}

  private text(sql: string): string {
    let t = this.texts.get(sql);
    if (t === undefined) {
      if (this.texts.size >= MAX_CACHED) this.texts.clear();
      this.texts.set(sql, (t = toDollarParams(sql)));
    }
    return t;
  }

  /** The connection of the caller's open transaction, else the pool. */
  private target(): pg.Pool | pg.PoolClient {
    const frame = this.frames.getStore();
    return frame && !frame.done ? frame.client : this.pool;
  }

  private async query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    try {
      // No parameters: the simple protocol, which also runs several statements (migrations); their
      // results come back as an array, of which the last statement's counts.
      if (params.length === 0) {
        const res = (await this.target().query(sql)) as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(res) ? res[res.length - 1] : res;
      }
      return await this.target().query(this.text(sql), params as unknown[]);
    } catch (err) {
      throw translateError(err);
    }
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    const outer = this.frames.getStore();
    if (outer && !outer.done) return this.savepoint(outer, fn);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw translateError(err);
    }
    const frame: Frame = { client, depth: 0, done: false };
    let broken: unknown = undefined;
    try {
      await client.query('BEGIN');
      try {
        const out = await this.frames.run(frame, fn);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: unknown) => (broken = e ?? true));
        throw err;
      }
    } catch (err) {
      throw translateError(err);
    } finally {
      frame.done = true;
      // A connection whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
      client.release(broken === undefined ? undefined : broken instanceof Error ? broken : true);
    }
  }

  private async savepoint<T>(outer: Frame, fn: () => Promise<T>): Promise<T> {
    const depth = outer.depth + 1;
    const name = `sp${depth}`;
    const frame: Frame = { client: outer.client, depth, done: false };
    await this.query(`SAVEPOINT ${name}`, []);
    try {
      const out = await this.frames.run(frame, fn);
      await this.query(`RELEASE SAVEPOINT ${name}`, []);
      return out;
    } catch (err) {
      await this.query(`ROLLBACK TO SAVEPOINT ${name}`, []);
      await this.query(`RELEASE SAVEPOINT ${name}`, []);
      throw err;
    } finally {
      frame.done = true;
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * Passing failures (serialization, deadlock, lock timeout, shutdown, lost connection) become a
 * PassingDbError, which `isPassingDbError` recognises; anything else is returned unchanged
 * (constraint violations keep pg's SQLSTATE in `code`).
 */
export function translateError(err: unknown): unknown {
  if (err instanceof PassingDbError || !isPassingPgError(err)) return err;
  const e = err as { code?: string; message?: string };
  return new PassingDbError(e.code ?? 'CONNECTION', `PostgreSQL: ${redactDbUrl(e.message ?? String(err))}`, { cause: err });
}
