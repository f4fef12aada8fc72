import type { Migration } from './index.ts';

/**
 * Per-chat settings shared by every adapter: the reply language override (NULL = follow each
 * user's client language) and an optional time zone a digest scheduler may use.
 */
export const chatSettingsSchema: Migration = {
  name: '006-chat-settings',
  up(db) {
    db.exec(`
      CREATE TABLE chat_settings (
        platform   TEXT NOT NULL CHECK (platform IN ('discord', 'telegram', 'terminal')),
        chat_id    TEXT NOT NULL,
        lang       TEXT CHECK (lang IS NULL OR lang IN ('zh-TW', 'en')),
        timezone   TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id)
      ) WITHOUT ROWID;
    `);
  },
};
