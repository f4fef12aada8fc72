/**
 * One new feed item → what to store: its own article when it carries the full text, else its
 * page fetched (robots.txt obeyed) and extracted on the parse thread. When the page cannot be
 * had, the item is stored from the feed's own title and summary; for a passing reason (network,
 * 5xx, 429, timeout, robots.txt unreadable) it is marked to be upgraded when the page arrives
 * on a later poll. Without a title or summary to fall back on, a passing failure defers the
 * item (not recorded, so it is tried again) and only a permanent one rejects it.
 */
import { IngestError, type NormalizedArticle } from '../../core/article.ts';
import { FetchError } from '../fetch/fetch-error.ts';
import type { FeedItem } from '../feed/feed-types.ts';
import type { PollContext } from './poll-context.ts';

export type Built =
  | { kind: 'article'; article: NormalizedArticle; fromPage: boolean; fallback: { reason: string; pending: boolean } | null }
  | { kind: 'deferred'; why: string }
  | { kind: 'rejected'; reason: string };

/** What one poll shares between its items: the page budget, and the signal that ends it (deadline or stop). */
export interface PollBudget {
  pagesLeft: number;
  /** Set after a 429/503 from the site: no more page requests this poll. */
  siteBusy: boolean;
  signal: AbortSignal;
}

/** The reason a stored fallback is waiting for its page starts with this; poll-feed looks for it. */
export const PENDING_PREFIX = 'from the feed summary; page pending: ';
const FINAL_PREFIX = 'from the feed summary: ';

/** True when a fetch failure may go away by itself: network, timeout, 5xx, 429, 408. */
export function isPassingFetchError(err: unknown): boolean {
  return err instanceof FetchError && !err.permanent && (err.status == null || err.status >= 500 || err.status === 429 || err.status === 408);
}

const oneLine = (err: unknown) => (err instanceof IngestError || err instanceof FetchError ? err.message : ((err as Error)?.message ?? String(err))).split('\n')[0];

/** The item's own article (from its content, summary or at least its title), built on the parse thread; null when it has no text at all. */
export async function ownArticle(ctx: PollContext, item: FeedItem, outlet: string | null): Promise<{ article: NormalizedArticle | null; full: boolean }> {
  try {
    return await ctx.sinks.parse.run({ kind: 'item', item, outlet });
  } catch {
    // Item text past the parse limits: the page (or nothing) will have to do.
    return { article: null, full: false };
  }
}

/**
 * Fetches and extracts the item's page; resolves to the article, or to why not and whether that
 * reason is passing. `signal` aborted (deadline, stop) is always passing.
 */
export async function fetchItemPage(ctx: PollContext, item: FeedItem & { link: string }, outlet: string | null, budget: PollBudget): Promise<{ article: NormalizedArticle } | { why: string; passing: boolean }> {
  if (budget.signal.aborted) return { why: 'poll ended before the page was fetched', passing: true };
  if (budget.siteBusy || budget.pagesLeft <= 0) return { why: 'page budget for this poll used up', passing: true };
  const refusal = await (ctx.robots?.check(item.link) ?? null);
  if (refusal) return { why: refusal.reason, passing: refusal.passing };
  budget.pagesLeft--;
  try {
    const page = await ctx.fetcher.get(item.link, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', signal: budget.signal });
    const article = await ctx.sinks.parse.run({ kind: 'page', bytes: page.body, contentType: page.headers['content-type'] ?? null, name: item.link, url: page.url, item, outlet });
    return { article };
  } catch (err) {
    // A site that rate-limits us gets no more page requests this poll.
    if (err instanceof FetchError && (err.status === 429 || err.status === 503)) budget.siteBusy = true;
    return { why: oneLine(err), passing: budget.signal.aborted || isPassingFetchError(err) };
  }
}

/** Builds a new item; never throws. */
export async function buildItem(ctx: PollContext, item: FeedItem, outlet: string | null, budget: PollBudget): Promise<Built> {
  const own = await ownArticle(ctx, item, outlet);
  if (own.full || !item.link) {
    if (!own.article || (!item.contentHtml && !item.summaryHtml)) return { kind: 'rejected', reason: `${item.guid ?? item.title ?? 'item'}: item has no text and no link to its page` };
    return { kind: 'article', article: own.article, fromPage: false, fallback: null };
  }
  const page = await fetchItemPage(ctx, { ...item, link: item.link }, outlet, budget);
  if ('article' in page) return { kind: 'article', article: page.article, fromPage: true, fallback: null };
  // Budget used up or the poll ended: nothing went wrong with this item; it waits its turn.
  if (page.passing && /budget|poll ended|stopped before/.test(page.why)) return { kind: 'deferred', why: page.why };
  const usable = own.article && (item.title || item.summaryHtml || item.contentHtml);
  if (usable) return { kind: 'article', article: own.article!, fromPage: false, fallback: { reason: (page.passing ? PENDING_PREFIX : FINAL_PREFIX) + page.why, pending: page.passing } };
  if (page.passing) return { kind: 'deferred', why: page.why };
  return { kind: 'rejected', reason: page.why };
}
