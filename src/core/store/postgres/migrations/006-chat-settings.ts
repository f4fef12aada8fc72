import type { PostgresMigration } from './index.ts';

/** 006-chat-settings on PostgreSQL. The lang check is named so 012 can replace it. */
export const chatSettingsSchema: PostgresMigration = {
  name: '006-chat-settings',
  sql: `
    CREATE TABLE chat_settings (
      platform   TEXT NOT NULL CHECK (platform IN ('discord', 'telegram', 'terminal')),
      chat_id    TEXT NOT NULL,
      lang       TEXT CONSTRAINT chat_settings_lang_check CHECK (lang IS NULL OR lang IN ('zh-TW', 'en')),
      timezone   TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (platform, chat_id)
    );
  `,
};
