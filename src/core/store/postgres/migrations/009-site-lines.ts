import type { PostgresMigration } from './index.ts';

/** 009-site-lines on PostgreSQL. */
export const siteLinesSchema: PostgresMigration = {
  name: '009-site-lines',
  sql: `
    CREATE TABLE site_lines (
      site TEXT NOT NULL,
      line TEXT NOT NULL,
      article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      PRIMARY KEY (site, line, article_id)
    );
    CREATE INDEX site_lines_article ON site_lines (article_id);
  `,
};
