/**
 * The article store: articles, paragraphs, revisions, source files, rejects and site lines, for
 * both backends (see sql.ts). It writes article rows only; indexing (entities, events, stories,
 * search) is the ingest pipeline's job (src/core/loader/store-article.ts).
 */
import type { NormalizedArticle } from '../article.ts';
import type { Sql } from './sql.ts';
import { ingestRecords } from './articles/ingest-records.ts';
import { putArticle, rewriteCleaned, type StoreMeta } from './articles/put-article.ts';
import { articleReads } from './articles/read-articles.ts';

export type { PutResult, StoreMeta, StoreResult, StoreStatus } from './articles/put-article.ts';
export type { ExportedArticle, RecentOptions } from './articles/read-articles.ts';

export function articleStore(sql: Sql) {
  return {
    /**
     * Writes `article` idempotently (see putArticle); `written` is set when its rows were
     * inserted or rewritten, and is then what the pipeline indexes.
     */
    put: (article: NormalizedArticle, meta: StoreMeta) => putArticle(sql, article, meta),
    /** Rewrites stored article `id` cleaned again (see rewriteCleaned); `written` is what the pipeline re-indexes. */
    rewriteCleaned: (id: number, article: NormalizedArticle) => rewriteCleaned(sql, id, article),
    ...articleReads(sql),
    ...ingestRecords(sql),
  };
}
