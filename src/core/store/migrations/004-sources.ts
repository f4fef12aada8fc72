import type { Migration } from './index.ts';

/**
 * Live sources (watched folders, feeds, pages), their polling state, and every item seen from
 * them. `source_items` is what cross-source dedupe reads (GUID, normalized URL, content hash) and
 * what digests read to skip the back catalogue: `backfill = 1` marks articles first stored by a
 * source's first poll, which must not be announced as news.
 */
export const sourcesSchema: Migration = {
  name: '004-sources',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('folder', 'feed', 'page')),
        location TEXT NOT NULL UNIQUE,
        every_minutes INTEGER NOT NULL CHECK (every_minutes >= 1),
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT,
        backoff_until TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        paused_reason TEXT,
        last_error TEXT,
        last_polled_at TEXT,
        last_success_at TEXT,
        created_at TEXT NOT NULL,
        first_poll_done INTEGER NOT NULL DEFAULT 0,
        outlet TEXT
      );
      CREATE INDEX sources_next_poll ON sources(next_poll_at);

      CREATE TABLE source_items (
        id INTEGER PRIMARY KEY,
        -- Kept (source_id NULL) when a source is removed: dedupe and backfill marks outlive it.
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        guid TEXT,
        url_normalized TEXT,
        content_hash TEXT,
        article_id INTEGER,
        backfill INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'stored' CHECK (status IN ('stored', 'duplicate', 'rejected')),
        reason TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX source_items_source_guid ON source_items(source_id, guid);
      CREATE INDEX source_items_guid ON source_items(guid);
      CREATE INDEX source_items_url ON source_items(url_normalized);
      CREATE INDEX source_items_hash ON source_items(content_hash);
      CREATE INDEX source_items_article ON source_items(article_id);

      CREATE TABLE source_files (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        article_id INTEGER,
        status TEXT NOT NULL,
        reason TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (source_id, path)
      );
    `);
  },
};
