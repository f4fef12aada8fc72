/**
 * One poll of a feed (RSS, RDF, Atom or JSON Feed): conditional GET, parse, and each item not seen before becomes
 * an article — from the item's own content when it carries the full text, otherwise from its
 * article page fetched and cleaned by the HTML extractor. Items already stored by any source
 * (same GUID, normalized URL or body) are linked, not stored again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { IngestError, type NormalizedArticle } from '../../core/article.ts';
import { decodeBody } from '../fetch/decode-body.ts';
import { parseMaxAge } from '../fetch/cache-headers.ts';
import { FetchError } from '../fetch/fetch-error.ts';
import { parseAnyFeed } from '../feed/parse-any-feed.ts';
import type { FeedItem } from '../feed/feed-types.ts';
import { hasFullContent, itemToArticle, withFeedMetadata } from '../feed/item-article.ts';
import { normalizeUrl } from '../../core/text/normalize-url.ts';
import { createItemStore } from '../store/source-items.ts';
import type { SourceRow } from '../store/source-store.ts';
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

function isTransient(err: unknown): boolean {
  return err instanceof FetchError && !err.permanent && (err.status == null || err.status >= 500 || err.status === 429 || err.status === 408);
}

/** Polls `src` (kind 'feed'); throws FetchError/FeedError when the feed itself cannot be read. */
export async function pollFeed(ctx: PollContext, src: SourceRow): Promise<FeedPollResult> {
  const res = await ctx.fetcher.get(src.location, { etag: src.etag, lastModified: src.last_modified, accept: FEED_ACCEPT });
  const maxAgeSeconds = parseMaxAge(res.headers['cache-control'], res.headers.age);
  const counts = emptyCounts();
  const movedTo = res.movedPermanently && res.url !== src.location ? res.url : null;
  if (res.status === 304) {
    return { counts, notModified: true, etag: res.headers.etag ?? src.etag, lastModified: res.headers['last-modified'] ?? src.last_modified, maxAgeSeconds, outlet: null, movedTo };
  }
  const feed = parseAnyFeed(decodeBody(res.body, res.headers['content-type']), res.url);
  const outlet = feed.title ?? src.outlet ?? new URL(src.location).hostname;
  const items = createItemStore(ctx.db);
  const createdAt = Date.parse(src.created_at);
  const pageBudget = { left: ctx.maxPagesPerPoll ?? 30, stopped: false, fetched: 0 };

  for (const raw of byPublication(feed.items)) {
    const item = { ...raw, link: safeLink(raw.link, res.url) };
    const key = itemKey(item);
    if (!key) {
      counts.rejected++;
      counts.rejects.push('an item with no guid, link or title');
      continue;
    }
    if (items.seen(src.id, key)) {
      if (updateSeenItem(ctx, src, item, key, outlet)) counts.updated++;
      else counts.unchanged++;
      continue;
    }
    const date = item.published ?? item.updated;
    // The first poll's items, and items dated before the source was added, are back catalogue.
    const backfill = src.first_poll_done === 0 || (date != null && Date.parse(date) < createdAt);
    const urlNorm = normalizeUrl(item.link);
    const base = { source_id: src.id, guid: key, url_normalized: urlNorm };
    const known = items.findByIdentity(item.guid, urlNorm);
    if (known) {
      items.record({ ...base, content_hash: null, article_id: known.article_id, backfill: known.backfill, status: 'duplicate', reason: `same ${known.matched}` }, ctx.now());
      counts.duplicates++;
      continue;
    }
    let article: NormalizedArticle;
    try {
      article = await buildArticle(ctx, item, outlet, pageBudget);
    } catch (err) {
      if (err === DEFERRED || isTransient(err)) {
        if (err !== DEFERRED) ctx.log.warn(`source ${src.name}: item ${key} deferred: ${(err as Error).message}`);
        counts.deferred++;
        continue;
      }
      const reason = err instanceof IngestError || err instanceof FetchError ? err.message : `could not build the article: ${(err as Error).message}`;
      items.record({ ...base, content_hash: null, article_id: null, backfill, status: 'rejected', reason }, ctx.now());
      counts.rejected++;
      counts.rejects.push(reason);
      continue;
    }
    const hash = articleContentHash(article);
    const sameBody = items.findByContent(hash);
    if (sameBody) {
      items.record({ ...base, content_hash: hash, article_id: sameBody.article_id, backfill: sameBody.backfill, status: 'duplicate', reason: 'same content' }, ctx.now());
      counts.duplicates++;
      continue;
    }
    try {
      ctx.db.transaction(() => {
        const stored = ctx.sinks.storeArticle(ctx.db, article, { source_file: itemName(src, key), url: item.link ?? article.url, guid: item.guid });
        items.record({ ...base, content_hash: hash, article_id: stored.id, backfill, status: stored.status === 'unchanged' ? 'duplicate' : 'stored' }, ctx.now());
        if (stored.status === 'unchanged') counts.duplicates++;
        else counts.stored++;
      })();
    } catch (err) {
      // One item the store cannot take must not cost the feed its other items.
      const reason = `could not store: ${(err as Error).message.split('\n')[0]}`;
      ctx.log.error(`source ${src.name}: item ${key}: ${reason}`);
      items.record({ ...base, content_hash: hash, article_id: null, backfill, status: 'rejected', reason }, ctx.now());
      counts.rejected++;
      counts.rejects.push(reason);
    }
  }
  return { counts, notModified: false, etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null, maxAgeSeconds, outlet, movedTo };
}

