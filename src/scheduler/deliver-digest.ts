/**
 * Builds and sends one claimed digest: compose it, send it through its chat's adapter (paced,
 * recorded in the ledger), then leave notes in the threads of followed stories it updated. Shared
 * by the in-process scheduler pass (run-due-digests.ts) and the queue's digest jobs (cluster/).
 */
import type { Stores } from '../core/store/stores.ts';
import type { Platform } from '../core/contract/types.ts';
import type { Logger } from '../core/logger.ts';
import type { Delivery } from '../core/store/ledger-store.ts';
import type { Subscription } from '../core/store/subscription-store.ts';
import { composeDigest, type DigestSource } from '../core/digest/compose-digest.ts';
import type { Clock } from './clock.ts';
import type { Pacer } from './pacer.ts';
import { laterPassAt, sendDigest, SentUnrecordedError, type SendDeps, type SendPolicy, type SendStats } from './send-digest.ts';
import { planStoryNotes, postStoryNotes } from './digest-story-notes.ts';
import type { Adapters } from './claimer.ts';

export interface DeliverDeps {
  stores: Stores;
  adapters: Adapters;
  source: DigestSource;
  pacer: Pacer;
  clock: Clock;
  log: Logger;
  policy: SendPolicy;
  stats: SendStats;
  pauseAfter?: number;
  maxStories: number;
  emptyNote: boolean;
}

export type DeliverOutcome = 'sent' | 'failed' | 'empty' | 'lost' | 'unrecorded' | 'error';

function sendDeps(d: DeliverDeps): SendDeps {
  const { stores, clock } = d;
  const threads = stores.follows.threads;
  return {
    ledger: stores.ledger,
    subscriptions: stores.subscriptions,
    pacer: d.pacer,
    clock,
    log: d.log,
    policy: d.policy,
    stats: d.stats,
    pauseAfter: d.pauseAfter,
    onChatMigrated: async (p: Platform, from: string, to: string) => {
      await stores.chatSettings.moveChat(p, from, to, clock.now());
      await threads.moveChat(p, from, to);
      await stores.follows.moveChat(p, from, to);
    },
    onStoriesSent: async (s: Subscription, messageId: string, storyIds: number[]) =>
      await threads.anchor(s.platform, s.chat_id, storyIds, messageId, s.open_thread && s.platform === 'discord' ? messageId : (s.thread_id ?? null), clock.now()),
  };
}

/** Delivers `delivery` (claimed by this process) of `sub`; never throws for a platform or build failure. */
export async function deliverDigest(d: DeliverDeps, sub: Subscription, delivery: Delivery): Promise<DeliverOutcome> {
  const { stores, clock } = d;
  const { ledger, subscriptions: subs } = stores;
  const fresh = (await subs.get(sub.id)) ?? sub; // the chat id may have moved (migration) since it was claimed
  try {
    const composed = await composeDigest(fresh, new Date(delivery.due_at), {
      source: d.source,
      ledger,
      maxStories: d.maxStories,
      emptyNote: d.emptyNote,
    });
    if (!composed.reply) {
      await ledger.markSkippedEmpty(delivery, clock.now());
      return 'empty';
    }
    const adapter = d.adapters[fresh.platform];
    if (!adapter) throw new Error(`no ${fresh.platform} adapter in this process`);
    const notes = await planStoryNotes(ledger, stores.follows.threads, fresh, composed.updates);
    const outcome = await sendDigest(sendDeps(d), adapter, fresh, delivery, composed.reply, composed.stories);
    if (outcome === 'sent' && notes.length) {
      const now = (await subs.get(sub.id)) ?? fresh; // the chat may have moved while sending
      d.stats.messages += await postStoryNotes({ adapter: d.adapters[now.platform]!, threads: stores.follows.threads, pacer: d.pacer, log: d.log }, now, delivery, notes);
    }
    return outcome;
  } catch (err) {
    if (err instanceof SentUnrecordedError) {
      d.log.error(`subscription ${sub.id}: ${err.message}; left to stale-claim recovery`, err.cause);
      return 'unrecorded';
    }
    d.log.error(`digest for subscription ${sub.id} due ${delivery.due_at} could not be built`, err);
    await ledger.markFailed(delivery, `internal: ${err instanceof Error ? err.message : String(err)}`, { permanent: false, retryAt: laterPassAt(delivery, d.policy, clock.now()) });
    d.stats.failed++;
    return 'error';
  }
}
