import type { Migration } from './index.ts';

/**
 * Stories (articles grouped by event, each near-duplicate reprint in the story of its original),
 * the MinHash signatures and LSH band index that make assignment incremental (a new article
 * looks up candidates by band key, never scans), and the dated events /timeline lists.
 * `story_lsh.key` packs kind (0 body, 1 topic, 2 headline), band and band hash into one integer; `day` is
 * the publication day number (-1 when unknown). A re-stored article's band rows are found
 * again from its stored signature, so story_lsh needs no index on article_id. Story times: first_seen and
 * last_updated use each member's publication time, or its ingest time when undated;
 * last_published only dated members (null when none), which is what /latest sorts by.
 */
export const storiesEventsSchema: Migration = {
  name: '003-stories-events',
  up(db) {
    db.exec(`
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        title_article_id INTEGER,
        first_seen TEXT,
        last_updated TEXT,
        last_published TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        outlet_count INTEGER NOT NULL DEFAULT 0,
        outlets TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX stories_last_updated ON stories(last_updated);
      CREATE INDEX stories_last_published ON stories(last_published);

      CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        duplicate_of INTEGER,
        similarity REAL,
        outlet TEXT,
        published_at TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX story_articles_story ON story_articles(story_id, published_at);

      CREATE TABLE story_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        day INTEGER,
        body_sig BLOB NOT NULL,
        topic_sig BLOB NOT NULL,
        title_key INTEGER
      );

      CREATE TABLE story_lsh (
        key INTEGER NOT NULL,
        day INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (key, day, article_id)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        date TEXT,
        day INTEGER,
        text TEXT NOT NULL,
        paragraph INTEGER NOT NULL
      );
      CREATE INDEX events_article ON events(article_id);
      CREATE INDEX events_date ON events(date);
    `);
  },
};
