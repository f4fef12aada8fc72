/**
 * The subscriptions store: digest subscriptions of chats (and, read-only here, the 'alerts' rows
 * the follow store keeps), plus the reads a digest is built from (digest-candidates.ts). SQL for
 * both backends (see sql.ts). `dueBefore` is the one indexed query the scheduler runs each tick,
 * whatever the number of subscriptions.
 */
import type { Sql } from './sql.ts';
import type { Platform, ReplyLang } from '../contract/types.ts';
import { nextDueAfter } from '../digest/due-times.ts';
import { digestCandidateReads } from './digest/digest-candidates.ts';
import { inList } from './digest/in-list.ts';

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

/** A subscriptions row as the rest of the code sees it (topic query parsed). */
export function subscriptionFromRow(r: Row): Subscription {
  return { ...r, id: Number(r.id), topic_query: r.topic_query ? (JSON.parse(r.topic_query) as TopicQuery) : null };
}

/** Creates the subscription store over `sql`. */
export function subscriptionStore(sql: Sql) {
  const get = async (id: number): Promise<Subscription | undefined> => {
    const r = await sql.get<Row>(`SELECT * FROM subscriptions WHERE id = ?`, [id]);
    return r ? subscriptionFromRow(r) : undefined;
  };
  return {
    /** Adds a subscription whose first digest is the next occurrence of its time after `now`. */
    async add(s: NewSubscription, now: Date): Promise<Subscription> {
      const next = nextDueAfter(s.time, s.tz, now).toISOString();
      const row = await sql.get<Row>(
        `INSERT INTO subscriptions
          (platform, chat_id, thread_id, lang, time, tz, topic, topic_query, max_stories, created_by, created_at, next_due_at, open_thread)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        [
          s.platform,
          s.chatId,
          s.threadId ?? null,
          s.lang,
          s.time,
          s.tz,
          s.topic ?? null,
          s.topicQuery ? JSON.stringify(s.topicQuery) : null,
          s.maxStories ?? null,
          s.createdBy ?? null,
          now.toISOString(),
          next,
          s.openThread ? 1 : 0,
        ],
      );
      return subscriptionFromRow(row!);
    },
    get,
    /** Every digest subscription of one chat (all its threads), by time of day. */
    async listByChat(platform: Platform, chatId: string): Promise<Subscription[]> {
      const rows = await sql.all<Row>(`SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? AND kind = 'digest' ORDER BY time, id`, [platform, chatId]);
      return rows.map(subscriptionFromRow);
    },
    /** Every digest subscription, by id. */
    async list(): Promise<Subscription[]> {
      return (await sql.all<Row>(`SELECT * FROM subscriptions WHERE kind = 'digest' ORDER BY id`)).map(subscriptionFromRow);
    },
    /** Active subscriptions whose next due time is at or before `at`, oldest first (indexed on next_due_at). */
    async dueBefore(at: Date, platforms: Platform[], limit = 1_000_000): Promise<Subscription[]> {
      if (!platforms.length) return [];
      const rows = await sql.all<Row>(
        `SELECT * FROM subscriptions WHERE paused_reason IS NULL AND next_due_at <= ? AND kind = 'digest'
          AND platform IN ${inList(platforms.length)} ORDER BY next_due_at, id LIMIT ?`,
        [at.toISOString(), ...platforms, limit],
      );
      return rows.map(subscriptionFromRow);
    },
    async remove(id: number): Promise<boolean> {
      return (await sql.run(`DELETE FROM subscriptions WHERE id = ?`, [id])).changes > 0;
    },
    /** Points every subscription of a chat at its new id (Telegram group upgraded to a supergroup). */
    async moveChat(platform: Platform, fromChatId: string, toChatId: string): Promise<number> {
      return (await sql.run(`UPDATE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?`, [toChatId, platform, fromChatId])).changes;
    },
    /** Resumes a paused subscription (e.g. after /subscribe again in that chat) and resets its failure count. */
    async resume(id: number, now: Date): Promise<void> {
      const s = await get(id);
      if (!s) return;
      await sql.run(`UPDATE subscriptions SET paused_reason = NULL, consecutive_failures = 0, next_due_at = ? WHERE id = ?`, [
        nextDueAfter(s.time, s.tz, now).toISOString(),
        id,
      ]);
    },
    /** The reads a digest is built from (articles of a window, their stories, revisions). */
    candidates: digestCandidateReads(sql),
  };
}

export type SubscriptionStore = ReturnType<typeof subscriptionStore>;
