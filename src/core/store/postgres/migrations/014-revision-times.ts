import type { PostgresMigration } from './index.ts';

/** 014-revision-times on PostgreSQL. */
export const revisionTimesSchema: PostgresMigration = {
  name: '014-revision-times',
  sql: `
    ALTER TABLE articles ADD COLUMN modified_utc TEXT;
    ALTER TABLE article_revisions ADD COLUMN content_at TEXT;
    CREATE TABLE article_superseded (
      article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      content_hash TEXT NOT NULL,
      PRIMARY KEY (article_id, content_hash)
    );
  `,
};
