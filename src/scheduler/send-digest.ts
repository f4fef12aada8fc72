/**
 * Sends one claimed digest through its chat adapter and records the outcome in the ledger:
 * 429 waits retry_after on that chat only, 5xx/network errors retry with backoff, a migrated
 * Telegram group is followed (the subscription moves to the new chat id) and the digest resent
 * there, and permanent errors count toward pausing the subscription. A digest that still fails
 * for passing reasons is given a retry time for a later scheduler pass (laterPassAt).
 */
import type { ChatAdapter, DeliveryTarget, SendResult } from '../adapters/types.ts';
import { DeliveryError } from '../adapters/types.ts';
import type { Reply } from '../core/contract/types.ts';
import type { Ledger, Delivery, SentStory } from '../core/store/ledger-store.ts';
import type { Subscription, SubscriptionStore } from '../core/store/subscription-store.ts';
import type { Logger } from '../core/logger.ts';
import type { Clock } from './clock.ts';
import type { Pacer } from './pacer.ts';
import { metrics } from '../ops/metrics.ts';

export interface SendPolicy {
  /** Attempts for 5xx / network errors before the delivery is marked failed. */
  maxAttempts: number;
  /** First backoff; doubles each attempt (with ±20% jitter). */
  backoffMs: number;
  /** 429s tolerated for one delivery before giving up on it. */
  maxRateLimited: number;
  /** Scheduler passes (the first included) that may try a digest failing for passing reasons. */
  maxPasses: number;
  /** Wait before the first later pass; triples for each further one. */
  laterPassMs: number;
}

export const DEFAULT_SEND_POLICY: SendPolicy = { maxAttempts: 4, backoffMs: 1000, maxRateLimited: 10, maxPasses: 4, laterPassMs: 5 * 60_000 };

/**
 * When a later pass may try `delivery` again after a passing failure (5xx, network, 429s, an
 * internal error), or null once it has had its passes: 5, 15, 45 minutes by default.
 */
export function laterPassAt(delivery: { attempts: number }, policy: SendPolicy, now: Date): Date | null {
  if (delivery.attempts >= policy.maxPasses) return null;
  return new Date(now.getTime() + policy.laterPassMs * 3 ** (delivery.attempts - 1));
}

/**
 * A digest went out but the ledger could not record it. Its row is left claimed and mid-send, so
 * stale-claim recovery treats it as any interrupted send (recover-stale.ts): never failed and
 * retried, which would send it twice.
 */
