/** One entry point for every feed format: JSON Feed when the document is JSON, else RSS/RDF/Atom XML. */
import type { Feed } from './feed-types.ts';
import { parseFeed, trimFeedStart } from './parse-feed.ts';
import { parseJsonFeed } from './parse-json-feed.ts';

/** Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, whichever `text` is; throws FeedError otherwise. `docUrl` resolves relative links. */
export function parseAnyFeed(text: string, docUrl: string | null = null): Feed {
  return /^\{/.test(trimFeedStart(text)) ? parseJsonFeed(text) : parseFeed(text, docUrl);
}
