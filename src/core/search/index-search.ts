/**
 * Keeps the full-text index in step with the articles table. Called by the article store inside
 * its write transaction (no triggers: the search form needs OpenCC, which SQL cannot call).
 */
import type { Db } from '../store/db.ts';
import { prepareCached } from '../store/statements.ts';
import { toIndexedForm } from './search-text.ts';

/** Replaces the search row of article `id` with the indexed form of its title and body. */
export function writeSearchRow(db: Db, id: number, title: string, body: string): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
  prepareCached(db, 'INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, toIndexedForm(title), toIndexedForm(body));
}

/** Removes article `id` from the index (used when an article is deleted). */
export function deleteSearchRow(db: Db, id: number): void {
  prepareCached(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
}
