/**
 * The chat_settings table: per-chat language override, time zone and alert quiet hours, keyed by
 * platform and chat id, so every adapter reads the same setting. SQL for both backends (see sql.ts).
 */
import type { Sql } from './sql.ts';
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

interface Row {
  platform: Platform;
  chat_id: string;
  lang: ReplyLang | null;
  timezone: string | null;
  updated_at: string;
  quiet_start: number | null;
  quiet_end: number | null;
}

const num = (n: number | null) => (n === null ? null : Number(n));

/** Creates the store over `sql`; each write stamps updated_at with `now` (the caller's clock, default the system's). */
export function chatSettingsStore(sql: Sql) {
  return {
    async get(platform: Platform, chatId: string): Promise<ChatSettings | null> {
      const r = await sql.get<Row>('SELECT * FROM chat_settings WHERE platform = ? AND chat_id = ?', [platform, chatId]);
      return r
        ? { platform: r.platform, chatId: r.chat_id, lang: r.lang, timezone: r.timezone, updatedAt: r.updated_at, quietStart: num(r.quiet_start), quietEnd: num(r.quiet_end) }
        : null;
    },
    /** Sets (or with null clears) the chat's language override. */
    async setLang(platform: Platform, chatId: string, lang: ReplyLang | null, now = new Date()): Promise<void> {
      await sql.run(
        `INSERT INTO chat_settings (platform, chat_id, lang, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
        [platform, chatId, lang, now.toISOString()],
      );
    },
    async setTimezone(platform: Platform, chatId: string, timezone: string | null, now = new Date()): Promise<void> {
      await sql.run(
        `INSERT INTO chat_settings (platform, chat_id, timezone, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, chat_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at`,
        [platform, chatId, timezone, now.toISOString()],
      );
    },
    /** Sets (or with nulls clears) the chat's quiet hours for alerts. */
    async setQuiet(platform: Platform, chatId: string, start: number | null, end: number | null, now = new Date()): Promise<void> {
      await sql.run(
        `INSERT INTO chat_settings (platform, chat_id, quiet_start, quiet_end, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, chat_id) DO UPDATE SET quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = excluded.updated_at`,
        [platform, chatId, start, end, now.toISOString()],
      );
    },
    /** Moves a chat's settings to a new id (Telegram group upgraded to a supergroup); they replace any the new id had. */
    async moveChat(platform: Platform, fromChatId: string, toChatId: string, now = new Date()): Promise<void> {
      await sql.tx(async () => {
        await sql.run(
          `INSERT INTO chat_settings (platform, chat_id, lang, timezone, updated_at, quiet_start, quiet_end, alert_every_min)
           SELECT platform, ?, lang, timezone, ?, quiet_start, quiet_end, alert_every_min FROM chat_settings WHERE platform = ? AND chat_id = ?
           ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, timezone = excluded.timezone, updated_at = excluded.updated_at,
             quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, alert_every_min = excluded.alert_every_min`,
          [toChatId, now.toISOString(), platform, fromChatId],
        );
        await sql.run('DELETE FROM chat_settings WHERE platform = ? AND chat_id = ?', [platform, fromChatId]);
      });
    },
  };
}

export type ChatSettingsStore = ReturnType<typeof chatSettingsStore>;
