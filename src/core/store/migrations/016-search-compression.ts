import type { Migration } from './index.ts';

/**
 * lz4 for PostgreSQL's search rows (src/core/store/postgres/migrations/016-search-compression.ts).
 * Nothing changes on SQLite (FTS5 keeps its own format); the step keeps both lists' names and
 * version numbers the same (db copy relies on it).
 */
export const searchCompressionSchema: Migration = {
  name: '016-search-compression',
  up() {},
};
