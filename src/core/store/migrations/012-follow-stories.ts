import type { Migration } from './index.ts';

/**
 * Following a story as it develops (issue 16):
 * - `article_revisions`: a stored article that arrived again (same file, URL or GUID) with another
 *   headline or body keeps what changed: old/new headline, paragraphs added/removed, a sample of
 *   the new text, and when.
 * - `follows`: what a chat follows (an entity, a topic, or one story by number), with the resolved
 *   topic query, so alerts match the way /subscribe topics do.
 * - alerts go through the digest ledger: each following chat has one `subscriptions` row of
 *   kind 'alerts' (never due by time; the alert pass claims its batches), and
 *   `subscription_stories.event_count` remembers how many dated events a story had when alerted.
 * - `chat_settings` is rebuilt to accept zh-CN and to hold quiet hours (minutes after local midnight)
 *   and the alert batch interval.
 * - `story_threads`: the Discord thread or Telegram message that carries each (chat, story), so
 *   later updates of the story land there, across restarts.
 */
export const followStoriesSchema: Migration = {
  name: '012-follow-stories',
  up(db) {
    db.exec(`
      CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        old_title TEXT NOT NULL,
        new_title TEXT NOT NULL,
        body_changed INTEGER NOT NULL,
        paragraphs_added INTEGER NOT NULL DEFAULT 0,
        paragraphs_removed INTEGER NOT NULL DEFAULT 0,
        added_sample TEXT,
        source TEXT
      );
      CREATE INDEX article_revisions_article ON article_revisions(article_id);
      CREATE INDEX article_revisions_at ON article_revisions(at);

      CREATE TABLE follows (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('entity', 'topic', 'story')),
        target TEXT NOT NULL,
        label TEXT NOT NULL,
        topic_query TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (platform, chat_id, kind, target)
      );
      CREATE INDEX follows_chat ON follows(platform, chat_id);

      ALTER TABLE subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'digest';
      ALTER TABLE subscription_stories ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE chat_settings_new (
        platform   TEXT NOT NULL CHECK (platform IN ('discord', 'telegram', 'terminal')),
        chat_id    TEXT NOT NULL,
        lang       TEXT CHECK (lang IS NULL OR lang IN ('zh-TW', 'zh-CN', 'en')),
        timezone   TEXT,
        updated_at TEXT NOT NULL,
        quiet_start INTEGER,
        quiet_end INTEGER,
        alert_every_min INTEGER,
        PRIMARY KEY (platform, chat_id)
      ) WITHOUT ROWID;
      INSERT INTO chat_settings_new (platform, chat_id, lang, timezone, updated_at)
        SELECT platform, chat_id, lang, timezone, updated_at FROM chat_settings;
      DROP TABLE chat_settings;
      ALTER TABLE chat_settings_new RENAME TO chat_settings;

      CREATE TABLE story_threads (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        story_id INTEGER NOT NULL,
        thread_id TEXT,
        message_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id, story_id)
      ) WITHOUT ROWID;
    `);
  },
};
