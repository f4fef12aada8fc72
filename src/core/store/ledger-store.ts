/**
 * The delivery ledger: one row per (subscription, due time), for digests and alert batches. A
 * digest is claimed by INSERTing that row (ON CONFLICT DO NOTHING RETURNING: the UNIQUE constraint
 * decides between racing processes, on SQLite and PostgreSQL alike), sent outside any
 * transaction, then marked sent with its platform message ids. Every other claim (a retry, a stale
 * claim taken over) is one `UPDATE … WHERE status = … RETURNING`, so only one process gets it.
 */
import type { Sql } from './sql.ts';
import type { Subscription } from './subscription-store.ts';
import { nextDueAfter } from '../digest/due-times.ts';
import { inList } from './digest/in-list.ts';

export type DeliveryStatus = 'claimed' | 'sent' | 'failed' | 'skipped_empty';

export interface Delivery {
  id: number;
  subscription_id: number;
  due_at: string;
  status: DeliveryStatus;
  claimed_by: string | null;
  claimed_at: string | null;
  send_started_at: string | null;
  attempts: number;
  message_ids: string[];
  story_ids: number[];
  error: string | null;
  sent_at: string | null;
  /** When a later pass may try a failed digest again (null: it will not be). */
  retry_at: string | null;
}

/** What was sent about one story, so a later digest can tell an updated story from an old one. */
export interface SentStory {
  storyId: number;
  articleCount: number;
  outletCount: number;
  lastUpdated: string | null;
}

/** Permanent failures in a row that pause a subscription, unless markFailed is told otherwise. */
export const PAUSE_AFTER = 3;

type Row = Omit<Delivery, 'message_ids' | 'story_ids'> & { message_ids: string; story_ids: string };
const fromRow = (r: Row): Delivery => ({
  ...r,
  id: Number(r.id),
  subscription_id: Number(r.subscription_id),
  attempts: Number(r.attempts),
  message_ids: JSON.parse(r.message_ids),
  story_ids: JSON.parse(r.story_ids),
});

const INSERT_CLAIM = `INSERT INTO deliveries (subscription_id, due_at, status, claimed_by, claimed_at, attempts)
  VALUES (?, ?, 'claimed', ?, ?, 1) ON CONFLICT (subscription_id, due_at) DO NOTHING RETURNING *`;
const SET_FAILED = `UPDATE deliveries SET status = 'failed', error = ?, message_ids = ?, retry_at = ? WHERE id = ?`;
const SUB_DONE = `UPDATE subscriptions SET consecutive_failures = 0,
  last_digest_due_at = CASE WHEN last_digest_due_at IS NULL OR last_digest_due_at < ? THEN ? ELSE last_digest_due_at END WHERE id = ?`;
const UPSERT_STORY = `INSERT INTO subscription_stories (subscription_id, story_id, article_count, outlet_count, last_updated, sent_due_at)
  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, story_id) DO UPDATE SET
  article_count = excluded.article_count, outlet_count = excluded.outlet_count, last_updated = excluded.last_updated, sent_due_at = excluded.sent_due_at`;
const KEEP_STORY = `INSERT INTO subscription_stories (subscription_id, story_id, article_count, outlet_count, last_updated, sent_due_at)
  VALUES (?, ?, 0, 0, NULL, ?) ON CONFLICT (subscription_id, story_id) DO UPDATE SET sent_due_at = excluded.sent_due_at
  WHERE excluded.sent_due_at > subscription_stories.sent_due_at`;

