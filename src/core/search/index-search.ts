/**
 * Keeps the full-text index in step with the articles table. Called by the article store inside
 * its write transaction (no triggers: the search form needs OpenCC, which SQL cannot call).
 */
import type { Db } from '../store/db.ts';
import { prepareCached } from '../store/statements.ts';
import { toIndexedForm } from './search-text.ts';

/** Replaces the search row of article `id` with the indexed form of its title and body. */
export function writeSearchRow(db: Db, id: number, title: string, body: string): void {
  writeIndexedRow(db, id, toIndexedForm(title), toIndexedForm(body));
}

/** Replaces the search row of article `id` with title and body already in indexed form (toIndexedForm). */
export function writeIndexedRow(db: Db, id: number, indexedTitle: string, indexedBody: string): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
  prepareCached(db, 'INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, indexedTitle, indexedBody);
}

/**
 * Search rows held back for a batch of articles written in one transaction, written by flush()
 * just before it commits. FTS5 flushes its pending terms to a new segment at every savepoint, so
 * rows written inside per-file savepoints cost a segment (and later merges) per article; held
 * back, a whole batch makes one segment. Only the last row per article is kept.
 */
export class SearchRowBuffer {
  private readonly rows = new Map<number, { title: string; body: string }>();

  /** Holds the row of article `id`: title and body in indexed form (toIndexedForm). */
  add(id: number, indexedTitle: string, indexedBody: string): void {
    this.rows.set(id, { title: indexedTitle, body: indexedBody });
  }

  /** Writes the held rows (inside the batch's transaction) and empties the buffer. */
  flush(db: Db): void {
    for (const [id, r] of this.rows) writeIndexedRow(db, id, r.title, r.body);
    this.rows.clear();
  }

  /** Drops the held rows (the batch's transaction rolled back). */
  clear(): void {
    this.rows.clear();
  }
}

/** Removes article `id` from the index (used when an article is deleted). */
export function deleteSearchRow(db: Db, id: number): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
}

/**
 * Merges the index's segments after a batch: a full 'optimize' when the batch changed at least a
 * fifth of all articles (bulk loads: short-term queries expand to hundreds of trigrams, and each
 * costs one seek per segment, so a merged index answers them ~8x faster), else a bounded 'merge'
 * step so a large index is never rewritten for a handful of files.
 */
export function compactSearchIndex(db: Db, changed: number): void {
  if (changed <= 0) return;
  const total = prepareCached(db, 'SELECT count(*) FROM articles').pluck().get() as number;
  if (changed * 5 >= total) db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`);
  else prepareCached(db, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', 500)`).run();
}
