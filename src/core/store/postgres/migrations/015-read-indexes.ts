import type { PostgresMigration } from './index.ts';

/**
 * 015-read-indexes on PostgreSQL: /latest orders stories by `last_published DESC NULLS LAST, id
 * DESC`, which the ascending stories_last_published index cannot give (read backwards it puts
 * NULLs first), so every /latest sorted the whole stories table.
 */
export const readIndexesSchema: PostgresMigration = {
  name: '015-read-indexes',
  sql: `
    CREATE INDEX stories_latest ON stories (last_published DESC NULLS LAST, id DESC);
  `,
};
