/**
 * One alert pass: for every chat that follows something, outside its quiet hours, the stories with
 * really new coverage since it last heard of them (core/follow/find-alerts.ts) go out as one batch,
 * claimed in the digest ledger (at most one batch per chat per interval, exactly once across
 * processes). New stories share one message in the chat, which becomes each story's anchor;
 * updates of a story already anchored go into its thread (Discord) or reply to its first message
 * (Telegram, same forum topic).
 */
import { DateTime } from 'luxon';
import type { Stores } from '../core/store/stores.ts';
import type { Platform, ReplyLang } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import type { DeliveryTarget } from '../adapters/types.ts';
import { DeliveryError } from '../adapters/types.ts';
import type { Delivery, SentStory } from '../core/store/ledger-store.ts';
import type { Subscription } from '../core/store/subscription-store.ts';
import { findAlerts, type AlertStory } from '../core/follow/find-alerts.ts';
import { renderAlertBatch, renderStoryUpdate } from '../core/follow/render-alert.ts';
import { postToStory } from './story-posts.ts';
import { recoverStaleAlerts } from './recover-stale.ts';
import type { ChatSettings } from '../core/store/chat-settings-store.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Pacer } from './pacer.ts';
import { newClaimerId, LostClaimError, type Adapters } from './claimer.ts';

/** At most one alert batch per chat per this interval, by default. */
export const ALERT_INTERVAL_MS = 10 * 60_000;

export interface AlertOptions {
  log: Logger;
  clock?: Clock;
  claimer?: string;
  pacer?: Pacer;
  everyMs?: number;
  /** A claim on another host not refreshed for this long is stale (ms; default 15 minutes). */
  leaseMs?: number;
  /** Time zone for quiet hours when the chat set none (NEWSBOT_DEFAULT_TZ). */
  defaultTz?: string;
}

export interface AlertSummary {
  chats: number;
  batches: number;
  stories: number;
  messages: number;
  quiet: number;
  failed: number;
}

