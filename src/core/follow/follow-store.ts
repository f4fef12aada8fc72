/**
 * What chats follow (the `follows` table) and the one 'alerts' row per following chat in
 * `subscriptions`, under which alert batches are claimed in the digest ledger (exactly once, like
 * digests). Raw SQL behind a small interface.
 */
import type { Db } from '../store/db.ts';
import type { Platform, ReplyLang } from '../contract/types.ts';
import type { Subscription, TopicQuery } from '../store/subscription-store.ts';
import { sqliteStores } from '../store/open-stores.ts';

export type FollowKind = 'entity' | 'topic' | 'story';

export interface Follow {
  id: number;
  platform: Platform;
  chat_id: string;
  kind: FollowKind;
  /** Entity id, folded topic text, or story id (as text). */
  target: string;
  /** What the user typed (shown back in /following and alerts). */
  label: string;
  topic_query: TopicQuery | null;
  created_by: string | null;
  created_at: string;
}

/** Alert rows are never due by time: the alert pass claims their batches itself. */
const NEVER = '9999-12-31T00:00:00.000Z';
/** Most follows one chat may hold. */
export const MAX_FOLLOWS_PER_CHAT = 50;

type Row = Omit<Follow, 'topic_query'> & { topic_query: string | null };
const fromRow = (r: Row): Follow => ({ ...r, topic_query: r.topic_query ? (JSON.parse(r.topic_query) as TopicQuery) : null });

/** Creates the store over `db`. */
export function createFollowStore(db: Db) {
  const insert = db.prepare(`INSERT INTO follows (platform, chat_id, kind, target, label, topic_query, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, chat_id, kind, target) DO NOTHING`);
  const byKey = db.prepare(`SELECT * FROM follows WHERE platform = ? AND chat_id = ? AND kind = ? AND target = ?`);
  const byChat = db.prepare(`SELECT * FROM follows WHERE platform = ? AND chat_id = ? ORDER BY id`);
  const del = db.prepare(`DELETE FROM follows WHERE id = ?`);
  const alertsRow = db.prepare(`SELECT id FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'alerts' ORDER BY id LIMIT 1`).pluck();
  const addAlerts = db.prepare(`INSERT INTO subscriptions (platform, chat_id, thread_id, lang, time, tz, created_by, created_at, next_due_at, kind)
    VALUES (?, ?, ?, ?, '00:00', 'UTC', ?, ?, '${NEVER}', 'alerts')`);
  const updateAlerts = db.prepare(`UPDATE subscriptions SET thread_id = ?, lang = ?, paused_reason = NULL, consecutive_failures = 0 WHERE id = ?`);
  const dropAlerts = db.prepare(`DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'alerts'`);
  const chatsWithAlerts = db.prepare(`SELECT * FROM subscriptions WHERE kind = 'alerts' AND paused_reason IS NULL AND platform IN (SELECT value FROM json_each(?)) ORDER BY id`);
  const subs = sqliteStores(db).subscriptions;

  return {
    /**
     * Adds a follow (or finds the same one) and makes sure the chat has its alerts row, pointed at
     * `threadId` (the forum topic or channel the follow came from) and answering in `lang`.
     */
    add(f: { platform: Platform; chatId: string; threadId: string | null; lang: ReplyLang; kind: FollowKind; target: string; label: string; topicQuery: TopicQuery | null; createdBy: string | null }, now: Date): { follow: Follow; created: boolean } {
      return db.transaction(() => {
        const res = insert.run(f.platform, f.chatId, f.kind, f.target, f.label, f.topicQuery ? JSON.stringify(f.topicQuery) : null, f.createdBy, now.toISOString());
        const alerts = alertsRow.get(f.platform, f.chatId) as number | undefined;
        if (alerts === undefined) addAlerts.run(f.platform, f.chatId, f.threadId, f.lang, f.createdBy, now.toISOString());
        else updateAlerts.run(f.threadId, f.lang, alerts);
        return { follow: fromRow(byKey.get(f.platform, f.chatId, f.kind, f.target) as Row), created: res.changes > 0 };
      })();
    },
    listByChat(platform: Platform, chatId: string): Follow[] {
      return (byChat.all(platform, chatId) as Row[]).map(fromRow);
    },
    /** Removes one follow; the chat's alerts row goes with its last follow. */
    remove(f: Follow): void {
      db.transaction(() => {
        del.run(f.id);
        if (!(byChat.all(f.platform, f.chat_id) as Row[]).length) dropAlerts.run(f.platform, f.chat_id);
      })();
    },
    /** The alerts row of a chat, if it follows anything. */
    async alertsOf(platform: Platform, chatId: string): Promise<Subscription | undefined> {
      const id = alertsRow.get(platform, chatId) as number | undefined;
      return id === undefined ? undefined : await subs.get(id);
    },
    /** Follows a Telegram group that became a supergroup: its follows and its alerts row move to the new id. */
    moveChat(platform: Platform, from: string, to: string): void {
      db.transaction(() => {
        db.prepare(`UPDATE OR IGNORE follows SET chat_id = ? WHERE platform = ? AND chat_id = ?`).run(to, platform, from);
        db.prepare(`UPDATE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ? AND kind = 'alerts'`).run(to, platform, from);
      })();
    },
    /** Every active alerts row on `platforms`. */
    alertChats(platforms: Platform[]): Subscription[] {
      return (chatsWithAlerts.all(JSON.stringify(platforms)) as (Omit<Subscription, 'topic_query'> & { topic_query: string | null })[]).map((r) => ({ ...r, topic_query: null }));
    },
  };
}

export type FollowStore = ReturnType<typeof createFollowStore>;
