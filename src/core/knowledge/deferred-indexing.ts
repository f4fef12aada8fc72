/**
 * Index work a write batch does once, just before it commits: the search rows of its articles
 * (FTS5 writes a segment at every savepoint, so rows written inside per-file savepoints would cost
 * a segment each), then re-linking earlier articles to the aliases the batch learned (which needs
 * those rows). Only the last search row per article is kept.
 */
import type { Stores } from '../store/stores.ts';
import { relinkLearnedAliases } from '../entities/relink-aliases.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';
import type { NormalizedArticle } from '../article.ts';
import type { ArticleDerivation } from './derive-article.ts';

/** Articles remembered per ingest run: enough for the site's first few articles, whatever the batch size. */
const REMEMBERED = 1000;

export class DeferredIndexing {
  private readonly rows = new Map<number, { title: string; body: string }>();
  private learned: LearnedAlias[] = [];
  /**
   * The run's recently stored articles (as stored) with their derivations, so one cleaned again
   * when its site's furniture is learned (loader/reclean-site.ts) reuses the names the parse
   * worker found instead of running the segmenter again on the storing thread.
   */
  private readonly derivations = new Map<number, { article: NormalizedArticle; derived: ArticleDerivation }>();

  remember(id: number, article: NormalizedArticle, derived: ArticleDerivation): void {
    this.derivations.delete(id);
    this.derivations.set(id, { article, derived });
    if (this.derivations.size > REMEMBERED) this.derivations.delete(this.derivations.keys().next().value!);
  }

  recall(id: number): { article: NormalizedArticle; derived: ArticleDerivation } | undefined {
    return this.derivations.get(id);
  }

  /** Holds the search row of article `id` (title and body in indexed form: toIndexedForm) and the aliases it taught. */
  add(id: number, search: { title: string; body: string }, learned: LearnedAlias[]): void {
    this.rows.set(id, search);
    if (learned.length) this.learned.push(...learned);
  }

  /** Does the held work (inside the batch's transaction) and empties the queue. */
  async flush(stores: Stores): Promise<void> {
    const rows = [...this.rows].map(([id, r]) => ({ id, title: r.title, body: r.body }));
    this.rows.clear();
    if (rows.length) await stores.search.writeRows(rows);
    const learned = this.learned;
    this.learned = [];
    if (learned.length) await relinkLearnedAliases(stores, learned);
  }

  /** Drops the held work (the batch's transaction rolled back). */
  clear(): void {
    this.rows.clear();
    this.learned = [];
  }
}
