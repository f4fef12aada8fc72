/**
 * What a URL given to `sources add` is: a feed, an HTML page announcing a feed (autodiscovery:
 * <link rel="alternate" type="application/rss+xml">, also Atom and JSON Feed), or an article page.
 */
import * as cheerio from 'cheerio';
import type { Fetcher } from './fetch/create-fetcher.ts';
import { decodeBody } from './fetch/decode-body.ts';
import { parseAnyFeed } from './feed/parse-any-feed.ts';
import { hasFeedRoot, trimFeedStart } from './feed/parse-feed.ts';
import type { SourceKind } from '../core/store/source-store.ts';

export interface DetectedKind {
  kind: SourceKind;
  location: string;
  /** Feed title or page title, when known. */
  title: string | null;
  note: string | null;
}

const FEED_TYPES = /application\/(rss|atom|rdf)\+xml|application\/feed\+json/i;

/** Fetches `url` once and classifies it; throws FetchError when it cannot be fetched. */
export async function detectKind(fetcher: Fetcher, url: string): Promise<DetectedKind> {
  const res = await fetcher.get(url, { accept: 'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5' });
  const text = decodeBody(res.body, res.headers['content-type']);
  if (hasFeedRoot(text) || /^\{/.test(trimFeedStart(text)) || /^<\?xml\b/i.test(trimFeedStart(text))) {
    const feed = parseAnyFeed(text, res.url);
    return { kind: 'feed', location: url, title: feed.title, note: `${feed.format.toUpperCase()} feed with ${feed.items.length} items` };
  }
  const $ = cheerio.load(text);
  const alt = $('link[rel~="alternate"]')
    .filter((_, el) => FEED_TYPES.test($(el).attr('type') ?? ''))
    .first()
    .attr('href');
  if (alt) {
    const feedUrl = new URL(alt, res.url).href;
    return { kind: 'feed', location: feedUrl, title: $('title').first().text().trim() || null, note: `page announces its feed ${feedUrl}; following that` };
  }
  return { kind: 'page', location: url, title: $('title').first().text().trim() || null, note: 'an HTML page without a feed: polled as a single article page' };
}