/** The name an item is stored under (the store's source_file), so a corrected item updates its article in place. */
function itemName(src: SourceRow, key: string): string {
  return `${src.location}#${key}`;
}

/**
 * A full-text item seen before is rebuilt (no fetch) and, when its text changed, stored again
 * under the same name so the article is corrected in place. Summary-only items are not re-fetched.
 */
function updateSeenItem(ctx: PollContext, src: SourceRow, item: FeedItem, key: string, outlet: string | null): boolean {
  if (!hasFullContent(item)) return false;
  const items = createItemStore(ctx.db);
  const last = items.lastStored(src.id, key);
  if (!last || !last.content_hash) return false;
  const article = itemToArticle(item, outlet);
  const hash = articleContentHash(article);
  if (hash === last.content_hash) return false;
  try {
    return ctx.db.transaction(() => {
      const stored = ctx.sinks.storeArticle(ctx.db, article, { source_file: itemName(src, key), url: item.link, guid: item.guid });
      items.record({ source_id: src.id, guid: key, url_normalized: normalizeUrl(item.link), content_hash: hash, article_id: stored.id, backfill: last.backfill, status: 'stored', reason: stored.status }, ctx.now());
      return stored.status === 'updated';
    })();
  } catch (err) {
    ctx.log.error(`source ${src.name}: item ${key}: could not update: ${(err as Error).message.split('\n')[0]}`);
    return false;
  }
}

const DEFERRED = Symbol('deferred: page budget for this poll used up');

async function buildArticle(ctx: PollContext, item: FeedItem, outlet: string | null, budget: { left: number; stopped: boolean; fetched: number }): Promise<NormalizedArticle> {
  if (hasFullContent(item) || !item.link) {
    if (!item.contentHtml && !item.summaryHtml && !item.title) throw new IngestError(item.guid ?? 'item', 'item has neither content nor a link to its page');
    if (!item.contentHtml && !item.summaryHtml) throw new IngestError(item.guid ?? item.title ?? 'item', 'item has no text and no link to its page');
    return itemToArticle(item, outlet);
  }
  if (budget.stopped || budget.left <= 0) throw DEFERRED;
  const refusal = await ctx.robots?.refusal(item.link);
  if (refusal) {
    // The site does not want its pages fetched: the feed's own summary is what it offers.
    if (item.summaryHtml || item.contentHtml) return itemToArticle(item, outlet);
    throw new IngestError(item.link, refusal);
  }
  budget.left--;
  if (budget.fetched++ > 0 && (ctx.pageDelayMs ?? 500) > 0) await sleep(ctx.pageDelayMs ?? 500);
  try {
    const page = await ctx.fetcher.get(item.link, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' });
    const html = decodeBody(page.body, page.headers['content-type']);
    return withFeedMetadata(ctx.sinks.parseHtml(html, item.link, page.url), item, outlet, page.url);
  } catch (err) {
    // A site that rate-limits us gets no more page requests this poll.
    if (err instanceof FetchError && (err.status === 429 || err.status === 503)) budget.stopped = true;
    throw err;
  }
}
