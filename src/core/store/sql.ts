/**
 * The one database handle store modules write SQL against, whatever the backend: better-sqlite3
 * (embedded default) or PostgreSQL. SQL is written once with `?` placeholders in the subset both
 * dialects share (ON CONFLICT, RETURNING, CAST(? AS TEXT)); where they differ a store branches on
 * `dialect`. Only store modules and migrations may import this type.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  changes: number;
}

export interface Sql {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /**
   * Runs `fn` in a transaction; nested calls become savepoints, so a failing inner part rolls back
   * alone. Statements issued by other callers while it is open wait for it (never join it).
   */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
