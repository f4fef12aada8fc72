/**
 * One poll of a feed (RSS, RDF, Atom or JSON Feed): conditional GET, parse, and each item not seen before becomes
 * an article — from the item's own content when it carries the full text, otherwise from its
 * article page fetched and cleaned by the HTML extractor. Items already stored by any source
 * (same GUID, normalized URL or body) are linked, not stored again.
 */
import { createHash } from 'node:crypto';
import { parseMaxAge } from '../fetch/cache-headers.ts';
import type { FeedItem } from '../feed/feed-types.ts';
import { normalizeUrl } from '../../core/text/normalize-url.ts';
import { foldForMatch } from '../../core/text/normalize.ts';
import { isPassingDbError as isBusyError } from '../../core/store/db-errors.ts';
import type { LastStored, SourceRow } from '../../core/store/source-store.ts';
import { buildItem, fetchItemPage, ownArticle, PENDING_PREFIX, type PollBudget } from './build-item.ts';
import { articleContentHash } from './content-hash.ts';
import { emptyCounts, type PollContext, type PollCounts } from './poll-context.ts';

export interface FeedPollResult {
  counts: PollCounts;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  maxAgeSeconds: number | null;
  outlet: string | null;
  /** The feed's new address after a permanent redirect, else null. */
  movedTo: string | null;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.1';

/** The key an item is remembered by within its source. */
function itemKey(item: FeedItem): string | null {
  if (item.guid ?? item.link) return item.guid ?? item.link;
  if (item.title) return `title:${item.title}|${item.published ?? ''}`;
  // RSS 2.0 allows an item that is only a description: its text is its identity.
  const text = item.contentHtml ?? item.summaryHtml;
  return text ? `text:${createHash('sha256').update(text).digest('hex').slice(0, 32)}` : null;
}

function byPublication(items: FeedItem[]): FeedItem[] {
  const indexed = items.map((item, i) => ({ item, i }));
  // Feeds list newest first; storing oldest first keeps ids in publication order.
  indexed.sort((a, b) => {
    const da = a.item.published ?? a.item.updated;
    const db = b.item.published ?? b.item.updated;
    if (da && db && da !== db) return Date.parse(da) - Date.parse(db);
    return b.i - a.i;
  });
  return indexed.map((x) => x.item);
}

/** An item link resolved against the feed URL; anything but http(s) (javascript:, data:…) is dropped. */
function safeLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Runs `fn` over `items` with at most `limit` at once; results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

interface NewItem {
  item: FeedItem;
  key: string;
  urlNorm: string | null;
  backfill: boolean;
}

/** Polls `src` (kind 'feed'); throws FetchError/FeedError/DecodeError when the feed itself cannot be read. */
export async function pollFeed(ctx: PollContext, src: SourceRow): Promise<FeedPollResult> {
  // One signal ends the poll: the bot stopping, or this poll's deadline. What is not done by then waits for the next poll.
  const ac = new AbortController();
  const deadline = setTimeout(() => ac.abort(), ctx.pollDeadlineMs ?? 120_000);
  const onStop = () => ac.abort();
  ctx.signal?.addEventListener('abort', onStop, { once: true });
  if (ctx.signal?.aborted) ac.abort();
  try {
    return await pollFeedWithin(ctx, src, ac.signal);
  } finally {
    clearTimeout(deadline);
    ctx.signal?.removeEventListener('abort', onStop);
  }
}

async function pollFeedWithin(ctx: PollContext, src: SourceRow, signal: AbortSignal): Promise<FeedPollResult> {
  const res = await ctx.fetcher.get(src.location, { etag: src.etag, lastModified: src.last_modified, accept: FEED_ACCEPT, signal });
  const maxAgeSeconds = parseMaxAge(res.headers['cache-control'], res.headers.age);
  const counts = emptyCounts();
  const movedTo = res.movedPermanently && res.url !== src.location ? res.url : null;
  if (res.status === 304) {
    return { counts, notModified: true, etag: res.headers.etag ?? src.etag, lastModified: res.headers['last-modified'] ?? src.last_modified, maxAgeSeconds, outlet: null, movedTo };
  }
  const feed = await ctx.sinks.parse.run({ kind: 'feed', bytes: res.body, contentType: res.headers['content-type'] ?? null, url: res.url });
  const outlet = feed.title ?? src.outlet ?? new URL(src.location).hostname;
  const store = ctx.stores.sources;
  const createdAt = Date.parse(src.created_at);
  const budget: PollBudget = { pagesLeft: ctx.maxPagesPerPoll ?? 30, siteBusy: false, signal };

  const fresh: NewItem[] = [];
  const pending: { item: FeedItem & { link: string }; key: string }[] = [];
  for (const raw of byPublication(feed.items)) {
    const item = { ...raw, link: safeLink(raw.link, res.url) };
    const key = itemKey(item);
    if (!key) {
      counts.rejected++;
      counts.rejects.push('an item with no guid, link, title or text');
      continue;
    }
    if (await store.itemSeen(src.id, key)) {
      const last = await store.lastStoredItem(src.id, key);
      if (last?.reason?.startsWith(PENDING_PREFIX) && item.link) pending.push({ item: { ...item, link: item.link }, key });
      else if (await updateSeenItem(ctx, src, item, key, outlet, last)) counts.updated++;
      else counts.unchanged++;
      continue;
    }
    const date = item.published ?? item.updated;
    // The first poll's items, and items dated before the source was added, are back catalogue.
    const backfill = src.first_poll_done === 0 || (date != null && Date.parse(date) < createdAt);
    const urlNorm = normalizeUrl(item.link);
    const known = await store.findItemByIdentity(item.guid, urlNorm);
    if (known) {
      await store.recordItem({ source_id: src.id, guid: key, url_normalized: urlNorm, content_hash: null, article_id: known.article_id, backfill: known.backfill, status: 'duplicate', reason: `same ${known.matched}` }, ctx.now());
      counts.duplicates++;
      continue;
    }
    fresh.push({ item, key, urlNorm, backfill });
  }
  // At most N new items per poll: the newest N; the older ones wait for the next polls.
  const cap = ctx.maxNewItemsPerPoll ?? 100;
  const chosen = fresh.length > cap ? fresh.slice(fresh.length - cap) : fresh;
  counts.deferred += fresh.length - chosen.length;

  const lanes = Math.max(1, ctx.pageConcurrency ?? 4);
  const built = await mapLimited(chosen, lanes, (n) => buildItem(ctx, n.item, outlet, budget));
  // The same page behind two distinct items of one poll is an interstitial (consent, paywall), not their article.
  const pageHashes = new Map<string, number>();
  const hashes = built.map((b) => (b.kind === 'article' ? articleContentHash(b.article) : null));
  built.forEach((b, i) => b.kind === 'article' && b.fromPage && pageHashes.set(hashes[i]!, (pageHashes.get(hashes[i]!) ?? 0) + 1));

  for (let i = 0; i < chosen.length; i++) {
    const { item, key, urlNorm, backfill } = chosen[i];
    let b = built[i];
    const base = { source_id: src.id, guid: key, url_normalized: urlNorm };
    if (b.kind === 'deferred') {
      ctx.log.debug(`source ${src.name}: item ${key} deferred: ${b.why}`);
      counts.deferred++;
      continue;
    }
    if (b.kind === 'rejected') {
      await store.recordItem({ ...base, content_hash: null, article_id: null, backfill, status: 'rejected', reason: b.reason }, ctx.now());
      counts.rejected++;
      counts.rejects.push(b.reason);
      continue;
    }
    let hash = hashes[i]!;
    const sameBody = await store.findItemByContent(hash);
    if (b.fromPage && ((pageHashes.get(hash) ?? 0) > 1 || (sameBody && item.title && !(await sameTitle(ctx, sameBody.article_id, item.title))))) {
      const own = await ownArticle(ctx, item, outlet);
      if (!own.article) {
        counts.deferred++;
        continue;
      }
      b = { kind: 'article', article: own.article, fromPage: false, fallback: { reason: `${FINAL_NOTE}its page is the same as another item's (an interstitial?)`, pending: false } };
      hash = articleContentHash(b.article);
    } else if (sameBody) {
      await store.recordItem({ ...base, content_hash: hash, article_id: sameBody.article_id, backfill: sameBody.backfill, status: 'duplicate', reason: 'same content' }, ctx.now());
      counts.duplicates++;
      continue;
    }
    const article = b.article;
    const fallback = b.fallback;
    if (fallback) ctx.log.info(`source ${src.name}: item ${key} stored ${fallback.reason}`);
    const stored = await storeItem(ctx, src, counts, async () => {
      const r = await ctx.sinks.storeArticle(ctx.stores, article, { source_file: itemName(src, key), url: item.link ?? article.url, guid: item.guid, modified_at: item.updated ?? null });
      await store.recordItem({ ...base, content_hash: hash, article_id: r.id, backfill, status: r.status === 'unchanged' ? 'duplicate' : 'stored', reason: fallback?.reason ?? null }, ctx.now());
      if (r.status === 'unchanged') counts.duplicates++;
      else counts.stored++;
    });
    if (stored === 'failed') {
      const reason = counts.rejects[counts.rejects.length - 1];
      await store.recordItem({ ...base, content_hash: hash, article_id: null, backfill, status: 'rejected', reason }, ctx.now());
    }
  }
  // Items stored from their summary while their page could not be had: upgraded when it arrives.
  const upgrades = await mapLimited(pending, lanes, (p) => fetchItemPage(ctx, p.item, outlet, budget));
  for (const [i, p] of pending.entries()) {
    const u = upgrades[i];
    const last = (await store.lastStoredItem(src.id, p.key))!;
    if ('article' in u) {
      const hash = articleContentHash(u.article);
      await storeItem(ctx, src, counts, async () => {
        const r = await ctx.sinks.storeArticle(ctx.stores, u.article, { source_file: itemName(src, p.key), url: p.item.link, guid: p.item.guid, modified_at: p.item.updated ?? null });
        await store.recordItem({ source_id: src.id, guid: p.key, url_normalized: normalizeUrl(p.item.link), content_hash: hash, article_id: r.id, backfill: last.backfill, status: 'stored', reason: 'page arrived' }, ctx.now());
        counts.updated++;
      });
    } else if (!u.passing) {
      await store.recordItem({ source_id: src.id, guid: p.key, url_normalized: normalizeUrl(p.item.link), content_hash: last.content_hash, article_id: last.article_id, backfill: last.backfill, status: 'stored', reason: FINAL_NOTE + u.why }, ctx.now());
      counts.unchanged++;
    } else counts.unchanged++;
  }
  return { counts, notModified: false, etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null, maxAgeSeconds, outlet, movedTo };
}

const FINAL_NOTE = 'from the feed summary: ';

async function sameTitle(ctx: PollContext, articleId: number, title: string): Promise<boolean> {
  const stored = await ctx.stores.sources.articleTitle(articleId);
  return stored !== undefined && foldForMatch(stored) === foldForMatch(title);
}

/**
 * Runs one item's store transaction. A busy database (another process writing) defers the item,
 * recording nothing, so the next poll tries again; any other failure is that item's reject.
 */
async function storeItem(ctx: PollContext, src: SourceRow, counts: PollCounts, write: () => Promise<void>): Promise<'ok' | 'deferred' | 'failed'> {
  try {
    await ctx.stores.tx(write);
    return 'ok';
  } catch (err) {
    if (isBusyError(err)) {
      ctx.log.warn(`source ${src.name}: database busy; the item waits for the next poll`);
      counts.deferred++;
      return 'deferred';
    }
    const reason = `could not store: ${(err as Error).message.split('\n')[0]}`;
    ctx.log.error(`source ${src.name}: ${reason}`);
    counts.rejected++;
    counts.rejects.push(reason);
    return 'failed';
  }
}

/** The name an item is stored under (the store's source_file), so a corrected item updates its article in place. */
function itemName(src: SourceRow, key: string): string {
  return `${src.location}#${key}`;
}

/**
 * A full-text item seen before is rebuilt (no fetch) and, when its text changed, stored again
 * under the same name so the article is corrected in place. Summary-only items are not re-fetched.
 */
async function updateSeenItem(ctx: PollContext, src: SourceRow, item: FeedItem, key: string, outlet: string | null, last: LastStored | null): Promise<boolean> {
  if (!last || !last.content_hash) return false;
  const html = item.contentHtml ?? item.summaryHtml;
  if (!html || html.length < 200) return false;
  const own = await ownArticle(ctx, item, outlet);
  if (!own.full || !own.article) return false;
  const article = own.article;
  const hash = articleContentHash(article);
  if (hash === last.content_hash) return false;
  let updated = false;
  const r = await storeItem(ctx, src, emptyCounts(), async () => {
    const stored = await ctx.sinks.storeArticle(ctx.stores, article, { source_file: itemName(src, key), url: item.link, guid: item.guid, modified_at: item.updated ?? null });
    await ctx.stores.sources.recordItem({ source_id: src.id, guid: key, url_normalized: normalizeUrl(item.link), content_hash: hash, article_id: stored.id, backfill: last.backfill, status: 'stored', reason: stored.status }, ctx.now());
    updated = stored.status === 'updated';
  });
  return r === 'ok' && updated;
}
