/**
 * Where polled material goes: the HTML extractor and the article store/loader owned by the core.
 * Gathered behind one small interface so the pollers name what they need in one place.
 */
import type { Db } from '../core/store/db.ts';
import type { NormalizedArticle } from '../core/article.ts';
import { storeArticle, type StoreResult } from '../core/store/articles.ts';
import { ingestBytes, type IngestOutcome } from '../core/loader/ingest-bytes.ts';
import { parseHtml } from '../core/ingest/parse-html.ts';

export interface Sinks {
  /** Stores a normalized article idempotently (same content/URL/GUID → 'unchanged' with the existing id). */
  storeArticle(db: Db, article: NormalizedArticle, meta: { source_file: string | null; url?: string | null; guid?: string | null }): StoreResult;
  /** Parses and stores a document file's bytes; never throws for bad input. */
  ingestBytes(db: Db, input: { bytes: Buffer; name: string; url?: string }): IngestOutcome;
  /** Extracts an article from an HTML page; throws IngestError with a one-line reason. */
  parseHtml(html: string, name: string, url?: string): NormalizedArticle;
}

/** The real parsers and store, with `now` as the store's clock. */
export function defaultSinks(now: () => Date = () => new Date()): Sinks {
  return {
    storeArticle: (db, article, meta) => storeArticle(db, article, { ...meta, now: now() }),
    ingestBytes: (db, input) => ingestBytes(db, input, now),
    parseHtml,
  };
}