/** Whether `at` falls in the chat's quiet hours (start ≤ t < end, wrapping past midnight), in its time zone. */
export function inQuietHours(settings: Pick<ChatSettings, 'quietStart' | 'quietEnd' | 'timezone'> | null, at: Date, defaultTz = 'Asia/Taipei'): boolean {
  if (!settings || settings.quietStart === null || settings.quietEnd === null || settings.quietStart === settings.quietEnd) return false;
  const local = DateTime.fromJSDate(at, { zone: settings.timezone ?? defaultTz });
  const t = local.hour * 60 + local.minute;
  const { quietStart: s, quietEnd: e } = settings;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

const toSent = (s: AlertStory): SentStory => ({ storyId: s.storyId, articleCount: s.articleCount, outletCount: s.outlets.length, lastUpdated: null });

/** Sends the alerts due at `at` through `adapters` (platforms without one are left for later). */
export async function runAlerts(stores: Stores, adapters: Adapters, at: Date, opts: AlertOptions): Promise<AlertSummary> {
  const clock = opts.clock ?? systemClock;
  const claimer = opts.claimer ?? newClaimerId();
  const follows = stores.follows;
  const { ledger, subscriptions: subs, chatSettings: settings } = stores;
  const threads = stores.follows.threads;
  const platforms = (Object.keys(adapters) as Platform[]).filter((p) => adapters[p]);
  const summary: AlertSummary = { chats: 0, batches: 0, stories: 0, messages: 0, quiet: 0, failed: 0 };

  const everyMs = opts.everyMs ?? ALERT_INTERVAL_MS;

  /** Sends one claimed batch; each part's stories are recorded as delivered as soon as it is out. */
  const sendBatch = async (sub: Subscription, delivery: Delivery, stories: AlertStory[], lang: ReplyLang) => {
    const adapter = adapters[sub.platform]!;
    const place: DeliveryTarget = { platform: sub.platform, chatId: sub.chat_id, threadId: sub.thread_id ?? undefined, lang };
    const fresh: AlertStory[] = [];
    for (const s of stories) if (!(await threads.get(sub.platform, sub.chat_id, s.storyId))) fresh.push(s);
    const known = stories.filter((s) => !fresh.includes(s));
    const sentIds: string[] = [];
    const delivered: AlertStory[] = [];
    // Keys are stable per (batch, part): a Discord resend after a crash reuses them, so Discord refuses the duplicate.
    const send = async (target: DeliveryTarget, reply: ReturnType<typeof renderAlertBatch>, part: string, replyTo?: string) => {
      await opts.pacer?.acquire(sub.platform, target.chatId, 1);
      if (!(await ledger.markSending(delivery.id, clock.now(), delivery.claimed_by))) throw new LostClaimError(delivery.id);
      await opts.pacer?.beforeSend?.(sub.platform, 1);
      const res = await adapter.send(target, reply, { idempotencyKey: `alert:${sub.id}:${delivery.due_at}:${part}`, replyTo });
      sentIds.push(...res.messageIds);
      summary.messages += res.messageIds.length;
      return res.messageIds;
    };
    const done = async (part: AlertStory[]) => {
      await ledger.recordStories(sub.id, part.map(toSent), delivery.due_at);
      delivered.push(...part);
    };
    try {
      if (fresh.length) {
        const ids = await send(place, renderAlertBatch(fresh, lang), 'chat');
        if (ids[0]) await threads.anchor(sub.platform, sub.chat_id, fresh.map((s) => s.storyId), ids[0], sub.thread_id, clock.now());
        await done(fresh);
      }
      for (const s of known) {
        const row = (await threads.get(sub.platform, sub.chat_id, s.storyId))!;
        await postToStory(adapter, threads, place, row, { name: s.title, reply: renderStoryUpdate(s, lang), send, part: `story-${s.storyId}`, threadsAllowed: !sub.thread_id });
        await done([s]);
      }
      await ledger.markSent(delivery, sentIds, delivered.map(toSent), clock.now());
      summary.stories += delivered.length;
    } catch (err) {
      if (err instanceof LostClaimError) {
        opts.log.warn(`alerts for ${sub.platform} chat ${sub.chat_id}: ${err.message}; not sending`);
        return;
      }
      const e = err instanceof DeliveryError ? err : new DeliveryError('transient', err instanceof Error ? err.message : String(err));
      // What did go out is already recorded, so the next batch does not repeat it; the rest waits for it.
      await ledger.markFailed(delivery, e.message, { permanent: e.kind === 'permanent', reason: e.kind === 'permanent' ? e.message : undefined, messageIds: sentIds, retryAt: null });
      opts.log.warn(`alerts for ${sub.platform} chat ${sub.chat_id} failed: ${e.message}`);
      summary.stories += delivered.length;
      summary.failed++;
    }
  };

  // Batches left by a process that died mid-send (recover-stale.ts): Discord ones are resent with the same nonces.
  const recovered = await recoverStaleAlerts(ledger, subs, { claimer, now: clock.now(), leaseMs: opts.leaseMs ?? 15 * 60_000, platforms, log: opts.log });
  for (const { sub, delivery } of recovered.resend) {
    const cs = await settings.get(sub.platform, sub.chat_id);
    const planned = new Set(delivery.story_ids);
    const found = await findAlerts(stores, await follows.listByChat(sub.platform, sub.chat_id), await ledger.sentTimes(sub.id), new Date(delivery.due_at));
    const stories = found.filter((s) => planned.has(s.storyId));
    summary.batches++;
    await sendBatch(sub, delivery, stories, cs?.lang ?? sub.lang);
  }

  for (const sub of await follows.alertChats(platforms)) {
    summary.chats++;
    const cs = await settings.get(sub.platform, sub.chat_id);
    if (inQuietHours(cs, at, opts.defaultTz)) {
      summary.quiet++;
      continue;
    }
    const stories = await findAlerts(stores, await follows.listByChat(sub.platform, sub.chat_id), await ledger.sentTimes(sub.id), at);
    if (!stories.length) continue;
    const delivery = await ledger.claimAlert(sub, at, everyMs, claimer, clock.now(), stories.map((s) => s.storyId));
    if (!delivery) continue;
    summary.batches++;
    await sendBatch(sub, delivery, stories, cs?.lang ?? sub.lang);
  }
  return summary;
}
