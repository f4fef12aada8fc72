/**
 * Derives what the commands read from a stored article: entity mentions, dated events and its
 * story. Called by the article store inside the transaction that writes the article, so the
 * derived rows never disagree with the article.
 */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';
import { indexEntities } from '../entities/index-entities.ts';
import { indexEvents } from '../timeline/index-events.ts';
import { assignStory } from '../stories/assign-story.ts';

export function indexArticle(db: Db, article: StoredArticle): void {
  indexEntities(db, article);
  indexEvents(db, article);
  assignStory(db, article);
}
