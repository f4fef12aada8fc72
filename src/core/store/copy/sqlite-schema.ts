/**
 * What `db copy` reads of a SQLite file's schema: its ordinary tables (FTS and other virtual tables
 * and their shadow tables are indexes, not data), their columns, primary keys and foreign keys,
 * and an order in which every table comes after the tables it references.
 */
import type { Db } from '../db.ts';

export interface SqliteTable {
  name: string;
  columns: string[];
  /** ORDER BY for reading: the primary key's columns, else rowid; parents before children in self-references. */
  orderBy: string;
  references: string[];
}

export interface SqliteTables {
  tables: SqliteTable[];
  /** Virtual (FTS) tables left out (their shadow tables are left out silently). */
  skipped: string[];
}

/** Double-quotes an identifier for either dialect. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The ordinary tables of `db`, in dependency order (referenced tables first; ties by name). */
export function readSqliteTables(db: Db): SqliteTables {
  const list = db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name").all() as { name: string; type: string }[];
  // Shadow tables (an FTS table's _data, _idx, …) belong to their virtual table: neither is copied.
  const skipped = list.filter((t) => t.type === 'virtual').map((t) => t.name);
  const tables = list
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t): SqliteTable => {
      const cols = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(t.name) as { name: string; pk: number }[];
      const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const withoutRowid = (db.prepare('SELECT wr FROM pragma_table_list WHERE schema = ? AND name = ?').get('main', t.name) as { wr: number }).wr === 1;
      const orderBy = pk.length ? pk.map((c) => quoteIdent(c.name)).join(', ') : withoutRowid ? cols.map((c) => quoteIdent(c.name)).join(', ') : 'rowid';
      const refs = db.prepare('SELECT DISTINCT "table" AS ref FROM pragma_foreign_key_list(?)').all(t.name) as { ref: string }[];
      return { name: t.name, columns: cols.map((c) => c.name), orderBy, references: refs.map((r) => r.ref).filter((r) => r !== t.name) };
    });
  return { tables: dependencyOrder(tables), skipped };
}

/** Kahn's order: a table after every table it references; a reference cycle keeps name order for the rest. */
function dependencyOrder(tables: SqliteTable[]): SqliteTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: SqliteTable[] = [];
  while (out.length < tables.length) {
    const ready = tables.find((t) => !done.has(t.name) && t.references.every((r) => done.has(r) || !byName.has(r)));
    const next = ready ?? tables.find((t) => !done.has(t.name))!;
    done.add(next.name);
    out.push(next);
  }
  return out;
}
