/**
 * Writes an article's dated events (extract-events.ts) to the event store. Called through
 * indexArticle inside the ingest transaction; deletes and rewrites, so re-ingesting an updated
 * article never leaves stale events.
 */
import type { Stores } from '../store/stores.ts';
import type { StoredArticle } from '../article.ts';
import { extractEvents, type ExtractedEvent } from './extract-events.ts';

/** Replaces the events of `article` with those extracted from its body (`events`: extractEvents(article) when already computed). */
export async function indexEvents(stores: Pick<Stores, 'events'>, article: StoredArticle, events: ExtractedEvent[] = extractEvents(article)): Promise<void> {
  await stores.events.replaceForArticle(
    article.id,
    events.map((e) => ({ date: e.date, day: e.day, text: e.text, paragraph: e.paragraph })),
  );
}
