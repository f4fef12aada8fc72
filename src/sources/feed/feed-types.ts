/** What every feed format (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) is mapped to before items become articles. */
export interface FeedItem {
  /** The feed's own identifier (RSS guid, Atom id), null when the feed gives none. */
  guid: string | null;
  link: string | null;
  title: string | null;
  /** ISO 8601 with the feed's offset, or null. */
  published: string | null;
  updated: string | null;
  /** Full HTML content (content:encoded, Atom content), or null. */
  contentHtml: string | null;
  /** Short description/summary HTML, or null. */
  summaryHtml: string | null;
  authors: string[];
  categories: string[];
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

/** A document that is not a usable feed; `reason` is one line. */
export class FeedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FeedError';
  }
}
