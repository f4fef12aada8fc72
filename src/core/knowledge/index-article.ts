/**
 * Derives what the commands read from a stored article: entity mentions, dated events and its
 * story. Called by the article store inside the transaction that writes the article, so the
 * derived rows never disagree with the article.
 */
import type { Db } from '../store/db.ts';
import type { StoredArticle } from '../article.ts';
import { indexEntities } from '../entities/index-entities.ts';
import type { LearnedAlias } from '../entities/learn-aliases.ts';
import { indexEvents } from '../timeline/index-events.ts';
import { assignStory } from '../stories/assign-story.ts';
import { keepStoryNumber } from '../stories/keep-story-number.ts';
import { sqliteStores } from '../store/open-stores.ts';
import type { ArticleDerivation } from './derive-article.ts';

/**
 * Indexes `article`; `derived` is deriveArticle() of the same text when already computed (the
 * parse worker does it). Returns the aliases learned from it, for relinkLearnedAliases once the
 * search index holds the articles written so far.
 */
export function indexArticle(db: Db, article: StoredArticle, derived?: ArticleDerivation): LearnedAlias[] {
  const learned = indexEntities(db, article, { names: derived?.names });
  queueStoryIndexing(db, () => storyIndexing(db, article, derived));
  return learned;
}

/**
 * The async indexers of an article (events, then its story), in that order; a re-clustered
 * revision keeps its story number here, since the article store's synchronous keepStoryNumber
 * runs before the queued assignment (and so finds nothing to do).
 */
async function storyIndexing(db: Db, article: StoredArticle, derived?: ArticleDerivation): Promise<void> {
  const stores = sqliteStores(db);
  // One transaction per article: atomic, and one write lock instead of one per statement.
  await stores.tx(async () => {
    const oldStory = await stores.stories.storyOf(article.id);
    await indexEvents(stores, article, derived?.events);
    await assignStory(stores, article, derived?.signatures);
    await keepStoryNumber(stores, article.id, oldStory);
  });
}

// TRANSITIONAL (issue 14, stories branch only): indexEvents and assignStory are async now, and the
// synchronous store path cannot await them. Until the articles helper makes storeArticle await
// indexArticle (which then awaits them directly and this queue goes), they run one article after
// another, in ingest order, as soon as the synchronous caller returns; `storyIndexingDone(db)`
// waits for every one queued so far and rethrows the first failure.
const queues = new WeakMap<Db, { tail: Promise<void>; failure: unknown }>();

function queueStoryIndexing(db: Db, work: () => Promise<void>): void {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { tail: Promise.resolve(), failure: undefined }));
  const entry = q;
  entry.tail = entry.tail.then(work).catch((err: unknown) => {
    entry.failure ??= err;
  });
}

/** Waits until the story and event indexing queued on `db` has run (see above). */
export async function storyIndexingDone(db: Db): Promise<void> {
  const q = queues.get(db);
  if (!q) return;
  let tail: Promise<void>;
  do {
    tail = q.tail;
    await tail;
  } while (tail !== q.tail);
  const failure = q.failure;
  q.failure = undefined;
  if (failure !== undefined) throw failure;
}
