/**
 * The delivery ledger: one row per (subscription, due time). A digest is claimed by INSERTing
 * that row in a short IMMEDIATE transaction (the UNIQUE constraint decides between racing
 * processes), sent outside any transaction, then marked sent with its platform message ids.
 */
import type { Db } from '../store/db.ts';
import { nextDueAfter } from './due-times.ts';
import type { Subscription } from './subscription-store.ts';

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

type Row = Omit<Delivery, 'message_ids' | 'story_ids'> & { message_ids: string; story_ids: string };
const fromRow = (r: Row): Delivery => ({ ...r, message_ids: JSON.parse(r.message_ids), story_ids: JSON.parse(r.story_ids) });

/** Creates the ledger over `db`; `pauseAfter` permanent failures in a row pause a subscription. */
export function createLedger(db: Db, opts: { pauseAfter?: number } = {}) {
  const pauseAfter = opts.pauseAfter ?? 3;
  const insertClaim = db.prepare(`INSERT INTO deliveries (subscription_id, due_at, status, claimed_by, claimed_at, attempts)
    VALUES (?, ?, 'claimed', ?, ?, 1) ON CONFLICT (subscription_id, due_at) DO NOTHING`);
  const advance = db.prepare(`UPDATE subscriptions SET next_due_at = ? WHERE id = ? AND next_due_at < ?`);
  const byId = db.prepare(`SELECT * FROM deliveries WHERE id = ?`);
  const byKey = db.prepare(`SELECT * FROM deliveries WHERE subscription_id = ? AND due_at = ?`);
  const claimedRows = db.prepare(`SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY due_at, id`);
  const reclaim = db.prepare(`UPDATE deliveries SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1
    WHERE id = ? AND status = 'claimed' AND claimed_by IS ? AND claimed_at IS ?`);
  const setSending = db.prepare(`UPDATE deliveries SET send_started_at = ?, claimed_at = ? WHERE id = ? AND status = 'claimed'`);
  const heartbeat = db.prepare(`UPDATE deliveries SET claimed_at = ? WHERE id = ? AND status = 'claimed'`);
  const setSent = db.prepare(`UPDATE deliveries SET status = 'sent', message_ids = ?, story_ids = ?, sent_at = ?, error = NULL WHERE id = ?`);
  const setEmpty = db.prepare(`UPDATE deliveries SET status = 'skipped_empty', sent_at = ? WHERE id = ?`);
  const setFailed = db.prepare(`UPDATE deliveries SET status = 'failed', error = ?, message_ids = ?, retry_at = ? WHERE id = ?`);
  // Failed digests whose retry time has come, on a running platform, not paused, and not
  // superseded: once a later due time exists, that digest carries the unsent stories instead.
  const retryCandidates = db.prepare(`SELECT d.* FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
    WHERE d.status = 'failed' AND d.retry_at IS NOT NULL AND d.retry_at <= ? AND s.paused_reason IS NULL
      AND s.platform IN (SELECT value FROM json_each(?)) ORDER BY d.due_at, d.id`);
  const firstDue = db.prepare(`SELECT min(due_at) FROM deliveries WHERE subscription_id = ?`).pluck();
  const newer = db.prepare(`SELECT 1 FROM deliveries WHERE subscription_id = ? AND due_at > ? LIMIT 1`);
  const dropRetry = db.prepare(`UPDATE deliveries SET retry_at = NULL WHERE id = ?`);
  const claimRetry = db.prepare(`UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, send_started_at = NULL,
    attempts = attempts + 1, retry_at = NULL WHERE id = ? AND status = 'failed' AND retry_at IS NOT NULL AND retry_at <= ?`);
  const subDone = db.prepare(`UPDATE subscriptions SET consecutive_failures = 0,
    last_digest_due_at = CASE WHEN last_digest_due_at IS NULL OR last_digest_due_at < ? THEN ? ELSE last_digest_due_at END WHERE id = ?`);
  const subFailed = db.prepare(`UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1,
    paused_reason = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE paused_reason END WHERE id = ?`);
  const upsertStory = db.prepare(`INSERT INTO subscription_stories (subscription_id, story_id, article_count, outlet_count, last_updated, sent_due_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, story_id) DO UPDATE SET
    article_count = excluded.article_count, outlet_count = excluded.outlet_count, last_updated = excluded.last_updated, sent_due_at = excluded.sent_due_at`);
  const sentStories = db.prepare(`SELECT story_id, article_count, outlet_count, last_updated FROM subscription_stories WHERE subscription_id = ?`);
  const sentTimes = db.prepare(`SELECT story_id, sent_due_at FROM subscription_stories WHERE subscription_id = ?`);
  const planStories = db.prepare(`UPDATE deliveries SET story_ids = ? WHERE id = ?`);
  const keepStory = db.prepare(`INSERT INTO subscription_stories (subscription_id, story_id, article_count, outlet_count, last_updated, sent_due_at)
    VALUES (?, ?, 0, 0, NULL, ?) ON CONFLICT (subscription_id, story_id) DO UPDATE SET sent_due_at = excluded.sent_due_at
    WHERE excluded.sent_due_at > subscription_stories.sent_due_at`);
  const lastAlert = db.prepare(`SELECT max(due_at) FROM deliveries WHERE subscription_id = ? AND status IN ('claimed', 'sent')`).pluck();

  const claimTx = db.transaction((sub: Subscription, due: Date, claimer: string, now: Date) => {
    const dueIso = due.toISOString();
    const res = insertClaim.run(sub.id, dueIso, claimer, now.toISOString());
    const next = nextDueAfter(sub.time, sub.tz, due).toISOString();
    advance.run(next, sub.id, next);
    return res.changes > 0 ? fromRow(byKey.get(sub.id, dueIso) as Row) : null;
  });

  const sentTx = db.transaction((d: Delivery, messageIds: string[], stories: SentStory[], now: Date) => {
    setSent.run(JSON.stringify(messageIds), JSON.stringify(stories.map((s) => s.storyId)), now.toISOString(), d.id);
    subDone.run(d.due_at, d.due_at, d.subscription_id);
    for (const s of stories) upsertStory.run(d.subscription_id, s.storyId, s.articleCount, s.outletCount, s.lastUpdated, d.due_at);
  });

  return {
    /**
     * Claims the digest of `sub` due at `due` for `claimer` and moves the subscription's next due
     * time past it, in one IMMEDIATE transaction. Returns the new ledger row, or null when another
     * process (or an earlier run) already holds that (subscription, due time).
     */
    claim(sub: Subscription, due: Date, claimer: string, now: Date): Delivery | null {
      return claimTx.immediate(sub, due, claimer, now);
    },
    get(id: number): Delivery | undefined {
      const r = byId.get(id) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    /** Rows still 'claimed' (in flight, or left by a process that died). */
    listClaimed(): Delivery[] {
      return (claimedRows.all() as Row[]).map(fromRow);
    },
    /** Takes over a stale claim; false when someone else changed it first. */
    reclaim(d: Delivery, claimer: string, now: Date): boolean {
      return reclaim.run(claimer, now.toISOString(), d.id, d.claimed_by, d.claimed_at).changes > 0;
    },
    /** Records that the platform call is about to start: from here until markSent a crash leaves the send ambiguous. */
    markSending(id: number, now: Date): void {
      setSending.run(now.toISOString(), now.toISOString(), id);
    },
    /** Refreshes the claim's lease while a send waits (rate limits, backoff). */
    touch(id: number, now: Date): void {
      heartbeat.run(now.toISOString(), id);
    },
    markSent(d: Delivery, messageIds: string[], stories: SentStory[], now: Date): void {
      sentTx.immediate(d, messageIds, stories, now);
    },
    markSkippedEmpty(d: Delivery, now: Date): void {
      db.transaction(() => {
        setEmpty.run(now.toISOString(), d.id);
        subDone.run(d.due_at, d.due_at, d.subscription_id);
      }).immediate();
    },
    /**
     * Marks the delivery failed; a `permanent` failure counts toward pausing the subscription with
     * `reason`. `retryAt`: when a later pass may claim it again (claimRetries).
     */
    markFailed(d: Delivery, error: string, opts: { permanent: boolean; reason?: string; messageIds?: string[]; retryAt?: Date | null }): void {
      db.transaction(() => {
        setFailed.run(error.slice(0, 500), JSON.stringify(opts.messageIds ?? []), opts.retryAt?.toISOString() ?? null, d.id);
        if (opts.permanent) subFailed.run(pauseAfter, opts.reason ?? error.slice(0, 200), d.subscription_id);
      }).immediate();
    },
    /**
     * Claims, for `claimer`, every failed digest of `platforms` whose retry time has come (one
     * IMMEDIATE transaction, so racing processes each get different rows). A digest superseded by a
     * later due time is not retried: its retry is dropped.
     */
    claimRetries(platforms: string[], claimer: string, now: Date): Delivery[] {
      return db
        .transaction(() => {
          const nowIso = now.toISOString();
          const out: Delivery[] = [];
          for (const r of retryCandidates.all(nowIso, JSON.stringify(platforms)) as Row[]) {
            if (newer.get(r.subscription_id, r.due_at)) dropRetry.run(r.id);
            else if (claimRetry.run(claimer, nowIso, r.id, nowIso).changes > 0) out.push(fromRow(byId.get(r.id) as Row));
          }
          return out;
        })
        .immediate();
    },
    /** The earliest due time of `subscriptionId` in the ledger, if any. */
    firstDueAt(subscriptionId: number): Date | undefined {
      const iso = firstDue.get(subscriptionId) as string | null;
      return iso ? new Date(iso) : undefined;
    },
    /** The stories already sent to a subscription, by story id. */
    sentStories(subscriptionId: number): Map<number, SentStory> {
      const out = new Map<number, SentStory>();
      for (const r of sentStories.all(subscriptionId) as { story_id: number; article_count: number; outlet_count: number; last_updated: string | null }[]) {
        out.set(r.story_id, { storyId: r.story_id, articleCount: r.article_count, outletCount: r.outlet_count, lastUpdated: r.last_updated });
      }
      return out;
    },
    /**
     * Claims an alert batch of the alerts row `sub` at `at`, unless one was claimed or sent less than
     * `everyMs` before (at most one batch per chat per interval). One IMMEDIATE transaction: of two
     * processes, only one gets the row. Returns it, or null.
     */
    claimAlert(sub: Subscription, at: Date, everyMs: number, claimer: string, now: Date, storyIds: number[] = []): Delivery | null {
      return db
        .transaction(() => {
          const last = lastAlert.get(sub.id) as string | null;
          if (last && at.getTime() - Date.parse(last) < everyMs) return null;
          const dueIso = at.toISOString();
          const res = insertClaim.run(sub.id, dueIso, claimer, now.toISOString());
          if (!res.changes) return null;
          // The batch's stories are written with the claim, so a crash mid-send still knows what may have gone out.
          const row = fromRow(byKey.get(sub.id, dueIso) as Row);
          planStories.run(JSON.stringify(storyIds), row.id);
          return { ...row, story_ids: storyIds };
        })
        .immediate();
    },
    /** Records stories as delivered to `subscriptionId` at `dueAt` (an alert batch that went out in part). */
    recordStories(subscriptionId: number, stories: SentStory[], dueAt: string): void {
      db.transaction(() => {
        for (const s of stories) upsertStory.run(subscriptionId, s.storyId, s.articleCount, s.outletCount, s.lastUpdated, dueAt);
      }).immediate();
    },
    /**
     * Marks an alert batch whose send was interrupted mid-request (a crash between markSending and
     * markSent) as failed 'ambiguous' and counts its planned stories (story_ids, written at claim) as
     * delivered, so no later batch repeats them: at most once where a resend cannot be deduplicated.
     */
    markAlertAmbiguous(d: Delivery, error: string): void {
      db.transaction(() => {
        setFailed.run(error.slice(0, 500), JSON.stringify(d.message_ids), null, d.id);
        for (const id of d.story_ids) keepStory.run(d.subscription_id, id, d.due_at);
      }).immediate();
    },
    /** When each story was last delivered to `subscriptionId` (the due time of that digest or alert). */
    sentTimes(subscriptionId: number): Map<number, string> {
      return new Map((sentTimes.all(subscriptionId) as { story_id: number; sent_due_at: string }[]).map((r) => [r.story_id, r.sent_due_at]));
    },
    /** Every ledger row, oldest first (for `newsbot deliveries`). */
    list(limit = 1_000_000): Delivery[] {
      return (db.prepare(`SELECT * FROM deliveries ORDER BY due_at, id LIMIT ?`).all(limit) as Row[]).map(fromRow);
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
