import type { Migration } from './index.ts';

/**
 * Revisions ordered by the content's own time: `articles.modified_utc` is the stored version's
 * modification time when its source said (a feed item's `updated`), and `article_revisions.content_at`
 * the time of the version a revision brought in (modified, else published), and `article_superseded`
 * the content hashes an article has had before, so an older copy arriving late (by its own time, or
 * a version already replaced) is never taken for the newest headline.
 */
export const revisionTimesSchema: Migration = {
  name: '014-revision-times',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN modified_utc TEXT;
      ALTER TABLE article_revisions ADD COLUMN content_at TEXT;
      CREATE TABLE article_superseded (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (article_id, content_hash)
      ) WITHOUT ROWID;
    `);
  },
};
