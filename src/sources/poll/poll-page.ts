/**
 * One poll of a single article page: conditional GET, extract with the HTML extractor, store
 * when its text is new (a changed page reaches the store as an update of the same URL).
 */
import { FetchError } from '../fetch/fetch-error.ts';
import { parseMaxAge } from '../fetch/cache-headers.ts';
import { normalizeUrl } from '../../core/text/normalize-url.ts';
import type { SourceRow } from '../../core/store/source-store.ts';
import { articleContentHash } from './content-hash.ts';
import { emptyCounts, type PollContext } from './poll-context.ts';
import type { FeedPollResult } from './poll-feed.ts';

/** Polls `src` (kind 'page'); throws FetchError/IngestError when the page cannot be read. */
export async function pollPage(ctx: PollContext, src: SourceRow): Promise<FeedPollResult> {
  const refusal = await ctx.robots?.refusal(src.location);
  if (refusal) throw new FetchError(src.location, refusal);
  const res = await ctx.fetcher.get(src.location, { etag: src.etag, lastModified: src.last_modified, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', signal: ctx.signal });
  const maxAgeSeconds = parseMaxAge(res.headers['cache-control'], res.headers.age);
  const counts = emptyCounts();
  const etag = res.headers.etag ?? (res.status === 304 ? src.etag : null);
  const lastModified = res.headers['last-modified'] ?? (res.status === 304 ? src.last_modified : null);
  const movedTo = res.movedPermanently && res.url !== src.location ? res.url : null;
  if (res.status === 304) return { counts, notModified: true, etag, lastModified, maxAgeSeconds, outlet: null, movedTo };
  const article = await ctx.sinks.parse.run({ kind: 'page', bytes: res.body, contentType: res.headers['content-type'] ?? null, name: src.location, url: res.url, item: null, outlet: null });
  const hash = articleContentHash(article);
  const store = ctx.stores.sources;
  const key = `${src.location}#${hash.slice(0, 16)}`;
  if (await store.itemSeen(src.id, key)) {
    counts.unchanged++;
    return { counts, notModified: false, etag, lastModified, maxAgeSeconds, outlet: article.outlet, movedTo };
  }
  const urlNorm = normalizeUrl(article.url ?? res.url);
  await ctx.stores.tx(async () => {
    const stored = await ctx.sinks.storeArticle(ctx.stores, { ...article, url: article.url ?? res.url }, { source_file: src.location, url: article.url ?? res.url, guid: null });
    await store.recordItem({ source_id: src.id, guid: key, url_normalized: urlNorm, content_hash: hash, article_id: stored.id, backfill: src.first_poll_done === 0, status: 'stored' }, ctx.now());
    if (stored.status === 'unchanged') counts.unchanged++;
    else counts.stored++;
  });
  return { counts, notModified: false, etag, lastModified, maxAgeSeconds, outlet: article.outlet, movedTo };
}
