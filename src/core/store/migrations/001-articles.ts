import type { Migration } from './index.ts';

/**
 * Articles with their paragraphs, the files they came from, rejected inputs, and the search index.
 * `articles_fts` (FTS5, trigram) holds a search form of title and body (NFKC, case and diacritics
 * folded, Han characters folded to one script, space-padded) written by the store, not by triggers; queries
 * under three characters expand through `articles_fts_vocab` (see src/core/search/).
 * `published_utc` is published_at as a UTC instant (date-only values at 00:00Z) so ordering is
 * right across offsets. The file table is `ingested_files` because migration 004 owns `source_files` (live sources).
 */
export const articlesSchema: Migration = {
  name: '001-articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_file TEXT,
        title TEXT NOT NULL,
        url TEXT,
        url_normalized TEXT,
        guid TEXT,
        outlet TEXT,
        agency TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        translators TEXT NOT NULL DEFAULT '[]',
        published_at TEXT,
        published_precision TEXT CHECK (published_precision IN ('datetime', 'date')),
        published_utc TEXT,
        dateline TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        related TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        identity_key TEXT,
        shape TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_url_normalized ON articles(url_normalized);
      CREATE INDEX articles_guid ON articles(guid);
      CREATE INDEX articles_identity_key ON articles(identity_key);
      CREATE INDEX articles_published_utc ON articles(published_utc);

      CREATE TABLE paragraphs (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
      ) WITHOUT ROWID;

      CREATE TABLE ingested_files (
        path TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX ingested_files_hash ON ingested_files(content_hash);
      CREATE INDEX ingested_files_article ON ingested_files(article_id);

      CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'trigram remove_diacritics 1');
      CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
    `);
  },
};
