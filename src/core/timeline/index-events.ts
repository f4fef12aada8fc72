/** Placeholder: see src/core/knowledge/index-article.ts for the contract. */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';

export function indexEvents(db: Db, article: StoredArticle): void {
  void db;
  void article;
}
