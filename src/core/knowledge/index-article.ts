/**
 * Derives what the commands read from a stored article: entity mentions, dated events and its
 * story. Called by the ingest pipeline (src/core/loader/store-article.ts) inside the transaction
 * that writes the article, so the derived rows never disagree with the article.
 */
import type { Stores } from '../store/stores.ts';
import type { StoredArticle } from '../article.ts';
import { indexEntities } from '../entities/index-entities.ts';
import { getAliasIndex } from '../entities/alias-index.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';
import { indexEvents } from '../timeline/index-events.ts';
import { assignStory } from '../stories/assign-story.ts';
import type { ArticleDerivation } from './derive-article.ts';

/**
 * Indexes `article`; `derived` is deriveArticle() of the same text when already computed (the
 * parse worker does it). Returns the aliases learned from it, for relinkLearnedAliases once the
 * search index holds the articles written so far.
 */
export async function indexArticle(stores: Stores, article: StoredArticle, derived?: ArticleDerivation): Promise<LearnedAlias[]> {
  const learned = await indexEntities(stores, article, { names: derived?.names });
  await indexEvents(stores, article, derived?.events);
  await assignStory(stores, article, derived?.signatures);
  return learned;
}

/**
 * Builds what indexing reads before the first article (the alias index, syncing the curated file:
 * ~0.3 s on a new database), so a batch can do it while its parse worker warms up.
 */
export async function prepareIndexing(stores: Stores): Promise<void> {
  await getAliasIndex(stores);
}
