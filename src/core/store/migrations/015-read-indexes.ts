import type { Migration } from './index.ts';

/**
 * Indexes for PostgreSQL's read paths (src/core/store/postgres/migrations/015-read-indexes.ts).
 * Nothing changes on SQLite: its plans for the same queries are already index-backed. The step
 * exists so both lists keep the same names and version numbers (db copy relies on it).
 */
export const readIndexesSchema: Migration = {
  name: '015-read-indexes',
  up() {},
};
