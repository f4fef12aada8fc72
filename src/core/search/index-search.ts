/**
 * TRANSITIONAL: the search index is written through `stores.search` (writeRows, deleteRow,
 * compact). These names remain only for DeferredIndexing and ingestPaths, which still run inside
 * synchronous SQLite transactions until the ingest area is converted.
 */
export {
  writeIndexedRowLegacy as writeIndexedRow,
  deleteSearchRowLegacy as deleteSearchRow,
  compactSearchIndexLegacy as compactSearchIndex,
} from '../store/search/legacy-sqlite.ts';
