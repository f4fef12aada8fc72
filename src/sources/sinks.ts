/**
 * Where polled material goes: the parse thread (feeds, item articles, pages, folder files are
 * all untrusted and parsed off the main thread, bounded in time and memory) and the article
 * store/loader owned by the core. Gathered behind one small interface so the pollers name what
 * they need in one place.
 */
import type { Stores } from '../core/store/stores.ts';
import type { NormalizedArticle } from '../core/article.ts';
import { storeArticle, type StoreResult } from '../core/loader/store-article.ts';
import { checkBytes, storeParsed, type IngestOutcome } from '../core/loader/ingest-bytes.ts';
import { createParsePool, sharedParsePool, type ParsePool, type ParsePoolOptions } from './parse/parse-pool.ts';

export interface Sinks {
  /** Stores a normalized article idempotently (same content/URL/GUID → 'unchanged' with the existing id). */
  storeArticle(stores: Stores, article: NormalizedArticle, meta: { source_file: string | null; url?: string | null; guid?: string | null; modified_at?: string | null }): Promise<StoreResult>;
  /** Parses (on the parse thread) and stores a document file's bytes; never rejects for bad input; throws on a store failure such as a busy database. */
  ingestBytes(stores: Stores, input: { bytes: Buffer; name: string; url?: string }): Promise<IngestOutcome>;
  /** The parse thread for feeds, items and pages. */
  parse: ParsePool;
  /** Ends the parse thread when it is this sinks' own (the shared one lives with the process). */
  close(): Promise<void>;
}

/** The real parsers and store, with `now` as the store's clock; `parse` options give these sinks their own parse thread. */
export function defaultSinks(now: () => Date = () => new Date(), parse?: ParsePoolOptions): Sinks {
  const pool = parse ? createParsePool(parse) : sharedParsePool();
  return {
    storeArticle: (stores, article, meta) => storeArticle(stores, article, { ...meta, now: now() }),
    async ingestBytes(stores, input) {
      const checked = await checkBytes(stores, input, now);
      if (checked.status !== 'new') return checked.outcome;
      let parsed;
      try {
        parsed = await pool.run({ kind: 'file', bytes: input.bytes, name: input.name });
      } catch (err) {
        parsed = { ok: false as const, reason: (err as Error).message };
      }
      return storeParsed(stores, input, checked.fileHash, parsed, now);
    },
    parse: pool,
    close: async () => {
      if (parse) await pool.close();
    },
  };
}
