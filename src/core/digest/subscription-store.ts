/**
 * The subscriptions table behind a small interface (raw SQL, one prepared statement each).
 * `dueBefore` is the one indexed query the scheduler runs each tick, whatever the number of
 * subscriptions.
 */
import type { Db } from '../store/db.ts';
import type { Platform, ReplyLang } from '../contract/types.ts';
import { nextDueAfter } from './due-times.ts';

/** What a topic filter resolved to when the subscription was made: entity ids plus literal terms. */
export interface TopicQuery {
  entityIds: string[];
  terms: string[];
}

export interface Subscription {
  id: number;
  platform: Platform;
  chat_id: string;
  thread_id: string | null;
  lang: ReplyLang;
  time: string;
  tz: string;
  topic: string | null;
  topic_query: TopicQuery | null;
  max_stories: number | null;
  created_by: string | null;
  created_at: string;
  paused_reason: string | null;
  consecutive_failures: number;
  last_digest_due_at: string | null;
  next_due_at: string;
  /** 1: open a discussion thread on each digest (Discord). */
  open_thread: number;
  /** 'digest', or 'alerts': the one row per following chat that alert batches are claimed under in the ledger (never due by time). */
  kind: 'digest' | 'alerts';
}

export interface NewSubscription {
  platform: Platform;
  chatId: string;
  threadId?: string | null;
  lang: ReplyLang;
  time: string;
  tz: string;
  topic?: string | null;
  topicQuery?: TopicQuery | null;
  maxStories?: number | null;
  createdBy?: string | null;
  openThread?: boolean;
}

type Row = Omit<Subscription, 'topic_query'> & { topic_query: string | null };

function fromRow(r: Row): Subscription {
  return { ...r, topic_query: r.topic_query ? (JSON.parse(r.topic_query) as TopicQuery) : null };
}

/** Creates the subscription store over `db`. */
export function createSubscriptionStore(db: Db) {
  const insert = db.prepare(`INSERT INTO subscriptions
    (platform, chat_id, thread_id, lang, time, tz, topic, topic_query, max_stories, created_by, created_at, next_due_at, open_thread)
    VALUES (@platform, @chat_id, @thread_id, @lang, @time, @tz, @topic, @topic_query, @max_stories, @created_by, @created_at, @next_due_at, @open_thread)`);
  const byId = db.prepare(`SELECT * FROM subscriptions WHERE id = ?`);
  const byChat = db.prepare(`SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'digest' ORDER BY time, id`);
  const all = db.prepare(`SELECT * FROM subscriptions WHERE kind = 'digest' ORDER BY id`);
  const due = db.prepare(`SELECT * FROM subscriptions WHERE paused_reason IS NULL AND next_due_at <= ? AND kind = 'digest'
    AND platform IN (SELECT value FROM json_each(?)) ORDER BY next_due_at, id LIMIT ?`);
  const del = db.prepare(`DELETE FROM subscriptions WHERE id = ?`);

  return {
    /** Adds a subscription whose first digest is the next occurrence of its time after `now`. */
    add(s: NewSubscription, now: Date): Subscription {
      const next = nextDueAfter(s.time, s.tz, now).toISOString();
      const info = insert.run({
        platform: s.platform,
        chat_id: s.chatId,
        thread_id: s.threadId ?? null,
        lang: s.lang,
        time: s.time,
        tz: s.tz,
        topic: s.topic ?? null,
        topic_query: s.topicQuery ? JSON.stringify(s.topicQuery) : null,
        max_stories: s.maxStories ?? null,
        created_by: s.createdBy ?? null,
        created_at: now.toISOString(),
        next_due_at: next,
        open_thread: s.openThread ? 1 : 0,
      });
      return this.get(Number(info.lastInsertRowid))!;
    },
    get(id: number): Subscription | undefined {
      const r = byId.get(id) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    /** Every subscription of one chat (all its threads), by time of day. */
    listByChat(platform: Platform, chatId: string): Subscription[] {
      return (byChat.all(platform, chatId) as Row[]).map(fromRow);
    },
    list(): Subscription[] {
      return (all.all() as Row[]).map(fromRow);
    },
    /** Active subscriptions whose next due time is at or before `at`, oldest first (indexed on next_due_at). */
    dueBefore(at: Date, platforms: Platform[], limit = 1_000_000): Subscription[] {
      return (due.all(at.toISOString(), JSON.stringify(platforms), limit) as Row[]).map(fromRow);
    },
    remove(id: number): boolean {
      return del.run(id).changes > 0;
    },
    /** Points every subscription of a chat at its new id (Telegram group upgraded to a supergroup). */
    moveChat(platform: Platform, fromChatId: string, toChatId: string): number {
      return db.prepare(`UPDATE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?`).run(toChatId, platform, fromChatId).changes;
    },
    /** Resumes a paused subscription (e.g. after /subscribe again in that chat) and resets its failure count. */
    resume(id: number, now: Date): void {
      const s = this.get(id);
      if (!s) return;
      db.prepare(`UPDATE subscriptions SET paused_reason = NULL, consecutive_failures = 0, next_due_at = ? WHERE id = ?`).run(
        nextDueAfter(s.time, s.tz, now).toISOString(),
        id,
      );
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
