/**
 * The follow store, for both backends (see sql.ts): what chats follow (`follows`), the one
 * 'alerts' row per following chat in `subscriptions` (alert batches are claimed under it in the
 * digest ledger, exactly once, like digests), and `story_threads`, where each (chat, story) lives:
 * the first message about the story in that chat and, on Discord, the thread opened on it.
 */
import type { Sql } from './sql.ts';
import type { Platform, ReplyLang } from '../contract/types.ts';
import type { Subscription, TopicQuery } from './subscription-store.ts';
import { padded } from './stories/sql-lists.ts';

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

export interface NewFollow {
  platform: Platform;
  chatId: string;
  threadId: string | null;
  lang: ReplyLang;
  kind: FollowKind;
  target: string;
  label: string;
  topicQuery: TopicQuery | null;
  createdBy: string | null;
}

export interface StoryThread {
  platform: Platform;
  chat_id: string;
  story_id: number;
  /** Discord: the thread opened on the anchor message; Telegram: the forum topic of the anchor (reply chain). */
  thread_id: string | null;
  /** The chat's first message about the story. */
  message_id: string;
  created_at: string;
}

/** Alert rows are never due by time: the alert pass claims their batches itself. */
const NEVER = '9999-12-31T00:00:00.000Z';

type Row = Omit<Follow, 'topic_query'> & { topic_query: string | null };
const fromRow = (r: Row): Follow => ({ ...r, id: Number(r.id), topic_query: r.topic_query ? (JSON.parse(r.topic_query) as TopicQuery) : null });

function storyThreads(sql: Sql) {
  return {
    async get(platform: Platform, chatId: string, storyId: number): Promise<StoryThread | undefined> {
      const r = await sql.get<StoryThread>('SELECT platform, chat_id, story_id, thread_id, message_id, created_at FROM story_threads WHERE platform = ? AND chat_id = ? AND story_id = ?', [
        platform,
        chatId,
        storyId,
      ]);
      return r && { ...r, story_id: Number(r.story_id) };
    },
    /** Records `messageId` as the first message about each story (kept if one is already recorded). */
    async anchor(platform: Platform, chatId: string, storyIds: number[], messageId: string, threadId: string | null, now: Date): Promise<void> {
      if (!storyIds.length) return;
      const ids = padded(storyIds);
      const at = now.toISOString();
      await sql.run(
        `INSERT INTO story_threads (platform, chat_id, story_id, thread_id, message_id, created_at) VALUES ${ids.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (platform, chat_id, story_id) DO NOTHING`,
        ids.flatMap((id) => [platform, chatId, id, threadId, messageId, at]),
      );
    },
    /** Records the Discord thread opened on the story's anchor message. */
    async setThread(platform: Platform, chatId: string, storyId: number, threadId: string): Promise<void> {
      await sql.run('UPDATE story_threads SET thread_id = ? WHERE platform = ? AND chat_id = ? AND story_id = ?', [threadId, platform, chatId, storyId]);
    },
    /** Follows a Telegram group that became a supergroup (a story already anchored under the new id keeps that anchor). */
    async moveChat(platform: Platform, from: string, to: string): Promise<void> {
      await sql.run(
        `UPDATE story_threads SET chat_id = ? WHERE platform = ? AND chat_id = ?
         AND NOT EXISTS (SELECT 1 FROM story_threads t WHERE t.platform = story_threads.platform AND t.chat_id = ? AND t.story_id = story_threads.story_id)`,
        [to, platform, from, to],
      );
    },
  };
}

export function followStore(sql: Sql) {
  const alertsRowId = async (platform: Platform, chatId: string): Promise<number | undefined> => {
    const r = await sql.get<{ id: number }>(`SELECT id FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'alerts' ORDER BY id LIMIT 1`, [platform, chatId]);
    return r ? Number(r.id) : undefined;
  };
  const listByChat = async (platform: Platform, chatId: string): Promise<Follow[]> =>
    (await sql.all<Row>('SELECT * FROM follows WHERE platform = ? AND chat_id = ? ORDER BY id', [platform, chatId])).map(fromRow);

  return {
    /**
     * Adds a follow (or finds the same one) and makes sure the chat has its alerts row, pointed at
     * `threadId` (the forum topic or channel the follow came from) and answering in `lang`.
     */
    add(f: NewFollow, now: Date): Promise<{ follow: Follow; created: boolean }> {
      return sql.tx(async () => {
        const at = now.toISOString();
        const res = await sql.run(
          `INSERT INTO follows (platform, chat_id, kind, target, label, topic_query, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, chat_id, kind, target) DO NOTHING`,
          [f.platform, f.chatId, f.kind, f.target, f.label, f.topicQuery ? JSON.stringify(f.topicQuery) : null, f.createdBy, at],
        );
        const alerts = await alertsRowId(f.platform, f.chatId);
        if (alerts === undefined) {
          await sql.run(
            `INSERT INTO subscriptions (platform, chat_id, thread_id, lang, time, tz, created_by, created_at, next_due_at, kind)
             VALUES (?, ?, ?, ?, '00:00', 'UTC', ?, ?, '${NEVER}', 'alerts')`,
            [f.platform, f.chatId, f.threadId, f.lang, f.createdBy, at],
          );
        } else {
          await sql.run('UPDATE subscriptions SET thread_id = ?, lang = ?, paused_reason = NULL, consecutive_failures = 0 WHERE id = ?', [f.threadId, f.lang, alerts]);
        }
        const row = await sql.get<Row>('SELECT * FROM follows WHERE platform = ? AND chat_id = ? AND kind = ? AND target = ?', [f.platform, f.chatId, f.kind, f.target]);
        return { follow: fromRow(row!), created: res.changes > 0 };
      });
    },

    /** A chat's follows, oldest first. */
    listByChat,

    /** Removes one follow; the chat's alerts row goes with its last follow. */
    remove(f: Follow): Promise<void> {
      return sql.tx(async () => {
        await sql.run('DELETE FROM follows WHERE id = ?', [f.id]);
        const left = await sql.get('SELECT 1 AS one FROM follows WHERE platform = ? AND chat_id = ? LIMIT 1', [f.platform, f.chat_id]);
        if (!left) await sql.run(`DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'alerts'`, [f.platform, f.chat_id]);
      });
    },

    /**
     * Follows a Telegram group that became a supergroup: its follows and its alerts row move to the
     * new id (a follow the new id already has stays under the old one, as before).
     */
    moveChat(platform: Platform, from: string, to: string): Promise<void> {
      return sql.tx(async () => {
        await sql.run(
          `UPDATE follows SET chat_id = ? WHERE platform = ? AND chat_id = ?
           AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.platform = follows.platform AND f.chat_id = ? AND f.kind = follows.kind AND f.target = follows.target)`,
          [to, platform, from, to],
        );
        await sql.run(`UPDATE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ? AND kind = 'alerts'`, [to, platform, from]);
      });
    },

    /** Every active alerts row on `platforms`, oldest first. */
    async alertChats(platforms: Platform[]): Promise<Subscription[]> {
      if (!platforms.length) return [];
      const ps = padded(platforms);
      const rows = await sql.all<Omit<Subscription, 'topic_query'> & { topic_query: string | null }>(
        `SELECT * FROM subscriptions WHERE kind = 'alerts' AND paused_reason IS NULL AND platform IN (${ps.map(() => '?').join(',')}) ORDER BY id`,
        ps,
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), topic_query: null }));
    },

    /** Where each (chat, story) lives in the chat (story_threads). */
    threads: storyThreads(sql),
  };
}