/** Creates the ledger over `sql`. */
export function ledgerStore(sql: Sql) {
  const upsertStories = async (subscriptionId: number, stories: SentStory[], dueAt: string) => {
    for (const s of stories) await sql.run(UPSERT_STORY, [subscriptionId, s.storyId, s.articleCount, s.outletCount, s.lastUpdated, dueAt]);
  };
  const get = async (id: number): Promise<Delivery | undefined> => {
    const r = await sql.get<Row>(`SELECT * FROM deliveries WHERE id = ?`, [id]);
    return r ? fromRow(r) : undefined;
  };

  return {
    /**
     * Claims the digest of `sub` due at `due` for `claimer` and moves the subscription's next due
     * time past it, in one transaction. Returns the new ledger row, or null when another process
     * (or an earlier run) already holds that (subscription, due time).
     */
    async claim(sub: Subscription, due: Date, claimer: string, now: Date): Promise<Delivery | null> {
      return sql.tx(async () => {
        const row = await sql.get<Row>(INSERT_CLAIM, [sub.id, due.toISOString(), claimer, now.toISOString()]);
        const next = nextDueAfter(sub.time, sub.tz, due).toISOString();
        await sql.run(`UPDATE subscriptions SET next_due_at = ? WHERE id = ? AND next_due_at < ?`, [next, sub.id, next]);
        return row ? fromRow(row) : null;
      });
    },
    get,
    /** Rows still 'claimed' (in flight, or left by a process that died). */
    async listClaimed(): Promise<Delivery[]> {
      return (await sql.all<Row>(`SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY due_at, id`)).map(fromRow);
    },
    /** Takes over a stale claim, as it was read (`d`); returns the row now held, or null when someone else changed it first. */
    async reclaim(d: Delivery, claimer: string, now: Date): Promise<Delivery | null> {
      const r = await sql.get<Row>(
        `UPDATE deliveries SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1
          WHERE id = ? AND status = 'claimed' AND claimed_by IS NOT DISTINCT FROM CAST(? AS TEXT) AND claimed_at IS NOT DISTINCT FROM CAST(? AS TEXT)
          RETURNING *`,
        [claimer, now.toISOString(), d.id, d.claimed_by, d.claimed_at],
      );
      return r ? fromRow(r) : null;
    },
    /**
     * Records that the platform call is about to start: from here until markSent a crash leaves the
     * send ambiguous. With `claimer`, only while that process still holds the claim: a worker whose
     * job was handed to another (it stalled past the queue's lock) learns it here and must not send.
     */
    async markSending(id: number, now: Date, claimer?: string | null): Promise<boolean> {
      const fence = claimer ? ' AND claimed_by = ?' : '';
      const r = await sql.run(`UPDATE deliveries SET send_started_at = ?, claimed_at = ? WHERE id = ? AND status = 'claimed'${fence}`, [
        now.toISOString(),
        now.toISOString(),
        id,
        ...(claimer ? [claimer] : []),
      ]);
      return r.changes > 0;
    },
    /** Refreshes the claim's lease while a send waits (rate limits, backoff). */
    async touch(id: number, now: Date): Promise<void> {
      await sql.run(`UPDATE deliveries SET claimed_at = ? WHERE id = ? AND status = 'claimed'`, [now.toISOString(), id]);
    },
    /** Marks `d` sent with its message ids and records its stories as delivered to the subscription, atomically. */
    async markSent(d: Delivery, messageIds: string[], stories: SentStory[], now: Date): Promise<void> {
      await sql.tx(async () => {
        await sql.run(`UPDATE deliveries SET status = 'sent', message_ids = ?, story_ids = ?, sent_at = ?, error = NULL WHERE id = ?`, [
          JSON.stringify(messageIds),
          JSON.stringify(stories.map((s) => s.storyId)),
          now.toISOString(),
          d.id,
        ]);
        await sql.run(SUB_DONE, [d.due_at, d.due_at, d.subscription_id]);
        await upsertStories(d.subscription_id, stories, d.due_at);
      });
    },
    async markSkippedEmpty(d: Delivery, now: Date): Promise<void> {
      await sql.tx(async () => {
        await sql.run(`UPDATE deliveries SET status = 'skipped_empty', sent_at = ? WHERE id = ?`, [now.toISOString(), d.id]);
        await sql.run(SUB_DONE, [d.due_at, d.due_at, d.subscription_id]);
      });
    },
    /**
     * Marks the delivery failed; a `permanent` failure counts toward pausing the subscription with
     * `reason` (after `pauseAfter` in a row, default PAUSE_AFTER). `retryAt`: when a later pass may
     * claim it again (claimRetries).
     */
    async markFailed(
      d: Delivery,
      error: string,
      opts: { permanent: boolean; reason?: string; messageIds?: string[]; retryAt?: Date | null; pauseAfter?: number },
    ): Promise<void> {
      await sql.tx(async () => {
        await sql.run(SET_FAILED, [error.slice(0, 500), JSON.stringify(opts.messageIds ?? []), opts.retryAt?.toISOString() ?? null, d.id]);
        if (opts.permanent) {
          await sql.run(
            `UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1,
              paused_reason = CASE WHEN consecutive_failures + 1 >= CAST(? AS INTEGER) THEN CAST(? AS TEXT) ELSE paused_reason END WHERE id = ?`,
            [opts.pauseAfter ?? PAUSE_AFTER, opts.reason ?? error.slice(0, 200), d.subscription_id],
          );
        }
      });
    },
    /**
     * Claims, for `claimer`, every failed digest of `platforms` whose retry time has come; each row
     * is taken by one `UPDATE … WHERE status = 'failed' … RETURNING`, so racing processes each get
     * different rows. A digest superseded by a later due time is not retried: its retry is dropped.
     */
    async claimRetries(platforms: string[], claimer: string, now: Date): Promise<Delivery[]> {
      if (!platforms.length) return [];
      const nowIso = now.toISOString();
      return sql.tx(async () => {
        // Failed digests whose retry time has come, on a running platform, not paused, and not
        // superseded: once a later due time exists, that digest carries the unsent stories instead.
        const candidates = await sql.all<{ id: number; superseded: number }>(
          `SELECT d.id, CASE WHEN EXISTS (SELECT 1 FROM deliveries n WHERE n.subscription_id = d.subscription_id AND n.due_at > d.due_at) THEN 1 ELSE 0 END AS superseded
            FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
            WHERE d.status = 'failed' AND d.retry_at IS NOT NULL AND d.retry_at <= ? AND s.paused_reason IS NULL
              AND s.platform IN ${inList(platforms.length)} ORDER BY d.due_at, d.id`,
          [nowIso, ...platforms],
        );
        const out: Delivery[] = [];
        for (const c of candidates) {
          if (Number(c.superseded)) {
            await sql.run(`UPDATE deliveries SET retry_at = NULL WHERE id = ?`, [c.id]);
            continue;
          }
          const r = await sql.get<Row>(
            `UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, send_started_at = NULL, attempts = attempts + 1, retry_at = NULL
              WHERE id = ? AND status = 'failed' AND retry_at IS NOT NULL AND retry_at <= ? RETURNING *`,
            [claimer, nowIso, c.id, nowIso],
          );
          if (r) out.push(fromRow(r));
        }
        return out;
      });
    },
    /** The ledger row of `subscriptionId` due at `dueAt`, if any. */
    async find(subscriptionId: number, dueAt: string): Promise<Delivery | undefined> {
      const r = await sql.get<Row>(`SELECT * FROM deliveries WHERE subscription_id = ? AND due_at = ?`, [subscriptionId, dueAt]);
      return r ? fromRow(r) : undefined;
    },
    /**
     * Failed digests of `platforms` whose retry time has come, without claiming them (a queue job
     * claims each with claimRetry); superseded ones lose their retry as in claimRetries.
     */
    async retryCandidates(platforms: string[], now: Date, limit = 10_000): Promise<{ id: number; attempts: number }[]> {
      if (!platforms.length) return [];
      const rows = await sql.all<{ id: number; attempts: number; superseded: number }>(
        `SELECT d.id, d.attempts, CASE WHEN EXISTS (SELECT 1 FROM deliveries n WHERE n.subscription_id = d.subscription_id AND n.due_at > d.due_at) THEN 1 ELSE 0 END AS superseded
          FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
          WHERE d.status = 'failed' AND d.retry_at IS NOT NULL AND d.retry_at <= ? AND s.paused_reason IS NULL
            AND s.platform IN ${inList(platforms.length)} ORDER BY d.due_at, d.id LIMIT ?`,
        [now.toISOString(), ...platforms, limit],
      );
      const out: { id: number; attempts: number }[] = [];
      for (const r of rows) {
        if (Number(r.superseded)) await sql.run(`UPDATE deliveries SET retry_at = NULL WHERE id = ?`, [r.id]);
        else out.push({ id: Number(r.id), attempts: Number(r.attempts) });
      }
      return out;
    },
    /** Claims failed digest `id` for a retry if its time has come and nobody else did; returns the row or null. */
    async claimRetry(id: number, claimer: string, now: Date): Promise<Delivery | null> {
      const nowIso = now.toISOString();
      const r = await sql.get<Row>(
        `UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, send_started_at = NULL, attempts = attempts + 1, retry_at = NULL
          WHERE id = ? AND status = 'failed' AND retry_at IS NOT NULL AND retry_at <= ? RETURNING *`,
        [claimer, nowIso, id, nowIso],
      );
      return r ? fromRow(r) : null;
    },
    /** The earliest due time of `subscriptionId` in the ledger, if any. */
    async firstDueAt(subscriptionId: number): Promise<Date | undefined> {
      const r = await sql.get<{ m: string | null }>(`SELECT min(due_at) AS m FROM deliveries WHERE subscription_id = ?`, [subscriptionId]);
      return r?.m ? new Date(r.m) : undefined;
    },
    /** The stories already sent to a subscription, by story id. */
    async sentStories(subscriptionId: number): Promise<Map<number, SentStory>> {
      const rows = await sql.all<{ story_id: number; article_count: number; outlet_count: number; last_updated: string | null }>(
        `SELECT story_id, article_count, outlet_count, last_updated FROM subscription_stories WHERE subscription_id = ? ORDER BY story_id`,
        [subscriptionId],
      );
      const out = new Map<number, SentStory>();
      for (const r of rows) {
        const storyId = Number(r.story_id);
        out.set(storyId, { storyId, articleCount: Number(r.article_count), outletCount: Number(r.outlet_count), lastUpdated: r.last_updated });
      }
      return out;
    },
    /**
     * Claims an alert batch of the alerts row `sub` at `at`, unless one was claimed or sent less than
     * `everyMs` before (at most one batch per chat per interval). One transaction holding the
     * subscription row (SQLite: the write lock; PostgreSQL: the row lock), so of two processes
     * only one gets the batch. The batch's stories are written with the claim, so a crash mid-send
     * still knows what may have gone out. Returns the row, or null.
     */
    async claimAlert(sub: Subscription, at: Date, everyMs: number, claimer: string, now: Date, storyIds: number[] = []): Promise<Delivery | null> {
      return sql.tx(async () => {
        // Two batches at different times do not conflict on the unique key: serialize them per chat here.
        if (sql.dialect === 'postgres') await sql.get(`SELECT id FROM subscriptions WHERE id = ? FOR UPDATE`, [sub.id]);
        const last = await sql.get<{ m: string | null }>(`SELECT max(due_at) AS m FROM deliveries WHERE subscription_id = ? AND status IN ('claimed', 'sent')`, [sub.id]);
        if (last?.m && at.getTime() - Date.parse(last.m) < everyMs) return null;
        const row = await sql.get<Row>(INSERT_CLAIM, [sub.id, at.toISOString(), claimer, now.toISOString()]);
        if (!row) return null;
        await sql.run(`UPDATE deliveries SET story_ids = ? WHERE id = ?`, [JSON.stringify(storyIds), row.id]);
        return { ...fromRow(row), story_ids: storyIds };
      });
    },
    /** Records stories as delivered to `subscriptionId` at `dueAt` (an alert batch that went out in part). */
    async recordStories(subscriptionId: number, stories: SentStory[], dueAt: string): Promise<void> {
      await sql.tx(() => upsertStories(subscriptionId, stories, dueAt));
    },
    /**
     * Marks an alert batch whose send was interrupted mid-request (a crash between markSending and
     * markSent) as failed 'ambiguous' and counts its planned stories (story_ids, written at claim) as
     * delivered, so no later batch repeats them: at most once where a resend cannot be deduplicated.
     */
    async markAlertAmbiguous(d: Delivery, error: string): Promise<void> {
      await sql.tx(async () => {
        await sql.run(SET_FAILED, [error.slice(0, 500), JSON.stringify(d.message_ids), null, d.id]);
        for (const id of d.story_ids) await sql.run(KEEP_STORY, [d.subscription_id, id, d.due_at]);
      });
    },
    /** When each story was last delivered to `subscriptionId` (the due time of that digest or alert). */
    async sentTimes(subscriptionId: number): Promise<Map<number, string>> {
      const rows = await sql.all<{ story_id: number; sent_due_at: string }>(
        `SELECT story_id, sent_due_at FROM subscription_stories WHERE subscription_id = ? ORDER BY story_id`,
        [subscriptionId],
      );
      return new Map(rows.map((r) => [Number(r.story_id), r.sent_due_at]));
    },
    /**
     * When the alerts of chat (`platform`, `chatId`) last told it of story `storyId` (null: never),
     * so a digest can tell a followed story from one the chat only reads about in digests.
     */
    async lastAlertedAt(platform: string, chatId: string, storyId: number): Promise<string | null> {
      const r = await sql.get<{ m: string | null }>(
        `SELECT max(ss.sent_due_at) AS m FROM subscription_stories ss JOIN subscriptions s ON s.id = ss.subscription_id
          WHERE s.kind = 'alerts' AND s.platform = ? AND s.chat_id = ? AND ss.story_id = ?`,
        [platform, chatId, storyId],
      );
      return r?.m ?? null;
    },
    /** Every ledger row, oldest first (for `newsbot deliveries`). */
    async list(limit = 1_000_000): Promise<Delivery[]> {
      return (await sql.all<Row>(`SELECT * FROM deliveries ORDER BY due_at, id LIMIT ?`, [limit])).map(fromRow);
    },
  };
}

export type Ledger = ReturnType<typeof ledgerStore>;
