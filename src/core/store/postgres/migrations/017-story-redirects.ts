import type { PostgresMigration } from './index.ts';

/** 017-story-redirects on PostgreSQL (see src/core/store/migrations/017-story-redirects.ts). */
export const storyRedirectsSchema: PostgresMigration = {
  name: '017-story-redirects',
  sql: `CREATE TABLE story_redirects (from_id BIGINT PRIMARY KEY, to_id BIGINT NOT NULL, merged_at TEXT NOT NULL);`,
};
