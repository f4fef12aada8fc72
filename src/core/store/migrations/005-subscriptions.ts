import type { Migration } from './index.ts';

/**
 * Subscriptions, the delivery ledger and the per-subscription record of sent stories.
 * Times are ISO 8601 UTC strings (toISOString), so they sort and compare as text.
 * `deliveries` has one row per (subscription, due time): the UNIQUE constraint is what makes a
 * digest go out at most once, whichever process claims it first. Subscription ids are never reused
 * (AUTOINCREMENT), so `/unsubscribe 3` can never hit a newer subscription that took a freed number.
 */
export const subscriptionsSchema: Migration = {
  name: '005-subscriptions',
  up(db) {
    db.exec(`
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        thread_id TEXT,
        lang TEXT NOT NULL DEFAULT 'zh-TW',
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        tz TEXT NOT NULL DEFAULT 'Asia/Taipei',
        topic TEXT,
        topic_query TEXT,
        max_stories INTEGER,
        created_by TEXT,
        created_at TEXT NOT NULL,
        paused_reason TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_digest_due_at TEXT,
        next_due_at TEXT NOT NULL
      );
      CREATE INDEX subscriptions_next_due ON subscriptions (next_due_at) WHERE paused_reason IS NULL;
      CREATE INDEX subscriptions_chat ON subscriptions (platform, chat_id);

      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        due_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped_empty')),
        claimed_by TEXT,
        claimed_at TEXT,
        send_started_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        message_ids TEXT NOT NULL DEFAULT '[]',
        story_ids TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        sent_at TEXT,
        UNIQUE (subscription_id, due_at)
      );
      CREATE INDEX deliveries_claimed ON deliveries (claimed_at) WHERE status = 'claimed';

      CREATE TABLE subscription_stories (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        last_updated TEXT,
        sent_due_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, story_id)
      ) WITHOUT ROWID;
    `);
  },
};
