/**
 * Keeps the full-text index in step with the articles table. Called by the article store inside
 * its write transaction (no triggers: the search form needs OpenCC, which SQL cannot call).
 */
import type { Db } from '../store/db.ts';
import { prepareCached } from '../store/statements.ts';

/** Replaces the search row of article `id` with title and body already in indexed form (toIndexedForm). */
export function writeIndexedRow(db: Db, id: number, indexedTitle: string, indexedBody: string): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
  prepareCached(db, 'INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, indexedTitle, indexedBody);
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
