/**
 * Index work a write batch does once, just before it commits: the search rows of its articles
 * (FTS5 writes a segment at every savepoint, so rows written inside per-file savepoints would cost
 * a segment each), then re-linking earlier articles to the aliases the batch learned (which needs
 * those rows). Only the last search row per article is kept.
 */
import type { Db } from '../store/db.ts';
import { writeIndexedRow } from '../search/index-search.ts';
import { relinkLearnedAliases } from '../entities/legacy/relink-aliases.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';

export class DeferredIndexing {
  private readonly rows = new Map<number, { title: string; body: string }>();
  private learned: LearnedAlias[] = [];

  /** Holds the search row of article `id`: title and body in indexed form (toIndexedForm). */
  addSearchRow(id: number, indexedTitle: string, indexedBody: string): void {
    this.rows.set(id, { title: indexedTitle, body: indexedBody });
  }

  addLearned(aliases: LearnedAlias[]): void {
    this.learned.push(...aliases);
  }

  /** Does the held work (inside the batch's transaction) and empties the queue. */
  flush(db: Db): void {
    for (const [id, r] of this.rows) writeIndexedRow(db, id, r.title, r.body);
    this.rows.clear();
    const learned = this.learned;
    this.learned = [];
    if (learned.length) relinkLearnedAliases(db, learned);
  }

  /** Drops the held work (the batch's transaction rolled back). */
  clear(): void {
    this.rows.clear();
    this.learned = [];
  }
}
