/**
 * The chat_settings table behind a small interface: per-chat language override (and time zone),
 * keyed by platform and chat id, so every adapter reads the same setting.
 */
import type { Database } from 'better-sqlite3';
import type { Platform, ReplyLang } from '../contract/types.ts';

export interface ChatSettings {
  platform: Platform;
  chatId: string;
  /** null: follow each user's client language. */
  lang: ReplyLang | null;
  timezone: string | null;
  updatedAt: string;
  /** Quiet hours for alerts, minutes after local midnight (null: none); may wrap past midnight. */
  quietStart: number | null;
  quietEnd: number | null;
}

export interface ChatSettingsStore {
  get(platform: Platform, chatId: string): ChatSettings | null;
  /** Sets (or with null clears) the chat's language override. */
  setLang(platform: Platform, chatId: string, lang: ReplyLang | null): void;
  setTimezone(platform: Platform, chatId: string, timezone: string | null): void;
  /** Sets (or with nulls clears) the chat's quiet hours for alerts. */
  setQuiet(platform: Platform, chatId: string, start: number | null, end: number | null): void;
  /** Moves a chat's settings to a new id (Telegram group upgraded to a supergroup). */
  moveChat(platform: Platform, fromChatId: string, toChatId: string): void;
}

interface Row {
  platform: Platform;
  chat_id: string;
  lang: ReplyLang | null;
  timezone: string | null;
  updated_at: string;
  quiet_start: number | null;
  quiet_end: number | null;
}

/** Creates the store over `db`; `now` stamps updated_at (injected for tests). */
export function createChatSettingsStore(db: Database, now: () => Date = () => new Date()): ChatSettingsStore {
  const select = db.prepare<[string, string], Row>('SELECT * FROM chat_settings WHERE platform = ? AND chat_id = ?');
  const upsertLang = db.prepare(
    `INSERT INTO chat_settings (platform, chat_id, lang, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
  );
  const upsertTz = db.prepare(
    `INSERT INTO chat_settings (platform, chat_id, timezone, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, chat_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at`,
  );
  const upsertQuiet = db.prepare(
    `INSERT INTO chat_settings (platform, chat_id, quiet_start, quiet_end, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, chat_id) DO UPDATE SET quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = excluded.updated_at`,
  );
  const move = db.prepare(
    `INSERT OR REPLACE INTO chat_settings (platform, chat_id, lang, timezone, updated_at, quiet_start, quiet_end, alert_every_min)
     SELECT platform, ?, lang, timezone, ?, quiet_start, quiet_end, alert_every_min FROM chat_settings WHERE platform = ? AND chat_id = ?`,
  );
  const remove = db.prepare('DELETE FROM chat_settings WHERE platform = ? AND chat_id = ?');
  return {
    get(platform, chatId) {
      const r = select.get(platform, chatId);
      return r
        ? { platform: r.platform, chatId: r.chat_id, lang: r.lang, timezone: r.timezone, updatedAt: r.updated_at, quietStart: r.quiet_start, quietEnd: r.quiet_end }
        : null;
    },
    setLang(platform, chatId, lang) {
      upsertLang.run(platform, chatId, lang, now().toISOString());
    },
    setTimezone(platform, chatId, timezone) {
      upsertTz.run(platform, chatId, timezone, now().toISOString());
    },
    setQuiet(platform, chatId, start, end) {
      upsertQuiet.run(platform, chatId, start, end, now().toISOString());
    },
    moveChat(platform, fromChatId, toChatId) {
      db.transaction(() => {
        move.run(toChatId, now().toISOString(), platform, fromChatId);
        remove.run(platform, fromChatId);
      })();
    },
  };
}
