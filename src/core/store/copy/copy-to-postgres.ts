/**
 * `newsbot db copy`: every row of a SQLite database into an empty PostgreSQL database of the same
 * schema version, ids kept, in one transaction on the target (a failed copy leaves it empty).
 * Tables go in dependency order, rows in primary-key order, in multi-row INSERT batches; identity
 * sequences are moved past the copied ids afterwards so new rows do not collide.
 */
import type { Db } from '../db.ts';
import type { Sql, SqlValue } from '../sql.ts';
import { quoteIdent, readSqliteTables, type SqliteTable } from './sqlite-schema.ts';

export interface TableCopied {
  table: string;
  rows: number;
  /** Why nothing was copied (a SQLite-only index), or columns the target has that the source lacks. */
  note?: string;
}

export interface CopyOptions {
  /** Called once per table after its rows are written (inside the transaction). */
  onTable?(t: TableCopied): void;
  /** Bind parameters per INSERT at most (PostgreSQL allows 65535). */
  maxParams?: number;
}

/** Refusals found before anything is written (missing tables or columns, a non-empty target). */
export class CopyRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`db copy refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CopyRefusedError';
  }
}

/** Tables whose rows a fresh database already has from its migrations (entity_meta's alias_version = 0). */
const MIGRATION_SEEDED = new Set(['entity_meta']);

interface TargetColumn {
  table_name: string;
  column_name: string;
  is_identity: string;
  column_default: string | null;
}

/** Copies every ordinary table of `src` into `dst` (PostgreSQL); returns one entry per table, in copy order. */
export async function copySqliteToPostgres(src: Db, dst: Sql, opts: CopyOptions = {}): Promise<TableCopied[]> {
  if (dst.dialect !== 'postgres') throw new Error('db copy: the target must be PostgreSQL');
  const { tables, skipped } = readSqliteTables(src);
  const targetCols = await dst.all<TargetColumn>(
    `SELECT c.table_name, c.column_name, c.is_identity, c.column_default
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const target = new Map<string, TargetColumn[]>();
  for (const c of targetCols) target.set(c.table_name, [...(target.get(c.table_name) ?? []), c]);

  const problems: string[] = [];
  for (const t of tables) {
    const cols = target.get(t.name);
    if (!cols) problems.push(`table ${t.name} (${countRows(src, t)} rows) has no PostgreSQL counterpart`);
    else {
      const have = new Set(cols.map((c) => c.column_name));
      const missing = t.columns.filter((c) => !have.has(c));
      if (missing.length) problems.push(`${t.name}: PostgreSQL lacks column(s) ${missing.join(', ')}`);
    }
  }
  if (problems.length) throw new CopyRefusedError(problems);

  return dst.tx(async () => {
    const nonEmpty: string[] = [];
    for (const name of [...target.keys()].filter((n) => n !== 'newsbot_schema' && !MIGRATION_SEEDED.has(n))) {
      if (await dst.get(`SELECT 1 AS x FROM ${quoteIdent(name)} LIMIT 1`)) nonEmpty.push(name);
    }
    if (nonEmpty.length) throw new CopyRefusedError([`the target is not empty (rows in ${nonEmpty.join(', ')}): copy into a fresh database`]);

    const out: TableCopied[] = [];
    const report = (t: TableCopied) => {
      out.push(t);
      opts.onTable?.(t);
    };
    // One snapshot of the source for the whole copy, even if the bot writes meanwhile.
    src.exec('BEGIN');
    try {
      for (const t of tables) {
        const cols = target.get(t.name)!;
        // Rows a fresh migration leaves (counters at their start) give way to the source's.
        if (MIGRATION_SEEDED.has(t.name)) await dst.run(`DELETE FROM ${quoteIdent(t.name)}`);
        const rows = await copyTable(src, dst, t, cols.some((c) => c.is_identity === 'YES'), opts.maxParams ?? 30_000);
        await resetSequences(dst, t.name, cols);
        const extra = cols.map((c) => c.column_name).filter((c) => !t.columns.includes(c));
        report({ table: t.name, rows, ...(extra.length ? { note: `target-only column(s) left to their defaults: ${extra.join(', ')}` } : {}) });
      }
    } finally {
      src.exec('COMMIT');
    }
    for (const name of skipped) report({ table: name, rows: 0, note: 'SQLite full-text index, not copied' });
    for (const name of [...target.keys()].filter((n) => n !== 'newsbot_schema' && !tables.some((t) => t.name === n))) {
      report({ table: name, rows: 0, note: 'PostgreSQL-only table, left empty' });
    }
    return out;
  });
}

function countRows(src: Db, t: SqliteTable): number {
  return (src.prepare(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`).get() as { n: number }).n;
}

/** Streams `t` from SQLite into PostgreSQL in batches; returns the row count. */
async function copyTable(src: Db, dst: Sql, t: SqliteTable, identity: boolean, maxParams: number): Promise<number> {
  const colList = t.columns.map(quoteIdent).join(', ');
  const perRow = t.columns.length;
  const batchRows = Math.max(1, Math.min(1000, Math.floor(maxParams / perRow)));
  const rowSql = `(${t.columns.map(() => '?').join(', ')})`;
  // Identity columns GENERATED ALWAYS refuse explicit ids without OVERRIDING SYSTEM VALUE; ids are kept.
  const head = `INSERT INTO ${quoteIdent(t.name)} (${colList}) ${identity ? 'OVERRIDING SYSTEM VALUE ' : ''}VALUES `;
  const statement = src.prepare(`SELECT ${colList} FROM ${quoteIdent(t.name)} ORDER BY ${t.orderBy}`).raw(true);
  let params: SqlValue[] = [];
  let inBatch = 0;
  let total = 0;
  const flush = async () => {
    if (!inBatch) return;
    await dst.run(head + Array(inBatch).fill(rowSql).join(', '), params);
    total += inBatch;
    params = [];
    inBatch = 0;
  };
  for (const row of statement.iterate() as Iterable<SqlValue[]>) {
    for (const v of row) params.push(v);
    if (++inBatch >= batchRows) await flush();
  }
  await flush();
  return total;
}

/** Moves every identity/serial sequence of `table` past its largest copied value. */
async function resetSequences(dst: Sql, table: string, cols: TargetColumn[]): Promise<void> {
  for (const c of cols.filter((c) => c.is_identity === 'YES' || (c.column_default ?? '').startsWith('nextval('))) {
    await dst.get(
      `SELECT setval(pg_get_serial_sequence(CAST(? AS TEXT), CAST(? AS TEXT)), coalesce((SELECT max(${quoteIdent(c.column_name)}) FROM ${quoteIdent(table)}), 0) + 1, false) AS v`,
      [quoteIdent(table), c.column_name],
    );
  }
}