export class SentUnrecordedError extends Error {
  constructor(
    readonly deliveryId: number,
    readonly cause: unknown,
  ) {
    super(`digest ${deliveryId} was sent but could not be marked sent: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SentUnrecordedError';
  }
}

export interface SendDeps {
  ledger: Ledger;
  subscriptions: SubscriptionStore;
  pacer: Pacer;
  clock: Clock;
  log: Logger;
  policy: SendPolicy;
  /** Permanent failures in a row that pause a subscription (default: the ledger's). */
  pauseAfter?: number;
  /** Moves chat-level state (settings) when a Telegram group becomes a supergroup. */
  onChatMigrated?: (platform: Subscription['platform'], from: string, to: string) => void | Promise<void>;
  /** Called once a digest is out with its first message id and its story ids (story threads anchor there). */
  onStoriesSent?: (sub: Subscription, firstMessageId: string, storyIds: number[]) => void | Promise<void>;
  /** Counts what happened, for the CLI summary and the benchmark. */
  stats: SendStats;
}

export interface SendStats {
  sent: number;
  failed: number;
  rateLimited: number;
  retried: number;
  migrated: number;
  messages: number;
}

export const newSendStats = (): SendStats => ({ sent: 0, failed: 0, rateLimited: 0, retried: 0, migrated: 0, messages: 0 });

/**
 * Messages reserved before a send. Telegram: one (links are not visible characters, so a digest
 * rarely needs a second message). Discord: by size, since embeds split sooner. Whatever an adapter
 * sent beyond the estimate is charged to the buckets right after, so the average rate stays exact.
 */
export function estimateMessages(reply: Reply, platform: string): number {
  if (platform !== 'discord') return 1;
  const chars =
    (reply.title?.length ?? 0) +
    (reply.intro?.length ?? 0) +
    (reply.footer?.length ?? 0) +
    reply.items.reduce((n, i) => n + (i.heading?.length ?? 0) + (i.text?.length ?? 0) + (i.meta?.length ?? 0) + (i.url?.length ?? 0) + 8, 0);
  return Math.max(1, Math.ceil(chars / 3800));
}

/**
 * Sends `reply` for `delivery` of `sub` and marks the ledger. Returns 'sent' or 'failed' ('lost'
 * when another process took the claim over before the send started); never throws for platform
 * errors (they are recorded), so one chat cannot stop the others.
 */
export async function sendDigest(
  deps: SendDeps,
  adapter: ChatAdapter,
  sub: Subscription,
  delivery: Delivery,
  reply: Reply,
  stories: SentStory[],
): Promise<'sent' | 'failed' | 'lost'> {
  const { ledger, pacer, clock, policy, stats, log } = deps;
  const target: DeliveryTarget = { platform: sub.platform, chatId: sub.chat_id, threadId: sub.thread_id ?? undefined, lang: sub.lang };
  const idempotencyKey = `digest:${sub.id}:${delivery.due_at}`;
  let transientFailures = 0;
  let rateLimited = 0;
  let migrations = 0;
  const partial: string[] = [];
  const estimate = estimateMessages(reply, sub.platform);
  for (;;) {
    await pacer.acquire(sub.platform, target.chatId, estimate);
    // Only from here is a crash ambiguous (the request may reach the platform): waiting above is not.
    if (!(await ledger.markSending(delivery.id, clock.now(), delivery.claimed_by))) {
      // Another process took the claim over (this one stalled past its lease): it sends, not us.
      log.warn(`digest ${delivery.id} (subscription ${sub.id}) was taken over by another process; not sending`);
      return 'lost';
    }
    let res: SendResult;
    try {
      await pacer.beforeSend?.(sub.platform, estimate);
      res = await adapter.send(target, reply, { idempotencyKey, openThread: sub.open_thread === 1 });
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError('transient', err instanceof Error ? err.message : String(err));
      await ledger.touch(delivery.id, clock.now());
      if (e.kind === 'rate_limited') {
        stats.rateLimited++;
        metrics.rateLimited.inc({ platform: sub.platform });
        const wait = e.retryAfterMs ?? 1000;
        pacer.blockChat(sub.platform, target.chatId, wait);
        if (++rateLimited <= policy.maxRateLimited) continue;
        return await fail(`rate limited ${rateLimited} times`, false);
      }
      if (e.kind === 'migrated' && e.migratedTo && migrations++ < 2) {
        log.info(`subscription ${sub.id}: chat ${target.chatId} moved to ${e.migratedTo}; following it`);
        await deps.subscriptions.moveChat(sub.platform, target.chatId, e.migratedTo);
        await deps.onChatMigrated?.(sub.platform, target.chatId, e.migratedTo);
        target.chatId = e.migratedTo;
        stats.migrated++;
        continue;
      }
      if (e.kind === 'permanent' || e.kind === 'migrated') return await fail(e.message, true, e.sentMessageIds);
      if (++transientFailures < policy.maxAttempts) {
        stats.retried++;
        const backoff = policy.backoffMs * 2 ** (transientFailures - 1);
        await clock.sleep(backoff * (0.8 + Math.random() * 0.4));
        continue;
      }
      return await fail(`gave up after ${transientFailures} attempts: ${e.message}`, false, e.sentMessageIds);
    }
    // It is out: from here nothing may count as a failed send (that would send it again).
    const ids = [...partial, ...res.messageIds];
    try {
      await ledger.markSent(delivery, ids, stories, clock.now());
    } catch (err) {
      throw new SentUnrecordedError(delivery.id, err);
    }
    // The digest is the chat's first message about these stories (unless an alert was): later updates go to it.
    try {
      if (ids[0]) await deps.onStoriesSent?.(sub, ids[0], stories.map((s) => s.storyId).filter((id) => id > 0));
    } catch (err) {
      log.warn(`digest ${delivery.id}: anchoring its stories failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    stats.sent++;
    metrics.digestsSent.inc({ platform: sub.platform });
    stats.messages += res.messageIds.length;
    // The adapter split it into more messages than reserved: pay for them before anything else goes out.
    if (res.messageIds.length > estimate) await pacer.acquire(sub.platform, target.chatId, res.messageIds.length - estimate);
    return 'sent';
  }

  async function fail(error: string, permanent: boolean, sentIds: string[] = []): Promise<'failed'> {
    log.warn(`digest for subscription ${sub.id} (${sub.platform} chat ${target.chatId}) due ${delivery.due_at} failed: ${error}`);
    const retryAt = permanent ? null : laterPassAt(delivery, policy, clock.now());
    await ledger.markFailed(delivery, error, { permanent, reason: permanent ? error : undefined, messageIds: [...partial, ...sentIds], retryAt, pauseAfter: deps.pauseAfter });
    stats.failed++;
    metrics.digestsFailed.inc({ platform: sub.platform });
    return 'failed';
  }
}
