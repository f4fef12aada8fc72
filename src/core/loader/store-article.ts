/**
 * The ingest pipeline's write step: store an article's rows (the article store), then index it
 * (entities, events, story: indexArticle), then its search row and the re-linking of earlier
 * articles to the aliases it taught (DeferredIndexing), all in one transaction, so derived rows
 * never disagree with the article. Folder ingest, live sources and tools all store through here.
 */
import { keepStoryNumber } from '../stories/keep-story-number.ts';
import type { NormalizedArticle } from '../article.ts';
import type { Stores } from '../store/stores.ts';
import type { StoreMeta, StoreResult } from '../store/article-store.ts';
import { indexArticle } from '../knowledge/index-article.ts';
import type { ArticleDerivation } from '../knowledge/derive-article.ts';
import { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import { toIndexedForm } from '../search/search-text.ts';

export type { StoreMeta, StoreResult, StoreStatus } from '../store/article-store.ts';

export interface StoreOptions {
  /**
   * For batches: the caller runs inside its own transaction (this call is then a savepoint, so a
   * failing article rolls back alone); the search rows and alias re-linking go to this queue once
   * the savepoint is released, and the caller flushes it before it commits.
   */
  deferred?: DeferredIndexing;
  /** deriveArticle(article), computed ahead (by the parse worker), so only the rows are written here. */
  derived?: ArticleDerivation;
  /**
   * Rewrite stored article `rewrite` with `article` in place (re-cleaned after its site's furniture
   * was learned): no revision, `meta` unused; re-indexed like an update.
   */
  rewrite?: number;
}

/**
 * Stores `article` unless it is already there (see the article store's `put` for what counts as
 * the same article and when a version updates it) and, when its rows were written, indexes it.
 * Indexers run once article and paragraphs are current and read neither the search index nor
 * each other; on update they first delete their own rows for that article id.
 */
export async function storeArticle(stores: Stores, article: NormalizedArticle, meta: StoreMeta, opts: StoreOptions = {}): Promise<StoreResult> {
  const { deferred, derived, rewrite } = opts;
  let queued: { id: number; search: { title: string; body: string }; learned: Awaited<ReturnType<typeof indexArticle>> } | undefined;
  const result = await stores.tx(async () => {
    const put = rewrite === undefined ? await stores.articles.put(article, meta) : ((await stores.articles.rewriteCleaned(rewrite, article)) ?? { status: 'unchanged' as const, id: rewrite });
    const stored = put.written;
    if (!stored) return { status: put.status, id: put.id };
    // A revision may re-cluster the article: its story's number is kept (see keepStoryNumber).
    const storyBefore = put.status === 'updated' ? await stores.stories.storyOf(put.id) : undefined;
    const learned = await indexArticle(stores, stored, derived);
    await keepStoryNumber(stores, put.id, storyBefore);
    const search = derived?.search ?? { title: toIndexedForm(stored.title), body: toIndexedForm(stored.body) };
    queued = { id: put.id, search, learned };
    if (!deferred) {
      const own = new DeferredIndexing();
      own.add(put.id, search, learned);
      await own.flush(stores);
    }
    return { status: put.status, id: put.id };
  });
  if (queued && deferred) deferred.add(queued.id, queued.search, queued.learned);
  return result;
}
