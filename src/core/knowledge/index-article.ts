/**
 * Derives what the commands read from a stored article: entity mentions, dated events and its
 * story. Called by the article store inside the transaction that writes the article, so the
 * derived rows never disagree with the article.
 */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';
import { indexEntities } from '../entities/legacy/index-entities.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';
import { indexEvents } from '../timeline/index-events.ts';
import { assignStory } from '../stories/assign-story.ts';
import type { ArticleDerivation } from './derive-article.ts';

/**
 * Indexes `article`; `derived` is deriveArticle() of the same text when already computed (the
 * parse worker does it). Returns the aliases learned from it, for relinkLearnedAliases once the
 * search index holds the articles written so far.
 */
export function indexArticle(db: Db, article: StoredArticle, derived?: ArticleDerivation): LearnedAlias[] {
  const learned = indexEntities(db, article, { names: derived?.names });
  indexEvents(db, article, derived?.events);
  assignStory(db, article, derived?.signatures);
  return learned;
}
