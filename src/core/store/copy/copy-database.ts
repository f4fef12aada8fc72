/**
 * `newsbot db copy` as one call: opens the SQLite file and the PostgreSQL database (migrated to the
 * same schema version), copies every table (copy-to-postgres.ts), then fills PostgreSQL's search
 * table from the SQLite full-text index's rows through the search store, in the same transaction;
 * then vacuums and analyzes it, as a bulk load should be left.
 */
import { openDatabase } from '../db.ts';
import { migrations } from '../migrations/index.ts';
import { postgresMigrations } from '../postgres/migrations/index.ts';
import { openPostgresSql } from '../postgres/open-postgres.ts';
import { searchStore } from '../search-store.ts';
import { copySqliteToPostgres, type TableCopied } from './copy-to-postgres.ts';

const SEARCH_BATCH = 500;

export async function copyDatabase(fromFile: string, toUrl: string, onTable: (t: TableCopied) => void): Promise<void> {
  // Same migration names on both sides: the same schema version means the same tables and columns.
  const names = (l: { name: string }[]) => l.map((m) => m.name).join(',');
  if (names(migrations) !== names(postgresMigrations)) throw new Error("this newsbot's PostgreSQL schema list does not match its SQLite one; cannot copy");
  const src = openDatabase(fromFile);
  try {
    const dst = await openPostgresSql(toUrl);
    try {
      await dst.tx(async () => {
        // article_search is filled below, not left empty.
        await copySqliteToPostgres(src, dst, { onTable: (t) => (t.table === 'article_search' ? undefined : onTable(t)) });
        // The full-text rows, already in indexed form, go in through the search store (grams, counts).
        const search = searchStore(dst);
        const read = src.prepare('SELECT rowid AS id, title, body FROM articles_fts WHERE rowid > ? ORDER BY rowid LIMIT ?');
        let after = 0;
        let rows = 0;
        for (;;) {
          const batch = read.all(after, SEARCH_BATCH) as { id: number; title: string; body: string }[];
          if (!batch.length) break;
          await search.writeRows(batch);
          rows += batch.length;
          after = batch[batch.length - 1].id;
        }
        onTable({ table: 'article_search', rows, note: 'rebuilt from the SQLite full-text index' });
      });
      // After a bulk load no page is marked all-visible: until a VACUUM, every index-only scan (the
      // mention index's co-mention and story counts) fetches each row from the heap as well, and
      // autovacuum may be off or far behind. Outside the transaction: VACUUM cannot run in one.
      await dst.run('VACUUM (ANALYZE)');
    } finally {
      await dst.close();
    }
  } finally {
    src.close();
  }
}
