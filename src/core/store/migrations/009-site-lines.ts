import type { Migration } from './index.ts';

/**
 * Short paragraphs and title suffixes of stored articles, per site (host, else feed or folder):
 * a line that recurs across many articles of one site is that site's furniture (see
 * src/core/clean/site-furniture.ts). Rows go with their article.
 */
export const siteLinesSchema: Migration = {
  name: '009-site-lines',
  up(db) {
    db.exec(`
      CREATE TABLE site_lines (
        site TEXT NOT NULL,
        line TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (site, line, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX site_lines_article ON site_lines (article_id);
    `);
  },
};
