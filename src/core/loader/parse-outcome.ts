/** Parsing one document as a value, not an exception: what the parse worker sends back and the loader stores or rejects. */
import { IngestError, type NormalizedArticle } from '../article.ts';
import { parseDocument } from '../ingest/parse-document.ts';
import { deriveArticle, type ArticleDerivation } from '../knowledge/derive-article.ts';

/** A parsed article (with its text-only derivations when asked for: see deriveArticle), or why it could not be parsed. */
export type ParseOutcome = { ok: true; article: NormalizedArticle; derived?: ArticleDerivation } | { ok: false; reason: string };

/** A document to parse, as sent to the parse worker; `key` orders the jobs of a process. */
export interface ParseJob {
  key: number;
  name: string;
  bytes: Uint8Array;
}

export type ParseResult = ParseOutcome & { key: number };

/** parseDocument, with any failure turned into a one-line reject reason; `derive` adds deriveArticle() of the result. */
export function parseOutcome(bytes: Buffer, name: string, derive = false): ParseOutcome {
  try {
    const article = parseDocument(bytes, name);
    return derive ? { ok: true, article, derived: deriveArticle(article) } : { ok: true, article };
  } catch (err) {
    return { ok: false, reason: err instanceof IngestError ? err.reason : `could not parse: ${(err as Error)?.message ?? String(err)}` };
  }
}
